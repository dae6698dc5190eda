/**
 * Issue 13, findings 5, 12 and 13: narrative citations are linear in the number of records (they were cubic: 160
 * records 48 s); user records have length limits (a 16,000-word author name took 9 s in citeproc); a formatting call
 * takes at most 1,000 items (10,000 took 28 s, blocking); toJsonLd skips repeated ids before converting them.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { userRecords } from '../../bench/security-inputs'
import { formatBibliography, formatCitation, formatReference, toBibTeX } from '../../src/cite/index'
import { MAX_EXPORT_ITEMS, MAX_FORMAT_ITEMS, RECORD_LIMITS } from '../../src/cite/records'
import { isKapLiteratureError, type KapLiteratureError } from '../../src/index'
import { toJsonLd } from '../../src/jsonld/index'
import { MAX_RATIO, fastest, growth } from './timing'
import { kapError } from '../helpers/errors'

const thrown = kapError

describe('narrative formatCitation is linear in records', () => {
  it('8× the records take at most 20× the time', () => {
    formatCitation(userRecords(2), { style: 'apa', format: 'text', narrative: true })
    const g = growth(
      (n) => {
        const records = userRecords(n)
        return () => formatCitation(records, { style: 'apa', format: 'text', narrative: true })
      },
      20,
      160,
      3,
    )
    expect(g.ratio, `${g.small.toFixed(0)} ms → ${g.large.toFixed(0)} ms`).toBeLessThanOrEqual(MAX_RATIO)
  }, 300_000)

  it('disambiguates as a citation of the whole list does', () => {
    const a = {
      id: 'smith-a',
      type: 'article-journal',
      title: 'A',
      author: [{ family: 'Smith', given: 'Ann' }],
      issued: { 'date-parts': [[2019]] },
    }
    const b = {
      id: 'smith-b',
      type: 'article-journal',
      title: 'B',
      author: [{ family: 'Smith', given: 'Bob' }],
      issued: { 'date-parts': [[2019]] },
    }
    expect(formatCitation([a, b], { style: 'apa', format: 'text' })).toBe('(A. Smith, 2019; B. Smith, 2019)')
    expect(formatCitation([a, b], { style: 'apa', format: 'text', narrative: true })).toBe(
      'A. Smith (2019) and B. Smith (2019)',
    )
  })
})

describe('user record limits', () => {
  const base = { type: 'article-journal', title: 'T', issued: { 'date-parts': [[2020]] } }

  it('refuses the 16,000-word author name of the report at once, with LIMIT_EXCEEDED naming the field', () => {
    const name = Array.from({ length: 16_000 }, (_, i) => `w${i % 50}`).join(' ')
    const e = thrown(() =>
      formatReference(
        { ...base, id: 'long', author: [{ family: name, given: 'A' }] },
        { style: 'apa', format: 'text' },
      ),
    )
    expect(e.code).toBe('LIMIT_EXCEEDED')
    expect(e.message).toContain('author[0].family is longer than 1,000 characters')
  })

  it('formats a name part at the limit, and refuses one character more (property over fields)', () => {
    const at = 'a'.repeat(RECORD_LIMITS.namePart)
    expect(
      formatReference({ ...base, id: 'at', author: [{ family: at }] }, { style: 'apa', format: 'text' }),
    ).toContain(at)
    fc.assert(
      fc.property(
        fc.constantFrom('title', 'container-title', 'publisher', 'URL', 'DOI', 'volume', 'page'),
        fc.integer({ min: 1, max: 1000 }),
        (field, extra) => {
          const e = thrown(() =>
            formatReference(
              { ...base, id: 'x', author: [{ family: 'S' }], [field]: 'x'.repeat(RECORD_LIMITS.text + extra) },
              { style: 'apa', format: 'text' },
            ),
          )
          expect(e.code).toBe('LIMIT_EXCEEDED')
          expect(e.message).toContain(`${field} is longer than`)
        },
      ),
      { numRuns: 25 },
    )
  })

  it('refuses more than 1,000 names in one variable', () => {
    const author = Array.from({ length: RECORD_LIMITS.names + 1 }, (_, i) => ({ family: `F${i}` }))
    expect(thrown(() => formatReference({ ...base, id: 'many', author }, { style: 'apa', format: 'text' })).code).toBe(
      'LIMIT_EXCEEDED',
    )
  })

  it(`a formatting call takes at most ${MAX_FORMAT_ITEMS} items, an export ${MAX_EXPORT_ITEMS}`, () => {
    const e = thrown(() => formatBibliography(userRecords(MAX_FORMAT_ITEMS + 1), { style: 'apa', format: 'text' }))
    expect(e.code).toBe('LIMIT_EXCEEDED')
    expect(e.hint).toContain('Worker')
    expect(
      thrown(() => formatCitation(userRecords(MAX_FORMAT_ITEMS + 1), { style: 'apa', format: 'text', narrative: true }))
        .code,
    ).toBe('LIMIT_EXCEEDED')
    expect(thrown(() => toBibTeX(Array.from({ length: MAX_EXPORT_ITEMS + 1 }, () => 'dore-2019'))).code).toBe(
      'LIMIT_EXCEEDED',
    )
    expect(toBibTeX(userRecords(MAX_FORMAT_ITEMS + 1))).toContain('@article{u1000,')
  }, 60_000)
})

describe('toJsonLd skips repeated ids before converting', () => {
  it('200,000 copies of one id cost far less than converting each (under 200× one conversion)', () => {
    const copies = Array.from({ length: 200_000 }, () => 'dore-2019')
    const one = fastest(() => toJsonLd(['dore-2019']), 5)
    const many = fastest(() => toJsonLd(copies as never), 3)
    expect(many / Math.max(one, 1), `${one.toFixed(2)} ms → ${many.toFixed(1)} ms`).toBeLessThan(200)
    expect(toJsonLd(copies as never)['@graph']).toEqual(toJsonLd(['dore-2019'])['@graph'])
  })
  it('still names a bad id at its position after duplicates', () => {
    expect(thrown(() => toJsonLd(['dore-2019', 'dore-2019', 42] as never)).message).toContain('ids[2]')
  })
})
