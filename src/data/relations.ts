import { claimCoreRecords } from '../generated/core'
import type { ClaimCore, ClaimId, ResolvedEvidenceCore, StudyId } from '../types'
import { getClaim, getStudy } from './lookup'

let citing: Map<string, ClaimCore[]> | undefined
function citingMap(): Map<string, ClaimCore[]> {
  if (citing !== undefined) return citing
  citing = new Map()
  for (const claim of claimCoreRecords) {
    const ids = new Set([...claim.evidence.map((e) => e.study), ...(claim.citationProblems ?? []).map((p) => p.study)])
    for (const id of ids) citing.set(id, [...(citing.get(id) ?? []), claim])
  }
  return citing
}

/**
 * The claims (their cores) whose evidence or citation problems point at a study, sorted by claim id.
 * @param studyId - a study id
 * @returns the claims (empty if none cite it)
 * @throws {@link KapLiteratureError} `UNKNOWN_ID` for an id that is not a study
 * @example
 * ```ts
 * import { claimsCiting } from 'kap-literature'
 * for (const claim of claimsCiting('grunebaum-2018')) console.log(claim.id, claim.verdict)
 * ```
 */
export function claimsCiting(studyId: StudyId): readonly ClaimCore[] {
  getStudy(studyId)
  return citingMap().get(studyId) ?? []
}

/**
 * A claim's evidence joined with the cores of its studies, in the claim's order. The notes on each entry are detail:
 * `fullEvidenceFor` from `kap-literature/details` returns them with the full studies.
 * @param claimId - a claim id
 * @returns each entry's relation with the study's core
 * @throws {@link KapLiteratureError} `UNKNOWN_ID` for an id that is not a claim
 * @example
 * ```ts
 * import { evidenceFor } from 'kap-literature'
 * for (const e of evidenceFor('without-therapy-ketamine-effects-fade-faster')) {
 *   console.log(e.relation, e.study.id, e.study.design)
 * }
 * ```
 */
export function evidenceFor(claimId: ClaimId): readonly ResolvedEvidenceCore[] {
  return getClaim(claimId).evidence.map((e) => ({ relation: e.relation, study: getStudy(e.study) }))
}
