import { expect, it } from 'vitest'
import { claimsIn } from '../../src/check/index'

/** One test per `[text, claim]` pair: the claim checker finds that claim in that text. */
export function itFindsEach(cases: readonly (readonly [string, string])[]): void {
  it.each(cases)('%s → %s', (text, claim) => {
    expect(claimsIn(text)).toContain(claim)
  })
}
