import { describe, expect, it } from 'vitest'
import { getStudy, isKapLiteratureError, KapLiteratureError } from '../../src/index'
import { describeValue } from '../../src/errors'

describe('isKapLiteratureError', () => {
  it('recognises the library’s errors, and nothing else', () => {
    let caught: unknown
    try {
      getStudy('dore-2091' as never)
    } catch (e) {
      caught = e
    }
    expect(isKapLiteratureError(caught)).toBe(true)
    expect(isKapLiteratureError(new Error('x'))).toBe(false)
    expect(isKapLiteratureError({ code: 'UNKNOWN_ID', message: 'kap-literature: x' })).toBe(false)
    expect(isKapLiteratureError(null)).toBe(false)
    expect(JSON.stringify(Object.keys(new KapLiteratureError('UNKNOWN_ID', 'x')))).not.toContain('kap-literature.error')
  })
  it('recognises an error of another copy of the class (as when ESM and CJS builds share a process)', () => {
    // A second copy: same brand from the global symbol registry, different class identity.
    class OtherCopy extends Error {
      constructor() {
        super('kap-literature: x')
        Object.defineProperty(this, Symbol.for('kap-literature.error'), { value: true })
      }
    }
    const other = new OtherCopy()
    expect(other instanceof KapLiteratureError).toBe(false)
    expect(isKapLiteratureError(other)).toBe(true)
  })
})

describe('describeValue', () => {
  it('never says "undefined"', () => {
    for (const v of [undefined, null, 1, true, 'x', [], {}, () => 1, Symbol('s'), 10n])
      expect(describeValue(v)).not.toContain('undefined')
    expect(describeValue(undefined)).toBe('nothing')
    expect(describeValue('a'.repeat(100))).toBe(`"${'a'.repeat(77)}..."`)
  })
})
