import { renderStyledRuns, type RunFormat, type StyledRun } from '../runs'

export { escapeHtml, escapeMarkdown } from '../escape'
// Turns citeproc's HTML into runs of text (decoded, never markup), adds our own links, and renders the runs as text,
// HTML (everything escaped; only our own tags) or Markdown. citeproc's markup never reaches the caller as is.

/** A styled stretch of text; `link` marks a link we built. @internal */
export type Run = StyledRun

/** An output format of the formatting functions. @internal */
export type Format = RunFormat

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

/** Decodes the entities citeproc writes (numeric, and the few named ones). @internal */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
      return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return NAMED[body.toLowerCase()] ?? whole
  })
}

const FLAG_ORDER = 'ib^_c'
const withFlag = (flags: string, flag: string, on: boolean): string =>
  [...FLAG_ORDER].filter((f) => (f === flag ? on : flags.includes(f))).join('')

/** What an opening tag does to the current flags. */
function applyTag(name: string, attrs: string, flags: string): string {
  switch (name) {
    case 'i':
    case 'em':
      return withFlag(flags, 'i', true)
    case 'b':
    case 'strong':
      return withFlag(flags, 'b', true)
    case 'sup':
      return withFlag(flags, '^', true)
    case 'sub':
      return withFlag(flags, '_', true)
    case 'span': {
      let f = flags
      const style = /style="([^"]*)"/.exec(attrs)?.[1] ?? ''
      if (/font-style:\s*italic/.test(style)) f = withFlag(f, 'i', true)
      if (/font-style:\s*normal/.test(style)) f = withFlag(f, 'i', false)
      if (/font-weight:\s*bold/.test(style)) f = withFlag(f, 'b', true)
      if (/font-weight:\s*normal/.test(style)) f = withFlag(f, 'b', false)
      if (/font-variant:\s*small-caps/.test(style)) f = withFlag(f, 'c', true)
      if (/font-variant:\s*normal/.test(style)) f = withFlag(f, 'c', false)
      return f
    }
    default:
      return flags
  }
}

/**
 * Parses citeproc HTML into runs. citeproc escapes `<`, `>` and `&` in field values, so every raw `<` is its own
 * markup; tags are interpreted (italics, bold, …) and dropped, text is decoded. The content of a
 * `csl-left-margin` block (a reference number) is followed by a space.
 * @internal
 */
export function htmlToRuns(html: string): Run[] {
  const runs: Run[] = []
  const stack: { name: string; flags: string; leftMargin: boolean }[] = []
  let flags = ''
  const push = (raw: string) => {
    // Layout whitespace between citeproc's block elements (a newline and indentation) is not content.
    if (raw === '' || (raw.trim() === '' && raw.includes('\n'))) return
    const text = raw.replace(/\s*\n\s*/g, ' ')
    const last = runs[runs.length - 1]
    if (last !== undefined && last.flags === flags && last.link === undefined)
      runs[runs.length - 1] = { text: last.text + text, flags }
    else runs.push({ text, flags })
  }
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g
  let at = 0
  for (let m = tag.exec(html); m !== null; m = tag.exec(html)) {
    push(decodeEntities(html.slice(at, m.index)))
    at = m.index + m[0].length
    const [, closing, rawName, attrs = ''] = m
    const name = rawName!.toLowerCase()
    if (name === 'br') {
      push(' ')
      continue
    }
    if (closing === '/') {
      // Pop to the matching open tag (citeproc's HTML is well formed; this also tolerates stray closers).
      const index = stack.map((s) => s.name).lastIndexOf(name)
      if (index === -1) continue
      const [opened] = stack.splice(index)
      flags = opened!.flags
      if (opened!.leftMargin && !/\s$/.test(runs[runs.length - 1]?.text ?? ' ')) push(' ')
      continue
    }
    if (attrs.trimEnd().endsWith('/')) continue
    stack.push({ name, flags, leftMargin: name === 'div' && /class="[^"]*csl-left-margin/.test(attrs) })
    flags = applyTag(name, attrs, flags)
  }
  push(decodeEntities(html.slice(at)))
  return trimRuns(runs)
}

function trimRuns(runs: Run[]): Run[] {
  const out = [...runs]
  while (out.length > 0 && out[0]!.text.trim() === '') out.shift()
  while (out.length > 0 && out[out.length - 1]!.text.trim() === '') out.pop()
  if (out.length > 0) out[0] = { ...out[0]!, text: out[0]!.text.trimStart() }
  if (out.length > 0) out[out.length - 1] = { ...out[out.length - 1]!, text: out[out.length - 1]!.text.trimEnd() }
  return out
}

/**
 * Turns the first occurrence of `needle` (tried in order) inside one run into a link. Returns the runs unchanged
 * when no candidate occurs.
 * @internal
 */
export function linkFirst(runs: readonly Run[], needles: readonly string[], href: string, kind: 'doi' | 'url'): Run[] {
  for (const needle of needles) {
    if (needle === '') continue
    for (let i = 0; i < runs.length; i++) {
      const run = runs[i]!
      if (run.link !== undefined) continue
      // Exactly, else in any case: found in the text itself, as lower-casing may change the length of what comes
      // before it ("İ" lower-cases to two code units) and so every index after it.
      let index = run.text.indexOf(needle)
      let length = needle.length
      if (index === -1) {
        const match = new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i').exec(run.text)
        if (match === null) continue
        ;[index, length] = [match.index, match[0].length]
      }
      const before = run.text.slice(0, index)
      const found = run.text.slice(index, index + length)
      const after = run.text.slice(index + length)
      const replaced: Run[] = []
      if (before !== '') replaced.push({ text: before, flags: run.flags })
      replaced.push({ text: found, flags: run.flags, link: { href, kind } })
      if (after !== '') replaced.push({ text: after, flags: run.flags })
      return [...runs.slice(0, i), ...replaced, ...runs.slice(i + 1)]
    }
  }
  return [...runs]
}

/** Renders runs in one of the output formats, with the library's one run renderer. @internal */
export function renderRuns(runs: readonly Run[], format: Format): string {
  return renderStyledRuns(runs, format)
}
