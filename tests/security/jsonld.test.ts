/**
 * Audit 35 (A), finding 19: toJsonLd skipped the holes of a sparse array silently (`[, , ,]` gave an empty graph,
 * while `[undefined]` was refused), and walked any length it was given: `new Array(1e8)` took 2 s and a Proxy that
 * reports a length of 1e9 took 63 s. The length is now checked first against a limit (LIMIT_EXCEEDED), and a hole
 * is refused at its position (INVALID_ARGUMENT), as the `citations` functions refuse one.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toJsonLd, toJsonLdScript } from '../../src/jsonld/index'
import { kapError } from '../helpers/errors'
import { MAX_RATIO, growth } from './timing'

const thrown = kapError

describe('toJsonLd refuses holes and over-long lists', () => {
  it("the audit's cases", () => {
    for (const fn of [toJsonLd, toJsonLdScript]) {
      const holes = thrown(() => fn([, , ,] as never))
      expect([holes.code, holes.message]).toEqual([
        'INVALID_ARGUMENT',
        'kap-literature: ids[0] is an empty slot of a sparse array, not an id',
      ])
      expect(thrown(() => fn([undefined] as never)).message).toContain('ids[0]')
      const long = thrown(() => fn(new Array(1e8) as never))
      expect([long.code, long.value]).toEqual(['LIMIT_EXCEEDED', '100000000 ids'])
      const proxy = new Proxy([], { get: (t, k) => (k === 'length' ? 1e9 : Reflect.get(t, k)) })
      expect(thrown(() => fn(proxy as never)).code).toBe('LIMIT_EXCEEDED')
    }
    // At the limit a list is taken (repeats are skipped before conversion).
    expect(toJsonLd(Array.from({ length: 1_000_000 }, () => 'dore-2019') as never[])['@graph']).toHaveLength(1)
    expect(thrown(() => toJsonLd(new Array(1_000_001).fill('dore-2019') as never)).code).toBe('LIMIT_EXCEEDED')
  })

  it('refusing a huge list costs the same whatever its length (1,000× the length within the time ratio)', () => {
    const g = growth(
      (n) => {
        const ids = new Array(n)
        return () => {
          try {
            toJsonLd(ids as never)
          } catch {
            // LIMIT_EXCEEDED
          }
        }
      },
      2_000_000,
      2_000_000_000,
    )
    expect(g.ratio, `${g.small.toFixed(3)} ms → ${g.large.toFixed(3)} ms`).toBeLessThanOrEqual(MAX_RATIO)
  })

  it('names the first hole or non-string, wherever it is, or converts every distinct id (property)', () => {
    const HOLE = Symbol('hole')
    const slot = fc.constantFrom<unknown>(HOLE, undefined, 42, 'dore-2019', 'wilkinson-2021', ' DORE-2019 ')
    fc.assert(
      fc.property(fc.array(slot, { maxLength: 12 }), (slots) => {
        const ids: unknown[] = new Array(slots.length)
        slots.forEach((s, i) => {
          if (s !== HOLE) ids[i] = s
        })
        const bad = slots.findIndex((s) => typeof s !== 'string')
        if (bad === -1) {
          const graph = toJsonLd(ids as never[])['@graph']
          expect(graph.length).toBe(new Set(slots.map((s) => (s as string).trim().toLowerCase())).size)
          return
        }
        const e = thrown(() => toJsonLd(ids as never))
        expect(e.code).toBe('INVALID_ARGUMENT')
        expect(e.message).toContain(`ids[${bad}]`)
      }),
      { numRuns: 300 },
    )
  })
})
