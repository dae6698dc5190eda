import { describe, expect, it } from 'vitest'
import { claims } from '../../src/index'
import { runCli } from '../helpers/run-cli'

interface Hit {
  type: string
  id: string
  score: number
  title: string
  snippet: string
  highlights: { field: string; start: number; end: number }[]
}

describe('kap-literature search', () => {
  it('finds a study by author and year', async () => {
    const r = await runCli(['search', 'grunebaum', '2018'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^ 1\. study grunebaum-2018\n {4}Ketamine for Rapid Reduction of Suicidal Thoughts/)
    expect(r.stderr).toBe('')
  })
  it('shows claims with their verdicts', async () => {
    const r = await runCli(['search', 'relief', 'without', 'therapy', 'not', 'last', '--type', 'claim', '--limit', '3'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(
      /^ 1\. claim standalone-ketamine-relief-short-lived \[oversimplified\]\n {4}Relief from ketamine infusions/,
    )
    expect(r.stdout).not.toMatch(/^\s*\d+\. study /m)
  })
  it('prints a JSON array of results with --json', async () => {
    const r = await runCli(['search', 'ketamine', 'ptsd', '--type', 'study', '--limit', '2', '--json'])
    expect(r.code).toBe(0)
    const hits = JSON.parse(r.stdout) as Hit[]
    expect(hits).toHaveLength(2)
    expect(hits.map((h) => h.type)).toEqual(['study', 'study'])
    expect(Object.keys(hits[0]!).sort()).toEqual(['highlights', 'id', 'score', 'snippet', 'title', 'type'])
    expect(hits.map((h) => h.id)).toContain('feder-2021')
  })
  it('applies every filter', async () => {
    const ids = async (args: string[]) =>
      (JSON.parse((await runCli(['search', ...args, '--json', '--limit', '50'])).stdout) as Hit[]).map((h) => h.id)
    const trials = await ids(['ketamine', '--design', 'randomized-controlled-trial', '--year', '2018-2019'])
    expect(trials).toEqual(expect.arrayContaining(['dakwar-2019', 'grunebaum-2018']))
    // Dated by its issue (February 2020), not by its online-first day in December 2019.
    expect(trials).not.toContain('dakwar-2020')
    expect(await ids(['ketamine', '--year', '2020'])).toContain('dakwar-2020')
    expect(await ids(['ketamine', '--year', '2023-'])).not.toContain('dore-2019')
    expect(await ids(['ketamine', '--year', '-2000'])).toEqual(expect.arrayContaining(['berman-2000']))
    expect(await ids(['ketamine', '--year', '2019'])).toContain('dore-2019')
    expect(await ids(['ketamine', '--condition', 'ptsd', '--type', 'study'])).toEqual(
      expect.arrayContaining(['feder-2014', 'feder-2021']),
    )
    // The command searches with the full-text words: the esketamine decisions mention ketamine in their findings.
    expect((await ids(['ketamine', '--route', 'intranasal'])).sort()).toEqual([
      'andrade-2017',
      'fda-compounded-nasal-ketamine-2022',
      'fda-esketamine-2020',
      'fda-esketamine-monotherapy-2025',
    ])
    expect(await ids(['ketamine', '--psychotherapy', 'yes'])).toContain('dore-2019')
    expect(await ids(['ketamine', '--psychotherapy', 'no'])).not.toContain('dore-2019')
    expect((await ids(['esketamine', '--certainty', 'not-applicable'])).sort()).toEqual([
      'fda-compounded-nasal-ketamine-2022',
      'fda-esketamine-2019',
      'fda-esketamine-2020',
      'fda-esketamine-monotherapy-2025',
    ])
    const inaccurate = claims.filter((c) => c.verdict === 'inaccurate').map((c) => c.id)
    expect(inaccurate.length).toBeGreaterThan(0)
    for (const id of await ids(['ketamine', '--verdict', 'inaccurate'])) expect(inaccurate).toContain(id)
    expect(await ids(['integration', '--topic', 'protocol'])).toContain('integration-after-effects-wear-off')
    expect(await ids(['ketamine', '--type', 'source'])).toHaveLength(4)
  })
  it('takes several values of one filter separated by commas', async () => {
    const hits = JSON.parse(
      (await runCli(['search', 'ketamine', '--verdict', 'inaccurate,contested', '--json', '--limit', '50'])).stdout,
    ) as Hit[]
    expect(hits.length).toBeGreaterThan(2)
    expect(hits.every((h) => h.type === 'claim')).toBe(true)
  })
  it('limits the number of results', async () => {
    expect(JSON.parse((await runCli(['search', 'ketamine', '--limit', '1', '--json'])).stdout)).toHaveLength(1)
    expect((await runCli(['search', 'ketamine'])).stdout.match(/^\s*\d+\. /gm)).toHaveLength(10)
  })
  it('says so when nothing matches, and prints [] with --json', async () => {
    const r = await runCli(['search', 'xylophonequartz'])
    expect(r.code).toBe(0)
    expect(r.stdout.trim()).toBe('No results for "xylophonequartz". Try fewer words or fewer filters.')
    expect((await runCli(['search', 'xylophonequartz', '--json'])).stdout.trim()).toBe('[]')
  })
  it('never fails on search syntax in the query', async () => {
    const r = await runCli(['search', 'foo:', '~', 'a^', '*'])
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
  })
})
