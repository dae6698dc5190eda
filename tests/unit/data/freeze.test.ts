import { describe, expect, it } from 'vitest'
import { claims, getStudy, studies, vocabularies } from '../../../src/index'

describe('deep freeze', () => {
  it('throws in strict mode when a record is mutated, and nothing changes', () => {
    const study = getStudy('dore-2019')
    const title = study.csl.title
    expect(() => {
      ;(study.csl as { title?: string }).title = 'x'
    }).toThrow(TypeError)
    expect(() => {
      ;(study.csl.author as { family: string }[])[0]!.family = 'x'
    }).toThrow(TypeError)
    expect(() => (studies as unknown as unknown[]).push({})).toThrow(TypeError)
    expect(() => {
      ;(claims[0]!.evidence as unknown as unknown[]).length = 0
    }).toThrow(TypeError)
    expect(getStudy('dore-2019').csl.title).toBe(title)
  })
  it('freezes every nested object', () => {
    const walk = (v: unknown): void => {
      if (v !== null && typeof v === 'object') {
        expect(Object.isFrozen(v)).toBe(true)
        Object.values(v).forEach(walk)
      }
    }
    walk(studies)
    walk(claims)
    walk(vocabularies)
  })
})
