import { checkOptionKeys, idForm } from '../suggest'
import { describeValue, flagOption, isList, KapLiteratureError } from '../errors'
import {
  createStyleFormatter,
  type CitationFormat,
  type CitationsCitationOptions,
  type CitationSession,
  type CitationStyle,
  type CitationsFormatOptions,
  type StyleTable,
} from './engine'
import { resolveIds, type CitableId } from './ids'

/**
 * The citation functions for one style, as exported by `kap-literature/citations/<style>`.
 * @example
 * ```ts
 * import { apa } from 'kap-literature/citations/apa'
 * apa.formatReference('dore-2019', { format: 'html' })
 * apa.formatCitation(['dore-2019', 'wilkinson-2021']) // '(Dore et al., 2019; Wilkinson et al., 2021)'
 * ```
 */
export interface StyleCitations {
  /** The style key. */
  readonly style: CitationStyle
  /** Title of the CSL style, as its authors name it. */
  readonly title: string
  /** Where the style's CSL came from (plugin-csl built-in or Debian's package) and its licence. */
  readonly source: string
  /**
   * One bibliography entry.
   * @param id - a study or source id
   * @param options - output format (default text)
   * @returns the formatted reference; HTML is escaped, with the DOI as a link
   * @throws KapLiteratureError `UNKNOWN_ID` (with a suggestion), `INVALID_RECORD` for a lead, `UNKNOWN_FORMAT`, or
   *   `UNKNOWN_STYLE` for a `style` other than this entry's
   */
  formatReference(id: CitableId, options?: CitationsFormatOptions): string
  /**
   * An in-text citation of one or more records: `(Dore et al., 2019)`, narrative `Dore et al. (2019)`, or numbers in
   * numeric styles (numbered in the order given; use a session for a whole document).
   * @param ids - one id or several, in the order they are cited; repeats are dropped
   * @param options - format, and `narrative` for the narrative form
   * @returns the citation ('' for an empty list)
   * @throws KapLiteratureError `UNKNOWN_ID`, `INVALID_RECORD` for a lead, `UNKNOWN_FORMAT`, or `UNKNOWN_STYLE` for a
   *   `style` other than this entry's
   */
  formatCitation(ids: CitableId | readonly CitableId[], options?: CitationsCitationOptions): string
  /**
   * A bibliography: sorted as the style sorts (author-date styles) or numbered in the order given (numeric styles).
   * @param ids - the records; repeats are dropped
   * @param options - output format
   * @returns one entry per line (text, Markdown) or an HTML list ('' for an empty list)
   * @throws KapLiteratureError `UNKNOWN_ID`, `INVALID_RECORD` for a lead, `UNKNOWN_FORMAT`, or `UNKNOWN_STYLE` for a
   *   `style` other than this entry's
   */
  formatBibliography(ids: readonly CitableId[], options?: CitationsFormatOptions): string
  /**
   * A document session: numbers follow the order of first citation across the whole document.
   * @param options - output format, and `cites`: the records the document will cite, so that in-text citations are told
   *   apart against all of them from the first one (as in a finished document)
   * @returns a new session
   * @throws KapLiteratureError `UNKNOWN_FORMAT`, `UNKNOWN_ID`, `INVALID_RECORD` or `INVALID_ARGUMENT`
   */
  createCitationSession(options?: {
    readonly format?: CitationFormat
    readonly cites?: readonly CitableId[]
  }): CitationSession
}

function checkStyle(style: unknown, expected: CitationStyle): void {
  if (style !== undefined && (typeof style !== 'string' || idForm(style) !== expected)) {
    throw new KapLiteratureError(
      'UNKNOWN_STYLE',
      `this entry formats only "${expected}", got ${describeValue(style)} (import kap-literature/citations for every style)`,
      { value: style, hint: expected },
    )
  }
}

/**
 * Checks an options object: an object, with only the keys the function takes (a misspelt key such as `stlye` would
 * otherwise be ignored silently); an unknown key is an error with the closest known key as hint.
 */
function options(
  fn: string,
  value: unknown,
  allowed: readonly string[] = ['style', 'format'],
): Record<string, unknown> {
  if (value === undefined) return {}
  if (value === null || typeof value !== 'object' || isList(value, `${fn} options`))
    throw new KapLiteratureError('INVALID_ARGUMENT', `${fn}: options must be an object, got ${describeValue(value)}`, {
      value,
    })
  checkOptionKeys(fn, value, allowed)
  return value as Record<string, unknown>
}

/**
 * Binds a precomputed table to the public per-style API.
 * @internal
 */
export function bindStyle(style: CitationStyle, table: StyleTable): StyleCitations {
  let formatter: ReturnType<typeof createStyleFormatter> | undefined
  const f = () => (formatter ??= createStyleFormatter(table, style, resolveIds))
  return Object.freeze({
    style,
    title: table.title,
    source: `${table.source} (${table.license})`,
    formatReference(id: CitableId, opts?: CitationsFormatOptions) {
      const o = options('formatReference', opts)
      checkStyle(o.style, style)
      if (typeof id !== 'string')
        throw new KapLiteratureError('INVALID_ARGUMENT', `formatReference expects one id, got ${describeValue(id)}`, {
          value: id,
        })
      return f().formatReference(id, o.format as CitationFormat | undefined)
    },
    formatCitation(ids: CitableId | readonly CitableId[], opts?: CitationsCitationOptions) {
      const o = options('formatCitation', opts, ['style', 'format', 'narrative'])
      checkStyle(o.style, style)
      return f().formatCitation(ids, o.format as CitationFormat | undefined, flagOption(o.narrative, 'narrative'))
    },
    formatBibliography(ids: readonly CitableId[], opts?: CitationsFormatOptions) {
      const o = options('formatBibliography', opts)
      checkStyle(o.style, style)
      return f().formatBibliography(ids, o.format as CitationFormat | undefined)
    },
    createCitationSession(opts?: { readonly format?: CitationFormat; readonly cites?: readonly CitableId[] }) {
      const o = options('createCitationSession', opts, ['style', 'format', 'cites'])
      checkStyle(o.style, style)
      if (o.cites !== undefined && !isList(o.cites, 'options.cites'))
        throw new KapLiteratureError(
          'INVALID_ARGUMENT',
          `createCitationSession: options.cites must be an array of ids, got ${describeValue(o.cites)}`,
          { value: o.cites, hint: "cites: ['dakwar-2019', 'dakwar-2020']" },
        )
      return f().createCitationSession(o.format as CitationFormat | undefined, o.cites)
    },
  })
}
