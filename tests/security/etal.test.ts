/**
 * Audit 35/A, findings 1 and 16b: the et-al placeholder cleanup (src/etal.ts) backtracked exponentially over the
 * blanks after a placeholder name (a user title of "Etalplaceholdera" and 60 spaces did not finish in 30 s: every 4
 * more blanks cost ×3–4) and ran on user records too, rewriting a user's word into ", et al.". It now runs only on
 * what citeproc prints for a shipped partial author list, in linear time, and a user record may not hold the
 * reserved placeholder name.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatBibliography, formatCitation, formatReference, toBibTeX } from '../../src/cite/index'
import { cleanEtAl } from '../../src/etal'
import { isCitable, studies } from '../../src/index'
import { kapError } from '../helpers/errors'
import { MAX_RATIO, growth } from './timing'

const book = (title: string) => ({ id: 'x', type: 'book', author: [{ family: 'Smith' }], title })
const partialId = studies.find((s) => s.authorsComplete === false && isCitable(s))!.id

describe('the et-al cleanup is linear and never touches user text', () => {
  it('the audit case: a user title of "Etalplaceholdera" and 60 blanks formats at once, as given', () => {
    formatReference('dore-2019', { style: 'apa', format: 'text' })
    const g = growth(
      (n) => {
        const record = book(`Etalplaceholdera${' '.repeat(n)}x`)
        return () => formatReference(record, { style: 'apa', format: 'text' })
      },
      8,
      64,
      3,
    )
    expect(g.ratio, `${g.small.toFixed(1)} ms → ${g.large.toFixed(1)} ms`).toBeLessThanOrEqual(MAX_RATIO)
    const text = formatReference(book(`Etalplaceholdera${' '.repeat(20)}x`), { style: 'apa', format: 'text' })
    expect(text).toContain('Etalplaceholdera')
    expect(text).not.toContain('et al.')
  }, 60_000)

  it('refuses the reserved placeholder name in a user record, in any field and case (INVALID_RECORD)', () => {
    for (const [field, value] of [
      ['title', `Zzzetalplaceholdera${' \u00a0'.repeat(40)}x`],
      ['container-title', 'zzzetalplaceholderb'],
      ['volume', 'ZZZETALPLACEHOLDERC'],
      ['author', [{ family: 'Zzzetalplaceholdera', given: 'Q' }]],
      ['issued', { 'date-parts': [[2020]], season: 'Zzzetalplaceholdera' }],
    ] as const) {
      const e = kapError(() => formatReference({ ...book('T'), [field]: value }, { style: 'apa', format: 'text' }))
      expect(e.code, field).toBe('INVALID_RECORD')
      expect(e.message).toContain('Zzzetalplaceholder')
      expect(kapError(() => toBibTeX([{ ...book('T'), [field]: value }])).code).toBe('INVALID_RECORD')
    }
  })

  it('a shipped partial author list still prints "et al." beside user records, which print as given', () => {
    const mine = { ...book('A trial, and et al. in Q. form'), author: [{ family: 'Q', given: 'And' }] }
    const bib = formatBibliography([partialId, mine], { style: 'apa', format: 'text' })
    expect(bib).toMatch(/et al\./)
    expect(bib).toContain('A trial, and et al. in Q. form')
    expect(bib).not.toMatch(/etalplaceholder/i)
    const cite = formatCitation([partialId, mine], { style: 'apa', format: 'text' })
    expect(cite).toMatch(/et al\./)
    expect(cite).toContain('Q')
  })

  it('cleanEtAl is linear on blanks, separators and initials around placeholders (8× input ≤ 20× time)', () => {
    const g = growth(
      (n) => {
        const s = `Dakwar, Zzzetalplaceholdera${' \u00a0'.repeat(n)}x${' '.repeat(n)}Zzzetalplaceholderb${', '.repeat(n)}${'Q. '.repeat(n)}Zzzetalplaceholderc`
        return () => cleanEtAl(s)
      },
      4_000,
      32_000,
    )
    expect(g.ratio, `${g.small.toFixed(2)} ms → ${g.large.toFixed(2)} ms`).toBeLessThanOrEqual(MAX_RATIO)
  })

  it('cleanEtAl is linear on any repetition of placeholder-like fragments (property)', () => {
    const piece = fc.constantFrom(
      'Zzzetalplaceholdera',
      'ZZZETALPLACEHOLDERB',
      ' ',
      '\u00a0',
      '&#160;',
      'Q.',
      'Q',
      ',',
      ';',
      ' and ',
      '&#38;',
      'et al.',
      '<i>et al.</i>',
      '<span style="x">',
      'x',
    )
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 8 }), (parts) => {
        const unit = `Zzzetalplaceholdera${parts.join('')}`
        const g = growth(
          (n) => {
            const s = unit.repeat(Math.ceil(n / unit.length))
            return () => cleanEtAl(s)
          },
          4_000,
          32_000,
          3,
        )
        expect(g.ratio, JSON.stringify(unit)).toBeLessThanOrEqual(MAX_RATIO)
        expect(cleanEtAl(unit.repeat(50))).not.toMatch(/etalplaceholder/i)
      }),
      { numRuns: 30 },
    )
  }, 120_000)
})
