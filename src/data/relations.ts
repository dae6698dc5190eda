import { claimCoreRecords } from '../generated/core'
import type { ClaimCore, ClaimId, ResolvedEvidenceCore, StudyId } from '../types'
import { getClaim, getStudy } from './lookup'

let citing: ReadonlyMap<string, readonly ClaimCore[]> | undefined
/** The claims citing each study, built once; every list is frozen, since claimsCiting hands out these very arrays. */
function citingMap(): ReadonlyMap<string, readonly ClaimCore[]> {
  if (citing !== undefined) return citing
  const lists = new Map<string, ClaimCore[]>()
  for (const claim of claimCoreRecords) {
    const ids = new Set([...claim.evidence.map((e) => e.study), ...(claim.citationProblems ?? []).map((p) => p.study)])
    for (const id of ids) lists.set(id, [...(lists.get(id) ?? []), claim])
  }
  citing = new Map([...lists].map(([id, list]) => [id, Object.freeze(list)]))
  return citing
}
const NONE: readonly ClaimCore[] = Object.freeze([])

/**
 * The claims (their cores) whose evidence or citation problems point at a study, sorted by claim id. The list is
 * frozen (shared between calls): copy it (`[...claimsCiting(id)]`) to sort or change it.
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
  // The record's own id: getStudy also accepts 'DORE-2019' or ' dore-2019 ', which must not find nothing here.
  return citingMap().get(getStudy(studyId).id) ?? NONE
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
  return Object.freeze(
    getClaim(claimId).evidence.map((e) => Object.freeze({ relation: e.relation, study: getStudy(e.study) })),
  )
}
