// Resolves what callers pass as items (shipped ids, shipped records, user CSL-JSON objects) into validated CSL objects.
// A string is only ever looked up as a shipped id; it is never parsed, fetched or handed to citation-js.
import { closest, idForm, joinedIds } from '../suggest'
import { describeValue, notCitableError } from '../errors'
import {
  citationCsl,
  findStudy,
  isCitable,
  getSource,
  getStudy,
  isClaimId,
  isSourceId,
  isStudyId,
  KapLiteratureError,
  normalizeDoi,
  sources,
  studies,
} from '../index'
import { bareDoi } from '../doi'
import { withEtAlPlaceholders } from '../etal'
import type { CslDate, CslName, SourceId, StudyId } from '../index'
import type { CslObject } from './engine'
import { DATE_FIELDS, NAME_FIELDS, STRING_FIELDS, STRING_OR_NUMBER_FIELDS } from './variables'

/**
 * The CSL item types a user record may have (CSL 1.0.2).
 * @internal
 */
export const cslTypes: readonly string[] = Object.freeze([
  'article',
  'article-journal',
  'article-magazine',
  'article-newspaper',
  'bill',
  'book',
  'broadcast',
  'chapter',
  'classic',
  'collection',
  'dataset',
  'document',
  'entry',
  'entry-dictionary',
  'entry-encyclopedia',
  'event',
  'figure',
  'graphic',
  'hearing',
  'interview',
  'legal_case',
  'legislation',
  'manuscript',
  'map',
  'motion_picture',
  'musical_score',
  'pamphlet',
  'paper-conference',
  'patent',
  'performance',
  'periodical',
  'personal_communication',
  'post',
  'post-weblog',
  'regulation',
  'report',
  'review',
  'review-book',
  'software',
  'song',
  'speech',
  'standard',
  'thesis',
  'treaty',
  'webpage',
])

const NAME_STRING_PARTS = new Set([
  'family',
  'given',
  'literal',
  'suffix',
  'dropping-particle',
  'non-dropping-particle',
])
const NAME_FLAG_PARTS = new Set(['comma-suffix', 'static-ordering', 'parse-names'])

/**
 * citeproc keeps names and ids as keys of plain objects, and crashes on a name or id that is one of
 * Object.prototype's property names ("valueOf", "constructor", …), even with trailing punctuation.
 */
const PROTOTYPE_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype))
const isPrototypeKey = (s: string): boolean => PROTOTYPE_KEYS.has(s.replace(/^[\s.,;:]+|[\s.,;:]+$/g, ''))

/**
 * Length limits on user records (docs/limits.md). citeproc's name handling is quadratic in the words of one name part
 * (a 16,000-word author took 9 s), so name parts are short; other text is linear but still bounded.
 * @internal
 */
export const RECORD_LIMITS = Object.freeze({
  /** Characters in one name part (family, given, literal, …). */
  namePart: 1_000,
  /** Names in one name variable (author, editor, …). */
  names: 1_000,
  /** Characters in a text or number variable other than the long ones below. */
  text: 10_000,
  /** Characters in `abstract`, `note`, `annote` and `references`. */
  longText: 100_000,
  /** Characters of JSON in `custom`; entries in `categories`. */
  custom: 100_000,
  categories: 1_000,
})
const LONG_TEXT = new Set(['abstract', 'note', 'annote', 'references'])

/** Throws LIMIT_EXCEEDED when a string of a record is longer than its limit. */
function checkLength(id: string, field: string, value: string, max: number): void {
  if (value.length > max) {
    throw new KapLiteratureError(
      'LIMIT_EXCEEDED',
      `record ${describeValue(id)}: ${field} is longer than ${max.toLocaleString('en-US')} characters (${value.length.toLocaleString('en-US')})`,
      {
        value: `${value.length} characters`,
        hint: 'see the limits on user records in docs/limits.md',
      },
    )
  }
}

/**
 * The et-al placeholders' family names (src/etal.ts) are reserved: a user record holding one could be mistaken for
 * them, in the same citation as a shipped partial author list or in an export.
 */
function checkReserved(id: string, field: string, value: string): void {
  if (/zzzetalplaceholder/i.test(value))
    invalid(
      id,
      field,
      'holds "Zzzetalplaceholder", a word kap-literature reserves for the "et al." of partial author lists',
      value,
      'remove the word',
    )
}

/** What a user record id may look like: it becomes a BibTeX key, an RIS ID and an HTML attribute. @internal */
export const USER_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_:.-]{0,199}$/
/**
 * The most items one formatting call (formatCitation, formatBibliography) takes: citeproc needs about 1.5 ms per
 * reference, synchronously, so 1,000 items block for about 1.5 s (10,000 took 28 s).
 * @internal
 */
export const MAX_FORMAT_ITEMS = 1_000
/** The most items one export call (toCSLJSON, toBibTeX, toBibLaTeX, toRIS) takes. @internal */
export const MAX_EXPORT_ITEMS = 10_000

/** A DOI we turn into a link. @internal */
export const DOI_PATTERN = /^10\.\d{4,9}\/[^\s"<>]+$/

/**
 * A bibliographic record you supply yourself, as CSL-JSON (the format Zotero, Pandoc and citation-js read).
 * `id` and `type` are required; every other key must be a CSL 1.0.2 variable. Each value is read once (a getter or
 * Proxy cannot show the checks one value and the formatter another; one that cannot be read is refused). Rules:
 * - `id`: letters, digits and `_ : . -`, starting with a letter or digit (it becomes a BibTeX key and an HTML
 *   attribute), and not the id of a shipped study or source;
 * - `type`: a CSL item type such as `article-journal`, `book`, `chapter`, `report` or `webpage`;
 * - a `title`, or a name in `author` or `editor`: the styles print other names (recipient, translator, …) only
 *   beside these;
 * - text variables (`title`, `container-title`, `publisher`, `DOI`, `URL`, …): strings without control characters
 *   other than tab and line breaks, and without the word "Zzzetalplaceholder" (reserved for partial author lists);
 * - number variables (`volume`, `issue`, `page`, `edition`, …): text that does not start with a hyphen or dash, or a
 *   whole number from 0 to `Number.MAX_SAFE_INTEGER` (kept as its text: `12` becomes `'12'`);
 * - name variables (`author`, `editor`, …): arrays of `{ family, given }` or `{ literal }` objects with string parts;
 * - date variables (`issued`, `accessed`, …): `{ 'date-parts': [[year, month?, day?]] }` with integers: a year from
 *   -9999 to 9999 other than 0 (negative years are BC), a month 1–12 or a season 13–16 (spring, summer, autumn,
 *   winter; BibTeX, BibLaTeX and RIS cannot hold a season and refuse it), a day the month has; a range is two dates
 *   of the same form, the second not before the first. `season` and `circa` are allowed; `literal` and `raw` are
 *   not (the exports cannot hold a date as text);
 * - lengths (docs/limits.md; `LIMIT_EXCEEDED` past them): a name part and each of `categories` at most 1,000
 *   characters; at most 1,000 names per name variable; text and number variables at most 10,000 characters,
 *   `abstract`, `note`, `annote` and `references` 100,000; `custom` 100,000 characters of JSON;
 * - `DOI`: a DOI, kept in its bare form (`https://doi.org/10.1/x`, `dx.doi.org/…` and `doi:10.1/x` become `10.1/x`, case
 *   kept), so that styles print it once; a value that is not a DOI (`10.`, registrant digits, `/`, a suffix without
 *   whitespace), or one with `<` before a letter (which would print as markup), is refused. It is linked only when
 *   it matches `^10\.\d{4,9}/[^\s"<>]+$`, otherwise printed as text;
 * - `URL`: without whitespace, `"`, `<` or `>` (a valid URL percent-encodes them); linked only when it is an `http:`
 *   or `https:` URL, otherwise printed as text.
 * @example
 * ```ts
 * import type { CiteRecord } from 'kap-literature/cite'
 * const mine: CiteRecord = {
 *   id: 'smith-2024',
 *   type: 'article-journal',
 *   title: 'A trial of something',
 *   author: [{ family: 'Smith', given: 'Ana' }],
 *   'container-title': 'Journal of Examples',
 *   issued: { 'date-parts': [[2024]] },
 *   DOI: '10.5555/example.2024.1',
 * }
 * ```
 */
export interface CiteRecord {
  readonly id: string
  readonly type: string
  readonly title?: string
  readonly 'container-title'?: string
  readonly author?: readonly CslName[]
  readonly editor?: readonly CslName[]
  readonly issued?: CslDate | { readonly literal?: string; readonly raw?: string }
  readonly volume?: string | number
  readonly issue?: string | number
  readonly page?: string | number
  readonly publisher?: string
  readonly DOI?: string
  readonly URL?: string
  readonly PMID?: string
  /** Any other CSL 1.0.2 variable. */
  readonly [variable: string]: unknown
}

/** A resolved item: its CSL object and the links we may build for it. @internal */
export interface Resolved {
  readonly id: string
  readonly csl: CslObject
  readonly shipped: boolean
  /**
   * A shipped record with a partial author list, given the et-al placeholders for formatting (src/etal.ts): only its
   * output is cleaned of them, and the exports take them out again.
   */
  readonly partialAuthors?: boolean
  /** `https://doi.org/…` when the DOI is valid. */
  readonly doiHref?: string
  /** The URL when it is http(s). */
  readonly urlHref?: string
}

const shippedCsl = new Map<string, CslObject>()
const shippedByObject = new Map<object, string>()
for (const r of [...studies, ...sources]) {
  shippedCsl.set(r.id, citationCsl(r) as unknown as CslObject)
  shippedByObject.set(r, r.id)
  shippedByObject.set(r.csl, r.id)
  shippedByObject.set(citationCsl(r), r.id)
}

/** Every shipped study and source id, sorted. @internal */
export function shippedIds(): string[] {
  return [...shippedCsl.keys()].sort()
}

function invalid(id: string | undefined, field: string, problem: string, value: unknown, hint: string): never {
  const where = id === undefined ? 'record' : `record ${describeValue(id)}`
  throw new KapLiteratureError('INVALID_RECORD', `${where}: ${field} ${problem}`, { value, hint })
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false
  const proto = Object.getPrototypeOf(v) as unknown
  return proto === Object.prototype || proto === null
}

/**
 * The elements of an array, each read once, after its length is read once and checked against `max` (a Proxy may
 * report any length, and change it between reads).
 */
function readArray(id: string, field: string, value: unknown, max: number, what: string, hint: string): unknown[] {
  if (!Array.isArray(value)) return invalid(id, field, `must be ${what}, got ${describeValue(value)}`, value, hint)
  const n: unknown = value.length
  if (typeof n !== 'number' || n > max) {
    // A date's parts have a fixed form; only name and category lists are long enough to be a size limit.
    if (max < 10) invalid(id, field, `must be ${what}`, value, hint)
    throw new KapLiteratureError(
      'LIMIT_EXCEEDED',
      `record ${describeValue(id)}: ${field} has more than ${max.toLocaleString('en-US')} entries`,
      { value: `${String(n)} entries`, hint: 'see docs/limits.md' },
    )
  }
  const out: unknown[] = []
  for (let i = 0; i < n; i++) out.push(value[i])
  return out
}

/** C0 control characters other than tab, line feed and carriage return: XML cannot hold them, BibTeX drops them. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/

/** An example of text for a field's hint (the field's own kind of text is not known here). */
const TEXT_EXAMPLE = 'Ketamine for depression'

/** A text value of a record: a string within `max` characters, without control characters or the reserved word. */
function checkText(id: string, field: string, value: unknown, max: number): string {
  if (typeof value !== 'string')
    return invalid(
      id,
      field,
      `must be a string, got ${describeValue(value)}`,
      value,
      `give ${field} as text, e.g. '${TEXT_EXAMPLE}'`,
    )
  checkLength(id, field, value, max)
  const control = CONTROL.exec(value)
  if (control !== null)
    invalid(
      id,
      field,
      `holds a control character (U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`,
      value,
      'remove control characters: XML and BibTeX cannot hold them (tabs and line breaks are fine)',
    )
  checkReserved(id, field, value)
  return value
}

function checkName(id: string, where: string, name: unknown): Record<string, unknown> {
  if (!isPlainObject(name))
    invalid(
      id,
      where,
      `must be a name object such as { family: 'Smith', given: 'Ana' }, got ${describeValue(name)}`,
      name,
      "write each name as an object: { family: 'Smith', given: 'Ana' } or { literal: 'World Health Organization' }",
    )
  const clean: Record<string, unknown> = {}
  for (const [part, value] of Object.entries(name)) {
    if (NAME_STRING_PARTS.has(part)) {
      clean[part] = checkText(id, `${where}.${part}`, value, RECORD_LIMITS.namePart)
      if (isPrototypeKey(value as string))
        invalid(
          id,
          `${where}.${part}`,
          `${describeValue(value)} is a name citeproc cannot process`,
          value,
          'a name part may not be a JavaScript property name such as __proto__ or constructor',
        )
    } else if (NAME_FLAG_PARTS.has(part)) {
      if (!['string', 'number', 'boolean'].includes(typeof value))
        invalid(id, `${where}.${part}`, `must be a string, number or boolean`, value, `e.g. ${part}: true`)
      clean[part] = value
    } else {
      invalid(
        id,
        `${where}.${part}`,
        'is not a CSL name part',
        value,
        'name parts are family, given, literal, suffix, dropping-particle, non-dropping-particle',
      )
    }
  }
  const has = (k: string) => typeof clean[k] === 'string' && (clean[k] as string).trim() !== ''
  if (!has('family') && !has('literal')) {
    invalid(
      id,
      where,
      'needs a family name, or a literal name for an organisation',
      clean,
      "e.g. { family: 'Smith', given: 'Ana' } or { literal: 'World Health Organization' }",
    )
  }
  return clean
}

/** Days in a month of the proleptic Gregorian calendar (year 1 BC is -1, so leap years are -1, -5, …). */
const daysIn = (year: number, month: number): number =>
  new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !leap(year) ? 1 : 0)
const leap = (y: number): boolean => {
  const a = y < 0 ? y + 1 : y
  return a % 4 === 0 && (a % 100 !== 0 || a % 400 === 0)
}

/** One [year, month?, day?] of a date: a year other than 0, a month 1–12 or a season 13–16, a day the month has. */
function checkDatePart(id: string, where: string, value: unknown): number[] {
  const example = "e.g. { 'date-parts': [[2019, 3, 27]] }"
  const part = readArray(id, where, value, 3, '[year], [year, month] or [year, month, day]', example)
  if (part.length === 0) invalid(id, where, 'must be [year], [year, month] or [year, month, day]', part, example)
  const [year, month, day] = part.map((n, j) => {
    if (typeof n !== 'number' || !Number.isInteger(n))
      return invalid(id, `${where}[${j}]`, `must be an integer, got ${describeValue(n)}`, n, 'write 2019, not "2019"')
    return n
  }) as [number, number?, number?]
  const bad = (j: number, problem: string, hint: string) => invalid(id, `${where}[${j}]`, problem, part[j], hint)
  if (year === 0 || year < -9999 || year > 9999)
    bad(0, `must be a year from -9999 to 9999 other than 0, got ${year}`, 'CSL has no year 0: 1 BC is -1')
  if (month !== undefined && (month < 1 || month > 16))
    bad(
      1,
      `must be a month from 1 to 12 (or a season: 13 spring, 14 summer, 15 autumn, 16 winter), got ${month}`,
      'leave the month out if it is not known: [2019]',
    )
  if (day !== undefined) {
    if (month! > 12) bad(2, 'is a day, but a season (month 13–16) has no day', 'write a season as [year, 13–16]')
    const max = daysIn(year, month!)
    if (day < 1 || day > max)
      bad(2, `must be a day from 1 to ${max} of ${year}-${month}, got ${day}`, 'leave the day out if it is not known')
  }
  return part as number[]
}

/** A date: `date-parts` (one date, or two of the same form for a range, not ending before it starts), `season`, `circa`. */
function checkDate(id: string, field: string, date: unknown): Record<string, unknown> {
  if (!isPlainObject(date))
    invalid(
      id,
      field,
      `must be a date object such as { 'date-parts': [[2019, 3, 27]] }, got ${describeValue(date)}`,
      date,
      "e.g. { 'date-parts': [[2019, 3, 27]] }",
    )
  const clean: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(date)) {
    if (key === 'date-parts') {
      const where = `${field}.date-parts`
      const what = 'one [year, month?, day?] array (or two for a range)'
      const example = 'e.g. [[2019, 3, 27]], or [[2019, 3], [2020, 4]] for a range'
      const parts = readArray(id, where, value, 2, what, example)
      if (parts.length === 0) invalid(id, where, `must hold ${what}`, value, example)
      const [from, to] = parts.map((p, i) => checkDatePart(id, `${where}[${i}]`, p)) as [number[], number[]?]
      if (to !== undefined) {
        const hint = 'write both ends alike: [[2019, 3], [2020, 4]], not [[2019, 3], [2020]]'
        if (to.length !== from.length) invalid(id, where, 'is a range whose two ends have different parts', parts, hint)
        if (from.length > 1 && from[1]! > 12 !== to[1]! > 12)
          invalid(id, where, 'is a range from a month to a season', parts, hint)
        const order = from.findIndex((n, j) => n !== to[j])
        if (order !== -1 && from[order]! > to[order]!)
          invalid(id, where, 'is a range that ends before it starts', parts, 'put the earlier date first')
      }
      clean[key] = to === undefined ? [from] : [from, to]
    } else if (key === 'literal' || key === 'raw') {
      invalid(
        id,
        `${field}.${key}`,
        'is not supported: the exports cannot hold a date as text',
        value,
        key === 'raw'
          ? "write the date as { 'date-parts': [[2020, 5, 17]] }"
          : "write it as date-parts: a season as month 13–16 ({ 'date-parts': [[2020, 13]] } is spring 2020), an uncertain date with circa: true",
      )
    } else if (key === 'season' || key === 'circa') {
      if (!['string', 'number', 'boolean'].includes(typeof value) || (key === 'season' && typeof value === 'boolean'))
        invalid(
          id,
          `${field}.${key}`,
          'has the wrong type',
          value,
          key === 'season' ? 'a season is text or a number 1–4' : 'circa is true or false',
        )
      if (typeof value === 'string') checkText(id, `${field}.${key}`, value, RECORD_LIMITS.namePart)
      clean[key] = value
    } else if (value !== undefined) {
      invalid(id, `${field}.${key}`, 'is not a CSL date key', value, "use { 'date-parts': [[year, month, day]] }")
    }
  }
  if (clean['date-parts'] === undefined)
    invalid(id, field, "needs 'date-parts'", date, "e.g. { 'date-parts': [[2019]] }")
  return clean
}

/**
 * A number variable (volume, issue, page, edition, …): text as given, or a whole number from 0 to
 * Number.MAX_SAFE_INTEGER, kept as its decimal text (citeproc crashes on some numbers and drops others). Text that
 * starts with a hyphen or dash is refused: citeproc reads it as an open range and drops the dash ("-1" printed "1").
 */
function checkNumber(id: string, field: string, value: unknown): string {
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && value >= 0) return String(value)
    return invalid(
      id,
      field,
      `must be a whole number from 0 up, got ${String(value)}`,
      value,
      `write other values as text, e.g. ${field}: '12-14' or 'S1'`,
    )
  }
  if (typeof value !== 'string')
    return invalid(
      id,
      field,
      `must be a string or a number, got ${describeValue(value)}`,
      value,
      `e.g. ${field}: 12 or ${field}: '12-14'`,
    )
  if (/^\s*[-\u2010-\u2013]/.test(value))
    invalid(
      id,
      field,
      `may not start with a hyphen or dash, got ${describeValue(value)}`,
      value,
      "citeproc would drop it; write a range as '12-14'",
    )
  return checkText(id, field, value, RECORD_LIMITS.text)
}

/**
 * A record's DOI in its bare form (`https://doi.org/10.1/x` and `doi:10.1/x` become `10.1/x`, case kept), so that
 * styles, which add their own `https://doi.org/` or `doi:`, print it once. A value that is not a DOI is refused.
 */
function checkDoi(id: string, value: string): string {
  const doi = bareDoi(value)
  if (doi !== undefined) {
    // citeproc leaves `<` in a DOI unescaped, so `<b>` would be read as markup; an SICI DOI's `<693::…>` is fine.
    if (/<\/?[a-z]/i.test(doi))
      invalid(id, 'DOI', `holds markup-like text: ${describeValue(value)}`, value, 'percent-encode < and > (%3C, %3E)')
    return doi
  }
  const hint =
    value.trim() === ''
      ? 'leave DOI out when the record has none'
      : /^[a-z][a-z0-9+.-]*:|^www\./i.test(value.trim())
        ? 'a web address goes in URL; DOI holds only a DOI such as 10.1080/02791072.2019.1587556'
        : 'write the DOI as 10.<registrant>/<suffix>, e.g. 10.1080/02791072.2019.1587556, or leave DOI out'
  return invalid(id, 'DOI', `is not a DOI: ${describeValue(value)}`, value, hint)
}

/** The doi.org URL for a DOI, or undefined when it does not match the DOI pattern. @internal */
export function doiHref(doi: unknown): string | undefined {
  if (typeof doi !== 'string' || !DOI_PATTERN.test(doi)) return undefined
  // Characters that would change a URL's meaning are percent-encoded; `"`, `<`, `>` and whitespace cannot occur.
  return `https://doi.org/${doi.replace(/[%#?]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`
}

/** The URL itself when it is a well-formed http(s) URL without whitespace, quotes or angle brackets. @internal */
export function urlHref(url: unknown): string | undefined {
  if (typeof url !== 'string' || !/^https?:\/\/[^\s"<>]+$/i.test(url)) return undefined
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? url : undefined
  } catch {
    return undefined
  }
}

/**
 * Validates a user CSL-JSON record and returns a clean copy (same keys, same order). Every value of the record is
 * read once, into the copy that is validated and used: a getter or Proxy cannot show validation one value and
 * formatting another. A record that cannot be read (a revoked Proxy, a trap or getter that throws) is INVALID_RECORD.
 * @internal
 */
export function validateRecord(record: unknown): CslObject {
  try {
    return snapshot(record)
  } catch (cause) {
    if (cause instanceof KapLiteratureError) throw cause
    throw new KapLiteratureError('INVALID_RECORD', 'a record could not be read', {
      value: undefined,
      cause,
      hint: 'pass plain data (objects, arrays, strings, numbers), not a Proxy or getters that throw',
    })
  }
}

function snapshot(record: unknown): CslObject {
  if (!isPlainObject(record))
    invalid(
      undefined,
      'value',
      `must be a plain CSL-JSON object, got ${describeValue(record)}`,
      record,
      "e.g. { id: 'smith-2024', type: 'article-journal', title: '…' }",
    )
  const entries = Object.entries(record)
  const read = new Map(entries)
  const rawId = read.get('id')
  if (typeof rawId !== 'string') {
    const hint = read.has('csl')
      ? 'pass the shipped id, or record.csl of a shipped record'
      : "give every record a string id such as 'smith-2024'"
    invalid(undefined, 'id', `must be a string, got ${describeValue(rawId)}`, rawId, hint)
  }
  const id = rawId
  if (!USER_ID_PATTERN.test(id))
    invalid(
      id,
      'id',
      'may hold only ASCII letters, digits and _ : . - (it becomes a BibTeX key)',
      id,
      'e.g. smith-2024',
    )
  if (isPrototypeKey(id)) invalid(id, 'id', 'is a name citeproc cannot process', id, 'e.g. smith-2024')
  // Compared as every entry reads ids (any case): 'DORE-2019' names the shipped dore-2019, and BibTeX keys that differ
  // only in case are one key to BibTeX.
  if (shippedCsl.has(idForm(id))) {
    invalid(
      id,
      'id',
      'is the id of a shipped record',
      id,
      `pass the id '${idForm(id)}' to use the shipped record, or give your record another id`,
    )
  }
  const type = read.get('type')
  if (typeof type !== 'string' || !cslTypes.includes(type)) {
    invalid(
      id,
      'type',
      `must be a CSL item type, got ${describeValue(type)}`,
      type,
      'e.g. article-journal, book, chapter, report, webpage',
    )
  }
  const clean: Record<string, unknown> = {}
  for (const [field, value] of entries) {
    if (value === undefined) continue
    if (field === 'id' || field === 'type') {
      clean[field] = value
    } else if (STRING_FIELDS.has(field)) {
      const text = checkText(id, field, value, LONG_TEXT.has(field) ? RECORD_LIMITS.longText : RECORD_LIMITS.text)
      if (field === 'URL' && /[\s"<>]/.test(text))
        invalid(
          id,
          field,
          `holds a space, a quote or an angle bracket: ${describeValue(text)}`,
          text,
          'a valid URL percent-encodes them: %20, %22, %3C, %3E',
        )
      clean[field] = field === 'DOI' ? checkDoi(id, text) : text
    } else if (STRING_OR_NUMBER_FIELDS.has(field)) {
      clean[field] = checkNumber(id, field, value)
    } else if (NAME_FIELDS.has(field)) {
      const names = readArray(
        id,
        field,
        value,
        RECORD_LIMITS.names,
        'an array of names',
        "e.g. [{ family: 'Smith', given: 'Ana' }]",
      )
      clean[field] = names.map((name, i) => checkName(id, `${field}[${i}]`, name))
    } else if (DATE_FIELDS.has(field)) {
      clean[field] = checkDate(id, field, value)
    } else if (field === 'categories') {
      const example = "e.g. ['psychiatry', 'ketamine']"
      const list = readArray(id, field, value, RECORD_LIMITS.categories, 'an array of strings', example)
      clean[field] = list.map((c, i) => {
        if (typeof c !== 'string') invalid(id, field, 'must be an array of strings', c, example)
        return checkText(id, `${field}[${i}]`, c, RECORD_LIMITS.namePart)
      })
    } else if (field === 'custom') {
      if (!isPlainObject(value))
        invalid(id, field, 'must be a plain object', value, "e.g. custom: { note: 'read in 2024' }")
      let json: string
      try {
        json = JSON.stringify(value)
      } catch (cause) {
        throw new KapLiteratureError('INVALID_RECORD', `record ${describeValue(id)}: custom must be JSON`, {
          value,
          cause,
          hint: 'custom may hold only plain data: objects, arrays, strings, numbers, booleans (no cycles or BigInt)',
        })
      }
      checkLength(id, 'custom (as JSON)', json, RECORD_LIMITS.custom)
      clean[field] = JSON.parse(json) as unknown
    } else {
      invalid(
        id,
        field,
        'is not a CSL-JSON variable',
        value,
        'see the variables of CSL 1.0.2: https://docs.citationstyles.org/en/stable/specification.html#appendix-iv-variables',
      )
    }
  }
  return Object.freeze(clean) as CslObject
}

function resolveString(given: string): Resolved {
  // A shipped id is read as in every entry: in any case, without surrounding spaces.
  const key = idForm(given)
  const value = isStudyId(key) || isSourceId(key) ? key : given
  if (isStudyId(value)) return resolvedShipped(value, citationCsl(getStudy(value)) as unknown as CslObject)
  if (isSourceId(value)) return resolvedShipped(value, citationCsl(getSource(value)) as unknown as CslObject)
  const trimmed = value.trim()
  const doi = normalizeDoi(trimmed)
  if (doi !== undefined && /10\.\d/.test(trimmed)) {
    const match = findStudy({ doi })
    throw new KapLiteratureError(
      'INVALID_ARGUMENT',
      `${describeValue(value)} is a DOI, not a record: kap-literature never looks DOIs up`,
      {
        value,
        hint:
          match !== undefined
            ? `use the shipped id '${match.id}'`
            : 'pass a CSL-JSON object with this DOI in its DOI field',
      },
    )
  }
  if (/^(?:https?:|www\.|[a-z][a-z0-9+.-]*:\/\/)/i.test(trimmed)) {
    throw new KapLiteratureError(
      'INVALID_ARGUMENT',
      `${describeValue(value)} is a URL, not a record: kap-literature never fetches anything`,
      {
        value,
        hint: 'pass a CSL-JSON object with this address in its URL field',
      },
    )
  }
  if (/^@\s*[a-z]+\s*[{(]/i.test(trimmed) || /^TY {2}- /m.test(trimmed)) {
    throw new KapLiteratureError(
      'INVALID_ARGUMENT',
      'BibTeX or RIS text is not a record: kap-literature does not parse strings',
      {
        value,
        hint: 'convert it to CSL-JSON first (for example by exporting CSL-JSON from Zotero) and pass the objects',
      },
    )
  }
  if (/^[[{]/.test(trimmed)) {
    throw new KapLiteratureError('INVALID_ARGUMENT', 'a JSON string is not a record', {
      value,
      hint: 'pass the parsed object (JSON.parse) instead',
    })
  }
  if (/^\d{1,9}$/.test(trimmed.replace(/^pmid:\s*/i, ''))) {
    const match = findStudy({ pmid: trimmed.replace(/^pmid:\s*/i, '') })
    throw new KapLiteratureError(
      'INVALID_ARGUMENT',
      `${describeValue(value)} looks like a PubMed id, not a record id`,
      {
        value,
        hint:
          match !== undefined
            ? `use the shipped id '${match.id}'`
            : 'pass a CSL-JSON object with this PMID in its PMID field',
      },
    )
  }
  if (isClaimId(value)) {
    throw new KapLiteratureError(
      'UNKNOWN_ID',
      `${describeValue(value)} is a claim id; only studies and sources can be cited`,
      {
        value,
        hint: 'cite the studies in the claim\u2019s evidence (evidenceFor(id))',
      },
    )
  }
  const several = joinedIds(value, (id) => citableIds.includes(id))
  if (several !== undefined)
    throw new KapLiteratureError('UNKNOWN_ID', `${describeValue(value)} holds several ids: give each as its own item`, {
      value,
      hint: `pass an array: ${JSON.stringify(several)}`,
    })
  const near = closest(value, citableIds)
  throw new KapLiteratureError(
    'UNKNOWN_ID',
    `unknown study or source ${describeValue(value)}${near === undefined ? '' : ` (did you mean "${near}"?)`}`,
    { value, hint: near ?? 'no id is close; studies() and sources() list them all' },
  )
}

const leadIds: ReadonlySet<string> = new Set([...studies, ...sources].filter((r) => !isCitable(r)).map((r) => r.id))
/** The shipped ids that can be cited, sorted (suggestions for an unknown id). */
const citableIds: readonly string[] = [...studies, ...sources]
  .filter((r) => isCitable(r))
  .map((r) => r.id)
  .sort()

function resolvedShipped(id: string, csl: CslObject): Resolved {
  // A shipped study kept as a lead (authors, title, date or journal unconfirmed) is never formatted or exported.
  if (leadIds.has(id)) {
    throw notCitableError(id)
  }
  const study = studies.find((x) => x.id === id)
  // A partial author list gets the et-al placeholders for formatting; the exports take them out again.
  const formatted =
    study?.authorsComplete === false ? (withEtAlPlaceholders(csl as never, false) as unknown as CslObject) : csl
  return withLinks({ id, csl: formatted, shipped: true, ...(formatted === csl ? {} : { partialAuthors: true }) })
}

function withLinks(r: Resolved): Resolved {
  const doi = doiHref(r.csl.DOI)
  const url = urlHref(r.csl.URL)
  return { ...r, ...(doi === undefined ? {} : { doiHref: doi }), ...(url === undefined ? {} : { urlHref: url }) }
}

/** Resolves one item: a shipped id, a shipped record (or its `csl`), or a user CSL-JSON object. @internal */
export function resolveItem(item: unknown): Resolved {
  if (typeof item === 'string') return resolveString(item)
  if (item !== null && typeof item === 'object') {
    const shippedId = shippedByObject.get(item)
    if (shippedId !== undefined) return resolvedShipped(shippedId, shippedCsl.get(shippedId)!)
    if (isArray(item)) {
      throw new KapLiteratureError('INVALID_ARGUMENT', 'expected one item (an id or a CSL-JSON object), got an array', {
        value: item,
        hint: 'use formatBibliography or formatCitation for a list',
      })
    }
    const csl = validateRecord(item)
    return withLinks({ id: csl.id, csl, shipped: false })
  }
  throw new KapLiteratureError(
    'INVALID_ARGUMENT',
    `expected a study or source id or a CSL-JSON object, got ${describeValue(item)}`,
    {
      value: item,
      hint: "e.g. 'dore-2019' or { id: 'smith-2024', type: 'article-journal', title: '…' }",
    },
  )
}

/** Array.isArray, false for a revoked Proxy (where it throws). */
function isArray(value: unknown): value is unknown[] {
  try {
    return Array.isArray(value)
  } catch {
    return false
  }
}

/**
 * Resolves a list of items in order. A shipped record listed twice appears once; two different user records with the
 * same id are an error.
 * @internal
 */
export function resolveItems(items: unknown, fn: string, max: number = MAX_FORMAT_ITEMS): Resolved[] {
  // The list is read once: its length once, then each position once (a Proxy may report any length, or change it).
  let list: unknown[] | undefined
  try {
    if (Array.isArray(items)) {
      const length = Number(items.length)
      if (length > max) {
        throw new KapLiteratureError(
          'LIMIT_EXCEEDED',
          `${fn} takes at most ${max.toLocaleString('en-US')} items per call, got ${length.toLocaleString('en-US')}`,
          {
            value: `${length} items`,
            hint:
              max === MAX_FORMAT_ITEMS
                ? `citeproc formats about 1,000 references a second and blocks while it does; split the list, or format in a Worker (docs/limits.md)`
                : 'split the list (docs/limits.md)',
          },
        )
      }
      list = []
      for (let i = 0; i < length; i++) list.push(items[i])
    }
  } catch (cause) {
    if (cause instanceof KapLiteratureError) throw cause
    throw new KapLiteratureError('INVALID_ARGUMENT', `${fn} could not read its list of items`, {
      cause,
      hint: 'pass a plain array',
    })
  }
  if (list === undefined) {
    throw new KapLiteratureError(
      'INVALID_ARGUMENT',
      `${fn} expects an array of ids or CSL-JSON objects, got ${describeValue(items)}`,
      {
        value: items,
        hint: typeof items === 'string' ? `wrap it in an array: ${fn}([${JSON.stringify(items)}], …)` : undefined,
      },
    )
  }
  const out: Resolved[] = []
  const seen = new Map<string, Resolved>()
  for (const item of list) {
    const r = resolveItem(item)
    const earlier = seen.get(r.id)
    if (earlier !== undefined) {
      if (earlier.shipped || JSON.stringify(earlier.csl) === JSON.stringify(r.csl)) continue
      invalid(r.id, 'id', 'is used by two different records in one list', item, 'give each record its own id')
    }
    seen.set(r.id, r)
    out.push(r)
  }
  return out
}

/**
 * The name variables every built-in style (and AMA, Chicago and MLA) prints where a reference names its authors: a
 * record needs a name in one of them, or a title. Other names (recipient, translator, container-author, …) are
 * printed, if at all, only beside these: a letter with only a recipient came out as "(N.d.)." in APA.
 */
const IDENTIFYING_NAMES = ['author', 'editor']

/**
 * Refuses a user record that no style has anything to identify it by: no title and no author or editor. citeproc
 * would print "(N.d.)." or a bare number for it. Shipped records are citable by construction.
 * @internal
 */
export function requireIdentifiable(record: Resolved): void {
  if (record.shipped) return
  const csl = record.csl as Readonly<Record<string, unknown>>
  const named = IDENTIFYING_NAMES.some((field) => Array.isArray(csl[field]) && (csl[field] as unknown[]).length > 0)
  const titled = typeof csl.title === 'string' && csl.title.trim() !== ''
  if (named || titled) return
  const others = [...NAME_FIELDS].filter((field) => Array.isArray(csl[field]))
  throw new KapLiteratureError(
    'INVALID_RECORD',
    `record ${describeValue(record.id)} has no author, editor or title, so a style has nothing to cite it by`,
    {
      value: record.id,
      hint:
        (others.length > 0 ? `the styles print ${others.join(', ')} only beside an author, editor or title; ` : '') +
        "add a title or an author, e.g. title: 'A book', author: [{ family: 'Smith', given: 'Ana' }]",
    },
  )
}

/** Every citable shipped study and source, sorted by id (the default for the exports; leads are left out). @internal */
export function allShipped(): Resolved[] {
  const citable = new Set<string>([...studies, ...sources].filter((r) => isCitable(r)).map((r) => r.id))
  return shippedIds()
    .filter((id) => citable.has(id))
    .map((id) => resolvedShipped(id, shippedCsl.get(id)!))
}
