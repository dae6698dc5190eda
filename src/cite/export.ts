// Bibliography exports: CSL-JSON (our objects as they are), BibTeX and BibLaTeX (citation-js, keyed by our ids,
// with LaTeX escaping fixed where citation-js leaves text raw) and RIS (citation-js, unwrapped, SP/EP split).
import { rawText, type RawText } from './bibtex-raw'
import { sentenceCase } from './sentence-case'
import { describeValue, FAULT_HINT } from '../errors'
import { plugins } from '@citation-js/core'
import { ET_AL_PLACEHOLDERS } from '../etal'
import { KapLiteratureError } from '../index'
import { exportWith, type CslObject } from './engine'
import { allShipped, MAX_EXPORT_ITEMS, requireIdentifiable, resolveItems, type Resolved } from './records'
import { initialsWithStops, withoutRepeatedOrganisation } from './style-records'
import type { CiteItem } from './types'

/** The records to export: every shipped one, or the items given; a user record with nothing to cite it by is refused. */
function records(items: unknown, fn: string): Resolved[] {
  if (items === undefined) return allShipped().map(forExport)
  // resolveItems reads the list and each item once, and refuses what cannot be read (a revoked proxy, a throwing trap).
  const list = resolveItems(items, fn, MAX_EXPORT_ITEMS)
  list.forEach(requireIdentifiable)
  if (fn !== 'toCSLJSON') list.forEach((r) => noSeason(r, fn))
  return list.map(forExport)
}

/**
 * A record as every export writes it: a shipped record's bare initials with their full stops ("Jennifer W." where
 * PubMed wrote "Jennifer W": Pandoc and Zotero print names as they get them, as the styles of this library do not),
 * and without the placeholders of a partial author list. Your own records are exported as you give them.
 */
function forExport(r: Resolved): Resolved {
  const csl = r.shipped ? sentenceCased(withoutRepeatedOrganisation(initialsWithStops(r.csl) as CslObject)) : r.csl
  return withoutPlaceholders(csl === r.csl ? r : { ...r, csl })
}

/**
 * A shipped preprint (CSL `article`) with its server as publisher, not as a container: APA's CSL prints a container of
 * an `article` as "In medRxiv", and its server as publisher as the library's own APA does ("… trial. medRxiv.").
 */
function serverAsPublisher(csl: CslObject): CslObject {
  if (csl.type !== 'article' || typeof csl['container-title'] !== 'string' || csl.publisher !== undefined) return csl
  const { 'container-title': server, ...rest } = csl
  return { ...rest, publisher: server } as CslObject
}

/**
 * A shipped record's titles in sentence case, the case Zotero and Pandoc expect titles to be stored in: a style that
 * wants headline case (Chicago, MLA) raises it, and one that wants sentence case (APA, AMA, Vancouver) cannot lower
 * a journal's headline case (CSL has no reliable conversion; BibTeX would brace every capital word against it).
 * The records keep each title as its publisher printed it; the converter is the one the library's own APA uses.
 */
function sentenceCased(csl: CslObject): CslObject {
  const cased = (t: unknown) => (typeof t === 'string' ? sentenceCase(t, 'capital') : t)
  const title = cased(csl.title)
  const short = cased(csl['title-short'])
  if (title === csl.title && short === csl['title-short']) return csl
  return {
    ...csl,
    ...(title === undefined ? {} : { title }),
    ...(short === undefined ? {} : { 'title-short': short }),
  } as CslObject
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

/**
 * Splits citation-js's BibTeX into one entry per record, in the order of `list`, each from its `@` to the line before
 * its closing brace: entries end with a line holding only `}`, which no value can hold (citation-js writes a brace in
 * a value as `\textbraceright{}`). Every entry must begin with its record's key; anything else is an error, never a
 * silent mix-up. One pass over the output, whatever the number of records.
 */
function splitEntries(bib: string, list: readonly Resolved[]): string[] {
  const entries = bib.endsWith('\n}') ? bib.slice(0, -2).split('\n}\n') : []
  const problem =
    entries.length !== list.length
      ? `citation-js wrote ${entries.length} BibTeX entries for ${list.length} items`
      : undefined
  const unkeyed = problem === undefined ? list.findIndex((r, i) => !keyedAs(entries[i]!, r.id)) : -1
  if (problem !== undefined || unkeyed >= 0) {
    throw new KapLiteratureError(
      'INVALID_RECORD',
      problem ?? `citation-js wrote BibTeX entry ${unkeyed + 1} without the key ${describeValue(list[unkeyed]!.id)}`,
      {
        value: list.length,
        hint: FAULT_HINT,
      },
    )
  }
  return entries
}

/** Whether a BibTeX entry starts `@type{key,` on its first line. */
function keyedAs(entry: string, key: string): boolean {
  const brace = entry.indexOf('{')
  return (
    entry.startsWith('@') && brace > 0 && entry.startsWith(`{${key},\n`, brace) && !entry.slice(0, brace).includes('\n')
  )
}

/** Appends BibTeX's "and others" to the author field of an entry whose list is partial. */
function andOthers(entry: string, r: Resolved): string {
  return partialLists.has(r) ? entry.replace(/^(\tauthor = \{.*)\},$/m, '$1 and others},') : entry
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
function preprintFields(entry: string, r: Resolved, flavour: 'bibtex' | 'biblatex'): string {
  if (preprintServer(r.csl) === undefined) return entry
  // `{` after the field name: a line of a value cannot match, since citation-js escapes the braces in values.
  const fixed = entry.replace(/^\tpublisher = \{/m, '\thowpublished = {')
  return flavour === 'biblatex' ? `${fixed}\n\tpubstate = {preprint},` : fixed
}

/**
 * citation-js writes the URL of a record without publisher twice in BibTeX, as `url` and, LaTeX-escaped, as
 * `howpublished` (for styles that print no `url`); Pandoc reads `howpublished` as the publisher and prints the URL
 * twice. The URL is kept once, in `url`, which natbib's and biblatex's styles print. Runs before `preprintFields`, so
 * the only `howpublished` holding a web address is the copy of the URL.
 */
function oneUrl(entry: string, r: Resolved): string {
  return typeof r.csl.URL === 'string' ? entry.replace(/\n\thowpublished = \{https?:\/\/.*\},(?=\n|$)/, '') : entry
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
    records(items, 'toCSLJSON').map((r) => {
      const csl = r.shipped ? serverAsPublisher(r.csl) : r.csl
      return partialLists.has(r) ? { ...csl, note: withPartialNote(csl.note, '\n') } : csl
    }),
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
function latexSafeName(original: Name): Name {
  // A typographic apostrophe in a name ("D’Souza") becomes the straight one: LaTeX prints ' as ’, and citation-js's
  // `\textquoteright{}` splits the name in BibTeX parsers (biblatex-csl-converter read "D’Souza, Deepak" as "D").
  const name = Object.fromEntries(
    Object.entries(original).map(([k, v]) => [k, typeof v === 'string' ? v.replace(/\u2019/g, "'") : v]),
  ) as Name
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
        { value: v, hint: `remove the braces and backslashes from ${field}; no registered identifier holds them` },
      )
    }
  }
  if (typeof copy.URL === 'string')
    copy.URL = copy.URL.replace(/[{}\\\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
  siteAsPublisher(copy)
  datePartsOnly(copy)
  asPreprint(copy)
  // citation-js braces capitalised words so BibTeX styles keep their case, except the first word of a title:
  // "FDA approves …" would print as "Fda approves …". Mark that word as CSL no-case, which it writes as {FDA}.
  // It also misses a capital inside a word after a digit: "(2R,6R)-hydroxynorketamine" would print as "(2r,6r)".
  // Such words are marked first (so the first-word rule, which stops at markup, never wraps them twice).
  // A dotted abbreviation and the word after it ("U.S. as"): Pandoc reads the abbreviation's last stop as a sentence's
  // end and capitalises the word ("U.S. As") unless both are protected together (review 29).
  if (typeof copy.title === 'string')
    copy.title = copy.title
      .replace(/(?<![\p{L}.])(?:\p{Lu}\.){2,}\s\p{Ll}+/gu, '<span class="nocase">$&</span>')
      .replace(/\b(?=\w*\d[A-Z])\w+/g, '<span class="nocase">$&</span>')
      .replace(/^([^\s<])([^\s<]*[A-Z][^\s<]*)/, '<span class="nocase">$1$2</span>')
  // BibTeX has no PubMed fields: the ids go in `note`. BibLaTeX gets the PMID as eprint = {…}, eprinttype = {pubmed}
  // (citation-js does that) and the PMCID in `note`.
  const pmid =
    flavour === 'bibtex' && (typeof copy.PMID === 'string' || typeof copy.PMID === 'number')
      ? `PMID: ${String(copy.PMID)}`
      : ''
  const pmcid = typeof copy.PMCID === 'string' ? `PMCID: ${copy.PMCID}` : ''
  // A web page's access date: BibLaTeX has `urldate` (citation-js writes it; see `oneAccessDate`). BibTeX has no field
  // for it, and citation-js writes it as a note "[Online; accessed 2026-11-22]" only when the record has no other
  // note; it is written here in that form, beside any other note, so that it is never lost.
  const accessed = flavour === 'bibtex' ? isoDate(copy.accessed) : undefined
  if (accessed !== undefined) delete copy.accessed
  const online = accessed === undefined ? '' : `[Online; accessed ${accessed}]`
  if (pmid !== '' || pmcid !== '' || online !== '')
    copy.note = [typeof copy.note === 'string' ? copy.note : '', online, pmid, pmcid].filter((s) => s !== '').join('; ')
  return copy as CslObject
}

/** A CSL date of date-parts as `2026-11-22` (`2026-11`, `2026`), or undefined for any other form. */
function isoDate(date: unknown): string | undefined {
  const parts = (date as { 'date-parts'?: unknown } | undefined)?.['date-parts']
  const first = Array.isArray(parts) ? (parts[0] as unknown) : undefined
  if (!Array.isArray(first) || first.length === 0 || !first.every((n) => Number.isInteger(n))) return undefined
  const [year, ...rest] = first as number[]
  return [String(year).padStart(4, '0'), ...rest.map((n) => String(n).padStart(2, '0'))].join('-')
}

/**
 * citation-js writes a web page's access date in BibLaTeX twice: as `urldate`, which biblatex's styles print ("visited
 * on …"), and, when the record has no note, as `note = {[Online; accessed …]}`, which they would print again. The
 * note is left out.
 */
function oneAccessDate(entry: string, r: Resolved): string {
  return r.csl.accessed !== undefined && r.csl.note === undefined
    ? entry.replace(/\n\tnote = \{\[Online; accessed [0-9-]+\]\},(?=\n|$)/, '')
    : entry
}

const DATE_VARIABLES = ['accessed', 'available-date', 'event-date', 'issued', 'original-date', 'submitted']

/**
 * BibTeX, BibLaTeX and RIS get a date only from its `date-parts`. citation-js leaves a date given only as `literal` or
 * `raw` out of every field but one, `accessed`, which it wrote as "[Online; accessed undefined]" for a literal; a
 * free-text date has no field in these formats, so it is left out of all of them (CSL-JSON keeps it as given).
 */
function datePartsOnly(copy: Record<string, unknown>): void {
  for (const variable of DATE_VARIABLES) {
    const date = copy[variable] as Record<string, unknown> | undefined
    if (date === undefined) continue
    const { literal: _literal, raw: _raw, ...rest } = date
    if (rest['date-parts'] === undefined) delete copy[variable]
    else copy[variable] = rest
  }
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
  // Anchored at a line's tab (citation-js indents every field with one): no pattern part can span a run of blanks.
  return bib.replace(
    /^\tmonth = \{(?:([a-z]{3})|(\d{1,2}))(?: \d{1,2})?\},$/gm,
    (whole, name?: string, num?: string) => {
      const month = name ?? MONTHS[Number(num) - 1]
      if (month === undefined || !MONTHS.includes(month)) return whole
      return `\tmonth = ${month},`
    },
  )
}

/**
 * A BibTeX entry with a web page's access date also as `urldate`, the field Pandoc and Zotero read (BibTeX's own
 * styles ignore a field they do not know, and print the note "[Online; accessed …]" that the entry keeps).
 */
/**
 * A journal's abbreviation in BibTeX, as BibLaTeX's `shortjournal` (Pandoc reads it from a .bib for AMA and
 * Vancouver; BibTeX ignores a field it does not know): only a plain abbreviation, which needs no escaping.
 */
function withShortJournal(entry: string, r: Resolved): string {
  const short = r.csl['container-title-short']
  return typeof short === 'string' && /^[\p{L}\p{N} .,()-]+$/u.test(short) && entry.includes('\n\tjournal = {')
    ? `${entry}\n\tshortjournal = {${short}},`
    : entry
}

/**
 * `useprefix=true` for a record whose names carry a particle that belongs to the surname ("aan het Rot"): without it
 * biblatex and Pandoc print and sort "Rot, M. aan het"; BibTeX ignores the field.
 */
function withUsePrefix(entry: string, r: Resolved): string {
  const names = [r.csl.author, r.csl.editor].flatMap((n) => (Array.isArray(n) ? n : []))
  return names.some((n) => typeof (n as { 'non-dropping-particle'?: unknown })['non-dropping-particle'] === 'string')
    ? `${entry}\n\toptions = {useprefix=true},`
    : entry
}

function withUrldate(entry: string, r: Resolved): string {
  const accessed = isoDate(r.csl.accessed)
  return accessed === undefined ? entry : `${entry}\n\turldate = {${accessed}},`
}

/** Fields citation-js writes as they are (verbatim), and the record's own keys: nothing in them is hidden. */
const AS_THEY_ARE = new Set(['id', 'citation-key', 'type', 'DOI', 'PMID', 'PMCID', 'ISBN', 'ISSN', 'URL'])

/** `value` (a CSL record or a part of it) with the text citation-js cannot spell hidden from it (./bibtex-raw.ts). */
function hidden(value: unknown, raw: RawText, key = ''): unknown {
  if (typeof value === 'string') return raw.hide(value, key.includes('title'))
  if (Array.isArray(value)) return value.map((v) => hidden(v, raw, key))
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, AS_THEY_ARE.has(k) ? v : hidden(v, raw, k === '' ? key : k)]),
  )
}

/** citation-js's BibTeX plugin config; its label check would replace ids containing '-' with generated keys. */
interface BibtexConfig {
  format: { checkLabel: boolean; useIdAsLabel: boolean; asciiOnly: boolean }
}

function bibtexLike(items: unknown, fn: string, flavour: 'bibtex' | 'biblatex'): string {
  const list = records(items, fn)
  if (list.length === 0) return ''
  const built = list.map((r) => forBibtex(r, flavour))
  const raw = rawText(JSON.stringify(built))
  const copies = built.map((c) => hidden(c, raw) as CslObject)
  const config = plugins.config.get('@bibtex') as BibtexConfig
  const saved = { ...config.format }
  // Synchronous and restored at once: our ids are validated BibTeX-safe keys, so citation-js may use them as they are.
  config.format.checkLabel = false
  config.format.useIdAsLabel = false
  config.format.asciiOnly = true
  let bib: string
  try {
    bib = exportWith(copies, flavour)
  } catch (cause) {
    throw new KapLiteratureError(
      'INVALID_RECORD',
      `citation-js could not write ${flavour === 'bibtex' ? 'BibTeX' : 'BibLaTeX'}: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause, hint: 'try exporting the records one at a time to find the one at fault' },
    )
  } finally {
    Object.assign(config.format, saved)
  }
  // citation-js writes accents as {\' a}; LaTeX reads that fine, but {\'a} is the form every BibTeX parser reads.
  bib = raw.restore(bib.trimEnd()).replace(/\{\\(['"`^~=.]) ([A-Za-z])\}/g, '{\\$1$2}')
  // Each entry is edited on its own, so the work is linear in the number of records.
  return splitEntries(bib, list)
    .map((entry, i) => {
      const r = list[i]!
      const edited = preprintFields(oneUrl(andOthers(entry, r), r), r, flavour)
      const last =
        flavour === 'bibtex' ? withShortJournal(withUrldate(bibtexMonths(edited), r), r) : oneAccessDate(edited, r)
      return `${withUsePrefix(last, r)}\n}\n`
    })
    .join('')
}

/**
 * Exports items as BibTeX. Citation keys are the ids (`@article{dore-2019, …`); LaTeX's special characters
 * (`& % $ # _ { } ~ ^ \`) are escaped and accented Latin letters written as LaTeX commands, any other text (another
 * script, an emoji) as UTF-8; page ranges use `--`; the DOI is
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
        hint: FAULT_HINT,
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

/**
 * SP holding a simple range becomes SP and EP, and the dates, DA and the access date M1, are zero-padded
 * (YYYY/MM/DD/), as the RIS specification has it.
 */
function splitPages(lines: string[]): string[] {
  return lines.flatMap((line) => {
    const date = /^(DA|M1) {2}- (\d{4})\/(\d{1,2})?\/(\d{1,2})?\/(.*)$/.exec(line)
    if (date !== null) {
      const pad = (n: string | undefined) => (n === undefined ? '' : n.padStart(2, '0'))
      return [`${date[1]}  - ${date[2]}/${pad(date[3])}/${pad(date[4])}/${date[5]}`]
    }
    const m = /^SP {2}- ([^\s,–-]+)\s*[-–]\s*([^\s,–-]+)$/.exec(line)
    return m === null ? [line] : [`SP  - ${m[1]}`, `EP  - ${m[2]}`]
  })
}

/** "PMID: 34186531; PMCID: PMC…" for a record with PubMed ids (one line, as RIS needs), or undefined. */
function pubmedNote(csl: CslObject): string | undefined {
  const id = (field: 'PMID' | 'PMCID'): string | undefined => {
    const v = (csl as Record<string, unknown>)[field]
    return typeof v === 'string' || typeof v === 'number' ? String(v).replace(/\s+/g, ' ').trim() : undefined
  }
  const parts = [['PMID', id('PMID')] as const, ['PMCID', id('PMCID')] as const].filter(
    ([, v]) => v !== undefined && v !== '',
  )
  return parts.length === 0 ? undefined : parts.map(([k, v]) => `${k}: ${v!}`).join('; ')
}

function forRis(r: Resolved): CslObject {
  // A value with a line break would end its RIS line early; RIS has no way to hold one. A run of blanks holding a line
  // break becomes one space. Each run is matched once, whole (a pattern such as /\s*\n+\s*/ would rescan a long run
  // of spaces from each of its positions).
  const flatten = (v: unknown): unknown =>
    typeof v === 'string'
      ? v.replace(/\s+/g, (run) => (/[\r\n\u2028\u2029]/.test(run) ? ' ' : run))
      : Array.isArray(v)
        ? v.map(flatten)
        : v !== null && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, flatten(x)]))
          : v
  const copy = flatten(r.csl) as Record<string, unknown>
  siteAsPublisher(copy)
  datePartsOnly(copy)
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
 * record ends with `ER  - `. Lines end with `\n`. A study whose author list is partial carries a note (`N1`) saying so;
 * PubMed ids are written in a note of their own, `N1  - PMID: 34186531` (with `; PMCID: …` when there is one; the PMCID
 * is also in `C2`), which Zotero, EndNote and Mendeley keep with the item.
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
  // RIS has no PubMed field that reference managers agree on (Zotero reads AN as "Loc. in Archive" and drops C2 for a
  // journal article), so the ids also go in a note of their own, as in BibTeX's `note`: "N1  - PMID: …; PMCID: …".
  let record = -1
  const lines = splitPages(unwrapRis(exportWith(list.map(forRis), 'ris'))).flatMap((line) => {
    if (line.startsWith('TY  - ')) {
      record++
      if (list[record] !== undefined && preprintServer(list[record]!.csl) !== undefined) return ['TY  - UNPB']
    }
    const current = list[record]
    if (current === undefined) return [line]
    if (line.startsWith('ID  - ')) return [`ID  - ${current.id}`]
    const ids = pubmedNote(current.csl)
    return line.startsWith('ER  -') && ids !== undefined ? [`N1  - ${ids}`, line] : [line]
  })
  const ends = lines.filter((l) => l.startsWith('ER  -')).length
  const starts = lines.filter((l) => l.startsWith('TY  -')).length
  if (starts !== list.length || ends !== list.length) {
    throw new KapLiteratureError('INVALID_RECORD', `citation-js wrote ${starts} RIS records for ${list.length} items`, {
      value: list.length,
      hint: FAULT_HINT,
    })
  }
  return `${lines.join('\n')}\n`
}
