/**
 * The timing helper itself: its re-measuring must not let quadratic code through, and linear code must pass.
 */
import { describe, expect, it } from 'vitest'
import { MAX_RATIO, growth } from './timing'

/** Visits every pair of `n` items: quadratic, with a result the engine cannot skip. */
const pairs = (n: number) => () => {
  let sum = 0
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sum = (sum + ((i * j) ^ j)) | 0
  return sum
}

/** Visits each of `n` items a few times: linear. */
const items = (n: number) => () => {
  let sum = 0
  for (let k = 0; k < 8; k++) for (let i = 0; i < n * 1000; i++) sum = (sum + (i ^ k)) | 0
  return sum
}

describe('growth', () => {
  it('measures quadratic code at well over the limit, however many rounds it takes', () => {
    const g = growth(pairs, 1_500, 12_000)
    expect(g.rounds).toBe(5)
    expect(g.ratio, `${g.small.toFixed(1)} ms → ${g.large.toFixed(1)} ms`).toBeGreaterThan(2 * MAX_RATIO)
  }, 60_000)

  it('measures linear code within the limit', () => {
    const g = growth(items, 500, 4_000)
    expect(g.ratio, `${g.small.toFixed(1)} ms → ${g.large.toFixed(1)} ms`).toBeLessThanOrEqual(MAX_RATIO)
    expect(g.small).toBeGreaterThan(0)
  }, 60_000)
})
