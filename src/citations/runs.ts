import { escapeHtml, escapeMarkdown, markdownHref } from '../escape'

export { escapeHtml, escapeMarkdown, markdownHref } from '../escape'

/**
 * A formatted reference stored as a list of runs, rendered to text, HTML or Markdown at run time.
 * - a string: plain text
 * - `[flags, text]`: styled text; flags is a combination of `i` (italic), `b` (bold), `^` (superscript),
 *   `_` (subscript) and `c` (small caps), e.g. `"i"` or `"ib"`
 * - `["a", href, text]`: a link we built (a DOI or https URL), never from citeproc's own link output
 * @internal
 */
export type Run = string | readonly [string, string] | readonly ['a', string, string]

const isLink = (run: Run): run is readonly ['a', string, string] => typeof run !== 'string' && run.length === 3

/**
 * Plain text of a run list.
 * @internal
 */
export function runsToText(runs: readonly Run[]): string {
  return runs.map((r) => (typeof r === 'string' ? r : isLink(r) ? r[2] : r[1])).join('')
}

const TAGS: [string, string, string][] = [
  ['i', '<i>', '</i>'],
  ['b', '<b>', '</b>'],
  ['^', '<sup>', '</sup>'],
  ['_', '<sub>', '</sub>'],
  ['c', '<span class="kap-smallcaps">', '</span>'],
]

/**
 * HTML of a run list: all text escaped, styles as tags, links as `<a class="kap-ref-doi|kap-ref-url" href="…">`.
 * @internal
 */
export function runsToHtml(runs: readonly Run[]): string {
  return runs
    .map((r) => {
      if (typeof r === 'string') return escapeHtml(r)
      if (isLink(r)) {
        const kind = r[1].startsWith('https://doi.org/') ? 'kap-ref-doi' : 'kap-ref-url'
        return `<a class="${kind}" href="${escapeHtml(r[1])}">${escapeHtml(r[2])}</a>`
      }
      const [flags, text] = r
      let html = escapeHtml(text)
      for (const [flag, open, close] of TAGS) if (flags.includes(flag)) html = `${open}${html}${close}`
      return html
    })
    .join('')
}

/**
 * Markdown of a run list: italics as `*…*`, bold as `**…**`, superscript as `^…^`, links as `[text](href)`.
 * @internal
 */
export function runsToMarkdown(runs: readonly Run[]): string {
  return runs
    .map((r) => {
      if (typeof r === 'string') return escapeMarkdown(r)
      if (isLink(r)) return `[${escapeMarkdown(r[2])}](${markdownHref(r[1])})`
      const [flags, text] = r
      if (text.trim() === '') return text
      // Emphasis markers must hug non-space characters.
      const lead = /^\s*/.exec(text)![0]
      const trail = /\s*$/.exec(text)![0]
      let md = escapeMarkdown(text.trim())
      if (flags.includes('^')) md = `^${md}^`
      if (flags.includes('_')) md = `~${md}~`
      if (flags.includes('b')) md = `**${md}**`
      if (flags.includes('i')) md = `*${md}*`
      return `${lead}${md}${trail}`
    })
    .join('')
}
