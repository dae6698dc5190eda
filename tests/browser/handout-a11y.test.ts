/**
 * The HTML handouts as a screen reader and a narrow screen meet them, in Debian's Chromium: the reading list is a list
 * in every style, and looks as it did. In CI a missing browser fails; locally it is skipped.
 */
import { existsSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM, launchChromium } from '../helpers/elements-server'
import { runCli } from '../helpers/run-cli'

const available = existsSync(CHROMIUM)
const ci = process.env.CI === 'true'
const epoch = { SOURCE_DATE_EPOCH: '1767225600' }
let browser: Browser

const handout = async (args: string[]) =>
  (await runCli(['handout', ...args, '--format', 'html'], { env: epoch })).stdout

/** A page of the handout at `width` CSS px, the maps taken out (they are checked in map.test.ts and handout.test.ts). */
async function open(args: string[], width = 900): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } })
  await page.setContent(await handout(args))
  await page.evaluate(() => document.querySelectorAll('section.map').forEach((m) => m.remove()))
  return page
}

describe.skipIf(!available && !ci)('handouts in Chromium, for assistive technology and narrow screens', () => {
  beforeAll(async () => {
    expect(existsSync(CHROMIUM), 'Debian chromium must be installed in CI').toBe(true)
    browser = await launchChromium()
  }, 120_000)
  afterAll(async () => browser?.close())

  it('gives the reading list as a list of its references in every style, unnumbered ones without bullets', async () => {
    for (const [style, numbered] of [
      ['apa', false],
      ['mla', false],
      ['vancouver', true],
    ] as const) {
      for (const full of [false, true]) {
        const page = await open(['--topic', 'onset', '--style', style, ...(full ? ['--full'] : [])])
        const section = page.locator(full ? 'section.reading' : 'section.reading-brief')
        const entries = await section.locator('.kap-ref').count()
        const tree = await section.ariaSnapshot()
        const label = `${style}${full ? ' --full' : ''}`
        // "list, 10 items": the list holds one item per reference, and nothing else.
        expect(tree.split('\n').slice(0, 2), label).toEqual(['- heading "Reading list" [level=2]', '- list:'])
        expect(tree.match(/^ {2}- listitem:/gm), label).toHaveLength(entries)
        const look = await section.locator('.kap-bibliography').evaluate((list) => {
          const item = list.querySelector('.kap-ref')!
          return {
            marker: getComputedStyle(list).listStyleType,
            indent: parseFloat(getComputedStyle(item).textIndent),
            start: Math.round(item.getBoundingClientRect().left - list.getBoundingClientRect().left),
          }
        })
        // Author-date entries hang from the list's left edge as before; numbered ones keep their numbers.
        expect(look, label).toEqual(
          numbered ? { marker: 'decimal', indent: 0, start: 35 } : { marker: 'none', indent: -24, start: 24 },
        )
        await page.close()
      }
    }
  }, 120_000)

  it('names the brief table, its columns and, for each claim, its row', async () => {
    for (const width of [900, 320]) {
      const page = await open(['--topic', 'onset'], width)
      const tree = await page.locator('table.brief').ariaSnapshot()
      expect(tree.split('\n')[0], `${width}`).toBe(`- 'table "Speed of onset: the claims, our verdicts and why"':`)
      // Every column has a named header, also on a narrow screen where the header row is not shown.
      expect(tree.match(/- columnheader.*/g), `${width}`).toEqual([
        '- columnheader "Number"',
        '- columnheader "Claim"',
        '- columnheader "Verdict"',
        '- columnheader "Why, and the key studies"',
      ])
      // A cell is read with its claim: each row's header is the claim.
      const claims = await page.locator('table.brief tbody th').allTextContents()
      expect(
        [...tree.matchAll(/- '?rowheader "([^"]+)"/g)].map((m) => m[1]),
        `${width}`,
      ).toEqual(claims)
      expect(claims).toHaveLength(5)
      // A row is named by its number and its claim, apart: "1 Conventional…", also where the cells run on as a
      // paragraph (320 px), where Chromium read "1Conventional…" until the number's cell ended with a space.
      expect(
        [...tree.matchAll(/- '?row "(\d+)(.)/g)].map((m) => `${m[1]}${m[2]}`),
        `${width}`,
      ).toEqual(['1 ', '2 ', '3 ', '4 ', '5 '])
      await page.close()
    }
  }, 60_000)

  it('reflows the brief table at 320 px into one paragraph per claim, and keeps its columns on a wider screen', async () => {
    for (const [topic, style] of [
      ['onset', 'apa'],
      ['efficacy', 'apa'],
      ['safety', 'mla'],
      ['regulation', 'ama'],
    ] as const) {
      const narrow = await open(['--topic', topic, '--style', style], 320)
      const cells = await narrow.evaluate(() =>
        [...document.querySelectorAll('table.brief, table.brief td, table.brief tbody th')]
          .map((e) => Math.ceil(e.getBoundingClientRect().right))
          .filter((right) => right > innerWidth),
      )
      // Nothing of the table, the reasons and studies included, is off to the right.
      expect(cells, `${topic} ${style}`).toEqual([])
      await narrow.close()
      const wide = await open(['--topic', topic, '--style', style], 900)
      const layout = await wide.evaluate(() => {
        const row = document.querySelector('table.brief tbody tr')!
        const [n, claim, verdict, why] = [...row.children].map((c) => c.getBoundingClientRect())
        return {
          display: getComputedStyle(document.querySelector('table.brief')!).display,
          header: document.querySelector('table.brief thead')!.getBoundingClientRect().height > 10,
          sideBySide: n!.right <= claim!.left && claim!.right <= verdict!.left && verdict!.right <= why!.left,
        }
      })
      expect(layout, `${topic} ${style}`).toEqual({ display: 'table', header: true, sideBySide: true })
      await wide.close()
    }
  }, 120_000)

  it('wraps long DOIs and addresses, so no handout scrolls sideways at 320 px', async () => {
    for (const args of [
      ['--topic', 'onset'],
      ['--topic', 'onset', '--full'],
      ['--topic', 'efficacy', '--style', 'mla'],
      ['--topic', 'regulation', '--style', 'ama'],
      ['--topic', 'psychotherapy', '--full', '--style', 'vancouver'],
      ['--topic', 'marketing-language', '--full', '--style', 'chicago'],
    ]) {
      const page = await open(args, 320)
      const { scrollWidth, links, wide } = await page.evaluate(() => ({
        scrollWidth: document.scrollingElement!.scrollWidth,
        links: document.querySelectorAll('a.kap-ref-doi, a.kap-ref-url').length,
        wide: [...document.querySelectorAll('a.kap-ref-doi, a.kap-ref-url')]
          .filter((a) => a.getBoundingClientRect().right > innerWidth)
          .map((a) => a.textContent),
      }))
      expect(links, args.join(' ')).toBeGreaterThan(3)
      expect(wide, args.join(' ')).toEqual([])
      expect(scrollWidth, args.join(' ')).toBe(320)
      await page.close()
    }
  }, 120_000)

  it('names every citation number link by the reference it leads to, in the numeric styles', async () => {
    for (const [style, topic] of [
      ['ama', 'regulation'],
      ['vancouver', 'psychotherapy'],
    ] as const) {
      const page = await open(['--topic', topic, '--style', style])
      const tree = await page.locator('main').ariaSnapshot()
      // (A name with ": " in it is quoted as a whole: - 'link "Reference 1: Dore et al. 2019"'.)
      const names = [...tree.matchAll(/- '?link "([^"]*)"/g)].map((m) => m[1]!)
      // No link is named by a number alone ("1", "(1)").
      expect(
        names.filter((n) => /^\W*\d+\W*$/.test(n)),
        style,
      ).toEqual([])
      // Each number link names the reference it leads to: its number in the reading list, then the authors.
      const links = await page.evaluate(() =>
        [...document.querySelectorAll('a.kap-ref-link')]
          .filter((a) => /^\d+$/.test(a.textContent!))
          .map((a) => {
            const entry = document.querySelector(a.getAttribute('href')!)!
            return { text: a.textContent!, number: entry.getAttribute('value'), entry: entry.textContent! }
          }),
      )
      expect(links.length, style).toBeGreaterThan(5)
      for (const link of links) {
        expect(link.number, link.entry).toBe(link.text)
        const name = names.find((n) => n.startsWith(`Reference ${link.text}: `) || n === `Reference ${link.text}`)
        expect(name, link.entry).toBeDefined()
        const authors = name!.split(': ')[1]
        if (authors !== undefined)
          expect(link.entry.startsWith(authors.split(' ')[0]!), `${name} / ${link.entry}`).toBe(true)
      }
      await page.close()
    }
  }, 120_000)
})
