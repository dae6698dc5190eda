import { claimRecords } from '../generated/records'
import type { Claim, ClaimId, ResolvedEvidence, StudyId } from '../types'
import { getClaim, getStudy } from './lookup'

const citing = new Map<string, Claim[]>()
for (const claim of claimRecords) {
  const ids = new Set([...claim.evidence.map((e) => e.study), ...(claim.citationProblems ?? []).map((p) => p.study)])
  for (const id of ids) citing.set(id, [...(citing.get(id) ?? []), claim])
}

/**
 * The claims whose evidence or citation problems point at a study, sorted by claim id.
 * @param studyId - a study id
 * @returns the claims (empty if none cite it)
 * @throws {@link KapLiteratureError} `UNKNOWN_ID` for an id that is not a study
 * @example
 * ```ts
 * import { claimsCiting } from 'kap-literature'
 * for (const claim of claimsCiting('grunebaum-2018')) console.log(claim.id, claim.verdict)
 * ```
 */
export function claimsCiting(studyId: StudyId): readonly Claim[] {
  getStudy(studyId)
  return citing.get(studyId) ?? []
}

/**
 * A claim's evidence entries joined with their study records, in the claim's order.
 * @param claimId - a claim id
 * @returns each entry's relation and note with the full study
 * @throws {@link KapLiteratureError} `UNKNOWN_ID` for an id that is not a claim
 * @example
 * ```ts
 * import { evidenceFor } from 'kap-literature'
 * for (const e of evidenceFor('without-therapy-ketamine-effects-fade-faster')) {
 *   console.log(e.relation, e.study.id, e.note)
 * }
 * ```
 */
export function evidenceFor(claimId: ClaimId): readonly ResolvedEvidence[] {
  return getClaim(claimId).evidence.map((e) => ({ relation: e.relation, note: e.note, study: getStudy(e.study) }))
}
