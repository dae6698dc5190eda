/**
 * schema.org JSON-LD for the shipped records, for clinic and review sites that want search engines and other
 * machines to read the evidence behind a page. No runtime dependencies.
 *
 * - a study → `MedicalScholarlyArticle` (human research, reviews), `ScholarlyArticle` (preclinical) or `WebPage`
 *   (a regulator's or company's announcement page; a plain `CreativeWork` for a lead whose title and address were
 *   not confirmed);
 * - a claim → `ClaimReview` of a `Claim`, rated 1–5 from its verdict ({@link verdictRatings});
 * - a source → `WebPage`.
 *
 * @example
 * ```ts
 * import { toJsonLdScript } from 'kap-literature/jsonld'
 * // In a server-rendered page's <head>:
 * const tag = toJsonLdScript('without-therapy-ketamine-effects-fade-faster')
 * ```
 * @packageDocumentation
 */
import { describeValue, isList, KapLiteratureError } from '../errors'
import { claimIds, sourceIds, studyIds } from '../generated/ids'
import { getClaim, getSource, getStudy, isClaimId, isSourceId, isStudyId } from '../data/index'
import { checkOptionKeys, closest, idForm } from '../suggest'
import { claimNode, SCHEMA_ORG, sourceNode, studyNode } from './convert'
import { PLAIN_JSON_HINT, scriptElement } from './script'
import type { JsonLdDocument, JsonLdGraph, JsonLdNode, JsonLdRecordId } from './types'

export { verdictRatings } from './ratings'
export type { JsonLdDocument, JsonLdGraph, JsonLdNode, JsonLdRecordId, JsonLdValue } from './types'

const allIds: readonly string[] = [...studyIds, ...claimIds, ...sourceIds].sort()

/**
 * Options of {@link toJsonLd} and {@link toJsonLdScript}.
 * @example
 * ```ts
 * import { getDetails } from 'kap-literature/details'
 * const options: JsonLdOptions = { details: [getDetails('without-therapy-ketamine-effects-fade-faster')] }
 * ```
 */
export interface JsonLdOptions {
  /**
   * Record details (from `kap-literature/details`: `getDetails` in Node, `await loadDetails(id)` in a browser). A
   * claim whose detail is given gets its verdict note as the review's `reviewBody`; without it the `ClaimReview`
   * holds everything schema.org and search engines require, from the core alone. A detail whose `id` is no record
   * is an error (`UNKNOWN_ID`), so a misspelt id never drops a `reviewBody` silently.
   */
  readonly details?: readonly { readonly id: string; readonly verdictNote?: string }[]
}

const optionKeys = ['details'] as const

function notesFrom(options: unknown): ReadonlyMap<string, string> {
  if (options === undefined) return new Map()
  if (options === null || typeof options !== 'object' || isList(options, 'toJsonLd options')) {
    throw new KapLiteratureError(
      'INVALID_ARGUMENT',
      `toJsonLd options must be an object, got ${describeValue(options)}`,
      { value: options },
    )
  }
  checkOptionKeys('toJsonLd', options, optionKeys)
  const details = (options as { details?: unknown }).details
  if (details === undefined) return new Map()
  if (!isList(details, 'toJsonLd option details')) {
    throw new KapLiteratureError(
      'INVALID_ARGUMENT',
      `toJsonLd option details must be a list of record details, got ${describeValue(details)}`,
      { value: details },
    )
  }
  const notes = new Map<string, string>()
  const list = details as readonly unknown[]
  for (let i = 0; i < list.length; i++) {
    const d = list[i]
    const { id, verdictNote } = (d ?? {}) as { id?: unknown; verdictNote?: unknown }
    if (typeof id !== 'string')
      throw new KapLiteratureError('INVALID_ARGUMENT', `toJsonLd: a detail has no id, got ${describeValue(d)}`, {
        value: d,
      })
    // A detail of no record would otherwise be dropped, and its claim published without its reviewBody (audit 36).
    const key = canonicalId(id)
    if (key === undefined) {
      const hint = closest(id, allIds)
      throw new KapLiteratureError(
        'UNKNOWN_ID',
        `toJsonLd: details[${i}] is the detail of no record: unknown id ${describeValue(id)}` +
          (hint === undefined ? '' : ` (did you mean "${hint}"?)`),
        { value: id, hint: hint ?? 'the id of a shipped record, as getDetails(id) or loadDetails(id) returns it' },
      )
    }
    if (verdictNote === undefined) continue
    if (typeof verdictNote !== 'string')
      throw new KapLiteratureError(
        'INVALID_ARGUMENT',
        `toJsonLd: details[${i}].verdictNote must be a string, got ${describeValue(verdictNote)}`,
        { value: verdictNote, hint: 'pass the verdict note as text, e.g. getDetails(id).verdictNote' },
      )
    // A blank note would publish the claim without its reviewBody, silently.
    if (verdictNote.trim() === '')
      throw new KapLiteratureError('INVALID_ARGUMENT', `toJsonLd: details[${i}].verdictNote is blank`, {
        value: verdictNote,
        hint: 'pass the verdict note as getDetails(id) gives it, or leave verdictNote out',
      })
    notes.set(key, verdictNote)
  }
  return notes
}

/** The shipped record id a string names (as given, or trimmed and lower-cased), or `undefined`. */
function canonicalId(id: string): string | undefined {
  for (const key of [id, idForm(id)]) if (isStudyId(key) || isClaimId(key) || isSourceId(key)) return key
  return undefined
}

function nodeFor(id: unknown, where: string, notes: ReadonlyMap<string, string>): JsonLdNode {
  if (typeof id !== 'string') {
    throw new KapLiteratureError('INVALID_ARGUMENT', `${where} must be a record id string, got ${describeValue(id)}`, {
      value: id,
    })
  }
  const key = canonicalId(id) ?? id
  if (isStudyId(key)) return studyNode(getStudy(key))
  if (isClaimId(key)) return claimNode(getClaim(key), notes.get(key))
  if (isSourceId(key)) return sourceNode(getSource(key))
  const hint = closest(id, allIds)
  throw new KapLiteratureError(
    'UNKNOWN_ID',
    `unknown record id ${describeValue(id)}${hint === undefined ? '' : ` (did you mean "${hint}"?)`}`,
    { value: id, hint: hint ?? 'no record id is close; studyIds, claimIds and sourceIds of kap-literature list them' },
  )
}

/** The most ids (repeats included) one call takes: far more than there are records, and about 0.1 s of work. */
const MAX_IDS = 1_000_000

function graphFor(ids: readonly unknown[], notes: ReadonlyMap<string, string>): JsonLdGraph {
  // The length is read once and checked first: `new Array(2 ** 32 - 1)` costs nothing to make, but not to walk.
  const length: unknown = ids.length
  if (typeof length !== 'number' || !(length <= MAX_IDS)) {
    throw new KapLiteratureError(
      'LIMIT_EXCEEDED',
      `toJsonLd takes at most ${MAX_IDS.toLocaleString('en-US')} ids; this list has ${String(length)}`,
      { value: `${String(length)} ids`, hint: 'pass each record once; see docs/limits.md' },
    )
  }
  const seen = new Set<string>()
  const graph: JsonLdNode[] = []
  for (let i = 0; i < length; i++) {
    const id = ids[i]
    // A hole of a sparse array ([, , ,]) is refused where it is, as `undefined` is; forEach would skip it silently.
    if (id === undefined && !(i in ids))
      throw new KapLiteratureError('INVALID_ARGUMENT', `ids[${i}] is an empty slot of a sparse array, not an id`, {
        value: id,
        hint: 'remove the empty slots, or build the list with push or map',
      })
    // A repeated id is skipped before conversion: a list of 200,000 copies of one id converts it once.
    const key = typeof id === 'string' ? idForm(id) : undefined
    if (key !== undefined && seen.has(key)) continue
    const node = nodeFor(id, `ids[${i}]`, notes)
    seen.add(key!)
    graph.push(node)
  }
  return { '@context': SCHEMA_ORG, '@graph': graph }
}

function documentFor(idOrIds: unknown, options: unknown): JsonLdDocument | JsonLdGraph {
  const notes = notesFrom(options)
  if (isList(idOrIds, 'the ids')) return graphFor(idOrIds, notes)
  const node = nodeFor(idOrIds, 'the id', notes)
  return { '@context': SCHEMA_ORG, ...node } as JsonLdDocument
}

/**
 * Converts one shipped record to a schema.org JSON-LD document, or several to one document with a `@graph`.
 *
 * - **Study** → `MedicalScholarlyArticle` (trials, cohorts, reviews, consensus statements), `ScholarlyArticle`
 *   (preclinical) or `WebPage` (a regulatory announcement; `CreativeWork` when neither its title nor its address is
 *   confirmed), with `name`/`headline`, `author` (`Person` or `Organization`), `datePublished` (only the date parts
 *   the record has), `isPartOf` (issue → volume → periodical),
 *   `pagination`/`pageStart`/`pageEnd`, `identifier` (DOI, PMID, PMCID, record id), `sameAs` (https://doi.org/…,
 *   PubMed and PMC URLs), `url`, and `creativeWorkStatus`/`correction` for retractions and corrections. Studies with
 *   a DOI use its URL as `@id`.
 * - **Claim** → `ClaimReview`: `claimReviewed` (our statement), `itemReviewed` (a `Claim` whose `appearance` lists
 *   the source pages), `reviewRating` (a 1–5 `Rating` from {@link verdictRatings}, `alternateName` = the verdict
 *   label), `author` (Organization "kap-literature") and `citation` (the evidence studies as short references), all
 *   from the records' cores; `reviewBody` (our verdict note) when the claim's detail is passed in `options.details`.
 *   Add `url` (the page showing the review) yourself before publishing.
 * - **Source** → `WebPage` with the title, address, author, site and date where known.
 *
 * Fields a record lacks are left out, never guessed; no property is ever `undefined` or an empty string.
 * In a list (at most 1,000,000 ids), repeated ids are kept once, in first-seen order; an empty list gives an empty
 * `@graph`; an empty slot of a sparse array is refused, as `undefined` is.
 * @param id - a study, claim or source id (or a list of them); ids are matched case-insensitively after trimming
 * @param options - `details`: record details whose verdict notes become `reviewBody`
 * @returns a fresh JSON-LD object with `"@context": "https://schema.org"`
 * @throws {@link index!KapLiteratureError} `UNKNOWN_ID` (with the closest id as `hint`) for an id that is no record, or
 * `INVALID_ARGUMENT` for a value that is not a string (or a list holding one, or an empty slot); `LIMIT_EXCEEDED`
 * for a list of more than 1,000,000 ids; for `options.details`, `UNKNOWN_ID` (closest id as `hint`) for a detail
 * whose id is no record and `INVALID_ARGUMENT` for a detail without an id or with a `verdictNote` that is not text
 * @example
 * ```ts
 * import { toJsonLd } from 'kap-literature/jsonld'
 * const article = toJsonLd('dore-2019')
 * article['@type'] // 'MedicalScholarlyArticle'
 * article.sameAs // ['https://doi.org/10.1080/…', …]
 * const review = toJsonLd('without-therapy-ketamine-effects-fade-faster')
 * console.log(review.reviewRating) // { '@type': 'Rating', ratingValue: 2, …, alternateName: 'Overstated' }
 * ```
 */
export function toJsonLd(id: JsonLdRecordId, options?: JsonLdOptions): JsonLdDocument
/**
 * Converts several shipped records to one JSON-LD document whose `@graph` holds one node per distinct id.
 * @param ids - study, claim or source ids, in the order wanted
 * @param options - as for one id
 * @returns a fresh `{ "@context": "https://schema.org", "@graph": [...] }`
 * @throws {@link index!KapLiteratureError} `UNKNOWN_ID` or `INVALID_ARGUMENT`, naming the position of the bad id
 * (an empty slot too); `LIMIT_EXCEEDED` for more than 1,000,000 ids
 * @example
 * ```ts
 * import { toJsonLd } from 'kap-literature/jsonld'
 * const graph = toJsonLd(['without-therapy-ketamine-effects-fade-faster', 'grunebaum-2018'])
 * console.log(graph['@graph'].map((n) => n['@type'])) // [ 'ClaimReview', 'MedicalScholarlyArticle' ]
 * ```
 */
export function toJsonLd(ids: readonly JsonLdRecordId[], options?: JsonLdOptions): JsonLdGraph
export function toJsonLd(
  idOrIds: JsonLdRecordId | readonly JsonLdRecordId[],
  options?: JsonLdOptions,
): JsonLdDocument | JsonLdGraph {
  return documentFor(idOrIds, options)
}

/**
 * The JSON-LD of one record (or a `@graph` of several) as a complete
 * `<script type="application/ld+json">…</script>` element, ready to put in a page's HTML.
 *
 * Safe to embed: inside the JSON, `<`, `>`, `&`, U+2028 and U+2029 are written as `\u003c`, `\u003e`, `\u0026`,
 * `\u2028` and `\u2029`, so `</script>` or `<!--` can never appear in the element's content, whatever the record text
 * holds, and the content still parses to exactly {@link toJsonLd}'s output. The element has no attributes besides
 * `type`; JSON-LD blocks are data, not scripts, so a Content-Security-Policy does not need a nonce for them.
 * @param idOrIds - a study, claim or source id, or a list of them
 * @param options - as for {@link toJsonLd}
 * @returns the HTML of one `<script>` element, on one line
 * @throws {@link index!KapLiteratureError} as {@link toJsonLd}
 * @example
 * ```ts
 * import { toJsonLdScript } from 'kap-literature/jsonld'
 * const head = `<head>${toJsonLdScript(['without-therapy-ketamine-effects-fade-faster', 'grunebaum-2018'])}</head>`
 * ```
 */
export function toJsonLdScript(idOrIds: JsonLdRecordId | readonly JsonLdRecordId[], options?: JsonLdOptions): string {
  return scriptElement(documentFor(idOrIds, options))
}

/**
 * Serialises a JSON-LD object of your own (for example {@link toJsonLd}'s output with your page's `url` added) as a
 * `<script type="application/ld+json">` element, escaped as in {@link toJsonLdScript} so that no text in it can end
 * the element or open an HTML comment.
 * @param document - a JSON-LD object (or a list of them), as plain JSON data
 * @returns the HTML of one `<script>` element, on one line
 * @throws {@link index!KapLiteratureError} `INVALID_ARGUMENT` for a value that is not an object or list,
 * or that JSON cannot represent (a cycle, a BigInt)
 * @example
 * ```ts
 * import { jsonLdToScript, toJsonLd } from 'kap-literature/jsonld'
 * const review = { ...toJsonLd('without-therapy-ketamine-effects-fade-faster'), url: 'https://example.org/claims#fade' }
 * const tag = jsonLdToScript(review)
 * ```
 */
export function jsonLdToScript(document: JsonLdNode | readonly JsonLdNode[]): string {
  if (document === null || typeof document !== 'object') {
    throw new KapLiteratureError(
      'INVALID_ARGUMENT',
      `jsonLdToScript expects a JSON-LD object, got ${describeValue(document)}`,
      { value: document },
    )
  }
  try {
    return scriptElement(document)
  } catch (cause) {
    if (cause instanceof KapLiteratureError) throw cause
    throw new KapLiteratureError(
      'INVALID_ARGUMENT',
      `jsonLdToScript could not serialise the object as JSON (${cause instanceof Error ? cause.message : String(cause)})`,
      { value: document, cause, hint: PLAIN_JSON_HINT },
    )
  }
}
