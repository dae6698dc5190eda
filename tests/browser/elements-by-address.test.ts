/**
 * What the script-tag build loads by address (session 26): a page whose elements ask for many references of a style as
 * they render (one `<kap-reference>` of many studies, or many `<kap-cite>`) loads its style's whole table of references
 * as one file, `styles/<style>/all.js`, instead of one file a reference; a `<kap-claim>` loads
 * its own claim's statement, `claims/<id>.js`, not the statements of every claim; each such file that does not load
 * leaves a typed error in the element's place. In Debian's Chromium, from dist/elements/ (run `npm run build` first).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { KapElement } from '../../src/elements/index'
import { formatCitation } from '../../src/citations/index'
import { WHOLE_AT } from '../../src/elements/style-source-by-address'
import { claimStatements } from '../../src/generated/claim-statements'
import { studyFacts } from '../../src/generated/facts'
import { claimIds } from '../../src/generated/ids'
import { addCitation, builtElements, CHROMIUM, launchChromium, serveElements } from '../helpers/elements-server'

const ci = process.env.CI === 'true'
const available = existsSync(CHROMIUM)
const CLAIM = 'without-therapy-ketamine-effects-fade-faster'
/** Citable studies, in the order of the record list: WHOLE_AT of them, one fewer, and one more that none lists. */
const citable = Object.keys(studyFacts)
const MANY = citable.slice(0, WHOLE_AT)
const FEWER = citable.slice(0, WHOLE_AT - 1)
const OTHER = citable[WHOLE_AT]!

const head = (title: string) =>
  `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
  `<script type="module" src="/elements/kap-elements.js"></script></head>\n<body>\n`
const pages: Record<string, string> = {
  '/many.html': `${head('many references')}<kap-reference id="refs" ids="${MANY.join(' ')}"></kap-reference></body></html>`,
  '/fewer.html': `${head('fewer references')}<kap-reference id="refs" ids="${FEWER.join(' ')}"></kap-reference></body></html>`,
  '/cites.html': `${head('many citations')}<p>${MANY.map((id, i) => `<kap-cite id="c${i}" ids="${id}"></kap-cite>`).join(' ')}</p></body></html>`,
  '/mixed.html': `${head('many citations, a claim and a search box')}<p>${MANY.map((id) => `<kap-cite ids="${id}"></kap-cite>`).join(' ')}</p>
<kap-claim id="claim" claim="${CLAIM}"></kap-claim><kap-search id="search"></kap-search></body></html>`,
  '/numbered.html': `${head('a numbered page')}<p id="para">${FEWER.map(
    (id, i) => `<kap-cite id="v${i}" ids="${id}" style-name="vancouver"></kap-cite>`,
  ).join(' ')}</p></body></html>`,
  '/map.html': `${head('a map')}<kap-evidence-map id="map" topic="psychotherapy"></kap-evidence-map></body></html>`,
  '/claim.html': `${head('a claim')}<kap-claim id="claim" claim="${CLAIM}"></kap-claim></body></html>`,
  '/shared-surname.html':
    `${head('records whose first authors share a surname')}` +
    '<p><kap-cite id="k1" ids="dakwar-2019 dakwar-2020" style-name="mla"></kap-cite></p>' +
    '<p><kap-cite id="k2" ids="krupitsky-2002 krupitsky-2007"></kap-cite></p></body></html>',
  '/one.html': `${head('one citation')}<p id="para"><kap-cite id="x" ids="${OTHER}"></kap-cite></p></body></html>`,
}

let server: Awaited<ReturnType<typeof serveElements>>
let browser: Browser

/** A fresh page that records the files it asks for under /elements/ and fails those matching `blocked.current`. */
async function open(path: string) {
  const context: BrowserContext = await browser.newContext()
  const page: Page = await context.newPage()
  const asked: string[] = []
  const blocked: { current: RegExp | undefined } = { current: undefined }
  const uncaught: string[] = []
  page.on('pageerror', (e) => uncaught.push(e.message))
  await page.route('**/elements/**', (route) => {
    const url = route.request().url()
    asked.push(new URL(url).pathname.replace(/^\/elements\//, ''))
    return blocked.current?.test(url) ? route.abort('internetdisconnected') : route.continue()
  })
  const goto = () => page.goto(`${server.origin}${path}`)
  // The files load again, and the browser says it is back online (an element whose files failed renders again). First
  // the retries that the page's own files brought settle: a load that started while the files failed and fails after
  // the browser is back would leave its element waiting for the next file (see bench/README.md).
  const backOnline = async () => {
    await page.waitForTimeout(200)
    blocked.current = undefined
    await context.setOffline(true)
    await context.setOffline(false)
  }
  return { page, context, asked, blocked, uncaught, goto, backOnline }
}

/** Runs `check` on a fresh page at `path` (see `open`), and closes it. */
async function withPage(
  path: string,
  check: (opened: Awaited<ReturnType<typeof open>>) => Promise<void>,
): Promise<void> {
  const opened = await open(path)
  try {
    await check(opened)
  } finally {
    await opened.context.close()
  }
}

/** The style files asked for, without a retry's query. */
const styleFiles = (asked: readonly string[]) =>
  asked.filter((f) => f.startsWith('styles/')).map((f) => f.split('?')[0])

/** Adds a `<kap-cite>` of each of `ids` to the page's paragraph, in one turn (one script). */
const addCites = (page: Page, ids: readonly string[]) =>
  page.evaluate((list) => {
    for (const id of list) {
      const cite = document.createElement('kap-cite')
      cite.setAttribute('ids', id)
      document.getElementById('para')!.append(cite)
    }
  }, ids)

/** Adds a `<kap-claim>` (with id `claim`) of the budget pages' claim: it loads its statement and its studies. */
const addClaim = (page: Page) =>
  page.evaluate((claim) => {
    const el = document.createElement('kap-claim')
    el.id = 'claim'
    el.setAttribute('claim', claim)
    document.body.append(el)
  }, CLAIM)

/** Waits until the element with `id` holds an error. */
const untilFailed = (page: Page, id: string) =>
  page.waitForFunction((i) => (document.getElementById(i) as KapElement).error !== undefined, id)

/** Waits until the citation with `id` shows its button. */
const untilShown = (page: Page, id: string) =>
  page.waitForFunction((i) => document.getElementById(i)?.shadowRoot?.querySelector('button'), id)

/**
 * Opens /one.html with its citation's own reference file failing, and waits for its error and for the retries that
 * the page's own first files bring.
 */
async function citationFails(opened: Pick<Awaited<ReturnType<typeof open>>, 'page' | 'blocked' | 'goto'>) {
  opened.blocked.current = new RegExp(`styles/apa/${OTHER}\\.js`)
  await opened.goto()
  await untilFailed(opened.page, 'x')
  await opened.page.waitForTimeout(200)
}

/** How often the page asked for the /one.html citation's own reference file. */
const ownRequests = (asked: readonly string[]) => asked.filter((f) => f.startsWith(`styles/apa/${OTHER}.js`)).length

/** The entries of a rendered reference list, or its error line. */
const shown = (page: Page, id: string) =>
  page.evaluate((i) => {
    const el = document.getElementById(i) as KapElement
    return {
      entries: el.shadowRoot!.querySelectorAll('.kap-ref').length,
      line: el.shadowRoot!.querySelector('[role=alert]')?.textContent ?? null,
      code: el.error?.code,
      value: el.error?.value as string | undefined,
      text: el.shadowRoot!.textContent ?? '',
    }
  }, id)

describe.skipIf(!available && !ci)('the files the script-tag build loads by address', () => {
  beforeAll(async () => {
    expect(existsSync(join(builtElements, 'kap-elements.js')), 'run npm run build first').toBe(true)
    server = await serveElements(pages)
    browser = await launchChromium()
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it(`a list of ${WHOLE_AT} references loads the style's whole table as one file, and later references from it`, async () => {
    await withPage('/many.html', async ({ page, asked, uncaught, goto }) => {
      await goto()
      await page.waitForFunction(() => document.getElementById('refs')?.shadowRoot?.querySelector('.kap-ref'))
      expect(await shown(page, 'refs')).toMatchObject({ entries: WHOLE_AT, line: null, code: undefined })
      expect(styleFiles(asked).sort()).toEqual(['styles/apa/all.js', 'styles/apa/index.js'])
      // A citation added later of a study the list does not show: formatted from the table loaded already.
      await page.evaluate((id) => {
        const cite = document.createElement('kap-cite')
        cite.id = 'later'
        cite.setAttribute('ids', id)
        document.body.append(cite)
      }, OTHER)
      await page.waitForFunction(() => document.getElementById('later')?.shadowRoot?.querySelector('button'))
      expect((await shown(page, 'later')).text).toMatch(/\(.+, \d{4}\)/)
      expect(styleFiles(asked).sort()).toEqual(['styles/apa/all.js', 'styles/apa/index.js'])
      expect(uncaught).toEqual([])
    })
  })

  it(`${WHOLE_AT} citations, each its own element, count together: the whole table, and no file a reference`, async () => {
    await withPage('/cites.html', async ({ page, asked, uncaught, goto }) => {
      await goto()
      await page.waitForFunction(
        (n) =>
          document.querySelectorAll('kap-cite').length === n &&
          [...document.querySelectorAll('kap-cite')].every((c) => c.shadowRoot?.querySelector('button')),
        WHOLE_AT,
      )
      expect(styleFiles(asked).sort()).toEqual(['styles/apa/all.js', 'styles/apa/index.js'])
      expect(uncaught).toEqual([])
    })
  })

  it('two records whose first authors share a surname are told apart as in the tables; the forms come with their files', async () => {
    await withPage('/shared-surname.html', async ({ page, asked, goto }) => {
      await goto()
      const textOf = async (id: string, has: string) => {
        await page.waitForFunction(
          ([id, has]) => document.getElementById(id!)?.shadowRoot?.textContent?.includes(has!),
          [id, has],
        )
        return page.evaluate((id) => document.getElementById(id)!.shadowRoot!.textContent!, id)
      }
      // MLA names two "Dakwar et al." papers by their titles when both are cited.
      const mla = await textOf('k1', 'Motivational')
      expect(mla.startsWith(formatCitation(['dakwar-2019', 'dakwar-2020'], { style: 'mla' }))).toBe(true)
      expect(mla).toMatch(
        /^\(Dakwar et al\., “Single Ketamine Infusion Combined With Mindfulness-Based”; Dakwar et al\., “/,
      )
      // One person whose bylines differ ("Evgeny", "Evgeny M.") is one author (data/vocab/people.yaml): no initials.
      const apa = await textOf('k2', '2007')
      expect(apa.startsWith(formatCitation(['krupitsky-2002', 'krupitsky-2007']))).toBe(true)
      expect(apa).toMatch(/^\(Krupitsky et al\., 2002, 2007\)/)
      expect(styleFiles(asked).sort()).toEqual(
        [
          'styles/apa/index.js',
          'styles/apa/krupitsky-2002.js',
          'styles/apa/krupitsky-2007.js',
          'styles/mla/dakwar-2019.js',
          'styles/mla/dakwar-2020.js',
          'styles/mla/index.js',
        ].sort(),
      )
      // The head carries no record's forms: a page that cites no Dakwar study does not pay for them.
      expect(readFileSync(join(builtElements, 'styles/mla/index.js'), 'utf8')).not.toContain('Dakwar')
    })
  })

  it('one reference fewer loads one file a reference, and no whole table', async () => {
    await withPage('/fewer.html', async ({ page, asked, goto }) => {
      await goto()
      await page.waitForFunction(() => document.getElementById('refs')?.shadowRoot?.querySelector('.kap-ref'))
      expect((await shown(page, 'refs')).entries).toBe(WHOLE_AT - 1)
      expect(styleFiles(asked).sort()).toEqual(
        ['styles/apa/index.js', ...FEWER.map((id) => `styles/apa/${id}.js`)].sort(),
      )
    })
  })

  it("a whole table that does not load (a host that leaves it out): the records' own files instead (review 27)", async () => {
    await withPage('/many.html', async ({ page, asked, blocked, uncaught, goto }) => {
      blocked.current = /styles\/apa\/all\.js/
      await goto()
      await page.waitForFunction(() => document.getElementById('refs')?.shadowRoot?.querySelector('.kap-ref'))
      expect(await shown(page, 'refs')).toMatchObject({ entries: WHOLE_AT, line: null, code: undefined })
      expect(styleFiles(asked).sort()).toEqual(
        ['styles/apa/all.js', 'styles/apa/index.js', ...MANY.map((id) => `styles/apa/${id}.js`)].sort(),
      )
      expect(uncaught).toEqual([])
    })
  })

  it('a reference list with one file failing shows the others, with the error line under them (session 27)', async () => {
    await withPage('/fewer.html', async ({ page, blocked, uncaught, goto, backOnline }) => {
      blocked.current = new RegExp(`styles/apa/${FEWER[3]}\\.js`)
      await goto()
      await page.waitForFunction(() => document.getElementById('refs')?.shadowRoot?.querySelector('[role=alert]'))
      const partial = await shown(page, 'refs')
      expect(partial).toMatchObject({ entries: WHOLE_AT - 2, code: 'LOAD_FAILED' })
      expect(partial.line).toContain(`styles/apa/${FEWER[3]}.js`)
      await backOnline()
      await page.waitForFunction(
        (n) => document.getElementById('refs')?.shadowRoot?.querySelectorAll('.kap-ref').length === n,
        WHOLE_AT - 1,
      )
      expect(await shown(page, 'refs')).toMatchObject({ line: null, code: undefined })
      expect(uncaught).toEqual([])
    })
  })

  it('a whole table and the own files failing: LOAD_FAILED in the list, and the list once they load', async () => {
    await withPage('/many.html', async ({ page, blocked, uncaught, goto, backOnline }) => {
      blocked.current = /styles\/apa\/(?!index)[a-z0-9-]+\.js/
      await goto()
      await untilFailed(page, 'refs')
      const failed = await shown(page, 'refs')
      expect(failed).toMatchObject({ entries: 0, code: 'LOAD_FAILED' })
      expect(failed.line).toMatch(/^kap-literature: could not load the apa citations \(http:.+\/styles\/apa\/.+\.js\)$/)
      await backOnline()
      await page.waitForFunction(() => document.getElementById('refs')?.shadowRoot?.querySelector('.kap-ref'))
      expect(await shown(page, 'refs')).toMatchObject({ entries: WHOLE_AT, line: null, code: undefined })
      expect(uncaught).toEqual([])
    })
  })

  it('a whole table that does not load takes only the references: the claim and the search box still show (review 26)', async () => {
    await withPage('/mixed.html', async ({ page, blocked, uncaught, goto }) => {
      blocked.current = /styles\/apa\/all\.js/
      await goto()
      await page.waitForFunction(() => document.getElementById('search')?.shadowRoot?.querySelector('input'))
      await page.waitForFunction(() => document.getElementById('claim')?.shadowRoot?.querySelector('.statement'))
      expect((await shown(page, 'search')).code).toBeUndefined()
      expect((await shown(page, 'claim')).text).toContain(claimStatements[claimIds.indexOf(CLAIM)]!)
      expect(uncaught).toEqual([])
    })
  })

  it('a citation whose own file failed shows once the whole table brings its record, without going online (review 26)', async () => {
    await withPage('/one.html', async ({ page, asked, blocked, uncaught, goto }) => {
      await citationFails({ page, blocked, goto })
      expect(await shown(page, 'x')).toMatchObject({
        code: 'LOAD_FAILED',
        value: expect.stringContaining(`${OTHER}.js`),
      })
      // Sixteen citations more, in one turn: the whole table loads, and holds the record whose file failed.
      await addCites(page, MANY)
      await untilShown(page, 'x')
      expect(await shown(page, 'x')).toMatchObject({ code: undefined, line: null })
      expect(styleFiles(asked)).toContain('styles/apa/all.js')
      expect(uncaught).toEqual([])
    })
  })

  it('an element whose file failed tries again when another file of the elements loads (the server answers again)', async () => {
    await withPage('/one.html', async ({ page, asked, blocked, uncaught, goto }) => {
      await citationFails({ page, blocked, goto })
      const before = ownRequests(asked)
      blocked.current = undefined
      // A claim added later loads its statement: the citation asks for its file again, and shows.
      await addClaim(page)
      await untilShown(page, 'x')
      expect(await shown(page, 'x')).toMatchObject({ code: undefined, line: null })
      expect(ownRequests(asked)).toBe(before + 1)
      expect(uncaught).toEqual([])
    })
  })

  it('a citation whose own file fails after the whole table brought its record shows it (review 27)', async () => {
    await withPage('/one.html', async ({ page, asked, uncaught, goto }) => {
      // Its own file answers only after the whole table has come, and then fails.
      let served: () => void = () => {}
      const whole = new Promise<void>((r) => (served = r))
      let wholeServed = false
      await page.route('**/styles/apa/all.js*', async (route) => {
        await route.continue()
        wholeServed = true
        served()
      })
      let own = 0
      await page.route(`**/styles/apa/${OTHER}.js*`, async (route) => {
        own++
        await whole
        await new Promise((r) => setTimeout(r, 200))
        await route.abort('internetdisconnected')
      })
      await goto()
      await addCites(page, MANY)
      await untilShown(page, 'x')
      expect(await shown(page, 'x')).toMatchObject({ code: undefined, line: null })
      expect(own).toBe(1)
      expect(wholeServed).toBe(true)
      expect(uncaught).toEqual([])
    })
  })

  it('a retry that fails the same way keeps the error line, and sends kap-error once (review 27)', async () => {
    await withPage('/one.html', async ({ page, asked, blocked, uncaught, goto }) => {
      blocked.current = new RegExp(`styles/apa/${OTHER}\\.js`)
      await page.addInitScript(() => {
        ;(window as unknown as { errors: number }).errors = 0
        document.addEventListener('kap-error', () => (window as unknown as { errors: number }).errors++)
      })
      await goto()
      await page.waitForFunction(() => (window as unknown as { errors: number }).errors === 1)
      await page.evaluate(() => {
        ;(document.getElementById('x')!.shadowRoot!.querySelector('[role=alert]') as HTMLElement).dataset.first = ''
      })
      // Files load (a claim's): the citation asks for its file again, which fails again.
      await addClaim(page)
      await page.waitForFunction(() => document.querySelector('kap-claim')?.shadowRoot?.querySelector('.statement'))
      await expect.poll(() => ownRequests(asked)).toBeGreaterThan(1)
      await page.waitForTimeout(100)
      const after = await page.evaluate(() => {
        const alerts = document.getElementById('x')!.shadowRoot!.querySelectorAll('[role=alert]')
        return {
          errors: (window as unknown as { errors: number }).errors,
          alerts: alerts.length,
          same: (alerts[0] as HTMLElement | undefined)?.dataset.first === '',
        }
      })
      expect(after).toEqual({ errors: 1, alerts: 1, same: true })
      expect(uncaught).toEqual([])
    })
  })

  it('a failed element removed from the page is not retried when files load (review 27)', async () => {
    await withPage('/one.html', async ({ page, asked, blocked, uncaught, goto }) => {
      await citationFails({ page, blocked, goto })
      const before = ownRequests(asked)
      await page.evaluate(() => document.getElementById('x')!.remove())
      // Files load (a claim's statement, its studies' references): nothing asks for the removed citation's file.
      await addClaim(page)
      await page.waitForFunction(() => document.querySelector('kap-claim')?.shadowRoot?.querySelector('.studies'))
      await page.waitForTimeout(200)
      expect(ownRequests(asked)).toBe(before)
      expect(uncaught).toEqual([])
    })
  })

  it('a numbered page counts only records no element asked for before: one citation more loads its own file', async () => {
    await withPage('/numbered.html', async ({ page, asked, blocked, goto }) => {
      await goto()
      const numbers = () =>
        page.evaluate(() =>
          [...document.querySelectorAll('kap-cite')].map(
            (c) => c.shadowRoot?.querySelector('button')?.textContent ?? null,
          ),
        )
      await page.waitForFunction(
        (n) =>
          [...document.querySelectorAll('kap-cite')].filter((c) => c.shadowRoot?.querySelector('button')).length === n,
        WHOLE_AT - 1,
      )
      expect(await numbers()).toEqual(FEWER.map((_, i) => `(${i + 1})`))
      // One citation more: every numbered citation renders again, and only its record's file is asked for.
      await addCitation(page, { ids: OTHER, style: 'vancouver', id: 'one' }, '#para', 'append')
      await page.waitForFunction(() => document.getElementById('one')?.shadowRoot?.querySelector('button'))
      expect(styleFiles(asked)).not.toContain('styles/vancouver/all.js')
      expect(styleFiles(asked)).toContain(`styles/vancouver/${OTHER}.js`)
      // Then sixteen more at once, with the whole table and their files failing: they show errors, the others keep
      // their numbers.
      const more = citable.slice(WHOLE_AT + 1, 2 * WHOLE_AT + 1)
      blocked.current = new RegExp(`styles/vancouver/(all|${more.join('|')})\\.js`)
      expect(more).toHaveLength(WHOLE_AT)
      // (In one script, as one turn: each addCitation call would be a turn of its own.)
      await page.evaluate((ids) => {
        const para = document.getElementById('para')!
        ids.forEach((id, i) => {
          const cite = document.createElement('kap-cite')
          cite.id = `m${i}`
          cite.setAttribute('ids', id)
          cite.setAttribute('style-name', 'vancouver')
          para.append(cite)
        })
      }, more)
      await untilFailed(page, 'm0')
      expect((await numbers()).slice(0, WHOLE_AT)).toEqual([...FEWER, OTHER].map((_, i) => `(${i + 1})`))
      expect(styleFiles(asked)).toContain('styles/vancouver/all.js')
    })
  })

  it('a claim changed while a verdict note is open shows the new claim at once, and its note when it comes', async () => {
    await withPage('/claim.html', async ({ page, goto }) => {
      await goto()
      await page.waitForFunction(() => document.getElementById('claim')?.shadowRoot?.querySelector('summary'))
      await page.evaluate(() =>
        (document.getElementById('claim')!.shadowRoot!.querySelector('summary') as HTMLElement).click(),
      )
      await page.waitForFunction(
        () => (document.getElementById('claim')!.shadowRoot!.querySelector('.note')?.textContent ?? '') !== '',
      )
      // The other claim's note is held back: the claim must not wait for it.
      const other = 'indication-anxiety'
      let release: () => void = () => {}
      const held = new Promise<void>((r) => (release = r))
      await page.route(`**/details/claim/${other}.js`, async (route) => {
        await held
        await route.continue()
      })
      await page.evaluate((id) => document.getElementById('claim')!.setAttribute('claim', id), other)
      const statement = claimStatements[claimIds.indexOf(other)]!
      await page.waitForFunction(
        (text) =>
          (document.getElementById('claim')!.shadowRoot!.querySelector('.statement')?.textContent ?? '').includes(text),
        statement,
        { timeout: 5000 },
      )
      release()
      await page.waitForFunction((text) => {
        const root = document.getElementById('claim')!.shadowRoot!
        return (
          (root.querySelector('details') as HTMLDetailsElement).open &&
          (root.querySelector('.note')?.textContent ?? '') !== '' &&
          !root.querySelector('.note')!.textContent!.includes(text)
        )
      }, 'By its record that trial had no therapy arm')
    })
  })

  it('a map is a block while its chunk loads', async () => {
    await withPage('/map.html', async ({ page, blocked, goto }) => {
      blocked.current = /chunks\/map-view-/
      await goto()
      await untilFailed(page, 'map')
      expect(await page.evaluate(() => getComputedStyle(document.getElementById('map')!).display)).toBe('block')
    })
  })

  it("a claim loads its own statement, and no file that holds another claim's", async () => {
    await withPage('/claim.html', async ({ page, asked, goto }) => {
      await goto()
      await page.waitForFunction(() => document.getElementById('claim')?.shadowRoot?.querySelector('.statement'))
      const statement = claimStatements[claimIds.indexOf(CLAIM)]!
      expect((await shown(page, 'claim')).text).toContain(statement)
      expect(asked).toContain(`claims/${CLAIM}.js`)
      // The other statements' openings that a minified file spells as written (printable ASCII, no quotation mark).
      const others = claimStatements
        .filter((s) => s !== statement)
        .map((s) => s.slice(0, 40))
        .filter((s) => /^[\x20-\x7e]+$/.test(s) && !/["\\]/.test(s))
      expect(others.length).toBeGreaterThan(50)
      const holding = asked.filter((f) => {
        const text = readFileSync(join(builtElements, f.split('?')[0]!), 'utf8')
        return others.some((s) => text.includes(s))
      })
      expect(holding).toEqual([])
    })
  })

  it('a statement that does not load: LOAD_FAILED naming its file in the claim, and the claim once it loads', async () => {
    await withPage('/claim.html', async ({ page, blocked, uncaught, goto, backOnline }) => {
      blocked.current = /\/claims\//
      await goto()
      await untilFailed(page, 'claim')
      const failed = await shown(page, 'claim')
      expect(failed.code).toBe('LOAD_FAILED')
      expect(failed.value).toMatch(new RegExp(`/elements/claims/${CLAIM}\\.js$`))
      expect(failed.line).toMatch(/^kap-literature: could not load the claim statement \(http:.+\)$/)
      await backOnline()
      await page.waitForFunction(() => document.getElementById('claim')?.shadowRoot?.querySelector('.statement'))
      expect((await shown(page, 'claim')).text).toContain(claimStatements[claimIds.indexOf(CLAIM)]!)
      expect(uncaught).toEqual([])
    })
  })
})
