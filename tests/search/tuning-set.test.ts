/**
 * The search tuning set (tests/search/tuning-queries.json): 70 queries by five personas (30 natural questions), with
 * graded answers, written blind on 2026-12-04 by a helper who saw only the list of records — not the synonyms, the
 * ranking code or the held-out set. Unlike bench/eval/blind it may be tuned on. Measured when it was frozen: MRR
 * 0.825, nDCG@10 0.739, natural-question MRR 0.680. A synonym round tuned on it that day raised it to 0.861 / 0.774 /
 * 0.740 but left the held-out set flat (natural MRR 0.779 → 0.763), so it was not kept; the floors sit at the frozen
 * values and rise only with changes that also hold on the held-out set. Restoring two studies as evidence (issue 11,
 * data version 0.2.0, later the same day) lengthened some claims' evidence notes and moved the set to 0.821 / 0.733 /
 * 0.672 (held-out set unchanged). The lay terms (data/search/lay-terms.json, written blind from the record list,
 * then capped at eight words per record by the page budget) raised it to 0.903 / 0.841 / 0.807; ten words per record
 * (the search store got smaller) to 0.915 / 0.845 / 0.834; capping a query word's weight in the coordination factor
 * (`COVERAGE_IDF_CAP`) moved it to 0.912 / 0.847 / 0.829, a trade for the second set below; the floors sit there.
 *
 * The second tuning set (tests/search/tuning-queries-2.json): 45 queries (29 natural) written blind on 2026-12-04 by
 * another helper who saw only the record list, graded the same way. Measured when it was frozen, before any change:
 * MRR 0.772, nDCG@10 0.676, natural-question MRR 0.647 — far below the held-out set's figures that day (0.921 /
 * 0.825 / 0.838), a reminder that one blind set overstates how well search reads a new writer. Reading twelve
 * units of a query instead of eight, the coverage cap, more filler words and three synonym additions (suicide and
 * 'killing himself' with suicidal ideation, 'shock therapy' with ECT, and a group for wearing off and fading) took it
 * to 0.851 / 0.735 / 0.768; the floors sit there.
 *
 * The third (tests/search/tuning-queries-3.json): 50 queries (29 natural), written blind the same day by a third
 * helper after those changes. Measured when it was frozen: 0.803 / 0.730 / 0.661 — and 0.848 / 0.747 / 0.738 on the
 * code at the start of that day. The day's search changes, chosen on the second set, did not carry over to this one
 * (they raised the held-out set), so the gain they showed on the set they were chosen on is partly fitted to it; with
 * ~30 natural questions per set a difference of 0.05 is within noise. Reading a lower-case "im" as "I'm" rather than
 * intramuscular ("im bipolar …") then took it to 0.813 / 0.736 / 0.678. Two synonym groups for words any visitor uses
 * (side effects / downside / drawback; DID, read as dissociative identity disorder only in capitals) took it to
 * 0.824 / 0.751 / 0.696 (first set 0.912 / 0.845 / 0.829, second 0.851 / 0.734 / 0.768); a group for speed (rapid,
 * fast, quick, "how quickly", "within hours", "same day") to 0.837 / 0.758 / 0.719 (first set unchanged, second
 * 0.862 / 0.738 / 0.785); the floors sit there. Tried and not kept: a group for repeated dosing ("how many sessions",
 * "how often", "repeated infusions"), which lowered the first two sets.
 *
 * The fourth and fifth (tests/search/tuning-queries-4.json and -5.json, 50 queries each, 20 natural): written blind on
 * 2026-12-04 by two more helpers who saw only the records (claims without their cues), the fifth asked for topics the
 * others had missed (who runs sessions, how many, teenagers, older adults, alcohol, brain imaging, the FDA). Measured
 * when frozen, before any change: 0.917 / 0.791 / 0.819 and 0.759 / 0.676 / 0.604 — the fifth far below the held-out
 * set, a reminder of how much one set's phrasing decides. Tried on them and not kept: weighting studies above claims
 * (×1.3: sets two to four up, the held-out set down), a synonym group for "alone / on its own / without therapy"
 * (flat). The full-text words of loadFullText() (tests/search/full-text.test.ts), chosen on all five sets, take them
 * to 0.932 / 0.804 / 0.856 and 0.809 / 0.713 / 0.692; the floors below are for the default index.
 *
 * On 2026-12-06 the fifth set's "ketamine addictive? getting hooked" found the trials of ketamine for addiction, because
 * the stemmer reads "addictive" as "addiction". "addictive" is now an index term of its own (`KEPT_APART` in
 * src/search/text.ts), a synonym group joins it with misuse, "habit forming" and "getting hooked", and "addictive" is a
 * lay term of the risks claim and the FDA's 2023 warning, which names abuse and misuse. The sets moved to 0.912 /
 * 0.846 / 0.829, 0.862 / 0.738 / 0.785, 0.851 / 0.762 / 0.742, 0.917 / 0.791 / 0.819 and 0.779 / 0.689 / 0.608; the
 * held-out set is unchanged (0.938 / 0.831 / 0.871). The third and fifth floors rise with them.
 *
 * Later on 2026-12-06, 26 verdict notes were reworded to open with the evidence and the reason together ("…, but …"),
 * for the handout's why. A claim's snippet is the first 150 characters of its note, so the first rewording (reason
 * first, evidence after) cost these sets up to 0.02 of MRR; keeping each note's evidence words at its start brought
 * them to 0.913 / 0.846 / 0.831, 0.866 / 0.736 / 0.791, 0.853 / 0.766 / 0.746, 0.922 / 0.801 / 0.831 and 0.789 /
 * 0.695 / 0.635 (held-out set 0.942 / 0.833 / 0.885). Floors unchanged.
 *
 * On 2026-12-07 a second curator's check of the verdicts (docs/verdict-audit.md) changed twelve verdicts and rewrote
 * their notes' openings, which are the claims' snippets. Two queries moved from first to second on near-ties that the
 * corpus statistics decide, and two moved up: the second set's "I have bipolar, am I allowed …" now finds the Houston
 * page (2.272) just above the contraindications claim (2.255, was 2.265 against 2.232). That set's MRR and
 * natural-question floors go from 0.86 / 0.78 to 0.85 / 0.77 (measured 0.854 / 0.774); the other floors hold
 * (0.913 / 0.846 / 0.831, 0.854 / 0.730 / 0.774, 0.853 / 0.766 / 0.746, 0.922 / 0.802 / 0.831, 0.794 / 0.696 / 0.635;
 * held-out set 0.944 / 0.833 / 0.885).
 *
 * Later on 2026-12-07 a study joined the library (abdallah-2022, a 158-person trial of ketamine for PTSD in veterans).
 * Before the first run a judge who saw no ranking graded it against every query (bench/eval/blind/README.md): 21
 * queries of these sets. Ungraded, it cost the third set 0.01 of MRR (its "ex military with bad ptsd" query finds it
 * first, as it should); graded, that set is back to 0.853 / 0.766 / 0.746. What it still costs is nDCG: where it is
 * graded 1 and ranked low, and where its words ("dose", "placebo") shift the corpus statistics. The second set's
 * nDCG floor goes from 0.73 to 0.72 (measured 0.730 → 0.7297); the others hold (0.913 / 0.845 / 0.831, 0.854 / 0.730
 * / 0.774, 0.853 / 0.766 / 0.746, 0.922 / 0.801 / 0.831, 0.794 / 0.696 / 0.635).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { rankMetrics } from '../../bench/eval/metrics'
import { search } from '../../src/search/index'
import { root } from '../helpers/paths'

interface TuningQuery {
  readonly id: string
  readonly natural: boolean
  readonly query: string
  readonly relevant: Readonly<Record<string, number>>
}

const SETS = [
  { file: 'tuning-queries.json', size: 70, floors: { mrr: 0.91, ndcg: 0.84, natural: 0.82 } },
  { file: 'tuning-queries-2.json', size: 45, floors: { mrr: 0.85, ndcg: 0.72, natural: 0.77 } },
  { file: 'tuning-queries-3.json', size: 50, floors: { mrr: 0.85, ndcg: 0.76, natural: 0.74 } },
  { file: 'tuning-queries-4.json', size: 50, floors: { mrr: 0.91, ndcg: 0.79, natural: 0.81 } },
  { file: 'tuning-queries-5.json', size: 50, floors: { mrr: 0.77, ndcg: 0.68, natural: 0.6 } },
] as const

describe('search tuning sets', () => {
  for (const set of SETS) {
    const { mrr: fm, ndcg: fn, natural: fq } = set.floors
    it(`${set.file} holds its floors (MRR ${fm}, nDCG@10 ${fn}, natural-question MRR ${fq})`, () => {
      const queries = JSON.parse(readFileSync(join(root, 'tests', 'search', set.file), 'utf8')) as TuningQuery[]
      const rows = queries.map((q) => ({
        q,
        ...rankMetrics(
          search(q.query, { limit: 20 }).map((r) => `${r.type}:${r.id}`),
          q.relevant,
        ),
      }))
      const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
      const mrr = mean(rows.map((r) => r.rr))
      const ndcg = mean(rows.map((r) => r.ndcg))
      const natural = mean(rows.filter((r) => r.q.natural).map((r) => r.rr))
      console.log(`${set.file}: MRR ${mrr.toFixed(3)}, nDCG@10 ${ndcg.toFixed(3)}, natural MRR ${natural.toFixed(3)}`)
      expect(queries.length).toBe(set.size)
      expect(mrr).toBeGreaterThanOrEqual(fm)
      expect(ndcg).toBeGreaterThanOrEqual(fn)
      expect(natural).toBeGreaterThanOrEqual(fq)
    })
  }
})
