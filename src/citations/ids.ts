import { describeValue, isList, KapLiteratureError } from '../errors'
import { claimIds, sourceIds, studyIds, type SourceId } from '../generated/ids'
import type { CitableStudyId } from '../types'
import { closest, idForm } from '../suggest'

/**
 * An id that can be cited: a study (including regulatory records) whose authors, title and date are confirmed, or a
 * source page. Claims are not citable works, and neither are studies kept only as leads (`'azhari-2021'` is a
 * compile error here, as a typo is).
 * @example
 * ```ts
 * import type { CitableId } from 'kap-literature/citations'
 * const id: CitableId = 'dore-2019'
 * ```
 */
export type CitableId = CitableStudyId | SourceId

// Pure calls, so that a page importing only a constant of the chunk this module shares (such as `cslCredit`) keeps
// none of the id lists.
/** Every study and source id (leads too). @internal */
export const citable: ReadonlySet<string> = /* @__PURE__ */ (() => new Set<string>([...studyIds, ...sourceIds]))()
const claimSet: ReadonlySet<string> = /* @__PURE__ */ (() => new Set<string>(claimIds))()
const sortedCitable = /* @__PURE__ */ (() => [...citable].sort())()

/**
 * The longest list of ids a call of the precomputed citations takes, repeats included (a million take about 40 ms).
 * @internal
 */
export const MAX_IDS = 1_000_000

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
      hint: 'an id or an array of ids',
    })
  // Read by index after one read of the length, never through the list's own iterator (which a caller may replace),
  // and no longer than a million entries (a Proxy may claim any length).
  const n: unknown = list.length
  if (!((n as number) <= MAX_IDS))
    throw new KapLiteratureError('LIMIT_EXCEEDED', `a list of more than ${MAX_IDS.toLocaleString('en-US')} ids`, {
      value: n,
      hint: 'drop the repeats: there are far fewer records',
    })
  const out: string[] = []
  const seen = new Set<string>()
  for (let i = 0; i < (n as number); i++) {
    const id = list[i]
    if (typeof id !== 'string')
      throw new KapLiteratureError('INVALID_ARGUMENT', `ids must be strings, got ${describeValue(id)}`, {
        value: id,
        hint: 'ids are strings',
      })
    // Read as every entry reads an id: in any case, without surrounding spaces.
    const key = idForm(id)
    if (seen.has(key)) continue
    seen.add(key)
    if (citable.has(key)) {
      out.push(key)
      continue
    }
    if (claimSet.has(key)) {
      throw new KapLiteratureError(
        'UNKNOWN_ID',
        `"${key}" is a claim, not a citable work (cite the studies in its evidence instead)`,
        { value: id, hint: 'cite the studies in its evidence instead' },
      )
    }
    const hint = closest(id, sortedCitable)
    throw new KapLiteratureError(
      'UNKNOWN_ID',
      `unknown study or source ${describeValue(id)}${hint === undefined ? '' : ` (did you mean "${hint}"?)`}`,
      { value: id, hint: hint ?? 'no id is close' },
    )
  }
  return out
}
