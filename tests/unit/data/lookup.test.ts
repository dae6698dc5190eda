import { describe, expect, it } from 'vitest'
import {
  claims,
  getClaim,
  getSource,
  getStudy,
  isClaimId,
  isSourceId,
  isStudyId,
  KapLiteratureError,
  sources,
  studies,
  studyIds,
} from '../../../src/index'

function caught(fn: () => unknown): KapLiteratureError {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(KapLiteratureError)
    return e as KapLiteratureError
  }
  throw new Error('expected a throw')
}

describe('getStudy / getClaim / getSource', () => {
  it('returns the record with that id', () => {
    expect(getStudy('dore-2019').csl.DOI).toBe('10.1080/02791072.2019.1587556')
    expect(getStudy('wilkinson-2021').csl['container-title']).toBe('Psychotherapy and Psychosomatics')
    expect(getClaim('without-therapy-ketamine-effects-fade-faster').verdict).toBe('overstated')
    expect(getSource('samadhi-kap-vs-infusions').csl.URL).toMatch(/^https:\/\/www\.samadhihealingcollective\.com\//)
  })
  it('exposes sorted, complete arrays and id lists', () => {
    expect(studies.map((s) => s.id)).toEqual([...studyIds])
    expect([...studyIds]).toEqual([...studyIds].sort())
    expect(claims.length).toBeGreaterThan(3)
    expect(sources.map((s) => s.id)).toEqual([
      'houston-therapy-kap',
      'kap-series-part-2-how-kap-works',
      'rosadinelli-kap-unique',
      'samadhi-kap-vs-infusions',
    ])
  })
  it('throws UNKNOWN_ID with the closest id for a typo', () => {
    const e = caught(() => getStudy('dore-2091' as never))
    expect(e.code).toBe('UNKNOWN_ID')
    expect(e.message).toBe('kap-literature: unknown study "dore-2091" (did you mean "dore-2019"?)')
    expect(e.hint).toBe('dore-2019')
    expect(e.value).toBe('dore-2091')
  })
  it('says when an id belongs to another kind of record', () => {
    const e = caught(() => getStudy('samadhi-kap-vs-infusions' as never))
    expect(e.code).toBe('UNKNOWN_ID')
    expect(e.message).toMatch(/it is a source id; use getSource/)
  })
  it('suggests no id for an id far from every id, and says where the ids are listed', () => {
    const e = caught(() =>
      getClaim('zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz' as never),
    )
    expect(e.hint).toBe('no claim id is close; claims() lists them all')
    expect(e.message).not.toMatch(/did you mean/)
  })
  it('throws INVALID_ARGUMENT for a non-string id', () => {
    for (const bad of [undefined, null, 42, {}, ['dore-2019']]) {
      const e = caught(() => getStudy(bad as never))
      expect(e.code).toBe('INVALID_ARGUMENT')
      expect(e.message).toMatch(/a study id must be a string/)
    }
  })
  it('accepts surrounding space and upper case', () => {
    expect(getStudy(' Dore-2019 ' as never).id).toBe('dore-2019')
  })
  it('narrows untyped ids with the is* guards', () => {
    expect(isStudyId('dore-2019')).toBe(true)
    expect(isStudyId('without-therapy-ketamine-effects-fade-faster')).toBe(false)
    expect(isClaimId('without-therapy-ketamine-effects-fade-faster')).toBe(true)
    expect(isSourceId('houston-therapy-kap')).toBe(true)
    expect(isSourceId(7)).toBe(false)
  })
})
