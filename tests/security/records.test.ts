/**
 * Audit 35/A, findings 7, 8, 13, 14, 15 and 16: what the record validator lets through. Values read twice (a getter
 * validated with one value and used with another: RIS and BibTeX injection, a user record under a shipped id),
 * values citeproc crashes on or silently changes (negative, fractional and huge numbers; date ranges of two forms or
 * running backwards; year 0, February 31), records only a name the styles do not print identifies ("(N.d.)."), dates
 * as free text and control characters the exports lose, and URLs citeproc leaves unescaped.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  formatBibliography,
  formatCitation,
  formatReference,
  toBibLaTeX,
  toBibTeX,
  toCSLJSON,
  toRIS,
} from '../../src/cite/index'
import { kapError } from '../helpers/errors'

const STYLES = ['apa', 'vancouver', 'harvard'] as const
const base = {
  type: 'article-journal',
  title: 'T',
  author: [{ family: 'Smith' }],
  'container-title': 'J',
  issued: { 'date-parts': [[2020]] },
}
const ref = (extra: Record<string, unknown>, style: string = 'apa', format: 'text' | 'html' = 'text') =>
  formatReference({ ...base, id: 'a', ...extra }, { style, format })
/** The typed error of formatting a record with `extra` (and of exporting it), which must name `field`. */
function refused(extra: Record<string, unknown>, field: string, code = 'INVALID_RECORD') {
  const e = kapError(() => ref(extra))
  expect(e.code, JSON.stringify(extra)).toBe(code)
  expect(e.message).toContain(field)
  expect(kapError(() => toCSLJSON([{ ...base, id: 'a', ...extra }])).code).toBe(code)
  return e
}

describe('each value of a user record is read once (finding 7)', () => {
  /** A record whose `key` is a getter returning `first` on its first read and `later` after; counts its reads. */
  function twoFaced(key: string, first: unknown, later: unknown) {
    const reads = { n: 0 }
    const record = Object.defineProperty({ ...base } as typeof base & { id: string }, key, {
      enumerable: true,
      get: () => (++reads.n === 1 ? first : later),
    })
    return { record, reads }
  }

  it('the audit case: an id validated as "smith-2024" cannot inject RIS lines, BibTeX fields or a shipped id', () => {
    const ris = twoFaced('id', 'smith-2024', 'x\nUR  - javascript:alert(1)\nER  - ')
    const out = toRIS([ris.record])
    expect(out).toContain('ID  - smith-2024')
    expect(out).not.toContain('javascript')
    expect(ris.reads.n).toBe(1)
    const bib = twoFaced('id', 'smith-2024', 'x,\n\tnote = {injected}')
    expect(toBibTeX([bib.record])).not.toContain('injected')
    const shipped = twoFaced('id', 'smith-2024', 'dore-2019')
    expect(formatReference(shipped.record, { style: 'apa', format: 'html' })).toContain('data-kap-id="smith-2024"')
  })

  it('a name part read once: a getter cannot pass the length limit with one value and format another', () => {
    let n = 0
    const name = Object.defineProperty({}, 'family', {
      enumerable: true,
      get: () => (++n <= 1 ? 'Smith' : 'x'.repeat(100_889)),
    })
    expect(ref({ author: [name] })).toBe('Smith. (2020). T. J.')
    expect(n).toBe(1)
  })

  it('every value of a record of getters is read exactly once, and the output is that of the values read (property)', () => {
    const value = fc.constantFrom<[string, unknown]>(
      ['title', 'A title'],
      ['container-title', 'A journal'],
      ['volume', '12'],
      ['page', 7],
      ['URL', 'https://example.org/a'],
      ['DOI', '10.1234/abc'],
      ['issued', { 'date-parts': [[2019, 3]] }],
      ['editor', [{ family: 'Jones', given: 'B' }]],
      ['publisher', 'P'],
    )
    fc.assert(
      fc.property(
        fc.uniqueArray(value, { selector: (v) => v[0], minLength: 1 }),
        fc.constantFrom(...STYLES),
        (pairs, style) => {
          const reads = new Map<string, number>()
          const plain: Record<string, unknown> = { id: 'g1', type: 'article-journal', author: [{ family: 'Smith' }] }
          const getters: Record<string, unknown> = { ...plain }
          for (const [key, v] of pairs) {
            plain[key] = v
            Object.defineProperty(getters, key, {
              enumerable: true,
              get: () => {
                reads.set(key, (reads.get(key) ?? 0) + 1)
                return reads.get(key) === 1 ? v : 'later <b>value</b>'
              },
            })
          }
          const options = { style, format: 'html' } as const
          expect(formatReference(getters as never, options)).toBe(formatReference(plain as never, options))
          expect([...reads.values()].every((n) => n === 1)).toBe(true)
        },
      ),
      { numRuns: 40 },
    )
  })

  it('a record, name, date or list that cannot be read is a typed error, never a raw TypeError', () => {
    const revoked = () => {
      const p = Proxy.revocable({}, {})
      p.revoke()
      return p.proxy
    }
    const throwing = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new TypeError('trap')
        },
      },
    )
    const getterThrows = Object.defineProperty({ ...base, id: 'g' }, 'title', {
      enumerable: true,
      get: () => {
        throw new RangeError('getter')
      },
    })
    for (const record of [
      revoked(),
      throwing,
      getterThrows,
      { ...base, id: 'a', author: revoked() },
      { ...base, id: 'a', author: [revoked()] },
      { ...base, id: 'a', issued: revoked() },
      { ...base, id: 'a', issued: { 'date-parts': [revoked()] } },
      { ...base, id: 'a', title: () => 'T' },
      { ...base, id: 'a', custom: throwing },
    ]) {
      for (const fn of [
        () => formatReference(record as never, { style: 'apa', format: 'text' }),
        () => toRIS([record as never]),
      ])
        // A record that is itself a revoked proxy is refused as an argument (isList) before it is read as a record.
        expect(['INVALID_RECORD', 'INVALID_ARGUMENT']).toContain(kapError(fn).code)
    }
    for (const list of [
      revoked(),
      new Proxy([], {
        get: () => {
          throw new Error('list')
        },
      }),
    ]) {
      expect(kapError(() => formatBibliography(list as never, { style: 'apa', format: 'text' })).code).toBe(
        'INVALID_ARGUMENT',
      )
      expect(kapError(() => toBibTeX(list as never)).code).toBe('INVALID_ARGUMENT')
    }
  })

  it('a Proxy array claiming a huge length is refused by its length, without reading its elements', () => {
    let gets = 0
    const huge = new Proxy([], {
      get: (t, k) => {
        if (k === 'length') return 1e9
        gets++
        return Reflect.get(t, k)
      },
    })
    expect(kapError(() => ref({ author: huge })).code).toBe('LIMIT_EXCEEDED')
    expect(kapError(() => formatBibliography(huge as never, { style: 'apa', format: 'text' })).code).toBe(
      'LIMIT_EXCEEDED',
    )
    expect(gets).toBe(0)
  })
})

describe('values citeproc crashes on or alters are refused, naming the field (findings 8, 15)', () => {
  it('the audit cases: volume -1, 1.5, 1e21; issue -2, page -1, edition -1', () => {
    for (const [field, value] of [
      ['volume', -1],
      ['volume', 1.5],
      ['volume', 1e21],
      ['issue', -2],
      ['page', -1],
      ['edition', -1],
      ['number-of-pages', 2 ** 53],
    ] as const) {
      const e = refused({ [field]: value }, field)
      expect(e.message).toContain('whole number')
    }
  })

  it('a whole number is printed as its text, in every style (APA crashed on any number in volume)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('volume', 'issue', 'page', 'edition', 'number', 'chapter-number'),
        fc.oneof(fc.integer({ min: 0, max: 99999 }), fc.constant(Number.MAX_SAFE_INTEGER)),
        fc.constantFrom(...STYLES),
        (field, n, style) => {
          const type = field === 'edition' || field === 'chapter-number' ? 'chapter' : 'article-journal'
          expect(ref({ type, [field]: n }, style)).toBe(ref({ type, [field]: String(n) }, style))
        },
      ),
      { numRuns: 40 },
    )
  })

  it('number text that starts with a hyphen or dash is refused (citeproc printed "-1" as "1", "--" as nothing)', () => {
    for (const v of ['-1', '–5', ' - 3', '--', '-']) refused({ page: v }, 'page')
    for (const v of ['12-14', 'e123', '1, 3-5', 'S1', '2nd', '−1'])
      expect(ref({ page: v }, 'harvard')).toContain(v.replace(/-/g, '–'))
  })

  it('the audit cases: date ranges of two forms, running backwards, year 0, February 31', () => {
    for (const [field, date, problem] of [
      ['issued', [[2020, 1, 1], [2020]], 'different parts'],
      ['original-date', [[2020, 1], [2021]], 'different parts'],
      ['issued', [[2021], [2019]], 'ends before it starts'],
      [
        'issued',
        [
          [2020, 5, 2],
          [2020, 5, 1],
        ],
        'ends before it starts',
      ],
      ['issued', [[0]], 'other than 0'],
      ['issued', [[2019, 2, 31]], 'from 1 to 28'],
      ['issued', [[2019, 2, 29]], 'from 1 to 28'],
      ['accessed', [[2020, 4, 31]], 'from 1 to 30'],
      ['issued', [[2020, 0]], 'month from 1 to 12'],
      ['issued', [[2020, 17]], 'month from 1 to 12'],
      ['issued', [[2020, 13, 5]], 'season'],
      [
        'issued',
        [
          [2020, 3],
          [2020, 14],
        ],
        'month to a season',
      ],
    ] as const) {
      const e = refused({ [field]: { 'date-parts': date } }, `${field}.date-parts`)
      expect(e.message).toContain(problem)
      // Vancouver does not print original-date, but citeproc failed on it all the same.
      expect(kapError(() => ref({ [field]: { 'date-parts': date } }, 'vancouver')).code).toBe('INVALID_RECORD')
    }
  })

  it('accepts leap days, years BC, seasons (CSL month 13–16) and ranges, and prints them', () => {
    expect(ref({ issued: { 'date-parts': [[2020, 2, 29]] } }, 'vancouver')).toContain('2020 Feb 29')
    expect(ref({ issued: { 'date-parts': [[-500]] } }, 'vancouver')).toContain('500 BC')
    expect(ref({ issued: { 'date-parts': [[2020, 13]] } }, 'vancouver')).toContain('2020 Spring')
    expect(ref({ issued: { 'date-parts': [[2020, 16]] } }, 'vancouver')).toContain('2020 Winter')
    expect(ref({ issued: { 'date-parts': [[2019], [2021]] } })).toContain('(2019–2021)')
    expect(toCSLJSON([{ ...base, id: 'a', issued: { 'date-parts': [[2020, 13]] } }])).toContain('13')
    // BibTeX, BibLaTeX and RIS have no season: refused there, never written as month 13.
    for (const fn of [toBibTeX, toBibLaTeX, toRIS])
      expect(kapError(() => fn([{ ...base, id: 'a', issued: { 'date-parts': [[2020, 13]] } }])).message).toContain(
        'season',
      )
  })

  it('any date-parts either format in every style or are refused as INVALID_RECORD, never a citeproc error (property)', () => {
    const part = fc.array(
      fc.integer({ min: -10, max: 40 }).map((n) => n),
      { minLength: 1, maxLength: 3 },
    )
    const year = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.integer({ min: 1990, max: 2030 }))
    const date = fc.tuple(year, part).map(([y, p]) => [y, ...p.slice(1)])
    fc.assert(
      fc.property(
        fc.array(date, { minLength: 1, maxLength: 2 }),
        fc.constantFrom('issued', 'original-date', 'accessed'),
        (parts, field) => {
          for (const style of STYLES) {
            try {
              ref({ type: 'webpage', URL: 'https://e.org/', [field]: { 'date-parts': parts } }, style)
            } catch (e) {
              expect((e as { code?: string }).code, `${style} ${JSON.stringify(parts)}: ${String(e)}`).toBe(
                'INVALID_RECORD',
              )
            }
          }
        },
      ),
      { numRuns: 150 },
    )
  }, 60_000)

  it('any number in a number variable formats as its text or is refused, never a citeproc error (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('volume', 'issue', 'page', 'edition', 'number-of-pages', 'number'),
        fc.oneof(fc.double(), fc.integer(), fc.string()),
        (field, value) => {
          for (const style of STYLES) {
            try {
              ref({ type: 'book', [field]: value }, style)
            } catch (e) {
              expect((e as { code?: string }).code, `${style} ${field} ${JSON.stringify(value)}`).toBe('INVALID_RECORD')
            }
          }
        },
      ),
      { numRuns: 100 },
    )
  }, 60_000)
})

describe('a record needs a title, an author or an editor (finding 13)', () => {
  it('the audit case: a record naming only a recipient (or a container author, translator, interviewer) is refused', () => {
    for (const field of ['recipient', 'container-author', 'translator', 'interviewer', 'reviewed-author', 'director']) {
      const r = { id: 't1', type: 'book', [field]: [{ family: 'Smith' }] }
      for (const style of STYLES) {
        const e = kapError(() => formatReference(r, { style, format: 'text' }))
        expect(e.code).toBe('INVALID_RECORD')
        expect(e.hint).toContain(field)
        expect(kapError(() => formatCitation([r], { style, format: 'text' })).code).toBe('INVALID_RECORD')
      }
      expect(kapError(() => toBibTeX([r])).code).toBe('INVALID_RECORD')
    }
  })

  it('an editor alone, or a title alone, is enough', () => {
    expect(
      formatReference({ id: 'e1', type: 'book', editor: [{ family: 'Jones' }] }, { style: 'apa', format: 'text' }),
    ).toContain('Jones')
    expect(
      formatReference({ id: 't2', type: 'book', title: 'Only a title' }, { style: 'apa', format: 'text' }),
    ).toContain('Only a title')
  })
})

describe('dates as free text and control characters are refused with a hint (finding 14)', () => {
  it('the audit cases: an accessed literal, a raw date, an issued literal', () => {
    for (const [field, date] of [
      ['accessed', { literal: 'yesterday' }],
      ['issued', { raw: '2020-05' }],
      ['issued', { literal: 'Spring 2020' }],
    ] as const) {
      const e = refused({ type: 'webpage', URL: 'https://e.com', [field]: date }, `${field}.${Object.keys(date)[0]}`)
      expect(e.hint).toMatch(/date-parts/)
      for (const fn of [toBibTeX, toRIS])
        expect(kapError(() => fn([{ ...base, id: 'a', [field]: date }])).code).toBe('INVALID_RECORD')
    }
  })

  it('the audit case: a title of control characters; and any C0 control but tab and line breaks, in any text', () => {
    expect(refused({ title: '\u0000\u0001\u001b' }, 'title').message).toContain('U+0000')
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 31 }).filter((c) => c !== 9 && c !== 10 && c !== 13),
        fc.constantFrom('title', 'container-title', 'publisher', 'volume', 'note'),
        (c, field) => {
          refused({ [field]: `a${String.fromCharCode(c)}b` }, field)
          refused({ author: [{ family: `a${String.fromCharCode(c)}b` }] }, 'author[0].family')
        },
      ),
      { numRuns: 40 },
    )
    expect(ref({ title: 'Two\tlines\nof title' })).toContain('Two')
  })
})

describe('a URL that citeproc would print altered is refused (finding 16a)', () => {
  it('the audit case: <b>…</b> in a URL; also quotes and spaces, which a valid URL percent-encodes', () => {
    for (const URL of [
      'https://e.com/<b>x</b>',
      'https://e.com/<img src=x>',
      'https://e.com/"q',
      'https://e.com/a b',
      'https://e.com/\tx',
    ])
      expect(refused({ URL }, 'URL').hint).toContain('%3C')
    const encoded = 'https://e.com/%3Cb%3Ex%3C/b%3E%22q%20r'
    expect(ref({ URL: encoded })).toContain(encoded)
    expect(ref({ URL: encoded }, 'apa', 'html')).toContain(`href="${encoded}"`)
  })

  it('a DOI holding a tag-like <…> is refused; an SICI DOI with <693::…> is printed as given', () => {
    expect(refused({ DOI: '10.1000/a<b>x</b>' }, 'DOI').hint).toContain('%3C')
    const sici = '10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0'
    for (const style of STYLES) expect(ref({ DOI: sici }, style)).toContain(sici)
  })

  it('any URL either is refused or is printed exactly as given (property)', () => {
    fc.assert(
      fc.property(
        fc.webUrl({ withQueryParameters: true, withFragments: true }),
        fc.constantFrom('<b>', '"', ' ', '', '%20'),
        (url, extra) => {
          const URL = `${url}${extra}`
          let out: string
          try {
            out = ref({ type: 'webpage', URL }, 'vancouver')
          } catch (e) {
            expect((e as { code?: string }).code).toBe('INVALID_RECORD')
            expect(/[\s"<>]/.test(URL)).toBe(true)
            return
          }
          expect(out).toContain(URL)
        },
      ),
      { numRuns: 100 },
    )
  })
})
