// Suggestions for a mistyped or shortened name (src/suggest.ts): the closest candidate by edit distance, else the
// first that contains what was typed (audit 36, item 10: `claim="without-therapy"` named no claim).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { claimIds, getStudy, studyIds } from '../../src/index'
import { closest, editDistance } from '../../src/suggest'
import { kapError } from '../helpers/errors'

describe('closest', () => {
  it('suggests by edit distance first, then by the id a shortened name is part of', () => {
    expect(closest('dore-2091', studyIds)).toBe('dore-2019')
    expect(closest('without-therapy', claimIds)).toBe('without-therapy-ketamine-effects-fade-faster')
    expect(closest('wilkinson', studyIds)).toBe('wilkinson-2017') // the first of three
    expect(closest('Krystal', studyIds)).toBe('krystal-1994') // in any case
    // Too short to stand for an id, or part of none: no suggestion.
    expect(closest('zz', studyIds)).toBeUndefined()
    expect(closest('quantum-entanglement', claimIds)).toBeUndefined()
  })

  it('gives hints through the API: a shortened study id names the study', () => {
    const e = kapError(() => getStudy('dore' as never))
    expect([e.code, e.hint]).toEqual(['UNKNOWN_ID', 'dore-2019'])
  })

  it('for any part of an id (three characters or more), suggests an id that is close or contains it (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...claimIds, ...studyIds),
        fc.nat(),
        fc.integer({ min: 3, max: 40 }),
        (id, from, length) => {
          const start = from % Math.max(1, id.length - 2)
          const part = id.slice(start, start + length)
          fc.pre(part.length >= 3)
          const pool = [...claimIds, ...studyIds]
          const hint = closest(part, pool)
          expect(hint).toBeDefined()
          expect(hint!.includes(part) || editDistance(part, hint!) <= Math.max(2, Math.floor(part.length / 2))).toBe(
            true,
          )
        },
      ),
    )
  })
})
