import { describe, expect, it } from 'vitest'
import { runCli } from '../helpers/run-cli'

describe('kap-literature cite', () => {
  it('prints an APA in-text citation by default', async () => {
    const r = (await runCli(['cite', 'dore-2019']))
    expect(r.code).toBe(0)
    expect(r.stdout).toBe('(Dore et al., 2019)\n')
  })
  it('cites several ids in one citation, in the style order', async () => {
    expect((await runCli(['cite', 'grunebaum-2018', 'dore-2019'])).stdout.trim()).toBe('(Dore et al., 2019; Grunebaum et al., 2018)')
    expect((await runCli(['cite', 'dore-2019', 'grunebaum-2018', '--style', 'vancouver'])).stdout.trim()).toBe('(1,2)')
  })
  it('gives the narrative form', async () => {
    expect((await runCli(['cite', 'dore-2019', '--narrative'])).stdout.trim()).toBe('Dore et al. (2019)')
  })
  it('formats as HTML and Markdown', async () => {
    expect((await runCli(['cite', 'dore-2019', '--format', 'html'])).stdout.trim()).toBe('<span class="kap-cite">(Dore et al., 2019)</span>')
    expect((await runCli(['cite', 'dore-2019', '--format', 'md'])).stdout.trim()).toBe((await runCli(['cite', 'dore-2019', '--format', 'markdown'])).stdout.trim())
  })
  it('prints JSON with --json', async () => {
    const r = (await runCli(['cite', 'dore-2019', 'dore-2019', '--style', 'chicago', '--json']))
    expect(JSON.parse(r.stdout)).toEqual({ style: 'chicago', format: 'text', narrative: false, ids: ['dore-2019'], citation: '(Dore et al. 2019)' })
  })
})

describe('kap-literature bib', () => {
  it('prints a bibliography of the given ids', async () => {
    const r = (await runCli(['bib', 'grunebaum-2018', 'dore-2019']))
    expect(r.code).toBe(0)
    const lines = r.stdout.trim().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^Dore, J\., Turnipseed, B\./)
    expect(lines[1]).toMatch(/^Grunebaum, M\. F\./)
  })
  it('covers every study and source by default', async () => {
    const r = (await runCli(['bib', '--json']))
    const out = JSON.parse(r.stdout) as { ids: string[]; bibliography: string; style: string; format: string }
    expect(out.ids).toHaveLength(52)
    expect(out.ids).toContain('samadhi-kap-vs-infusions')
    expect(out.style).toBe('apa')
    expect(out.format).toBe('text')
    expect(out.bibliography.split('\n')).toHaveLength(52)
  })
  it('numbers numeric styles in the order given, and formats HTML', async () => {
    expect((await runCli(['bib', 'grunebaum-2018', 'dore-2019', '--style', 'ama'])).stdout).toMatch(/^1\. Grunebaum MF/)
    expect((await runCli(['bib', 'dore-2019', '--format', 'html'])).stdout).toMatch(/^<div class="kap-bibliography kap-style-apa">/)
  })
})
