/**
 * The web components for readers who zoom, use a keyboard, a screen reader or voice control (audit 37): at 320 CSS px
 * long DOI links wrap instead of pushing the page sideways; the evidence map's sideways scroller is a named region
 * in the tab order; the search box and its filter have visible labels, which a page may rename or hide;
 * a numbered citation's button says what it cites, not only its number. In Debian's Chromium, from
 * dist/elements/ (run `npm run build` first), under `default-src 'self'`, with the accessibility tree Chromium gives
 * assistive technology (CDP) and axe-core. Screenshots are saved under test-results/.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addCitation, builtElements, CHROMIUM, launchChromium, serveElements } from '../helpers/elements-server'
import { root } from '../helpers/paths'

const ci = process.env.CI === 'true'
const available = existsSync(CHROMIUM)
const shots = join(root, 'test-results')

const html = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<script type="module" src="/elements/kap-elements.js"></script>
<link rel="stylesheet" href="/page.css"></head>
<body>${body}</body></html>`
/** The pages' own styles: a page that labels the search box itself hides the element's labels. */
const CSS = 'body{font-family:sans-serif;margin:8px}.own-label::part(label){display:none}'

const PAGE = html(
  'elements at 320 px',
  `<h1>Elements</h1>
<kap-reference id="refs" ids="dore-2019 wilkinson-2021"></kap-reference>
<kap-reference id="vrefs" ids="dore-2019 wilkinson-2018" style-name="vancouver"></kap-reference>
<kap-search id="search"></kap-search>
<kap-evidence-map id="map" topic="onset"></kap-evidence-map>`,
)

/** Numbered citations, in AMA and Vancouver, next to one in APA; zarate-2006 is a study no claim links to. */
const CITES = html(
  'numbered citations',
  `<p>Two <kap-cite id="a12" ids="wilkinson-2021 dore-2019" style-name="ama"></kap-cite>, one again
<kap-cite id="a2" ids="dore-2019" style-name="ama"></kap-cite>, three in Vancouver
<kap-cite id="v3" ids="zarate-2006 krystal-1994 dore-2019" style-name="vancouver"></kap-cite> and APA
<kap-cite id="apa" ids="dore-2019"></kap-cite>.</p>`,
)

/** A page that renames the search box's label, and one that hides both labels (it labels the box itself). */
const LABELS = html(
  'search labels',
  `<kap-search id="renamed" topic="safety" label="Search the safety research"></kap-search>
<h2 id="own">Find a study</h2><kap-search id="hidden" class="own-label"></kap-search>`,
)

let server: Awaited<ReturnType<typeof serveElements>>
let browser: Browser
const problems: string[] = []

/** A page of `path` at `width` CSS px, with every console error and page error recorded. */
async function open(path: string, width: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } })
  const page = await context.newPage()
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) problems.push(`console: ${m.text()}`)
  })
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
  // page.css is not among the served files: served here.
  await page.route('**/page.css', (route) => route.fulfill({ contentType: 'text/css', body: CSS }))
  await page.goto(`${server.origin}${path}`)
  return { context, page }
}

type AxNode = {
  role?: { value: string }
  name?: { value: string }
  properties?: { name: string; value: { value: unknown } }[]
}
/** Chromium's accessibility tree, as assistive technology gets it. */
async function axTree(context: BrowserContext, page: Page): Promise<AxNode[]> {
  const cdp = await context.newCDPSession(page)
  return ((await cdp.send('Accessibility.getFullAXTree')) as unknown as { nodes: AxNode[] }).nodes
}
const named = (nodes: AxNode[], role: string) =>
  nodes.filter((n) => n.role?.value === role).map((n) => n.name?.value ?? '')

/** Elements (in the page and in every shadow root, outside SVG) that reach past the right edge of the window. */
const overflowing = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = []
    const walk = (scope: Document | ShadowRoot, host: string): void => {
      for (const e of scope.querySelectorAll('*')) {
        const r = e.getBoundingClientRect()
        if (r.width > 0 && r.right > innerWidth + 0.5 && e.closest('svg') === null)
          out.push(`${host} ${e.localName}.${e.getAttribute('class') ?? ''} right=${Math.round(r.right)}`)
        if (e.shadowRoot !== null) walk(e.shadowRoot, e.id || e.localName)
      }
    }
    walk(document, 'page')
    return { out, scrollWidth: document.documentElement.scrollWidth }
  })

const axeViolations = async (page: Page): Promise<string[]> => {
  await page.addScriptTag({ url: `${server.origin}/axe.min.js` })
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string | null }[] }
    const axe = (window as unknown as { axe: { run: (c: unknown) => Promise<Result> } }).axe
    return (await axe.run(document)).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id)
  })
}

describe.skipIf(!available && !ci)('the elements for zoom, keyboard, screen readers and voice control', () => {
  beforeAll(async () => {
    expect(existsSync(join(builtElements, 'kap-elements.js')), 'run npm run build first').toBe(true)
    mkdirSync(shots, { recursive: true })
    server = await serveElements(
      { '/': PAGE, '/cites.html': CITES, '/labels.html': LABELS },
      { '/axe.min.js': readFileSync(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8') },
      "default-src 'self'",
    )
    browser = await launchChromium()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('at 320 px, references and search results wrap their DOI links: nothing reaches past the window (A-5)', async () => {
    const { context, page } = await open('/', 320)
    try {
      await page.waitForFunction(() =>
        ['refs', 'vrefs'].every((id) => document.getElementById(id)?.shadowRoot?.querySelector('a.kap-ref-doi')),
      )
      await page.evaluate(() => {
        const input = document.getElementById('search')!.shadowRoot!.querySelector('input')!
        input.value = 'wilkinson'
        input.dispatchEvent(new Event('input'))
      })
      await page.waitForFunction(
        () => (document.getElementById('search')!.shadowRoot!.querySelectorAll('li a.kap-ref-doi').length ?? 0) > 1,
      )
      // The evidence map scrolls inside its own box; everything else fits the window.
      const found = await overflowing(page)
      expect(found.out.filter((e) => !e.startsWith('map '))).toEqual([])
      expect(found.scrollWidth).toBeLessThanOrEqual(320)
      // The longest DOI of each element wraps onto a second line inside the window.
      const doiLines = await page.evaluate(() =>
        ['refs', 'vrefs', 'search'].map((id) => {
          const links = [...document.getElementById(id)!.shadowRoot!.querySelectorAll('a.kap-ref-doi')]
          return Math.max(...links.map((a) => a.getClientRects().length))
        }),
      )
      expect(doiLines.every((n) => n >= 2)).toBe(true)
      await page.screenshot({ path: join(shots, 'elements-320.png'), fullPage: true })
      console.log(`elements screenshot: ${join(shots, 'elements-320.png')}`)
    } finally {
      await context.close()
    }
  })

  it('at 320 px, the evidence map scrolls in a named region that the keyboard reaches and scrolls (A-7)', async () => {
    const { context, page } = await open('/', 320)
    try {
      await page.waitForFunction(() => document.getElementById('map')?.shadowRoot?.querySelector('svg'))
      const box = await page.evaluate(() => {
        const host = document.getElementById('map')!
        const region = host.shadowRoot!.querySelector('[part=map]') as HTMLElement
        return {
          hostScrolls: host.scrollWidth > host.clientWidth,
          regionScrolls: region.scrollWidth > region.clientWidth,
          role: region.getAttribute('role'),
          tabindex: region.getAttribute('tabindex'),
        }
      })
      expect(box).toEqual({ hostScrolls: false, regionScrolls: true, role: 'region', tabindex: '0' })
      // Tab reaches the map (after the search box and its filter), and what is focused is the named region.
      await page.evaluate(() =>
        (document.getElementById('search')!.shadowRoot!.querySelector('select') as HTMLElement).focus(),
      )
      await page.keyboard.press('Tab')
      expect(
        await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('part') ?? null),
      ).toBe('map')
      const focused = (await axTree(context, page)).filter((n) =>
        (n.properties ?? []).some((p) => p.name === 'focused' && p.value.value === true),
      )
      expect(focused.map((n) => `${n.role?.value} ${n.name?.value}`)).toContain('region Evidence map: Speed of onset')
      // A visible focus ring, and the arrow keys scroll the map.
      expect(
        await page.evaluate(
          () => getComputedStyle(document.getElementById('map')!.shadowRoot!.querySelector('[part=map]')!).outlineStyle,
        ),
      ).toBe('solid')
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight')
      await page.waitForFunction(
        () => document.getElementById('map')!.shadowRoot!.querySelector('[part=map]')!.scrollLeft > 0,
      )
      await page.screenshot({ path: join(shots, 'elements-320-map-focus.png') })
      console.log(`elements screenshot: ${join(shots, 'elements-320-map-focus.png')}`)
      expect(await axeViolations(page)).toEqual([])
    } finally {
      await context.close()
    }
  })

  it('the map is a tab stop only while it has something to scroll (audit 37 re-check, N-2)', async () => {
    const { context, page } = await open('/', 1280)
    try {
      const tabindex = () =>
        page.evaluate(() =>
          document.getElementById('map')?.shadowRoot?.querySelector('[part=map]')?.getAttribute('tabindex'),
        )
      await page.waitForFunction(() => document.getElementById('map')?.shadowRoot?.querySelector('svg'))
      await expect.poll(tabindex).toBe('-1')
      await page.setViewportSize({ width: 320, height: 900 })
      await expect.poll(tabindex).toBe('0')
      await page.setViewportSize({ width: 1280, height: 900 })
      await expect.poll(tabindex).toBe('-1')
    } finally {
      await context.close()
    }
  })

  it('labels the search box and its filter with visible text that is also their names; a page may rename or hide it (A-8)', async () => {
    const { context, page } = await open('/labels.html', 900)
    try {
      await page.waitForFunction(() =>
        ['renamed', 'hidden'].every((id) => document.getElementById(id)?.shadowRoot?.querySelector('select')),
      )
      const shown = await page.evaluate(() =>
        ['renamed', 'hidden'].map((id) =>
          [...document.getElementById(id)!.shadowRoot!.querySelectorAll('[part=label]')].map((e) => ({
            text: e.textContent,
            visible: (e as HTMLElement).offsetHeight > 0,
            // The text labels the control it sits with: a click on it reaches the control.
            control: e.closest('label')?.control?.getAttribute('part'),
          })),
        ),
      )
      expect(shown).toEqual([
        [
          { text: 'Search the safety research', visible: true, control: 'input' },
          { text: 'Show', visible: true, control: 'filter' },
        ],
        [
          { text: 'Search the research', visible: false, control: 'input' },
          { text: 'Show', visible: false, control: 'filter' },
        ],
      ])
      // The names a screen reader announces and a voice-control user says are the visible text, also when hidden.
      const tree = await axTree(context, page)
      expect(named(tree, 'searchbox')).toEqual(['Search the safety research', 'Search the research'])
      expect(named(tree, 'combobox')).toEqual(['Show', 'Show'])
      await page.locator('#renamed').screenshot({ path: join(shots, 'elements-search-labels.png') })
      console.log(`elements screenshot: ${join(shots, 'elements-search-labels.png')}`)
      expect(await axeViolations(page)).toEqual([])
    } finally {
      await context.close()
    }
  })

  it('names a numbered citation by what it cites ("Reference 1: Dore et al. 2019"), showing only the number (A-9)', async () => {
    const { context, page } = await open('/cites.html', 900)
    try {
      await page.waitForFunction(() =>
        ['a12', 'a2', 'v3', 'apa'].every((id) => document.getElementById(id)?.shadowRoot?.querySelector('button.cite')),
      )
      const shown = await page.evaluate(() =>
        ['a12', 'a2', 'v3', 'apa'].map(
          (id) => document.getElementById(id)!.shadowRoot!.querySelector('button.cite')!.textContent,
        ),
      )
      expect(shown).toEqual(['1,2', '2', '(1–3)', '(Dore et al., 2019)'])
      expect(named(await axTree(context, page), 'button')).toEqual([
        'References 1,2: Wilkinson et al. 2021; Dore et al. 2019',
        'Reference 2: Dore et al. 2019',
        'References 1–3: Zarate et al. 2006; Krystal et al. 1994; Dore et al. 2019',
        '(Dore et al., 2019)',
      ])
      // The names follow the numbers when a citation is added before the others.
      await addCitation(page, { ids: 'krystal-1994', style: 'ama' }, 'p', 'prepend')
      await page.waitForFunction(
        () =>
          document.getElementById('a2')!.shadowRoot!.querySelector('button.cite')!.getAttribute('aria-label') ===
          'Reference 3: Dore et al. 2019',
      )
      expect(await axeViolations(page)).toEqual([])
    } finally {
      await context.close()
    }
  })

  it('threw nothing and broke no Content-Security-Policy rule', () => {
    expect(problems).toEqual([])
  })
})
