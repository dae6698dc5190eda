import type { CitableId } from '../../src/citations/index'
/**
 * Every Markdown output of the library, for the renderer tests: each shipped study and source in each precomputed
 * style (reference, citation, narrative citation, bibliography), the same through the citation-js engine, user records
 * whose fields carry script payloads in every field × style, `citeProse`, and a handout. Also the checks that a piece
 * of rendered HTML holds nothing that executes.
 */
import MarkdownIt from 'markdown-it'
import { marked } from 'marked'
import { sources, studies } from '../../src/index'
import {
  citationStyles,
  citeProse,
  createCitationSession,
  formatBibliography,
  formatCitation,
  formatReference,
} from '../../src/citations/index'
import * as cite from '../../src/cite/index'
import { bareDoi } from '../../src/doi'
import { runCli } from '../helpers/run-cli'

/** Payloads that ran script in marked or markdown-it before the fix (issue 13), and their relatives. */
export const PAYLOADS: readonly string[] = [
  'http://x/<img src=x onerror=alert(1)//>',
  'https://x.org/<img src=x onerror=alert(1)//>',
  'www.x.org/<svg onload=alert(1)>',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '\\<img src=x onerror=alert(1)>',
  '&lt;img src=x onerror=alert(1)&gt;',
  '&#60;img src=x onerror=alert(1)&#62;',
  '[x](javascript:alert(1))',
  '![x](https://x.org/"onerror="alert(1))',
  '<https://x.org/><img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  'javascript:alert(1)',
  '`<img src=x onerror=alert(1)>`',
  'x <!-- <img src=x onerror=alert(1)> -->',
  '<details open ontoggle=alert(1)>',
]

/**
 * Text that GFM (marked) and markdown-it's linkify turned into live links before audit 35: bare addresses of
 * any scheme but our own https links, `www.`, protocol-relative `//host`, e-mail addresses and bare domain names.
 */
export const LINK_PAYLOADS: readonly string[] = [
  'ftp://evil.example/x',
  'http://evil.example/x',
  'www.evil.example/x',
  'mailto:a@evil.example',
  'see //evil.com/x and ftp://evil.com and http://evil.com and www.evil.com and a@b.co',
  'HTTP://EVIL.COM/X WWW.EVIL.COM',
  'https://evil.example/in-text',
  'evil.com evil.co.uk пример.рф M.Sc',
  'www.1.com //127.0.0.1/x http://localhost/x a@localhost',
]

/** The user-record fields the attack used. */
export const FIELDS = ['URL', 'DOI', 'title', 'container-title', 'author'] as const

/**
 * A user record with `payload` in one field. A DOI must be a DOI (anything else is refused), so the payload goes after
 * a DOI prefix there: `10.1234/<payload>`, which is refused when the payload holds whitespace or is blank.
 */
export function hostileRecord(field: (typeof FIELDS)[number], payload: string, n: number): cite.CiteRecord {
  const base = {
    id: `u${n}`,
    type: 'article-journal',
    title: 'T',
    author: [{ family: 'S', given: 'A' }],
    'container-title': 'J',
    issued: { 'date-parts': [[2020]] },
  }
  if (field === 'author') return { ...base, author: [{ family: payload, given: payload }] }
  if (field === 'DOI') return { ...base, DOI: `10.1234/${payload}` }
  return { ...base, [field]: payload }
}

/**
 * Whether the engine refuses `payload` in `field` as a bad record, not a rendering: a blank name, a DOI with a space
 * or a tag, a URL with a space, quote or angle bracket (a valid URL percent-encodes them), a control character.
 */
export function refusedPayload(field: (typeof FIELDS)[number], payload: string): boolean {
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(payload)) return true
  if (field === 'author') return payload.trim() === ''
  if (field === 'URL') return /[\s"<>]/.test(payload)
  if (field !== 'DOI') return false
  const doi = bareDoi(`10.1234/${payload}`)
  return doi === undefined || /<\/?[a-z]/i.test(doi)
}

/** Markdown of every shipped record in every precomputed style, in every form. */
export function shippedMarkdown(): string[] {
  const out: string[] = []
  // Every id, leads too: the filter below keeps those the style formats.
  const ids = [...studies, ...sources].map((r) => r.id as CitableId)
  for (const { key: style } of citationStyles) {
    const citable = ids.filter((id) => {
      try {
        formatReference(id, { style })
        return true
      } catch {
        return false
      }
    })
    for (const id of citable) {
      out.push(formatReference(id, { style, format: 'markdown' }))
      out.push(formatCitation([id], { style, format: 'markdown' }))
      out.push(formatCitation([id], { style, format: 'markdown', narrative: true }))
    }
    out.push(formatBibliography(citable, { style, format: 'markdown' }))
    const session = createCitationSession({ style, format: 'markdown' })
    out.push(
      citeProse(
        `See ${citable.slice(0, 3).join(' and ')}; <img src=x onerror=alert(1)> [x](javascript:alert(1)).`,
        session,
        'markdown',
      ),
    )
  }
  return out
}

/** Markdown of shipped records through the citation-js engine (the three built-in styles). */
export function engineShippedMarkdown(): string[] {
  const out: string[] = []
  // Every id, leads too: the filter below keeps those the style formats.
  const ids = [...studies, ...sources].map((r) => r.id as CitableId)
  for (const style of ['apa', 'vancouver', 'harvard']) {
    for (const id of ids) {
      try {
        out.push(cite.formatReference(id as never, { style, format: 'markdown' }))
      } catch {
        // A record that cannot be printed in this style is an error, tested elsewhere.
      }
    }
  }
  return out
}

/** Runs `fn` and throws unless it throws the typed INVALID_RECORD error. */
function expectRefused(fn: () => unknown): void {
  try {
    fn()
  } catch (e) {
    if ((e as { code?: string }).code === 'INVALID_RECORD') return
    throw e
  }
  throw new Error('expected INVALID_RECORD')
}

/**
 * Markdown of hostile user records: every payload in every field, in every built-in style, each form (a payload the
 * engine refuses as a bad record is checked to be refused instead).
 */
export function userMarkdown(payloads: readonly string[] = PAYLOADS): string[] {
  const out: string[] = []
  let n = 0
  for (const style of ['apa', 'vancouver', 'harvard']) {
    for (const field of FIELDS) {
      for (const payload of payloads) {
        const record = hostileRecord(field, payload, n++)
        if (refusedPayload(field, payload)) {
          expectRefused(() => cite.formatReference(record, { style, format: 'markdown' }))
          continue
        }
        out.push(cite.formatReference(record, { style, format: 'markdown' }))
        out.push(cite.formatCitation([record], { style, format: 'markdown', narrative: true }))
      }
    }
  }
  return out
}

/** A full handout in Markdown, as the CLI prints it. */
export async function handoutMarkdown(): Promise<string> {
  const r = await runCli(['handout', '--topic', 'duration', '--full', '--format', 'md'], {
    env: { SOURCE_DATE_EPOCH: '1767225600' },
  })
  return r.stdout
}

const gfm = (md: string): string => marked.parse(md, { async: false, gfm: true })
const mdit = new MarkdownIt({ html: true, linkify: true })
const mditDefault = new MarkdownIt('default', { linkify: true })

/** The renderers a site is likely to use: marked (GFM, HTML allowed) and markdown-it with linkify, HTML on and off. */
export const renderers: Readonly<Record<string, (md: string) => string>> = {
  marked: gfm,
  'markdown-it (html, linkify)': (md) => mdit.render(md),
  'markdown-it (linkify)': (md) => mditDefault.render(md),
}

const ALLOWED_TAGS = new Set([
  'p',
  'em',
  'strong',
  'a',
  'del',
  's',
  'br',
  'code',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'hr',
  'blockquote',
  'pre',
])

/**
 * The links in rendered HTML that the Markdown did not ask for: every `<a href>` must be one of the link targets
 * `[text](target)` the library wrote itself (a DOI or an https URL); anything else is an autolink of text.
 */
export function foreignLinks(markdown: string, html: string): string[] {
  const ours = new Set([...markdown.matchAll(/\]\((https:\/\/[^)\s]+)\)/g)].map((m) => m[1]!))
  return [...html.matchAll(/<a\b[^>]*>/gi)]
    .map((m) => m[0])
    .filter((tag) => {
      // The renderers write the href as HTML: `&` as `&amp;`, and markdown-it a quotation mark as `&#39;` or `&quot;`.
      const href = /href="([^"]*)"/
        .exec(tag)?.[1]
        ?.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
        .replace(/&#x([\da-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&')
      return href === undefined || !ours.has(href)
    })
}

/**
 * What in a piece of rendered HTML could execute or load something: any element outside the plain-text set (p, em,
 * strong, a, lists, headings, code, …), any attribute other than an `href` on `<a>` (so no `on*=`, no `src`), and
 * any href that is not http(s) or mailto (a `javascript:` inside an https path is only text).
 */
export function liveMarkup(html: string): string[] {
  const bad: string[] = []
  for (const m of html.matchAll(/<\s*(\/?)\s*([a-zA-Z][\w:-]*)([^>]*)>/g)) {
    const [whole, closing, rawName, attrs = ''] = m
    const name = rawName!.toLowerCase()
    if (!ALLOWED_TAGS.has(name)) bad.push(whole)
    if (closing === '/') continue
    const attributes = [...attrs.matchAll(/([^\s=/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)]
    for (const [a, key, value = ''] of attributes) {
      const k = key!.toLowerCase()
      if (!(name === 'a' && k === 'href') && !(name === 'ol' && k === 'start')) bad.push(`${whole} (${a})`)
      if (k === 'href' && !/^["']?(https?:|mailto:)/i.test(value)) bad.push(`${whole} (href ${value})`)
    }
  }
  return bad
}
