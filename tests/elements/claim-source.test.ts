// The elements' source of a claim's statement and verdict note as a bundler builds the package
// (src/elements/claim-source.ts); the script-tag build's source, which loads them by address, is tested in Chromium
// (tests/browser/elements-by-address.test.ts).
import { describe, expect, it } from 'vitest'
import { loadDetails } from '../../src/details/load'
import { claimSource } from '../../src/elements/claim-source'
import type { Lazy } from '../../src/elements/style-source'
import { claimStatements } from '../../src/generated/claim-statements'
import { claimIds } from '../../src/generated/ids'

/** A loader that loads once, and counts what it was asked to load. */
function counting() {
  const loads: string[] = []
  const lazy: Lazy = <T>(what: string, load: () => Promise<T>) => {
    let kept: Promise<T> | undefined
    return () => (kept ??= (loads.push(what), load()))
  }
  return { lazy, loads }
}

describe('claimSource (bundler build)', () => {
  it("gives each claim's statement and verdict note, loading each part once", async () => {
    const { lazy, loads } = counting()
    const source = claimSource(lazy)
    for (const id of ['indication-anxiety', 'without-therapy-ketamine-effects-fade-faster'] as const) {
      expect(await source.statement(id)).toBe(claimStatements[claimIds.indexOf(id)])
      expect((await source.note(id)).verdictNote).toBe((await loadDetails(id)).verdictNote)
    }
    await source.note('indication-anxiety')
    expect(loads.sort()).toEqual(['the claim statements', 'the verdict note', 'the verdict note', 'the verdict notes'])
  })
})
