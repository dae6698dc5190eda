// The precomputed tables store formatted references as compact run lists; this turns them into the shared run
// renderer's runs (../runs.ts), so the citations entry escapes exactly as the cite entry and the CLI do.
import { renderStyledRuns, type RunFormat, type StyledRun } from '../runs'

export { escapeHtml, escapeMarkdown } from '../escape'
export { markdownLinkTarget } from '../runs'

/**
 * A formatted reference stored as a list of runs, rendered to text, HTML or Markdown at run time.
 * - a string: plain text
 * - `[flags, text]`: styled text; flags is a combination of `i` (italic), `b` (bold), `^` (superscript),
 *   `_` (subscript) and `c` (small caps), e.g. `"i"` or `"ib"`
 * - `["a", href, text]`: a link we built (a DOI or https URL), never from citeproc's own link output; `["a", href]`
 *   when the text is the address itself (`a` is never a style flag)
 * @internal
 */
export type Run = string | readonly [string, string] | readonly ['a', string] | readonly ['a', string, string]

const isLink = (run: Run): run is readonly ['a', string] | readonly ['a', string, string] =>
  typeof run !== 'string' && run[0] === 'a'

function styled(run: Run): StyledRun {
  if (typeof run === 'string') return { text: run, flags: '' }
  if (isLink(run))
    return {
      text: run[2] ?? run[1],
      flags: '',
      link: { href: run[1], kind: run[1].startsWith('https://doi.org/') ? 'doi' : 'url' },
    }
  return { text: run[1], flags: run[0] }
}

const render = (runs: readonly Run[], format: RunFormat): string => renderStyledRuns(runs.map(styled), format)

/**
 * Plain text of a run list.
 * @internal
 */
export function runsToText(runs: readonly Run[]): string {
  return render(runs, 'text')
}

/**
 * HTML of a run list: all text escaped, styles as tags, links as `<a class="kap-ref-doi|kap-ref-url" href="…">`.
 * @internal
 */
export function runsToHtml(runs: readonly Run[]): string {
  return render(runs, 'html')
}

/**
 * Markdown of a run list: italics as `*…*`, bold as `**…**`, superscript as `^…^`, links as `[text](https://…)`.
 * @internal
 */
export function runsToMarkdown(runs: readonly Run[]): string {
  return render(runs, 'markdown')
}
