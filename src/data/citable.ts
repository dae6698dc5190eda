import { describeValue, isList, KapLiteratureError } from '../errors'
import { deepFreeze } from '../freeze'
import type { CslItem, SourceCore, StudyCore } from '../types'

/** The note added when a source page's title comes from its own heading. */
export const DOCUMENT_TITLE_NOTE = 'Title as shown on the page itself; no public copy of the page confirmed it.'

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
 * citationCsl(page).title // 'Part 2: How Does Ketamine Assisted Psychotherapy (KAP) Work?'
 * ```
 */
export function citationCsl(record: StudyCore | SourceCore): CslItem {
  const given: unknown =
    record !== null && typeof record === 'object' && !isList(record, 'the record')
      ? (record as { csl?: unknown }).csl
      : undefined
  if (given === null || typeof given !== 'object' || typeof (record as { id?: unknown }).id !== 'string') {
    throw new KapLiteratureError(
      'INVALID_ARGUMENT',
      `citationCsl expects a shipped study or source record, got ${describeValue(record)}`,
      {
        value: record,
        hint: "pass getStudy('dore-2019') or getSource(id), not an id",
      },
    )
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

/**
 * The fields a study lacks to be cited: authors (an organisation as `literal` counts), title and date, and for a
 * journal article the journal. Empty for a citable study. The build uses the same rule (`evidence-citable`).
 * @internal
 */
export function uncitableFields(csl: {
  readonly type?: string
  readonly author?: readonly unknown[]
  readonly title?: string
  readonly issued?: unknown
  readonly 'container-title'?: string
}): string[] {
  const missing: string[] = []
  if (!Array.isArray(csl.author) || csl.author.length === 0) missing.push('author')
  if (csl.title === undefined) missing.push('title')
  if (csl.issued === undefined) missing.push('issued')
  if (csl.type === 'article-journal' && csl['container-title'] === undefined) missing.push('container-title')
  return missing
}

/**
 * Whether a shipped record can be cited: every source page can (it prints what is known of it); a study can when its
 * authors, title, date and (for a journal article) journal were confirmed. A study that cannot is kept as a lead
 * (`unusedReason`), is never used as evidence, and has no formatted reference; `bib` and the exports leave it out.
 * @param record - a shipped study or source (its core is enough)
 * @returns whether it has a reference in every style
 * @example
 * ```ts
 * import { isCitable, studies } from 'kap-literature'
 * const leads = studies.filter((s) => !isCitable(s)).map((s) => s.id)
 * ```
 */
export function isCitable(record: StudyCore | SourceCore): boolean {
  if (
    record === null ||
    typeof record !== 'object' ||
    isList(record, 'the record') ||
    record.csl === null ||
    typeof record.csl !== 'object'
  ) {
    throw new KapLiteratureError(
      'INVALID_ARGUMENT',
      `isCitable needs a shipped study or source record, got ` + `${describeValue(record)}`,
      { value: record, hint: 'pass getStudy(id) or getSource(id)' },
    )
  }
  return 'sections' in record || uncitableFields(record.csl).length === 0
}
