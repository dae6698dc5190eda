/**
 * Evidence maps in Debian's Chromium: an SVG file and an HTML figure, served from 127.0.0.1 under a strict
 * Content-Security-Policy. Saves screenshots (paths printed) for a person to look at, and checks that the picture
 * loads nothing from outside, breaks no CSP rule, and that row texts stay clear of the verdict badges and marks, also
 * with a reader's text spacing; and what the accessibility tree gives a screen reader.
 * In CI a missing browser fails; locally the test is skipped with a message.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { claims, topicTerms } from '../../src/index'
import { evidenceMap } from '../../src/map/index'
import { root } from '../helpers/paths'

const CHROMIUM = '/usr/bin/chromium'
const ci = process.env.CI === 'true'
const available = existsSync(CHROMIUM)
const shots = join(root, 'test-results')
const CSP =
  "default-src 'none'; img-src 'self'; style-src 'self'; script-src 'none'; base-uri 'none'; form-action 'none'"

const pages: Record<string, { type: string; body: string }> = {
  '/psychotherapy.svg': { type: 'image/svg+xml', body: evidenceMap({ topic: 'psychotherapy', format: 'svg' }) },
  '/psychotherapy.html': {
    type: 'text/html',
    body:
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Psychotherapy ` +
      `map</title></head><body>${evidenceMap({ topic: 'psychotherapy', format: 'svg' })}<img alt="The same map as an ` +
      `image" src="/psychotherapy.svg"></body></html>`,
  },
  '/efficacy.html': {
    type: 'text/html',
    body:
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Efficacy ` +
      `map</title></head><body>${evidenceMap({ topic: 'efficacy', format: 'html' })}</body></html>`,
  },
  '/hostile.svg': {
    type: 'image/svg+xml',
    body: evidenceMap({ topic: 'regulation', format: 'svg', title: '<img src=x onerror="window.pwned=1">' }),
  },
}

let server: Server
let origin = ''
let browser: Browser
const requests: string[] = []
const problems: string[] = []

describe.skipIf(!available && !ci)('evidence maps in Chromium', () => {
  beforeAll(async () => {
    expect(existsSync(CHROMIUM), 'Debian chromium must be installed in CI').toBe(true)
    mkdirSync(shots, { recursive: true })
    server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname
      if (path === '/favicon.ico') return void res.writeHead(204).end()
      const page = pages[path]
      if (page === undefined) return void res.writeHead(404).end('not found')
      res
        .writeHead(200, { 'content-type': `${page.type}; charset=utf-8`, 'content-security-policy': CSP })
        .end(page.body)
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    })
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()))
  })

  async function open(path: string, width = 1000) {
    const page = await browser.newPage({ viewport: { width, height: 900 } })
    page.on('request', (r) => requests.push(r.url()))
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy/i.test(m.text()))
        problems.push(`${path}: ${m.text()} ${JSON.stringify(m.location())}`)
    })
    page.on('pageerror', (e) => problems.push(`${path}: ${e.message}`))
    await page.goto(`${origin}${path}`)
    return page
  }

  it('renders the SVG: no outside request, no CSP violation, texts clear of badges and marks; screenshot saved', async () => {
    const page = await open('/psychotherapy.html')
    await page.waitForFunction(() => (document.querySelector('img') as HTMLImageElement | null)?.complete === true)
    expect(await page.evaluate(() => (document.querySelector('img') as HTMLImageElement).naturalWidth)).toBe(960)
    const file = join(shots, 'evidence-map-psychotherapy.png')
    await page.screenshot({ path: file, fullPage: true })
    console.log(`evidence map screenshot: ${file}`)
    // Every claim line ends before the verdict badge column; every mark sits inside the grid.
    const overlaps = await page.evaluate(() => {
      const bad: string[] = []
      for (const row of document.querySelectorAll('g.kap-map-row')) {
        const badge = row.querySelector('rect[rx]')!.getBoundingClientRect()
        for (const t of row.querySelectorAll(':scope > text')) {
          const box = t.getBoundingClientRect()
          if (t.getAttribute('text-anchor') !== 'middle' && box.right > badge.left - 2)
            bad.push(`${row.getAttribute('data-claim')}: "${t.textContent}" runs into the badge`)
        }
      }
      return bad
    })
    expect(overlaps).toEqual([])
    expect(requests.filter((u) => !u.startsWith(origin))).toEqual([])
    expect(problems).toEqual([])
    await page.close()
  })

  it("with a reader's text spacing (WCAG 1.4.12), no text of any map runs into another, a badge or a line (audit 37, A-11)", async () => {
    // The overrides of WCAG's text-spacing test (as a bookmarklet sets them), in DejaVu Sans, a wide font.
    const spacing =
      '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }'
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } })
    const found: string[] = []
    for (const topic of [...topicTerms, undefined]) {
      const svg = evidenceMap({ ...(topic === undefined ? {} : { topic }), format: 'svg' })
      await page.setContent(`<!DOCTYPE html><html lang="en"><body style="margin:0">${svg}</body></html>`)
      await page.addStyleTag({ content: spacing })
      const collisions = await page.evaluate(() => {
        const picture = document.querySelector('svg')!
        const frame = picture.getBoundingClientRect()
        const boxOf = (el: Element, what: string, trim = 0) => {
          const r = el.getBoundingClientRect()
          // A text's box holds the font's whole ascent and descent; its letters fill about the middle 60 %.
          return { l: r.left, r: r.right, t: r.top + r.height * trim, b: r.bottom - r.height * trim, what, el }
        }
        const texts = [...picture.querySelectorAll('text')].map((t) => boxOf(t, `"${t.textContent}"`, 0.2))
        const badges = [...picture.querySelectorAll('rect[rx]')].map((r) => boxOf(r, 'a badge'))
        const lines = [...picture.querySelectorAll('line')].map((l) => boxOf(l, 'a line'))
        const hit = (a: { l: number; r: number; t: number; b: number }, c: typeof a) =>
          a.l < c.r && c.l < a.r && a.t < c.b && c.t < a.b
        const bad: string[] = []
        for (const a of texts) {
          if (a.l < frame.left || a.r > frame.right) bad.push(`${a.what} leaves the picture`)
          for (const c of texts) if (a.what < c.what && hit(a, c)) bad.push(`${a.what} runs into ${c.what}`)
          for (const c of lines) if (hit(a, c)) bad.push(`${a.what} is crossed by a line`)
          for (const c of badges) {
            if (!hit(a, c)) continue
            // A verdict's label sits on its own badge (drawn just before it), and wholly inside it.
            const own = a.el.previousElementSibling === c.el
            if (!own) bad.push(`${a.what} runs into a badge`)
            else if (a.l < c.l || a.r > c.r) bad.push(`${a.what} overflows its badge`)
          }
        }
        return [...new Set(bad)]
      })
      found.push(...collisions.map((c) => `${topic ?? 'every claim'}: ${c}`))
    }
    await page.screenshot({ path: join(shots, 'evidence-map-text-spacing.png'), fullPage: true })
    console.log(`evidence map screenshot: ${join(shots, 'evidence-map-text-spacing.png')}`)
    expect(found).toEqual([])
    await page.close()
  }, 60_000)

  it('names the picture by its title, describes it once, and gives its facts as a table to a screen reader (audit 37, A-1, A-12)', async () => {
    const page = await open('/efficacy.html')
    const cdp = await page.context().newCDPSession(page)
    const tree = async () =>
      (await cdp.send('Accessibility.getFullAXTree')).nodes as {
        role?: { value: string }
        name?: { value: string }
        description?: { value: string }
      }[]
    const img = (await tree()).filter((n) => n.role?.value === 'image')
    expect(img.map((n) => n.name?.value)).toEqual(['Evidence map: Efficacy'])
    expect(img[0]!.description?.value).toMatch(/^\d+ claims made by clinic pages .* \(fingerprint [0-9a-f]+\)\.$/)
    // The table opens from the keyboard; then every claim is a row header, in full, with its verdict and studies.
    await page.locator('summary').focus()
    await page.keyboard.press('Enter')
    const efficacy = claims.filter((c) => (c.topics as readonly string[]).includes('efficacy'))
    const nodes = await tree()
    const headers = nodes.filter((n) => n.role?.value === 'rowheader').map((n) => n.name?.value)
    expect(headers.sort()).toEqual(efficacy.map((c) => c.statement).sort())
    expect(nodes.filter((n) => n.role?.value === 'listitem')).toHaveLength(efficacy.flatMap((c) => c.evidence).length)
    await page.close()
  })

  it('renders the HTML figure with its table, and a hostile title stays text', async () => {
    const page = await open('/efficacy.html')
    const file = join(shots, 'evidence-map-efficacy.png')
    await page.screenshot({ path: file, fullPage: true })
    console.log(`evidence map screenshot: ${file}`)
    expect(await page.locator('figure svg[role="img"]').count()).toBe(1)
    expect(await page.locator('details table tbody tr').count()).toBeGreaterThan(5)
    const hostile = await open('/hostile.svg')
    expect(await hostile.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined()
    expect(await hostile.locator('svg > title').textContent()).toBe('<img src=x onerror="window.pwned=1">')
    expect(requests.filter((u) => !u.startsWith(origin))).toEqual([])
    expect(problems).toEqual([])
    await page.close()
    await hostile.close()
  })
})
