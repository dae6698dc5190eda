// How `<kap-claim>` gets its claim's statement and verdict note. Here, as a bundler builds the package: the chunk of
// every statement, and the note's own chunk through the details' loader table. The script-tag build swaps in
// ./claim-source-by-address (scripts/build-elements.ts), which loads each from a file of its own by its address.
import type { ClaimId } from '../generated/ids'
import { claimIds } from '../generated/ids'
import type { ClaimDetail } from '../types'
import type { Lazy } from './style-source'

/** What `<kap-claim>` loads of a claim beyond its verdict and evidence links. @internal */
export interface ClaimSource {
  /** The claim's statement. */
  statement(id: ClaimId): Promise<string>
  /** The claim's verdict note (the one field of its detail the element shows). */
  note(id: ClaimId): Promise<Pick<ClaimDetail, 'verdictNote'>>
}

/**
 * The elements' source of claim statements and verdict notes.
 * @param lazy - the elements' loader (retries, `LOAD_FAILED`)
 * @returns the statement and the note of a claim (the id checked before)
 * @internal
 */
export function claimSource(lazy: Lazy): ClaimSource {
  const statements = lazy('the claim statements', () => import('../generated/claim-statements'))
  const notes = lazy('the verdict notes', () => import('../generated/detail-loaders/claim'))
  const each = new Map<ClaimId, () => Promise<{ readonly default: unknown }>>()
  return {
    statement: async (id) => (await statements()).claimStatements[claimIds.indexOf(id)]!,
    note: async (id) => {
      let load = each.get(id)
      if (load === undefined)
        each.set(id, (load = lazy('the verdict note', async () => (await notes()).claimDetailLoaders[id]!())))
      return (await load()).default as ClaimDetail
    },
  }
}
