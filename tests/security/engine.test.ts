/**
 * Audit 35/A, finding 2: every citeproc failure "retired" the style (a new key, a recompile) while citation-js's
 * plugin-csl kept the old compiled engine in its private cache: about 95 MB per failing APA call, so a dozen bad
 * records crashed a process with a 1 GB heap. A failing engine is now freed in place (src/cite/engine.ts) and its
 * key reused.
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compiledEngines } from '../../src/cite/engine'
import { formatReference, registerStyle } from '../../src/cite/index'
import { kapError } from '../helpers/errors'

const NS = 'http://purl.org/net/xbiblio/csl'
const style = (layout: string) =>
  `<style xmlns="${NS}" class="in-text" version="1.0"><info><title>x</title><id>x</id>` +
  `<updated>2020-01-01T00:00:00+00:00</updated></info><citation><layout><text variable="title"/></layout></citation>` +
  `<bibliography><layout>${layout}</layout></bibliography></style>`
const record = { id: 'r1', type: 'book', title: 'T', author: [{ family: 'Smith' }] }

describe('a citeproc failure costs no memory', () => {
  it('the heap after 12 failing calls (each compiling an APA-sized engine) is that after 3, within 40 MB', () => {
    const r = spawnSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'engine-leak.child.ts'), '3', '12'],
      { encoding: 'utf8', timeout: 170_000 },
    )
    expect(r.status, r.stderr).toBe(0)
    const out = JSON.parse(r.stdout) as {
      afterSmall: number
      afterLarge: number
      engines: number
      codes: string[]
      valid: string
    }
    // Before the fix: 203 MB after 2 failures, 773 MB after 8 (95 MB per failure).
    const grew = (out.afterLarge - out.afterSmall) / 1e6
    expect(grew, `${(out.afterSmall / 1e6).toFixed(0)} MB → ${(out.afterLarge / 1e6).toFixed(0)} MB`).toBeLessThan(40)
    expect(out.engines).toBe(0)
    expect(out.codes).toEqual(['INVALID_ARGUMENT'])
    expect(out.valid).toBe('1. Smith. T.')
  }, 180_000)

  it('holds one engine per style and locale, however many calls fail or the style is registered again', () => {
    formatReference(record, { style: 'vancouver', format: 'text' })
    const before = compiledEngines()
    registerStyle('fails-at-format', style('<text variable="title" text-case="no-such-case"/>'))
    for (let i = 0; i < 10; i++) {
      const e = kapError(() => formatReference(record, { style: 'fails-at-format', format: 'text' }))
      expect(e.code).toBe('INVALID_ARGUMENT')
      expect(e.message).toContain('citeproc could not format with style "fails-at-format"')
    }
    expect(compiledEngines()).toBe(before)
    for (let i = 0; i < 10; i++)
      registerStyle('registered-again', style(`<text value="v${i}"/><text variable="title"/>`))
    expect(formatReference(record, { style: 'registered-again', format: 'text' })).toBe('v9T')
    expect(compiledEngines()).toBe(before + 1)
    // Other styles' engines are untouched by the failures.
    expect(formatReference(record, { style: 'vancouver', format: 'text' })).toBe('1. Smith. T.')
  })
})
