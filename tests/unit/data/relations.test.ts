import { describe, expect, it } from 'vitest'
import { claims, claimsCiting, evidenceFor, getStudy, KapLiteratureError, studies } from '../../../src/index'

describe('claimsCiting', () => {
  it('lists the claims whose evidence or citation problems name the study', () => {
    // grunebaum-2018 is a lead now: only the citation problem of the page that cites it names it.
    expect(claimsCiting('grunebaum-2018').map((c) => c.id)).toContain('without-therapy-ketamine-effects-fade-faster')
    for (const id of ['grunebaum-2018', 'wilkinson-2021'] as const) {
      for (const c of claimsCiting(id)) {
        const named = [...c.evidence.map((e) => e.study), ...(c.citationProblems ?? []).map((p) => p.study)]
        expect(named).toContain(id)
      }
    }
  })
  it('agrees with a scan of all claims for every study', () => {
    for (const s of studies) {
      const expected = claims
        .filter(
          (c) => c.evidence.some((e) => e.study === s.id) || (c.citationProblems ?? []).some((p) => p.study === s.id),
        )
        .map((c) => c.id)
      expect(claimsCiting(s.id).map((c) => c.id)).toEqual(expected)
    }
  })
  it('reads an id as getStudy does: in any case, with spaces around it', () => {
    const expected = claimsCiting('dore-2019').map((c) => c.id)
    expect(expected.length).toBeGreaterThan(0)
    expect(claimsCiting('DORE-2019' as never).map((c) => c.id)).toEqual(expected)
    expect(claimsCiting(' dore-2019 ' as never).map((c) => c.id)).toEqual(expected)
  })
  it('throws UNKNOWN_ID for an unknown study', () => {
    expect(() => claimsCiting('grunebaum-2081' as never)).toThrow(KapLiteratureError)
    expect(() => claimsCiting('grunebaum-2081' as never)).toThrow(/did you mean "grunebaum-2018"/)
  })
})

describe('evidenceFor', () => {
  it('joins each evidence entry with its study, in order', () => {
    const e = evidenceFor('without-therapy-ketamine-effects-fade-faster')
    expect(e[0]?.study).toBe(getStudy('wilkinson-2021'))
    expect(e[0]?.relation).toBe('partly-supports')
    expect(e.map((x) => x.study.id)).toEqual(
      claims.find((c) => c.id === 'without-therapy-ketamine-effects-fade-faster')!.evidence.map((x) => x.study),
    )
  })
  it('throws UNKNOWN_ID for an unknown claim', () => {
    expect(() => evidenceFor('no-such-claim' as never)).toThrow(/unknown claim "no-such-claim"/)
  })
})
