/**
 * Elements moved into another window's document (`adoptNode` into an iframe, as "print this section" code does with
 * a print window): a constructed stylesheet belongs to the document of the window that made it, so the elements
 * lost their styles there and the evidence map failed with "could not render" (hostile review, session 35). Each
 * document now gets its own sheets. In Debian's Chromium, from dist/elements/ (run `npm run build` first), under
 * `default-src 'self'`.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { builtElements, CHROMIUM, launchChromium, serveElements } from '../helpers/elements-server'
import { VERDICT_COLOURS } from '../../src/verdict-colours'
import { rgb } from '../helpers/colours'

const ci = process.env.CI === 'true'
const available = existsSync(CHROMIUM)

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>moved elements</title>
<script type="module" src="/elements/kap-elements.js"></script></head>
<body>
<div id="source">
<p>A trial <kap-cite id="cite" ids="dore-2019"></kap-cite>.</p>
<kap-reference id="refs" ids="dore-2019"></kap-reference>
<kap-claim id="claim" claim="without-therapy-ketamine-effects-fade-faster"></kap-claim>
<kap-search id="search"></kap-search>
<kap-evidence-map id="map" topic="onset"></kap-evidence-map>
</div>
<iframe id="frame" src="/frame.html" title="print preview"></iframe>
</body></html>`
const FRAME = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>frame</title></head><body></body></html>`
const IDS = ['cite', 'refs', 'claim', 'search', 'map'] as const

let server: Awaited<ReturnType<typeof serveElements>>
let browser: Browser
let page: Page
const problems: string[] = []

/** Each element's sheets and error code, in the document it is in. */
const state = (where: 'main' | 'frame') =>
  page.evaluate(
    ([ids, w]) => {
      const doc = w === 'main' ? document : (document.getElementById('frame') as HTMLIFrameElement).contentDocument!
      return Object.fromEntries(
        ids.map((id) => {
          const e = doc.getElementById(id) as (HTMLElement & { error?: { code: string } }) | null
          return [id, e === null ? 'missing' : `${e.shadowRoot!.adoptedStyleSheets.length} ${e.error?.code ?? 'ok'}`]
        }),
      )
    },
    [IDS, where] as const,
  )

describe.skipIf(!available && !ci)('elements moved into another document in Chromium', () => {
  beforeAll(async () => {
    expect(existsSync(join(builtElements, 'kap-elements.js')), 'run npm run build first').toBe(true)
    server = await serveElements({ '/': PAGE, '/frame.html': FRAME }, {}, "default-src 'self'")
    browser = await launchChromium()
    page = await browser.newPage()
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`)
    })
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
    await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }))
    await page.goto(`${server.origin}/`)
    await page.waitForFunction(() => document.getElementById('map')?.shadowRoot?.querySelector('svg'))
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('keeps their styles in an iframe, and the map renders there; and again once moved back', async () => {
    expect(await state('main')).toEqual(Object.fromEntries(IDS.map((id) => [id, '1 ok'])))
    await page.evaluate((ids) => {
      const frame = (document.getElementById('frame') as HTMLIFrameElement).contentDocument!
      for (const id of ids) frame.body.append(frame.adoptNode(document.getElementById(id)!))
    }, IDS)
    // The map renders again in its new document (a change of attribute, as any render).
    await page.evaluate(() =>
      (document.getElementById('frame') as HTMLIFrameElement)
        .contentDocument!.getElementById('map')!
        .setAttribute('topic', 'safety'),
    )
    await page.waitForFunction(() =>
      (document.getElementById('frame') as HTMLIFrameElement)
        .contentDocument!.getElementById('map')
        ?.shadowRoot?.querySelector('svg [role=img], svg'),
    )
    expect(await state('frame')).toEqual(Object.fromEntries(IDS.map((id) => [id, '1 ok'])))
    // The verdict badge keeps its colour (it was the default black on white in the iframe).
    const badge = await page.evaluate(() => {
      const claim = (document.getElementById('frame') as HTMLIFrameElement).contentDocument!.getElementById('claim')!
      const b = claim.shadowRoot!.querySelector('.badge')!
      return { verdict: b.getAttribute('data-verdict')!, color: getComputedStyle(b).color }
    })
    const [r, g, b] = rgb(VERDICT_COLOURS[badge.verdict as keyof typeof VERDICT_COLOURS])
    expect(badge.color).toBe(`rgb(${r}, ${g}, ${b})`)
    // Back in the page, with the page's sheets.
    await page.evaluate((ids) => {
      const frame = (document.getElementById('frame') as HTMLIFrameElement).contentDocument!
      for (const id of ids) document.getElementById('source')!.append(document.adoptNode(frame.getElementById(id)!))
    }, IDS)
    expect(await state('main')).toEqual(Object.fromEntries(IDS.map((id) => [id, '1 ok'])))
    expect(problems).toEqual([])
  })
})
