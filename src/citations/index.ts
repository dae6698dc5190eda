/**
 * Formatted citations for every shipped study, regulatory record and source page, in APA 7, AMA 11, Vancouver/NLM,
 * Harvard (Cite Them Right), Chicago author-date 17 and MLA 9 — precomputed at build time with citation-js, so
 * formatting is instant and this entry has no runtime dependencies. A site that uses one style can import
 * `kap-literature/citations/<style>` instead and ship only that style's table.
 *
 * Styles: CSL styles by the Citation Style Language project (https://citationstyles.org/), CC BY-SA 3.0.
 * @example
 * ```ts
 * import { formatReference, formatCitation, formatBibliography } from 'kap-literature/citations'
 * formatCitation(['dore-2019'], { style: 'apa' })                  // '(Dore et al., 2019)'
 * formatCitation(['dore-2019'], { style: 'apa', narrative: true }) // 'Dore et al. (2019)'
 * formatReference('dore-2019', { style: 'ama', format: 'html' })
 * formatBibliography(['wilkinson-2021', 'dore-2019'], { style: 'apa', format: 'markdown' })
 * ```
 * @packageDocumentation
 */
import { describeValue, isList, KapLiteratureError } from '../errors'
import { closest, idForm } from '../suggest'
import { bindStyle, type StyleCitations } from './bind'
import type {
  CitationFormat,
  CitationsCitationOptions,
  CitationSession,
  CitationStyle,
  CitationsFormatOptions,
  StyleTable,
} from './engine'
import type { CitableId } from './ids'
import ama from './data/ama.json'
import apa from './data/apa.json'
import chicago from './data/chicago.json'
import harvard from './data/harvard.json'
import mla from './data/mla.json'
import vancouver from './data/vancouver.json'

export {
  citationFormats,
  type CitationFormat,
  type CitationsCitationOptions,
  type CitationSession,
  type CitationStyle,
  type CitationsFormatOptions,
} from './engine'
export type { StyleCitations } from './bind'
export type { CitableId } from './ids'
export { isCitableId } from './citable-id'

const tables: Readonly<Record<CitationStyle, StyleTable>> = {
  apa,
  ama,
  vancouver,
  harvard,
  chicago,
  mla,
} as unknown as Record<CitationStyle, StyleTable>

/**
 * A citation style this library formats the shipped records in.
 * @example
 * ```ts
 * import type { CitationStyleInfo } from 'kap-literature/citations'
 * const apa: CitationStyleInfo = { key: 'apa', name: 'APA 7th edition', numeric: false, title: 'APA Style 7th edition', source: '…' }
 * ```
 */
export interface CitationStyleInfo {
  /** Short key used by the API, e.g. `apa`. */
  readonly key: CitationStyle
  /** Human-readable name of the style and edition. */
  readonly name: string
  /** Whether in-text citations are numbers. */
  readonly numeric: boolean
  /** The CSL style's own title. */
  readonly title: string
  /** Where the CSL came from and its licence. */
  readonly source: string
}

const names: Record<CitationStyle, string> = {
  apa: 'APA 7th edition',
  ama: 'AMA Manual of Style 11th edition',
  vancouver: 'Vancouver / NLM (Citing Medicine)',
  harvard: 'Harvard (Cite Them Right)',
  chicago: 'Chicago author-date 17th edition',
  mla: 'MLA 9th edition',
}

/**
 * The six supported styles, in a stable order.
 * @example
 * ```ts
 * import { citationStyles } from 'kap-literature/citations'
 * const numeric = citationStyles.filter((s) => s.numeric).map((s) => s.key) // ['ama', 'vancouver']
 * ```
 */
export const citationStyles: readonly CitationStyleInfo[] = /* @__PURE__ */ styleList()

// A function, so that a page that imports only `cslCredit` or `citeProse` from this entry drops the list (the call is
// marked pure), and with it every style's table.
function styleList(): readonly CitationStyleInfo[] {
  return Object.freeze(
    (Object.keys(names) as CitationStyle[]).map((key) =>
      Object.freeze({
        key,
        name: names[key],
        numeric: tables[key].numeric,
        title: tables[key].title,
        source: `${tables[key].source} (${tables[key].license})`,
      }),
    ),
  )
}

export { cslCredit } from './credit'

const bound = new Map<CitationStyle, StyleCitations>()

/**
 * The functions bound to one style.
 * @param style - a style key
 * @returns that style's formatter
 * @throws KapLiteratureError `UNKNOWN_STYLE` listing the available styles
 * @example
 * ```ts
 * import { styleCitations } from 'kap-literature/citations'
 * const vancouver = styleCitations('vancouver')
 * vancouver.formatCitation(['dore-2019', 'wilkinson-2021']) // '(1,2)'
 * ```
 */
export function styleCitations(style: CitationStyle): StyleCitations {
  // A style key is read as ids are: in any case, without surrounding spaces ('APA' is 'apa').
  const key = (typeof style === 'string' ? idForm(style) : style) as CitationStyle
  if (typeof key !== 'string' || !Object.prototype.hasOwnProperty.call(tables, key)) {
    const known = Object.keys(tables)
    const near = typeof style === 'string' ? closest(style, known) : undefined
    throw new KapLiteratureError(
      'UNKNOWN_STYLE',
      `unknown citation style ${describeValue(style)}${near === undefined ? '' : ` (did you mean "${near}"?)`}; available: ${known.join(', ')}`,
      {
        value: style,
        hint: near === undefined ? `use one of ${known.join(', ')}` : `did you mean "${near}"?`,
      },
    )
  }
  let s = bound.get(key)
  if (s === undefined) bound.set(key, (s = bindStyle(key, tables[key])))
  return s
}

function styleOf(options: unknown): { style: StyleCitations; rest: Record<string, unknown> } {
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw new KapLiteratureError('INVALID_ARGUMENT', `options must be an object, got ${describeValue(options)}`, {
      value: options,
    })
  }
  // A revoked proxy is refused before it is read; an array goes on to the style's own check, which names the function.
  isList(options, 'options')
  const { style = 'apa', ...rest } = (options ?? {}) as Record<string, unknown>
  return { style: styleCitations(style as CitationStyle), rest }
}

/**
 * One formatted bibliography entry.
 * @param id - a study or source id
 * @param options - `style` (default `apa`) and `format` (`text` default, `html`, `markdown`)
 * @returns the reference; HTML is escaped, with the DOI as `<a class="kap-ref-doi" href="https://doi.org/…">`
 * @throws KapLiteratureError `UNKNOWN_ID` (with the closest id), `UNKNOWN_STYLE` or `UNKNOWN_FORMAT`
 * @example
 * ```ts
 * import { formatReference } from 'kap-literature/citations'
 * formatReference('wilkinson-2021', { style: 'vancouver' })
 * ```
 */
export function formatReference(id: CitableId, options?: CitationsFormatOptions): string {
  const { style, rest } = styleOf(options)
  return style.formatReference(id, rest)
}

/**
 * An in-text citation: `(Dore et al., 2019)`, narrative `Dore et al. (2019)`, several sources in the style's order
 * (`(Dore et al., 2019; Wilkinson et al., 2021)`), or numbers in numeric styles, numbered in the order given.
 * For a whole document in a numeric style use {@link createCitationSession}.
 * @param ids - one id or several; repeats are dropped
 * @param options - `style`, `format` and `narrative`
 * @returns the citation ('' for an empty list)
 * @throws KapLiteratureError `UNKNOWN_ID`, `UNKNOWN_STYLE` or `UNKNOWN_FORMAT`
 * @example
 * ```ts
 * import { formatCitation } from 'kap-literature/citations'
 * formatCitation(['wilkinson-2017', 'wilkinson-2018'], { style: 'apa' }) // '(Wilkinson et al., 2017, 2018)'
 * ```
 */
export function formatCitation(ids: CitableId | readonly CitableId[], options?: CitationsCitationOptions): string {
  const { style, rest } = styleOf(options)
  return style.formatCitation(ids, rest)
}

/**
 * A bibliography of the given records: sorted as the style sorts, or numbered in the order given for numeric styles.
 * @param ids - the records; repeats are dropped
 * @param options - `style` and `format`
 * @returns one entry per line (text, Markdown) or an HTML list with class `kap-bibliography` ('' for no ids): an
 * `<ol>` of `<li class="kap-ref">` in numeric styles, an unnumbered `<ul role="list">` in author-date styles (style it
 * with `list-style: none`)
 * @throws KapLiteratureError `UNKNOWN_ID`, `UNKNOWN_STYLE` or `UNKNOWN_FORMAT`
 * @example
 * ```ts
 * import { formatBibliography } from 'kap-literature/citations'
 * console.log(formatBibliography(['wilkinson-2021', 'dore-2019', 'wilkinson-2021'], { style: 'apa' }))
 * formatBibliography(['dore-2019'], { style: 'apa', format: 'html' }) // '<ul class="kap-bibliography kap-style-apa" role="list"> <li class="kap-ref" …'
 * ```
 */
export function formatBibliography(ids: readonly CitableId[], options?: CitationsFormatOptions): string {
  const { style, rest } = styleOf(options)
  return style.formatBibliography(ids, rest)
}

/**
 * Starts a document: numbers follow the order of first citation and stay stable across every `cite` call. Author-date
 * styles tell records apart against those cited so far; pass `cites` (the records the document will cite) to tell
 * them apart from the first citation on, as in a finished document. Declared records get no number and no
 * bibliography entry until they are cited.
 * @param options - `style` (default `apa`), `format`, and `cites`
 * @returns a {@link CitationSession}
 * @throws KapLiteratureError `UNKNOWN_STYLE`, `UNKNOWN_FORMAT`, `UNKNOWN_ID`, `INVALID_RECORD` or `INVALID_ARGUMENT`
 * @example
 * ```ts
 * import { createCitationSession } from 'kap-literature/citations'
 * const doc = createCitationSession({ style: 'ama', format: 'html' })
 * doc.cite('dore-2019')                          // '<sup class="kap-cite">1</sup>'
 * doc.cite(['wilkinson-2021', 'dore-2019'])      // '<sup class="kap-cite">1,2</sup>'
 * const references = doc.bibliography()
 *
 * // Two papers by Dakwar and colleagues, which MLA cites by author alone: declared up front, even the first
 * // citation says which one.
 * const draft = createCitationSession({ style: 'mla', cites: ['dakwar-2019', 'dakwar-2020'] })
 * draft.cite('dakwar-2019') // '(Dakwar et al., “Single Ketamine Infusion Combined With Mindfulness-Based”)'
 * ```
 */
export function createCitationSession(options?: {
  readonly style?: CitationStyle
  readonly format?: CitationFormat
  readonly cites?: readonly CitableId[]
}): CitationSession {
  const { style, rest } = styleOf(options)
  return style.createCitationSession(rest)
}

export { citeProse } from './prose'
