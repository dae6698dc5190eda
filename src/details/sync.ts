// The synchronous half of the details entry: every record's detail, bundled. Node code (scripts, servers, the CLI)
// uses it; it is a module of its own, which the package builds as a chunk of its own, so that a browser page that
// imports only `loadDetails` or `loadFull` from the same entry never reaches these tables (a bundler drops the unused
// chunk, and with it the static imports of every record's detail).
import { getClaim, getSource, getStudy } from '../data/index'
import { claimIds, sourceIds, studyIds } from '../generated/ids'
import { claimDetailRecords, sourceDetailRecords, studyDetailRecords } from '../generated/details'
import { deepFreeze } from '../freeze'
import { resolve, type Kind } from './resolve'
import { merge } from './merge'
import type {
  Claim,
  ClaimDetail,
  ClaimId,
  RecordDetail,
  ResolvedEvidence,
  Source,
  SourceDetail,
  SourceId,
  Study,
  StudyDetail,
  StudyId,
} from '../types'

function detailTable(kind: Kind): Readonly<Record<string, RecordDetail>> {
  return kind === 'study' ? studyDetailRecords : kind === 'claim' ? claimDetailRecords : sourceDetailRecords
}

/**
 * The detail of a record, synchronously (everything is loaded with this function: use it in Node, and
 * {@link loadDetails} in browsers).
 * @param id - a study, claim or source id
 * @returns the frozen detail: {@link StudyDetail}, {@link ClaimDetail} or {@link SourceDetail} by the id's kind
 * @throws {@link index!KapLiteratureError} `UNKNOWN_ID` (with the closest id as `hint`) or `INVALID_ARGUMENT` for a non-string
 * @example
 * ```ts
 * import { getDetails } from 'kap-literature/details'
 * console.log(getDetails('dore-2019').findings)
 * console.log(getDetails('without-therapy-ketamine-effects-fade-faster').verdictNote)
 * ```
 */
export function getDetails(id: StudyId): StudyDetail
export function getDetails(id: ClaimId): ClaimDetail
export function getDetails(id: SourceId): SourceDetail
export function getDetails(id: StudyId | ClaimId | SourceId): RecordDetail
export function getDetails(id: StudyId | ClaimId | SourceId): RecordDetail {
  const r = resolve(id, 'getDetails')
  return deepFreeze(detailTable(r.kind)[r.id]!)
}

/**
 * The full study (core and detail), synchronously.
 * @param id - a study id
 * @returns the frozen full record
 * @throws {@link index!KapLiteratureError} `UNKNOWN_ID` (with the closest id as `hint`) or `INVALID_ARGUMENT` for a non-string
 * @example
 * ```ts
 * import { getFullStudy } from 'kap-literature/details'
 * const study = getFullStudy('dore-2019')
 * console.log(study.csl.title, study.limitations, study.verification.sources.length)
 * ```
 */
export function getFullStudy(id: StudyId): Study {
  const core = getStudy(id)
  return merge('study', core, studyDetailRecords[core.id]!) as Study
}

/**
 * The full claim (core, verdict note, evidence and citation problems with their notes), synchronously.
 * @param id - a claim id
 * @returns the frozen full record
 * @throws {@link index!KapLiteratureError} `UNKNOWN_ID` (with the closest id as `hint`) or `INVALID_ARGUMENT` for a non-string
 * @example
 * ```ts
 * import { getFullClaim } from 'kap-literature/details'
 * const claim = getFullClaim('without-therapy-ketamine-effects-fade-faster')
 * console.log(claim.verdict, claim.verdictNote)
 * ```
 */
export function getFullClaim(id: ClaimId): Claim {
  const core = getClaim(id)
  return merge('claim', core, claimDetailRecords[core.id]!) as Claim
}

/**
 * The full source document record, synchronously.
 * @param id - a source id
 * @returns the frozen full record
 * @throws {@link index!KapLiteratureError} `UNKNOWN_ID` (with the closest id as `hint`) or `INVALID_ARGUMENT` for a non-string
 * @example
 * ```ts
 * import { getFullSource } from 'kap-literature/details'
 * console.log(getFullSource('samadhi-kap-vs-infusions').verification.checked)
 * ```
 */
export function getFullSource(id: SourceId): Source {
  const core = getSource(id)
  return merge('source', core, sourceDetailRecords[core.id]!) as Source
}

/**
 * A claim's evidence entries, with their notes, joined with the full study records, in the claim's order.
 * @param claimId - a claim id
 * @returns each entry's relation and note with the full study
 * @throws {@link index!KapLiteratureError} `UNKNOWN_ID` for an id that is not a claim
 * @example
 * ```ts
 * import { fullEvidenceFor } from 'kap-literature/details'
 * for (const e of fullEvidenceFor('without-therapy-ketamine-effects-fade-faster')) {
 *   console.log(e.relation, e.study.id, e.note)
 * }
 * ```
 */
export function fullEvidenceFor(claimId: ClaimId): readonly ResolvedEvidence[] {
  // Frozen like every list an accessor returns (README): the entries hold frozen records.
  return Object.freeze(
    getFullClaim(claimId).evidence.map((e) =>
      Object.freeze({ relation: e.relation, note: e.note, study: getFullStudy(e.study) }),
    ),
  )
}

/**
 * Every shipped study as a full record, sorted by id (merged on first access).
 * @example
 * ```ts
 * import { fullStudies } from 'kap-literature/details'
 * console.log(fullStudies().filter((s) => s.intervention.withPsychotherapy).map((s) => s.id))
 * ```
 * @returns the full records
 */
export function fullStudies(): readonly Study[] {
  return Object.freeze(studyIds.map((id) => getFullStudy(id)))
}

/**
 * Every shipped claim as a full record, sorted by id.
 * @returns the full records
 * @example
 * ```ts
 * import { fullClaims } from 'kap-literature/details'
 * console.log(fullClaims().length)
 * ```
 */
export function fullClaims(): readonly Claim[] {
  return Object.freeze(claimIds.map((id) => getFullClaim(id)))
}

/**
 * Every shipped source document as a full record, sorted by id.
 * @returns the full records
 * @example
 * ```ts
 * import { fullSources } from 'kap-literature/details'
 * for (const s of fullSources()) console.log(s.id, s.file)
 * ```
 */
export function fullSources(): readonly Source[] {
  return Object.freeze(sourceIds.map((id) => getFullSource(id)))
}
