/**
 * The web components given records whose text is markup (issue 17: "a record with a hostile title renders as
 * text"). The script-tag bundle is built from the shipped generated modules with one study's title and one claim's
 * statement replaced by HTML and script, and served *without* a Content-Security-Policy, so markup that got through
 * would run. Every element that shows the title or the statement is rendered and opened in Chromium.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize } from 'node:path'
import type { Plugin } from 'esbuild'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildElements } from '../../scripts/build-elements'
import { claimStatements } from '../../src/generated/claim-statements'
import { fingerprint, loadStore, type SerializedStore } from '../../src/search/store'
import { sentenceCase } from '../../src/cite/sentence-case'
import { shippedSharedTexts } from '../../src/search/shipped-texts'
import type { CompactDoc } from '../../src/search/documents'
import { claimIds, getStudy, studyIds } from '../../src/index'
import { root } from '../helpers/paths'

const CHROMIUM = '/usr/bin/chromium'
const ci = process.env.CI === 'true'
const available = existsSync(CHROMIUM)

const CLAIM = 'without-therapy-ketamine-effects-fade-faster'
const AT = claimIds.indexOf(CLAIM)
const TITLE = getStudy('dore-2019').csl.title!
const HOSTILE_TITLE = `<img src=x onerror="window.pwned='title'">Evil title & </div><script>window.pwned='script'</script>`
const HOSTILE_STATEMENT = `<svg onload="window.pwned='statement'"><a href="javascript:window.pwned='link'">Evil claim</a> & co`

/** Replaces every occurrence of `from` by `to` inside the JSON strings of `text` (both JSON-escaped). */
const swapJson = (text: string, from: string, to: string) =>
  text.split(JSON.stringify(from).slice(1, -1)).join(JSON.stringify(to).slice(1, -1))

/** The shipped search store with the hostile title and statement, and a fingerprint that matches them. */
function hostileStore(statements: readonly string[]): string {
  const json = JSON.parse(readFileSync(join(root, 'src', 'generated', 'search-index.json'), 'utf8')) as SerializedStore
  // Records are stored by position (no type or id) and claims without their statement; the fingerprint covers the
  // complete records.
  const { docs: complete, vocabularies } = loadStore(json, shippedSharedTexts)
  const at = studyIds.indexOf('dore-2019')
  const columns = { ...json.columns, title: json.columns.title!.map((t, i) => (i === at ? HOSTILE_TITLE : t)) }
  const changed = complete.map((d): CompactDoc => {
    if (d.type === 'study' && d.id === 'dore-2019') return { ...d, title: HOSTILE_TITLE }
    if (d.type === 'claim') return { ...d, title: statements[claimIds.indexOf(d.id as (typeof claimIds)[number])]! }
    return d
  })
  return JSON.stringify({ ...json, columns, fingerprint: fingerprint(changed, vocabularies) })
}

/**
 * A style table with the hostile title: as `loadStyle` loads it (the whole table), and as the elements load its records
 * one file each. The tables print the title as their style cases it (src/cite/sentence-case.ts): every form is swapped.
 */
const hostileTable = (path: string): string =>
  [TITLE, sentenceCase(TITLE, 'capital'), sentenceCase(TITLE, 'lower')].reduce(
    (text, form) => swapJson(text, form, HOSTILE_TITLE),
    readFileSync(path, 'utf8'),
  )

/** The claims' statements with the hostile one: in the search index, the map and each claim's own file. */
const statements = claimStatements.map((s, i) => (i === AT ? HOSTILE_STATEMENT : s))

const hostile: Plugin = {
  name: 'hostile-records',
  setup(build) {
    build.onLoad({ filter: /generated[\\/]search-index\.json$/ }, () => ({
      contents: hostileStore(statements),
      loader: 'json',
    }))
    build.onLoad({ filter: /generated[\\/]claim-statements\.ts$/ }, (args) => ({
      contents: swapJson(readFileSync(args.path, 'utf8'), claimStatements[AT]!, HOSTILE_STATEMENT),
      loader: 'ts',
    }))
    build.onLoad({ filter: /citations[\\/]data[\\/][a-z]+\.json$/ }, (args) => ({
      contents: hostileTable(args.path),
      loader: 'json',
    }))
  },
}

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>hostile records</title>
<script type="module" src="/elements/kap-elements.js"></script></head>
<body>
<p>Text <kap-cite id="cite" ids="dore-2019"></kap-cite>.</p>
<kap-reference id="refs" ids="dore-2019" style-name="apa"></kap-reference>
<kap-claim id="claim" claim="${CLAIM}"></kap-claim>
<kap-search id="search"></kap-search>
<kap-evidence-map id="map" topic="psychotherapy"></kap-evidence-map>
</body></html>`

let server: Server
let browser: Browser
let page: Page
let built = ''

describe.skipIf(!available && !ci)('web components given records with hostile text', () => {
  beforeAll(async () => {
    built = join(root, '.tmp', 'elements-hostile')
    await buildElements(built, [hostile], hostileTable, statements)
    server = createServer((req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname))
      if (path === '/') return void res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE)
      const file = join(built, path.replace(/^\/elements\//, '/'))
      if (!path.startsWith('/elements/') || !file.startsWith(built) || !existsSync(file))
        return void res.writeHead(404).end('not found')
      res
        .writeHead(200, { 'content-type': extname(file) === '.js' ? 'text/javascript' : 'text/plain' })
        .end(readFileSync(file))
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    })
    page = await browser.newPage({ viewport: { width: 900, height: 900 } })
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)
    await page.waitForFunction(
      () =>
        document.getElementById('refs')?.shadowRoot?.querySelector('.kap-bibliography') &&
        document.getElementById('map')?.shadowRoot?.querySelector('svg') &&
        document.getElementById('claim')?.shadowRoot?.querySelector('.statement'),
    )
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()))
  })

  it('shows the hostile title and statement as text in every element, and runs none of it', async () => {
    // Open everything that shows them: the popover, the verdict note, a search for the title and the claim.
    await page.evaluate(() => {
      ;(document.getElementById('cite')!.shadowRoot!.querySelector('button') as HTMLElement).click()
      ;(document.getElementById('claim')!.shadowRoot!.querySelector('summary') as HTMLElement).click()
    })
    await page.evaluate(() => {
      const input = document.getElementById('search')!.shadowRoot!.querySelector('input')!
      input.value = 'evil'
      input.dispatchEvent(new Event('input'))
    })
    await page.waitForFunction(
      () => (document.getElementById('search')!.shadowRoot!.querySelectorAll('li').length ?? 0) >= 2,
    )
    await page.waitForTimeout(300)
    const seen = await page.evaluate(() =>
      ['cite', 'refs', 'claim', 'search', 'map'].map((id) => {
        const r = document.getElementById(id)!.shadowRoot!
        const live = [...r.querySelectorAll('*')].filter(
          (e) =>
            ['IMG', 'SCRIPT', 'IFRAME'].includes(e.tagName.toUpperCase()) ||
            [...e.attributes].some((a) => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)),
        )
        return { id, text: r.textContent ?? '', live: live.map((e) => e.outerHTML.slice(0, 80)) }
      }),
    )
    for (const s of seen) expect(s.live, s.id).toEqual([])
    const byId = Object.fromEntries(seen.map((s) => [s.id, s.text]))
    expect(byId.refs).toContain(HOSTILE_TITLE)
    expect(byId.cite).toContain(HOSTILE_TITLE)
    expect(byId.claim).toContain(HOSTILE_STATEMENT)
    expect(byId.search).toContain(HOSTILE_TITLE)
    expect(byId.search).toContain(HOSTILE_STATEMENT)
    expect(byId.map).toContain(HOSTILE_STATEMENT)
    expect(await page.evaluate(() => (window as unknown as { pwned?: string }).pwned)).toBeUndefined()
    const shot = join(root, 'test-results', 'elements-hostile.png')
    await page.screenshot({ path: shot, fullPage: true })
    console.log(`screenshot: ${shot}`)
  }, 60_000)
})
