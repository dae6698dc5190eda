import { describe, expect, it } from 'vitest'
import { runCli } from '../helpers/run-cli'

interface ClaimRecord {
  id: string
  verdict: string
  topics: string[]
  madeBy: { source: string }[]
}

const list = async (args: string[]) => JSON.parse((await runCli(['claims', ...args, '--json'])).stdout) as ClaimRecord[]

describe('kap-literature claims', () => {
  it('lists every claim with its verdict', async () => {
    const r = (await runCli(['claims']))
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('[inaccurate] without-therapy-ketamine-effects-fade-faster\n    Research indicates')
    expect(r.stdout.trim().split('\n').at(-1)).toBe('66 of 66 claims. Details: kap-literature show <claim-id>')
  })
  it('filters by verdict, topic and source, combining filters with AND and values with OR', async () => {
    expect((await list(['--verdict', 'inaccurate'])).map((c) => c.id)).toEqual(['wilkinson-therapy-strengthens-ketamine-in-trd', 'without-therapy-ketamine-effects-fade-faster'])
    const duration = (await list(['--topic', 'duration']))
    expect(duration.length).toBeGreaterThan(0)
    expect(duration.every((c) => c.topics.includes('duration'))).toBe(true)
    const samadhi = (await list(['--source', 'samadhi-kap-vs-infusions']))
    expect(samadhi).toHaveLength(26)
    const both = (await list(['--verdict', 'inaccurate,contested', '--source', 'samadhi-kap-vs-infusions']))
    expect(both.every((c) => ['inaccurate', 'contested'].includes(c.verdict) && c.madeBy.some((m) => m.source === 'samadhi-kap-vs-infusions'))).toBe(true)
    expect(both.length).toBeGreaterThan(2)
  })
  it('says so when no claim matches', async () => {
    const r = (await runCli(['claims', '--verdict', 'inaccurate', '--topic', 'regulation']))
    expect(r.code).toBe(0)
    expect(r.stdout.trim()).toBe('No claims match these filters.')
    expect((await list(['--verdict', 'inaccurate', '--topic', 'regulation']))).toEqual([])
  })
})
