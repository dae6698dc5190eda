/**
 * Search over studies, claims and sources (lunr). This entry starts with the catalogue of searchable record types;
 * the search functions arrive with the search work.
 * @example
 * ```ts
 * import { searchableTypes } from 'kap-literature/search'
 * console.log(searchableTypes.join(', ')) // 'study, claim, source'
 * ```
 * @packageDocumentation
 */

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
