/**
 * Audit 35 (A), findings 4, 5 and 14: the BibTeX, BibLaTeX and RIS exports are linear in the input. A record of
 * blanks within the record limits took 13–20 s (quadratic whitespace patterns: RIS's line-break flattening, BibTeX's
 * trailing-blank trim and month rewrite), and 10,000 records took 18.7 s in BibTeX (each record's entry was searched
 * for from the start of the whole output, three times). No export writes "undefined" for a date it cannot print.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toBibLaTeX, toBibTeX, toRIS, type CiteRecord } from '../../src/cite/index'
import { MAX_RATIO, growth } from './timing'

const base = { type: 'article-journal', title: 'T', author: [{ family: 'S' }] }

describe('exports are linear in runs of blanks (finding 4)', () => {
  const blanks: readonly [string, (n: number) => string][] = [
    ['newlines', (n) => `${'\n'.repeat(n)}x`],
    ['spaces', (n) => `${' '.repeat(n)}x`],
    ['spaces then a newline', (n) => `${' '.repeat(n)}\nx`],
    ['blank lines of spaces', (n) => `${' \n'.repeat(n / 2)}x`],
  ]
  for (const [fn, name] of [
    [toRIS, 'toRIS'],
    [toBibTeX, 'toBibTeX'],
    [toBibLaTeX, 'toBibLaTeX'],
  ] as const) {
    it(`${name}: 8× the blanks in the long fields take at most ${MAX_RATIO}× the time`, () => {
      for (const [label, text] of blanks) {
        const g = growth(
          (n) => {
            const long = text(n)
            const record = { ...base, id: 'w1', abstract: long, note: long, annote: long, references: long }
            return () => fn([record as CiteRecord])
          },
          10_000,
          80_000,
          3,
        )
        expect(g.ratio, `${label}: ${g.small.toFixed(1)} ms → ${g.large.toFixed(1)} ms`).toBeLessThanOrEqual(MAX_RATIO)
      }
    }, 120_000)
  }

  it("the audit's record of four 99,999-blank fields is exported in RIS, BibTeX and BibLaTeX", () => {
    const sp = `${' '.repeat(99_999)}x`
    const nl = `${'\n'.repeat(99_999)}x`
    const ris = toRIS([{ ...base, id: 'r1', abstract: sp, note: sp, annote: sp, references: sp } as CiteRecord])
    expect(ris.startsWith('TY  - JOUR\n')).toBe(true)
    expect(toBibTeX([{ ...base, id: 'w1', note: nl } as CiteRecord])).toMatch(/^@article\{w1,\n/)
    expect(toBibLaTeX([{ ...base, id: 'w1', note: nl } as CiteRecord])).toMatch(/^@article\{w1,\n/)
  })

  it('RIS writes each run of blanks holding a line break as one space, and leaves other runs as they are (property)', () => {
    // The pattern the linear code replaced, as the reference for what the output should be.
    const reference = (s: string) => s.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ')
    const piece = fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', '\u2028', '\u2029', '\u00a0', 'a', 'bc')
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), (parts) => {
        const note = `n${parts.join('')}z`
        const ris = toRIS([{ ...base, id: 'p1', note } as CiteRecord])
        const n1 = ris.split('\n').find((l) => l.startsWith('N1  - '))
        expect(n1).toBe(`N1  - ${reference(note)}`)
      }),
      { numRuns: 200 },
    )
  })
})

describe('BibTeX and BibLaTeX are linear in the number of records (finding 5)', () => {
  /** `n` records as in the audit: a journal article, or (every third) a web page with a URL, or a preprint. */
  const recordsOf = (n: number): CiteRecord[] =>
    Array.from({ length: n }, (_, i) => {
      const r = {
        id: `r${i}`,
        type: 'article-journal',
        title: `Title ${'t'.repeat(100)}`,
        author: [{ family: 'Smith', given: 'Ana' }],
      }
      if (i % 3 === 1)
        return { ...r, type: 'webpage', URL: `https://example.org/${i}`, issued: { 'date-parts': [[2020, 4]] } }
      if (i % 3 === 2) return { ...r, type: 'article', publisher: 'medRxiv', issued: { 'date-parts': [[2021]] } }
      return { ...r, issued: { 'date-parts': [[2020]] } }
    }) as CiteRecord[]

  for (const [fn, name] of [
    [toBibTeX, 'toBibTeX'],
    [toBibLaTeX, 'toBibLaTeX'],
  ] as const) {
    it(`${name}: 8× the records take at most ${MAX_RATIO}× the time`, () => {
      const g = growth(
        (n) => {
          const records = recordsOf(n)
          return () => fn(records)
        },
        250,
        2_000,
        3,
      )
      expect(g.ratio, `${g.small.toFixed(1)} ms → ${g.large.toFixed(1)} ms`).toBeLessThanOrEqual(MAX_RATIO)
    }, 120_000)
  }

  it('keeps each record in its own entry, in order, with its edits (URL once, preprint as @misc)', () => {
    const bib = toBibTeX(recordsOf(6))
    const entries = bib.split('\n}\n').filter((e) => e !== '')
    expect(entries.map((e) => /^@(\w+)\{([^,]+),/.exec(e)!.slice(1).join(' '))).toEqual([
      'article r0',
      'misc r1',
      'misc r2',
      'article r3',
      'misc r4',
      'misc r5',
    ])
    expect(entries[1]).toContain('\turl = {https://example.org/1}')
    expect(entries[1]).not.toContain('howpublished = {https')
    expect(entries[2]).toContain('\thowpublished = {medRxiv},')
    expect(entries[1]).toContain('\tmonth = apr,')
  })
})

describe('exports never write "undefined" (finding 14)', () => {
  const webpage = { ...base, type: 'webpage', URL: 'https://e.com' }

  it("the audit's case: an accessed date given as a literal is refused, never written as undefined", () => {
    const record = { ...webpage, id: 'a', accessed: { literal: 'yesterday' } } as CiteRecord
    for (const fn of [toBibTeX, toBibLaTeX, toRIS]) {
      let error: unknown
      try {
        fn([record])
      } catch (e) {
        error = e
      }
      // A free-text date has no field in these formats: the record checks refuse it, with a hint to use date-parts.
      expect((error as { code?: string }).code).toBe('INVALID_RECORD')
    }
    const dated = { ...webpage, id: 'b', accessed: { 'date-parts': [[2020, 3, 4]] } } as CiteRecord
    expect(toBibTeX([dated])).toContain('note = {[Online; accessed 2020-03-04]}')
    expect(toBibLaTeX([dated])).toContain('urldate = {2020-03-04}')
  })

  it('a date is written from its date-parts or refused, in every date variable and format (property)', () => {
    const variables = ['accessed', 'available-date', 'event-date', 'issued', 'original-date', 'submitted']
    const date = fc.oneof(
      fc.record({ literal: fc.constantFrom('Spring 2020', 'yesterday', 'n.d.') }),
      fc.record({ raw: fc.constantFrom('2020-05', 'garbage', '2020/2021') }),
      fc.record({ 'date-parts': fc.constant([[2020, 5, 17]]) }),
      fc.record({ 'date-parts': fc.constant([[1999]]) }),
    )
    fc.assert(
      fc.property(
        fc.constantFrom('webpage', 'article-journal', 'book', 'article', 'report'),
        fc.dictionary(fc.constantFrom(...variables), date, { minKeys: 1 }),
        (type, dates) => {
          const record = { ...webpage, id: 'd1', type, ...dates } as CiteRecord
          for (const fn of [toBibTeX, toBibLaTeX, toRIS]) {
            let out = ''
            try {
              out = fn([record])
            } catch (e) {
              expect((e as { code?: string }).code).toBe('INVALID_RECORD')
              continue
            }
            expect(out).not.toMatch(/undefined|NaN|\[object/)
            expect(out).not.toMatch(/Spring|yesterday|n\.d\.|garbage|2020\/2021/)
          }
        },
      ),
      { numRuns: 150 },
    )
  })
})
