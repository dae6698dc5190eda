/**
 * The search engine: query plans (sanitized, bounded, expanded by us for typos and prefixes) evaluated against the
 * index store. User text never reaches a query parser and never carries a wildcard.
 * @internal
 * @packageDocumentation
 */
import { FIELDS, type SearchDoc } from './documents'
import { FACET_NAMES, NO_FILTER, passes, type CompiledFilter, type FacetName } from './filters'
import { highlightRanges, makeSnippet, tokenizeText, type MatchedTerms, type TokenizedText } from './highlight'
import type { ParsedQuery, QueryUnit } from './query'
import { isFillerWord, isStopWord, tokenize } from './text'
import { buildIndexData, Postings, type StoreVocabularies } from './store'
import { boundedDistance } from '../suggest'
import { CONCEPT_PREFIX, relatedTerms } from './synonyms'
import type { Highlight, SearchableType } from './types'

/** Weight of an index term reached by a typo (edit distance 1) or a year one off, relative to an exact match. */
export const FUZZY_WEIGHT = 0.35
/** Weight of a wider or neighbouring idea reached through a synonym group's `related` list, relative to the group. */
export const RELATED_WEIGHT = 0.5
/** Weight of a prefix completion, scaled by how much of the word was typed. */
export const PREFIX_WEIGHT = 0.6
/** Words shorter than this get no typo tolerance. */
export const FUZZY_MIN_LENGTH = 5
/** Words found in more records than this are taken as typed, without typo variants. */
export const FUZZY_MAX_RECORDS = 2
/** Words shorter than this are never completed as prefixes. */
export const PREFIX_MIN_LENGTH = 3
/** At most this many completions per prefix (shortest first), so a short prefix cannot expand to the vocabulary. */
export const MAX_PREFIX_EXPANSIONS = 40
/** At most this many typo variants per word. */
export const MAX_FUZZY_EXPANSIONS = 24
/**
 * Score factor for a record whose first author and year (its `cite` field) match two or more query units, so
 * "grunebaum 2018" puts Grunebaum 2018 above claims that merely cite it.
 */
export const AUTHOR_YEAR_BOOST = 2
/** Exponent of the coordination factor (the idf-weighted share of the query's units a record matches). */
export const COORDINATION_POWER = 2
/**
 * The most a query unit weighs in the coordination factor (its idf, capped). Past about one record in eight, rarity
 * no longer tells what a question is about: an incidental word in a visitor's sentence ("my anxiety is so *bad*, could
 * ketamine calm it *down*") is rare in the records, and uncapped it would rank the one record that happens to use it
 * above those about the topic. Chosen on the tuning sets (2: second blind query set natural-question MRR 0.691 →
 * 0.722, first tuning set flat).
 */
export const COVERAGE_IDF_CAP = 2
const CITE_BIT = 1 << FIELDS.indexOf('cite')
/** Words of a query with no match are corrected to an indexed word at most this many edits away. */
export const MAX_CORRECTION_DISTANCE = 2
/** Shorter words are never corrected ("ps" is not a slip for "use"). */
export const MIN_CORRECTION_LENGTH = 4

/** A readable word of the records considered as a correction. */
interface Candidate {
  readonly word: string
  readonly term: string
  readonly distance: number
  /** How many records contain it. */
  readonly records: number
}

/** The order of corrections: fewest edits, then the word in the most records, then alphabetical. */
function closerCandidate(a: Candidate, b: Candidate): boolean {
  return (
    a.distance < b.distance ||
    (a.distance === b.distance && (a.records > b.records || (a.records === b.records && a.word < b.word)))
  )
}

/** Edits allowed when correcting a word: one for words of four or five letters, {@link MAX_CORRECTION_DISTANCE} above. */
function correctionLimit(folded: string): number {
  return folded.length < 6 ? 1 : MAX_CORRECTION_DISTANCE
}
/** At most this many vocabulary terms are scanned for one prefix. */
const MAX_PREFIX_SCAN = 5000
/** Expanded query units kept for reuse (search as you type repeats them). */
const EXPANSION_CACHE_SIZE = 2000
/** Records whose tokenized display texts are kept for highlighting. */
const DISPLAY_CACHE_SIZE = 1000

/** Adds to a Map used as a bounded cache: when full, the oldest entry goes. */
function remember<K, V>(cache: Map<K, V>, key: K, value: V, limit: number): V {
  if (cache.size >= limit) cache.delete(cache.keys().next().value as K)
  cache.set(key, value)
  return value
}

/**
 * A unit of the query with the index terms it reaches and each term's weight.
 * @internal
 */
export interface ExpandedUnit {
  readonly unit: QueryUnit
  readonly terms: ReadonlyMap<string, number>
}

/**
 * A matching record before presentation.
 * @internal
 */
export interface Hit {
  readonly doc: number
  readonly score: number
  /** How many query units the record matched. */
  readonly coverage: number
  /** Found by an identifier (DOI, PMID, PMCID, NCT, URL, record id). */
  readonly exact: boolean
}

/**
 * The full, unlimited outcome of a query.
 * @internal
 */
export interface QueryOutcome {
  readonly parsed: ParsedQuery
  readonly expanded: readonly ExpandedUnit[]
  /** Ranked: exact matches, then by score (with the coordination factor), type and id. */
  readonly hits: readonly Hit[]
}

const TYPE_ORDER: Readonly<Record<SearchableType, number>> = { study: 0, claim: 1, source: 2 }

function contains(docs: Uint32Array, doc: number): boolean {
  let lo = 0
  let hi = docs.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const at = docs[mid]!
    if (at === doc) return true
    if (at < doc) lo = mid + 1
    else hi = mid - 1
  }
  return false
}

function popcount(n: number): number {
  let c = 0
  for (let x = n; x !== 0; x &= x - 1) c++
  return c
}

/**
 * A search engine over search documents (from the shipped store, or built from a corpus of full records). The index
 * is built on first use. Queries are synchronous.
 * @internal
 */
export class SearchEngine {
  /** The documents, in index order (studies, claims, sources). */
  readonly docs: readonly SearchDoc[]
  /** The vocabularies that label filter values. */
  readonly vocabularies: StoreVocabularies
  private store: Postings | undefined
  private alphabet: readonly string[] | undefined
  private exactKeys: Map<string, number[]> | undefined
  private readonly expansions = new Map<string, ReadonlyMap<string, number>>()
  private readonly display = new Map<number, (TokenizedText | undefined)[]>()
  private surface: Map<string, string> | undefined
  private readonly corrections = new Map<string, QueryUnit | null>()
  private readonly scores: Float64Array
  private readonly masks: Uint32Array
  private readonly citeMasks: Uint32Array

  /**
   * @param docs - the documents to index, in index order
   * @param vocabularies - the labels of filter values
   */
  constructor(docs: readonly SearchDoc[], vocabularies: StoreVocabularies) {
    this.docs = docs
    this.vocabularies = vocabularies
    this.scores = new Float64Array(this.docs.length)
    this.masks = new Uint32Array(this.docs.length)
    this.citeMasks = new Uint32Array(this.docs.length)
  }

  /** The index, built on first access. */
  get postings(): Postings {
    return (this.store ??= new Postings(buildIndexData(this.docs), this.docs.length))
  }

  /** Index terms within one edit (insertion, deletion, substitution or swap of neighbours) of `term`, capped. */
  private fuzzy(term: string): string[] {
    const store = this.postings
    if (this.alphabet === undefined) {
      const chars = new Set<string>()
      for (const t of store.data.terms)
        if (!t.startsWith(CONCEPT_PREFIX)) for (let i = 0; i < t.length; i++) chars.add(t[i]!)
      this.alphabet = [...chars].sort()
    }
    const found = new Set<string>()
    const consider = (candidate: string): void => {
      if (candidate !== term && candidate.length > 0 && store.termId(candidate) >= 0) found.add(candidate)
    }
    for (let i = 0; i <= term.length; i++) {
      const head = term.slice(0, i)
      const tail = term.slice(i)
      if (i < term.length) {
        consider(head + term.slice(i + 1))
        if (i + 1 < term.length && term[i] !== term[i + 1]) consider(head + term[i + 1]! + term[i]! + term.slice(i + 2))
      }
      for (const c of this.alphabet) {
        consider(head + c + tail)
        if (i < term.length && c !== term[i]) consider(head + c + term.slice(i + 1))
      }
    }
    return [...found].sort().slice(0, MAX_FUZZY_EXPANSIONS)
  }

  /** Index terms starting with `prefix`: shortest first, then alphabetical, capped; the scan is bounded too. */
  private completions(prefix: string): string[] {
    const terms = this.postings.data.terms
    let lo = 0
    let hi = terms.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (terms[mid]! < prefix) lo = mid + 1
      else hi = mid
    }
    const out: string[] = []
    for (let i = lo; i < terms.length && i < lo + MAX_PREFIX_SCAN && terms[i]!.startsWith(prefix); i++)
      out.push(terms[i]!)
    return out.sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)).slice(0, MAX_PREFIX_EXPANSIONS)
  }

  /**
   * The index terms each unit reaches, with weights: the exact term 1; a year one off, and for a word of
   * {@link FUZZY_MIN_LENGTH}+ letters found in at most {@link FUZZY_MAX_RECORDS} records its typo variants,
   * {@link FUZZY_WEIGHT}; prefix completions of the word being typed up to {@link PREFIX_WEIGHT}.
   */
  expand(units: readonly QueryUnit[]): ExpandedUnit[] {
    return units.map((unit) => {
      const key = unit.kind === 'concept' ? unit.concept : `${unit.prefix ? '+' : '='}${unit.folded}`
      const terms =
        this.expansions.get(key) ?? remember(this.expansions, key, this.expandUnit(unit), EXPANSION_CACHE_SIZE)
      return { unit, terms }
    })
  }

  private expandUnit(unit: QueryUnit): Map<string, number> {
    const terms = new Map<string, number>()
    if (unit.kind === 'concept') {
      terms.set(unit.concept, 1)
      for (const t of relatedTerms(unit.concept)) if (!terms.has(t)) terms.set(t, RELATED_WEIGHT)
      return terms
    }
    terms.set(unit.term, 1)
    if (/^(?:19|20)\d\d$/.test(unit.folded)) {
      // A year one off is a common citation slip (online-first versus print year): match it, weakly.
      const year = Number(unit.folded)
      for (const near of [year - 1, year + 1]) terms.set(String(near), FUZZY_WEIGHT)
    }
    // Typo tolerance for a word the index does not know or holds in only a few records: a common word is taken as
    // meant ("trial" is not "trail"), a rare one may be a slip or a variant ("risky" for "risks").
    // The variants are of the stem, so the stem must be long enough too: one slip from "eat" (eating) is "rat".
    if (
      !/\d/.test(unit.folded) &&
      unit.folded.length >= FUZZY_MIN_LENGTH &&
      unit.term.length >= FUZZY_MIN_LENGTH - 1 &&
      this.postings.get(unit.term).docs.length <= FUZZY_MAX_RECORDS
    ) {
      for (const t of this.fuzzy(unit.term)) if (!terms.has(t)) terms.set(t, FUZZY_WEIGHT)
    }
    if (unit.prefix && unit.folded.length >= PREFIX_MIN_LENGTH) {
      const prefixes = new Set([unit.folded, unit.term].filter((p) => p.length >= PREFIX_MIN_LENGTH))
      for (const p of prefixes) {
        for (const t of this.completions(p)) {
          const w = PREFIX_WEIGHT * Math.min(1, p.length / t.length)
          if ((terms.get(t) ?? 0) < w) terms.set(t, w)
        }
      }
    }
    return terms
  }

  /** Records by identifier (`doi:…`, `pmid:…`, `pmcid:…`, `nct:…`, `url:…`, `id:…`), built on the first lookup. */
  private identifiers(): Map<string, number[]> {
    if (this.exactKeys !== undefined) return this.exactKeys
    const keys = new Map<string, number[]>()
    const add = (key: string, doc: number): void => {
      const list = keys.get(key)
      if (list === undefined) keys.set(key, [doc])
      else list.push(doc)
    }
    this.docs.forEach((d, i) => {
      add(`id:${d.id}`, i)
      if (d.doi !== undefined) add(`doi:${d.doi}`, i)
      if (d.pmid !== undefined) add(`pmid:${d.pmid}`, i)
      if (d.pmcid !== undefined) add(`pmcid:${d.pmcid}`, i)
      if (d.url !== undefined) add(`url:${d.url}`, i)
      for (const r of d.registrations) add(`nct:${r}`, i)
    })
    this.exactKeys = keys
    return keys
  }

  /** Records found by identifiers in the query, in query order. */
  private exactDocs(parsed: ParsedQuery): number[] {
    const ids = parsed.identifiers
    const keys = [
      ...(ids.recordId === undefined ? [] : [`id:${ids.recordId}`]),
      ...ids.dois.map((d) => `doi:${d}`),
      ...ids.pmids.map((p) => `pmid:${p}`),
      ...ids.pmcids.map((p) => `pmcid:${p}`),
      ...ids.registrations.map((r) => `nct:${r}`),
      ...ids.urls.map((u) => `url:${u}`),
    ]
    if (keys.length === 0) return []
    const index = this.identifiers()
    const out: number[] = []
    for (const k of keys) for (const d of index.get(k) ?? []) if (!out.includes(d)) out.push(d)
    return out
  }

  /**
   * Runs a parsed query: every matching record that `accept` keeps, ranked and unlimited. The coverage rule applies
   * to the accepted records, so a filter never empties a result list that has partial matches.
   */
  run(parsed: ParsedQuery, accept: (doc: SearchDoc) => boolean = () => true): QueryOutcome {
    const expanded = this.expand(parsed.units)
    const exact = this.exactDocs(parsed).filter((d) => accept(this.docs[d]!))
    const { scores, masks, citeMasks } = this
    const touched: number[] = []
    expanded.forEach((u, bit) => {
      for (const [term, weight] of u.terms) {
        const p = this.postings.get(term)
        for (let k = 0; k < p.docs.length; k++) {
          const d = p.docs[k]!
          if (masks[d] === 0) touched.push(d)
          masks[d]! |= 1 << bit
          if ((p.fields[k]! & CITE_BIT) !== 0) citeMasks[d]! |= 1 << bit
          scores[d]! += weight * p.weights[k]!
        }
      }
    })
    for (const d of touched) if (popcount(citeMasks[d]!) >= 2) scores[d]! *= AUTHOR_YEAR_BOOST
    // Every accepted record that matches any query unit is a hit: no cliff between "all words" and "some words".
    // The coordination factor — the share of the query's information the record covers, each unit weighted by its
    // idf, squared — puts records covering more of the query first: missing a rare word ("alcohol") costs much,
    // missing a word nearly every record has ("ketamine") costs little.
    const df = new Array<number>(expanded.length).fill(0)
    for (const d of touched) for (let bit = 0; bit < expanded.length; bit++) if ((masks[d]! >> bit) & 1) df[bit]!++
    const N = this.docs.length
    const idf = df.map((f) => Math.min(COVERAGE_IDF_CAP, Math.log(1 + (N - f + 0.5) / (f + 0.5))))
    const total = idf.reduce((a, b) => a + b, 0) || 1
    const text: Hit[] = []
    let top = 0
    for (const d of touched) {
      if (exact.includes(d) || !accept(this.docs[d]!)) continue
      const coverage = popcount(masks[d]!)
      let covered = 0
      for (let bit = 0; bit < expanded.length; bit++) if ((masks[d]! >> bit) & 1) covered += idf[bit]!
      const score = scores[d]! * (covered / total) ** COORDINATION_POWER
      text.push({ doc: d, score, coverage, exact: false })
      top = Math.max(top, score)
    }
    for (const d of touched) {
      scores[d] = 0
      masks[d] = 0
      citeMasks[d] = 0
    }
    text.sort((a, b) => b.score - a.score || this.compareDocs(a.doc, b.doc))
    const hits: Hit[] = exact.map((doc) => ({ doc, score: top + 1, coverage: expanded.length, exact: true }))
    return { parsed, expanded, hits: hits.concat(text) }
  }

  private compareDocs(a: number, b: number): number {
    const da = this.docs[a]!
    const db = this.docs[b]!
    return TYPE_ORDER[da.type] - TYPE_ORDER[db.type] || (da.id < db.id ? -1 : da.id > db.id ? 1 : 0)
  }

  /** Whether a unit, expanded, reaches at least one record. */
  private reaches(unit: QueryUnit): boolean {
    for (const term of this.expand([unit])[0]!.terms.keys()) if (this.postings.get(term).docs.length > 0) return true
    return false
  }

  /** Readable words of the records by index term (the most frequent written form), built on the first correction. */
  private surfaceWords(): Map<string, string> {
    if (this.surface !== undefined) return this.surface
    const counts = new Map<string, Map<string, number>>()
    for (const d of this.docs) {
      for (const field of FIELDS) {
        for (const t of tokenize(d.fields[field])) {
          if (/\d/.test(t.folded) || t.folded.length < 3 || isFillerWord(t.folded) || isStopWord(t.folded)) continue
          const forms = counts.get(t.term) ?? new Map<string, number>()
          forms.set(t.folded, (forms.get(t.folded) ?? 0) + 1)
          counts.set(t.term, forms)
        }
      }
    }
    const surface = new Map<string, string>()
    for (const [term, forms] of counts) {
      let best = ''
      let n = 0
      for (const [form, c] of forms) if (c > n || (c === n && form < best)) [best, n] = [form, c]
      surface.set(term, best)
    }
    this.surface = surface
    return surface
  }

  /**
   * Each word unit of {@link MIN_CORRECTION_LENGTH}+ letters that reaches no record (even with its typo variants and
   * completions), replaced by the closest readable word of the records (one edit for words of four or five letters,
   * at most {@link MAX_CORRECTION_DISTANCE} above; fewest edits, then the word in the most records, then
   * alphabetical). Returns `undefined` when no word could be corrected. Bounded: words are at most 40 letters and at
   * most 8 per query, and each comparison stops as soon as it exceeds the distance.
   */
  correct(units: readonly QueryUnit[]): QueryUnit[] | undefined {
    let changed = false
    const out = units.map((unit): QueryUnit => {
      if (unit.kind !== 'word' || unit.folded.length < MIN_CORRECTION_LENGTH || this.reaches(unit)) return unit
      const cached = this.corrections.get(unit.folded)
      const fixed =
        cached !== undefined
          ? cached
          : remember(this.corrections, unit.folded, this.closest(unit.folded), EXPANSION_CACHE_SIZE)
      if (fixed === null) return unit
      changed = true
      return fixed
    })
    return changed ? out : undefined
  }

  /** The closest readable word of the records to a folded word, as a word unit, or `null`. */
  private closest(folded: string): QueryUnit | null {
    const limit = correctionLimit(folded)
    let best: Candidate | undefined
    for (const [term, word] of this.surfaceWords()) {
      // A slip rarely touches the first letter; a word that differs there is another word ("rating" for "eating").
      if (word[0] !== folded[0] || Math.abs(word.length - folded.length) > limit) continue
      const distance = boundedDistance(folded, word, limit)
      if (distance > limit) continue
      const records = this.postings.get(term).docs.length
      const candidate = { word, term, distance, records }
      if (best === undefined || closerCandidate(candidate, best)) best = candidate
    }
    return best === undefined ? null : { kind: 'word', folded: best.word, term: best.term, prefix: false }
  }

  /**
   * How a word unit is written in the records: itself when the records contain it; otherwise the readable form of the
   * typo variant (one slip away) found in the most records; `undefined` when it reaches nothing that way.
   */
  spelledAs(unit: QueryUnit & { kind: 'word' }): string | undefined {
    if (this.postings.get(unit.term).docs.length > 0) return unit.folded
    let best: Candidate | undefined
    for (const [term, weight] of this.expand([{ ...unit, prefix: false }])[0]!.terms) {
      const records = this.postings.get(term).docs.length
      const word = this.surfaceWords().get(term)
      if (weight >= 1 || records === 0 || word === undefined || word[0] !== unit.folded[0]) continue
      const distance = boundedDistance(unit.folded, word, correctionLimit(unit.folded))
      const candidate = { word, term, distance, records }
      if (best === undefined || closerCandidate(candidate, best)) best = candidate
    }
    return best?.word
  }

  /** What a record matched, for highlighting. */
  matchedTerms(doc: number, expanded: readonly ExpandedUnit[]): MatchedTerms {
    const terms = new Set<string>()
    const concepts: string[] = []
    for (const u of expanded) {
      for (const term of u.terms.keys()) {
        if (!contains(this.postings.get(term).docs, doc)) continue
        if (term.startsWith(CONCEPT_PREFIX)) concepts.push(term)
        else terms.add(term)
      }
    }
    return { terms, concepts }
  }

  /**
   * Title, snippet and highlights of a hit.
   */
  present(hit: Hit, expanded: readonly ExpandedUnit[]): { title: string; snippet: string; highlights: Highlight[] } {
    const doc = this.docs[hit.doc]!
    // The title, then the snippet candidates; each tokenized on first need and kept (bounded) for later queries.
    const cache = this.display.get(hit.doc) ?? remember(this.display, hit.doc, [], DISPLAY_CACHE_SIZE)
    const texts = (i: number): TokenizedText | undefined => {
      const raw = i === 0 ? doc.title : doc.snippetTexts[i - 1]
      return raw === undefined ? undefined : (cache[i] ??= tokenizeText(raw))
    }
    const matched = this.matchedTerms(hit.doc, expanded)
    const snippet = makeSnippet(texts, 1, matched)
    const highlights: Highlight[] = [
      ...highlightRanges(texts(0)!, matched).map(([start, end]): Highlight => ({ field: 'title', start, end })),
      ...snippet.ranges.map(([start, end]): Highlight => ({ field: 'snippet', start, end })),
    ]
    return { title: doc.title, snippet: snippet.text, highlights }
  }

  /**
   * Counts per facet value over `docs`, each facet ignoring its own filter.
   */
  count(
    docs: Iterable<number>,
    filter: CompiledFilter = NO_FILTER,
  ): Record<FacetName, Map<string | number | boolean, number>> {
    const counts = Object.fromEntries(
      FACET_NAMES.map((n) => [n, new Map<string | number | boolean, number>()]),
    ) as Record<FacetName, Map<string | number | boolean, number>>
    const bump = (name: FacetName, value: string | number | boolean | undefined): void => {
      if (value !== undefined) counts[name].set(value, (counts[name].get(value) ?? 0) + 1)
    }
    for (const d of docs) {
      const f = this.docs[d]!.facets
      for (const name of FACET_NAMES) {
        if (!passes(f, filter, name)) continue
        if (name === 'type') bump(name, f.type)
        else if (name === 'year') bump(name, f.year)
        else if (name === 'condition' || name === 'topic' || name === 'route') for (const v of f[name]) bump(name, v)
        else bump(name, f[name])
      }
    }
    return counts
  }
}
