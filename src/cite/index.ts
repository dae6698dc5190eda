/**
 * The citation-js engine for any CSL style and user-supplied records. This entry starts with the catalogue of
 * export formats; formatting and export functions arrive with the citations work.
 * @example
 * ```ts
 * import { exportFormats } from 'kap-literature/cite'
 * console.log(exportFormats.join(', ')) // 'csljson, bibtex, biblatex, ris'
 * ```
 * @packageDocumentation
 */

/**
 * Bibliography export formats for reference managers (Zotero) and Pandoc.
 * @example
 * ```ts
 * import { exportFormats } from 'kap-literature/cite'
 * console.log(exportFormats.length) // 4
 * ```
 */
export const exportFormats = Object.freeze(['csljson', 'bibtex', 'biblatex', 'ris'] as const)

/**
 * One of {@link exportFormats}.
 * @example
 * ```ts
 * import type { ExportFormat } from 'kap-literature/cite'
 * const f: ExportFormat = 'bibtex'
 * ```
 */
export type ExportFormat = (typeof exportFormats)[number]
