/**
 * `<kap-evidence-map>` for a reader who cannot see the picture (audit 37, A-1): the picture is named by its title
 * alone, and the same facts come as a table (each claim in full as a row header, its verdict, each study with how it
 * bears on the claim) that opens from the keyboard. In Debian's Chromium, from dist/elements/ (run `npm run build`
 * first). A screenshot of the opened table is saved under test-results/.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { claims } from '../../src/index'
import { builtElements, CHROMIUM, launchChromium, serveElements } from '../helpers/elements-server'
import { root } from '../helpers/paths'

const ci = process.env.CI === 'true'
const available = existsSync(CHROMIUM)
const shots = join(root, 'test-results')

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>an evidence map</title>
<script type="module" src="/elements/kap-elements.js"></script></head>
<body><main><h1>How fast does it work?</h1><kap-evidence-map id="map" topic="onset"></kap-evidence-map></main></body></html>`

let server: Awaited<ReturnType<typeof serveElements>>
let browser: Browser

describe.skipIf(!available && !ci)('<kap-evidence-map> for screen readers and keyboards', () => {
  beforeAll(async () => {
    expect(existsSync(CHROMIUM), 'Debian chromium must be installed in CI').toBe(true)
    expect(existsSync(join(builtElements, 'kap-elements.js')), 'run npm run build first').toBe(true)
    mkdirSync(shots, { recursive: true })
    server = await serveElements({ '/': PAGE })
    browser = await launchChromium()
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('names the picture by its title and gives every claim, verdict and study as a table that opens from the keyboard (A-1)', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } })
    await page.goto(`${server.origin}/`)
    const map = page.locator('kap-evidence-map')
    await map.locator('svg').waitFor()
    expect(await map.getByRole('img').count()).toBe(1)
    expect(await map.getByRole('img', { name: 'Evidence map: Speed of onset', exact: true }).count()).toBe(1)
    // The table's disclosure is a tab stop; Enter opens it.
    const summary = map.getByText('The same as a table')
    expect(await summary.count()).toBe(1)
    await summary.focus()
    await page.keyboard.press('Enter')
    const onset = claims.filter((c) => (c.topics as readonly string[]).includes('onset'))
    const table = map.getByRole('table', { name: 'Evidence map: Speed of onset' })
    expect((await table.getByRole('rowheader').allTextContents()).sort()).toEqual(onset.map((c) => c.statement).sort())
    expect(await table.getByRole('listitem').count()).toBe(onset.flatMap((c) => c.evidence).length)
    expect(await table.getByRole('row').nth(1).getByRole('cell').first().textContent()).toMatch(
      /^(Accurate|Oversimplified|Overstated|Contested|Inaccurate)$/,
    )
    const file = join(shots, 'elements-evidence-map-table.png')
    await page.screenshot({ path: file, fullPage: true })
    console.log(`elements screenshot: ${file}`)
    await page.close()
  })

  it('at 320 px only the picture scrolls: the caption and the table keep the window width (audit 37 re-check, N-1)', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 900 } })
    await page.goto(`${server.origin}/`)
    const map = page.locator('kap-evidence-map')
    await map.locator('svg').waitFor()
    await map.getByText('The same as a table').click()
    const region = map.getByRole('region', { name: 'Evidence map: Speed of onset' })
    await region.evaluate((r) => r.scrollBy(200, 0))
    const boxes = await map.evaluate((host) =>
      ['[part=map]', 'figcaption', 'table'].map((s) => {
        const r = host.shadowRoot!.querySelector(s)!.getBoundingClientRect()
        return { s, left: Math.round(r.left), right: Math.round(r.right) }
      }),
    )
    for (const b of boxes) {
      expect(b.left, b.s).toBeGreaterThanOrEqual(0)
      expect(b.right, b.s).toBeLessThanOrEqual(320)
    }
    expect(await region.evaluate((r) => r.scrollLeft)).toBeGreaterThan(0)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(320)
    await page.close()
  })
})
