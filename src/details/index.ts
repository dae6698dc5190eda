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
import { getClaim, getSource, getStudy } from '../data/index'
import { claimIds, sourceIds, studyIds } from '../generated/ids'
import { claimDetailRecords, sourceDetailRecords, studyDetailRecords } from '../generated/details'
import { deepFreeze } from '../freeze'
import { loadDetails, resolve, type Kind } from './load'
import type {
  Claim,
  ClaimCore,
  ClaimDetail,
  ClaimId,
  RecordDetail,
  ResolvedEvidence,
  Source,
  SourceCore,
  SourceDetail,
  SourceId,
  Study,
  StudyCore,
  StudyDetail,
  StudyId,
} from '../types'

export { loadDetails }

/** Full-record key order (the order of the YAML records and of every earlier release). */
const keyOrder: Readonly<Record<Kind, readonly string[]>> = {
  study: [
    'id',
    'csl',
    'authorsComplete',
    'design',
    'population',
    'n',
    'conditions',
    'intervention',
    'comparator',
    'followUp',
    'registrations',
    'findings',
    'limitations',
    'certainty',
    'certaintyNote',
    'status',
    'verification',
    'notes',
    'unusedReason',
  ],
  claim: [
    'id',
    'statement',
    'topics',
    'madeBy',
    'evidence',
    'verdict',
    'verdictNote',
    'verdictRule',
    'citationProblems',
  ],
  source: ['id', 'file', 'documentTitle', 'csl', 'sections', 'verification', 'notes'],
}

function coreOf(kind: Kind, id: string): StudyCore | ClaimCore | SourceCore {
  return kind === 'study'
    ? getStudy(id as StudyId)
    : kind === 'claim'
      ? getClaim(id as ClaimId)
      : getSource(id as SourceId)
}

const merged = new Map<string, Study | Claim | Source>()

function merge(kind: Kind, core: object, detail: object): Study | Claim | Source {
  const id = (core as { id: string }).id
  const done = merged.get(id)
  if (done !== undefined) return done
  const c = core as Record<string, unknown>
  const d = detail as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const key of keyOrder[kind]) {
    const value = key in d ? d[key] : c[key]
    if (value !== undefined) out[key] = value
  }
  const full = deepFreeze(out) as unknown as Study | Claim | Source
  merged.set(id, full)
  return full
}

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
  return getFullClaim(claimId).evidence.map((e) => ({
    relation: e.relation,
    note: e.note,
    study: getFullStudy(e.study),
  }))
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
  return studyIds.map((id) => getFullStudy(id))
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
  return claimIds.map((id) => getFullClaim(id))
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
  return sourceIds.map((id) => getFullSource(id))
}

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
