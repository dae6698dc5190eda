/**
 * Held-out evaluation of search and the claim checker on the blind sets in bench/eval/blind (written by a helper who
 * never saw the code's cues, synonyms or the tuning sets; see its README). Shared by `bench/eval/run.ts` (prints the
 * tables) and `tests/eval/blind.test.ts` (holds the floors). Nothing here is tuned on: do not edit the blind files.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Where the blind sets live. */
export const blindDir = join(import.meta.dirname, 'blind')

/** One graded search query. */
export interface BlindQuery {
  readonly id: string
  readonly persona: string
  readonly natural: boolean
  readonly query: string
  /** `type:id` → grade: 3 the answer, 2 clearly relevant, 1 partly relevant. */
  readonly relevant: Readonly<Record<string, number>>
}

/** One labelled passage of a draft. */
export interface BlindPassage {
  readonly quote: string
  readonly claim: string
  readonly stance: 'asserts' | 'reports' | 'questions' | 'negates'
}

/** A draft with its labels. */
export interface BlindDraft {
  readonly file: string
  readonly persona: string
  readonly text: string
  readonly passages: readonly BlindPassage[]
}

/** The blind search queries. */
export function blindQueries(): BlindQuery[] {
  return JSON.parse(readFileSync(join(blindDir, 'search-queries.json'), 'utf8')) as BlindQuery[]
}

/** The blind drafts (tracked claims and negatives) with their labels. */
export function blindDrafts(): BlindDraft[] {
  const labels = JSON.parse(readFileSync(join(blindDir, 'drafts-labels.json'), 'utf8')) as Record<
    string,
    { persona: string; passages: BlindPassage[] }
  >
  return Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, l]) => ({
      file,
      persona: l.persona,
      passages: l.passages,
      text: readFileSync(join(blindDir, 'drafts', file), 'utf8'),
    }))
}

/** Health texts that never mention ketamine or KAP: no claim may be flagged in them. */
export function healthNegatives(): { file: string; text: string }[] {
  const dir = join(blindDir, 'health-negatives')
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }))
}

/** Ranking quality of one query: reciprocal rank of the first grade ≥ 2 record, and nDCG@10 with gains 2^grade − 1. */
export function rankMetrics(
  ranked: readonly string[],
  relevant: Readonly<Record<string, number>>,
): { rr: number; ndcg: number } {
  const first = ranked.findIndex((r) => (relevant[r] ?? 0) >= 2)
  const rr = first < 0 ? 0 : 1 / (first + 1)
  const gain = (g: number) => 2 ** g - 1
  const dcg = ranked.slice(0, 10).reduce((s, r, i) => s + gain(relevant[r] ?? 0) / Math.log2(i + 2), 0)
  const ideal = Object.values(relevant)
    .sort((a, b) => b - a)
    .slice(0, 10)
    .reduce((s, g, i) => s + gain(g) / Math.log2(i + 2), 0)
  return { rr, ndcg: ideal === 0 ? 0 : dcg / ideal }
}

/** Search quality over a query set: mean reciprocal rank and mean nDCG@10, overall and for natural questions. */
export interface SearchScores {
  readonly queries: number
  readonly mrr: number
  readonly ndcg10: number
  readonly naturalQueries: number
  readonly naturalMrr: number
  /** Per query: id, query, reciprocal rank, nDCG@10 and the top 3 returned. */
  readonly rows: readonly { id: string; query: string; rr: number; ndcg: number; top: string[] }[]
}

/**
 * Scores a search function on the blind queries.
 * @param run - returns `type:id` keys, best first
 */
export function scoreSearch(
  run: (query: string) => string[],
  queries: readonly BlindQuery[] = blindQueries(),
): SearchScores {
  const rows = queries.map((q) => {
    const ranked = run(q.query)
    return { id: q.id, query: q.query, natural: q.natural, ...rankMetrics(ranked, q.relevant), top: ranked.slice(0, 3) }
  })
  const mean = (xs: number[]) => (xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length)
  const natural = rows.filter((r) => r.natural)
  return {
    queries: rows.length,
    mrr: mean(rows.map((r) => r.rr)),
    ndcg10: mean(rows.map((r) => r.ndcg)),
    naturalQueries: natural.length,
    naturalMrr: mean(natural.map((r) => r.rr)),
    rows: rows.map(({ natural: _n, ...r }) => r),
  }
}

/** Checker quality: precision and recall over the distinct claims of each draft, and alarms on negative texts. */
export interface CheckerScores {
  readonly drafts: number
  readonly expected: number
  readonly found: number
  readonly truePositives: number
  readonly precision: number
  readonly recall: number
  /** Claims flagged in drafts labelled with no passage. */
  readonly negativeAlarms: number
  /** Claims flagged in the health texts without a ketamine/KAP mention. */
  readonly healthAlarms: number
  readonly rows: readonly {
    file: string
    expected: number
    found: number
    tp: number
    missed: string[]
    extra: string[]
  }[]
}

/**
 * Scores a checker on the blind drafts. Every labelled passage counts, whatever its stance: a finding that a page
 * reports, questions or negates a claim still names the claim.
 * @param claimsIn - the claim ids the checker finds in a text
 */
export function scoreChecker(
  claimsIn: (text: string) => readonly string[],
  drafts: readonly BlindDraft[] = blindDrafts(),
  health = healthNegatives(),
): CheckerScores {
  const rows = drafts.map((d) => {
    const expected = new Set(d.passages.map((p) => p.claim))
    const found = new Set(claimsIn(d.text))
    const tp = [...found].filter((c) => expected.has(c)).length
    return {
      file: d.file,
      expected: expected.size,
      found: found.size,
      tp,
      missed: [...expected].filter((c) => !found.has(c)).sort(),
      extra: [...found].filter((c) => !expected.has(c)).sort(),
    }
  })
  const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + f(r), 0)
  const tp = sum((r) => r.tp)
  const found = sum((r) => r.found)
  const expected = sum((r) => r.expected)
  return {
    drafts: rows.length,
    expected,
    found,
    truePositives: tp,
    precision: found === 0 ? NaN : tp / found,
    recall: expected === 0 ? NaN : tp / expected,
    negativeAlarms: sum((r) => (r.expected === 0 ? r.found : 0)),
    healthAlarms: health.reduce((s, h) => s + claimsIn(h.text).length, 0),
    rows,
  }
}
