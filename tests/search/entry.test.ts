import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { build } from 'esbuild'
import { afterAll, describe, expect, it } from 'vitest'
import * as entry from '../../src/search/index'
import { root } from '../helpers/paths'

const dir = mkdtempSync(join(tmpdir(), 'kap-search-entry-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function browserBundle(): Promise<{ code: string; inputs: string[] }> {
  const out = await build({
    entryPoints: [join(root, 'src', 'search', 'index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  return {
    code: out.outputFiles[0]!.text,
    inputs: Object.keys(out.metafile.inputs).map((p) => relative(root, join(process.cwd(), p))),
  }
}

describe('the search entry', () => {
  it('exports search, facets, didYouMean, loadFullText and searchableTypes, and nothing internal', () => {
    expect(Object.keys(entry).sort()).toEqual(['didYouMean', 'facets', 'loadFullText', 'search', 'searchableTypes'])
    expect(entry.searchableTypes).toEqual(['study', 'claim', 'source'])
    expect(Object.isFrozen(entry.searchableTypes)).toBe(true)
  })

  it('bundles for browsers without Node built-ins, with no dependency (lunr’s stemmer is copied) and no records', async () => {
    const { code, inputs } = await browserBundle()
    expect(code).not.toMatch(/from\s*["']node:|require\(["'](?:node:)?(?:fs|path|url|crypto|os|module)["']\)/)
    const packages = new Set(
      inputs
        .filter((p) => p.includes('node_modules'))
        .map((p) => p.replace(/^.*node_modules\/((?:@[^/]+\/)?[^/]+).*$/, '$1')),
    )
    expect([...packages]).toEqual([])
    expect(inputs.some((p) => p.includes('generated/core') || p.includes('generated/details'))).toBe(false)
    expect(inputs).toContain('data/search/synonyms.json')
  })

  it('imports without touching window or document (SSR), then searches', async () => {
    const { code } = await browserBundle()
    const file = join(dir, 'search.mjs')
    writeFileSync(file, code)
    const script = `
      for (const name of ['window', 'document', 'navigator', 'localStorage', 'location']) {
        Object.defineProperty(globalThis, name, { configurable: true, get() { throw new Error('touched ' + name) } })
      }
      const m = await import(${JSON.stringify(`file://${file}`)})
      const hits = m.search('grunebaum 2018')
      console.log(JSON.stringify([hits[0].id, m.facets().type.length]))
    `
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 })
    expect(r.stderr).toBe('')
    expect(r.stdout.trim()).toBe('["grunebaum-2018",3]')
  })
})
