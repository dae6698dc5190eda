import { idForm } from '../suggest'
import { describeValue, flagOption, isList, KapLiteratureError, notCitableError } from '../errors'
import { escapeHtml, escapeMarkdown, runsToHtml, runsToMarkdown, runsToText, type Run } from './runs'
import { superscriptDigits } from '../runs'

/**
 * Output formats: plain text, HTML (escaped, with DOI links and stable class names) or Markdown.
 * @example
 * ```ts
 * import type { CitationFormat } from 'kap-literature/citations'
 * const f: CitationFormat = 'html'
 * ```
 */
export type CitationFormat = 'text' | 'html' | 'markdown'

/**
 * The style keys of the six supported styles.
 * @example
 * ```ts
 * import type { CitationStyle } from 'kap-literature/citations'
 * const s: CitationStyle = 'vancouver'
 * ```
 */
export type CitationStyle = 'apa' | 'ama' | 'vancouver' | 'harvard' | 'chicago' | 'mla'

/**
 * The supported output formats.
 * @example
 * ```ts
 * import { citationFormats } from 'kap-literature/citations'
 * console.log(citationFormats.join(', ')) // 'text, html, markdown'
 * ```
 */
export const citationFormats: readonly CitationFormat[] = /* @__PURE__ */ Object.freeze([
  'text',
  'html',
  'markdown',
] as const)

/** Version of the precomputed table format this code reads. @internal */
export const CITATION_TABLE_VERSION = 2

/**
 * The in-text form of a table entry. A table leaves out `cite` when it is just the author form, the separator and the
 * year ("Dore et al." + ", " + "2019"), and this puts it back; an entry without any in-text form has none.
 * @internal
 */
export function entryCite(e: {
  readonly cite?: readonly Run[]
  readonly author?: readonly Run[]
  readonly year?: string
  readonly sep?: string
}): readonly Run[] {
  if (e.cite !== undefined) return e.cite
  return e.author !== undefined && e.sep !== undefined && e.year !== undefined ? [...e.author, `${e.sep}${e.year}`] : []
}

interface EntryTable {
  readonly ref: readonly Run[]
  readonly bibRank: number
  readonly cite?: readonly Run[]
  readonly author?: readonly Run[]
  readonly year?: string
  readonly sep?: string
  readonly citeRank?: number
  readonly group?: string
}

interface VariantForms {
  readonly cite: readonly Run[]
  readonly author?: readonly Run[]
  readonly year?: string
  readonly sep?: string
}

/** A precomputed style table as shipped in src/citations/data/<style>.json. @internal */
export interface StyleTable {
  readonly formatVersion: number
  readonly style: string
  readonly title: string
  readonly updated: string
  readonly source: string
  readonly license: string
  readonly numeric: boolean
  readonly citation: {
    readonly prefix: string
    readonly suffix: string
    readonly delimiter: string
    readonly afterCollapseDelimiter: string
    readonly yearDelimiter: string
    readonly collapse: string | null
    readonly sorted: boolean
    readonly superscript: boolean
  }
  readonly entries: Readonly<Record<string, EntryTable>>
  readonly variants: Readonly<Record<string, Readonly<Record<string, VariantForms>>>>
}

/**
 * Options for one formatting call.
 * @example
 * ```ts
 * import type { CitationsFormatOptions } from 'kap-literature/citations'
 * const o: CitationsFormatOptions = { style: 'apa', format: 'html' }
 * ```
 */
export interface CitationsFormatOptions {
  /**
   * Style key; default `apa`; read in any case. A per-style entry such as `kap-literature/citations/apa` takes it left
   * out or naming its own style; any other is `UNKNOWN_STYLE` (import `kap-literature/citations` for every style).
   */
  readonly style?: CitationStyle
  /** Output format; default `text`. Read in any case at run time (`'HTML'` is `'html'`). */
  readonly format?: CitationFormat
}

/**
 * Options for an in-text citation.
 * @example
 * ```ts
 * import type { CitationsCitationOptions } from 'kap-literature/citations'
 * const o: CitationsCitationOptions = { style: 'apa', narrative: true } // Dore et al. (2019)
 * ```
 */
export interface CitationsCitationOptions extends CitationsFormatOptions {
  /** Narrative form (`Dore et al. (2019)`) instead of parenthetical (`(Dore et al., 2019)`). */
  readonly narrative?: boolean
}

/**
 * A document-wide citation session for numeric styles: numbers follow the order of first citation and stay stable.
 * For author-date styles it formats the same way as {@link formatCitation} and collects the bibliography.
 * @example
 * ```ts
 * import { createCitationSession } from 'kap-literature/citations'
 * const doc = createCitationSession({ style: 'vancouver' })
 * doc.cite(['wilkinson-2021'])          // '(1)'
 * doc.cite(['dore-2019', 'wilkinson-2021']) // '(1,2)'
 * console.log(doc.bibliography())
 * ```
 */
export interface CitationSession {
  /** The style this session formats in. */
  readonly style: CitationStyle
  /** The output format of this session (`citeProse` must be given the same). */
  readonly format: CitationFormat
  /**
   * Cites one or more records at this point of the document.
   * @param ids - study or source ids
   * @param options - `narrative` for the narrative form; `link`, in HTML, to make each record's part of the citation
   * a link to `#ref-<id>` (give the document's reading-list entries those ids), the text unchanged
   * @returns the in-text citation
   */
  cite(ids: string | readonly string[], options?: { readonly narrative?: boolean; readonly link?: boolean }): string
  /** The number a record got, if it has been cited (numeric styles), else `undefined`. */
  numberOf(id: string): number | undefined
  /** The records cited so far, in order of first citation. */
  cited(): readonly string[]
  /** The bibliography of every record cited so far: numbered in citation order, or sorted as the style sorts. */
  bibliography(): string
}

/** The functions bound to one style. @internal */
export interface StyleFormatter {
  formatReference(id: string, format?: CitationFormat): string
  formatCitation(ids: string | readonly string[], format?: CitationFormat, narrative?: boolean): string
  formatBibliography(ids: string | readonly string[], format?: CitationFormat): string
  createCitationSession(format?: CitationFormat, cites?: unknown): CitationSession
}

/** Validates and de-duplicates ids against the known citable ids. @internal */
export type IdResolver = (ids: unknown) => string[]

/** The supported format `format` names, in any case (`'HTML'` is `'html'`, as ids are read); else UNKNOWN_FORMAT. @internal */
export function checkFormat(format: unknown): CitationFormat {
  if (format === undefined) return 'text'
  const name = typeof format === 'string' ? format.toLowerCase() : format
  if ((citationFormats as readonly unknown[]).includes(name)) return name as CitationFormat
  throw new KapLiteratureError(
    'UNKNOWN_FORMAT',
    `unknown format ${describeValue(format)} (use ${citationFormats.join(', ')})`,
    { value: format, hint: citationFormats.join(', ') },
  )
}

const ordinalJoin = (parts: Run[][]): Run[] => {
  if (parts.length <= 1) return parts[0] ?? []
  if (parts.length === 2) return [...parts[0]!, ' and ', ...parts[1]!]
  return parts.flatMap((p, i) => (i === 0 ? p : i === parts.length - 1 ? [', and ', ...p] : [', ', ...p]))
}

function render(runs: readonly Run[], format: CitationFormat): string {
  return format === 'html' ? runsToHtml(runs) : format === 'markdown' ? runsToMarkdown(runs) : runsToText(runs)
}

/**
 * A citation number list, ranges of three or more collapsed ([1,2,3,5] → "1–3,5"): its pieces, each number with its
 * position in `numbers` (delimiters and dashes have none).
 */
function numberItems(numbers: readonly number[], delimiter: string): { text: string; at?: number }[] {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b)
  const item = (n: number) => ({ text: String(n), at: numbers.indexOf(n) })
  const out: { text: string; at?: number }[] = []
  for (let i = 0; i < sorted.length;) {
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++
    // A range of three or more prints its two ends joined by a dash; shorter runs print every number.
    const range = j - i >= 2
    const run = range ? [sorted[i]!, sorted[j]!] : sorted.slice(i, j + 1)
    run.forEach((n, k) => {
      if (out.length > 0) out.push({ text: range && k > 0 ? '\u2013' : delimiter })
      out.push(item(n))
    })
    i = j + 1
  }
  return out
}

/**
 * A link from an in-text citation to the record's entry in the document's reading list (`id="ref-<id>"`). A link whose
 * text is only a number gets a `label` ("Reference 1: Dore et al. 2019"), so that it says where it leads when read alone.
 */
const refLink = (id: string, html: string, label?: string) =>
  `<a class="kap-ref-link" href="#ref-${escapeHtml(id)}"${label === undefined ? '' : ` aria-label="${escapeHtml(label)}"`}>${html}</a>`

/**
 * Builds the formatting functions for one precomputed style table. The tables are built with the code that reads
 * them (`npm run build:citations`, and the elements' files from those), never given by a caller: that each shipped
 * table is of {@link CITATION_TABLE_VERSION} is checked by the tests (tests/citations/tables.test.ts), not on every
 * page that loads one.
 * @internal
 */
export function createStyleFormatter(table: StyleTable, styleKey: CitationStyle, resolve: IdResolver): StyleFormatter {
  const c = table.citation
  const entry = (id: string): EntryTable => {
    const found = table.entries[id]
    if (found === undefined) {
      // A study whose authors, title or date could not be confirmed is kept as a lead and has no entry: it is never
      // printed as a placeholder or an "n.d." reference.
      throw notCitableError(id)
    }
    return found
  }
  const refRuns = (id: string): readonly Run[] => entry(id).ref
  /** A citation number as a link named by the reference it leads to: "Reference 1: Dore et al. 2019". */
  const numberLink = (id: string, n: string): string => {
    const { author, year } = entry(id)
    const name = author === undefined ? '' : `: ${runsToText(author)}${year === undefined ? '' : ` ${year}`}`
    return refLink(id, n, `Reference ${n}${name}`)
  }

  /** `ids[i]` is the record numbered `numbers[i]`; given (HTML only), each number links to its reading-list entry. */
  function numericCitation(numbers: number[], format: CitationFormat, ids?: readonly string[]): string {
    const items = numberItems(numbers, c.delimiter)
    const text = `${c.prefix}${items.map((i) => i.text).join('')}${c.suffix}`
    if (format === 'html') {
      const inner =
        ids === undefined
          ? escapeHtml(text)
          : escapeHtml(c.prefix) +
            items.map((i) => (i.at === undefined ? escapeHtml(i.text) : numberLink(ids[i.at]!, i.text))).join('') +
            escapeHtml(c.suffix)
      return c.superscript ? `<sup class="kap-cite">${inner}</sup>` : `<span class="kap-cite">${inner}</span>`
    }
    if (format === 'markdown') return c.superscript ? `^${escapeMarkdown(text)}^` : escapeMarkdown(text)
    // Plain text cannot raise a number: superscript styles use Unicode superscript digits ("ketamine¹,²").
    return c.superscript ? superscriptDigits(text) : text
  }

  function numericNarrative(pairs: [string, number][], format: CitationFormat, link = false): string {
    const parts = pairs.map(([id, n]) => {
      const author = entry(id).author
      // Plain text cannot raise a number, so superscript styles use Unicode superscript digits there.
      const num = numericCitation([n], format)
      const part = author === undefined ? num : `${render(author, format)}${c.superscript ? '' : ' '}${num}`
      return [link ? refLink(id, part) : part]
    })
    return ordinalJoin(parts).join('')
  }

  /** In-text forms of each id, taking citeproc's disambiguation among records cited together into account. */
  function formsFor(ids: readonly string[], context: readonly string[] = ids): Map<string, VariantForms> {
    const out = new Map<string, VariantForms>()
    const byGroup = new Map<string, string[]>()
    for (const id of context) {
      const g = entry(id).group
      if (g !== undefined) byGroup.set(g, [...(byGroup.get(g) ?? []), id])
    }
    for (const id of ids) {
      const e = entry(id)
      const members = e.group === undefined ? [] : byGroup.get(e.group)!
      const variant = members.length > 1 ? table.variants[[...members].sort().join('+')]?.[id] : undefined
      out.set(id, variant ?? { cite: entryCite(e), author: e.author, year: e.year, sep: e.sep })
    }
    return out
  }

  /**
   * Author-date in-text citation. With `link` (the caller passes it only for HTML), each record's part — its author
   * and year, or a year of a collapsed group — links to the record's reading-list entry; the text is the same as
   * without.
   */
  function authorDateCitation(
    ids: string[],
    format: CitationFormat,
    narrative: boolean,
    context: readonly string[] = ids,
    link = false,
  ): string {
    if (ids.length === 0) return ''
    const forms = formsFor(ids, context)
    if (narrative) {
      const parts = ids.map((id) => {
        const e = forms.get(id)!
        if (e.author !== undefined && e.year !== undefined) return [...e.author, ` (${e.year})`]
        if (e.author !== undefined) return [...e.author]
        return [c.prefix, ...(e.cite ?? []), c.suffix]
      })
      const out = link
        ? ordinalJoin(parts.map((p, i) => [refLink(ids[i]!, render(p, format))])).join('')
        : render(ordinalJoin(parts), format)
      return format === 'html' ? `<span class="kap-cite kap-cite-narrative">${out}</span>` : out
    }
    const ordered = c.sorted ? [...ids].sort((a, b) => (entry(a).citeRank ?? 0) - (entry(b).citeRank ?? 0)) : ids
    // Cite grouping (CSL 1.0.2, "collapse"): cites with the same rendered author join the first cite of that author.
    const groups: { author?: readonly Run[]; sep?: string; members: string[] }[] = []
    for (const id of ordered) {
      const e = forms.get(id)!
      const key = e.author !== undefined && e.sep !== undefined ? runsToText(e.author) : undefined
      // Sorted styles move a cite to the first cite of the same author; unsorted ones only join neighbours.
      const candidates = c.sorted ? groups : groups.slice(-1)
      const group =
        c.collapse === 'year' && key !== undefined
          ? candidates.find((g) => g.author !== undefined && g.sep === e.sep && runsToText(g.author) === key)
          : undefined
      if (group !== undefined) group.members.push(id)
      else groups.push({ author: key !== undefined ? e.author : undefined, sep: e.sep, members: [id] })
    }
    // Each record's part (its cite, or its year in a collapsed group) with its id; punctuation without one.
    const parts: [Run[], string?][] = [[[c.prefix]]]
    groups.forEach((g, i) => {
      if (i > 0) parts.push([[groups[i - 1]!.members.length > 1 ? c.afterCollapseDelimiter : c.delimiter]])
      g.members.forEach((id, k) => {
        const year = forms.get(id)!.year!
        if (k > 0) parts.push([[c.yearDelimiter]])
        parts.push([
          g.members.length === 1 ? [...forms.get(id)!.cite] : k === 0 ? [...g.author!, g.sep!, year] : [year],
          id,
        ])
      })
    })
    parts.push([[c.suffix]])
    const show = (runs: Run[]) =>
      render(
        runs.filter((r) => r !== ''),
        format,
      )
    const out = link
      ? parts.map(([runs, id]) => (id === undefined ? show(runs) : refLink(id, show(runs)))).join('')
      : show(parts.flatMap((p) => p[0]))
    return format === 'html' ? `<span class="kap-cite">${out}</span>` : out
  }

  function bibliographyOf(ordered: string[], format: CitationFormat, numbered: boolean): string {
    if (ordered.length === 0) return ''
    if (format === 'html') {
      // A list either way: numbered, or for author-date styles a `ul` that pages style without bullets; Safari
      // stops exposing a list styled `list-style: none` as a list unless it says `role="list"`.
      const tag = numbered ? 'ol' : 'ul'
      const body = ordered
        .map(
          (id, i) =>
            `<li class="kap-ref" data-kap-id="${escapeHtml(id)}"${numbered ? ` value="${i + 1}"` : ''}>${runsToHtml(refRuns(id))}</li>`,
        )
        .join('\n')
      return `<${tag} class="kap-bibliography kap-style-${styleKey}"${numbered ? '' : ' role="list"'}>\n${body}\n</${tag}>`
    }
    const lines = ordered.map((id, i) => `${numbered ? `${i + 1}. ` : ''}${render(refRuns(id), format)}`)
    return lines.join(format === 'markdown' && !numbered ? '\n\n' : '\n')
  }

  const byBibRank = (ids: string[]) => [...ids].sort((a, b) => entry(a).bibRank - entry(b).bibRank)

  return {
    formatReference(id, format = 'text') {
      const [one] = resolve([id])
      if (one === undefined) return ''
      const f = checkFormat(format)
      const body = render(refRuns(one), f)
      return f === 'html'
        ? `<span class="kap-ref kap-style-${styleKey}" data-kap-id="${escapeHtml(one)}">${body}</span>`
        : body
    },
    formatCitation(ids, format = 'text', narrative = false) {
      const list = resolve(ids)
      const f = checkFormat(format)
      if (list.length === 0) return ''
      if (table.numeric) {
        const pairs = list.map((id, i) => [id, i + 1] as [string, number])
        return narrative
          ? numericNarrative(pairs, f)
          : numericCitation(
              pairs.map((p) => p[1]),
              f,
            )
      }
      return authorDateCitation(list, f, narrative)
    },
    formatBibliography(ids, format = 'text') {
      const list = resolve(ids)
      const f = checkFormat(format)
      return table.numeric ? bibliographyOf(list, f, true) : bibliographyOf(byBibRank(list), f, false)
    },
    createCitationSession(format = 'text', cites?: unknown) {
      const f = checkFormat(format)
      const numbers = new Map<string, number>()
      // The records the document is known to cite (declared in `cites`, or cited so far): in-text forms are told apart
      // against them, from the first citation on when declared. A declared record gets no number and no bibliography
      // entry until it is cited.
      const known = new Set(cites === undefined ? [] : resolve(cites))
      for (const id of known) entry(id)
      // Frozen: a session's style and format are what it formats in, not settings to reassign.
      return Object.freeze<CitationSession>({
        style: styleKey,
        format: f,
        cite(ids, options) {
          if (
            options !== undefined &&
            (options === null || typeof options !== 'object' || isList(options, 'cite options'))
          ) {
            throw new KapLiteratureError(
              'INVALID_ARGUMENT',
              `cite options must be an object such as { narrative: true }, got ${describeValue(options)}`,
              { value: options, hint: 'omit it, or pass { narrative: true }' },
            )
          }
          // Each option read once; links exist only in HTML, decided here, once, for every form below.
          const { narrative: n, link: l } = (options ?? {}) as { narrative?: unknown; link?: unknown }
          const narrative = flagOption(n, 'narrative')
          const link = flagOption(l, 'link') && f === 'html'
          const list = resolve(ids)
          // A record that cannot be cited throws here, before it gets a number or a place in the bibliography.
          for (const id of list) entry(id)
          for (const id of list) {
            if (!numbers.has(id)) numbers.set(id, numbers.size + 1)
            known.add(id)
          }
          if (list.length === 0) return ''
          if (!table.numeric) return authorDateCitation(list, f, narrative, [...known], link)
          const pairs = list.map((id) => [id, numbers.get(id)!] as [string, number])
          return narrative
            ? numericNarrative(pairs, f, link)
            : numericCitation(
                pairs.map((p) => p[1]),
                f,
                link ? pairs.map((p) => p[0]) : undefined,
              )
        },
        numberOf(id) {
          return table.numeric && typeof id === 'string' ? numbers.get(idForm(id)) : undefined
        },
        cited() {
          return [...numbers.keys()]
        },
        bibliography() {
          const ids = [...numbers.keys()]
          return table.numeric ? bibliographyOf(ids, f, true) : bibliographyOf(byBibRank(ids), f, false)
        },
      })
    },
  }
}
