// Formatting: resolve items, ask citeproc for HTML, parse it into runs, add our links, render in the wanted format.
import { describeValue, FAULT_HINT } from '../errors'
import { escapeHtml } from '../escape'
import { cleanEtAl } from '../etal'
import { KapLiteratureError } from '../index'
import { checkOptionKeys } from '../suggest'
import { withCiteNames } from './cite-names'
import { bibliographyHtml, citationClustersHtml, citationHtml, type CiteItemFlags, type CslObject } from './engine'
import { requireIdentifiable, resolveItem, resolveItems, type Resolved } from './records'
import { htmlToRuns, linkFirst, renderRuns, type Format, type Run } from './render'
import { recordForStyle } from './style-records'
import { resolveLang, resolveStyle, styleKey, styleWork, type StyleEntry } from './styles'
import type { CiteCitationOptions, CiteFormatOptions, CiteItem } from './types'

const FORMATS: readonly Format[] = ['text', 'html', 'markdown']

interface Checked {
  readonly style: StyleEntry
  readonly format: Format
  readonly lang: string | undefined
  readonly narrative: boolean
}

/** Validates the options object shared by the formatting functions. @internal */
export function checkOptions(options: unknown, fn: string): Checked {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new KapLiteratureError(
      'INVALID_ARGUMENT',
      `${fn} expects options { style, format }, got ${describeValue(options)}`,
      {
        value: options,
        hint: "e.g. { style: 'apa', format: 'html' }",
      },
    )
  }
  checkOptionKeys(
    fn,
    options,
    fn === 'formatCitation' ? ['style', 'format', 'lang', 'narrative'] : ['style', 'format', 'lang'],
  )
  const o = options as { style?: unknown; format?: unknown; lang?: unknown; narrative?: unknown }
  const style = resolveStyle(o.style)
  // Format names are read in any case ('HTML' is html), as in kap-literature/citations.
  const format = typeof o.format === 'string' ? o.format.toLowerCase() : o.format
  if (typeof format !== 'string' || !(FORMATS as readonly string[]).includes(format)) {
    throw new KapLiteratureError(
      'UNKNOWN_FORMAT',
      `unknown format ${describeValue(o.format)}; available: ${FORMATS.join(', ')}`,
      {
        value: o.format,
        hint: `use one of ${FORMATS.join(', ')}`,
      },
    )
  }
  if (o.narrative !== undefined && typeof o.narrative !== 'boolean') {
    throw new KapLiteratureError(
      'INVALID_ARGUMENT',
      `options.narrative must be a boolean, got ${describeValue(o.narrative)}`,
      { value: o.narrative },
    )
  }
  return { style, format: format as Format, lang: resolveLang(o.lang), narrative: o.narrative === true }
}

/**
 * Runs citeproc, turning any error it throws into a KapLiteratureError with the original as `cause`. The engine that
 * threw has already been freed (engine.ts), so the next call compiles a fresh one under the same key.
 */
function citeproc<T>(style: StyleEntry, run: (key: string) => T): T {
  try {
    return run(styleKey(style))
  } catch (cause) {
    if (cause instanceof KapLiteratureError) throw cause
    const message = cause instanceof Error ? cause.message : String(cause)
    if (/Cannot find style/.test(message)) {
      throw new KapLiteratureError('UNKNOWN_STYLE', `style "${style.name}" is not available to citeproc`, {
        value: style.name,
        cause,
        hint: 'register the style again (registerStyle or loadSystemStyle) before formatting with it',
      })
    }
    throw new KapLiteratureError(
      'INVALID_ARGUMENT',
      `citeproc could not format with style "${style.name}": ${message}`,
      { value: style.name, cause, hint: 'try a built-in style; if it formats, the registered style is at fault' },
    )
  }
}

/**
 * Bounds on one formatting call, beyond its 1,000 items (docs/limits.md). citeproc's work grows with what a style
 * renders per entry and with the words of the records' names (a bibliography of 40 records of 42 names of 500 short
 * words took 90 s, mostly disambiguation), and its output with how often the style prints each field.
 * @internal
 */
export const CALL_LIMITS = Object.freeze({
  /** Rendering elements: the items times the style's elements per entry (1,000 entries of APA: 2.0 million). */
  elements: 2_500_000,
  /**
   * Characters a call can print at most, counted from the style's work and the records' fields (1,000 APA entries
   * like the shipped records: about 22 million).
   */
  output: 50_000_000,
  /** Words (runs of non-blank characters) in the name parts of all records (1,000 references of 6 authors: ~14,000). */
  nameWords: 30_000,
})

/** Refuses a call whose records would cost citeproc more than {@link CALL_LIMITS} in this style. */
function checkWork(records: readonly Resolved[], style: StyleEntry): void {
  const work = styleWork(style)
  let output = 0
  let words = 0
  for (const r of records) {
    output += work.text
    for (const [variable, value] of Object.entries(r.csl)) {
      const times = work.vars.get(variable) ?? 0
      if (typeof value === 'string') output += times * value.length
      else if (Array.isArray(value)) {
        let chars = 0
        for (const name of value as unknown[])
          for (const part of typeof name === 'object' && name !== null ? Object.values(name) : [])
            if (typeof part === 'string') {
              chars += part.length
              words += part.match(/\S+/g)?.length ?? 0
            }
        output += times * (chars + value.length * work.perName)
      } else output += times * 64
    }
  }
  const n = (x: number) => x.toLocaleString('en-US')
  const refuse = (problem: string, count: number, limit: number, hint: string) => {
    throw new KapLiteratureError('LIMIT_EXCEEDED', `${problem}, more than the ${n(limit)} one call may`, {
      value: count,
      hint: `${hint}; see docs/limits.md`,
    })
  }
  const elements = records.length * work.elements
  if (elements > CALL_LIMITS.elements)
    refuse(
      `${n(records.length)} entries of style "${style.name}" can render up to ${n(elements)} elements`,
      elements,
      CALL_LIMITS.elements,
      `this style renders up to ${n(work.elements)} elements per entry; format fewer items per call`,
    )
  if (words > CALL_LIMITS.nameWords)
    refuse(
      `the names of these records hold ${n(words)} words`,
      words,
      CALL_LIMITS.nameWords,
      "citeproc's work grows with the words of names; format fewer records per call, or shorten the names",
    )
  if (output > CALL_LIMITS.output)
    refuse(
      `style "${style.name}" could print up to ${n(output)} characters for these records`,
      output,
      CALL_LIMITS.output,
      'format fewer items per call, or shorten their longest fields',
    )
}

function requireBibliography(style: StyleEntry, fn: string): void {
  if (!style.hasBibliography) {
    throw new KapLiteratureError(
      'INVALID_ARGUMENT',
      `style "${style.name}" defines no bibliography, so ${fn} cannot use it`,
      {
        value: style.name,
        hint: 'use formatCitation with this style, or a style that has a <bibliography>',
      },
    )
  }
}

/** Adds our DOI and URL links to an entry's runs; only validated hrefs ever become links. */
function addLinks(runs: Run[], record: Resolved): Run[] {
  let out = runs
  const doi = record.csl.DOI
  if (record.doiHref !== undefined && typeof doi === 'string') {
    const needles = [
      `https://doi.org/${doi}`,
      `http://dx.doi.org/${doi}`,
      `https://dx.doi.org/${doi}`,
      `doi:${doi}`,
      doi,
    ]
    out = linkFirst(out, needles, record.doiHref, 'doi')
  }
  if (record.urlHref !== undefined) out = linkFirst(out, [record.urlHref], record.urlHref, 'url')
  return out
}

/**
 * citeproc prints the straight apostrophes of a DOI or URL as typographic ones ("a'b" as "a’b"): they are put back,
 * so both print as given (and a link's text matches its address).
 */
function asGiven(runs: Run[], record: Resolved): Run[] {
  let out = runs
  for (const value of [record.csl.DOI, record.csl.URL]) {
    if (typeof value !== 'string' || !value.includes("'")) continue
    const curly = value.replace(/'/g, '\u2019')
    out = out.map((r) => ({ ...r, text: r.text.split(curly).join(value) }))
  }
  return out
}

/**
 * citeproc's HTML for what `records` print, as runs: the et-al placeholders of a shipped partial author list
 * (src/etal.ts) are printed as "et al." when one of the records has them; other text is never rewritten.
 */
function runsOf(html: string, records: readonly Resolved[]): Run[] {
  return htmlToRuns(records.some((r) => r.partialAuthors === true) ? cleanEtAl(html) : html)
}

const STYLE_ERROR = /\[CSL STYLE ERROR|\[NO_PRINTED_FORM\]/
const textOf = (runs: readonly Run[]): string => runs.map((r) => r.text).join('')

/** A record the style has nothing to print for (no author, title or date it uses): an error, never a placeholder. */
function unprintable(style: StyleEntry, id: string): KapLiteratureError {
  return new KapLiteratureError('INVALID_RECORD', `style "${style.name}" prints nothing for record "${id}"`, {
    value: id,
    hint: 'the record lacks the fields this style prints (such as author or title), or the style is broken; add them or use another style',
  })
}

/**
 * The CSL citeproc receives for each record: a shipped record as its style prints it (src/cite/style-records.ts), as in
 * the precomputed tables, and `inText` with one name for each person (./cite-names); your records as you gave them.
 */
function cslsFor(records: readonly Resolved[], style: StyleEntry, inText = false): CslObject[] {
  return records.map((r) => (r.shipped ? recordForStyle(inText ? withCiteNames(r.csl) : r.csl, style.fixName) : r.csl))
}

function entries(records: readonly Resolved[], checked: Checked): { id: string; body: string }[] {
  const byId = new Map(records.map((r) => [r.id, r]))
  const html = citeproc(checked.style, (key) => bibliographyHtml(cslsFor(records, checked.style), key, checked.lang))
  // citeproc silently leaves out an entry it cannot print (MLA, for a record without author and title).
  const missing = records.find((r) => !html.some(([id]) => id === r.id))
  if (missing !== undefined) throw unprintable(checked.style, missing.id)
  return html.map(([id, entry]) => {
    const record = byId.get(id)
    if (record === undefined)
      throw new KapLiteratureError(
        'INVALID_ARGUMENT',
        `citeproc returned an entry for an unknown id ${describeValue(id)}`,
        {
          value: id,
          hint: FAULT_HINT,
        },
      )
    const runs = asGiven(runsOf(entry, [record]), record)
    const text = textOf(runs)
    if (text.trim() === '' || STYLE_ERROR.test(text)) throw unprintable(checked.style, id)
    return { id, body: renderRuns(checked.format === 'text' ? runs : addLinks(runs, record), checked.format) }
  })
}

/**
 * Formats one reference as a bibliography entry.
 *
 * In `html`, the entry is wrapped as `<div class="kap-ref kap-style-<style>" data-kap-id="<id>">…</div>`; a valid
 * DOI becomes `<a class="kap-ref-doi" href="https://doi.org/…">` and an http(s) URL `<a class="kap-ref-url" href="…">`.
 * A DOI that does not match `^10\.\d{4,9}/[^\s"<>]+$`, and a URL of any other scheme, stay plain text (a user record's
 * DOI is kept in its bare form, see {@link CiteRecord}). Numeric
 * styles keep their number ("1.").
 *
 * The first call in a style compiles it (about 0.9 s for APA, under 0.1 s for most styles).
 * @param idOrRecord - a study or source id, a shipped record, or your own CSL-JSON record
 * @param options - `{ style, format, lang? }`
 * @returns the formatted reference
 * @throws {@link index!KapLiteratureError} `UNKNOWN_ID` for an unknown id (with the closest as `hint`), `INVALID_RECORD`
 * for a bad user record (naming the field) or one with neither a title nor a name (author, editor, …),
 * `LIMIT_EXCEEDED` for a record past its length limits (a name part over 1,000 characters, a text variable over
 * 10,000: see {@link CiteRecord}), `INVALID_ARGUMENT` for a DOI, URL or BibTeX string or a bad option, `UNKNOWN_STYLE`,
 * `UNKNOWN_FORMAT`
 * @example
 * ```ts
 * import { formatReference } from 'kap-literature/cite'
 * formatReference('dore-2019', { style: 'vancouver', format: 'text' })
 * // '1. Dore J, Turnipseed B, Dwyer S, … doi:10.1080/02791072.2019.1587556 …'
 * formatReference({ id: 'smith-2024', type: 'book', title: 'A book', author: [{ family: 'Smith', given: 'Ana' }], issued: { 'date-parts': [[2024]] } },
 *   { style: 'apa', format: 'markdown' }) // 'Smith, A. (2024). *A book*.'
 * ```
 */
export function formatReference(idOrRecord: CiteItem, options: CiteFormatOptions): string {
  const checked = checkOptions(options, 'formatReference')
  requireBibliography(checked.style, 'formatReference')
  const record = resolveItem(idOrRecord)
  requireIdentifiable(record)
  checkWork([record], checked.style)
  const [entry] = entries([record], checked)
  if (entry === undefined) return ''
  return checked.format === 'html'
    ? `<div class="kap-ref kap-style-${checked.style.name}" data-kap-id="${escapeHtml(entry.id)}">${entry.body}</div>`
    : entry.body
}

/**
 * Formats a bibliography, sorted as the style sorts it (alphabetically for APA and Harvard, in the given order for
 * numeric styles). `text` puts one entry per line, `markdown` one per paragraph, and `html` gives the list
 * `<ul class="kap-bibliography kap-style-<style>" role="list">` holding one `<li class="kap-ref" data-kap-id="<id>">` per
 * entry, with DOI and URL links as in {@link formatReference}; numeric styles keep their numbers in the entry's text, so
 * style it with `.kap-bibliography { list-style: none; padding-left: 0 }`. A shipped item listed twice appears once. An empty list gives `''`.
 * citeproc needs about 1.5 ms per entry and blocks while it works, so one call takes at most 1,000 items.
 * @param items - study or source ids, shipped records, or your own CSL-JSON records, mixed; at most 1,000
 * @param options - `{ style, format, lang? }`
 * @returns the formatted bibliography
 * @throws {@link index!KapLiteratureError} as {@link formatReference}; `LIMIT_EXCEEDED` for more than 1,000 items, or
 * more work than one call does (30,000 words of names, 2.5 million rendering elements: docs/limits.md)
 * @example
 * ```ts
 * import { formatBibliography } from 'kap-literature/cite'
 * const html = formatBibliography(['feder-2014', 'dore-2019'], { style: 'apa', format: 'html' })
 * // '<ul class="kap-bibliography kap-style-apa" role="list"><li class="kap-ref" data-kap-id="dore-2019">Dore, J., …'
 * ```
 */
export function formatBibliography(items: readonly CiteItem[], options: CiteFormatOptions): string {
  const checked = checkOptions(options, 'formatBibliography')
  requireBibliography(checked.style, 'formatBibliography')
  const records = resolveItems(items, 'formatBibliography')
  records.forEach(requireIdentifiable)
  if (records.length === 0) return ''
  checkWork(records, checked.style)
  const list = entries(records, checked)
  if (checked.format === 'text') return list.map((e) => e.body).join('\n')
  if (checked.format === 'markdown') return list.map((e) => e.body).join('\n\n')
  // A list; a numeric style's numbers are part of each entry's text, so no style gets list numbers or bullets of its
  // own once the page sets `list-style: none` (Safari then needs `role="list"` to keep it a list).
  const body = list.map((e) => `<li class="kap-ref" data-kap-id="${escapeHtml(e.id)}">${e.body}</li>`).join('')
  return `<ul class="kap-bibliography kap-style-${checked.style.name}" role="list">${body}</ul>`
}

/** What comes before the `i`-th of `n` narrative citations: ", ", " and " or ", and " in English, "; " in other languages. */
function narrativeSeparator(i: number, n: number, lang: string | undefined): string {
  if (lang !== undefined && !lang.startsWith('en')) return '; '
  if (i < n - 1) return ', '
  return n === 2 ? ' and ' : ', and '
}

/** An author label for narrative citations in styles whose citations print no names (numeric styles). */
function fallbackAuthorLabel(csl: CslObject, lang: string | undefined): string {
  const names = (csl.author ?? csl.editor) as readonly { family?: string; literal?: string }[] | undefined
  const label = (n: { family?: string; literal?: string } | undefined) => n?.family ?? n?.literal ?? ''
  if (names === undefined || names.length === 0) return typeof csl.title === 'string' ? csl.title : ''
  if (names.length === 1) return label(names[0])
  if (names.length === 2)
    return `${label(names[0])}${lang === undefined || lang.startsWith('en') ? ' and ' : ' & '}${label(names[1])}`
  return `${label(names[0])} et al.`
}

/**
 * Formats an in-text citation of one or more items, such as "(Dore et al., 2019; Feder et al., 2014)", or with
 * `narrative: true` "Dore et al. (2019) and Feder et al. (2014)" (joined with "; " when `lang` is not English). In `html` it is wrapped as
 * `<span class="kap-citation kap-style-<style>">…</span>`. Numeric styles number the items in the order given.
 * A shipped item listed twice is cited once. An empty list gives `''`. Linear in the items, narrative or not.
 * @param items - study or source ids, shipped records, or your own CSL-JSON records, mixed; at most 1,000
 * @param options - `{ style, format, narrative?, lang? }`
 * @returns the formatted citation
 * @throws {@link index!KapLiteratureError} as {@link formatReference}; `LIMIT_EXCEEDED` for more than 1,000 items, or
 * more work than one call does (as {@link formatBibliography})
 * @example
 * ```ts
 * import { formatCitation } from 'kap-literature/cite'
 * formatCitation(['dore-2019'], { style: 'apa', format: 'text' }) // '(Dore et al., 2019)'
 * formatCitation(['dore-2019'], { style: 'apa', format: 'text', narrative: true }) // 'Dore et al. (2019)'
 * ```
 */
export function formatCitation(items: readonly CiteItem[], options: CiteCitationOptions): string {
  const checked = checkOptions(options, 'formatCitation')
  const records = resolveItems(items, 'formatCitation')
  records.forEach(requireIdentifiable)
  if (records.length === 0) return ''
  checkWork(records, checked.style)
  const csls = cslsFor(records, checked.style, true)
  const run = (cluster: CiteItemFlags[], before: CiteItemFlags[][]) =>
    runsOf(
      citeproc(checked.style, (key) => citationHtml(csls, cluster, before, key, checked.lang)),
      records,
    )
  let runs: Run[]
  if (!checked.narrative) {
    runs = run(
      records.map((r) => ({ id: r.id })),
      [],
    )
    // In a list, citeproc silently drops an item it cannot print (MLA: a record without author and title); alone it
    // prints an error marker. Records without names and title are checked alone, all from one engine.
    const thin = records.filter(
      (r) => r.csl.author === undefined && r.csl.editor === undefined && r.csl.title === undefined,
    )
    const suspects = STYLE_ERROR.test(textOf(runs)) ? records : records.length > 1 ? thin : []
    if (suspects.length > 0) {
      const alone = citeproc(checked.style, (key) =>
        citationClustersHtml(
          csls,
          suspects.map((r) => [{ id: r.id }]),
          key,
          checked.lang,
        ),
      )
      const culprit = suspects.find((r, i) => {
        const text = textOf(runsOf(alone[i]!, [r]))
        return text.trim() === '' || STYLE_ERROR.test(text)
      })
      if (culprit !== undefined) throw unprintable(checked.style, culprit.id)
    }
    if (STYLE_ERROR.test(textOf(runs))) throw unprintable(checked.style, records[0]!.id)
  } else {
    // "Dore et al. (2019); Yermus (2023)": each item's author part, then its citation without the author. One engine
    // registers every item in order, so numbers and disambiguation match a citation of the whole list.
    const clusters = records.flatMap((r): CiteItemFlags[][] => [
      [{ id: r.id, authorOnly: true }],
      [{ id: r.id, suppressAuthor: true }],
    ])
    const html = citeproc(checked.style, (key) => citationClustersHtml(csls, clusters, key, checked.lang))
    runs = []
    records.forEach((r, i) => {
      let author = runsOf(html[2 * i]!, [r])
      const authorText = textOf(author)
      if (authorText.trim() === '' || STYLE_ERROR.test(authorText)) {
        const label = fallbackAuthorLabel(r.csl, checked.lang)
        if (label.trim() === '') throw unprintable(checked.style, r.id)
        author = [{ text: label, flags: '' }]
      }
      let rest = runsOf(html[2 * i + 1]!, [r])
      // Styles whose citation is only the author (MLA without a page: "(Dore et al.)") leave nothing to add.
      const restText = textOf(rest)
      if (restText.trim() === '' || STYLE_ERROR.test(restText) || /^\(\s*\)$/.test(restText.trim())) rest = []
      // Joined as the precomputed tables join them in English ("A (2014), B (2019), and C (2018)"); "; " otherwise.
      if (i > 0) runs.push({ text: narrativeSeparator(i, records.length, checked.lang), flags: '' })
      // A superscript number follows the names directly (AMA: "Dore et al.¹"); anything else after a space.
      const gap = rest.length === 0 || rest[0]!.flags.includes('^') ? [] : [{ text: ' ', flags: '' }]
      runs.push(...author, ...gap, ...rest)
    })
  }
  const body = renderRuns(runs, checked.format)
  return checked.format === 'html' ? `<span class="kap-citation kap-style-${checked.style.name}">${body}</span>` : body
}
