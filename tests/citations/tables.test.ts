// The precomputed tables are built with the code that reads them, so the reader does not check their format version
// on every page that loads one (review 29: that check cost the 60 KB elements page 49 bytes); this test does, for
// every shipped table and for the elements' files built from them.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CITATION_TABLE_VERSION } from '../../src/citations/engine'
import { buildElements } from '../../scripts/build-elements'
import { root } from '../helpers/paths'

const dataDir = join(root, 'src', 'citations', 'data')

describe('the precomputed citation tables', () => {
  it(`are all of format ${CITATION_TABLE_VERSION}, the one the code reads`, () => {
    const tables = readdirSync(dataDir).filter((f) => f.endsWith('.json'))
    expect(tables.length).toBe(6)
    for (const f of tables)
      expect([f, JSON.parse(readFileSync(join(dataDir, f), 'utf8')).formatVersion]).toEqual([f, CITATION_TABLE_VERSION])
  })

  it("the elements' style heads built from them carry only what the elements read (no version, no provenance)", async () => {
    const dir = join(root, '.tmp', 'elements-tables')
    await buildElements(dir)
    for (const style of ['apa', 'ama', 'vancouver', 'harvard', 'chicago', 'mla']) {
      const head = readFileSync(join(dir, 'styles', style, 'index.js'), 'utf8')
      expect(head, style).toMatch(/numeric:!?[01],citation:\{/)
      for (const key of ['formatVersion', 'title:', 'license', 'updated', 'source:'])
        expect(head, style).not.toContain(key)
    }
  }, 60_000)
})
