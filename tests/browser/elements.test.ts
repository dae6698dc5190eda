/**
 * The web components in Debian's Chromium (playwright-core): a plain HTML page with one `<script type="module">` line
 * and the elements, served from 127.0.0.1 with a strict Content-Security-Policy (`default-src 'self'`), loading the
 * script-tag build as a package CDN would serve it: `package/dist/elements/` of the tarball `npm pack` makes (after
 * `npm run build`). Screenshots are saved under test-results/.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize } from 'node:path'
import { type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { VERDICT_COLOURS } from '../../src/verdict-colours'
import { topicRecords } from '../../src/elements/topic'
import { search } from '../../src/search/index'
import { isCitable, getStudy, studyIds } from '../../src/index'
import { root } from '../helpers/paths'
import { addCitation, CHROMIUM, launchChromium } from '../helpers/elements-server'
import { contrast } from '../helpers/colours'

const ci = process.env.CI === 'true'
const available = existsSync(CHROMIUM)
let built = ''

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>kap-literature elements</title>
<script type="module" src="/elements/kap-elements.js"></script>
<link rel="stylesheet" href="/page.css"></head>
<body>
<h1>Elements</h1>
<p>A trial found benefits <kap-cite id="cite" ids="dore-2019 wilkinson-2021"></kap-cite>, and more text follows.</p>
<kap-reference id="refs" ids="dore-2019 wilkinson-2021" style-name="vancouver"></kap-reference>
<kap-claim id="claim" claim="without-therapy-ketamine-effects-fade-faster"></kap-claim>
<kap-search id="search"></kap-search>
<kap-search id="topical" topic="safety"></kap-search>
<kap-search id="badtopic" topic="safty"></kap-search>
<kap-search id="fulltext" full-text></kap-search>
<kap-reference id="bad" ids="dore-2091"></kap-reference>
<kap-claim id="studyclaim" claim="dore-2019"></kap-claim>
<kap-reference id="badstyle" ids="dore-2019" style-name="vancover"></kap-reference>
<kap-evidence-map id="map" topic="onset"></kap-evidence-map>
<kap-evidence-map id="badmap" topic="onsett"></kap-evidence-map>
</body></html>`

/** A page cited in Vancouver and AMA: numbers run across the page, and the reference list keeps them. */
const NUMBERED_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>numbered citations</title>
<script type="module" src="/elements/kap-elements.js"></script></head>
<body>
<p id="para">First <kap-cite id="v1" ids="wilkinson-2021" style-name="vancouver"></kap-cite>, then
<kap-cite id="v2" ids="dore-2019 wilkinson-2021" style-name="vancouver"></kap-cite>; in AMA
<kap-cite id="a1" ids="dore-2019" style-name="ama"></kap-cite>.</p>
<kap-claim id="vclaim" claim="without-therapy-ketamine-effects-fade-faster" style-name="vancouver"></kap-claim>
<kap-reference id="vrefs" ids="dore-2019 wilkinson-2021 krystal-1994" style-name="vancouver"></kap-reference>
</body></html>`

/** One citation and a search box: what a page loads for the references it shows. */
const ONE_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>one citation</title>
<script type="module" src="/elements/kap-elements.js"></script></head>
<body><p>A trial <kap-cite id="cite" ids="dore-2019"></kap-cite>.</p><kap-search id="search"></kap-search></body></html>`

/** A dark page (audit 36, item 7): the elements' links and citations must stay readable on it. */
const DARK_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>dark page</title>
<script type="module" src="/elements/kap-elements.js"></script>
<link rel="stylesheet" href="/dark.css"></head>
<body>
<p>A trial found benefits <kap-cite id="cite" ids="dore-2019 wilkinson-2021"></kap-cite>.</p>
<kap-reference id="refs" ids="dore-2019 wilkinson-2021"></kap-reference>
<kap-claim id="claim" claim="without-therapy-ketamine-effects-fade-faster"></kap-claim>
</body></html>`

/** What a box with topic="safety" may show: the safety claims, the studies they rest on, the pages making them. */
const safety = topicRecords('safety')
/** The records of a type that match the words and are in the safety topic (studies: citable ones only). */
const inSafety = (type: 'study' | 'source', words: string) =>
  search(words, { types: type, limit: 1000 }).filter(
    (r) => safety.has(r.id) && (type !== 'study' || isCitable(getStudy(r.id as (typeof studyIds)[number]))),
  )

let server: Server
let origin = ''
let browser: Browser
let page: Page
/** Every URL the page requested, and every console error, page error or CSP report. */
const seen = { requests: [] as string[], problems: [] as string[] }

describe.skipIf(!available && !ci)('web components in Chromium', () => {
  beforeAll(async () => {
    expect(existsSync(join(root, 'dist', 'elements', 'kap-elements.js')), 'run npm run build first').toBe(true)
    const work = mkdtempSync(join(tmpdir(), 'kap-elements-'))
    const [{ filename }] = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' }),
    ) as [{ filename: string }]
    execFileSync('tar', ['-xzf', join(work, filename), '-C', work])
    built = join(work, 'package', 'dist', 'elements')
    server = createServer((req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname))
      const headers = { 'content-security-policy': "default-src 'self'" }
      const html: Record<string, string> = {
        '/': PAGE,
        '/index.html': PAGE,
        '/numbered.html': NUMBERED_PAGE,
        '/dark.html': DARK_PAGE,
        '/one.html': ONE_PAGE,
      }
      if (html[path] !== undefined) {
        res.writeHead(200, { ...headers, 'content-type': 'text/html' }).end(html[path])
        return
      }
      if (path === '/axe.min.js') {
        res
          .writeHead(200, { ...headers, 'content-type': 'text/javascript' })
          .end(readFileSync(join(root, 'node_modules', 'axe-core', 'axe.min.js')))
        return
      }
      if (path === '/favicon.ico') {
        res.writeHead(204).end()
        return
      }
      if (path === '/page.css' || path === '/dark.css') {
        res
          .writeHead(200, { ...headers, 'content-type': 'text/css' })
          .end(
            `body{font-family:sans-serif;max-width:50em;margin:1em auto}${path === '/dark.css' ? 'html{background:#121212;color:#e8e8e8}' : ''}`,
          )
        return
      }
      const file = join(built, path.replace(/^\/elements\//, '/'))
      if (!path.startsWith('/elements/') || !file.startsWith(built) || !existsSync(file)) {
        res.writeHead(404).end('not found')
        return
      }
      res
        .writeHead(200, { ...headers, 'content-type': extname(file) === '.js' ? 'text/javascript' : 'text/plain' })
        .end(readFileSync(file))
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 900, height: 900 } })
    page.on('request', (r) => seen.requests.push(r.url()))
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) seen.problems.push(`console: ${m.text()}`)
    })
    page.on('pageerror', (e) => seen.problems.push(`pageerror: ${e.message}`))
    await page.goto(`${origin}/`)
    await page.waitForFunction(() => {
      const refs = document.getElementById('refs')?.shadowRoot
      const map = document.getElementById('map')?.shadowRoot
      const cite = document.getElementById('cite')?.shadowRoot
      return refs?.querySelector('.kap-bibliography') && map?.querySelector('svg') && cite?.querySelector('button.cite')
    })
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()))
  })

  const shadowText = (id: string, selector: string) =>
    page.evaluate(
      ([i, s]) => document.getElementById(i!)?.shadowRoot?.querySelector(s!)?.textContent ?? null,
      [id, selector],
    )

  it('renders references with DOI links and an in-text citation', async () => {
    expect((await shadowText('refs', '.kap-bibliography'))?.trim()).toMatch(
      /^Dore J, Turnipseed B.*\s+Wilkinson ST, Rhee TG/s,
    )
    const href = await page.evaluate(
      () => document.getElementById('refs')!.shadowRoot!.querySelector('a.kap-ref-doi')?.getAttribute('href') ?? null,
    )
    expect(href).toBe('https://doi.org/10.1080/02791072.2019.1587556')
    expect(await shadowText('cite', 'button')).toBe('(Dore et al., 2019; Wilkinson et al., 2021)')
  })

  it('shows an author-date reference list as a list of its references, with no bullets and a hanging indent', async () => {
    const apa = await browser.newPage({ viewport: { width: 900, height: 900 } })
    try {
      await apa.goto(`${origin}/dark.html`)
      await apa.waitForFunction(() => document.getElementById('refs')?.shadowRoot?.querySelector('.kap-ref'))
      // A screen reader hears "list, 2 items" and where each reference starts and ends.
      const tree = await apa.locator('#refs').ariaSnapshot()
      expect(tree.split('\n')[0]).toBe('- list:')
      expect(tree.match(/^ {2}- listitem:\n {4}- text: "[A-Z][a-z]+/gm)).toEqual([
        '  - listitem:\n    - text: "Dore',
        '  - listitem:\n    - text: "Wilkinson',
      ])
      const look = await apa.evaluate(() => {
        const root = document.getElementById('refs')!.shadowRoot!
        const list = root.querySelector('.kap-bibliography')!
        const item = root.querySelector('.kap-ref')!
        const [l, i] = [getComputedStyle(list), getComputedStyle(item)]
        return {
          list: [l.listStyleType, l.marginTop, l.paddingLeft],
          item: [i.paddingLeft, i.textIndent],
          left: item.getBoundingClientRect().left - list.getBoundingClientRect().left,
        }
      })
      expect(look).toEqual({ list: ['none', '0px', '0px'], item: ['32px', '-32px'], left: 0 })
    } finally {
      await apa.close()
    }
  })

  it('numbers AMA and Vancouver citations across the page, in page order, and keeps the numbers when one is added', async () => {
    const numbered = await browser.newPage()
    try {
      await numbered.goto(`${origin}/numbered.html`)
      const text = (id: string, selector: string) =>
        numbered.evaluate(
          ([i, s]) =>
            [...(document.getElementById(i!)?.shadowRoot?.querySelectorAll(s!) ?? [])].map((e) => e.textContent ?? ''),
          [id, selector],
        )
      const values = () =>
        numbered.evaluate(() =>
          [...document.getElementById('vrefs')!.shadowRoot!.querySelectorAll('li[data-kap-id]')].map(
            (li) => `${li.getAttribute('value')} ${li.getAttribute('data-kap-id')}`,
          ),
        )
      await numbered.waitForFunction(
        () => (document.getElementById('vrefs')?.shadowRoot?.querySelectorAll('li').length ?? 0) > 0,
      )
      expect(await text('v1', 'button.cite')).toEqual(['(1)'])
      expect(await text('v2', 'button.cite')).toEqual(['(1,2)'])
      // AMA numbers on its own, as a superscript.
      expect(await text('a1', 'button.cite sup')).toEqual(['1'])
      // The claim's studies: Wilkinson 2021 and Grunebaum 2018 come after the two cited above them.
      const studies = await text('vclaim', '.studies li')
      expect(studies.find((s) => s.startsWith('Wilkinson et al. (1)'))).toBeDefined()
      expect(studies.every((s) => /\(\d+\): /.test(s))).toBe(true)
      // The list keeps the page's numbers; a study the page does not cite is numbered after all the page cites.
      const refs = await values()
      expect(refs.slice(0, 2)).toEqual(['1 wilkinson-2021', '2 dore-2019'])
      expect(refs[2]).toMatch(/^\d+ krystal-1994$/)
      expect(Number(refs[2]!.split(' ')[0])).toBeGreaterThan(studies.length)
      // A citation added before the others moves every number after it.
      await addCitation(numbered, { ids: 'krystal-1994', style: 'vancouver' }, '#para', 'prepend')
      await numbered.waitForFunction(
        () => document.getElementById('v1')?.shadowRoot?.querySelector('button.cite')?.textContent === '(2)',
      )
      expect(await text('v2', 'button.cite')).toEqual(['(2,3)'])
      await numbered.waitForFunction(
        () =>
          document.getElementById('vrefs')?.shadowRoot?.querySelector('li[value="1"]')?.getAttribute('data-kap-id') ===
          'krystal-1994',
      )
      expect((await values()).slice(0, 3)).toEqual(['1 krystal-1994', '2 wilkinson-2021', '3 dore-2019'])
    } finally {
      await numbered.close()
    }
  })

  it('keeps an open popover, an open verdict note and the focus when the page is numbered again', async () => {
    const numbered = await browser.newPage()
    try {
      await numbered.goto(`${origin}/numbered.html`)
      await numbered.waitForFunction(
        () => document.getElementById('v1')?.shadowRoot?.querySelector('button.cite')?.textContent === '(1)',
      )
      await numbered.waitForFunction(() => document.getElementById('vclaim')?.shadowRoot?.querySelector('summary'))
      // The verdict note of the claim opened, then the popover of the first citation, from the keyboard.
      await numbered.evaluate(() =>
        (document.getElementById('vclaim')!.shadowRoot!.querySelector('summary') as HTMLElement).click(),
      )
      await numbered.waitForFunction(
        () => (document.getElementById('vclaim')!.shadowRoot!.querySelector('.note')?.textContent ?? '') !== '',
      )
      await numbered.evaluate(() =>
        (document.getElementById('v1')!.shadowRoot!.querySelector('button.cite') as HTMLElement).focus(),
      )
      await numbered.keyboard.press('Enter')
      const state = () =>
        numbered.evaluate(() => {
          const cite = document.getElementById('v1')!.shadowRoot!
          const claim = document.getElementById('vclaim')!.shadowRoot!
          return {
            number: cite.querySelector('button.cite')!.textContent,
            open: cite.querySelector('.popover')!.matches(':popover-open'),
            expanded: cite.querySelector('button.cite')!.getAttribute('aria-expanded'),
            focused: cite.activeElement?.getAttribute('role') ?? null,
            popover: (cite.querySelector('.popover') as HTMLElement).style.getPropertyValue('--y') !== '',
            note: (claim.querySelector('details') as HTMLDetailsElement).open,
            noteText: (claim.querySelector('.note')?.textContent ?? '').length > 100,
          }
        })
      await numbered.waitForFunction(
        () =>
          document.getElementById('v1')!.shadowRoot!.querySelector('button.cite')!.getAttribute('aria-expanded') ===
          'true',
      )
      // Open, focused and placed, with the note open beside it: before the page is numbered again and after.
      const kept = (number: string) => ({
        number,
        open: true,
        expanded: 'true',
        focused: 'dialog',
        popover: true,
        note: true,
        noteText: true,
      })
      expect(await state()).toEqual(kept('(1)'))
      // Every change to the claim's content, as a MutationObserver sees it (before the browser paints): the open note
      // is never empty while it renders again (session 26; it was for a frame).
      await numbered.evaluate(() => {
        const claim = document.getElementById('vclaim')!.shadowRoot!
        const w = window as unknown as { emptyOpenNote: number; changes: number }
        w.emptyOpenNote = 0
        w.changes = 0
        new MutationObserver(() => {
          w.changes++
          const details = claim.querySelector('details')
          if (details?.open && (claim.querySelector('.note')?.textContent ?? '') === '') w.emptyOpenNote++
        }).observe(claim, { subtree: true, childList: true, attributes: true, characterData: true })
      })
      // A citation added before the others: every numbered element renders again with its new numbers.
      await addCitation(numbered, { ids: 'krystal-1994', style: 'vancouver' }, '#para', 'prepend')
      await numbered.waitForFunction(
        () => document.getElementById('v1')?.shadowRoot?.querySelector('button.cite')?.textContent === '(2)',
      )
      await numbered.waitForFunction(
        () => (document.getElementById('vclaim')!.shadowRoot!.querySelector('.note')?.textContent ?? '') !== '',
      )
      await numbered.waitForTimeout(100)
      expect(await state()).toEqual(kept('(2)'))
      expect(
        await numbered.evaluate(() => {
          const w = window as unknown as { emptyOpenNote: number; changes: number }
          return { rendered: w.changes > 0, emptyOpenNote: w.emptyOpenNote }
        }),
      ).toEqual({ rendered: true, emptyOpenNote: 0 })
      // Escape still closes it and gives the focus back to the citation.
      await numbered.keyboard.press('Escape')
      await numbered.waitForFunction(
        () =>
          document.getElementById('v1')!.shadowRoot!.querySelector('button.cite')!.getAttribute('aria-expanded') ===
          'false',
      )
      expect(await numbered.evaluate(() => document.getElementById('v1')!.shadowRoot!.activeElement?.className)).toBe(
        'cite',
      )
      // Blind review of this change: the focus comes back without scrolling the page to it, and a focused DOI link of a
      // reference list stays the focused link of the same study when the list is numbered again.
      await numbered.evaluate(() => (document.body.style.paddingBottom = '4000px'))
      await numbered.evaluate(() => window.scrollTo(0, 1500))
      await addCitation(numbered, { ids: 'zarate-2006', style: 'vancouver' }, '#para', 'prepend')
      await numbered.waitForFunction(
        () => document.getElementById('v1')?.shadowRoot?.querySelector('button.cite')?.textContent === '(3)',
      )
      await numbered.waitForTimeout(100)
      expect(await numbered.evaluate(() => [window.scrollY, document.activeElement?.id])).toEqual([1500, 'v1'])
      const doi = await numbered.evaluate(() => {
        const link = document
          .getElementById('vrefs')!
          .shadowRoot!.querySelector<HTMLAnchorElement>('li[data-kap-id="dore-2019"] a.kap-ref-doi')!
        link.focus({ preventScroll: true })
        return link.href
      })
      await addCitation(numbered, { ids: 'berman-2000', style: 'vancouver' }, '#para', 'prepend')
      await numbered.waitForFunction(
        () => document.getElementById('v1')?.shadowRoot?.querySelector('button.cite')?.textContent === '(4)',
      )
      await numbered.waitForTimeout(100)
      expect(
        await numbered.evaluate(() => {
          const focused = document.getElementById('vrefs')!.shadowRoot!.activeElement as HTMLAnchorElement | null
          return [
            document.activeElement?.id,
            focused?.href,
            focused?.closest('li')?.getAttribute('data-kap-id'),
            window.scrollY,
          ]
        }),
      ).toEqual(['vrefs', doi, 'dore-2019', 1500])
    } finally {
      await numbered.close()
    }
  })

  it('opens and closes the citation popover from the keyboard, with aria-expanded and focus', async () => {
    await page.evaluate(() =>
      (document.getElementById('cite')!.shadowRoot!.querySelector('button') as HTMLElement).focus(),
    )
    await page.keyboard.press('Enter')
    await page.waitForFunction(
      () =>
        document.getElementById('cite')!.shadowRoot!.querySelector('button.cite')!.getAttribute('aria-expanded') ===
        'true',
    )
    const open = await page.evaluate(() => {
      const r = document.getElementById('cite')!.shadowRoot!
      return {
        expanded: r.querySelector('button.cite')!.getAttribute('aria-expanded'),
        hidden: !r.querySelector('[role=dialog]')!.matches(':popover-open'),
        focused: r.activeElement?.getAttribute('role') ?? null,
        text: r.querySelector('[role=dialog]')!.textContent,
      }
    })
    expect(open).toMatchObject({ expanded: 'true', hidden: false, focused: 'dialog' })
    expect(open.text).toMatch(/certainty: /)
    expect(open.text).toMatch(/n = \d+/)
    mkdirSync(join(root, 'test-results'), { recursive: true })
    const shot = join(root, 'test-results', 'elements-cite-popover.png')
    await page.screenshot({ path: shot })
    console.log(`elements screenshot: ${shot}`)
    await page.keyboard.press('Escape')
    await page.waitForFunction(
      () =>
        document.getElementById('cite')!.shadowRoot!.querySelector('button.cite')!.getAttribute('aria-expanded') ===
        'false',
    )
    const closed = await page.evaluate(() => {
      const r = document.getElementById('cite')!.shadowRoot!
      return {
        expanded: r.querySelector('button.cite')!.getAttribute('aria-expanded'),
        hidden: !r.querySelector('[role=dialog]')!.matches(':popover-open'),
        focused: r.activeElement?.className ?? null,
      }
    })
    expect(closed).toEqual({ expanded: 'false', hidden: true, focused: 'cite' })
  })

  it('loads the references a page shows, one file each, never a whole style table', async () => {
    const one = await browser.newPage({ viewport: { width: 900, height: 900 } })
    const requested: string[] = []
    one.on('request', (r) => requested.push(new URL(r.url()).pathname))
    try {
      await one.goto(`${origin}/one.html`)
      await one.waitForFunction(() => document.getElementById('cite')?.shadowRoot?.querySelector('button.cite'))
      const styleFiles = () =>
        requested.filter((p) => /\/(styles|chunks)\/(apa|ama|vancouver|harvard|chicago|mla)\b/.test(p))
      expect(styleFiles()).toEqual(['/elements/styles/apa/index.js', '/elements/styles/apa/dore-2019.js'])
      // A search shows each study it lists with its reference, loaded as it is listed.
      await one.evaluate(() => {
        const input = document.getElementById('search')!.shadowRoot!.querySelector('input')!
        input.value = 'ketamine ptsd'
        input.dispatchEvent(new Event('input'))
      })
      await one.waitForFunction(() => {
        const items = [...document.getElementById('search')!.shadowRoot!.querySelectorAll('li')]
        return (
          items.length > 0 &&
          items.every((li) => li.querySelector('.type')?.textContent !== 'study' || li.querySelector('.kap-ref'))
        )
      })
      const listed = search('ketamine ptsd', { limit: 1000 })
        .filter((r) => r.type !== 'study' || isCitable(getStudy(r.id as (typeof studyIds)[number])))
        .slice(0, 10)
        .filter((r) => r.type === 'study')
        .map((r) => r.id)
      expect(listed.length).toBeGreaterThan(2)
      expect(new Set(styleFiles())).toEqual(
        new Set(['index', 'dore-2019', ...listed].map((id) => `/elements/styles/apa/${id}.js`)),
      )
      const references = await one.evaluate(() =>
        [...document.getElementById('search')!.shadowRoot!.querySelectorAll('li')]
          .filter((li) => li.querySelector('.type')?.textContent === 'study')
          .map((li) => li.querySelector('.kap-ref')?.textContent ?? ''),
      )
      expect(references).toHaveLength(listed.length)
      for (const r of references) expect(r).toMatch(/^\S.*\(\d{4}[,)].{20,}/)
    } finally {
      await one.close()
    }
  })

  it('shows a claim with its verdict badge, its studies, and the verdict note on demand', async () => {
    expect(await shadowText('claim', '.badge')).toBe('Overstated')
    await page.evaluate(() =>
      (document.getElementById('claim')!.shadowRoot!.querySelector('summary') as HTMLElement).click(),
    )
    await page.waitForFunction(
      () => (document.getElementById('claim')!.shadowRoot!.querySelector('.note')?.textContent ?? '') !== '',
    )
    const note = (await shadowText('claim', '.note')) ?? ''
    expect(note.length).toBeGreaterThan(100)
    expect(note).not.toMatch(/\b[a-z]+-(19|20)\d\d\b/)
  })

  it('searches as the visitor types, from the keyboard', async () => {
    await page.evaluate(() =>
      (document.getElementById('search')!.shadowRoot!.querySelector('input') as HTMLElement).focus(),
    )
    await page.keyboard.type('ketamine ptsd')
    await page.waitForFunction(() =>
      /Posttraumatic Stress Disorder/.test(
        document.getElementById('search')!.shadowRoot!.querySelector('.title')?.textContent ?? '',
      ),
    )
    // Every match is counted; ten are shown, and the status says so.
    const status = (await shadowText('search', '.status')) ?? ''
    const shown = await page.evaluate(
      () => document.getElementById('search')!.shadowRoot!.querySelectorAll('li').length,
    )
    const total = Number(/^(\d+) results?/.exec(status)?.[1])
    expect(shown).toBe(Math.min(total, 10))
    expect(status).toBe(
      total > 10 ? `${total} results, the first 10 shown` : `${total} result${total === 1 ? '' : 's'}`,
    )
    // Studies kept as leads (details incomplete) are never listed: no placeholder reaches a reader.
    await page.keyboard.press('Control+A')
    await page.keyboard.type('holmes 2022 fda mdma')
    await page.waitForTimeout(100)
    const texts = await page.evaluate(() =>
      [...document.getElementById('search')!.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent ?? ''),
    )
    expect(texts.filter((t) => /not confirmed/.test(t))).toEqual([])
  })

  it('filters the results by kind of record from the keyboard, and keeps a topic set by the page', async () => {
    await page.evaluate(() =>
      (document.getElementById('search')!.shadowRoot!.querySelector('input') as HTMLElement).focus(),
    )
    await page.keyboard.press('Control+A')
    await page.keyboard.type('ketamine therapy')
    await page.keyboard.press('Tab') // to the filter
    expect(await page.evaluate(() => document.getElementById('search')!.shadowRoot!.activeElement?.tagName)).toBe(
      'SELECT',
    )
    await page.keyboard.press('ArrowDown') // Studies
    await page.keyboard.press('ArrowDown') // Claims
    await page.waitForTimeout(150)
    const kinds = () =>
      page.evaluate(() => [
        ...new Set(
          [...document.getElementById('search')!.shadowRoot!.querySelectorAll('li .type')].map((e) => e.textContent),
        ),
      ])
    expect(await kinds()).toEqual(['claim'])
    // topic="safety": the safety claims, the studies they rest on and the pages that make them, each filter non-empty.
    const topical = (kind: string) =>
      page.evaluate(async (k) => {
        const root = document.getElementById('topical')!.shadowRoot!
        root.querySelector('select')!.value = k
        const input = root.querySelector('input')!
        input.value = 'ketamine'
        input.dispatchEvent(new Event('input'))
        await new Promise((r) => setTimeout(r, 300))
        return {
          status: root.querySelector('.status')!.textContent ?? '',
          types: [...new Set([...root.querySelectorAll('li .type')].map((e) => e.textContent))],
          studies: [...root.querySelectorAll('li .kap-ref[data-kap-id]')].map((e) => e.getAttribute('data-kap-id')!),
        }
      }, kind)
    const count = (status: string) => Number(/^(\d+) results?/.exec(status)?.[1] ?? 0)
    const everything = await topical('')
    expect(count(everything.status)).toBeGreaterThan(10)
    const studies = await topical('study')
    expect(studies.types).toEqual(['study'])
    expect(count(studies.status)).toBe(inSafety('study', 'ketamine').length)
    // Only studies that a safety claim rests on, never another study that matches the words.
    expect(studies.studies.filter((id) => !safety.has(id))).toEqual([])
    expect(search('ketamine', { types: 'study', limit: 1000 }).some((r) => !safety.has(r.id))).toBe(true)
    const claims = await topical('claim')
    expect(count(claims.status)).toBe(search('ketamine', { types: 'claim', topic: 'safety', limit: 1000 }).length)
    const pages = await topical('source')
    expect(pages.types).toEqual(['source'])
    expect(count(pages.status)).toBe(inSafety('source', 'ketamine').length)
    expect(count(pages.status)).toBeGreaterThan(0)
    await page.evaluate(() => {
      const select = document.getElementById('topical')!.shadowRoot!.querySelector('select')!
      select.value = ''
      select.dispatchEvent(new Event('change'))
    })
    expect(await shadowText('badtopic', '[role=alert]')).toBe(
      'kap-literature: unknown topic "safty" (did you mean "safety"?)',
    )
  })

  it("with full-text, also finds words that only a record's findings or notes hold", async () => {
    const titles = await page.evaluate(async () => {
      const el = document.getElementById('fulltext')!
      const input = el.shadowRoot!.querySelector('input')!
      input.value = 'dysgeusia'
      input.dispatchEvent(new Event('input'))
      for (let i = 0; i < 50 && el.shadowRoot!.querySelectorAll('li').length === 0; i++)
        await new Promise((r) => setTimeout(r, 100))
      return [...el.shadowRoot!.querySelectorAll('li .title')].map((t) => t.textContent ?? '')
    })
    expect(titles.length).toBeGreaterThan(0)
    expect(titles.join(' ')).toMatch(/esketamine|Esketamine|Spravato|Flexibly Dosed/)
  })

  it('shows a visible one-line error for an unknown id or style, and a typed error for scripts', async () => {
    expect(await shadowText('bad', '[role=alert]')).toBe(
      'kap-literature: unknown study "dore-2091" (did you mean "dore-2019"?)',
    )
    expect(await shadowText('badstyle', '[role=alert]')).toMatch(
      /unknown style "vancover" \(did you mean "vancouver"\?\)/,
    )
    expect(await shadowText('studyclaim', '[role=alert]')).toBe(
      'kap-literature: "dore-2019" is a study: use <kap-cite> or <kap-reference>',
    )
    expect(await shadowText('badmap', '[role=alert]')).toMatch(/unknown topic "onsett" \(did you mean "onset"\?\)/)
    const code = await page.evaluate(
      () => (document.getElementById('bad') as unknown as { error?: { code: string } }).error?.code,
    )
    expect(code).toBe('UNKNOWN_ID')
  })

  it('has no serious or critical accessibility violation (axe-core), with the popover open and closed', async () => {
    await page.addScriptTag({ url: `${origin}/axe.min.js` })
    type AxeResult = { violations: { id: string; impact: string | null; nodes: unknown[] }[] }
    const run = () =>
      page.evaluate(async () => {
        const r = (await (window as unknown as { axe: { run: (c: unknown) => Promise<AxeResult> } }).axe.run(
          document,
        )) as AxeResult
        return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)
      })
    expect(await run()).toEqual([])
    await page.evaluate(() =>
      (document.getElementById('cite')!.shadowRoot!.querySelector('button') as HTMLElement).click(),
    )
    expect(await run()).toEqual([])
    await page.keyboard.press('Escape')
  })

  it('on a dark page, citations and links take the page’s text colour; badges keep the verdict colours (axe: no contrast failure)', async () => {
    const dark = await browser.newPage({ viewport: { width: 900, height: 700 } })
    try {
      await dark.goto(`${origin}/dark.html`)
      await dark.waitForFunction(
        () =>
          document.getElementById('claim')?.shadowRoot?.querySelector('.badge') &&
          document.getElementById('refs')?.shadowRoot?.querySelector('a.kap-ref-doi') &&
          document.getElementById('cite')?.shadowRoot?.querySelector('button.cite'),
      )
      const colours = await dark.evaluate(() => {
        const color = (id: string, selector: string) =>
          getComputedStyle(document.getElementById(id)!.shadowRoot!.querySelector(selector)!).color
        return {
          citation: color('cite', 'button.cite'),
          doi: color('refs', 'a.kap-ref-doi'),
          badge: color('claim', '.badge'),
          badgeBackground: getComputedStyle(document.getElementById('claim')!.shadowRoot!.querySelector('.badge')!)
            .backgroundColor,
        }
      })
      const hex = (c: string) =>
        `#${(c.match(/\d+/g) ?? [])
          .slice(0, 3)
          .map((n) => Number(n).toString(16).padStart(2, '0'))
          .join('')}`
      expect(hex(colours.citation)).toBe('#e8e8e8')
      expect(hex(colours.doi)).toBe('#e8e8e8')
      // The claim is overstated: its badge has the verdict's colour, on its own white.
      expect(hex(colours.badge)).toBe(VERDICT_COLOURS.overstated)
      expect(hex(colours.badgeBackground)).toBe('#ffffff')
      expect(contrast(hex(colours.citation), '#121212')).toBeGreaterThanOrEqual(4.5)
      await dark.evaluate(() =>
        (document.getElementById('cite')!.shadowRoot!.querySelector('button') as HTMLElement).click(),
      )
      await dark.addScriptTag({ url: `${origin}/axe.min.js` })
      const violations = await dark.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>
            }
          }
        ).axe
        const r = await axe.run(document, { runOnly: ['color-contrast'] })
        return r.violations.flatMap((v) => v.nodes.map((n) => `${v.id} ${JSON.stringify(n.target)}`))
      })
      expect(violations).toEqual([])
      const shot = join(root, 'test-results', 'elements-dark-page.png')
      await dark.screenshot({ path: shot })
      console.log(`elements screenshot: ${shot}`)
    } finally {
      await dark.close()
    }
  })

  it('draws the evidence map, loads nothing from outside 127.0.0.1 and breaks no CSP rule; saves a screenshot', async () => {
    expect(
      await page.evaluate(() => document.getElementById('map')!.shadowRoot!.querySelector('svg title')?.textContent),
    ).toMatch(/onset|Speed/i)
    const shot = join(root, 'test-results', 'elements-page.png')
    await page.screenshot({ path: shot, fullPage: true })
    console.log(`elements screenshot: ${shot}`)
    expect(seen.requests.filter((u) => !u.startsWith(origin))).toEqual([])
    expect(seen.problems).toEqual([])
  })
})
