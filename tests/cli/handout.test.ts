import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { vocabularies } from '../../src/index'
import { fullClaims } from '../../src/details/index'

const claims = fullClaims()
import { runCli } from '../helpers/run-cli'

const epoch = { SOURCE_DATE_EPOCH: '1767225600' } // 2026-01-01
const durationClaims = claims.filter((c) => (c.topics as readonly string[]).includes('duration'))

const r = await runCli(['handout', '--topic', 'duration'], { env: epoch })
describe('kap-literature handout (Markdown)', () => {
  it('has the title, the topic description and every claim of the topic with its verdict', async () => {
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout.split('\n')[0]).toBe('# Duration of effect: what clinic pages claim about ketamine-assisted psychotherapy, and what the evidence shows')
    expect(r.stdout).toContain('*How long the acute experience or the benefit lasts.*')
    expect(r.stdout.match(/^## \d+\. /gm)).toHaveLength(durationClaims.length)
    expect(r.stdout).toContain('**Verdict: Overstated.**')
  })
  it('lists the evidence with relation, note, citation, design and certainty', async () => {
    expect(r.stdout).toMatch(/^- \*\*Partly supports\*\*: A retrospective look at 235 patients .* \(Dore et al\., 2019\) \(Retrospective cohort or case series; certainty: low\)$/m)
  })
  it('has a reading list, the terms used, the CSL credit, the data version and the date', async () => {
    expect(r.stdout).toContain('## Reading list')
    expect(r.stdout).toMatch(/^Dore, J\., Turnipseed, B\./m)
    expect(r.stdout).toContain('### Verdicts')
    expect(r.stdout).toContain('- **Overstated**: The evidence points in the claim')
    expect(r.stdout).toContain('### How a study bears on a claim')
    expect(r.stdout).toContain('### Study designs')
    expect(r.stdout).toContain('### Certainty of the evidence')
    expect(r.stdout).toContain('Citation styles from the Citation Style Language project')
    expect(r.stdout).toMatch(/kap-literature data \d+\.\d+\.\d+, generated 2026-01-01\./)
  })
  it('uses the chosen style for citations and the reading list', async () => {
    const v = (await runCli(['handout', '--topic', 'duration', '--style', 'vancouver'], { env: epoch })).stdout
    expect(v).toMatch(/ \(1\) \(Randomised controlled trial; certainty: moderate\)$/m)
    expect(v).toMatch(/^1\. /m)
  })
  it('prints the content as JSON with --json', async () => {
    const j = JSON.parse((await runCli(['handout', '--topic', 'duration', '--json'], { env: epoch })).stdout) as {
      topic: { id: string }
      date: string
      claims: { id: string; evidence: { study: string; citation: string }[] }[]
      studies: string[]
      terms: { heading: string }[]
    }
    expect(j.topic.id).toBe('duration')
    expect(j.date).toBe('2026-01-01')
    expect(j.claims.map((c) => c.id)).toEqual(durationClaims.map((c) => c.id))
    expect(j.studies).toContain('dore-2019')
    expect(j.claims.flatMap((c) => c.evidence).find((e) => e.study === 'dore-2019')?.citation).toBe('(Dore et al., 2019)')
    expect(j.terms.map((t) => t.heading)).toEqual(['Verdicts', 'How a study bears on a claim', 'Study designs', 'Certainty of the evidence'])
  })
  it('works for every topic', async () => {
    for (const t of vocabularies.topics) {
      const out = (await runCli(['handout', '--topic', t.id, '--json'], { env: epoch }))
      expect(out.code, t.id).toBe(0)
    }
  })
})

const html = (await runCli(['handout', '--topic', 'psychotherapy', '--format', 'html'], { env: epoch })).stdout
describe('kap-literature handout (HTML)', () => {
  it('is a complete page', async () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">/)
    expect(html.trim().endsWith('</html>')).toBe(true)
    expect(html).toContain('<title>Ketamine with psychotherapy: what clinic pages claim')
    expect(html).toContain('<h2>Reading list</h2>')
    expect(html).toContain('<div class="kap-bibliography kap-style-apa">')
    expect(html).toContain('generated 2026-01-01')
    for (const tag of ['html', 'head', 'body', 'main', 'section', 'article', 'ul', 'dl', 'footer', 'style']) {
      expect((html.match(new RegExp(`<${tag}[\\s>]`, 'g')) ?? []).length, tag).toBe((html.match(new RegExp(`</${tag}>`, 'g')) ?? []).length)
    }
  })
  it('makes no external requests: no scripts, stylesheets, images, fonts or frames, and a CSP that forbids them', async () => {
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`)
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|<embed|\bsrc=|url\(|@import/i)
    // The only URLs are links a reader may follow.
    for (const m of html.matchAll(/https?:\/\/[^\s"<]+/g)) expect(html.slice(Math.max(0, m.index! - 6), m.index)).toMatch(/href="|\(|>|\s/)
  })
  it('escapes every text', async () => {
    // No bare ampersand: every & starts an entity.
    expect(html.replace(/&(amp|lt|gt|quot|#39|#x[0-9a-f]+|#\d+);/gi, '')).not.toContain('&')
    const quoteNote = claims.find((c) => c.verdictNote.includes('"'))
    if (quoteNote && quoteNote.topics.includes('psychotherapy')) expect(html).not.toContain(quoteNote.verdictNote)
  })
  it.skipIf(!existsSync('/usr/bin/chromium'))('loads in Chromium without a single network request', async () => {
    const { chromium } = await import('playwright-core')
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] })
    try {
      const page = await browser.newPage()
      const requests: string[] = []
      page.on('request', (req) => requests.push(req.url()))
      await page.setContent(html, { waitUntil: 'load' })
      expect(await page.locator('h1').textContent()).toMatch(/^Ketamine with psychotherapy/)
      expect(await page.locator('article.claim').count()).toBe(claims.filter((c) => (c.topics as readonly string[]).includes('psychotherapy')).length)
      expect(requests).toEqual([])
    } finally {
      await browser.close()
    }
  })
})
