import fc from 'fast-check'
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
  it('shows invisible format characters in a quoted value as escapes (review 29)', async () => {
    expect(describeValue('dore-2019\u202ex')).toBe('"dore-2019\\u{202e}x"')
    expect(describeValue('\u200bdore\u00ad')).toBe('"\\u{200b}dore\\u{ad}"')
    expect(describeValue('tag\u{e0001}')).toBe('"tag\\u{e0001}"')
    // The web components' error line, where a right-to-left override reversed the rest of the message.
    const { parseIds } = await import('../../src/elements/index')
    let message = ''
    try {
      parseIds('dore-2019\u202ex')
    } catch (e) {
      message = (e as Error).message
    }
    expect(message).toMatch(/^kap-literature: unknown study "dore-2019\\u\{202e\}x"/)
    expect(message).not.toMatch(/\p{Cf}/u)
  })

  it('never says "undefined"', () => {
    for (const v of [undefined, null, 1, true, 'x', [], {}, () => 1, Symbol('s'), 10n])
      expect(describeValue(v)).not.toContain('undefined')
    expect(describeValue(undefined)).toBe('nothing')
    expect(describeValue('a'.repeat(100))).toBe(`"${'a'.repeat(77)}..."`)
  })
})

describe('a revoked Proxy (audit 35, A-18)', () => {
  const revoke = <T extends object>(target: T): T => {
    const r = Proxy.revocable(target, {})
    r.revoke()
    return r.proxy
  }
  /** Proxies on which every operation, or one that the checks use, throws. */
  const hostile = [
    revoke({}),
    revoke([]),
    revoke(() => 1),
    new Proxy(
      {},
      {
        getPrototypeOf() {
          throw new Error('trap')
        },
      },
    ),
    new Proxy(new Error('x'), {
      get() {
        throw new Error('trap')
      },
    }),
  ]

  it("the audit's reproduction: getStudy gives a KapLiteratureError, isKapLiteratureError false", () => {
    const p = revoke({})
    let caught: unknown
    try {
      getStudy(p as never)
    } catch (e) {
      caught = e
    }
    expect(isKapLiteratureError(caught)).toBe(true)
    expect((caught as KapLiteratureError).code).toBe('INVALID_ARGUMENT')
    expect((caught as KapLiteratureError).message).toContain('a revoked proxy')
    expect(isKapLiteratureError(p)).toBe(false)
  })

  it('describeValue and isKapLiteratureError never throw, whatever the value (property)', () => {
    for (const v of hostile) {
      expect(typeof describeValue(v)).toBe('string')
      expect(isKapLiteratureError(v)).toBe(false)
    }
    expect(describeValue(revoke({}))).toBe('a revoked proxy')
    expect(describeValue(revoke(() => 1))).toBe('a function')
    fc.assert(
      fc.property(fc.anything(), fc.nat(2 * hostile.length), (v, i) => {
        // A hostile proxy or any other value (fast-check cannot hold a revoked proxy itself: it inspects its values).
        v = i < hostile.length ? hostile[i] : v
        expect(typeof describeValue(v)).toBe('string')
        expect(isKapLiteratureError(v)).toBe(false)
      }),
      { numRuns: 300 },
    )
  })
})
