/**
 * The search store and the index built from it.
 *
 * The store (src/generated/search-index.json, written by scripts/build-search-index.ts) holds only what search
 * ranks, displays and highlights: per record the display title, author names, tags, a short snippet text, the rare
 * words of the rest of its summaries, filter values and identifiers, plus the labels of the filter vocabularies (the
 * tags are stored without the labels those give, which the reader restores). It is versioned and fingerprinted.
 * The search entry imports it instead of the records, so a page with a search box ships no record detail.
 *
 * The index — lunr's inverted index in a compact form (per term, the documents, fields and term frequencies) and its
 * BM25 weights, computed exactly as `lunr.Builder` computes its field vectors (tests compare them) — is built from the
 * store on the first search: a few milliseconds for the shipped data, and smaller to ship than the index itself.
 * @internal
 * @packageDocumentation
 */
import { KapLiteratureError } from '../errors'
import {
  FIELDS,
  type CompactDoc,
  type FieldName,
  type LabelledTerms,
  type SearchDoc,
  type SearchVocabularies,
} from './documents'
import { allConcepts, conceptTerms } from './synonyms'
import { searchableTypes, type SearchableType } from './types'
import { isStopWord, tokenize } from './text'

/** Name written into serialized search stores. */
export const INDEX_FORMAT = 'kap-literature-search-index'
/** Version of the serialized layout; a reader accepts only its own. */
export const INDEX_FORMAT_VERSION = 5
/** Field boosts: title or statement, then authors (first author and year, all authors), then tags, then findings. */
export const BOOSTS: Readonly<Record<FieldName, number>> = { title: 8, cite: 5, authors: 4, tags: 3, body: 1 }
/** lunr's BM25 parameters (lunr.Builder defaults). */
const K1 = 1.2
const B = 0.75
const F = FIELDS.length

/**
 * lunr's inverted index with term frequencies, as one number stream: for term `terms[t]`, `stream[termOffset[t]]` is
 * its entry count, followed per entry by the document (as the difference to the previous entry's document, so
 * ascending) and the code `tf * FIELDS.length + field`. Entries are decoded only when a term is first searched.
 * @internal
 */
export interface IndexData {
  readonly terms: readonly string[]
  readonly termOffset: Uint32Array
  readonly stream: Uint32Array
  /** Terms per field per document (after stop words, with concept terms), at `doc * FIELDS.length + field`. */
  readonly fieldLengths: Uint32Array
}

/**
 * The index terms of one field text: stemmed words without stop words, plus a concept term for each synonym-group
 * occurrence.
 * @internal
 */
export function analyze(text: string): string[] {
  const tokens = tokenize(text)
  const out: string[] = []
  for (const t of tokens) if (!isStopWord(t.folded)) out.push(t.term)
  for (const c of allConcepts(conceptTerms(tokens, text))) out.push(c.concept)
  return out
}

/**
 * Builds the index of a list of documents (what `lunr.Builder#add` collects).
 * @internal
 */
export function buildIndexData(docs: readonly SearchDoc[]): IndexData {
  const perTerm = new Map<string, number[]>()
  const fieldLengths = new Uint32Array(docs.length * F)
  docs.forEach((d, doc) => {
    FIELDS.forEach((field, fi) => {
      const terms = analyze(d.fields[field])
      fieldLengths[doc * F + fi] = terms.length
      const tf = new Map<string, number>()
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1)
      for (const [t, n] of tf) {
        let list = perTerm.get(t)
        if (list === undefined) perTerm.set(t, (list = []))
        list.push(doc, n * F + fi)
      }
    })
  })
  const terms = [...perTerm.keys()].sort()
  const termOffset = new Uint32Array(terms.length)
  const stream: number[] = []
  terms.forEach((t, i) => {
    // A term's entries were added document by document, field by field: already in (doc, field) order.
    const list = perTerm.get(t)!
    termOffset[i] = stream.length
    stream.push(list.length / 2)
    let previous = 0
    for (let k = 0; k < list.length; k += 2) {
      stream.push(list[k]! - previous, list[k + 1]!)
      previous = list[k]!
    }
  })
  return { terms, termOffset, stream: Uint32Array.from(stream), fieldLengths }
}

/**
 * Per-term documents with summed, boosted BM25 weights, computed lazily per term. The weight of a term in a field
 * of a document is exactly the value `lunr.Builder` stores in that field's vector (same idf, k1, b, boost and
 * rounding to three decimals); a document's weight for a term is the sum over its fields.
 * @internal
 */
export class Postings {
  readonly data: IndexData
  private readonly averageLength: Float64Array
  private readonly docCount: number
  private ids: Map<string, number> | undefined
  private readonly cache = new Map<number, Posting>()

  /**
   * @param data - the index
   * @param docCount - the number of documents
   */
  constructor(data: IndexData, docCount: number) {
    this.data = data
    this.docCount = docCount
    this.averageLength = new Float64Array(F)
    for (let i = 0; i < data.fieldLengths.length; i++) this.averageLength[i % F]! += data.fieldLengths[i]!
    for (let f = 0; f < F; f++) this.averageLength[f]! /= Math.max(1, docCount)
  }

  /** The id of an index term, or -1. */
  termId(term: string): number {
    if (this.ids === undefined) this.ids = new Map(this.data.terms.map((t, i) => [t, i]))
    return this.ids.get(term) ?? -1
  }

  /** The documents containing a term, ascending, with their weights and the fields it occurs in. */
  get(term: string): Posting {
    const id = this.termId(term)
    if (id < 0) return EMPTY
    const cached = this.cache.get(id)
    if (cached !== undefined) return cached
    const { termOffset, stream, fieldLengths } = this.data
    let at = termOffset[id]!
    const n = stream[at++]!
    // lunr.idf counts a document once per field that contains the term.
    const idf = Math.log(1 + Math.abs((this.docCount - n + 0.5) / (n + 0.5)))
    const docs: number[] = []
    const weights: number[] = []
    const fields: number[] = []
    let doc = 0
    for (let k = 0; k < n && at + 1 < stream.length; k++) {
      doc += stream[at++]!
      const code = stream[at++]!
      const field = code % F
      const tf = Math.floor(code / F)
      // A damaged entry is skipped rather than thrown on: a search never throws.
      if (doc >= this.docCount || tf === 0) continue
      const length = fieldLengths[doc * F + field]!
      const score =
        ((idf * ((K1 + 1) * tf)) / (K1 * (1 - B + B * (length / this.averageLength[field]!)) + tf)) *
        BOOSTS[FIELDS[field]!]
      const w = Math.round(score * 1000) / 1000
      if (docs[docs.length - 1] === doc) {
        weights[weights.length - 1]! += w
        fields[fields.length - 1]! |= 1 << field
      } else {
        docs.push(doc)
        weights.push(w)
        fields.push(1 << field)
      }
    }
    const posting: Posting = {
      docs: Uint32Array.from(docs),
      weights: Float64Array.from(weights),
      fields: Uint8Array.from(fields),
    }
    this.cache.set(id, posting)
    return posting
  }
}

/**
 * A term's documents (ascending), each with its summed weight and a bit mask of the fields (bit i = `FIELDS[i]`)
 * that contain the term.
 * @internal
 */
export interface Posting {
  readonly docs: Uint32Array
  readonly weights: Float64Array
  readonly fields: Uint8Array
}

const EMPTY: Posting = { docs: new Uint32Array(0), weights: new Float64Array(0), fields: new Uint8Array(0) }

/**
 * A 32-bit FNV-1a hash, as 8 hex digits.
 * @internal
 */
export function fnv1a(parts: readonly string[]): string {
  let h = 0x811c9dc5
  for (const s of parts) {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i)
      h = Math.imul(h, 0x01000193)
    }
    h ^= 0xff
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(16).padStart(8, '0')
}

/**
 * The vocabularies whose labels search shows (facets). Tags are labelled at build time; the labels they begin with
 * that these vocabularies give (design, conditions, routes, topics, verdict) are not stored again but restored on load.
 */
const VOCABULARY_NAMES = ['certainty', 'conditions', 'designs', 'routes', 'topics', 'verdicts'] as const

/**
 * The vocabularies a store labels.
 * @internal
 */
export type StoreVocabularies = Omit<SearchVocabularies, 'substances'>

/**
 * A hash of a store's content: the format, the fields, the vocabulary labels and every compact document. A loaded
 * store whose hash differs was damaged or edited by hand.
 * @internal
 */
export function fingerprint(docs: readonly CompactDoc[], vocabularies: StoreVocabularies): string {
  const parts = [`${INDEX_FORMAT}/${INDEX_FORMAT_VERSION}`, FIELDS.join(',')]
  for (const name of VOCABULARY_NAMES)
    parts.push(`${name}:${vocabularies[name].map((t) => `${t.id}=${t.label}`).join('|')}`)
  // Each document with its keys in one order (the store's columns need not keep the builder's).
  for (const d of docs) parts.push(JSON.stringify(d, Object.keys(d).sort()))
  return fnv1a(parts)
}

/**
 * A serialized search store: JSON, versioned.
 * @internal
 */
export interface SerializedStore {
  readonly format: typeof INDEX_FORMAT
  readonly formatVersion: number
  readonly fields: readonly string[]
  readonly fingerprint: string
  /** Per vocabulary, `[id, label]` pairs in vocabulary order. */
  readonly labels: Readonly<Record<(typeof VOCABULARY_NAMES)[number], readonly (readonly [string, string])[]>>
  /** Records of each type (studies, claims, sources) when they are stored by position, without type and id. */
  readonly counts?: readonly number[]
  /**
   * The stored documents by field: each key's values for every document in order, `0` where a document has none (no
   * stored value is `0`). Columns pack about 0.8 KB (gzip) smaller than one object per document, whose keys repeat.
   */
  readonly columns: Readonly<Record<string, readonly unknown[]>>
}

/** A stored document's absent value in its columns. */
const ABSENT = 0

/** Documents by field (see {@link SerializedStore.columns}), the keys in the order they first appear. */
function toColumns(docs: readonly Record<string, unknown>[]): Record<string, unknown[]> {
  const columns: Record<string, unknown[]> = {}
  for (const d of docs) for (const k of Object.keys(d)) columns[k] ??= []
  for (const k of Object.keys(columns)) columns[k] = docs.map((d) => (k in d ? d[k] : ABSENT))
  return columns
}

/**
 * The stored documents of a serialized store's columns, one object per document (what {@link loadStore} restores,
 * and how tests read a store).
 * @throws `Error` on columns of unequal length or of the wrong shape
 * @internal
 */
export function storedDocuments(store: { readonly columns?: unknown }): Record<string, unknown>[] {
  const { columns } = store
  if (columns === null || typeof columns !== 'object' || Array.isArray(columns)) throw new Error('missing columns')
  const entries = Object.entries(columns as Record<string, unknown>)
  const n = entries.length === 0 ? 0 : (entries[0]![1] as unknown[] | undefined)?.length
  if (entries.some(([, v]) => !Array.isArray(v) || v.length !== n)) throw new Error('columns of unequal length')
  return Array.from({ length: n ?? 0 }, (_, i) => {
    const d: Record<string, unknown> = {}
    for (const [k, v] of entries) if ((v as unknown[])[i] !== ABSENT) d[k] = (v as unknown[])[i]
    return d
  })
}

/**
 * What the reader of a store already has, so that the store need not hold it again (a page that shows claims and
 * searches downloads each text once).
 * @internal
 */
export interface SharedTexts {
  /** The claim statements (src/generated/claim-statements.ts), in the order of the store's claims. */
  readonly claimStatements?: readonly string[]
  /** The record ids by type (src/generated/ids.ts), each list in the order of the store's records of that type. */
  readonly ids?: Readonly<Record<SearchableType, readonly string[]>>
}

/** Whether the store's records are the shared ids in order: studies, then claims, then sources. */
function idsMatch(docs: readonly CompactDoc[], ids: SharedTexts['ids']): boolean {
  if (ids === undefined) return false
  const order = searchableTypes.flatMap((t) => ids[t].map((id) => `${t}:${id}`))
  return order.length === docs.length && docs.every((d, i) => order[i] === `${d.type}:${d.id}`)
}

/**
 * Serializes a store to the versioned JSON text shipped as src/generated/search-index.json: by field, one value per
 * line, so a data change shows as a small diff.
 * @param shared - what the reader will have: a claim whose title is its statement there is written without it, and
 *   when the records are exactly the shared ids in order, each is written without its type and id (the store then
 *   says how many records of each type it holds, `counts`)
 * @internal
 */
export function serializeStore(
  docs: readonly CompactDoc[],
  vocabularies: SearchVocabularies,
  shared: SharedTexts = {},
): string {
  const labels = Object.fromEntries(VOCABULARY_NAMES.map((n) => [n, vocabularies[n].map((t) => [t.id, t.label])]))
  const byPosition = idsMatch(docs, shared.ids)
  const head = {
    format: INDEX_FORMAT,
    formatVersion: INDEX_FORMAT_VERSION,
    fields: FIELDS,
    fingerprint: fingerprint(docs, vocabularies),
    labels,
    ...(byPosition ? { counts: searchableTypes.map((t) => shared.ids![t].length) } : {}),
  }
  const lines = Object.entries(head).map(([k, v]) => ` ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
  let k = 0
  const stored = docs.map((d) => {
    const sharedTitle = d.type === 'claim' && shared.claimStatements?.[k++] === d.title
    const { type, id, title, ...rest } = d
    return {
      ...(byPosition ? {} : { type, id }),
      ...(sharedTitle ? {} : { title }),
      ...rest,
      ...storedTags(d, vocabularies),
    }
  })
  // One value per line, so a data change shows as a small diff.
  const columns = Object.entries(toColumns(stored)).map(
    ([k, values]) => `  ${JSON.stringify(k)}: [\n${values.map((v) => `   ${JSON.stringify(v)}`).join(',\n')}\n  ]`,
  )
  return `{\n${lines.join(',\n')},\n "columns": {\n${columns.join(',\n')}\n }\n}\n`
}

/** Marks a stored document whose tags are written whole, because they do not begin with its derived labels. */
const WHOLE_TAGS = 'tagsWhole'

/**
 * The labels a document's tags begin with that the store can derive from its filter values and vocabularies: a
 * study's design, conditions and routes, a claim's topics and verdict (documents.ts writes them first, in this order).
 */
function derivedTags(d: Partial<CompactDoc>, vocabularies: StoreVocabularies): string {
  const label = (terms: LabelledTerms, id: string) => terms.find((t) => t.id === id)?.label ?? id
  return [
    ...(typeof d.design === 'string' ? [label(vocabularies.designs, d.design)] : []),
    ...(Array.isArray(d.condition) ? d.condition.map((c) => label(vocabularies.conditions, c)) : []),
    ...(Array.isArray(d.route) ? d.route.map((r) => label(vocabularies.routes, r)) : []),
    ...(Array.isArray(d.topic) ? d.topic.map((t) => label(vocabularies.topics, t)) : []),
    ...(typeof d.verdict === 'string' ? [label(vocabularies.verdicts, d.verdict)] : []),
  ].join('; ')
}

/** The tags as stored: without the derived labels they begin with (the rest, or '' when nothing is left). */
function storedTags(d: CompactDoc, vocabularies: StoreVocabularies): Record<string, unknown> {
  const derived = derivedTags(d, vocabularies)
  if (d.tags === undefined || derived === '') return {}
  if (d.tags === derived) return { tags: '' }
  if (d.tags.startsWith(`${derived}; `)) return { tags: d.tags.slice(derived.length + 2) }
  return { [WHOLE_TAGS]: true }
}

/** Restores the tags of a stored document (in place of its stored tags, so the key order is the builder's). */
function restoredTags(d: Record<string, unknown>, vocabularies: StoreVocabularies): Record<string, unknown> {
  if (WHOLE_TAGS in d) {
    const whole = { ...d }
    delete whole[WHOLE_TAGS]
    return whole
  }
  if (typeof d.tags !== 'string') return d
  const derived = derivedTags(d as Partial<CompactDoc>, vocabularies)
  return { ...d, tags: [derived, d.tags].filter((p) => p !== '').join('; ') }
}

function mismatch(message: string, value: unknown, cause?: unknown): KapLiteratureError {
  return new KapLiteratureError('FORMAT_VERSION_MISMATCH', `search index: ${message}`, {
    value,
    hint: `this version reads ${INDEX_FORMAT} format ${INDEX_FORMAT_VERSION}; rebuild the index with the same kap-literature version`,
    ...(cause === undefined ? {} : { cause }),
  })
}

/**
 * Reads a serialized store.
 * @param shared - the texts the store was written without (see {@link serializeStore})
 * @throws `KapLiteratureError` `FORMAT_VERSION_MISMATCH` when `json` is not a store of this format version, or is
 * damaged or incomplete (its fingerprint does not match its content once the shared texts are restored)
 * @internal
 */
export function loadStore(
  json: unknown,
  shared: SharedTexts = {},
): {
  readonly docs: readonly CompactDoc[]
  readonly vocabularies: StoreVocabularies
  /** The store's fingerprint, which its full-text supplement names. */
  readonly fingerprint: string
} {
  const s = json as Partial<SerializedStore> | null
  if (s === null || typeof s !== 'object' || s.format !== INDEX_FORMAT) throw mismatch(`not a ${INDEX_FORMAT}`, json)
  if (s.formatVersion !== INDEX_FORMAT_VERSION) {
    throw mismatch(`format version ${String(s.formatVersion)} found, ${INDEX_FORMAT_VERSION} expected`, s.formatVersion)
  }
  if (!Array.isArray(s.fields) || s.fields.join(',') !== FIELDS.join(','))
    throw mismatch(`fields ${JSON.stringify(s.fields)} found, ${JSON.stringify(FIELDS)} expected`, s.fields)
  try {
    const storedDocs = storedDocuments(s)
    const labels = s.labels as Record<string, unknown> | undefined
    const vocabularies = Object.fromEntries(
      VOCABULARY_NAMES.map((n) => {
        const list = labels?.[n]
        if (!Array.isArray(list)) throw new Error(`missing labels of ${n}`)
        return [
          n,
          list.map((pair: unknown) => {
            if (!Array.isArray(pair) || typeof pair[0] !== 'string' || typeof pair[1] !== 'string')
              throw new Error(`bad label in ${n}`)
            return { id: pair[0], label: pair[1] }
          }) satisfies LabelledTerms,
        ]
      }),
    ) as unknown as StoreVocabularies
    // Records stored by position take their type and id from the shared ids.
    let keys: { type: SearchableType; id: string }[] | undefined
    if (s.counts !== undefined) {
      const { ids } = shared
      if (
        ids === undefined ||
        !Array.isArray(s.counts) ||
        searchableTypes.some((t, i) => s.counts![i] !== ids[t].length)
      )
        throw new Error(`records stored by position: counts ${JSON.stringify(s.counts)} do not match the ids`)
      keys = searchableTypes.flatMap((type) => ids[type].map((id) => ({ type, id })))
      if (keys.length !== storedDocs.length) throw new Error('records stored by position: wrong number of records')
    }
    // Claims stored without their title take it from the shared statements; the fingerprint then checks the result.
    let k = 0
    const docs = storedDocs.map((d, i) => {
      const doc = restoredTags(
        (keys === undefined ? d : { ...keys[i], ...d }) as Record<string, unknown>,
        vocabularies,
      ) as Partial<CompactDoc>
      if (doc.type !== 'claim') return doc
      const title = shared.claimStatements?.[k++]
      if (doc.title !== undefined || title === undefined) return doc
      // In the key order the builder writes (type, id, title, …), which the fingerprint hashes.
      return { type: doc.type, id: doc.id, title, ...doc }
    })
    for (const d of docs) {
      const doc = d as Partial<CompactDoc> | null
      if (
        doc === null ||
        typeof doc !== 'object' ||
        typeof doc.id !== 'string' ||
        typeof doc.title !== 'string' ||
        !['study', 'claim', 'source'].includes(String(doc.type))
      ) {
        throw new Error('bad document')
      }
    }
    const complete = docs as CompactDoc[]
    if (s.fingerprint !== fingerprint(complete, vocabularies)) throw new Error('fingerprint does not match the content')
    return { docs: complete, vocabularies, fingerprint: s.fingerprint }
  } catch (cause) {
    throw mismatch('damaged index data', undefined, cause)
  }
}
