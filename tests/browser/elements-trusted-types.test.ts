/**
 * The elements on a page that enforces Trusted Types (`require-trusted-types-for 'script'`): they insert their own
 * escaped HTML (references, numbered lists, verdict notes, the evidence map) through the policy `kap-literature`, so
 * a page that allows that name (`trusted-types kap-literature`) shows every element, with no Content-Security-Policy
 * report; a page that allows only other names shows each element's one-line error, and nothing is inserted
 * unchecked. In Debian's Chromium, from dist/elements/ (run `npm run build` first). Screenshots go to test-results/.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { builtElements, CHROMIUM, launchChromium, serveElements } from '../helpers/elements-server'
import { root } from '../helpers/paths'

const ci = process.env.CI === 'true'
const available = existsSync(CHROMIUM)
const shots = join(root, 'test-results')

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Trusted Types</title>
<script type="module" src="/elements/kap-elements.js"></script></head>
<body>
<p>A practice study <kap-cite id="cite" ids="dore-2019"></kap-cite> and a trial
<kap-cite id="vcite" ids="wilkinson-2021" style-name="vancouver"></kap-cite>.</p>
<kap-reference id="refs" ids="dore-2019 wilkinson-2021"></kap-reference>
<kap-reference id="vrefs" ids="wilkinson-2021 dore-2019" style-name="vancouver"></kap-reference>
<kap-claim id="claim" claim="without-therapy-ketamine-effects-fade-faster"></kap-claim>
<kap-search id="search"></kap-search>
<kap-evidence-map id="map" topic="onset"></kap-evidence-map>
</body></html>`

const ALLOWED = "default-src 'self'; require-trusted-types-for 'script'; trusted-types kap-literature"
const OTHER = "default-src 'self'; require-trusted-types-for 'script'; trusted-types other-policy"
const IDS = ['cite', 'vcite', 'refs', 'vrefs', 'claim', 'search', 'map'] as const

let server: Awaited<ReturnType<typeof serveElements>>
let browser: Browser

/** Opens the page under `csp`, collecting console errors, page errors and CSP reports. */
async function open(path: '/allowed' | '/other'): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } })
  await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }))
  const problems: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content.Security.Policy|Trusted/i.test(m.text())) problems.push(m.text())
  })
  page.on('pageerror', (e) => problems.push(e.message))
  await page.goto(`${server.origin}${path}`)
  // Every element has rendered or failed: its shadow root holds more than the fallback slot it starts with.
  await page.waitForFunction(
    (ids) =>
      ids.every((id) =>
        [...(document.getElementById(id)?.shadowRoot?.children ?? [])].some((c) => c.localName !== 'slot'),
      ),
    IDS,
  )
  return { page, problems }
}

/** Each element's error code (empty when it rendered) and the text it shows, for the elements of `IDS`. */
const shown = (page: Page) =>
  page.evaluate((ids) => {
    const out: Record<string, { code: string; text: string }> = {}
    for (const id of ids) {
      const e = document.getElementById(id) as HTMLElement & { error?: { code: string } }
      out[id] = { code: e.error?.code ?? '', text: (e.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ').trim() }
    }
    return out
  }, IDS)

/** Types `words` into the search box. */
const type = (page: Page, words: string) =>
  page.evaluate((w) => {
    const input = document.getElementById('search')!.shadowRoot!.querySelector('input')!
    input.value = w
    input.dispatchEvent(new Event('input'))
  }, words)

describe.skipIf(!available && !ci)('the elements under Trusted Types in Chromium', () => {
  beforeAll(async () => {
    expect(existsSync(join(builtElements, 'kap-elements.js')), 'run npm run build first').toBe(true)
    mkdirSync(shots, { recursive: true })
    server = await serveElements({ '/allowed': PAGE, '/other': PAGE }, {}, (path) =>
      path === '/other' ? OTHER : ALLOWED,
    )
    browser = await launchChromium()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('renders every element through the policy kap-literature, with no CSP report', async () => {
    const { page, problems } = await open('/allowed')
    // The search box lists results, and the claim's verdict note opens with its citations.
    await type(page, 'ketamine ptsd')
    await page.evaluate(() =>
      (document.getElementById('claim')!.shadowRoot!.querySelector('summary') as HTMLElement).click(),
    )
    await page.waitForFunction(
      () =>
        document.getElementById('search')!.shadowRoot!.querySelector('li .kap-ref') !== null &&
        (document.getElementById('claim')!.shadowRoot!.querySelector('.note')?.textContent ?? '') !== '',
    )
    const got = await shown(page)
    for (const id of IDS) expect(got[id]!.code, id).toBe('')
    expect(got.cite!.text).toMatch(/^\(Dore et al\., 2019\)/)
    expect(got.vcite!.text).toMatch(/^\(1\)×Wilkinson ST/)
    expect(got.refs!.text).toContain('Journal of Psychoactive Drugs')
    expect(got.vrefs!.text).toMatch(/^Wilkinson ST, Rhee TG.*Dore J, Turnipseed B/)
    expect(got.map!.text).toMatch(/^Evidence map: Speed of onset 5 claims/)
    await page.screenshot({ path: join(shots, 'elements-trusted-types.png'), fullPage: true })
    console.log(`elements screenshot: ${join(shots, 'elements-trusted-types.png')}`)
    expect(problems).toEqual([])
    await page.close()
  })

  it('shows one error line per element where the page does not allow the name, and inserts nothing unchecked', async () => {
    const { page, problems } = await open('/other')
    const got = await shown(page)
    // The citations and lists insert HTML: each shows its error line instead.
    const tags = { cite: 'cite', vcite: 'cite', refs: 'reference', vrefs: 'reference', map: 'evidence-map' }
    for (const [id, tag] of Object.entries(tags))
      expect(got[id], id).toEqual({ code: 'INVALID_ARGUMENT', text: `kap-literature: kap-${tag} could not render` })
    // A search lists its results; the references it would show beside them are refused, with an error line.
    await type(page, 'ketamine ptsd')
    await page.waitForFunction(() => document.getElementById('search')!.shadowRoot!.querySelector('[part=error]'))
    const search = await page.evaluate(() => {
      const root = document.getElementById('search')!.shadowRoot!
      return { error: root.querySelector('[part=error]')!.textContent, refs: root.querySelectorAll('.kap-ref').length }
    })
    expect(search).toEqual({ error: 'kap-literature: kap-search could not render', refs: 0 })
    // So is a verdict note, opened: its error line stands in the note.
    await page.evaluate(() =>
      (document.getElementById('claim')!.shadowRoot!.querySelector('summary') as HTMLElement).click(),
    )
    await page.waitForFunction(() => document.getElementById('claim')!.shadowRoot!.querySelector('.note [part=error]'))
    expect(
      await page.evaluate(() => document.getElementById('claim')!.shadowRoot!.querySelector('.note')!.textContent),
    ).toBe('kap-literature: kap-claim could not render')
    // The browser reported the refused policy name and the refused insertions, nothing else.
    expect(problems[0]).toMatch(/^Creating a TrustedTypePolicy named 'kap-literature' violates/)
    for (const p of problems.slice(1))
      expect(p).toBe("This document requires 'TrustedHTML' assignment. The action has been blocked.")
    await page.close()
  })
})
