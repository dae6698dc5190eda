// The script-tag build's source of claim statements and verdict notes (scripts/build-elements.ts swaps it in for
// ./claim-source): `claims/<id>.js` beside the script holds one claim's statement and `details/claim/<id>.js` its
// verdict note, so a page with one `<kap-claim>` loads one statement, not the 71 of the table, and no loader table.
// The element checks the id against the claim list before it asks.
import { byAddress } from './by-address'
import type { ClaimSource } from './claim-source'
import type { Lazy } from './style-source'

/**
 * The elements' source of claim statements and verdict notes in the script-tag build.
 * @param lazy - the elements' loader (retries, `LOAD_FAILED` naming the file)
 * @returns the statement and the note of a claim, each loaded by its address once
 * @internal
 */
export function claimSource(lazy: Lazy): ClaimSource {
  const file = byAddress(lazy)
  return {
    statement: (id) => file('the claim statement', `claims/${id}.js`),
    note: (id) => file('the verdict note', `details/claim/${id}.js`),
  }
}
