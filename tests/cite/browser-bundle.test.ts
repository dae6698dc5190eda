// The cite entry bundles for browsers without Node polyfills once citation-js's node-fetch import is aliased to
// src/cite/node-fetch-shim.ts (scripts/build-cite-browser.ts), and the bundle works. Sizes: that script prints them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { bundleCiteForBrowser, type BrowserBuild } from '../../scripts/build-cite-browser'

const dir = mkdtempSync(join(tmpdir(), 'kap-cite-browser-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('browser bundle of kap-literature/cite', () => {
  let built: BrowserBuild

  it('fails without the node-fetch alias (citation-js 0.8.2 imports Node-only node-fetch)', async () => {
    const plain = await bundleCiteForBrowser({ alias: false })
    expect(plain.errors.length).toBeGreaterThan(0)
    expect(plain.errors.map((e) => e.text).join('\n')).toMatch(
      /Could not resolve "node:(http|https|stream|zlib|buffer)"/,
    )
  })

  it('builds with the shims, importing the data entry as kap-literature, with no Node built-in and no sync XHR', async () => {
    const shipped = await bundleCiteForBrowser()
    expect(shipped.errors).toEqual([])
    expect(/from\s*"kap-literature"/.test(shipped.code)).toBe(true)
    expect(shipped.code.includes('krupitsky-1997')).toBe(false) // no shipped record inside
    built = await bundleCiteForBrowser({ standalone: true })
    expect(built.errors).toEqual([])
    // (Booleans, so a failure does not print the megabyte bundle.) loadSystemStyle's 'node:fs' is a string passed to
    // process.getBuiltinModule, not an import.
    expect(/(?:from\s*|import\(\s*|require\(\s*)["']node:/.test(built.code)).toBe(false)
    expect(/\.open\(\s*["']GET["'][^)]*,\s*!1\s*\)/.test(built.code)).toBe(false)
    // node-fetch's own code (and its fetch-blob dependency) is not in the bundle; core's package.json still names it.
    expect(built.code.includes('fetch-blob')).toBe(false)
  })

  it('the standalone bundle formats and exports when loaded as an ES module', async () => {
    const file = join(dir, 'cite.browser.mjs')
    writeFileSync(file, built.code)
    const cite = (await import(pathToFileURL(file).href)) as typeof import('../../src/cite/index')
    expect(cite.formatCitation(['dore-2019'], { style: 'apa', format: 'text' })).toBe('(Dore et al., 2019)')
    expect(cite.formatReference('dore-2019', { style: 'vancouver', format: 'html' })).toContain(
      '<a class="kap-ref-doi" href="https://doi.org/10.1080/02791072.2019.1587556">',
    )
    expect(cite.toRIS(['dore-2019']).split('\n')[0]).toBe('TY  - JOUR')
    expect(() => cite.loadSystemStyle('ama', { directory: '/nonexistent' })).toThrow()
  })
})
