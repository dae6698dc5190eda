import { escapeHtml, escapeMarkdown } from '../escape'
import { describeValue, flagOption, isList, KapLiteratureError } from '../errors'
import { sourceIds, studyIds } from '../generated/ids'
import { leadLabels } from '../generated/lead-labels'
import { checkOptionKeys } from '../suggest'
import type { CitationFormat, CitationSession } from './engine'

/**
 * Every citable id, longest first, so `feder-2014` never matches inside a longer id; not a part of a Pandoc key
 * (`[@dore-2019]`), an e-mail address or a web address (`me@dore-2019.com`, `/dore-2019`).
 */
const IDS = [...studyIds, ...sourceIds].sort((a, b) => b.length - a.length || a.localeCompare(b))
const ID = `(?<![a-z0-9@./-])(?:${IDS.map((id) => id.replace(/[-]/g, '\\-')).join('|')})(?![a-z0-9-]|\\.[a-z0-9])`
const ONE_ID = new RegExp(ID, 'g')
/** A parenthesis holding only ids, "(feder-2014; feder-2021)" (group 1), or one id in running text (group 2). */
/** A citation printed as a raised number: HTML `<sup>`, Markdown `^…^`, or Unicode superscript digits. */
const SUPERSCRIPT = /^(?:<sup\b|\^|[\u2070\u00b9\u00b2\u00b3\u2074-\u2079])/
const ID_PATTERN = new RegExp(`\\(\\s*(${ID}(?:\\s*[,;]\\s*${ID})*)\\s*\\)|(${ID})`, 'g')

/**
 * The records a text cites as `citeProse` would: each id it names that can be cited (not a lead), once, in order.
 * @param text - plain text with record ids
 * @returns the ids
 * @internal
 */
export function citedIds(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(ONE_ID), (m) => m[0]))].filter((id) => leadLabels[id] === undefined)
}

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
  const escape = format === 'html' ? escapeHtml : format === 'markdown' ? escapeMarkdown : (s: string) => s
  // Text just before a citation: in Markdown, a final "." is escaped too, so that "evil." and the cited name
  // "Li et al." cannot read as the domain name evil.Li (markdown-it's linkify would link it).
  const beforeCite = (s: string) => (format === 'markdown' ? escape(s).replace(/(?<!\\)\.$/, '\\.') : escape(s))
  let out = ''
  let last = 0
  for (const m of text.matchAll(ID_PATTERN)) {
    if (m[1] !== undefined) {
      // Ids alone in parentheses read as a parenthetical citation: "(Feder et al., 2014, 2021)", "[3,4]".
      const ids = m[1].split(/\s*[,;]\s*/)
      let cited: string | undefined
      try {
        cited = session.cite(ids, { link })
      } catch (e) {
        if (!(e instanceof KapLiteratureError && e.code === 'INVALID_RECORD')) throw e
      }
      if (cited !== undefined) {
        // A raised number follows its word directly ("use¹,²", not "use ¹,²").
        const before = text.slice(last, m.index)
        out += beforeCite(SUPERSCRIPT.test(cited) ? before.trimEnd() : before) + cited
        last = m.index + m[0].length
        continue
      }
    }
    // Otherwise (running text, or a parenthesis naming a study that cannot be cited) each id is named in place.
    const at = m[1] === undefined ? m.index : m.index + m[0].indexOf(m[1])
    const group = m[1] ?? m[2]!
    for (const n of group.matchAll(ONE_ID)) {
      out += beforeCite(text.slice(last, at + n.index))
      last = at + n.index + n[0].length
      out += narrative(n[0])
    }
  }
  return out + escape(text.slice(last))

  function narrative(id: string): string {
    let cited: string
    try {
      cited = session.cite(id, { narrative: true, link })
    } catch (e) {
      if (e instanceof KapLiteratureError && e.code === 'INVALID_RECORD') return escape(leadLabels[id] ?? id)
      throw e
    }
    return cited
  }
}
