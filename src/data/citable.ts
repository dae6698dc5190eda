import { describeValue, KapLiteratureError } from '../errors'
import { deepFreeze } from '../freeze'
import type { CslItem, SourceCore, StudyCore } from '../types'

/** The note added when a source page's title comes from its own heading. */
export const DOCUMENT_TITLE_NOTE = "Title as shown on the page itself; no public copy of the page confirmed it."

const cache = new WeakMap<object, CslItem>()

/**
 * The CSL item to cite a record by, for bibliographies and exports. It is the record's verified `csl`, except that a
 * source page with no confirmed title takes its own heading (`documentTitle`) as title, with a note saying so, so that
 * no reference or export is ever an empty entry. The result is frozen and the same object on every call.
 * @param record - a shipped study or source (its core is enough)
 * @returns the CSL-JSON item (`id` is the record id)
 * @throws {@link KapLiteratureError} `INVALID_ARGUMENT` for a value that is not a record (such as an id string)
 * @example
 * ```ts
 * import { citationCsl, getSource } from 'kap-literature'
 * const page = getSource('kap-series-part-2-how-kap-works')
 * console.log(citationCsl(page).title) // the page's own heading, since no public copy confirmed a title
 * ```
 */
export function citationCsl(record: StudyCore | SourceCore): CslItem {
  const given: unknown = record !== null && typeof record === 'object' ? (record as { csl?: unknown }).csl : undefined
  if (given === null || typeof given !== 'object' || typeof (record as { id?: unknown }).id !== 'string') {
    throw new KapLiteratureError('INVALID_ARGUMENT', `citationCsl expects a shipped study or source record, got ${describeValue(record)}`, {
      value: record,
      hint: "pass getStudy('dore-2019') or getSource(id), not an id",
    })
  }
  const hit = cache.get(record)
  if (hit !== undefined) return hit
  let csl = record.csl
  if (csl.title === undefined && 'documentTitle' in record && record.documentTitle !== undefined) {
    const note = csl.note === undefined ? DOCUMENT_TITLE_NOTE : `${csl.note} ${DOCUMENT_TITLE_NOTE}`
    csl = deepFreeze({ ...csl, title: record.documentTitle, note })
  }
  cache.set(record, csl)
  return csl
}
