// What a visitor's typing costs a page with `<kap-search>` (script-tag build, Chromium): each query is typed one
// character at a time at a typist's pace, on a local network and with 300 ms of added latency per request. The table
// counts the reference files the page requested and their gzip bytes, against those of the final result list alone
// (what the page shows at the end), and the time from the last keystroke until the final list is shown and until it
// shows every reference. Run `npm run build` first, then `npx tsx bench/elements-typing.ts` (KAP_TYPING_MS sets the
// pause between keys, default 150).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { getStudy, isCitable, type StudyId } from '../src/index'
import { search } from '../src/search/index'
import { builtElements, launchChromium, serveElements } from '../tests/helpers/elements-server'

const QUERIES = ['ketamine ptsd', 'esketamine nasal spray', 'Dore 2019', 'psychotherapy', 'suicidal thoughts']
const PAUSE = Number(process.env['KAP_TYPING_MS'] ?? 150)

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>typing</title>
<script type="module" src="/elements/kap-elements.js"></script></head>
<body><kap-search id="search"></kap-search></body></html>`

const gzip = (path: string): number => gzipSync(readFileSync(join(builtElements, path)), { level: 9 }).length
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`

/** What the box lists for a query: its first ten records, studies kept as leads left out. */
const listed = (query: string) =>
  search(query, { limit: 1000 })
    .filter((r) => r.type !== 'study' || isCitable(getStudy(r.id as StudyId)))
    .slice(0, 10)

const server = await serveElements({ '/': PAGE })
const browser = await launchChromium()
const rows: string[] = []
try {
  for (const [query, latency] of QUERIES.flatMap(
    (q) =>
      [
        [q, 0],
        [q, 300],
      ] as const,
  )) {
    const final = listed(query)
    const titles = final.map((r) => r.title)
    const finalBytes = final
      .filter((r) => r.type === 'study')
      .reduce((sum, r) => sum + gzip(`styles/apa/${r.id}.js`), 0)
    const page = await browser.newPage()
    if (latency > 0) {
      const cdp = await page.context().newCDPSession(page)
      await cdp.send('Network.enable')
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency,
        downloadThroughput: -1,
        uploadThroughput: -1,
      })
    }
    const requested = new Set<string>()
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname.replace(/^\/elements\//, '')
      if (/^styles\/apa\/(?!index\.js)/.test(path)) requested.add(path)
    })
    await page.goto(`${server.origin}/`)
    await page.waitForFunction(() => document.getElementById('search')?.shadowRoot?.querySelector('input'))
    await page.focus('#search')
    const input = page.locator('#search input')
    for (const [i, ch] of [...query].entries()) {
      await input.press(ch === ' ' ? 'Space' : ch)
      if (i < query.length - 1) await page.waitForTimeout(PAUSE)
    }
    const typed = Date.now()
    // The final list, then every study in it with its reference (or the wait runs out).
    await page.waitForFunction(
      (want) =>
        JSON.stringify(
          [...document.getElementById('search')!.shadowRoot!.querySelectorAll('li .title')].map((t) => t.textContent),
        ) === want,
      JSON.stringify(titles),
      { timeout: 10_000, polling: 5 },
    )
    const listedAt = Date.now() - typed
    await page.waitForFunction(
      () => {
        const items = [...document.getElementById('search')!.shadowRoot!.querySelectorAll('li')]
        return (
          items.length > 0 &&
          items.every((li) => li.querySelector('.type')?.textContent !== 'study' || li.querySelector('.kap-ref'))
        )
      },
      undefined,
      { timeout: 10_000, polling: 5 },
    )
    const shown = Date.now() - typed
    await page.waitForTimeout(1000 + latency)
    const files = [...requested]
    const bytes = files.reduce((sum, f) => sum + gzip(f), 0)
    const studies = final.filter((r) => r.type === 'study').length
    rows.push(
      `| ${query} | ${latency} ms | ${files.length} | ${kb(bytes)} | ${studies} | ${kb(finalBytes)} | ${listedAt} ms | ${shown} ms |`,
    )
    await page.close()
  }
} finally {
  await browser.close()
  await server.close()
}
console.log(`Typing at one key per ${PAUSE} ms (APA, script-tag build)\n`)
console.log(
  '| query | added latency | reference files requested | their gzip size | studies in the final list | their references ' +
    '| last key → final list | → with every reference |',
)
console.log('|---|---:|---:|---:|---:|---:|---:|---:|')
for (const row of rows) console.log(row)
