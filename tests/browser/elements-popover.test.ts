/**
 * The `<kap-cite>` popover where pages put citations (audit 36, item 4): it closes on a click outside, on Escape
 * wherever the focus is and when the focus moves on; one is open at a time; at the right end of a right-aligned line it
 * stays inside the viewport and reads left-aligned; inside a box with `overflow: hidden` it is not clipped; in a box
 * that scrolls it follows its citation; near the bottom of the window it opens upwards; on a phone it is a sheet along
 * the bottom. In Debian's Chromium, from dist/elements/ (run `npm run build` first), under `default-src 'self'` (the
 * popover is placed through the CSSOM, which the policy allows). Screenshots are saved under test-results/.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, ElementHandle, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { builtElements, CHROMIUM, launchChromium, serveElements } from '../helpers/elements-server'
import { root } from '../helpers/paths'

const ci = process.env.CI === 'true'
const available = existsSync(CHROMIUM)
const shots = join(root, 'test-results')

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>citations in awkward places</title>
<script type="module" src="/elements/kap-elements.js"></script><link rel="stylesheet" href="/page.css"></head>
<body>
<p>A practice study <kap-cite id="a" ids="dore-2019"></kap-cite>, <a id="link" href="#top">a link</a> and a trial
<kap-cite id="b" ids="wilkinson-2021"></kap-cite>.</p>
<p class="right"><em>A line that ends on the right, in italics <kap-cite id="r" ids="dore-2019 wilkinson-2021"></kap-cite></em></p>
<p dir="rtl" class="loud">نص <kap-cite id="t" ids="anand-2023 daly-2019 dore-2019 feder-2014 feder-2021 grabski-2022
krupitsky-2002 krupitsky-2007 popova-2019 wilkinson-2017 wilkinson-2018 wilkinson-2021"></kap-cite></p>
<div class="clip">In a box that hides what overflows <kap-cite id="o" ids="dore-2019"></kap-cite></div>
<div class="scroller" id="scroller"><p>In a box that scrolls <kap-cite id="s" ids="dore-2019"></kap-cite></p><div class="tall"></div></div>
<div class="tall"></div>
<p>At the bottom <kap-cite id="z" ids="dore-2019"></kap-cite></p>
</body></html>`
const CSS =
  'body{font-family:sans-serif;margin:8px}.right{text-align:right}.clip{overflow:hidden;height:3em;border:1px solid #ccc}' +
  '.tall{height:1500px}.scroller{overflow:auto;height:6em;border:1px solid #ccc}' +
  '.loud{text-transform:uppercase;letter-spacing:.2em;--kap-popover-bg:#161b22;--kap-popover-color:#e6edf3}'

let server: Awaited<ReturnType<typeof serveElements>>
let browser: Browser
let page: Page
const problems: string[] = []

/** Whether each citation's popover is open, with its aria-expanded, and where the focus is. */
const state = () =>
  page.evaluate(() => {
    const open: Record<string, string> = {}
    for (const id of ['a', 'b', 'r', 'o', 's', 'z']) {
      const root = document.getElementById(id)!.shadowRoot!
      open[id] =
        `${root.querySelector('.popover')!.matches(':popover-open')} ` +
        `${root.querySelector('button.cite')!.getAttribute('aria-expanded')}`
    }
    const active = document.activeElement
    return { open, focus: `${active?.id ?? ''} ${active?.shadowRoot?.activeElement?.className ?? ''}`.trim() }
  })
const opened = (ids: string[]) =>
  Object.fromEntries(['a', 'b', 'r', 'o', 's', 'z'].map((id) => [id, ids.includes(id) ? 'true true' : 'false false']))
const citation = (id: string) =>
  page.evaluateHandle(
    (i) => document.getElementById(i)!.shadowRoot!.querySelector('button.cite') as HTMLElement,
    id,
  ) as Promise<ElementHandle<HTMLElement>>
const popoverBox = (id: string) =>
  page.evaluate((i) => {
    const r = document.getElementById(i)!.shadowRoot!.querySelector('.popover')!.getBoundingClientRect()
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height }
  }, id)
const settle = () => page.waitForTimeout(60)
const shoot = async (name: string) => {
  const path = join(shots, name)
  await page.screenshot({ path })
  console.log(`elements screenshot: ${path}`)
}

describe.skipIf(!available && !ci)('the citation popover in Chromium', () => {
  beforeAll(async () => {
    expect(existsSync(join(builtElements, 'kap-elements.js')), 'run npm run build first').toBe(true)
    mkdirSync(shots, { recursive: true })
    server = await serveElements({ '/': PAGE }, {}, "default-src 'self'")
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1000, height: 800 } })
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) problems.push(`console: ${m.text()}`)
    })
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
    // page.css is not among the served files: serve it here.
    await page.route('**/page.css', (route) => route.fulfill({ contentType: 'text/css', body: CSS }))
    await page.goto(`${server.origin}/`)
    await page.waitForFunction(() => document.getElementById('z')?.shadowRoot?.querySelector('button.cite'))
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('closes on a click outside, and on Escape wherever the focus is', async () => {
    await (await citation('a')).click()
    await settle()
    expect(await state()).toEqual({ open: opened(['a']), focus: 'a popover' })
    await page.mouse.click(600, 700) // empty page
    await settle()
    expect((await state()).open).toEqual(opened([]))
    await (await citation('a')).click()
    await page.evaluate(() => document.getElementById('link')!.focus())
    await page.keyboard.press('Escape')
    await settle()
    expect(await state()).toEqual({ open: opened([]), focus: 'link' })
    // From inside the popover, Escape closes it and brings the focus back to the citation.
    await page.evaluate(() =>
      (document.getElementById('a')!.shadowRoot!.querySelector('button.cite') as HTMLElement).focus(),
    )
    await page.keyboard.press('Enter')
    await settle()
    expect(await state()).toEqual({ open: opened(['a']), focus: 'a popover' })
    await page.keyboard.press('Escape')
    await settle()
    expect(await state()).toEqual({ open: opened([]), focus: 'a cite' })
  })

  it('is open one at a time, and closes when the focus moves on past it (Tab), not before', async () => {
    await (await citation('a')).click()
    await (await citation('b')).click()
    await settle()
    expect(await state()).toEqual({ open: opened(['b']), focus: 'b popover' })
    await (await citation('b')).click() // the citation closes its own popover
    await settle()
    expect((await state()).open).toEqual(opened([]))
    await (await citation('a')).click()
    await page.keyboard.press('Tab') // the ×
    await settle()
    expect(await state()).toEqual({ open: opened(['a']), focus: 'a close' })
    await page.keyboard.press('Tab') // the DOI link
    await settle()
    expect(await state()).toEqual({ open: opened(['a']), focus: 'a kap-ref-doi' })
    await page.keyboard.press('Tab') // on to the page's link: closed, and the focus stays where it went
    await settle()
    expect(await state()).toEqual({ open: opened([]), focus: 'link' })
  })

  it('stays inside the viewport at the end of a right-aligned line, left-aligned and upright', async () => {
    await (await citation('r')).click()
    await settle()
    const box = await popoverBox('r')
    const page_ = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }))
    const style = await page.evaluate(() => {
      const s = getComputedStyle(document.getElementById('r')!.shadowRoot!.querySelector('.popover')!)
      return [s.textAlign, s.fontStyle]
    })
    expect(box.left).toBeGreaterThanOrEqual(0)
    expect(box.right).toBeLessThanOrEqual(page_.clientWidth)
    expect(page_.scrollWidth).toBe(page_.clientWidth)
    expect(style).toEqual(['left', 'normal'])
    // Below the citation.
    const cite = await page.evaluate(() => document.getElementById('r')!.getBoundingClientRect().bottom)
    expect(box.top).toBeGreaterThanOrEqual(cite)
    await shoot('elements-popover-right.png')
    await page.keyboard.press('Escape')
  })

  it('in a right-to-left capitalised line: left to right, upright, unspaced; × in the card colour; twelve references scroll', async () => {
    await (await citation('t')).click()
    await settle()
    const style = await page.evaluate(() => {
      const panel = document.getElementById('t')!.shadowRoot!.querySelector('.popover')!
      const s = getComputedStyle(panel)
      return {
        direction: s.direction,
        textAlign: s.textAlign,
        textTransform: s.textTransform,
        letterSpacing: s.letterSpacing,
        overflowY: s.overflowY,
        close: getComputedStyle(panel.querySelector('.close')!).color,
      }
    })
    expect(style).toEqual({
      direction: 'ltr',
      textAlign: 'left',
      textTransform: 'none',
      letterSpacing: 'normal',
      overflowY: 'auto',
      close: 'rgb(230, 237, 243)',
    })
    const box = await popoverBox('t')
    expect(box.height).toBeLessThanOrEqual(0.8 * 800 + 1)
    expect(box.top).toBeGreaterThanOrEqual(0)
    expect(box.bottom).toBeLessThanOrEqual(800)
    await shoot('elements-popover-rtl-many.png')
    await page.keyboard.press('Escape')
  })

  it('is not clipped by a box with overflow: hidden (top layer)', async () => {
    await (await citation('o')).click()
    await settle()
    const box = await popoverBox('o')
    expect(box.height).toBeGreaterThan(100)
    // The popover, not the page behind, is what shows at points across its whole height.
    const shown = await page.evaluate((b) => {
      const host = document.getElementById('o')!
      return [0.25, 0.5, 0.9].map((f) => document.elementFromPoint(b.left + 20, b.top + b.height * f) === host)
    }, box)
    expect(shown).toEqual([true, true, true])
    await shoot('elements-popover-overflow-hidden.png')
    await page.keyboard.press('Escape')
  })

  it('follows its citation when the box the citation sits in scrolls, and stops following once closed', async () => {
    await (await citation('s')).click()
    await settle()
    const gap = async () => {
      const box = await popoverBox('s')
      const cite = await page.evaluate(() => document.getElementById('s')!.getBoundingClientRect().bottom)
      return { gap: Math.round(box.top - cite), top: Math.round(box.top) }
    }
    const before = await gap()
    await page.evaluate(() => document.getElementById('scroller')!.scrollBy(0, 20))
    await settle()
    const after = await gap()
    expect(after.gap).toBe(before.gap)
    expect(after.top).toBe(before.top - 20)
    expect((await state()).open).toEqual(opened(['s']))
    await page.keyboard.press('Escape')
    // Closed, it is no longer placed when the box scrolls.
    const y = () =>
      page.evaluate(() =>
        document.getElementById('s')!.shadowRoot!.querySelector<HTMLElement>('.popover')!.style.getPropertyValue('--y'),
      )
    const closedAt = await y()
    await page.evaluate(() => document.getElementById('scroller')!.scrollBy(0, 20))
    await settle()
    expect(await y()).toBe(closedAt)
    await page.evaluate(() => document.getElementById('scroller')!.scrollTo(0, 0))
  })

  it('opens above a citation at the bottom of the window, and follows the page when it scrolls', async () => {
    await page.evaluate(() => document.getElementById('z')!.scrollIntoView({ block: 'end' }))
    await (await citation('z')).click()
    await settle()
    const box = await popoverBox('z')
    const cite = await page.evaluate(() => document.getElementById('z')!.getBoundingClientRect().toJSON() as DOMRect)
    expect(box.bottom).toBeLessThanOrEqual(cite.top)
    expect(box.top).toBeGreaterThanOrEqual(0)
    await shoot('elements-popover-bottom.png')
    await page.mouse.wheel(0, -200)
    await settle()
    const moved = await popoverBox('z')
    const citeMoved = await page.evaluate(() => document.getElementById('z')!.getBoundingClientRect().top)
    expect(Math.round(citeMoved - moved.bottom)).toBe(Math.round(cite.top - box.bottom))
    await page.keyboard.press('Escape')
    await page.evaluate(() => scrollTo(0, 0))
  })

  it('is a sheet along the bottom on a phone-width screen', async () => {
    await page.setViewportSize({ width: 360, height: 700 })
    try {
      await (await citation('r')).click()
      await settle()
      expect((await state()).open).toEqual(opened(['r']))
      const box = await popoverBox('r')
      expect(box.left).toBeCloseTo(8, 0)
      expect(box.right).toBeCloseTo(360 - 8, 0)
      expect(box.bottom).toBeCloseTo(700 - 8, 0)
      const widths = await page.evaluate(() => {
        const popover = document.getElementById('r')!.shadowRoot!.querySelector('.popover')!
        return { page: document.documentElement.scrollWidth, popover: popover.scrollWidth - popover.clientWidth }
      })
      // Nothing runs past the sheet (long DOI links wrap) or the page.
      expect(widths).toEqual({ page: 360, popover: 0 })
      await shoot('elements-popover-phone.png')
      await page.keyboard.press('Escape')
    } finally {
      await page.setViewportSize({ width: 1000, height: 800 })
    }
  })

  it('in a browser without the Popover API (its methods removed here), the citation shows and clicking it throws nothing', async () => {
    const old = await browser.newPage({ viewport: { width: 1000, height: 800 } })
    const thrown: string[] = []
    old.on('pageerror', (e) => thrown.push(e.message))
    try {
      await old.addInitScript(() => {
        for (const name of ['togglePopover', 'showPopover', 'hidePopover'])
          delete (HTMLElement.prototype as unknown as Record<string, unknown>)[name]
      })
      await old.route('**/page.css', (route) => route.fulfill({ contentType: 'text/css', body: CSS }))
      await old.goto(`${server.origin}/`)
      await old.waitForFunction(() => document.getElementById('a')?.shadowRoot?.querySelector('button.cite'))
      await old.evaluate(() =>
        (document.getElementById('a')!.shadowRoot!.querySelector('button.cite') as HTMLElement).click(),
      )
      await old.keyboard.press('Tab')
      await old.waitForTimeout(60)
      expect(await old.evaluate(() => document.getElementById('a')!.shadowRoot!.textContent)).toMatch(
        /^\(Dore et al\., 2019\)/,
      )
      expect(thrown).toEqual([])
    } finally {
      await old.close()
    }
  })

  it('broke no Content-Security-Policy rule and threw nothing', () => {
    expect(problems).toEqual([])
  })
})
