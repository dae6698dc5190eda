/**
 * Issue 13, findings 5, 12 and 13: narrative citations are linear in the number of records (they were cubic: 160
 * records 48 s); user records have length limits (a 16,000-word author name took 9 s in citeproc); a formatting call
 * takes at most 1,000 items (10,000 took 28 s, blocking); toJsonLd skips repeated ids before converting them.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { nameHeavyRecords, userRecords } from '../../bench/security-inputs'
import { formatBibliography, formatCitation, formatReference, toBibTeX } from '../../src/cite/index'
import { CALL_LIMITS } from '../../src/cite/format'
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
    // Narrative citations are joined as the precomputed tables join them (and / , and).
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

describe('one call formats a bounded number of name words (audit 35/A finding 6)', () => {
  it('the audit case: 40 records of 21 authors and 21 editors of 500-word names (90 s) are refused at once', () => {
    const records = nameHeavyRecords(40) as never[]
    const e = thrown(() => formatBibliography(records, { style: 'apa', format: 'text' }))
    expect(e.code).toBe('LIMIT_EXCEEDED')
    expect(e.message).toContain('the names of these records hold 1,680,000 words')
    expect(e.hint).toContain('fewer records per call')
    formatReference('dore-2019', { style: 'apa', format: 'text' })
    const one = fastest(() => formatReference('dore-2019', { style: 'apa', format: 'text' }), 3)
    const refused = fastest(() => thrown(() => formatBibliography(records, { style: 'apa', format: 'text' })), 3)
    expect(refused / Math.max(one, 1), `${one.toFixed(1)} ms → ${refused.toFixed(1)} ms`).toBeLessThanOrEqual(MAX_RATIO)
    for (const fn of [
      () => formatCitation(records, { style: 'harvard', format: 'text' }),
      () => formatCitation(records, { style: 'apa', format: 'text', narrative: true }),
    ])
      expect(thrown(fn).code).toBe('LIMIT_EXCEEDED')
  })

  it('a call at the limit takes at most 50× a bibliography of 100 ordinary records (the audit case took 450×)', () => {
    // Just under the limit: 10 records × 3 names × 2 parts × 500 words = 30,000 words, identical across records.
    const hostile = nameHeavyRecords(10, 3).map((r) => ({ ...r, editor: undefined })) as never[]
    const ordinary = userRecords(100)
    formatBibliography(ordinary, { style: 'apa', format: 'text' })
    const base = fastest(() => formatBibliography(ordinary, { style: 'apa', format: 'text' }), 2)
    const worst = fastest(() => formatBibliography(hostile, { style: 'apa', format: 'text' }), 1)
    expect(worst / base, `${base.toFixed(0)} ms → ${worst.toFixed(0)} ms`).toBeLessThanOrEqual(50)
  }, 60_000)

  it('counts the words of every name part of every record (property)', () => {
    const part = fc.array(fc.constantFrom('a', 'Ann', 'de', 'la', 'O’Neil', 'Smith-Jones', 'J.'), {
      minLength: 1,
      maxLength: 400,
    })
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 12 }),
        part,
        part,
        (n, names, family, given) => {
          const words = n * names * (family.length + given.length)
          // Small calls format; large ones are refused before citeproc sees them, so the property stays quick.
          fc.pre(words <= 2_000 || words > CALL_LIMITS.nameWords)
          const records = Array.from({ length: n }, (_, i) => ({
            id: `w${i}`,
            type: 'book',
            title: `T${i}`,
            author: Array.from({ length: names }, () => ({ family: family.join(' '), given: given.join('  ') })),
          }))
          const call = () => formatBibliography(records, { style: 'vancouver', format: 'text' })
          if (words <= CALL_LIMITS.nameWords) expect(call().split('\n')).toHaveLength(n)
          else expect(thrown(call).message).toContain(`hold ${words.toLocaleString('en-US')} words`)
        },
      ),
      { numRuns: 40 },
    )
  }, 60_000)
})
