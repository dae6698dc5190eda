// Loading one record's detail on demand, without the tables of every detail that the rest of the details entry
// holds: the elements (and any page that only calls `loadDetails`) fetch the one chunk they show.
import { describeValue, KapLiteratureError } from '../errors'
import { claimDetailLoaders } from '../generated/detail-loaders/claim'
import { sourceDetailLoaders } from '../generated/detail-loaders/source'
import { studyDetailLoaders } from '../generated/detail-loaders/study'
import { claimIds, sourceIds, studyIds } from '../generated/ids'
import { deepFreeze } from '../freeze'
import { closest } from '../suggest'
import type { ClaimDetail, ClaimId, RecordDetail, SourceDetail, SourceId, StudyDetail, StudyId } from '../types'

/** @internal */
export type Kind = 'study' | 'claim' | 'source'

type Loaders = Readonly<Record<string, () => Promise<{ readonly default: unknown }>>>

const kinds: readonly [Kind, readonly string[], Loaders][] = [
  ['study', studyIds, studyDetailLoaders],
  ['claim', claimIds, claimDetailLoaders],
  ['source', sourceIds, sourceDetailLoaders],
]

/**
 * The kind and canonical id of a record id (trimmed and lower-cased, as the data entry accepts it).
 * @internal
 */
export function resolve(id: unknown, caller: string): { kind: Kind; id: string } {
  if (typeof id !== 'string') {
    throw new KapLiteratureError(
      'INVALID_ARGUMENT',
      `${caller} expects a record id as a string, got ${describeValue(id)}`,
      { value: id },
    )
  }
  for (const key of [id, id.trim().toLowerCase()])
    for (const [kind, ids] of kinds) if (ids.includes(key)) return { kind, id: key }
  const hint = closest(id, [...studyIds, ...claimIds, ...sourceIds])
  throw new KapLiteratureError(
    'UNKNOWN_ID',
    `unknown record ${describeValue(id)}${hint === undefined ? '' : ` (did you mean "${hint}"?)`}`,
    { value: id, hint },
  )
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
  const loaders = kinds.find(([kind]) => kind === r.kind)![2]
  const module = await loaders[r.id]!()
  return deepFreeze(module.default as RecordDetail)
}
