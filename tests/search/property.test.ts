/**
 * Property tests: any string is a valid query. No timings here (they would be flaky); instead the tests check the
 * bounds that keep every query fast: only the first MAX_QUERY_LENGTH characters are read, at most MAX_UNITS units
 * are searched, and each unit reaches a capped number of index terms.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { KapLiteratureError, vocabularies } from '../../src/index'
import { fullClaims, fullSources, fullStudies } from '../../src/details/index'
import { engineForCorpus } from '../../src/search/corpus'
import { MAX_FUZZY_EXPANSIONS, MAX_PREFIX_EXPANSIONS } from '../../src/search/engine'

const studies = fullStudies()
const claims = fullClaims()
const sources = fullSources()
import { facets, search } from '../../src/search/index'
import { MAX_QUERY_LENGTH, MAX_UNITS, parseQuery } from '../../src/search/query'

const pieces = [
  ':',
  '~',
  '^',
  '*',
  '+',
  '-',
  '"',
  "'",
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '\\',
  '/',
  '?',
  '!',
  ' ',
  '  ',
  '\t',
  '\n',
  'ketamine',
  'ketamin',
  'PTSD',
  'trd',
  'title:',
  'foo~2',
  'a^10',
  '10.1080/02791072.2019.1587556',
  'doi:',
  'https://',
  'PMID',
  '30917760',
  'NCT03113968',
  'é',
  'Grünebaum',
  '2018',
  '%',
  '%2F',
  '%E0',
  '\u0000',
  '\uD800',
  '\uDC00',
  '💊',
  'ß',
  '<b>',
  '&amp;',
  'constructor',
  '__proto__',
  'ps',
  'k',
  'the',
  'et al.',
]
const queryish = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 120 }),
  fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((a) => a.join('')),
  fc
    .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 8 })), { maxLength: 30 })
    .map((a) => a.join(' ')),
)
const huge = fc
  .tuple(fc.oneof(queryish, fc.constantFrom(...pieces)), fc.integer({ min: 1_000, max: 100_000 }))
  .map(([s, n]) => (s === '' ? 'x' : s).repeat(Math.ceil(n / Math.max(1, s.length))).slice(0, n))

function wellFormed(query: string): void {
  const results = search(query, { limit: 30 })
  expect(Array.isArray(results)).toBe(true)
  expect(results.length).toBeLessThanOrEqual(30)
  const seen = new Set<string>()
  for (const r of results) {
    expect(['study', 'claim', 'source']).toContain(r.type)
    expect(seen.has(`${r.type}:${r.id}`)).toBe(false)
    seen.add(`${r.type}:${r.id}`)
    expect(Number.isFinite(r.score) && r.score > 0).toBe(true)
    for (const h of r.highlights) {
      expect(h.start).toBeGreaterThanOrEqual(0)
      expect(h.end).toBeGreaterThan(h.start)
      expect(h.end).toBeLessThanOrEqual(r[h.field].length)
    }
  }
}

describe('search never throws on text', () => {
  it('for arbitrary strings, including search syntax, broken surrogates and percent signs', () => {
    fc.assert(
      fc.property(queryish, (q) => {
        wellFormed(q)
        expect(() => facets(q)).not.toThrow()
      }),
      { numRuns: 400 },
    )
  })

  it('for huge strings (up to 100,000 characters), reading only their start', () => {
    fc.assert(
      fc.property(huge, (q) => {
        wellFormed(q)
        expect(search(q)).toEqual(search(q.slice(0, MAX_QUERY_LENGTH)))
      }),
      { numRuns: 40 },
    )
  })

  it('returns [] whenever the query has no searchable word', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(':', '~', '^', '*', '+', '-', '"', ' ', '?', '💊', '\u0000', 'the', 'of'), {
          maxLength: 50,
        }),
        (a) => {
          expect(search(a.join(' '))).toEqual([])
        },
      ),
    )
  })

  it('throws only INVALID_ARGUMENT for a non-string query', () => {
    fc.assert(
      fc.property(
        fc.anything().filter((v) => typeof v !== 'string'),
        (q) => {
          try {
            search(q as never)
            return false
          } catch (e) {
            return e instanceof KapLiteratureError && e.code === 'INVALID_ARGUMENT'
          }
        },
      ),
      { numRuns: 200 },
    )
  })
})

describe('a query can never expand to the whole vocabulary', () => {
  const engine = engineForCorpus({ studies, claims, sources, vocabularies })
  it('bounds the units and the index terms each unit reaches', () => {
    fc.assert(
      fc.property(fc.oneof(queryish, huge), (q) => {
        const { units } = parseQuery(q)
        expect(units.length).toBeLessThanOrEqual(MAX_UNITS)
        for (const u of engine.expand(units)) {
          // exact term + two neighbouring years, or typo variants, plus prefix completions (two prefixes at most)
          expect(u.terms.size).toBeLessThanOrEqual(1 + Math.max(2, MAX_FUZZY_EXPANSIONS) + 2 * MAX_PREFIX_EXPANSIONS)
          if (u.unit.kind === 'word' && u.unit.folded.length < 3) expect([...u.terms.keys()]).toEqual([u.unit.term])
        }
      }),
      { numRuns: 300 },
    )
  })

  it('never expands a one- or two-letter word, whatever it is', () => {
    for (const q of ['a', 'k', 'ke', 'ps', 'zz', '2', '20']) {
      for (const u of engine.expand(parseQuery(q).units)) expect(u.terms.size).toBe(1)
    }
  })

  it('caps prefix completions even for a prefix shared by many terms', () => {
    const [unit] = engine.expand(parseQuery('pro').units)
    expect(unit!.terms.size).toBeLessThanOrEqual(1 + MAX_PREFIX_EXPANSIONS * 2)
    expect(unit!.terms.size).toBeGreaterThan(5)
  })
})
