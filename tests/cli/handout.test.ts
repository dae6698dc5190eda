import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { claims, dataFingerprint, dataVersion, studyIds, vocabularies } from '../../src/index'
import { runCli } from '../helpers/run-cli'
import { MAP_PAGE_ASPECT, mapPages } from '../../src/cli/commands/handout'
import { escapeHtml } from '../../src/escape'
import { evidenceMap } from '../../src/map/index'

const epoch = { SOURCE_DATE_EPOCH: '1767225600' } // 2026-01-01
const ofTopic = (t: string) => claims.filter((c) => (c.topics as readonly string[]).includes(t))
const durationClaims = ofTopic('duration')
/** A study id as it would appear in prose: a reader cannot look it up, so no handout may show one. */
const bareId = new RegExp(`(?<![\\w/#.-])(${studyIds.join('|')})(?![\\w-])`)

const brief = await runCli(['handout', '--topic', 'duration'], { env: epoch })
const full = await runCli(['handout', '--topic', 'duration', '--full'], { env: epoch })

describe('kap-literature handout (brief Markdown, the default)', () => {
  it('gives each claim with its verdict, one line on why and the key studies', () => {
    expect(brief.code).toBe(0)
    expect(brief.stderr).toBe('')
    expect(brief.stdout.split('\n')[0]).toBe(
      '# Duration of effect: what clinic pages claim about ketamine-assisted psychotherapy, and what the evidence shows',
    )
    expect(
      brief.stdout.match(/^\*\*\d+\. .+\*\* — \*(Accurate|Oversimplified|Overstated|Contested|Inaccurate)\.\* /gm),
    ).toHaveLength(durationClaims.length)
    expect(brief.stdout).toContain('## Reading list')
    expect(brief.stdout).not.toContain('## Terms used')
    expect(brief.stdout).toContain('kap-literature map --topic duration')
    expect(brief.stdout).toContain(
      `kap-literature data ${dataVersion} (fingerprint ${dataFingerprint}), generated 2026-01-01.`,
    )
  })
  it('says how the key studies bear on each claim: for, partly for, against', async () => {
    const mechanism = (await runCli(['handout', '--topic', 'mechanism'], { env: epoch })).stdout
    expect(mechanism).toContain('Key studies: partly for (Zanos et al., 2016); against (Shirayama & Hashimoto, 2018).')
    const html = (await runCli(['handout', '--topic', 'mechanism', '--format', 'html'], { env: epoch })).stdout
    const key = (id: string, text: string) =>
      `<span class="kap-cite">(<a class="kap-ref-link" href="#ref-${id}">${text}</a>)</span>`
    expect(html).toContain(
      `<span class="key">Key: partly for ${key('zanos-2016', 'Zanos et al., 2016')}; ` +
        `against ${key('shirayama-2018', 'Shirayama &amp; Hashimoto, 2018')}</span>`,
    )
    // A key study the "why" already cites is not named again: the FDA statement against the claim is in its reason.
    const regulation = (await runCli(['handout', '--topic', 'regulation'], { env: epoch })).stdout
    expect(regulation).toContain(
      'unapproved (U\\.S. Food and Drug Administration (2023); for nasal sprays also U\\.S. Food and Drug Administration ' +
        '(2022)). Key studies: partly for (Johnson & Johnson, 2025).',
    )
    // The strongest first: a trial too small to count at its design's grade (berman-2000, 7 people) gives way to
    // full-sized trials of its design, and the larger of two comes first (audit of session 34).
    const onset = (await runCli(['handout', '--topic', 'onset'], { env: epoch })).stdout
    expect(onset).toContain('Key studies: partly for (Grunebaum et al., 2018; Wilkinson et al., 2018).')
    expect(onset).not.toContain('Berman')
    // One citation per relation: two supporting studies share one parenthesis.
    const safety = (await runCli(['handout', '--topic', 'safety'], { env: epoch })).stdout
    expect(safety).toContain(
      'Key studies: partly for (Sanacora et al., 2017; U\\.S. Food and Drug Administration, 2023).',
    )
  })
  it('gives why as a whole sentence of the verdict note, never cut mid-sentence, for every claim of every topic', async () => {
    // Audit 35 B, entry 4: the why was cut at 109 characters with "…" for 66 of the 71 claims.
    const whys = new Map<string, string>()
    for (const t of vocabularies.topics) {
      const j = JSON.parse((await runCli(['handout', '--topic', t.id, '--json'], { env: epoch })).stdout) as {
        claims: { id: string; why: string }[]
      }
      for (const c of j.claims) whys.set(c.id, c.why)
    }
    expect(whys.size).toBe(claims.length)
    expect([...whys].filter(([, why]) => !why.endsWith('.') || why.includes('…'))).toEqual([])
    expect(whys.get('indication-anxiety')).toBe('Anxiety is not an established indication for ketamine.')
    expect(whys.get('kap-routes-lozenge-im-nasal-iv')).toBe(
      'Each route the pages list is documented, but only in part and by different records.',
    )
    expect(whys.get('dore-2019-significant-lasting-improvements')).toBe(
      'Dore et al. (2019) did report statistically significant average drops in depression and anxiety scores, but ' +
        'it did not measure how long the gains lasted and had no comparison group, so calling them lasting goes ' +
        'beyond what the study tested.',
    )
    expect(brief.stdout).toContain('For each: our verdict, why in a sentence, and the key studies.')
  })
  it('is much shorter than the full handout', () => {
    expect(brief.stdout.length * 2).toBeLessThan(full.stdout.length)
  })
  it('prints study ids as citations, never bare', () => {
    expect(brief.stdout).not.toMatch(bareId)
  })
  it('tells two same-author studies apart from their first citation on, as a finished document does', async () => {
    // The psychotherapy handout cites both papers led by Dakwar; MLA cites by author alone, so every citation of
    // either adds a short title to say which (never a co-author the works-cited list does not name), and the numbers
    // of a numeric style still follow the order of first citation.
    const mla = (await runCli(['handout', '--topic', 'psychotherapy', '--style', 'mla'], { env: epoch })).stdout
    expect(mla).toContain('Dakwar et al., “Single Ketamine Infusion Combined With Motivational”')
    expect(mla).toContain('Dakwar et al., “Single Ketamine Infusion Combined With Mindfulness-Based”')
    expect(mla).not.toContain('(Dakwar et al.)')
    expect(mla).not.toContain('Levin')
    const ama = (await runCli(['handout', '--topic', 'psychotherapy', '--style', 'ama'], { env: epoch })).stdout
    const numbers = [...ama.slice(0, ama.indexOf('## Reading list')).matchAll(/\^(\d+(?:[,–-]\d+)*)\^/g)].flatMap((m) =>
      m[1]!.split(/[,–-]/).map(Number),
    )
    const firsts = numbers.filter((n, i) => numbers.indexOf(n) === i)
    expect(firsts).toEqual(firsts.map((_, i) => i + 1))
  })
})

describe('kap-literature handout --full (Markdown)', () => {
  it('has every claim with its verdict and evidence with relation, note, citation, design and certainty', () => {
    expect(full.stdout.match(/^## \d+\. /gm)).toHaveLength(durationClaims.length)
    expect(full.stdout).toMatch(/^\*\*Verdict: (Accurate|Oversimplified|Overstated|Contested|Inaccurate)\.\*\* /m)
    // The row of the decision table that gave each verdict, apart from the note, which never names it.
    expect(full.stdout.match(/^\*Decision rule:\* .*\brow \d+\b.*\.$/gm)).toHaveLength(durationClaims.length)
    expect(full.stdout).not.toContain('Decision table:')
    expect(full.stdout).toMatch(
      /^- \*\*(Supports|Partly supports|Contradicts|Does not test|Context)\*\*: .+ \(.+ et al\., \d{4}\) \(.+; certainty: [a-z -]+\)$/m,
    )
  })
  it('has a reading list, the terms used, the CSL credit, the data version and the date', () => {
    expect(full.stdout).toContain('## Reading list')
    expect(full.stdout).toContain('### Verdicts')
    expect(full.stdout).toContain('### How a study bears on a claim')
    expect(full.stdout).toContain('### Study designs')
    expect(full.stdout).toContain('### Certainty of the evidence')
    expect(full.stdout).toContain('Citation styles from the Citation Style Language project')
    expect(full.stdout).toContain(
      `kap-literature data ${dataVersion} (fingerprint ${dataFingerprint}), generated 2026-01-01.`,
    )
    expect(dataFingerprint).toMatch(/^[0-9a-f]{12}$/)
  })
  it('prints study ids in notes as citations in the chosen style', async () => {
    expect(full.stdout).not.toMatch(bareId)
    const v = (await runCli(['handout', '--topic', 'duration', '--full', '--style', 'vancouver'], { env: epoch }))
      .stdout
    expect(v).toMatch(/\(\d+\)|\^\d+\^/)
    expect(v).toMatch(/^1\. /m)
    expect(v).not.toMatch(bareId)
  })
  it('prints the content as JSON with --json', async () => {
    const j = JSON.parse((await runCli(['handout', '--topic', 'duration', '--json'], { env: epoch })).stdout) as {
      topic: { id: string }
      date: string
      dataVersion: string
      dataFingerprint: string
      claims: { id: string; why: string; evidence: { study: string; citation: string }[] }[]
      studies: string[]
      terms: { heading: string }[]
    }
    expect(j.topic.id).toBe('duration')
    expect(j.date).toBe('2026-01-01')
    expect([j.dataVersion, j.dataFingerprint]).toEqual([dataVersion, dataFingerprint])
    expect(j.claims.map((c) => c.id)).toEqual(durationClaims.map((c) => c.id))
    for (const c of j.claims) expect(c.why.length).toBeGreaterThan(10)
    expect(j.claims.flatMap((c) => c.evidence).every((e) => /^\(.+, \d{4}[a-z]?\)$/.test(e.citation))).toBe(true)
    expect(j.terms.map((t) => t.heading)).toEqual([
      'Verdicts',
      'How a study bears on a claim',
      'Study designs',
      'Certainty of the evidence',
    ])
  })
  it('refuses a malformed SOURCE_DATE_EPOCH with one line naming the value and the expected form', async () => {
    const form = 'use whole seconds since 1970-01-01 UTC, as date +%s prints (e.g. 1767225600 for 2026-01-01)'
    for (const [value, extra] of [
      ['abc', ''],
      ['1767225600000', '; 1767225600000 looks like milliseconds, use 1767225600'],
      ['-1', ''],
      ['1767225600.5', ''],
      [' 1767225600', ''],
      ['253402300800', ''], // the first second of the year 10000
    ] as const) {
      const r = await runCli(['handout', '--topic', 'safety'], { env: { SOURCE_DATE_EPOCH: value } })
      expect(r.code, value).toBe(1)
      expect(r.stdout).toBe('')
      expect(r.stderr).toBe(
        `kap-literature: SOURCE_DATE_EPOCH ${JSON.stringify(value)} is not a date: ${form}${extra}, or unset it\n`,
      )
    }
    const json = await runCli(['handout', '--topic', 'safety', '--json'], { env: { SOURCE_DATE_EPOCH: 'abc' } })
    expect([json.code, json.stdout]).toEqual([1, ''])
  })
  it('takes the date of a valid SOURCE_DATE_EPOCH; an empty one counts as unset', async () => {
    const date = async (value: string) =>
      (
        JSON.parse(
          (await runCli(['handout', '--topic', 'safety', '--json'], { env: { SOURCE_DATE_EPOCH: value } })).stdout,
        ) as { date: string }
      ).date
    expect(await date('0')).toBe('1970-01-01')
    expect(await date('1767225599')).toBe('2025-12-31')
    expect(await date('253402300799')).toBe('9999-12-31')
    expect(await date('')).toBe(new Date().toISOString().slice(0, 10))
  })
  it('commands that print no date ignore SOURCE_DATE_EPOCH', async () => {
    const r = await runCli(['cite', 'dore-2019'], { env: { SOURCE_DATE_EPOCH: 'abc' } })
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '(Dore et al., 2019)\n', ''])
  })
  it('works for every topic, brief and full', async () => {
    for (const t of vocabularies.topics) {
      for (const extra of [[], ['--full'], ['--format', 'html']])
        expect(
          (await runCli(['handout', '--topic', t.id, ...extra], { env: epoch })).code,
          `${t.id} ${extra.join(' ')}`,
        ).toBe(0)
    }
  })
})

const html = (await runCli(['handout', '--topic', 'psychotherapy', '--format', 'html'], { env: epoch })).stdout
const fullHtml = (
  await runCli(['handout', '--topic', 'psychotherapy', '--format', 'html', '--full', '--style', 'vancouver'], {
    env: epoch,
  })
).stdout
describe('kap-literature handout (HTML)', () => {
  it('is a complete page, brief by default and full with --full, each with the evidence map', () => {
    for (const page of [html, fullHtml]) {
      expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">/)
      expect(page.trim().endsWith('</html>')).toBe(true)
      expect(page).toContain('<title>Ketamine with psychotherapy: what clinic pages claim')
      expect(page).toContain('<h2>Reading list</h2>')
      expect(page).toContain(`(fingerprint ${dataFingerprint}), generated 2026-01-01`)
      expect(page).toContain(
        `<meta name="generator" content="kap-literature ${dataVersion} (data fingerprint ${dataFingerprint})">`,
      )
      // Psychotherapy's 27-claim map prints on three pages (see mapPages below).
      expect(page).toMatch(
        new RegExp(
          '<section class="map">\\n<figure class="kap-evidence-map-figure">\\n<div class="kap-map-picture" role="region" ' +
            'aria-label="Evidence map: Ketamine with psychotherapy \\(1 of 3\\)" tabindex="0"><svg ',
        ),
      )
      expect(page).toMatch(
        new RegExp(
          '<section class="map">\\n<figure class="kap-evidence-map-figure">\\n<div class="kap-map-picture" role="region" ' +
            'aria-label="Evidence map: Ketamine with psychotherapy \\(3 of 3\\)" tabindex="0"><svg ',
        ),
      )
      for (const tag of [
        'html',
        'head',
        'body',
        'main',
        'section',
        'ul',
        'dl',
        'footer',
        'style',
        'table',
        'svg',
        'figure',
        'details',
      ]) {
        expect((page.match(new RegExp(`<${tag}[\\s>]`, 'g')) ?? []).length, tag).toBe(
          (page.match(new RegExp(`</${tag}>`, 'g')) ?? []).length,
        )
      }
    }
    expect(html).toContain('<table class="brief">')
    expect([...html.matchAll(/<tr id="claim-/g)]).toHaveLength(ofTopic('psychotherapy').length)
    expect([...fullHtml.matchAll(/<article class="claim"/g)]).toHaveLength(ofTopic('psychotherapy').length)
    expect(fullHtml).toContain('<ol class="kap-bibliography kap-style-vancouver">')
  })
  it('prints a short topic at the body size and only the largest smaller, as two A4 pages need', async () => {
    const sized = async (topic: string, full = false) =>
      /<main class="([^"]*)">/.exec(
        (await runCli(['handout', '--topic', topic, '--format', 'html', ...(full ? ['--full'] : [])], { env: epoch }))
          .stdout,
      )![1]
    expect(/<main class="([^"]*)">/.exec(html)![1]).toBe('brief-handout print-small')
    expect(await sized('onset')).toBe('brief-handout print-large')
    expect(await sized('protocol')).toBe('brief-handout print-medium')
    // The full handout has no page limit: it prints at the body's size throughout.
    expect(await sized('onset', true)).toBe('full')
  })
  it('gives the brief table a caption, a named header for every column, and each claim as its row header', () => {
    expect(html).toContain(
      '<table class="brief">\n<caption class="vh">Ketamine with psychotherapy: the claims, our verdicts and why</caption>\n' +
        '<thead><tr><th scope="col"><span class="vh">Number</span></th><th scope="col">Claim</th>' +
        '<th scope="col">Verdict</th><th scope="col">Why, and the key studies</th></tr></thead>',
    )
    const rows = [...html.matchAll(/<tr id="claim-[^"]+">(.*)<\/tr>/g)].map((m) => m[1]!)
    expect(rows).toHaveLength(ofTopic('psychotherapy').length)
    for (const row of rows)
      // The number ends with a space, so that the row reads "1 Conventional…" where the cells run on (320 px).
      expect(row).toMatch(/^<td class="n">\d+ <\/td><th scope="row">[^<]+<\/th><td><span class="verdict /)
    expect(html).not.toMatch(/<th[^>]*><\/th>/)
  })
  it('links every citation in the text to its reading-list entry', () => {
    for (const page of [html, fullHtml]) {
      const targets = [...page.matchAll(/<a class="kap-ref-link" href="#ref-([^"]+)"[ >]/g)].map((m) => m[1]!)
      expect(targets.length).toBeGreaterThan(5)
      for (const id of new Set(targets)) expect(page, id).toContain(`id="ref-${id}"`)
      expect(page.replace(/<[^>]+>/g, ' ')).not.toMatch(bareId)
    }
  })
  it('makes no external requests: no scripts, stylesheets, images, fonts or frames, and a CSP that forbids them', () => {
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`)
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|<embed|\bsrc=|url\(|@import/i)
    for (const m of html.matchAll(/https?:\/\/[^\s"<]+/g))
      expect(html.slice(Math.max(0, m.index! - 6), m.index)).toMatch(/href="|\(|>|\s|mlns="/)
  })
  it('escapes every text', () => {
    expect(html.replace(/&(amp|lt|gt|quot|#39|#x[0-9a-f]+|#\d+);/gi, '')).not.toContain('&')
  })
  it.skipIf(!existsSync('/usr/bin/chromium') && process.env.CI !== 'true')(
    'loads in Chromium without a single network request',
    async () => {
      const { chromium } = await import('playwright-core')
      const browser = await chromium.launch({
        executablePath: '/usr/bin/chromium',
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      })
      try {
        const page = await browser.newPage()
        const requests: string[] = []
        page.on('request', (req) => requests.push(req.url()))
        await page.setContent(fullHtml, { waitUntil: 'load' })
        expect(await page.locator('h1').textContent()).toMatch(/^Ketamine with psychotherapy/)
        expect(await page.locator('article.claim').count()).toBe(ofTopic('psychotherapy').length)
        expect(requests).toEqual([])
      } finally {
        await browser.close()
      }
    },
  )
})

describe("the HTML handout's evidence map pages", () => {
  const aspect = (svg: string) => {
    const [, w, h] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)!
    return Number(h) / Number(w)
  }
  const rows = (svg: string) => [...svg.matchAll(/<g class="kap-map-row" data-claim="([^"]+)"/g)].map((m) => m[1])

  it("splits a tall map into consecutive runs of its claims, each page within A4's shape", () => {
    // The whole efficacy map is about twice as tall as wide: on one page it printed at two-thirds of the page width.
    expect(aspect(evidenceMap({ topic: 'efficacy', format: 'svg' }))).toBeGreaterThan(2)
    const pages = mapPages('efficacy', 'Efficacy')
    expect(pages.map((p) => p.label)).toEqual(['Evidence map: Efficacy (1 of 2)', 'Evidence map: Efficacy (2 of 2)'])
    for (const p of pages) expect(aspect(p.svg)).toBeLessThanOrEqual(MAP_PAGE_ASPECT)
    expect(pages[0]!.svg).toContain('Evidence map: Efficacy (1 of 2)')
    // The pages hold the map's claims once each, in the map's own order.
    expect(pages.flatMap((p) => rows(p.svg))).toEqual(rows(evidenceMap({ topic: 'efficacy', format: 'svg' })))
  })

  it('gives each map page the same facts as a table, for readers who cannot see the picture (audit 37, A-2)', async () => {
    for (const topic of ['onset', 'efficacy', 'psychotherapy']) {
      const page = (await runCli(['handout', '--topic', topic, '--format', 'html'], { env: epoch })).stdout
      const sections = page.split('<section class="map">').slice(1)
      const label = vocabularies.topics.find((t) => t.id === topic)!.label
      expect(
        sections.map((s) => / role="region" aria-label="([^"]+)"/.exec(s)![1]),
        topic,
      ).toEqual(mapPages(topic as never, label).map((p) => escapeHtml(p.label)))
      for (const section of sections) {
        const body = section.slice(0, section.indexOf('</section>'))
        const table = body.slice(body.indexOf('<details><summary>The same as a table</summary><table'))
        // One table row per claim drawn on this page, each with the claim in full and a list item per study mark.
        const drawn = rows(body)
        expect([...table.matchAll(/<tr><th scope="row">/g)], topic).toHaveLength(drawn.length)
        expect([...table.matchAll(/<li>/g)].length, topic).toBe(
          [...body.slice(0, body.indexOf('</svg>')).matchAll(/<g class="kap-map-mark"/g)].length,
        )
        for (const id of drawn)
          expect(table, id).toContain(`<th scope="row">${escapeHtml(claims.find((c) => c.id === id)!.statement)}</th>`)
      }
    }
  })

  it('keeps a map that fits one page whole, and gives none for a topic without claims', () => {
    expect(mapPages('duration', 'Duration')).toEqual([
      {
        label: 'Evidence map: Duration',
        svg: evidenceMap({ topic: 'duration', format: 'svg' }).trimEnd(),
        html: evidenceMap({ topic: 'duration', format: 'html' }).trimEnd(),
      },
    ])
    for (const t of vocabularies.topics)
      for (const p of mapPages(t.id as never, t.label)) expect(aspect(p.svg), t.id).toBeLessThanOrEqual(MAP_PAGE_ASPECT)
  })
})
