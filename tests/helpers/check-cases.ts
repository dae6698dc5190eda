import { expect, it } from 'vitest'
import { claimsIn } from '../../src/check/index'

/** One test per `[text, claim]` pair: the claim checker finds that claim in that text. */
export function itFindsEach(cases: readonly (readonly [string, string])[]): void {
  it.each(cases)('%s → %s', (text, claim) => {
    expect(claimsIn(text)).toContain(claim)
  })
}

/**
 * One test per `[text, claim, why]` triple: the claim checker does not find that claim in a text that only looks like
 * it (`why` says what the text is instead).
 */
export function itIgnoresLookAlikes(cases: readonly (readonly [string, string, string])[]): void {
  it.each(cases)('%s ↛ %s (%s)', (text, claim) => {
    expect(claimsIn(text)).not.toContain(claim)
  })
}
