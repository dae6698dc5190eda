// Floors on the held-out (blind) evaluation sets in bench/eval/blind, written without sight of the cues, synonyms or
// tuning sets and frozen before the first run. The floors sit at the measured values and only ever rise; the goals of
// issue 14 (search MRR ≥ 0.90, nDCG@10 ≥ 0.85, natural MRR ≥ 0.85; checker precision ≥ 0.90, recall ≥ 0.80) are
// targets, reported by `npx tsx bench/eval/run.ts`, not floors.
import { describe, expect, it } from 'vitest'
import { blindDrafts, blindQueries, healthNegatives, scoreChecker, scoreSearch } from '../../bench/eval/metrics'
import { claimsIn } from '../../src/check/index'
import { search } from '../../src/search/index'
import { docTableRow } from '../helpers/doc-table'

// Measured on 2026-12-03 before any tuning: MRR 0.880, nDCG@10 0.75, natural MRR 0.70; precision 0.637, recall 0.55.
// Re-measured after the compact search store (issue 15) and the re-verified data (leads without titles), same day:
// MRR 0.867, nDCG@10 0.72, natural MRR 0.72; the checker unchanged. After the claims were re-judged on citable
// evidence only (the blind grades were written against the earlier records): MRR 0.864, nDCG@10 0.703, natural MRR
// 0.70. After search ranking without cliffs (issue 14, 2026-12-04: every record matching any meaningful word, an
// idf-weighted coordination factor, question and filler words dropped, linked concept groups, correction of unknown
// words): MRR 0.888, nDCG@10 0.786, natural MRR 0.779; with the paraphrases issue 14 names added to the cues (not
// taken from these sets): checker precision 0.645, recall 0.566. After the concept classes, cues tuned on a second
// blind-written set (tests/check/fixtures/voices, never on these) and one best claim per passage (cuesYieldTo),
// 2026-12-04: precision 0.696 (64 of 92), recall 0.604 (64 of 106), no alarms; after two more blind-written voices
// rounds (30 drafts in all) and more cuesYieldTo: precision 0.755 (71 of 94), recall 0.670 (71 of 106), no alarms;
// after a fourth round (50 drafts): precision 0.766 (72 of 94), recall 0.679 (72 of 106); after a fifth (60 drafts):
// precision 0.777 (73 of 94), recall 0.689 (73 of 106); after a seventh (78 drafts): precision 0.787 (74 of 94),
// recall 0.698 (74 of 106), no alarms; after a ninth (110 drafts):
// precision 0.804 (78 of 97), recall 0.736 (78 of 106), no alarms; after a tenth (126 drafts): precision 0.796
// (78 of 98), recall 0.736, no alarms — that round raised the tuning set and cost one false alarm here. Search with
// lay terms (data/search/lay-terms.json: per record, the words visitors type for it, written blind from the list of
// records by a helper who saw neither these queries nor the tuning set; eight new words per record, the most the search
// page's budget allows, replacing the rare words of the summaries): MRR 0.911, nDCG@10 0.825, natural MRR 0.809.
// Records stored by position in the search store (2026-12-04, their ids come from the id lists the page already
// loads) freed 1.5 KB, which took the cap to ten words per record, chosen on the tuning set with 1 KB of the page
// budget left for data growth: MRR 0.921, nDCG@10 0.825, natural MRR 0.838; with more conversational filler words
// (keep, usually, basically, stuff …) and the verdict notes rewritten without their dated history: 0.923 / 0.825 /
// 0.835. After an eleventh round of blind drafts (24 texts from three helpers): precision 0.800 (80 of 100), recall
// 0.755 (80 of 106), no alarms. Search reading twelve query units instead of eight, a cap on a word's weight in the
// coordination factor, three synonym additions and a second tuning set (all chosen on the tuning sets, never on
// this one): MRR 0.938, nDCG@10 0.831, natural MRR 0.871. After a twelfth checker round (24 drafts): precision
// 0.802 (81 of 101), recall 0.764 (81 of 106), no alarms. Synonym groups for side effects, DID and speed (chosen on
// the tuning sets): MRR 0.938, nDCG@10 0.832, natural MRR 0.871. After a thirteenth checker round (24 drafts; the
// bare 'treat*' out of the $FOR macro, more specific cues, one more cuesYieldTo): precision 0.816 (84 of 103), recall
// 0.792 (84 of 106), no alarms. Passages no longer join the end of one paragraph to the start of the next (only a
// heading or a question is read with the paragraph after it), chosen on two fresh blind sets measured before any
// change (precision/recall 0.847 / 0.857 with cross-paragraph passages, 0.899 / 0.845 without): here precision 0.879
// (80 of 91), recall 0.755 (80 of 106), no alarms — a trade of recall for precision, F1 0.804 → 0.812. The sixteenth
// round's cue work left these figures unchanged; after the seventeenth: precision 0.880 (81 of 92), recall 0.764 (81
// of 106), no alarms. After the twenty-third round (denials by the opposite, chosen on that round's drafts): precision
// 0.883 (83 of 94), recall 0.783 (83 of 106), no alarms. After the twenty-seventh round (sentences end at a question
// mark before a lower-case word, more denials by the opposite): precision 0.884 (84 of 95), recall 0.792 (84 of 106).
// The floors sit at these values.
const FLOORS = { mrr: 0.93, ndcg10: 0.83, naturalMrr: 0.87, precision: 0.87, recall: 0.78 }

describe('held-out evaluation', () => {
  it('the blind sets are present and large enough to mean something', () => {
    expect(blindQueries().length).toBeGreaterThanOrEqual(100)
    expect(blindDrafts().length).toBeGreaterThanOrEqual(20)
    expect(healthNegatives().length).toBeGreaterThanOrEqual(20)
  })

  it('search holds its floors', () => {
    const s = scoreSearch((q) => search(q, { limit: 20 }).map((h) => `${h.type}:${h.id}`))
    expect(s.mrr).toBeGreaterThanOrEqual(FLOORS.mrr)
    expect(s.ndcg10).toBeGreaterThanOrEqual(FLOORS.ndcg10)
    expect(s.naturalMrr).toBeGreaterThanOrEqual(FLOORS.naturalMrr)
  })

  it('the checker holds its floors and raises no alarm on texts without a tracked claim', () => {
    const c = scoreChecker((t) => claimsIn(t))
    expect(c.precision).toBeGreaterThanOrEqual(FLOORS.precision)
    expect(c.recall).toBeGreaterThanOrEqual(FLOORS.recall)
    expect(c.negativeAlarms).toBe(0)
    expect(c.healthAlarms).toBe(0)
  })

  it('docs/claim-checker.md shows these figures', () => {
    const c = scoreChecker((t) => claimsIn(t))
    const cells = docTableRow('claim-checker.md', '| **blind set')
    expect(cells).toEqual(
      [c.drafts, c.expected, c.found, c.truePositives, c.found - c.truePositives]
        .map(String)
        .concat([c.precision.toFixed(2), c.recall.toFixed(2)]),
    )
  })

  it('the metrics themselves can fail', () => {
    const perfect = scoreSearch(
      () => ['study:dore-2019'],
      [{ id: 'q', persona: 'writer', natural: false, query: 'x', relevant: { 'study:dore-2019': 3 } }],
    )
    expect([perfect.mrr, perfect.ndcg10]).toEqual([1, 1])
    const miss = scoreSearch(
      () => ['study:x'],
      [{ id: 'q', persona: 'writer', natural: true, query: 'x', relevant: { 'study:dore-2019': 3 } }],
    )
    expect([miss.mrr, miss.ndcg10, miss.naturalMrr]).toEqual([0, 0, 0])
  })
})
