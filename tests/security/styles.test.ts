/**
 * Issue 13, findings 4 and 11: registering a hostile CSL style is linear in its size and refused with a typed error
 * past the limits (size, macro recursion, macro expansion); loadSystemStyle never echoes a file's contents and never
 * resolves a name through Object.prototype. Before the fix the `<!--` strip took 13 s on 320 KB, the
 * independent-parent pattern 28 s on 480 KB, and a 1.5 KB style of 20 doubling macros 33 s at first use.
 */
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { macroBomb, styles } from '../../bench/security-inputs'
import { formatCitation, loadSystemStyle, registerStyle } from '../../src/cite/index'
import { MAX_MACRO_EXPANSIONS, MAX_STYLE_CHARS } from '../../src/cite/styles'
import { isKapLiteratureError, type KapLiteratureError } from '../../src/index'
import { MAX_RATIO, growth } from './timing'
import { kapError } from '../helpers/errors'

const NS = 'http://purl.org/net/xbiblio/csl'
let n = 0
const fresh = () => `hostile-${++n}`

const thrown = kapError

/** A valid style whose citation calls `count` macros once each, padded with comments: large but harmless. */
function wideStyle(count: number): string {
  const macros = Array.from(
    { length: count },
    (_, i) => `<!-- macro ${i} --><macro name="m${i}"><text variable="title"/></macro>`,
  ).join('')
  const calls = Array.from({ length: count }, (_, i) => `<text macro="m${i}"/>`).join('')
  return (
    `<style xmlns="${NS}" class="in-text" ` +
    `version="1.0"><info><title>w</title><id>w</id><updated>2020-01-01T00:00:00+00:00</updated></info>${macros}` +
    `<citation><layout><group delimiter=" ">${calls}</group></layout></citation></style>`
  )
}

describe('registerStyle is linear in the style', () => {
  for (const [name, make] of Object.entries(styles)) {
    // Macro chains are refused by count (below); a valid style's compile time is citeproc's own, which grows faster
    // than linearly, and is bounded by the size limit instead (bench/README.md has the figures).
    if (name.startsWith('macros') || name.startsWith('valid')) continue
    it(`${name}: 8× the size takes at most 20× the time`, () => {
      const g = growth(
        (size) => {
          const xml = make(size)
          return () => {
            try {
              registerStyle(fresh(), xml)
            } catch (e) {
              if (!isKapLiteratureError(e)) throw e
            }
          }
        },
        40,
        320,
        3,
      )
      expect(g.ratio, `${g.small.toFixed(1)} ms → ${g.large.toFixed(1)} ms`).toBeLessThanOrEqual(MAX_RATIO)
    }, 120_000)
  }

  it('any mix of CSL-like fragments registers or fails with a KapLiteratureError, in linear time (property)', () => {
    const piece = fc.constantFrom(
      '<!--',
      '-->',
      '<link ',
      'rel="independent-parent"',
      'href="x/y"',
      '>',
      '<',
      '/>',
      `<style xmlns="${NS}">`,
      '</style>',
      '<citation>',
      '<layout>',
      '<macro name="a">',
      '</macro>',
      '<text macro="a"/>',
      '<?xml',
      '?>',
      '"',
      ' ',
    )
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 10 }), (parts) => {
        const unit = parts.join('')
        const make = (size: number) =>
          `<style xmlns="${NS}">${unit.repeat(Math.ceil(size / unit.length)).slice(0, size)}</style>`
        const g = growth(
          (size) => {
            const xml = make(size)
            return () => {
              try {
                registerStyle(fresh(), xml)
              } catch (e) {
                if (!isKapLiteratureError(e)) throw e
              }
            }
          },
          16_000,
          128_000,
          3,
        )
        expect(g.ratio, JSON.stringify(unit)).toBeLessThanOrEqual(MAX_RATIO)
      }),
      { numRuns: 12 },
    )
  }, 300_000)
})

describe('registerStyle limits', () => {
  it(`refuses a style larger than ${MAX_STYLE_CHARS.toLocaleString('en-US')} characters with LIMIT_EXCEEDED`, () => {
    const e = thrown(() => registerStyle(fresh(), `<style xmlns="${NS}">${' '.repeat(MAX_STYLE_CHARS)}</style>`))
    expect(e.code).toBe('LIMIT_EXCEEDED')
    expect(e.value).toBe(`${MAX_STYLE_CHARS + 24 + NS.length} characters`)
  })

  it('refuses macros that expand beyond the limit, at registration (LIMIT_EXCEEDED)', () => {
    const e = thrown(() => registerStyle(fresh(), macroBomb(20)))
    expect(e.code).toBe('LIMIT_EXCEEDED')
    expect(e.message).toContain(`expand to more than ${MAX_MACRO_EXPANSIONS.toLocaleString('en-US')}`)
    // A smaller chain of the same shape is fine, and formats.
    const ok = fresh()
    registerStyle(ok, macroBomb(6))
    expect(formatCitation(['dore-2019'], { style: ok, format: 'text' })).toContain('Ketamine')
  })

  it('refuses a macro that calls itself, directly or through others (INVALID_ARGUMENT)', () => {
    const loop =
      `<style xmlns="${NS}" version="1.0"><macro name="a"><text macro="b"/></macro><macro name="b"><text ` +
      `macro="a"/></macro><citation><layout><text macro="a"/></layout></citation></style>`
    const e = thrown(() => registerStyle(fresh(), loop))
    expect(e.code).toBe('INVALID_ARGUMENT')
    expect(e.message).toContain('macro "a" calls itself (through a → b → a)')
  })

  it('accepts a wide style: 2,000 macros called once each', () => {
    const name = fresh()
    registerStyle(name, wideStyle(2000))
    expect(formatCitation(['dore-2019'], { style: name, format: 'text' })).toContain('Ketamine')
  }, 60_000)
})

describe('loadSystemStyle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kap-styles-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('puts the path, never the file contents, in error.value', () => {
    const secret = join(dir, 'secret.txt')
    writeFileSync(secret, 'root:x:0:0:root:/root:/bin/bash\n')
    symlinkSync(secret, join(dir, 'passwd.csl'))
    const e = thrown(() => loadSystemStyle('passwd', { directory: dir }))
    expect(e.code).toBe('INVALID_ARGUMENT')
    expect(e.value).toBe(join(dir, 'passwd.csl'))
    expect(`${e.message} ${String(e.hint)}`).not.toContain('root:x')
  })

  it('stops reading a device at the size limit', () => {
    symlinkSync('/dev/zero', join(dir, 'zero.csl'))
    const e = thrown(() => loadSystemStyle('zero', { directory: dir }))
    expect(e.code).toBe('LIMIT_EXCEEDED')
    expect(e.value).toBe(join(dir, 'zero.csl'))
  })

  it('never resolves a name through Object.prototype', () => {
    for (const name of ['constructor', 'tostring', 'hasownproperty', 'valueof']) {
      const e = thrown(() => loadSystemStyle(name, { directory: dir }))
      expect(e.code).toBe('UNKNOWN_STYLE')
      expect(e.message).toContain(`${name}.csl`)
    }
  })
})
