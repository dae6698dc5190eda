/**
 * Search over the shipped studies, claims and sources, made for a search box that receives whatever visitors type:
 * typo-tolerant, prefix matching as you type, synonyms and abbreviations (TRD, PTSD, IV, Spravato …), author + year
 * (`grunebaum 2018`), exact lookups by a pasted DOI, PMID, PMCID, NCT number or URL, filters, facet counts and
 * highlight ranges. It never throws on a query string and never parses search syntax from it.
 *
 * The entry ships its own compact store (titles, author names, tags, a short snippet text and the rare words of each
 * record's summaries, filter values, identifiers) rather than the records; the index — lunr 2.3.9's inverted index,
 * stemmer and BM25 weights — is built from it on the first call that needs it, so importing this entry is cheap.
 * Works in browsers and during server-side rendering: no Node built-ins, no `window` or `document`.
 * @example
 * ```ts
 * import { search } from 'kap-literature/search'
 * for (const hit of search('ketamine for PTSD', { limit: 5 })) console.log(hit.type, hit.id, hit.title)
 * ```
 * @packageDocumentation
 */
import { didYouMeanWith, facetsWith, searchWith } from './api'
import { documentsFromCompact } from './documents'
import { SearchEngine } from './engine'
import { loadStore } from './store'
import { shippedSharedTexts } from './shipped-texts'
import shippedStore from '../generated/search-index.json'
import type { FacetOptions, Facets, SearchOptions, SearchResult } from './types'

export {
  searchableTypes,
  type ClaimResult,
  type FacetOptions,
  type Facets,
  type FacetValue,
  type Highlight,
  type OneOrMany,
  type SearchableType,
  type SearchFilters,
  type SearchOptions,
  type SearchResult,
  type SearchResultBase,
  type SourceResult,
  type StudyResult,
} from './types'

let loaded: ReturnType<typeof loadStore> | undefined
/** The shipped store, read and checked once for the engine and for the full-text words. */
const store = () => (loaded ??= loadStore(shippedStore, shippedSharedTexts))

let shipped: SearchEngine | undefined
function engine(): SearchEngine {
  if (shipped === undefined) shipped = new SearchEngine(documentsFromCompact(store().docs), store().vocabularies)
  return shipped
}

let fullText: Promise<void> | undefined

/**
 * Makes {@link search}, {@link facets} and {@link didYouMean} also match the rare words of every record's full text —
 * a study's findings, limitations and population, a claim's verdict and evidence notes — not only its title, tags
 * and summary: "bladder", "vertigo" or "dysgeusia" then find the records that mention them in passing. It loads
 * a separate file of about 14 KB (gzip) once; a page that never calls it never downloads it. Searches made before
 * the promise resolves use the smaller index, later ones the full one. Calling it again returns the same promise.
 * @returns a promise that resolves when the full-text words are in the index
 * @throws (the promise rejects with) `KapLiteratureError` `FORMAT_VERSION_MISMATCH` when the full-text file does not
 * belong to this version's search index; search then keeps working without it
 * @example
 * ```ts
 * import { loadFullText, search } from 'kap-literature/search'
 * const found = () => search('ketamine bladder').some((r) => r.id === 'fda-compounded-ketamine-2023')
 * found() // false: only the FDA statement's findings mention bladder problems
 * await loadFullText()
 * found() // true
 * ```
 */
export function loadFullText(): Promise<void> {
  fullText ??= import('./full-text')
    .then(({ shippedFullText }) => {
      shipped = new SearchEngine(documentsFromCompact(shippedFullText(store())), store().vocabularies)
    })
    .catch((error: unknown) => {
      fullText = undefined
      throw error
    })
  return fullText
}

/**
 * Searches studies, claims and sources. Any string is a valid query: syntax characters (`: ~ ^ * + - "`) are read
 * as spaces, input beyond 256 characters and search words beyond the twelfth are ignored, and a query without a searchable
 * word (empty, spaces, punctuation, stop words only) returns `[]`. Every record that matches any searchable word is a
 * result; records covering more of the query (each word weighted by how rare it is, up to a cap) rank first, and
 * question and filler words ("how", "does", "usually") count only when nothing else was typed.
 *
 * Matching: field boosts (title or statement, then authors and year, then tags such as design, conditions and
 * journal, then findings); typo tolerance (one edit, including swapped letters) for words of five or more letters
 * that the index does not know or holds in only one or two records;
 * prefix completion of the last word while it is being typed (three or more letters, at most 40 completions);
 * diacritics and case folded; English stemming; the domain synonym table; exact lookups first for a DOI (any form),
 * PMID, PMCID, NCT number, record URL or record id found in the query.
 *
 * The first call decodes the index (about 20 ms in a fresh process); later calls take well under a millisecond.
 * @param query - the text of the search box
 * @param options - record types, filters and the result limit (default 10)
 * @returns the results, best first, each with `title`, `snippet` and highlight ranges into both; `[]` if none match
 * @throws `KapLiteratureError` `INVALID_ARGUMENT` when `query` is not a string (a programming error, not
 * visitor input), or for bad options: unknown key, unknown filter value (with the closest value as `hint`), a year
 * that is not an integer, `yearFrom` after `yearTo`, or a `limit` that is not a positive integer
 * @example
 * ```ts
 * import { search } from 'kap-literature/search'
 * search('grunebaum 2018')[0]?.id                                     // 'grunebaum-2018'
 * search('https://doi.org/10.1080/02791072.2019.1587556')[0]?.id      // 'dore-2019'
 * search('ketamin infusion', { types: 'study', yearFrom: 2015, limit: 3 }).map((r) => r.id)
 * search('foo:')                                                       // [] — never throws on text
 * ```
 */
export function search(query: string, options?: SearchOptions): SearchResult[] {
  return searchWith(engine(), query, options)
}

/**
 * Counts records per filter value, for building filter UIs. With a query, counts the records the query matches
 * (without a limit); without one (or with a query that has no searchable word), counts every record. Each facet
 * ignores its own filter, so the other values of a chosen filter keep their counts; values with no records are
 * left out. `year` is sorted by year; the other facets by count, highest first, ties in vocabulary order.
 * @param query - the text of the search box, or `undefined`
 * @param options - record types and filters, as for {@link search}
 * @returns counts and labels per value for `type`, `year`, `design`, `condition`, `topic`, `verdict`, `route`,
 * `withPsychotherapy` and `certainty`
 * @throws `KapLiteratureError` `INVALID_ARGUMENT` when `query` is neither a string nor `undefined`, or for bad
 * options (as {@link search}, except that `limit` is not accepted)
 * @example
 * ```ts
 * import { facets } from 'kap-literature/search'
 * const f = facets('depression', { types: 'study' })
 * for (const v of f.design) console.log(v.value, v.label, v.count)
 * console.log(f.year.map((y) => y.value)) // ascending years
 * ```
 */
export function facets(query?: string, options?: FacetOptions): Facets {
  return facetsWith(engine(), query, options)
}

/**
 * The query as {@link search} actually ran it, when it had to correct a word: each word that no record contains
 * (even allowing one slip), replaced by the closest word the records do contain (at most two slips away). Show it as
 * "Showing results for …" or "Did you mean …?" so the visitor sees what was searched.
 * @param query - the text of the search box
 * @returns the corrected query (its words folded to lower case, stop words left out), or `undefined` when every word
 * is found as typed, no word could be corrected, or the correction finds nothing either
 * @throws `KapLiteratureError` `INVALID_ARGUMENT` when `query` is not a string
 * @example
 * ```ts
 * import { didYouMean } from 'kap-literature/search'
 * didYouMean('psilocibyn tharapy') // 'psilocybin therapy'
 * didYouMean('ketamine')           // undefined: every word is found as typed
 * ```
 */
export function didYouMean(query: string): string | undefined {
  return didYouMeanWith(engine(), query)
}
