import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findStudy, KapLiteratureError, normalizeDoi, studies } from '../../../src/index'

describe('findStudy', () => {
  it('finds by DOI in every common form, ignoring case', () => {
    for (const doi of [
      '10.1080/02791072.2019.1587556',
      '10.1080/02791072.2019.1587556'.toUpperCase(),
      'https://doi.org/10.1080/02791072.2019.1587556',
      'http://dx.doi.org/10.1080/02791072.2019.1587556',
      'doi:10.1080/02791072.2019.1587556',
      'DOI: 10.1080/02791072.2019.1587556 ',
      'https://doi.org/10.1080%2F02791072.2019.1587556',
    ]) {
      expect(findStudy({ doi })?.id, doi).toBe('dore-2019')
    }
  })
  it('finds by PMID as string or number', () => {
    expect(findStudy({ pmid: '34186531' })?.id).toBe('wilkinson-2021')
    expect(findStudy({ pmid: 34186531 })?.id).toBe('wilkinson-2021')
    expect(findStudy({ pmid: 'PMID: 34186531' })?.id).toBe('wilkinson-2021')
  })
  it('returns undefined for identifiers it does not hold or that are not identifiers', () => {
    expect(findStudy({ doi: '10.1000/not-here' })).toBeUndefined()
    expect(findStudy({ doi: 'not a doi' })).toBeUndefined()
    expect(findStudy({ pmid: '1' })).toBeUndefined()
    expect(findStudy({ pmid: 'abc' })).toBeUndefined()
    expect(findStudy({ pmid: -5 as never })).toBeUndefined()
  })
  it('finds every shipped study by its own DOI and PMID', () => {
    for (const s of studies) {
      if (s.csl.DOI) expect(findStudy({ doi: s.csl.DOI })?.id).toBe(s.id)
      if (s.csl.PMID) expect(findStudy({ pmid: s.csl.PMID })?.id).toBe(s.id)
    }
  })
  it('throws INVALID_ARGUMENT for an empty, doubled or mistyped query', () => {
    for (const bad of [{}, { doi: 'a', pmid: '1' }, null, 'dore-2019', { doi: 5 }, { pmid: {} }]) {
      try {
        findStudy(bad as never)
        expect.unreachable(`no throw for ${JSON.stringify(bad)}`)
      } catch (e) {
        expect(e).toBeInstanceOf(KapLiteratureError)
        expect((e as KapLiteratureError).code).toBe('INVALID_ARGUMENT')
      }
    }
  })
  it('never throws for any string DOI (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const r = findStudy({ doi: s })
        expect(r === undefined || typeof r.id === 'string').toBe(true)
      }),
    )
  })
})

describe('normalizeDoi', () => {
  it('is idempotent and lower-case on anything it accepts (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const n = normalizeDoi(s)
        if (n !== undefined) {
          expect(n).toBe(n.toLowerCase())
          expect(normalizeDoi(n)).toBe(n)
          expect(n).toMatch(/^10\.\d{4,9}\//)
        }
      }),
    )
  })
  it('rejects malformed percent-encoding instead of throwing', () => {
    expect(normalizeDoi('10.1000/%E0%A4%A')).toBeUndefined()
  })
})
