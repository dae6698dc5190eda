import { describeValue, isList, KapLiteratureError } from '../errors'
import { claimIds, sourceIds, studyIds, type SourceId, type StudyId } from '../generated/ids'
import { closest } from '../suggest'

/**
 * An id that can be cited: a study (including regulatory records) or a source page. Claims are not citable works.
 * @example
 * ```ts
 * import type { CitableId } from 'kap-literature/citations'
 * const id: CitableId = 'dore-2019'
 * ```
 */
export type CitableId = StudyId | SourceId

// Pure calls, so that a page importing only a constant of the chunk this module shares (such as `cslCredit`) keeps
// none of the id lists.
const citable: ReadonlySet<string> = /* @__PURE__ */ (() => new Set<string>([...studyIds, ...sourceIds]))()
const claimSet: ReadonlySet<string> = /* @__PURE__ */ (() => new Set<string>(claimIds))()
const sortedCitable = /* @__PURE__ */ (() => [...citable].sort())()

/**
 * Checks ids (one string or an array), drops repeats (first occurrence wins) and returns them in order.
 * @internal
 */
export function resolveIds(ids: unknown): string[] {
  let list: readonly unknown[]
  if (typeof ids === 'string') list = [ids]
  else if (isList(ids, 'ids')) list = ids
  else
    throw new KapLiteratureError('INVALID_ARGUMENT', `expected an id or an array of ids, got ${describeValue(ids)}`, {
      value: ids,
    })
  const out: string[] = []
  const seen = new Set<string>()
  for (const id of list) {
    if (typeof id !== 'string')
      throw new KapLiteratureError('INVALID_ARGUMENT', `ids must be strings, got ${describeValue(id)}`, { value: id })
    if (seen.has(id)) continue
    seen.add(id)
    if (citable.has(id)) {
      out.push(id)
      continue
    }
    if (claimSet.has(id)) {
      throw new KapLiteratureError(
        'UNKNOWN_ID',
        `"${id}" is a claim, not a citable work (cite the studies in its evidence instead)`,
        { value: id },
      )
    }
    const hint = closest(id, sortedCitable)
    throw new KapLiteratureError(
      'UNKNOWN_ID',
      `unknown study or source ${describeValue(id)}${hint === undefined ? '' : ` (did you mean "${hint}"?)`}`,
      { value: id, hint },
    )
  }
  return out
}
