import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { KapLiteratureError } from '../../src/index'
import { formatBibliography, formatReference, toBibTeX, toCSLJSON, toRIS } from '../../src/cite/index'
import { bareDoi } from '../../src/doi'
import { doiHref, urlHref, validateRecord } from '../../src/cite/records'

const base = {
  id: 'mine-1',
  type: 'article-journal',
  title: 'T',
  author: [{ family: 'Smith', given: 'Ana' }],
  issued: { 'date-parts': [[2020]] },
}

function invalid(record: unknown): KapLiteratureError {
  try {
    validateRecord(record)
  } catch (e) {
    if (e instanceof KapLiteratureError) return e
    throw e
  }
  throw new Error('expected INVALID_RECORD')
}

describe('user record validation', () => {
  it('accepts a valid record and returns a frozen copy with the same keys in order', () => {
    const clean = validateRecord({ ...base, volume: 3, page: '1-9', PMID: '123', custom: { a: 1 }, categories: ['x'] })
    expect(Object.keys(clean)).toEqual([
      'id',
      'type',
      'title',
      'author',
      'issued',
      'volume',
      'page',
      'PMID',
      'custom',
      'categories',
    ])
    expect(Object.isFrozen(clean)).toBe(true)
    expect(clean.author).not.toBe(base.author)
  })

  it.each([
    [null, 'value', 'plain CSL-JSON object'],
    [[base], 'value', 'plain CSL-JSON object'],
    [new Date(), 'value', 'plain CSL-JSON object'],
    [{ ...base, id: 7 }, 'id', 'must be a string'],
    [{ ...base, id: 'has space' }, 'id', 'letters, digits'],
    [{ ...base, id: 'a,b' }, 'id', 'letters, digits'],
    [{ ...base, id: '' }, 'id', 'letters, digits'],
    [{ ...base, id: 'müller-2020' }, 'id', 'ASCII letters, digits'],
    [{ ...base, id: 'dore-2019' }, 'id', 'shipped record'],
    [{ ...base, type: 'journal-article' }, 'type', 'CSL item type'],
    [{ ...base, type: undefined }, 'type', 'CSL item type'],
    [{ ...base, title: 5 }, 'title', 'must be a string'],
    [{ ...base, 'container-title': ['J'] }, 'container-title', 'must be a string'],
    [{ ...base, volume: {} }, 'volume', 'string or a number'],
    [{ ...base, page: Number.NaN }, 'page', 'whole number'],
    [{ ...base, author: 'Smith, Ana' }, 'author', 'array of names'],
    [{ ...base, author: ['Smith'] }, 'author[0]', 'name object'],
    [{ ...base, author: [{ family: 1 }] }, 'author[0].family', 'must be a string'],
    [{ ...base, author: [{ given: 'Ana' }] }, 'author[0]', 'family name'],
    [{ ...base, author: [{ family: 'A', name: 'x' }] }, 'author[0].name', 'not a CSL name part'],
    [{ ...base, editor: [{ literal: 2 }] }, 'editor[0].literal', 'must be a string'],
    [{ ...base, issued: '2020' }, 'issued', 'date object'],
    [{ ...base, issued: { 'date-parts': [['2020']] } }, 'issued.date-parts[0][0]', 'must be an integer'],
    [{ ...base, issued: { 'date-parts': [[2020.5]] } }, 'issued.date-parts[0][0]', 'must be an integer'],
    [{ ...base, issued: { 'date-parts': [[2020, 17]] } }, 'issued.date-parts[0][1]', 'from 1 to 12'],
    [{ ...base, issued: { 'date-parts': [] } }, 'issued.date-parts', 'must hold one'],
    [{ ...base, issued: { 'date-parts': [[2020, 1, 2, 3]] } }, 'issued.date-parts[0]', 'must be [year]'],
    [{ ...base, issued: { year: 2020 } }, 'issued.year', 'not a CSL date key'],
    [{ ...base, issued: {} }, 'issued', "needs 'date-parts'"],
    [{ ...base, DOI: 10.1 }, 'DOI', 'must be a string'],
    [{ ...base, URL: new URL('https://example.org') }, 'URL', 'must be a string'],
    [{ ...base, journal: 'J' }, 'journal', 'not a CSL-JSON variable'],
    [{ ...base, _graph: [] }, '_graph', 'not a CSL-JSON variable'],
    [{ ...base, categories: [1] }, 'categories', 'array of strings'],
    [{ ...base, custom: [] }, 'custom', 'plain object'],
  ])('rejects %j naming %s', (record, field, problem) => {
    const e = invalid(record)
    expect(e.code).toBe('INVALID_RECORD')
    expect(e.message).toContain(field)
    expect(e.message).toContain(problem)
  })

  it('hints at the shipped id when a user record reuses one', () => {
    expect(invalid({ ...base, id: 'dore-2019' }).hint).toContain("pass the id 'dore-2019'")
  })

  it('rejects two different records with one id in a list, and lists an identical one once', () => {
    expect(() => formatBibliography([base, { ...base, title: 'Other' }], { style: 'apa', format: 'text' })).toThrow(
      /used by two different records/,
    )
    expect(formatBibliography([base, { ...base }], { style: 'apa', format: 'text' })).toBe('Smith, A. (2020). T.')
  })

  it('validation errors surface from every public function', () => {
    const bad = { ...base, title: 1 }
    for (const fn of [
      () => formatReference(bad as never, { style: 'apa', format: 'text' }),
      () => toCSLJSON([bad as never]),
    ]) {
      expect(fn).toThrow(KapLiteratureError)
    }
  })

  it('never throws anything but KapLiteratureError on arbitrary objects (property)', () => {
    fc.assert(
      fc.property(
        fc.object({ maxDepth: 2 }),
        fc.constantFrom('article-journal', 'book', 'webpage', 'nonsense'),
        (obj, type) => {
          const record = { ...obj, id: 'prop-1', type }
          try {
            formatReference(record as never, { style: 'apa', format: 'html' })
          } catch (e) {
            expect(e).toBeInstanceOf(KapLiteratureError)
          }
        },
      ),
      { numRuns: 100 },
    )
  })
})

describe('DOIs in user records', () => {
  const record = (DOI: string) => ({ ...base, id: 'x-1', DOI })

  it.each([
    ['https://doi.org/10.1/abc', '10.1/abc'],
    ['http://dx.doi.org/10.1/abc', '10.1/abc'],
    ['doi.org/10.1/abc', '10.1/abc'],
    ['doi:10.1/abc', '10.1/abc'],
    ['DOI: 10.1/abc', '10.1/abc'],
    ['  10.1/abc  ', '10.1/abc'],
    ['https://doi.org/10.1056/NEJMoa2302399', '10.1056/NEJMoa2302399'],
    ['https://doi.org/10.1000/a%2Fb%3C1%3E', '10.1000/a/b<1>'],
    ['10.5555/a%2Fb', '10.5555/a%2Fb'],
    ['10.1000.10/x"y', '10.1000.10/x"y'],
  ])('keeps %j as the bare DOI %j, its case unchanged', (written, bare) => {
    expect(bareDoi(written)).toBe(bare)
    expect(validateRecord(record(written)).DOI).toBe(bare)
  })

  it('prints a DOI written as a doi.org address or with doi: once, in every built-in style', () => {
    for (const written of ['https://doi.org/10.1/abc', 'doi:10.1/abc']) {
      const apa = formatBibliography([record(written)], { style: 'apa', format: 'text' })
      expect(apa).toBe('Smith, A. (2020). T. https://doi.org/10.1/abc')
      expect(formatBibliography([record(written)], { style: 'vancouver', format: 'text' })).toBe(
        '1. Smith A. T. 2020. doi:10.1/abc',
      )
      expect(formatBibliography([record(written)], { style: 'harvard', format: 'text' })).toBe(
        'Smith, A. (2020) \u2018T\u2019. Available at: https://doi.org/10.1/abc.',
      )
    }
  })

  it('links a DOI written as an address, and exports it bare', () => {
    const mine = record('https://doi.org/10.1056/NEJMoa2302399')
    expect(formatReference(mine, { style: 'apa', format: 'html' })).toContain(
      '<a class="kap-ref-doi" href="https://doi.org/10.1056/NEJMoa2302399">https://doi.org/10.1056/NEJMoa2302399</a>',
    )
    expect((JSON.parse(toCSLJSON([mine])) as { DOI: string }[])[0]!.DOI).toBe('10.1056/NEJMoa2302399')
    expect(toBibTeX([mine])).toContain('\tdoi = {10.1056/NEJMoa2302399},')
    expect(toRIS([mine])).toContain('DO  - 10.1056/NEJMoa2302399\n')
  })

  it.each([
    ['not a doi', 'write the DOI as 10.<registrant>/<suffix>'],
    ['10.1/a b', 'write the DOI as 10.<registrant>/<suffix>'],
    ['10.abc/x', 'write the DOI as 10.<registrant>/<suffix>'],
    ['10.1234', 'write the DOI as 10.<registrant>/<suffix>'],
    ['https://doi.org/', 'a web address goes in URL'],
    ['https://doi.org/10.1/%E0%A4%A', 'a web address goes in URL'],
    ['https://example.org/paper', 'a web address goes in URL'],
    ['www.example.org/paper', 'a web address goes in URL'],
    ['', 'leave DOI out when the record has none'],
    ['   ', 'leave DOI out when the record has none'],
  ])('refuses %j with a typed error, the value and a hint', (written, hint) => {
    const e = invalid(record(written))
    expect([e.code, e.message, e.value]).toEqual([
      'INVALID_RECORD',
      `kap-literature: record "x-1": DOI is not a DOI: ${JSON.stringify(written)}`,
      written,
    ])
    expect(e.hint).toContain(hint)
    expect(bareDoi(written)).toBeUndefined()
    expect(() => formatBibliography([record(written)], { style: 'apa', format: 'text' })).toThrow('DOI is not a DOI')
    expect(() => toBibTeX([record(written)])).toThrow('DOI is not a DOI')
  })

  it('bareDoi takes only strings of at most 2,048 characters', () => {
    expect(bareDoi(5 as never)).toBeUndefined()
    expect(bareDoi(`10.1/${'a'.repeat(2043)}`)).toBe(`10.1/${'a'.repeat(2043)}`)
    expect(bareDoi(`10.1/${'a'.repeat(2044)}`)).toBeUndefined()
  })
})

describe('links', () => {
  it('builds doi.org links only for DOIs matching the pattern', () => {
    expect(doiHref('10.1080/02791072.2019.1587556')).toBe('https://doi.org/10.1080/02791072.2019.1587556')
    expect(doiHref('10.1000/a#b?c%d')).toBe('https://doi.org/10.1000/a%23b%3Fc%25d')
    for (const bad of [
      'https://doi.org/10.1080/x',
      'doi:10.1080/x',
      '10.12/x',
      '10.1080/a b',
      '10.1080/a"b',
      '10.1080/<x>',
      '',
      5,
    ])
      expect(doiHref(bad)).toBeUndefined()
  })

  it('links only http(s) URLs without quotes, spaces or angle brackets', () => {
    expect(urlHref('https://example.org/a(b)')).toBe('https://example.org/a(b)')
    expect(urlHref('http://example.org')).toBe('http://example.org')
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,x',
      'ftp://x.org',
      '//example.org',
      'https://exa mple.org',
      'https://x.org/"',
      'https://',
      7,
    ])
      expect(urlHref(bad)).toBeUndefined()
  })
})

describe('names and ids citeproc cannot process', () => {
  it.each(['valueOf', 'constructor', 'toString', 'hasOwnProperty', 'valueOf.', 'valueOf '])(
    'refuses the name part %j up front',
    (name) => {
      for (const part of ['family', 'given', 'literal']) {
        const e = invalid({ ...base, author: [{ family: 'Smith', [part]: name }] })
        expect(e.code).toBe('INVALID_RECORD')
        expect(e.message).toContain('citeproc cannot process')
      }
    },
  )

  it('refuses such an id, but accepts names that merely contain the words', () => {
    expect(invalid({ ...base, id: 'constructor' }).message).toContain('citeproc cannot process')
    expect(
      formatReference(
        { ...base, author: [{ family: 'Anne valueOf', given: 'Constructor' }] },
        { style: 'apa', format: 'text' },
      ),
    ).toBe('Anne valueOf, C. (2020). T.')
  })
})
