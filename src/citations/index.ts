/**
 * Precomputed formatted citations for the shipped records (no runtime dependencies).
 * This entry starts with the style catalogue; the formatting functions arrive with the citations work.
 * @example
 * ```ts
 * import { citationStyles } from 'kap-literature/citations'
 * for (const s of citationStyles) console.log(s.key, s.name)
 * ```
 * @packageDocumentation
 */

/**
 * A citation style this library formats the shipped records in.
 * @example
 * ```ts
 * import type { CitationStyleInfo } from 'kap-literature/citations'
 * const apa: CitationStyleInfo = { key: 'apa', name: 'APA 7th edition', numeric: false }
 * ```
 */
export interface CitationStyleInfo {
  /** Short key used by the API, e.g. `apa`. */
  readonly key: 'apa' | 'ama' | 'vancouver' | 'harvard' | 'chicago' | 'mla'
  /** Human-readable name of the style and edition. */
  readonly name: string
  /** Whether in-text citations are numbers. */
  readonly numeric: boolean
}

/**
 * The six supported styles.
 * @example
 * ```ts
 * import { citationStyles } from 'kap-literature/citations'
 * const numeric = citationStyles.filter((s) => s.numeric).map((s) => s.key) // ['ama', 'vancouver']
 * ```
 */
export const citationStyles: readonly CitationStyleInfo[] = Object.freeze([
  { key: 'apa', name: 'APA 7th edition', numeric: false },
  { key: 'ama', name: 'AMA Manual of Style 11th edition', numeric: true },
  { key: 'vancouver', name: 'Vancouver / NLM (Citing Medicine)', numeric: true },
  { key: 'harvard', name: 'Harvard (Cite Them Right)', numeric: false },
  { key: 'chicago', name: 'Chicago author-date 17th edition', numeric: false },
  { key: 'mla', name: 'MLA 9th edition', numeric: false },
] as const)
