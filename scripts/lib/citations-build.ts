import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Cite, plugins } from '@citation-js/core'
import '@citation-js/plugin-csl'
import type { Run } from '../../src/citations/runs.ts'
import { runsToText } from '../../src/citations/runs.ts'
import { entryCite } from '../../src/citations/engine.ts'
import { cleanEtAl, shortAuthors, withEtAlPlaceholders } from '../../src/etal.ts'
import { citationCsl, sources, studies } from '../../src/index.ts'
import { uncitableFields } from './cross.ts'
import { fixStyle, styleFixNotes } from '../../src/cite/style-fixes.ts'
import { recordForStyle } from '../../src/cite/style-records.ts'
import { withCiteNames } from '../../src/cite/cite-names.ts'
import type { CslItem } from '../../src/types.ts'

/** Where the Debian package citation-style-language-styles puts its styles. */
export const DEBIAN_STYLES = '/usr/share/citation-style-language/styles'

/** Version of the committed citation tables' format; the runtime refuses tables of another version. */
export const CITATION_FORMAT_VERSION = 2

/** The six styles and where their CSL comes from: plugin-csl's built-ins or Debian's package (never copied into the tree). */
export const STYLE_SOURCES = {
  apa: { builtin: 'apa' },
  ama: { debian: 'american-medical-association.csl' },
  vancouver: { builtin: 'vancouver' },
  harvard: { builtin: 'harvard1' },
  chicago: { debian: 'chicago-author-date.csl' },
  mla: { debian: 'modern-language-association.csl' },
} as const

/** A style key. */
export type StyleKey = keyof typeof STYLE_SOURCES

/** The styles whose CSL comes from Debian. */
export const DEBIAN_STYLE_KEYS: readonly StyleKey[] = (Object.keys(STYLE_SOURCES) as StyleKey[]).filter(
  (k) => 'debian' in STYLE_SOURCES[k],
)

/** Whether a style's CSL can be loaded on this machine. */
export function styleAvailable(key: StyleKey): boolean {
  const src = STYLE_SOURCES[key]
  return 'builtin' in src || existsSync(join(DEBIAN_STYLES, src.debian))
}

const cfg = plugins.config.get('@csl')

/** The tables' note on a style's fixes (src/cite/style-fixes.ts), or nothing. */
function fixNote(name: string): string {
  const notes = styleFixNotes(name)
  if (notes.length === 0) return ''
  return ` with ${notes.length === 1 ? 'one fix' : `${notes.length} fixes`}: ${notes.join('; ')} (src/cite/style-fixes.ts)`
}

/** The name style-fixes.ts knows a style by: the built-in's name or the Debian file's name without `.csl`. */
function fixName(key: StyleKey): string {
  const src = STYLE_SOURCES[key]
  return 'builtin' in src ? src.builtin : src.debian.replace(/\.csl$/, '')
}

/** The citeproc name of a style, registering it (with its fixes) on first use. */
function engineName(key: StyleKey): string {
  const src = STYLE_SOURCES[key]
  const name = `kap-${key}`
  if (!cfg.styles.has(name)) {
    const xml = 'builtin' in src ? cfg.styles.get(src.builtin) : readFileSync(join(DEBIAN_STYLES, src.debian), 'utf8')
    cfg.styles.add(name, fixStyle(fixName(key), xml))
  }
  return name
}

/** One record's precomputed forms in one style. */
export interface EntryTable {
  /** Bibliography entry (without the number, for numeric styles). */
  ref: Run[]
  /** Position in the style's bibliography order over all shipped records. */
  bibRank: number
  /**
   * Parenthetical in-text citation without the style's prefix and suffix (author-date styles); left out of the
   * shipped table when it is exactly author + sep + year, which the runtime rebuilds (`entryCite`).
   */
  cite?: Run[]
  /** The author part of the in-text citation, when the style prints one. */
  author?: Run[]
  /** The year part of the in-text citation. */
  year?: string
  /** Text between author and year in the in-text citation, when the citation is exactly author + sep + year. */
  sep?: string
  /** Position in the style's in-text sort order (sorted author-date styles); ties share a rank. */
  citeRank?: number
  /**
   * Key of the group of records citeproc may have to tell apart (same first author); absent when alone, or when the
   * style tells none of the group apart (then no variant names it).
   */
  group?: string
}

/** In-text forms of one record when other members of its group are cited with it (citeproc's disambiguation). */
export interface VariantForms {
  cite: Run[]
  author?: Run[]
  year?: string
  sep?: string
}

/** Everything the runtime needs to format shipped records in one style. */
export interface StyleTable {
  formatVersion: number
  style: StyleKey
  title: string
  updated: string
  source: string
  license: string
  numeric: boolean
  citation: {
    prefix: string
    suffix: string
    delimiter: string
    afterCollapseDelimiter: string
    yearDelimiter: string
    collapse: 'year' | 'citation-number' | null
    sorted: boolean
    superscript: boolean
  }
  entries: Record<string, EntryTable>
  /** Subset key (sorted ids joined by "+") → forms of each member when exactly that subset of its group is cited. */
  variants: Record<string, Record<string, VariantForms>>
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
    const named = ENTITIES[e.toLowerCase()]
    if (named === undefined) throw new Error(`build-citations: unknown entity ${m}`)
    return named
  })
}

/** Parses citeproc's HTML (its small tag set) into runs. Throws on markup it does not know, so nothing slips through. */
export function htmlToRuns(html: string): Run[] {
  const runs: Run[] = []
  const stack: string[] = []
  const push = (text: string) => {
    if (text === '') return
    const flags = [
      ...new Set(
        stack
          .join('')
          .replace(/-[a-z^_]/g, '')
          .split(''),
      ),
    ]
      .filter((f) => !stack.includes(`-${f}`))
      .sort()
      .join('')
    const last = runs[runs.length - 1]
    if (flags === '') {
      if (typeof last === 'string') runs[runs.length - 1] = last + text
      else runs.push(text)
    } else if (last !== undefined && typeof last !== 'string' && last.length === 2 && last[0] === flags)
      runs[runs.length - 1] = [flags, last[1] + text]
    else runs.push([flags, text])
  }
  for (const token of html.match(/<[^>]+>|[^<]+/g) ?? []) {
    if (!token.startsWith('<')) {
      push(decode(token))
      continue
    }
    const tag = token.toLowerCase()
    if (tag.startsWith('</')) {
      if (stack.length === 0) throw new Error(`build-citations: unbalanced ${token}`)
      stack.pop()
    } else if (tag === '<i>') stack.push('i')
    else if (tag === '<b>') stack.push('b')
    else if (tag === '<sup>') stack.push('^')
    else if (tag === '<sub>') stack.push('_')
    else if (tag === '<span style="font-variant:small-caps;">') stack.push('c')
    else if (tag === '<span style="font-style:normal;">') stack.push('-i')
    else if (tag === '<span style="font-weight:normal;">') stack.push('-b')
    else if (tag === '<span style="font-variant:normal;">') stack.push('-c')
    else if (tag === '<span class="nocase">' || tag === '<span>') stack.push('')
    else throw new Error(`build-citations: unexpected markup ${token} in ${html}`)
  }
  // "-i" style negations only cancel the flags inside them.
  return runs
    .map((r) => (typeof r === 'string' ? r : ([r[0].replace(/-/g, ''), r[1]] as [string, string])))
    .filter((r) => typeof r === 'string' || r[0] !== '' || true)
    .map((r) => (typeof r !== 'string' && r[0] === '' ? r[1] : r))
}

/** Turns the record's DOI and https URL, where they appear in plain text, into link runs we build ourselves. */
export function linkify(runs: Run[], item: CslItem): Run[] {
  const targets: [string, string][] = []
  if (item.DOI !== undefined) {
    const href = `https://doi.org/${item.DOI}`
    targets.push([href, href], [`doi:${item.DOI}`, href], [`http://dx.doi.org/${item.DOI}`, href])
  }
  if (item.URL !== undefined && item.URL.startsWith('https://')) targets.push([item.URL, item.URL])
  const out: Run[] = []
  for (const run of runs) {
    if (typeof run !== 'string') {
      out.push(run)
      continue
    }
    let rest = run
    for (;;) {
      let best: { at: number; text: string; href: string } | undefined
      for (const [text, href] of targets) {
        const at = rest.indexOf(text)
        if (at >= 0 && (best === undefined || at < best.at || (at === best.at && text.length > best.text.length)))
          best = { at, text, href }
      }
      if (best === undefined) break
      if (best.at > 0) out.push(rest.slice(0, best.at))
      out.push(best.text === best.href ? ['a', best.href] : ['a', best.href, best.text])
      rest = rest.slice(best.at + best.text.length)
    }
    if (rest !== '') out.push(rest)
  }
  return out
}

function styleInfo(xml: string) {
  const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]
  const citationOpen = /<citation\b[^>]*>/.exec(xml)?.[0] ?? ''
  const citationBody = /<citation\b[^>]*>([\s\S]*?)<\/citation>/.exec(xml)?.[1] ?? ''
  const layout = /<layout\b[^>]*>/.exec(citationBody)?.[0] ?? ''
  const unescape = (s: string | undefined) => decode(s ?? '')
  const delimiter = unescape(attr(layout, 'delimiter'))
  const collapse = attr(citationOpen, 'collapse')
  return {
    title: decode(/<title>([^<]*)<\/title>/.exec(xml)?.[1] ?? ''),
    updated: /<updated>([^<]*)<\/updated>/.exec(xml)?.[1] ?? '',
    license: /<rights license="([^"]*)"/.exec(xml)?.[1] ?? '',
    numeric: /citation-format="numeric"/.test(xml),
    citation: {
      prefix: unescape(attr(layout, 'prefix')),
      suffix: unescape(attr(layout, 'suffix')),
      delimiter,
      afterCollapseDelimiter:
        attr(citationOpen, 'after-collapse-delimiter') !== undefined
          ? unescape(attr(citationOpen, 'after-collapse-delimiter'))
          : delimiter,
      // Between the years of one author: cite-group-delimiter if set; citeproc-js otherwise uses ", " when it sorts
      // and regroups the cites, and the layout delimiter when it only joins neighbours.
      yearDelimiter:
        attr(citationOpen, 'cite-group-delimiter') !== undefined
          ? unescape(attr(citationOpen, 'cite-group-delimiter'))
          : /<sort>/.test(citationBody)
            ? ', '
            : delimiter,
      collapse: collapse === 'year' || collapse === 'citation-number' ? collapse : null,
      sorted: /<sort>/.test(citationBody),
      superscript: attr(layout, 'vertical-align') === 'sup',
    },
  } as const
}

/** The CSL XML of a style as citeproc receives it. */
export function styleXml(key: StyleKey): string {
  return cfg.styles.get(engineName(key))
}

/**
 * Every shipped study and source as it is cited (see `citationCsl`), a partial author list followed by the et-al
 * placeholders (src/etal.ts): the items the style tables are built from.
 */
const sourceIds: ReadonlySet<string> = new Set(sources.map((s) => s.id))

export function shippedItems(): CslItem[] {
  return [
    ...studies.map((s) => withEtAlPlaceholders(citationCsl(s), s.authorsComplete)),
    ...sources.map((r) => citationCsl(r)),
  ]
}

/** A citation-js instance over our records only (never user strings); whatever it formats has the et-al placeholders replaced. */
export function citeOf(items: readonly CslItem[]): Cite {
  const cite = new Cite(
    items.map((i) => JSON.parse(JSON.stringify(i)) as object),
    { forceType: '@csl/list+object' },
  )
  const format = cite.format.bind(cite) as (...args: unknown[]) => string
  ;(cite as unknown as { format: (...args: unknown[]) => string }).format = (...args) => cleanEtAl(format(...args))
  return cite
}

/** Live in-text citation of several ids, as citeproc renders it (for tests that compare with the runtime). */
export function liveCitation(cite: Cite, key: StyleKey, ids: readonly string[], format: 'text' | 'html'): string {
  return cite.format('citation', { style: engineName(key), format, entry: [...ids] })
}

/** Live bibliography entry text of one id. */
export function liveReferenceText(cite: Cite, key: StyleKey, id: string): string {
  const text = cite.format('bibliography', { style: engineName(key), format: 'text', entry: [id] }).replace(/\n$/, '')
  return styleInfo(styleXml(key)).numeric ? text.replace(/^\d+\.\s*/, '') : text
}

function stripAffixes(runs: Run[], prefix: string, suffix: string): Run[] {
  const out = [...runs]
  const first = out[0]
  if (prefix !== '' && first !== undefined) {
    const text = typeof first === 'string' ? first : first[first.length - 1]!
    if (!text.startsWith(prefix)) throw new Error(`build-citations: citation does not start with "${prefix}"`)
    const rest = text.slice(prefix.length)
    if (typeof first === 'string') out[0] = rest
    else out[0] = [first[0], rest] as [string, string]
  }
  const lastIndex = out.length - 1
  const last = out[lastIndex]
  if (suffix !== '' && last !== undefined) {
    const text = typeof last === 'string' ? last : last[last.length - 1]!
    if (!text.endsWith(suffix)) throw new Error(`build-citations: citation does not end with "${suffix}"`)
    const rest = text.slice(0, text.length - suffix.length)
    if (typeof last === 'string') out[lastIndex] = rest
    else out[lastIndex] = [last[0], rest] as [string, string]
  }
  return out.filter((r) => (typeof r === 'string' ? r !== '' : r[r.length - 1] !== ''))
}

const NO_FORM = '[NO_PRINTED_FORM]'

/**
 * The author-only form of a work cited by its title, styled as its citation styles the title: citeproc's author-only
 * output drops the italics (APA, MLA, Harvard) or the quotation marks (Chicago) that the citation gives the title, so a
 * narrative citation read "Part 2: How Does … (n.d.)" beside "(*Part 2: How Does …*, n.d.)". Other forms are kept.
 */
export function titleAsInCite(author: Run[], cite: readonly Run[]): Run[] {
  const text = runsToText(author)
  const first = cite[0]
  if (first === undefined || author.some((r) => typeof r !== 'string')) return author
  if (typeof first !== 'string' && first[0] === 'i' && first[1] === text) return [first]
  if (
    typeof first === 'string' &&
    first.startsWith(`\u201c${text}`) &&
    /^[,.]?\u201d/.test(first.slice(text.length + 1))
  )
    return [`\u201c${text}\u201d`]
  return author
}

/** "Dore et al.", "Krupitsky and Grinenko", "Nichols" or an institution's name: the narrative form numeric styles lack. */
export function shortAuthor(item: CslItem): string | undefined {
  return shortAuthors(item.author)
}

/** The items as a style prints them (src/cite/style-records.ts), as kap-literature/cite gives them to citeproc. */
export function styleItems(key: StyleKey, items: readonly CslItem[]): CslItem[] {
  return items.map((item) => recordForStyle(item, fixName(key)))
}

/**
 * The items as a style's in-text citations see them: {@link styleItems} with one name for each person
 * (src/cite/cite-names.ts), as kap-literature/cite's formatCitation gives them to citeproc.
 */
export function citationItems(key: StyleKey, items: readonly CslItem[]): CslItem[] {
  return styleItems(key, items.map(withCiteNames))
}

/** Formats every record in one style with citation-js and returns the table the runtime ships. */
export function computeStyleTable(key: StyleKey, shipped: readonly CslItem[]): StyleTable {
  const items = styleItems(key, shipped)
  const name = engineName(key)
  const info = styleInfo(cfg.styles.get(name))
  const cite = citeOf(items)
  // In-text citations name each person one way; reference lists print each byline's own form.
  const inText = citeOf(citationItems(key, shipped))
  const byId = new Map(items.map((i) => [i.id, i]))
  const asShipped = new Map(shipped.map((i) => [i.id, i]))
  const bibHtml = cite.format('bibliography', { style: name, format: 'html' })
  const order = [...bibHtml.matchAll(/data-csl-entry-id="([^"]+)"/g)].map((m) => m[1]!)
  // A style may print nothing for a record with almost no confirmed fields; such records sort last, by id.
  order.push(...[...byId.keys()].filter((id) => !order.includes(id)).sort())
  const entries: Record<string, EntryTable> = {}
  /** In-text forms of `id` in a document that also cites `others` (citeproc disambiguates across the document). */
  const inTextForms = (id: string, others: readonly string[]): VariantForms => {
    const pre = others.map((o) => ({ citationItems: [{ id: o }], properties: { noteIndex: 0 } }))
    const single = (
      item: { id: string; 'author-only'?: boolean; 'suppress-author'?: boolean },
      format: 'html' | 'text',
    ): string =>
      inText.format('citation', {
        style: name,
        format,
        entry: { citationItems: [item], properties: { noteIndex: 0 } },
        citationsPre: pre,
      })
    const forms: VariantForms = {
      cite: stripAffixes(htmlToRuns(single({ id }, 'html')), info.citation.prefix, info.citation.suffix),
    }
    const authorHtml = single({ id, 'author-only': true }, 'html')
    if (authorHtml !== NO_FORM && authorHtml.trim() !== '')
      forms.author = titleAsInCite(htmlToRuns(authorHtml), forms.cite)
    const yearText = single({ id, 'suppress-author': true }, 'text')
    if (yearText !== NO_FORM && yearText.startsWith(info.citation.prefix) && yearText.endsWith(info.citation.suffix)) {
      forms.year = yearText.slice(info.citation.prefix.length, yearText.length - info.citation.suffix.length)
    }
    const citeText = runsToText(forms.cite)
    const authorText = forms.author === undefined ? undefined : runsToText(forms.author)
    // Only real names group their years (CSL cite grouping compares rendered names, not substituted titles).
    const hasNames = (byId.get(id)!.author ?? []).length > 0
    if (
      hasNames &&
      authorText !== undefined &&
      forms.year !== undefined &&
      citeText.startsWith(authorText) &&
      citeText.endsWith(forms.year) &&
      citeText.length > authorText.length + forms.year.length
    ) {
      forms.sep = citeText.slice(authorText.length, citeText.length - forms.year.length)
    }
    return forms
  }
  for (const id of [...byId.keys()].sort()) {
    const item = byId.get(id)!
    const html = cite.format('bibliography', { style: name, format: 'html', entry: [id] })
    const empty = !/data-csl-entry-id=/.test(html)
    const inner = empty
      ? ''
      : info.numeric
        ? (/<div class="csl-right-inline">([\s\S]*?)<\/div>\s*<\/div>\s*<\/div>\s*$/.exec(html)?.[1] ??
          (/<div class="csl-left-margin">[^<]*<\/div><\/div>\s*<\/div>\s*$/.test(html) ? '' : undefined))
        : /<div data-csl-entry-id="[^"]*" class="csl-entry">([\s\S]*?)<\/div>\s*<\/div>\s*$/.exec(html)?.[1]
    if (inner === undefined) throw new Error(`build-citations: cannot read ${key} entry for ${id}: ${html}`)
    // A study that is not citable (no confirmed authors, title or date, or journal for an article) would print as
    // noise ("N.d.", a title-first entry); it ships no entry, and the runtime refuses it with a typed error. A source
    // page prints what is known (citationCsl gives it its own heading as title).
    // Judged on the record as shipped: a style may leave out an author that is also the publisher (MLA).
    const record = asShipped.get(id) ?? item
    const identifiable = sourceIds.has(id)
      ? record.title !== undefined || (record.author ?? []).length > 0
      : uncitableFields(record).length === 0
    if (!identifiable) continue
    const ref = linkify(htmlToRuns(inner.trim()), item)
    const text = liveReferenceText(cite, key, id)
    if (runsToText(ref) !== text)
      throw new Error(`build-citations: ${key} ${id}: runs do not reproduce citeproc text\n${runsToText(ref)}\n${text}`)
    const entry: EntryTable = { ref, bibRank: order.indexOf(id) }
    if (!info.numeric) Object.assign(entry, inTextForms(id, []))
    if (info.numeric) {
      // A work without an author is named by its short title ("Ketamine-Assisted Psychotherapy¹"), so that a narrative
      // citation of it is more than a bare number.
      const titled = item['title-short'] ?? item.title
      const short = shortAuthor(item) ?? (typeof titled === 'string' ? titled : undefined)
      if (short !== undefined) entry.author = [short]
      // The year is not printed by a numeric citation; it names a linked number ("Reference 1: Dore et al. 2019"),
      // so that two studies of one first author read apart, as the elements name their numbered citations.
      const year = item.issued?.['date-parts']?.[0]?.[0]
      if (short !== undefined && year !== undefined && /^\d{4}$/.test(String(year))) entry.year = String(year)
    }
    entries[id] = entry
  }
  const variants: Record<string, Record<string, VariantForms>> = {}
  if (!info.numeric) {
    // Records that share a first author (or, without authors, the same substitute) may be told apart by citeproc when
    // cited together: precompute their forms for every subset of their group that differs from the single forms.
    const groups = new Map<string, string[]>()
    for (const id of Object.keys(entries)) {
      const first = byId.get(id)!.author?.[0]
      const key =
        first !== undefined
          ? (first.literal ?? first.family ?? '').toLowerCase()
          : `~${runsToText(entries[id]!.author ?? entries[id]!.cite ?? [])}`
      groups.set(key, [...(groups.get(key) ?? []), id])
    }
    for (const [key, members] of [...groups.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      if (members.length < 2) continue
      if (members.length > 6)
        throw new Error(`build-citations: group "${key}" has ${members.length} records; subsets would explode`)
      let varies = false
      for (let mask = 1; mask < 1 << members.length; mask++) {
        const subset = members.filter((_, i) => (mask & (1 << i)) !== 0)
        if (subset.length < 2) continue
        const forms: Record<string, VariantForms> = {}
        let differs = false
        for (const id of subset) {
          const f = inTextForms(
            id,
            subset.filter((o) => o !== id),
          )
          const base = entries[id]!
          if (
            JSON.stringify(f) !==
            JSON.stringify({ cite: base.cite, author: base.author, year: base.year, sep: base.sep })
          )
            differs = true
          forms[id] = f
        }
        if (differs) variants[subset.join('+')] = forms
        varies ||= differs
      }
      // Only a group the style tells apart is named: the runtime looks for variants by it, and the elements load
      // each record's file, where a group without variants would be bytes for nothing.
      if (varies) for (const id of members) entries[id]!.group = key
    }
  }
  if (!info.numeric && info.citation.sorted) {
    // Rank by the style's own citation sort: ask citeproc to order each pair (ties keep the writer's order). Two
    // records that print alike alone ("Dakwar et al." twice in MLA) are told apart when cited together, and citeproc
    // sorts them by those fuller forms, so the pair's own forms are looked for.
    const firstOf = (a: string, b: string) => {
      const out = inText.format('citation', { style: name, format: 'text', entry: [a, b] })
      const pair = variants[[a, b].sort().join('+')]
      const ta = runsToText(entryCite(pair?.[a] ?? entries[a]!))
      const tb = runsToText(entryCite(pair?.[b] ?? entries[b]!))
      const ia = out.indexOf(ta)
      const ib = out.indexOf(tb)
      if (ia >= 0 && ib >= 0) return ia < ib ? a : b
      const ya = entries[a]!.year
      const yb = entries[b]!.year
      if (ya !== undefined && yb !== undefined && ya !== yb) return out.indexOf(ya) < out.indexOf(yb) ? a : b
      return a
    }
    const cmp = (a: string, b: string) => {
      const ab = firstOf(a, b)
      const ba = firstOf(b, a)
      return ab === a && ba === a ? -1 : ab === b && ba === b ? 1 : 0
    }
    const sorted = order.filter((id) => entries[id] !== undefined).sort(cmp)
    let rank = 0
    sorted.forEach((id, i) => {
      if (i > 0 && cmp(sorted[i - 1]!, id) !== 0) rank = i
      entries[id]!.citeRank = rank
    })
  }
  // The in-text form is left out where the runtime can rebuild it from the author form, separator and year
  // (entryCite): the same runs once adjacent text is joined, so the same output in every format.
  for (const entry of Object.values(entries)) {
    if (entry.cite === undefined || entry.author === undefined || entry.sep === undefined || entry.year === undefined)
      continue
    const rebuilt = joinText(entryCite({ author: entry.author, sep: entry.sep, year: entry.year }))
    if (JSON.stringify(joinText(entry.cite)) === JSON.stringify(rebuilt)) delete entry.cite
  }
  const src = STYLE_SOURCES[key]
  return {
    formatVersion: CITATION_FORMAT_VERSION,
    style: key,
    title: info.title,
    updated: info.updated,
    source:
      'builtin' in src
        ? `@citation-js/plugin-csl 0.8.2 built-in style "${src.builtin}"${fixNote(fixName(key))}`
        : `Debian package citation-style-language-styles, ${src.debian}${fixNote(fixName(key))}`,
    license: info.license,
    numeric: info.numeric,
    citation: { ...info.citation },
    entries,
    variants,
  }
}

/** A run list with adjacent plain-text runs joined. */
function joinText(runs: readonly Run[]): Run[] {
  const out: Run[] = []
  for (const r of runs) {
    const last = out[out.length - 1]
    if (typeof r === 'string' && typeof last === 'string') out[out.length - 1] = last + r
    else out.push(r)
  }
  return out
}

/** Serialises a table deterministically (sorted ids, stable key order). */
export function serializeTable(table: StyleTable): string {
  return `${JSON.stringify(table)}\n`
}
