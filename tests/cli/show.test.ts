import { describe, expect, it } from 'vitest'
import { claims, getClaim, isCitable, studies } from '../../src/index'
import { getFullStudy } from '../../src/details/index'
import { runCli } from '../helpers/run-cli'

const fading = getClaim('without-therapy-ketamine-effects-fade-faster')
const samadhiClaims = claims.filter((c) => c.madeBy.some((m) => m.source === 'samadhi-kap-vs-infusions'))

describe('kap-literature show', () => {
  it('shows a claim with its verdict and evidence', async () => {
    const r = await runCli(['show', 'without-therapy-ketamine-effects-fade-faster'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(`Verdict: ${fading.verdict} - `)
    // Study ids are printed as citations, with the id after each study of the evidence list.
    expect(r.stdout).toMatch(/\[partly-supports\] Wilkinson et al\. \(2021\) \[wilkinson-2021\]: /)
    expect(r.stdout.split('Made by:')[0]).not.toMatch(/(?<![\w[-])(grunebaum-2018|wilkinson-2021)(?![\w\]-])/)
    expect(r.stdout).toContain('cites Grunebaum et al., 2018')
    // The note in plain words, then the row of the decision table that gave the verdict, on a line of its own.
    expect(r.stdout).toMatch(/^Decision rule \(docs\/data-policy\.md\): .*Wilkinson et al\. \(2021\).*, row 4\.$/m)
    expect(r.stdout).not.toContain('Decision table:')
    expect(r.stderr).toBe('')
  })
  it('names one first author one way, whatever form each byline gives (data/vocab/people.yaml)', async () => {
    // This claim's verdict and evidence cite two papers of one first author whose bylines print "Evgeny" and
    // "Evgeny M.": APA added initials as for two people ("E. Krupitsky et al., 2002; E. M. Krupitsky et al., 2007").
    const r = await runCli(['show', 'kap-produces-lasting-relief-and-change'])
    expect(r.stdout).toContain('(Krupitsky et al., 2002, 2007)')
    expect(r.stdout).toMatch(/\[[a-z-]+\] Krupitsky et al\. \(2002\) \[krupitsky-2002\]: /)
    expect(r.stdout).not.toMatch(/E\. (M\. )?Krupitsky/)
  })
  it('shows a study with its DOI link and the claims citing it', async () => {
    const r = await runCli(['show', 'dore-2019'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('DOI: https://doi.org/10.1080/02791072.2019.1587556')
    expect(r.stdout).toContain('dore-2019-significant-lasting-improvements')
  })
  it('shows a study with its APA reference: "et al." after a partial author list, never a list posing as complete', async () => {
    const r = await runCli(['show', 'dakwar-2019'])
    expect(r.stdout).toContain('Reference (APA): Dakwar, E., et al. (2019). A single ketamine infusion')
    expect(r.stdout).not.toMatch(/^Dakwar \(2019\)/m)
  })
  it('shows a lead as a lead: why it is not cited, and no reference with placeholders or "n.d."', async () => {
    const leads = studies.filter((s) => !isCitable(s))
    expect(leads.length).toBeGreaterThan(0)
    for (const lead of leads) {
      const r = await runCli(['show', lead.id])
      expect(r.code).toBe(0)
      const [heading, status] = r.stdout.split('\n')
      expect(heading, lead.id).not.toMatch(/not confirmed|n\.d\./)
      expect(status, lead.id).toBe(`Status: ${getFullStudy(lead.id).unusedReason}`)
      expect(r.stdout, lead.id).not.toMatch(/\(n\.d\.\)|Reference \(APA\)/)
    }
    expect((await runCli(['show', 'fda-esketamine-2019'])).stdout).toMatch(
      /^fda-esketamine-2019: U\.S\. Food and Drug Administration, 2019$/m,
    )
  })
  it('prints JSON with --json', async () => {
    const r = await runCli(['show', 'grunebaum-2018', '--json'])
    const parsed = JSON.parse(r.stdout) as { type: string; record: { id: string }; claims: string[] }
    expect(parsed.type).toBe('study')
    expect(parsed.record.id).toBe('grunebaum-2018')
    expect(parsed.claims).toContain('without-therapy-ketamine-effects-fade-faster')
  })
  it('shows a source page with the claims it makes, and prints claims and sources as JSON', async () => {
    const r = await runCli(['show', 'samadhi-kap-vs-infusions'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(`Claims it makes (${samadhiClaims.length}):`)
    expect(r.stdout).toContain(`  [${fading.verdict}] without-therapy-ketamine-effects-fade-faster`)
    const source = JSON.parse((await runCli(['show', 'samadhi-kap-vs-infusions', '--json'])).stdout) as {
      type: string
      record: { id: string }
      claims: string[]
    }
    expect(source.type).toBe('source')
    expect(source.claims).toHaveLength(samadhiClaims.length)
    const claim = JSON.parse(
      (await runCli(['show', 'without-therapy-ketamine-effects-fade-faster', '--json'])).stdout,
    ) as { type: string; record: { verdict: string }; evidence: { relation: string; study: { id: string } }[] }
    expect(claim.type).toBe('claim')
    expect(claim.record.verdict).toBe(fading.verdict)
    expect(claim.evidence.map((e) => [e.study.id, e.relation])).toContainEqual(['wilkinson-2021', 'partly-supports'])
  })
  it('exits 1 with a suggestion for an unknown id, without a stack trace', async () => {
    const r = await runCli(['show', 'dore-2091'])
    expect(r.code).toBe(1)
    expect(r.stderr.trim()).toBe(
      'kap-literature: no study, claim or source has the id "dore-2091" (did you mean "dore-2019"?)',
    )
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/)
  })
  it('exits 2 on usage errors', async () => {
    expect((await runCli(['show'])).code).toBe(2)
    expect((await runCli(['frobnicate'])).stderr).toMatch(/unknown command "frobnicate"/)
    expect((await runCli(['frobnicate'])).code).toBe(2)
  })
  it('prints help and the version', async () => {
    expect((await runCli(['--help'])).stdout).toMatch(/Usage: kap-literature <command>/)
    expect((await runCli(['show', '--help'])).stdout).toMatch(/Usage: kap-literature show <id>/)
    expect((await runCli(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+ \(data fingerprint [0-9a-f]{12}\)$/)
  })
  it('lists records', async () => {
    const r = await runCli(['list', 'claims', '--json'])
    const rows = JSON.parse(r.stdout) as { id: string; text: string }[]
    expect(rows.some((x) => x.id === 'ketamine-plus-therapy-stronger-outcomes')).toBe(true)
    expect((await runCli(['list', 'nonsense'])).code).toBe(2)
    expect((await runCli(['list'])).stdout.split('\n')[0]).toMatch(/^abdallah-2022  /)
    expect((JSON.parse((await runCli(['list', 'sources', '--json'])).stdout) as unknown[]).length).toBe(4)
  })
  it('marks the studies kept only as leads, which nothing cites (review 28)', async () => {
    const text = (await runCli(['list'])).stdout
    const marked = text.split('\n').filter((l) => l.includes('[lead, not citable]'))
    expect(marked.map((l) => l.split('  ')[0]).sort()).toEqual(
      studies
        .filter((s) => !isCitable(s))
        .map((s) => s.id)
        .sort(),
    )
    expect(marked.length).toBeGreaterThan(0)
    const rows = JSON.parse((await runCli(['list', '--json'])).stdout) as { id: string; lead?: boolean }[]
    expect(rows.filter((r) => r.lead === true).length).toBe(marked.length)
    expect(rows.find((r) => r.id === 'dore-2019')).not.toHaveProperty('lead')
  })
})
