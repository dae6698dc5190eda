// Bibliography exports: CSL-JSON (our objects as they are), BibTeX and BibLaTeX (citation-js, keyed by our ids,
// with LaTeX escaping fixed where citation-js leaves text raw) and RIS (citation-js, unwrapped, SP/EP split).
import { describeValue } from '../errors'
import { plugins } from '@citation-js/core'
import { ET_AL_PLACEHOLDERS } from '../etal'
import { KapLiteratureError } from '../index'
import { exportWith, type CslObject } from './engine'
import { allShipped, MAX_EXPORT_ITEMS, requireIdentifiable, resolveItems, type Resolved } from './records'
import type { CiteItem } from './types'

/** The records to export: every shipped one, or the items given; a user record with nothing to cite it by is refused. */
function records(items: unknown, fn: string): Resolved[] {
  if (items === undefined) return allShipped().map(withoutPlaceholders)
  const list = resolveItems(items, fn, MAX_EXPORT_ITEMS)
  list.forEach(requireIdentifiable)
  if (fn !== 'toCSLJSON') list.forEach((r) => noSeason(r, fn))
  return list.map(withoutPlaceholders)
}

/**
 * A season (CSL's month 13–16: spring, summer, autumn, winter) has no field in BibTeX, BibLaTeX or RIS, which
 * citation-js would write as month 13: such a record is refused there (CSL-JSON keeps it).
 */
function noSeason(r: Resolved, fn: string): void {
  for (const [field, date] of Object.entries(r.csl)) {
    const parts = (date as { 'date-parts'?: unknown } | undefined)?.['date-parts']
    if (Array.isArray(parts) && parts.some((p) => Array.isArray(p) && (p[1] as number) > 12))
      throw new KapLiteratureError(
        'INVALID_RECORD',
        `record ${describeValue(r.id)}: ${field} has a season (month 13–16), which ${fn} cannot write`,
        { value: r.id, hint: 'export it with toCSLJSON, or give the date without the season' },
      )
  }
}

const PLACEHOLDER_FAMILIES = new Set(ET_AL_PLACEHOLDERS.map((n) => n.family))
/** Ids whose author list is partial: BibTeX and BibLaTeX write "and others" after it. */
const partialLists = new WeakSet<Resolved>()

/** Takes the et-al placeholders (formatting only) out of a record for export, remembering that its list is partial. */
function withoutPlaceholders(r: Resolved): Resolved {
  const authors = r.csl.author as readonly { family?: string }[] | undefined
  if (r.partialAuthors !== true || authors === undefined) return r
  const out = {
    ...r,
    csl: { ...r.csl, author: authors.filter((a) => !PLACEHOLDER_FAMILIES.has(a.family)) } as CslObject,
  }
  partialLists.add(out)
  return out
}

/** The note a CSL-JSON or RIS entry with a partial author list carries. @internal */
export const PARTIAL_NOTE =
  'Author list incomplete: the authors after those listed could not be confirmed (kap-literature).'

/** A record's `note` with the partial-list note after it (CSL-JSON and RIS have no "and others"). */
function withPartialNote(note: unknown, separator: string): string {
  return typeof note === 'string' && note !== '' ? `${note}${separator}${PARTIAL_NOTE}` : PARTIAL_NOTE
}

/** Rewrites the body of each record's BibTeX entry (from `{id,` to the line before its closing brace). */
function editEntries(bib: string, list: readonly Resolved[], edit: (entry: string, r: Resolved) => string): string {
  let out = bib
  for (const r of list) {
    const start = out.indexOf(`{${r.id},\n`)
    if (start < 0) continue
    const end = out.indexOf('\n}', start)
    out = out.slice(0, start) + edit(out.slice(start, end), r) + out.slice(end)
  }
  return out
}

/** Appends BibTeX's "and others" to the author field of the entries whose list is partial. */
function andOthers(bib: string, list: readonly Resolved[]): string {
  return editEntries(bib, list, (entry, r) =>
    partialLists.has(r) ? entry.replace(/^(\tauthor = \{.*)\},$/m, '$1 and others},') : entry,
  )
}

/**
 * A preprint (CSL type `article`: "a preprint, working paper, or other prepublication material") is not a journal
 * article, which citation-js would make it (`@article`, `journal = {medRxiv}`; RIS `JOUR`, `T2`). Its server (the
 * record's `publisher`, or the `container-title` a record copied from a preprint page holds) is written where
 * reference managers look for a preprint's repository: BibTeX and BibLaTeX `@misc` with `howpublished`, BibLaTeX also
 * `pubstate = {preprint}`; RIS `TY  - UNPB` (unpublished work) with `PB`. Returns the server, or undefined for any
 * other record.
 */
function preprintServer(csl: Readonly<Record<string, unknown>>): string | undefined {
  if (csl.type !== 'article') return undefined
  const server = typeof csl.publisher === 'string' ? csl.publisher : csl['container-title']
  return typeof server === 'string' ? server : ''
}

/** Makes the CSL copy of a preprint one citation-js writes as `@misc` / `TY  - GEN` with its server as publisher. */
function asPreprint(copy: Record<string, unknown>): void {
  const server = preprintServer(copy)
  if (server === undefined) return
  copy.type = 'document'
  delete copy['container-title']
  if (server !== '') copy.publisher = server
}

/** In a preprint's `@misc` entry, the server as `howpublished` (what `@misc` prints) and, in BibLaTeX, its state. */
function preprintFields(bib: string, list: readonly Resolved[], flavour: 'bibtex' | 'biblatex'): string {
  return editEntries(bib, list, (entry, r) => {
    if (preprintServer(r.csl) === undefined) return entry
    const fixed = entry.replace(/^\tpublisher = /m, '\thowpublished = ')
    return flavour === 'biblatex' ? `${fixed}\n\tpubstate = {preprint},` : fixed
  })
}

/**
 * citation-js writes the URL of a record without publisher twice in BibTeX, as `url` and, LaTeX-escaped, as
 * `howpublished` (for styles that print no `url`); Pandoc reads `howpublished` as the publisher and prints the URL
 * twice. The URL is kept once, in `url`, which natbib's and biblatex's styles print. Runs before `preprintFields`, so
 * the only `howpublished` holding a web address is the copy of the URL.
 */
function oneUrl(bib: string, list: readonly Resolved[]): string {
  return editEntries(bib, list, (entry, r) =>
    typeof r.csl.URL === 'string' ? entry.replace(/\n\thowpublished = \{https?:\/\/.*\},(?=\n|$)/, '') : entry,
  )
}

/**
 * Exports items as CSL-JSON, the format Zotero, Pandoc (`--bibliography refs.json`) and citation-js read. Shipped
 * records are exported as they are, except that a study whose author list is partial gets a `note` saying so (CSL-JSON
 * has no "and others"); your records as validated.
 * @param items - ids, shipped records or your CSL-JSON records (at most 10,000); default: every shipped study and source, sorted by id
 * @returns a JSON array, pretty-printed, ending in a newline
 * @throws {@link index!KapLiteratureError} as {@link formatReference}; `LIMIT_EXCEEDED` for more than 10,000 items
 * @example
 * ```ts
 * import { toCSLJSON } from 'kap-literature/cite'
 * const json = toCSLJSON(['dore-2019'])
 * JSON.parse(json)[0].DOI // '10.1080/02791072.2019.1587556'
 * ```
 */
export function toCSLJSON(items?: readonly CiteItem[]): string {
  return `${JSON.stringify(
    records(items, 'toCSLJSON').map((r) =>
      partialLists.has(r) ? { ...r.csl, note: withPartialNote(r.csl.note, '\n') } : r.csl,
    ),
    null,
    2,
  )}\n`
}

const LATEX_SPECIALS: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
}

/** Escapes the ten characters LaTeX treats specially. @internal */
export function escapeLatex(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (c) => LATEX_SPECIALS[c]!)
}

type Name = Readonly<Record<string, unknown>>

/**
 * citation-js writes a name that has only a family (or literal) part as `{…}` without escaping, so `&` in
 * "Johnson & Johnson" would break LaTeX. Such names get their text escaped here, as `family`, before citation-js sees them.
 */
function latexSafeName(name: Name): Name {
  const literal = typeof name.literal === 'string' ? name.literal : undefined
  const onlyFamily =
    typeof name.family === 'string' &&
    name.given === undefined &&
    name.suffix === undefined &&
    name['non-dropping-particle'] === undefined &&
    name['dropping-particle'] === undefined
  if (literal !== undefined) return { family: escapeLatex(literal) }
  if (onlyFamily) return { family: escapeLatex(name.family as string) }
  return name
}

const NAME_VARIABLES = [
  'author',
  'editor',
  'translator',
  'container-author',
  'collection-editor',
  'director',
  'chair',
  'compiler',
  'contributor',
  'interviewer',
  'recipient',
  'reviewed-author',
  'original-author',
  'illustrator',
  'composer',
  'organizer',
  'performer',
  'producer',
  'curator',
  'guest',
  'host',
  'narrator',
  'script-writer',
  'series-creator',
  'editorial-director',
  'executive-producer',
]

function forBibtex(r: Resolved, flavour: 'bibtex' | 'biblatex'): CslObject {
  const copy: Record<string, unknown> = JSON.parse(JSON.stringify(r.csl)) as Record<string, unknown>
  copy['citation-key'] = r.id
  for (const variable of NAME_VARIABLES) {
    const names = copy[variable]
    if (Array.isArray(names)) copy[variable] = names.map((n: Name) => latexSafeName(n))
  }
  for (const field of ['DOI', 'PMID', 'PMCID', 'ISBN', 'ISSN']) {
    const v = copy[field]
    if (typeof v === 'string' && /[{}\\]/.test(v)) {
      throw new KapLiteratureError(
        'INVALID_RECORD',
        `record ${describeValue(r.id)}: ${field} contains { } or \\, which BibTeX cannot hold in a verbatim field`,
        { value: v },
      )
    }
  }
  if (typeof copy.URL === 'string')
    copy.URL = copy.URL.replace(/[{}\\\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
  siteAsPublisher(copy)
  asPreprint(copy)
  // citation-js braces capitalised words so BibTeX styles keep their case, except the first word of a title:
  // "FDA approves …" would print as "Fda approves …". Mark that word as CSL no-case, which it writes as {FDA}.
  // It also misses a capital inside a word after a digit: "(2R,6R)-hydroxynorketamine" would print as "(2r,6r)".
  // Such words are marked first (so the first-word rule, which stops at markup, never wraps them twice).
  if (typeof copy.title === 'string')
    copy.title = copy.title
      .replace(/\b(?=\w*\d[A-Z])\w+/g, '<span class="nocase">$&</span>')
      .replace(/^([^\s<])([^\s<]*[A-Z][^\s<]*)/, '<span class="nocase">$1$2</span>')
  // BibTeX has no PubMed fields: the ids go in `note`. BibLaTeX gets the PMID as eprint = {…}, eprinttype = {pubmed}
  // (citation-js does that) and the PMCID in `note`.
  const pmid =
    flavour === 'bibtex' && (typeof copy.PMID === 'string' || typeof copy.PMID === 'number')
      ? `PMID: ${String(copy.PMID)}`
      : ''
  const pmcid = typeof copy.PMCID === 'string' ? `PMCID: ${copy.PMCID}` : ''
  if (pmid !== '' || pmcid !== '')
    copy.note = [typeof copy.note === 'string' ? copy.note : '', pmid, pmcid].filter((s) => s !== '').join('; ')
  return copy as CslObject
}

/**
 * citation-js drops a web page's site name (`container-title`) from BibTeX, BibLaTeX and RIS. When the page has no
 * publisher, the site name is written as its publisher (BibTeX `publisher`, BibLaTeX `organization`, RIS `PB`).
 */
function siteAsPublisher(copy: Record<string, unknown>): void {
  if (copy.type === 'webpage' && typeof copy['container-title'] === 'string' && copy.publisher === undefined)
    copy.publisher = copy['container-title']
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/**
 * citation-js writes `month = {apr 17}` or `month = {4}`; BibTeX's month macros are `apr`. Classic BibTeX has no day
 * field, so the day is left out (BibLaTeX keeps the full date in `date`).
 */
function bibtexMonths(bib: string): string {
  return bib.replace(
    /^(\s*)month = \{(?:([a-z]{3})|(\d{1,2}))(?: \d{1,2})?\},$/gm,
    (whole, indent: string, name?: string, num?: string) => {
      const month = name ?? MONTHS[Number(num) - 1]
      if (month === undefined || !MONTHS.includes(month)) return whole
      return `${indent}month = ${month},`
    },
  )
}

/** citation-js's BibTeX plugin config; its label check would replace ids containing '-' with generated keys. */
interface BibtexConfig {
  format: { checkLabel: boolean; useIdAsLabel: boolean; asciiOnly: boolean }
}

function bibtexLike(items: unknown, fn: string, flavour: 'bibtex' | 'biblatex'): string {
  const list = records(items, fn)
  if (list.length === 0) return ''
  const copies = list.map((r) => forBibtex(r, flavour))
  const config = plugins.config.get('@bibtex') as BibtexConfig
  const saved = { ...config.format }
  // Synchronous and restored at once: our ids are validated BibTeX-safe keys, so citation-js may use them as they are.
  config.format.checkLabel = false
  config.format.useIdAsLabel = false
  config.format.asciiOnly = true
  try {
    // citation-js writes accents as {\' a}; LaTeX reads that fine, but {\'a} is the form every BibTeX parser reads.
    const out = preprintFields(
      oneUrl(
        andOthers(
          exportWith(copies, flavour)
            .replace(/\s+$/, '')
            .replace(/\{\\(['"`^~=.]) ([A-Za-z])\}/g, '{\\$1$2}'),
          list,
        ),
        list,
      ),
      list,
      flavour,
    )
    return `${flavour === 'bibtex' ? bibtexMonths(out) : out}\n`
  } catch (cause) {
    throw new KapLiteratureError(
      'INVALID_RECORD',
      `citation-js could not write ${flavour === 'bibtex' ? 'BibTeX' : 'BibLaTeX'}: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    )
  } finally {
    Object.assign(config.format, saved)
  }
}

/**
 * Exports items as BibTeX. Citation keys are the ids (`@article{dore-2019, …`); LaTeX's special characters
 * (`& % $ # _ { } ~ ^ \`) are escaped and accented letters written as LaTeX commands; page ranges use `--`; the DOI is
 * kept in `doi`, and the PubMed ids in `note` (`PMID: …; PMCID: …`), since BibTeX has no field for them. A preprint
 * (CSL type `article`) is `@misc` with its server in `howpublished`, never `@article`.
 * @param items - ids, shipped records or your CSL-JSON records (at most 10,000); default: every shipped study and source, sorted by id
 * @returns BibTeX entries, ending in a newline (`''` for an empty list)
 * @throws {@link index!KapLiteratureError} as {@link toCSLJSON}; `INVALID_RECORD` for a DOI containing `{`, `}` or `\`
 * @example
 * ```ts
 * import { toBibTeX } from 'kap-literature/cite'
 * toBibTeX(['dore-2019']) // '@article{dore-2019,\n\tauthor = {Dore, Jennifer and …'
 * ```
 */
export function toBibTeX(items?: readonly CiteItem[]): string {
  return bibtexLike(items, 'toBibTeX', 'bibtex')
}

/**
 * Exports items as BibLaTeX (for biber): as {@link toBibTeX}, with BibLaTeX's types and fields (`journaltitle`,
 * `date`, `@online` for web pages) and the PubMed id as `eprint` with `eprinttype = {pubmed}`; a preprint is `@misc`
 * with `howpublished` and `pubstate = {preprint}`.
 * @param items - ids, shipped records or your CSL-JSON records (at most 10,000); default: every shipped study and source, sorted by id
 * @returns BibLaTeX entries, ending in a newline (`''` for an empty list)
 * @throws {@link index!KapLiteratureError} as {@link toBibTeX}
 * @example
 * ```ts
 * import { toBibLaTeX } from 'kap-literature/cite'
 * toBibLaTeX(['dore-2019']) // '@article{dore-2019,\n\tauthor = {Dore, Jennifer and …'
 * ```
 */
export function toBibLaTeX(items?: readonly CiteItem[]): string {
  return bibtexLike(items, 'toBibLaTeX', 'biblatex')
}

const RIS_TAG = /^[A-Z][A-Z0-9] {2}- /
/** citation-js cuts every RIS value after each run of 70 characters (`replace(/(.{70})/g, '$1\n')`). */
const RIS_WRAP = 70

/**
 * Undoes citation-js's RIS wrapping exactly: a line whose value is a full 70-character chunk is followed by the rest
 * of that value (possibly an empty line when the value was a multiple of 70 long), whatever that rest looks like.
 * @internal
 */
export function unwrapRis(ris: string): string[] {
  const lines = ris.split('\n')
  const out: string[] = []
  let i = 0
  while (i < lines.length) {
    let line = lines[i++]!
    if (!RIS_TAG.test(line)) {
      if (line.trim() === '') continue
      throw new KapLiteratureError('INVALID_RECORD', `unexpected RIS line from citation-js: ${describeValue(line)}`, {
        value: line,
      })
    }
    let chunk = line.slice(6)
    while (chunk.length === RIS_WRAP && i < lines.length) {
      chunk = lines[i++]!
      line += chunk
    }
    out.push(line)
  }
  return out
}

/** SP holding a simple range becomes SP and EP, and DA is zero-padded (YYYY/MM/DD/), as the RIS specification has it. */
function splitPages(lines: string[]): string[] {
  return lines.flatMap((line) => {
    const date = /^DA {2}- (\d{4})\/(\d{1,2})?\/(\d{1,2})?\/(.*)$/.exec(line)
    if (date !== null) {
      const pad = (n: string | undefined) => (n === undefined ? '' : n.padStart(2, '0'))
      return [`DA  - ${date[1]}/${pad(date[2])}/${pad(date[3])}/${date[4]}`]
    }
    const m = /^SP {2}- ([^\s,–-]+)\s*[-–]\s*([^\s,–-]+)$/.exec(line)
    return m === null ? [line] : [`SP  - ${m[1]}`, `EP  - ${m[2]}`]
  })
}

function forRis(r: Resolved): CslObject {
  // A value with a line break would end its RIS line early; RIS has no way to hold one.
  const flatten = (v: unknown): unknown =>
    typeof v === 'string'
      ? v.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ')
      : Array.isArray(v)
        ? v.map(flatten)
        : v !== null && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, flatten(x)]))
          : v
  const copy = flatten(r.csl) as Record<string, unknown>
  siteAsPublisher(copy)
  asPreprint(copy)
  // RIS has no "and others": a partial author list says so in a note (N1), which reference managers keep with the item.
  if (partialLists.has(r)) copy.note = withPartialNote(copy.note, '; ')
  // citation-js writes only `family, given` and would drop a particle ("aan het Rot"): RIS keeps it in the last name.
  for (const role of ['author', 'editor', 'translator', 'container-author']) {
    const names = copy[role]
    if (!Array.isArray(names)) continue
    copy[role] = names.map((n: Record<string, unknown>) => {
      const particle = n['non-dropping-particle']
      if (typeof particle !== 'string' || typeof n.family !== 'string') return n
      const { 'non-dropping-particle': _p, ...rest } = n
      return { ...rest, family: `${particle} ${n.family}` }
    })
  }
  return copy as CslObject
}

/**
 * Exports items as RIS (Zotero, EndNote, Mendeley). One line per tag, never wrapped; `TY` is `JOUR` for journal
 * articles, `ELEC` (web page) for web pages and `UNPB` (unpublished work) for a preprint (CSL type `article`, its
 * server in `PB`); `ID` holds the id; page ranges are split into `SP` and `EP`; every
 * record ends with `ER  - `. Lines end with `\n`. A study whose author list is partial carries a note (`N1`) saying so.
 * @param items - ids, shipped records or your CSL-JSON records (at most 10,000); default: every shipped study and source, sorted by id
 * @returns RIS records, ending in a newline (`''` for an empty list)
 * @throws {@link index!KapLiteratureError} as {@link toCSLJSON}
 * @example
 * ```ts
 * import { toRIS } from 'kap-literature/cite'
 * toRIS(['dore-2019']).split('\n')[0] // 'TY  - JOUR'
 * ```
 */
export function toRIS(items?: readonly CiteItem[]): string {
  const list = records(items, 'toRIS')
  if (list.length === 0) return ''
  // citation-js cuts ID to the 20 characters of the 2001 specification; ids are keys, so the full id is written.
  // A preprint, written by citation-js as a generic record (GEN), is an unpublished work (UNPB).
  let record = -1
  const lines = splitPages(unwrapRis(exportWith(list.map(forRis), 'ris'))).map((line) => {
    if (line.startsWith('TY  - ')) {
      record++
      if (list[record] !== undefined && preprintServer(list[record]!.csl) !== undefined) return 'TY  - UNPB'
    }
    return line.startsWith('ID  - ') && list[record] !== undefined ? `ID  - ${list[record]!.id}` : line
  })
  const ends = lines.filter((l) => l.startsWith('ER  -')).length
  const starts = lines.filter((l) => l.startsWith('TY  -')).length
  if (starts !== list.length || ends !== list.length) {
    throw new KapLiteratureError('INVALID_RECORD', `citation-js wrote ${starts} RIS records for ${list.length} items`, {
      value: list.length,
    })
  }
  return `${lines.join('\n')}\n`
}
