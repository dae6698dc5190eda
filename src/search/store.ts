/**
 * The index store: lunr's inverted index in a compact form (per term, the documents, fields and term frequencies),
 * its BM25 weights computed exactly as `lunr.Builder` computes its field vectors, and a versioned serialization.
 *
 * Why not `lunr.Builder` and `lunr.Index` at run time: measured on this dataset in a fresh Node process (see
 * bench/search.ts and docs/search-guide.md), `lunr.Builder` needs about 200 ms to build and `lunr.Index.load` about
 * 50 ms to load a 71 KB (gzip) serialized index, against a 50 ms budget for the whole first search. This store
 * ships the same information in about 20 KB gzip and is ready in a few milliseconds; tests check that its weights
 * equal lunr's field vectors.
 * @internal
 * @packageDocumentation
 */
import synonymData from '../../data/search/synonyms.json'
import { KapLiteratureError } from '../index'
import { FIELDS, type FieldName, type SearchDoc } from './documents'
import { allConcepts } from './synonyms'
import { isStopWord, tokenize } from './text'

/** Name written into serialized indexes. */
export const INDEX_FORMAT = 'kap-literature-search-index'
/** Version of the serialized layout; a reader accepts only its own. */
export const INDEX_FORMAT_VERSION = 1
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
  for (const c of allConcepts(tokens.map((t) => t.term))) out.push(c.concept)
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
      const score = ((idf * ((K1 + 1) * tf)) / (K1 * (1 - B + B * (length / this.averageLength[field]!)) + tf)) * BOOSTS[FIELDS[field]!]
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
    const posting: Posting = { docs: Uint32Array.from(docs), weights: Float64Array.from(weights), fields: Uint8Array.from(fields) }
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
 * What an index was built from, cheaply: the format, the fields, the synonym groups, and per document its type, id,
 * title length and snippet-text lengths. A shipped index whose fingerprint differs from the live data's is stale and
 * is rebuilt from the records. (Edits that keep every length are caught by the test that regenerates the shipped
 * index, not at run time.)
 * @internal
 */
export function fingerprint(docs: readonly SearchDoc[]): string {
  const parts = [`${INDEX_FORMAT}/${INDEX_FORMAT_VERSION}`, FIELDS.join(',')]
  for (const g of synonymData.groups) parts.push(`${g.id}:${g.terms.join('|')}`)
  for (const [from, to] of Object.entries(synonymData.spelling)) parts.push(`${from}>${to}`)
  for (const d of docs) parts.push(`${d.type}:${d.id}:${d.title.length}:${d.snippetTexts.map((t) => t.length).join(',')}`)
  return fnv1a(parts)
}

/**
 * A serialized index: JSON-compatible, versioned.
 * @internal
 */
export interface SerializedIndex {
  readonly format: typeof INDEX_FORMAT
  readonly formatVersion: number
  readonly fields: readonly string[]
  readonly fingerprint: string
  readonly docCount: number
  /** The sorted terms, one per line. */
  readonly terms: string
  /** Comma-separated decimal numbers: terms per field per document. */
  readonly fieldLengths: string
  /**
   * Comma-separated decimal numbers: {@link IndexData.stream}. A string rather than an array keeps importing the
   * entry cheap: it is parsed (by `JSON.parse`, natively) on the first search only.
   */
  readonly postings: string
}

/**
 * Serializes an index to the versioned JSON text shipped as src/generated/search-index.json.
 * @internal
 */
export function serializeIndex(data: IndexData, docs: readonly SearchDoc[]): string {
  const out: SerializedIndex = {
    format: INDEX_FORMAT,
    formatVersion: INDEX_FORMAT_VERSION,
    fields: FIELDS,
    fingerprint: fingerprint(docs),
    docCount: docs.length,
    terms: data.terms.join('\n'),
    fieldLengths: data.fieldLengths.join(','),
    postings: data.stream.join(','),
  }
  // One line per key, so a data change shows as a small diff in review.
  const lines = Object.entries(out).map(([k, v]) => ` ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
  return `{\n${lines.join(',\n')}\n}\n`
}

function mismatch(message: string, value: unknown, cause?: unknown): KapLiteratureError {
  return new KapLiteratureError('FORMAT_VERSION_MISMATCH', `search index: ${message}`, {
    value,
    hint: `this version reads ${INDEX_FORMAT} format ${INDEX_FORMAT_VERSION}; rebuild the index with the same kap-literature version`,
    ...(cause === undefined ? {} : { cause }),
  })
}

/**
 * Reads a serialized index for `docs`. Returns `undefined` when the index was built from other data (its fingerprint
 * differs): the caller then builds the index from the records instead.
 * @throws `KapLiteratureError` `FORMAT_VERSION_MISMATCH` when `json` is not a serialized index of this format
 * version (or is damaged)
 * @internal
 */
export function loadIndex(json: unknown, docs: readonly SearchDoc[]): IndexData | undefined {
  const s = json as Partial<SerializedIndex> | null
  if (s === null || typeof s !== 'object' || s.format !== INDEX_FORMAT) throw mismatch(`not a ${INDEX_FORMAT}`, json)
  if (s.formatVersion !== INDEX_FORMAT_VERSION) {
    throw mismatch(`format version ${String(s.formatVersion)} found, ${INDEX_FORMAT_VERSION} expected`, s.formatVersion)
  }
  if (!Array.isArray(s.fields) || s.fields.join(',') !== FIELDS.join(',')) throw mismatch(`fields ${JSON.stringify(s.fields)} found, ${JSON.stringify(FIELDS)} expected`, s.fields)
  if (s.fingerprint !== fingerprint(docs) || s.docCount !== docs.length) return undefined
  try {
    const numbers = (text: unknown, expected?: number): Uint32Array => {
      if (typeof text !== 'string' || !/^(?:\d{1,9}(?:,\d{1,9})*)?$/.test(text)) throw new Error('bad number list')
      const list = Uint32Array.from(JSON.parse(`[${text}]`) as number[])
      if (expected !== undefined && list.length !== expected) throw new Error(`expected ${expected} numbers, found ${list.length}`)
      return list
    }
    if (typeof s.terms !== 'string') throw new Error('missing terms')
    const terms = s.terms === '' ? [] : s.terms.split('\n')
    const fieldLengths = numbers(s.fieldLengths, docs.length * F)
    const stream = numbers(s.postings)
    // Walk the entry counts only; entries themselves are read when a term is searched.
    const termOffset = new Uint32Array(terms.length)
    let at = 0
    for (let t = 0; t < terms.length; t++) {
      if (at >= stream.length) throw new Error('postings end early')
      termOffset[t] = at
      at += 1 + 2 * stream[at]!
    }
    if (at !== stream.length) throw new Error('postings do not match the terms')
    return { terms, termOffset, stream, fieldLengths }
  } catch (cause) {
    throw mismatch('damaged index data', undefined, cause)
  }
}
