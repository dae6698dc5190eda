import { describeValue, flagOption, isList, KapLiteratureError } from '../errors'
import { MAX_ESCAPED_LENGTH } from '../escape'
import { checkOptionKeys } from '../suggest'
import type { CitationFormat, CitationSession } from './engine'
import { proseCitations } from './prose-core'

/**
 * Turns a note written with record ids ("…as krupitsky-2002 found…") into text a reader can follow: each study or
 * source id becomes its in-text citation from `session` (so it is numbered and listed in the session's
 * bibliography), and in HTML, when `link` is set, each record's part of a citation links to its reading-list entry
 * `#ref-<id>` (a parenthesis of several ids links each of them). The rest of the text is
 * escaped for `format`. Citations are narrative ("Grunebaum et al. (2018)", "Grunebaum et al.¹"), as ids stand
 * in the sentence as names. A study kept only as a lead (its authors, title or date could not be confirmed, so it
 * cannot be cited) is named by what is known of it — its first author and year, or its title — without a citation.
 * @param text - plain text, such as a claim's `verdictNote` or an evidence `note`
 * @param session - the document's citation session (its style and format decide the citation form)
 * @param format - the session's format (`session.format`): `text`, `html` or `markdown`
 * @param options - `link` (a boolean): in HTML, link each cited record to `#ref-<id>`
 * @returns the text with citations, safe to insert into a document of that format
 * @throws {@link index!KapLiteratureError} `INVALID_ARGUMENT` for text that is not a string, a value that is not a
 * session, a format other than the session's, an unknown option or a `link` that is not a boolean; `UNKNOWN_FORMAT`
 * @example
 * ```ts
 * import { citeProse, createCitationSession } from 'kap-literature/citations'
 * const session = createCitationSession({ style: 'apa', format: 'text' })
 * citeProse('Only wilkinson-2021 tested this, and only in part.', session, 'text')
 * // 'Only Wilkinson et al. (2021) tested this, and only in part.'
 * ```
 */
export function citeProse(
  text: string,
  session: CitationSession,
  format: CitationFormat,
  options: { readonly link?: boolean } = {},
): string {
  if (typeof text !== 'string')
    throw new KapLiteratureError('INVALID_ARGUMENT', `citeProse needs text, got ${describeValue(text)}`, {
      value: text,
    })
  if (
    session === null ||
    typeof session !== 'object' ||
    isList(session, 'citeProse session') ||
    typeof (session as { cite?: unknown }).cite !== 'function'
  ) {
    throw new KapLiteratureError(
      'INVALID_ARGUMENT',
      `citeProse needs a citation session, got ${describeValue(session)}`,
      { value: session, hint: 'createCitationSession({ style, format })' },
    )
  }
  if (format !== 'text' && format !== 'html' && format !== 'markdown') {
    throw new KapLiteratureError(
      'UNKNOWN_FORMAT',
      `unknown format ${describeValue(format)} (use text, html, markdown)`,
      { value: format, hint: "the session's format" },
    )
  }
  if (format !== session.format)
    throw new KapLiteratureError(
      'INVALID_ARGUMENT',
      `citeProse format ${describeValue(format)} is not the session's format ${describeValue(session.format)}`,
      { value: format, hint: "pass the session's format, or create a session in this format" },
    )
  if (options === null || typeof options !== 'object' || isList(options, 'citeProse options'))
    throw new KapLiteratureError(
      'INVALID_ARGUMENT',
      `citeProse options must be an object, got ${describeValue(options)}`,
      { value: options },
    )
  checkOptionKeys('citeProse', options, ['link'])
  // With `link`, the session links each record's part of a citation to its reading-list entry (in HTML; other
  // formats have no links).
  const link = flagOption(options.link, 'link')
  if (text.length > MAX_ESCAPED_LENGTH)
    throw new KapLiteratureError(
      'LIMIT_EXCEEDED',
      `citeProse takes at most ${MAX_ESCAPED_LENGTH.toLocaleString('en-US')} characters of text`,
      { value: `${text.length} characters`, hint: 'cite the text in parts, a section or a paragraph at a time' },
    )
  return proseCitations(text, session, format, link)
}
