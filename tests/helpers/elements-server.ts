// A page server for the web components' browser tests: HTML pages and scripts given by path, and the script-tag build
// of the elements from dist/elements/ (run `npm run build` first) under /elements/, all from 127.0.0.1, optionally
// with a Content-Security-Policy; and Debian's Chromium, started as every browser test starts it.
import { existsSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { root } from './paths'

export const CHROMIUM = '/usr/bin/chromium'

/** The built elements' folder. */
export const builtElements = join(root, 'dist', 'elements')

/**
 * Serves `pages` (HTML) and `scripts` (JavaScript) by path, and dist/elements/ under /elements/, with the
 * Content-Security-Policy `csp` (or the one `csp` gives for a path).
 */
export async function serveElements(
  pages: Readonly<Record<string, string>>,
  scripts: Readonly<Record<string, string>> = {},
  csp?: string | ((path: string) => string),
): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname))
    const policy = typeof csp === 'function' ? csp(path) : csp
    const headers: Record<string, string> = policy === undefined ? {} : { 'content-security-policy': policy }
    if (pages[path] !== undefined)
      return void res.writeHead(200, { ...headers, 'content-type': 'text/html' }).end(pages[path])
    if (scripts[path] !== undefined)
      return void res.writeHead(200, { ...headers, 'content-type': 'text/javascript' }).end(scripts[path])
    const file = join(builtElements, path.replace(/^\/elements\//, '/'))
    if (!path.startsWith('/elements/') || !file.startsWith(builtElements) || !existsSync(file))
      return void res.writeHead(404).end('not found')
    res
      .writeHead(200, { ...headers, 'content-type': extname(file) === '.js' ? 'text/javascript' : 'text/plain' })
      .end(readFileSync(file))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}

/** Debian's Chromium, headless, as the browser tests start it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  })
}

/**
 * Adds a `<kap-cite>` to the page, as a page's own script would: with `ids`, `style-name` and perhaps an `id`, at the
 * start (`prepend`) or the end (`append`) of the element that `parent` selects.
 */
export function addCitation(
  page: Page,
  cite: { readonly ids: string; readonly style: string; readonly id?: string },
  parent: string,
  where: 'prepend' | 'append',
): Promise<void> {
  return page.evaluate(
    ([c, p, w]) => {
      const added = document.createElement('kap-cite')
      if (c.id !== undefined) added.id = c.id
      added.setAttribute('ids', c.ids)
      added.setAttribute('style-name', c.style)
      document.querySelector(p)![w](added)
    },
    [cite, parent, where] as const,
  )
}
