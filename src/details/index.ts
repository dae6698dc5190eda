/**
 * The detail of every record — a study's population, intervention, comparator, follow-up, findings, limitations,
 * certainty note, verification provenance and notes; a claim's verdict note and the notes on its evidence and citation
 * problems; a source's file and provenance — and full records (core + detail).
 *
 * Two ways in:
 * - **Browsers**: `loadDetails(id)` / `loadFull(id)` are async and load one record's detail as its own chunk (a
 *   dynamic `import()` that bundlers split), so a page pays for a record's notes only when it shows them.
 * - **Node** (scripts, servers, the CLI): `getDetails`, `getFullStudy`, `getFullClaim`, `getFullSource`,
 *   `fullEvidenceFor` and the `fullStudies` / `fullClaims` / `fullSources` lists are synchronous.
 *
 * The records are frozen, like the cores of the data entry.
 * @example
 * ```ts
 * import { getFullStudy, loadDetails } from 'kap-literature/details'
 * console.log(getFullStudy('dore-2019').limitations)
 * const detail = await loadDetails('without-therapy-ketamine-effects-fade-faster')
 * console.log(detail.verdictNote)
 * ```
 * @packageDocumentation
 */
import { loadDetails } from './load'
import { resolve } from './resolve'
import { coreOf, merge } from './merge'
import type { Claim, Source, SourceId, Study, StudyId, ClaimId } from '../types'

export { loadDetails }
export {
  fullClaims,
  fullEvidenceFor,
  fullSources,
  fullStudies,
  getDetails,
  getFullClaim,
  getFullSource,
  getFullStudy,
} from './sync'

/**
 * Loads a full record on demand: the core (already in the data entry) merged with the detail from
 * {@link loadDetails}.
 * @param id - a study, claim or source id
 * @returns a promise of the frozen full {@link Study}, {@link Claim} or {@link Source}
 * @throws {@link index!KapLiteratureError} `UNKNOWN_ID` or `INVALID_ARGUMENT` (the promise rejects)
 * @example
 * ```ts
 * import { loadFull } from 'kap-literature/details'
 * const claim = await loadFull('without-therapy-ketamine-effects-fade-faster')
 * for (const e of claim.evidence) console.log(e.study, e.relation, e.note)
 * ```
 */
export async function loadFull(id: StudyId): Promise<Study>
export async function loadFull(id: ClaimId): Promise<Claim>
export async function loadFull(id: SourceId): Promise<Source>
export async function loadFull(id: StudyId | ClaimId | SourceId): Promise<Study | Claim | Source>
export async function loadFull(id: StudyId | ClaimId | SourceId): Promise<Study | Claim | Source> {
  const r = resolve(id, 'loadFull')
  const detail = await loadDetails(id)
  return merge(r.kind, coreOf(r.kind, r.id), detail)
}

export type {
  Claim,
  ClaimDetail,
  RecordDetail,
  ResolvedEvidence,
  Source,
  SourceDetail,
  Study,
  StudyDetail,
  Verification,
  VerificationSource,
  SourceKind,
  Intervention,
  EvidenceEntry,
  CitationProblem,
} from '../types'
