// The work of citeProse without its argument checks: for the web components, which pass their own session, its own
// format and a shipped note (a module of its own, so that the elements' chunk for notes holds no checks and no
// messages they cannot need).
import { escapeHtml, escapeMarkdown } from '../escape'
import { KapLiteratureError } from '../errors'
import { sourceIds, studyIds } from '../generated/ids'
import { leadLabels } from '../generated/lead-labels'
import type { CitationFormat, CitationSession } from './engine'

/**
 * Every citable id, longest first, so `feder-2014` never matches inside a longer id; not a part of a Pandoc key
 * (`[@dore-2019]`), an e-mail address or a web address (`me@dore-2019.com`, `/dore-2019`).
 */
const IDS = [...studyIds, ...sourceIds].sort((a, b) => b.length - a.length || a.localeCompare(b))
const ID = `(?<![a-z0-9@./-])(?:${IDS.map((id) => id.replace(/[-]/g, '\\-')).join('|')})(?![a-z0-9-]|\\.[a-z0-9])`
const ONE_ID = new RegExp(ID, 'g')
/** A citation printed as a raised number: HTML `<sup>`, Markdown `^…^`, or Unicode superscript digits. */
const SUPERSCRIPT = /^(?:<sup\b|\^|[\u2070\u00b9\u00b2\u00b3\u2074-\u2079])/
/** A parenthesis holding only ids, "(feder-2014; feder-2021)" (group 1), or one id in running text (group 2). */
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
 * {@link citeProse} on arguments known to be good: `format` is the session's, `link` a boolean.
 * @internal
 */
export function proseCitations(text: string, session: CitationSession, format: CitationFormat, link = false): string {
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
