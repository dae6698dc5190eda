/**
 * Relevance on the shipped data: realistic queries from a clinic visitor, a writer checking a citation and an
 * educator preparing a topic (tests/search/relevance-queries.ts), each with the records that must be in the top 3.
 * Prints MRR and recall@3 per group and asserts floors, so ranking changes cannot quietly make search worse.
 */
import { describe, expect, it } from 'vitest'
import { getClaim, getSource, getStudy } from '../../src/index'
import { search } from '../../src/search/index'
import { relevanceCases, type RelevanceCase } from './relevance-queries'

/**
 * Floors: the measured values when the cases were written (MRR 0.984, recall@3 1.000), less a small margin. With the
 * lay terms (issue 14) MRR is 0.948 and recall@3 1.000: for "NMDA glutamate" and "AMPA metabolite" the primary study
 * (autry-2011, zanos-2016) now ranks above the claim, which stays in the top 3, as the issue asks of a study that is
 * the topic; the MRR floor sits at 0.94.
 */
const MRR_FLOOR = 0.94
const RECALL_AT_3_FLOOR = 0.98
const GROUP_MRR_FLOOR = 0.9

interface Outcome {
  readonly c: RelevanceCase
  readonly ranks: readonly number[]
  readonly top: readonly string[]
}

const outcomes: Outcome[] = relevanceCases.map((c) => {
  const top = search(c.query, { limit: 10 }).map((r) => `${r.type}:${r.id}`)
  return { c, top, ranks: c.expect.map((e) => top.indexOf(e) + 1) }
})

function metrics(list: readonly Outcome[]): { mrr: number; recall: number } {
  let mrr = 0
  let recall = 0
  for (const o of list) {
    const found = o.ranks.filter((r) => r > 0)
    mrr += found.length === 0 ? 0 : 1 / Math.min(...found)
    recall += o.ranks.filter((r) => r > 0 && r <= 3).length / o.ranks.length
  }
  return { mrr: mrr / list.length, recall: recall / list.length }
}

describe('relevance', () => {
  it('has at least 30 cases from each of three user groups, naming real records', () => {
    expect(relevanceCases.length).toBeGreaterThanOrEqual(30)
    for (const group of ['visitor', 'writer', 'educator'] as const) {
      expect(relevanceCases.filter((c) => c.group === group).length, group).toBeGreaterThanOrEqual(10)
    }
    for (const c of relevanceCases) {
      for (const e of c.expect) {
        const [type, id] = e.split(':') as [string, string]
        const record =
          type === 'study' ? getStudy(id as never) : type === 'claim' ? getClaim(id as never) : getSource(id as never)
        expect(record.id).toBe(id)
      }
    }
  })

  it(`keeps MRR ≥ ${MRR_FLOOR} and recall@3 ≥ ${RECALL_AT_3_FLOOR}`, () => {
    const rows = ['| group | queries | MRR | recall@3 |', '|---|---|---|---|']
    for (const group of ['visitor', 'writer', 'educator'] as const) {
      const list = outcomes.filter((o) => o.c.group === group)
      const m = metrics(list)
      rows.push(`| ${group} | ${list.length} | ${m.mrr.toFixed(3)} | ${m.recall.toFixed(3)} |`)
      expect(m.mrr, `${group} MRR`).toBeGreaterThanOrEqual(GROUP_MRR_FLOOR)
    }
    const all = metrics(outcomes)
    rows.push(`| all | ${outcomes.length} | ${all.mrr.toFixed(3)} | ${all.recall.toFixed(3)} |`)
    const misses = outcomes.filter((o) => o.ranks.some((r) => r === 0 || r > 3))
    for (const o of misses)
      rows.push(
        `miss: ${JSON.stringify(o.c.query)} expected ${o.c.expect.join(', ')} got ${o.top.slice(0, 3).join(', ')}`,
      )
    console.log(`search relevance (shipped data)\n${rows.join('\n')}`)
    expect(all.mrr).toBeGreaterThanOrEqual(MRR_FLOOR)
    expect(all.recall).toBeGreaterThanOrEqual(RECALL_AT_3_FLOOR)
  })
})
