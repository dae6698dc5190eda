import type { CertaintyLevel, ClaimId, Condition, Design, Route, SourceId, StudyId, Topic, Verdict } from '../types'

/**
 * The record types search covers.
 * @example
 * ```ts
 * import { searchableTypes } from 'kap-literature/search'
 * console.log(searchableTypes.includes('claim')) // true
 * ```
 */
export const searchableTypes = Object.freeze(['study', 'claim', 'source'] as const)

/**
 * One of {@link searchableTypes}.
 * @example
 * ```ts
 * import type { SearchableType } from 'kap-literature/search'
 * const t: SearchableType = 'study'
 * ```
 */
export type SearchableType = (typeof searchableTypes)[number]

/**
 * A highlighted range in a result: characters `start` (inclusive) to `end` (exclusive) of the result's `title` or
 * `snippet` string, as JavaScript string offsets (UTF-16 code units, the same units as `String.prototype.slice`).
 * Ranges of one field never overlap and are sorted by `start`; all `title` ranges come before `snippet` ranges.
 * @example
 * ```ts
 * import { search } from 'kap-literature/search'
 * const [hit] = search('midazolam')
 * const h = hit!.highlights[0]!
 * hit![h.field].slice(h.start, h.end) // 'Midazolam': the word as the record writes it
 * ```
 */
export interface Highlight {
  /** Which string of the result the range points into. */
  readonly field: 'title' | 'snippet'
  readonly start: number
  readonly end: number
}

/**
 * What every search result carries, whatever its type.
 * @example
 * ```ts
 * import { search, type SearchResultBase } from 'kap-literature/search'
 * const base: SearchResultBase | undefined = search('integration')[0]
 * console.log(base?.title)
 * ```
 */
export interface SearchResultBase {
  /**
   * Relevance, higher is better. Only comparable within one result list. Exact identifier matches (DOI, PMID,
   * PMCID, NCT number, URL, record id) score above every text match.
   */
  readonly score: number
  /** A study's or source's title, or a claim's statement. Plain text: escape it before putting it into HTML. */
  readonly title: string
  /**
   * A passage of at most about 180 characters (plus `…` where cut) around the matches, from a study's findings (or,
   * if only they match, its population or comparator), a claim's verdict note or a source's section list.
   * Plain text: escape it before putting it into HTML.
   */
  readonly snippet: string
  /** Where the query matched in `title` and `snippet`. */
  readonly highlights: readonly Highlight[]
}

/**
 * A study found by {@link search}.
 * @example
 * ```ts
 * import { getStudy } from 'kap-literature'
 * import { search, type StudyResult } from 'kap-literature/search'
 * const hit = search('grunebaum 2018', { types: 'study' })[0] as StudyResult | undefined
 * if (hit) console.log(getStudy(hit.id).csl.DOI)
 * ```
 */
export interface StudyResult extends SearchResultBase {
  readonly type: 'study'
  readonly id: StudyId
}

/**
 * A claim found by {@link search}.
 * @example
 * ```ts
 * import { getClaim } from 'kap-literature'
 * import { search } from 'kap-literature/search'
 * for (const hit of search('therapy fades', { types: 'claim' })) {
 *   if (hit.type === 'claim') console.log(getClaim(hit.id).verdict)
 * }
 * ```
 */
export interface ClaimResult extends SearchResultBase {
  readonly type: 'claim'
  readonly id: ClaimId
}

/**
 * A source document (clinic page) found by {@link search}.
 * @example
 * ```ts
 * import { getSource } from 'kap-literature'
 * import { search } from 'kap-literature/search'
 * const hit = search('samadhi').find((r) => r.type === 'source')
 * if (hit?.type === 'source') console.log(getSource(hit.id).csl.URL)
 * ```
 */
export interface SourceResult extends SearchResultBase {
  readonly type: 'source'
  readonly id: SourceId
}

/**
 * One search result; `type` tells which kind of id `id` is, so `getStudy`, `getClaim` or `getSource` accepts it.
 * @example
 * ```ts
 * import { getClaim, getSource, getStudy } from 'kap-literature'
 * import { search, type SearchResult } from 'kap-literature/search'
 * const record = (r: SearchResult) => (r.type === 'study' ? getStudy(r.id) : r.type === 'claim' ? getClaim(r.id) : getSource(r.id))
 * console.log(search('PTSD').map((r) => record(r).id))
 * ```
 */
export type SearchResult = StudyResult | ClaimResult | SourceResult

/**
 * A filter value or a list of them; a list matches any of its values, an empty list does not filter.
 * @example
 * ```ts
 * import type { Verdict } from 'kap-literature'
 * import type { OneOrMany } from 'kap-literature/search'
 * const v: OneOrMany<Verdict> = ['overstated', 'inaccurate']
 * ```
 */
export type OneOrMany<T> = T | readonly T[]

/**
 * Filters for {@link search} and {@link facets}. Different filters combine with AND; the values of one filter with OR.
 * A filter on a value a record type does not have excludes that type: `verdict` keeps only claims, `design`,
 * `condition`, `route`, `withPsychotherapy` and `certainty` keep only studies, `topic` keeps only claims, and a year
 * bound keeps only studies and sources (claims have no year).
 * @example
 * ```ts
 * import type { SearchFilters } from 'kap-literature/search'
 * const rctsSince2015: SearchFilters = { design: 'randomized-controlled-trial', yearFrom: 2015 }
 * ```
 */
export interface SearchFilters {
  /** Earliest publication year, inclusive. */
  readonly yearFrom?: number
  /** Latest publication year, inclusive. */
  readonly yearTo?: number
  /** Study design ids from `vocabularies.designs`. */
  readonly design?: OneOrMany<Design>
  /** Condition ids from `vocabularies.conditions`; a study matches if it studied any of them. */
  readonly condition?: OneOrMany<Condition>
  /** Topic ids from `vocabularies.topics`; a claim matches if it has any of them. */
  readonly topic?: OneOrMany<Topic>
  /** Verdict ids from `vocabularies.verdicts`. */
  readonly verdict?: OneOrMany<Verdict>
  /** Route ids from `vocabularies.routes`; a study matches if it used any of them. */
  readonly route?: OneOrMany<Route>
  /** `true`: studies where psychotherapy was part of the treatment; `false`: studies without it. */
  readonly withPsychotherapy?: boolean
  /** Certainty ids from `vocabularies.certainty`. */
  readonly certainty?: OneOrMany<CertaintyLevel>
}

/**
 * Options for {@link search}.
 * @example
 * ```ts
 * import { search, type SearchOptions } from 'kap-literature/search'
 * const options: SearchOptions = { types: ['claim'], verdict: ['overstated', 'inaccurate'], limit: 5 }
 * console.log(search('lasting', options).map((r) => r.id))
 * ```
 */
export interface SearchOptions extends SearchFilters {
  /** Record types to return; default all. */
  readonly types?: OneOrMany<SearchableType>
  /** Most results to return, a positive integer; default 10. */
  readonly limit?: number
}

/**
 * Options for {@link facets}: the same filters as {@link search}, without `limit`.
 * @example
 * ```ts
 * import { facets, type FacetOptions } from 'kap-literature/search'
 * const options: FacetOptions = { types: 'study', withPsychotherapy: true }
 * console.log(facets(undefined, options).design)
 * ```
 */
export interface FacetOptions extends SearchFilters {
  /** Record types to count; default all. */
  readonly types?: OneOrMany<SearchableType>
}

/**
 * One value of a facet, with a label for display and the number of matching records.
 * @example
 * ```ts
 * import type { Verdict } from 'kap-literature'
 * import type { FacetValue } from 'kap-literature/search'
 * const v: FacetValue<Verdict> = { value: 'inaccurate', label: 'Inaccurate', count: 3 }
 * ```
 */
export interface FacetValue<V> {
  /** The value to pass back as a filter. */
  readonly value: V
  /** A label for people (from the vocabularies; years as digits). */
  readonly label: string
  readonly count: number
}

/**
 * Counts per filter value, for building filter UIs. Each facet counts the records that match the query and every
 * *other* filter (its own filter is ignored, so the alternatives to a chosen value stay visible). Values with no
 * records are left out. `year` is sorted by year; every other facet by count, highest first, then in vocabulary order.
 * @example
 * ```ts
 * import { facets, type Facets } from 'kap-literature/search'
 * const f: Facets = facets('depression')
 * for (const v of f.design) console.log(`${v.label} (${v.count})`)
 * ```
 */
export interface Facets {
  readonly type: readonly FacetValue<SearchableType>[]
  readonly year: readonly FacetValue<number>[]
  readonly design: readonly FacetValue<Design>[]
  readonly condition: readonly FacetValue<Condition>[]
  readonly topic: readonly FacetValue<Topic>[]
  readonly verdict: readonly FacetValue<Verdict>[]
  readonly route: readonly FacetValue<Route>[]
  readonly withPsychotherapy: readonly FacetValue<boolean>[]
  readonly certainty: readonly FacetValue<CertaintyLevel>[]
}
