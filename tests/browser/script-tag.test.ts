/**
 * The package's ES modules on a page without a bundler, in Debian's Chromium (playwright-core), as docs/clinic-sites.md
 * ("Without a bundler") shows: the `dist/` folder of the packed tarball served from 127.0.0.1 under /kap/, an import
 * map naming `kap-literature`, and a module that uses `dist/cite.browser.js` (which imports the data entry by that
 * name) and `dist/citations/apa.js`. Without the import map the browser refuses the name, which is why the docs give it
 * (audit 36). The dist files a page may load name no other package: tests/package/script-tag.test.ts.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import { type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { root } from '../helpers/paths'
import { CHROMIUM, launchChromium } from '../helpers/elements-server'

const ci = process.env.CI === 'true'
const available = existsSync(CHROMIUM)

// The import map and module of docs/clinic-sites.md ("Without a bundler").
const IMPORT_MAP = '<script type="importmap">{ "imports": { "kap-literature": "/kap/index.js" } }</script>'
const APP = `import { formatBibliography } from '/kap/cite.browser.js'
import { apa } from '/kap/citations/apa.js'
import { getStudy } from 'kap-literature'
const mine = { id: 'smith-2024', type: 'article-journal', title: 'A trial of something',
  author: [{ family: 'Smith', given: 'Ana' }], issued: { 'date-parts': [[2024]] } }
document.body.dataset.out = JSON.stringify({
  engine: formatBibliography(['dore-2019', mine], { style: 'vancouver', format: 'text' }),
  apa: apa.formatCitation('dore-2019'),
  design: getStudy('dore-2019').design,
})
`
const page = (head: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>no bundler</title>${head}` +
  `<script type="module" src="/app.js"></script></head><body></body></html>`

let server: Server
let origin = ''
let browser: Browser
let dist = ''

describe.skipIf(!available && !ci)('dist/ ES modules without a bundler, in Chromium', () => {
  beforeAll(async () => {
    expect(existsSync(join(root, 'dist', 'cite.browser.js')), 'run npm run build first').toBe(true)
    const work = mkdtempSync(join(tmpdir(), 'kap-script-tag-'))
    const [{ filename }] = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' }),
    ) as [{ filename: string }]
    execFileSync('tar', ['-xzf', join(work, filename), '-C', work])
    dist = join(work, 'package', 'dist')
    server = createServer((req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname))
      const send = (type: string, body: string | Buffer) => res.writeHead(200, { 'content-type': type }).end(body)
      if (path === '/mapped.html') return send('text/html', page(IMPORT_MAP))
      if (path === '/unmapped.html') return send('text/html', page(''))
      if (path === '/app.js') return send('text/javascript', APP)
      if (path === '/favicon.ico') return res.writeHead(204).end()
      const file = join(dist, path.replace(/^\/kap\//, '/'))
      if (!path.startsWith('/kap/') || !file.startsWith(dist) || !existsSync(file)) {
        res.writeHead(404).end('not found')
        return
      }
      send(extname(file) === '.js' ? 'text/javascript' : 'text/plain', readFileSync(file))
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    browser = await launchChromium()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()))
  })

  async function open(path: string) {
    const tab = await browser.newPage()
    const requests: string[] = []
    const problems: string[] = []
    tab.on('request', (r) => requests.push(r.url()))
    tab.on('console', (m) => (m.type() === 'error' ? problems.push(m.text()) : undefined))
    tab.on('pageerror', (e) => problems.push(e.message))
    await tab.goto(`${origin}${path}`)
    return { tab, requests, problems }
  }

  it('with the import map, cite.browser.js and citations/apa.js run from the hosted dist/ folder', async () => {
    const { tab, requests, problems } = await open('/mapped.html')
    await tab.waitForFunction(() => document.body.dataset.out !== undefined, undefined, { timeout: 60_000 })
    const out = JSON.parse((await tab.evaluate(() => document.body.dataset.out))!) as Record<string, string>
    expect(problems).toEqual([])
    expect(out.apa).toBe('(Dore et al., 2019)')
    expect(out.design).toBe('retrospective-cohort')
    expect(out.engine).toMatch(/^1\. Dore J, .*\n2\. Smith A\. A trial of something\./s)
    expect(requests.every((u) => u.startsWith(origin))).toBe(true)
    // The page and the engine share one copy of the data entry: the import map's address, loaded once.
    expect(requests.filter((u) => u === `${origin}/kap/index.js`)).toHaveLength(1)
    await tab.close()
  }, 90_000)

  it('without it, the browser refuses the name `kap-literature` that cite.browser.js imports', async () => {
    const { tab, problems } = await open('/unmapped.html')
    await tab.waitForTimeout(500)
    expect(problems.join('\n')).toMatch(/Failed to resolve module specifier "kap-literature"/)
    expect(await tab.evaluate(() => document.body.dataset.out)).toBeUndefined()
    await tab.close()
  }, 60_000)
})
