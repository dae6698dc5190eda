// The one run renderer: every formatted citation, reference and handout line of the library (the precomputed
// `citations` entry, the citation-js `cite` entry and the CLI) goes through these functions, so HTML and Markdown
// escaping cannot drift between outputs.
import { escapeHtml, escapeMarkdown, escapeReferenceStarts } from './escape'

/**
 * A styled stretch of text; `link` marks a link we built from a validated DOI or URL (never from citeproc's markup).
 * @internal
 */
export interface StyledRun {
  readonly text: string
  /** Any of `i` italic, `b` bold, `^` superscript, `_` subscript, `c` small caps. */
  readonly flags: string
  readonly link?: { readonly href: string; readonly kind: 'doi' | 'url' }
}

/** An output format of a run list. @internal */
export type RunFormat = 'text' | 'html' | 'markdown'

const HTML_TAGS: readonly (readonly [string, string, string])[] = [
  ['i', '<i>', '</i>'],
  ['b', '<b>', '</b>'],
  ['^', '<sup>', '</sup>'],
  ['_', '<sub>', '</sub>'],
  ['c', '<span class="kap-smallcaps">', '</span>'],
]

/** The characters a URL may hold unencoded in a Markdown link destination (RFC 3986 minus `(`, `)` and `\`). */
const SAFE_URL_CHAR = /[A-Za-z0-9\-._~:/?#@!$&'*+,;=%]/

/**
 * The destination to use in a Markdown link, or undefined when `href` must not be one: only an absolute `https:` URL
 * (which the WHATWG URL parser accepts, with a host) may become a link target, so no caller text can smuggle in a
 * `javascript:` scheme, a relative path, or characters that end the destination. Characters outside RFC 3986's
 * unreserved and reserved sets, and `(`, `)`, `\`, are percent-encoded, and an `&` that would start a character
 * reference is written `&amp;`.
 * @internal
 */
export function markdownLinkTarget(href: string): string | undefined {
  if (typeof href !== 'string' || !href.startsWith('https://') || href.length > 4096) return undefined
  let parsed: URL
  try {
    parsed = new URL(href)
  } catch {
    return undefined
  }
  if (parsed.protocol !== 'https:' || parsed.hostname === '') return undefined
  let out = ''
  for (const ch of href) {
    if (SAFE_URL_CHAR.test(ch)) out += ch
    else for (const byte of new TextEncoder().encode(ch)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
  }
  // A renderer decodes `&amp;` in a destination: written `&amp;amp;`, it links to the address as given.
  return escapeReferenceStarts(out)
}

/**
 * HTML of one run: all text escaped, styles as tags, a link as `<a class="kap-ref-doi|kap-ref-url" href="…">`.
 * @internal
 */
export function runToHtml(run: StyledRun): string {
  let html = escapeHtml(run.text)
  for (const [flag, open, close] of HTML_TAGS) if (run.flags.includes(flag)) html = `${open}${html}${close}`
  if (run.link !== undefined)
    html = `<a class="kap-ref-${run.link.kind}" href="${escapeHtml(run.link.href)}">${html}</a>`
  return html
}

/**
 * Markdown of one run: text through {@link escapeMarkdown}, italics as `*…*`, bold as `**…**`, superscript as `^…^`,
 * subscript as `~…~`, and a link as `[text](https://…)` only when {@link markdownLinkTarget} accepts its href (any
 * other link is its escaped text alone).
 * @internal
 */
export function runToMarkdown(run: StyledRun): string {
  if (run.text.trim() === '') return run.text
  // Emphasis markers must hug non-space characters.
  const body = run.text.trim()
  const lead = run.text.slice(0, run.text.length - run.text.trimStart().length)
  const trail = run.text.slice(run.text.trimEnd().length)
  let md = escapeMarkdown(body)
  if (run.flags.includes('^')) md = `^${md}^`
  if (run.flags.includes('_')) md = `~${md}~`
  if (run.flags.includes('b')) md = `**${md}**`
  if (run.flags.includes('i')) md = `*${md}*`
  const target = run.link === undefined ? undefined : markdownLinkTarget(run.link.href)
  if (target !== undefined) md = `[${md}](${target})`
  return `${lead}${md}${trail}`
}

const SUPERSCRIPT_DIGITS = '\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079'

/**
 * Digits as Unicode superscripts; commas and dashes stay as they are ("¹,²", "¹–³"): plain text cannot raise a
 * number, so a superscript citation is written so in text.
 * @internal
 */
export function superscriptDigits(text: string): string {
  return text.replace(/\d/g, (d) => SUPERSCRIPT_DIGITS[Number(d)]!)
}

/**
 * Renders a run list: `text` unescaped (raised digits as superscript digits), `html` and `markdown` with every
 * character of text escaped.
 * @internal
 */
export function renderStyledRuns(runs: readonly StyledRun[], format: RunFormat): string {
  if (format === 'text') return runs.map((r) => (r.flags.includes('^') ? superscriptDigits(r.text) : r.text)).join('')
  return runs.map(format === 'html' ? runToHtml : runToMarkdown).join('')
}
