// Which files of dist/ a page can load without a bundler, as README.md and docs/clinic-sites.md ("Without a bundler")
// say (audit 36: the README offered "the browser builds in dist/", and dist/cite.browser.js imports `kap-literature`,
// which a browser cannot resolve on its own). A browser resolves only relative and absolute addresses, so a file a
// page loads must name no package: dist/elements/ (the script-tag build) names none, the other ES modules of dist/ name
// only files beside them, and dist/cite.browser.js names exactly `kap-literature`, which the documented import map
// provides. tests/browser/script-tag.test.ts loads them in Chromium.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'
import { root } from '../helpers/paths'

const dist = join(root, 'dist')

/** Every module specifier a file imports (static imports, re-exports and `import()` of a string), as written. */
async function specifiers(file: string): Promise<string[]> {
  const found = new Set<string>()
  await build({
    entryPoints: [file],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    logLevel: 'silent',
    plugins: [
      {
        name: 'record-imports',
        setup(b) {
          b.onResolve({ filter: /.*/ }, (a) => {
            if (a.kind === 'entry-point') return undefined
            found.add(a.path)
            return { path: a.path, external: true }
          })
        },
      },
    ],
  })
  return [...found].sort()
}

const bare = (s: string) => !/^\.{1,2}\//.test(s) && !s.startsWith('/')
const esm = (dir: string) =>
  readdirSync(join(dist, dir), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.js'))
    .map((f) => join(dir, f))

describe('dist files a page can load without a bundler', () => {
  it('the script-tag build (dist/elements/) imports no package by name', async () => {
    const files = esm('elements')
    expect(files).toContain(join('elements', 'kap-elements.js'))
    expect(files.length).toBeGreaterThan(20)
    const named: string[] = []
    for (const f of files) for (const s of await specifiers(join(dist, f))) if (bare(s)) named.push(`${f}: ${s}`)
    expect(named).toEqual([])
  })

  it('the other ES modules import only files beside them; cite.browser.js also `kap-literature`, the import map’s one entry', async () => {
    const files = esm('.').filter((f) => !f.startsWith('elements') && f !== 'cli.js')
    expect(files).toContain('index.js')
    expect(files).toContain(join('citations', 'apa.js'))
    const named: Record<string, string[]> = {}
    for (const f of files) {
      const names = (await specifiers(join(dist, f))).filter(bare)
      if (names.length > 0) named[f] = names
    }
    expect(named).toEqual({ 'cite.browser.js': ['kap-literature'] })
  })

  it('the check above sees a package name', async () => {
    // dist/cli.js is for Node and names its built-ins: the scan finds them.
    expect((await specifiers(join(dist, 'cli.js'))).filter(bare).length).toBeGreaterThan(0)
    expect(readFileSync(join(root, 'docs', 'clinic-sites.md'), 'utf8')).toContain('"kap-literature": "/kap/index.js"')
  })
})
