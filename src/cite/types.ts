/**
 * The types and constants of the cite entry (`kap-literature/cite`), shared by its modules.
 * @internal
 * @packageDocumentation
 */
import type { SourceId, StudyId } from '../index'
import type { CiteRecord } from './records'

/**
 * Bibliography export formats for reference managers (Zotero) and Pandoc.
 * @example
 * ```ts
 * import { exportFormats } from 'kap-literature/cite'
 * console.log(exportFormats.join(', ')) // 'csljson, bibtex, biblatex, ris'
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

/**
 * What can be cited: a shipped study or source id, a shipped record (or its `csl`), or your own CSL-JSON record.
 * @example
 * ```ts
 * import type { CiteItem } from 'kap-literature/cite'
 * const items: CiteItem[] = ['dore-2019', { id: 'smith-2024', type: 'book', title: 'A book', author: [{ family: 'Smith', given: 'Ana' }] }]
 * ```
 */
export type CiteItem = StudyId | SourceId | CiteRecord

/**
 * Output formats of the formatting functions: `text` (plain, unescaped: do not insert it into HTML), `html` (all
 * text escaped; DOIs and http(s) URLs linked) or `markdown` (italics as `*…*`; `&`, `<` and `>` written as HTML
 * entities and Markdown syntax backslash-escaped, so marked, markdown-it and other CommonMark/GFM renderers show the
 * text literally; only a DOI or an `https:` URL becomes a link, `[text](https://…)`).
 * @example
 * ```ts
 * import type { CiteFormat } from 'kap-literature/cite'
 * const f: CiteFormat = 'markdown'
 * ```
 */
export type CiteFormat = 'text' | 'html' | 'markdown'

/**
 * The built-in style keys: `apa` (APA 7th), `vancouver` (NLM/Vancouver) and `harvard` (Cite Them Right); any name
 * passed to {@link registerStyle} or {@link loadSystemStyle} works too.
 * @example
 * ```ts
 * import type { BuiltInStyle } from 'kap-literature/cite'
 * const s: BuiltInStyle = 'vancouver'
 * ```
 */
export type BuiltInStyle = 'apa' | 'vancouver' | 'harvard'

/**
 * Options of {@link formatReference} and {@link formatBibliography}.
 * @example
 * ```ts
 * import type { CiteFormatOptions } from 'kap-literature/cite'
 * const o: CiteFormatOptions = { style: 'apa', format: 'html', lang: 'en-US' }
 * ```
 */
export interface CiteFormatOptions {
  /** A built-in style key or a registered style name. */
  readonly style: BuiltInStyle | (string & Record<never, never>)
  /** `text`, `html` or `markdown`. */
  readonly format: CiteFormat
  /**
   * A CSL locale: `en-US` (the style's default when omitted), `de-DE`, `es-ES`, `fr-FR`, `nl-NL`, or one added with
   * {@link registerLocale}. An unknown locale is an error, never a silent fallback.
   */
  readonly lang?: string
}

/**
 * Options of {@link formatCitation}.
 * @example
 * ```ts
 * import type { CiteCitationOptions } from 'kap-literature/cite'
 * const o: CiteCitationOptions = { style: 'apa', format: 'text', narrative: true }
 * ```
 */
export interface CiteCitationOptions extends CiteFormatOptions {
  /**
   * `true` for the narrative form used in running text, "Dore et al. (2019)", instead of "(Dore et al., 2019)".
   * For numeric styles, whose citations print no names, the name part is the first author's family name (with
   * "et al." for three or more authors, "and" for two), followed by the number: "Dore et al. (1)".
   */
  readonly narrative?: boolean
}
