import { describe, expect, it } from 'vitest'
import { claims } from '../../src/index'
import { runCli } from '../helpers/run-cli'

const ids = (verdict: string, pred: (c: (typeof claims)[number]) => boolean = () => true) =>
  claims.filter((c) => c.verdict === verdict && pred(c)).map((c) => c.id)

interface ClaimRecord {
  id: string
  verdict: string
  topics: string[]
  madeBy: { source: string }[]
}

const list = async (args: string[]) => JSON.parse((await runCli(['claims', ...args, '--json'])).stdout) as ClaimRecord[]

describe('kap-literature claims', () => {
  it('lists every claim with its verdict', async () => {
    const r = await runCli(['claims'])
    expect(r.code).toBe(0)
    const fading = claims.find((c) => c.id === 'without-therapy-ketamine-effects-fade-faster')!
    expect(r.stdout).toContain(
      `[${fading.verdict}] without-therapy-ketamine-effects-fade-faster\n    Research indicates`,
    )
    expect(r.stdout.trim().split('\n').at(-1)).toBe(
      `${claims.length} of ${claims.length} claims. Details: kap-literature show <claim-id>`,
    )
  })
  it('filters by verdict, topic and source, combining filters with AND and values with OR', async () => {
    expect((await list(['--verdict', 'inaccurate'])).map((c) => c.id)).toEqual(ids('inaccurate'))
    expect(ids('inaccurate').length).toBeGreaterThan(0)
    const duration = await list(['--topic', 'duration'])
    expect(duration.length).toBeGreaterThan(0)
    expect(duration.every((c) => c.topics.includes('duration'))).toBe(true)
    const samadhi = await list(['--source', 'samadhi-kap-vs-infusions'])
    expect(samadhi).toHaveLength(
      claims.filter((c) => c.madeBy.some((m) => m.source === 'samadhi-kap-vs-infusions')).length,
    )
    const both = await list(['--verdict', 'inaccurate,contested', '--source', 'samadhi-kap-vs-infusions'])
    expect(
      both.every(
        (c) =>
          ['inaccurate', 'contested'].includes(c.verdict) &&
          c.madeBy.some((m) => m.source === 'samadhi-kap-vs-infusions'),
      ),
    ).toBe(true)
    expect(both.map((c) => c.id)).toEqual(
      claims
        .filter(
          (c) =>
            ['inaccurate', 'contested'].includes(c.verdict) &&
            c.madeBy.some((m) => m.source === 'samadhi-kap-vs-infusions'),
        )
        .map((c) => c.id),
    )
    expect(both.length).toBeGreaterThan(0)
  })
  it('says so when no claim matches', async () => {
    const r = await runCli([
      'claims',
      '--verdict',
      'accurate',
      '--topic',
      'marketing-language',
      '--source',
      'kap-series-part-2-how-kap-works',
    ])
    const expected = claims.filter(
      (c) =>
        c.verdict === 'accurate' &&
        c.topics.includes('marketing-language') &&
        c.madeBy.some((m) => m.source === 'kap-series-part-2-how-kap-works'),
    )
    expect(expected).toEqual([])
    expect(r.code).toBe(0)
    expect(r.stdout.trim()).toBe('No claims match these filters.')
    expect(
      await list([
        '--verdict',
        'accurate',
        '--topic',
        'marketing-language',
        '--source',
        'kap-series-part-2-how-kap-works',
      ]),
    ).toEqual([])
  })
})
