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
 * (the search store got smaller) to 0.915 / 0.845 / 0.834; the floors sit there.
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

const queries = JSON.parse(readFileSync(join(root, 'tests', 'search', 'tuning-queries.json'), 'utf8')) as TuningQuery[]

describe('search tuning set', () => {
  it('holds its floors (MRR 0.91, nDCG@10 0.84, natural-question MRR 0.83)', () => {
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
    console.log(`tuning set: MRR ${mrr.toFixed(3)}, nDCG@10 ${ndcg.toFixed(3)}, natural MRR ${natural.toFixed(3)}`)
    expect(queries.length).toBe(70)
    expect(mrr).toBeGreaterThanOrEqual(0.91)
    expect(ndcg).toBeGreaterThanOrEqual(0.84)
    expect(natural).toBeGreaterThanOrEqual(0.83)
  })
})
