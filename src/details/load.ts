// Loading one record's detail on demand, without the table of every detail that the synchronous half of the details
// entry holds: the elements (and any page that only calls `loadDetails`) fetch the one chunk they show.
import { claimDetailLoaders } from '../generated/detail-loaders/claim'
import { sourceDetailLoaders } from '../generated/detail-loaders/source'
import { studyDetailLoaders } from '../generated/detail-loaders/study'
import { deepFreeze } from '../freeze'
import { resolve, type Kind } from './resolve'
import type { ClaimDetail, ClaimId, RecordDetail, SourceDetail, SourceId, StudyDetail, StudyId } from '../types'

const loaders: Readonly<Record<Kind, Readonly<Record<string, () => Promise<{ readonly default: unknown }>>>>> = {
  study: studyDetailLoaders,
  claim: claimDetailLoaders,
  source: sourceDetailLoaders,
}

/**
 * Loads the detail of one record on demand: each record's detail is its own small chunk, fetched (in a browser
 * bundle) only when this is called. Works in Node too.
 * @param id - a study, claim or source id
 * @returns a promise of the frozen detail: {@link StudyDetail}, {@link ClaimDetail} or {@link SourceDetail}
 * @throws {@link index!KapLiteratureError} `UNKNOWN_ID` or `INVALID_ARGUMENT` (the promise rejects)
 * @example
 * ```ts
 * import { loadDetails } from 'kap-literature/details'
 * const detail = await loadDetails('dore-2019')
 * console.log(detail.findings)
 * ```
 */
export async function loadDetails(id: StudyId): Promise<StudyDetail>
export async function loadDetails(id: ClaimId): Promise<ClaimDetail>
export async function loadDetails(id: SourceId): Promise<SourceDetail>
export async function loadDetails(id: StudyId | ClaimId | SourceId): Promise<RecordDetail>
export async function loadDetails(id: StudyId | ClaimId | SourceId): Promise<RecordDetail> {
  const r = resolve(id, 'loadDetails')
  const module = await loaders[r.kind][r.id]!()
  return deepFreeze(module.default as RecordDetail)
}
