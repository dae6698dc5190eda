/**
 * What the shipped search store leaves out because every page that searches has it already: the claim statements and
 * the record ids (src/generated). The search entry passes it to `loadStore`, the build to `serializeStore`.
 * @internal
 * @packageDocumentation
 */
import { claimStatements } from '../generated/claim-statements'
import { claimIds, sourceIds, studyIds } from '../generated/ids'
import type { SharedTexts } from './store'

/** The shared texts of the shipped data. @internal */
export const shippedSharedTexts: SharedTexts = {
  claimStatements,
  ids: { study: studyIds, claim: claimIds, source: sourceIds },
}
