import { describe, expect, it } from 'vitest'
import { isCitable, sources, studies } from '../../src/index'
import { runCli } from '../helpers/run-cli'

describe('kap-literature export', () => {
  it('exports CSL-JSON by default', async () => {
    const r = await runCli(['export', 'dore-2019'])
    expect(r.code).toBe(0)
    const items = JSON.parse(r.stdout) as { id: string; DOI: string }[]
    expect(items.map((i) => [i.id, i.DOI])).toEqual([['dore-2019', '10.1080/02791072.2019.1587556']])
  })
  it('exports every citable study and source when no id is given (leads are left out)', async () => {
    const citable = [...studies, ...sources]
      .filter((r) => isCitable(r))
      .map((r) => r.id)
      .sort()
    const r = await runCli(['export'])
    expect((JSON.parse(r.stdout) as { id: string }[]).map((i) => i.id)).toEqual(citable)
    // Standard output is the export alone; the leads left out are named on standard error.
    expect(r.stderr).toBe(
      'kap-literature: 4 leads left out (azhari-2021, fda-esketamine-2019, fda-mdma-decision-2024, glue-2019): ' +
        'records whose authors, title or date are not confirmed, so they cannot be cited; ' +
        'kap-literature show <id> says what is missing\n',
    )
    const bibtex = await runCli(['export', '--format', 'bibtex'])
    expect(bibtex.stdout.match(/^@/gm)).toHaveLength(citable.length)
    expect(bibtex.stderr).toBe(r.stderr)
    expect((await runCli(['export', 'dore-2019', '--format', 'bibtex'])).stderr).toBe('')
  })
  it('drops repeated ids before counting them (review 29: 48,000 copies of one id hit the 10,000-item limit)', async () => {
    const many = Array.from({ length: 4 }, () => Array(12_000).fill('dore-2019').join(','))
    const r = await runCli(['export', ...many, '--format', 'ris'])
    expect([r.code, r.stderr]).toEqual([0, ''])
    expect(r.stdout.match(/^TY {2}- /gm)).toHaveLength(1)
  })

  it('exports BibTeX, BibLaTeX and RIS', async () => {
    expect((await runCli(['export', 'dore-2019', '--format', 'bibtex'])).stdout).toMatch(/^@article\{dore-2019,/)
    expect((await runCli(['export', 'dore-2019', '--format', 'biblatex'])).stdout).toMatch(
      /journaltitle = \{Journal of Psychoactive Drugs\}/,
    )
    const ris = (await runCli(['export', 'dore-2019', 'wilkinson-2021', '--format', 'ris'])).stdout
    expect(ris.split('\n')[0]).toBe('TY  - JOUR')
    expect(ris.match(/^ER {2}- /gm)).toHaveLength(2)
  })
  it('wraps the export in JSON with --json', async () => {
    const out = JSON.parse((await runCli(['export', 'dore-2019', '--format', 'bibtex', '--json'])).stdout) as {
      format: string
      ids: string[]
      content: string
    }
    expect(out.format).toBe('bibtex')
    expect(out.ids).toEqual(['dore-2019'])
    expect(out.content).toMatch(/^@article\{dore-2019,/)
  })
})
