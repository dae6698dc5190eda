/**
 * Crossref checks for the maintainer tool scripts/verify-online.ts: parse a Crossref REST API work, compare it with
 * a study record, fetch works politely, and report. Parsing and comparison are pure and tested offline with
 * hand-written fixtures; fetching takes an injected `fetch`, so tests never touch the network.
 *
 * Field names follow the Crossref REST API work format (https://api.crossref.org/swagger-ui, and
 * github.com/CrossRef/rest-api-doc/blob/master/api_format.md): `title`, `subtitle`, `container-title`,
 * `short-container-title`, `issued`/`published-print`/`published-online`/`published`/`posted` (`date-parts`),
 * `author` (`family`, `given`, `name`, `sequence`), `volume`, `issue`, `page`, `article-number`, `type`,
 * `update-to` (set on a notice: the works it updates), `updated-by` (set on a work: the notices that update it,
 * each with `DOI`, `type`, `label`, `source` — `publisher` or `retraction-watch` — `updated` and, for Retraction
 * Watch, `record-id`), and `relation` (`{ "is-preprint-of": [{ "id-type": "doi", "id": … }] }`).
 */
import type { Study } from '../../src/types.ts'

/** A response that is not a Crossref work in the documented shape. */
export class CrossrefFormatError extends Error {
  constructor(message: string) {
    super(`Crossref response: ${message}`)
    this.name = 'CrossrefFormatError'
  }
}

/** One Crossmark or Retraction Watch update (`update-to` / `updated-by` entry). */
export interface CrossrefUpdate {
  /** The other work's DOI: the notice (in `updated-by`) or the updated work (in `update-to`), lower-cased. */
  readonly doi: string
  /** Normalised type: `retraction`, `correction`, `expression_of_concern`, … (lower case, `_` for spaces). */
  readonly type: string
  readonly label?: string
  /** `publisher`, `retraction-watch`, or what Crossref said. */
  readonly source?: string
  /** ISO date of the update, as far as given. */
  readonly date?: string
  /** Retraction Watch record id, when the source is Retraction Watch. */
  readonly recordId?: string
}

/** One `relation` entry, e.g. `is-preprint-of` → a DOI. */
export interface CrossrefRelation {
  readonly type: string
  readonly idType: string
  readonly id: string
}

/** A contributor as Crossref gives it: a person (`family`, `given`) or a group (`name`). */
export interface CrossrefAuthor {
  readonly family?: string
  readonly given?: string
  readonly name?: string
  readonly sequence?: string
}

/** The fields of a Crossref work that verify-online compares, normalised. */
export interface CrossrefFields {
  /** Lower-cased DOI. */
  readonly doi: string
  /** Crossref work type, e.g. `journal-article`, `posted-content`. */
  readonly type?: string
  /** `title[0]`, if any. */
  readonly title?: string
  /** Every title variant: each `title`, and `title[0]: subtitle[0]`. */
  readonly titles: readonly string[]
  /** `container-title`, `short-container-title` and (for preprints) `institution` names. */
  readonly containerTitles: readonly string[]
  /** Distinct years from `issued`, `published-print`, `published-online`, `published` and `posted`, in that order. */
  readonly years: readonly number[]
  readonly authors: readonly CrossrefAuthor[]
  readonly volume?: string
  readonly issue?: string
  readonly page?: string
  readonly articleNumber?: string
  /** Notices that update this work (retractions, corrections, expressions of concern). */
  readonly updatedBy: readonly CrossrefUpdate[]
  /** Works this DOI updates: non-empty when the DOI is itself a notice. */
  readonly updateTo: readonly CrossrefUpdate[]
  readonly relations: readonly CrossrefRelation[]
  /** The title starts with "Retracted:" or "Withdrawn:" (how some publishers mark retracted works). */
  readonly titleSaysRetracted: boolean
}

type Json = Record<string, unknown>

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v)

function optionalString(obj: Json, key: string, path: string): string | undefined {
  const v = obj[key]
  if (v === undefined || v === null) return undefined
  if (typeof v === 'number') return String(v)
  if (typeof v !== 'string') throw new CrossrefFormatError(`${path}.${key} should be a string, got ${describe(v)}`)
  return v.trim() === '' ? undefined : v.trim()
}

function stringList(obj: Json, key: string, path: string): string[] {
  const v = obj[key]
  if (v === undefined || v === null) return []
  if (typeof v === 'string') return v.trim() === '' ? [] : [v.trim()]
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
    throw new CrossrefFormatError(`${path}.${key} should be a list of strings, got ${describe(v)}`)
  }
  return (v as string[]).map((s) => s.trim()).filter((s) => s !== '')
}

function objectList(obj: Json, key: string, path: string): Json[] {
  const v = obj[key]
  if (v === undefined || v === null) return []
  if (!Array.isArray(v) || v.some((x) => !isObject(x)))
    throw new CrossrefFormatError(`${path}.${key} should be a list of objects, got ${describe(v)}`)
  return v as Json[]
}

function describe(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'a list'
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v)
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`
}

/** The `[year, month?, day?]` of a Crossref date object, or `undefined`. */
function dateParts(obj: Json, key: string, path: string): number[] | undefined {
  const v = obj[key]
  if (v === undefined || v === null) return undefined
  if (!isObject(v)) throw new CrossrefFormatError(`${path}.${key} should be a date object, got ${describe(v)}`)
  const parts = v['date-parts']
  if (parts === undefined) return undefined
  if (!Array.isArray(parts) || !Array.isArray(parts[0]))
    throw new CrossrefFormatError(`${path}.${key}.date-parts should be a nested list, got ${describe(parts)}`)
  const first = parts[0] as unknown[]
  // Crossref uses [[null]] for an unknown date.
  if (first.length === 0 || first[0] === null) return undefined
  if (first.some((p) => typeof p !== 'number' || !Number.isInteger(p)))
    throw new CrossrefFormatError(`${path}.${key}.date-parts should hold integers`)
  return first as number[]
}

function isoFromParts(parts: number[] | undefined): string | undefined {
  if (parts === undefined) return undefined
  return parts.map((p, i) => String(p).padStart(i === 0 ? 4 : 2, '0')).join('-')
}

/** Lower case, spaces and hyphens as `_`: `Expression of Concern` → `expression_of_concern`. */
function normalizeUpdateType(type: string): string {
  return type
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
}

function updates(message: Json, key: 'update-to' | 'updated-by'): CrossrefUpdate[] {
  return objectList(message, key, 'message').map((u, i) => {
    const path = `message.${key}[${i}]`
    const doi = optionalString(u, 'DOI', path)
    const type = optionalString(u, 'type', path)
    if (doi === undefined || type === undefined) throw new CrossrefFormatError(`${path} needs a DOI and a type`)
    const label = optionalString(u, 'label', path)
    const source = optionalString(u, 'source', path)
    const date = isoFromParts(dateParts(u, 'updated', path))
    const recordId = optionalString(u, 'record-id', path)
    return {
      doi: doi.toLowerCase(),
      type: normalizeUpdateType(type),
      ...(label === undefined ? {} : { label }),
      ...(source === undefined ? {} : { source }),
      ...(date === undefined ? {} : { date }),
      ...(recordId === undefined ? {} : { recordId }),
    }
  })
}

function relations(message: Json): CrossrefRelation[] {
  const v = message.relation
  if (v === undefined || v === null) return []
  if (!isObject(v)) throw new CrossrefFormatError(`message.relation should be an object, got ${describe(v)}`)
  const out: CrossrefRelation[] = []
  for (const type of Object.keys(v).sort()) {
    const entries = Array.isArray(v[type]) ? (v[type] as unknown[]) : [v[type]]
    for (const [i, e] of entries.entries()) {
      if (!isObject(e)) throw new CrossrefFormatError(`message.relation.${type}[${i}] should be an object`)
      const id = optionalString(e, 'id', `message.relation.${type}[${i}]`)
      if (id === undefined) continue
      out.push({ type, idType: optionalString(e, 'id-type', `message.relation.${type}[${i}]`) ?? 'unknown', id })
    }
  }
  return out
}

const RETRACTED_PREFIX = /^\s*(?:retracted|withdrawn)\s*(?:article)?\s*[:.\-–—]\s*/i

/**
 * Reads a Crossref REST API `/works/{doi}` response into the fields verify-online compares.
 * @param json - the parsed response body: `{ status: "ok", "message-type": "work", message: {...} }`
 * @returns the normalised fields
 * @throws CrossrefFormatError when the body is not a work in the documented shape
 */
export function parseCrossrefWork(json: unknown): CrossrefFields {
  if (!isObject(json)) throw new CrossrefFormatError(`expected a JSON object, got ${describe(json)}`)
  if (json.status !== 'ok') throw new CrossrefFormatError(`status is ${describe(json.status)}, not "ok"`)
  if (json['message-type'] !== undefined && json['message-type'] !== 'work') {
    throw new CrossrefFormatError(`message-type is ${describe(json['message-type'])}, not "work"`)
  }
  const message = json.message
  if (!isObject(message)) throw new CrossrefFormatError(`message should be an object, got ${describe(message)}`)
  const doi = optionalString(message, 'DOI', 'message')
  if (doi === undefined) throw new CrossrefFormatError('message.DOI is missing')

  const titleList = stringList(message, 'title', 'message')
  const subtitles = stringList(message, 'subtitle', 'message')
  const titles = [...titleList]
  if (titleList[0] !== undefined && subtitles[0] !== undefined) titles.push(`${titleList[0]}: ${subtitles[0]}`)

  const institutions = objectList(message, 'institution', 'message')
    .map((inst, i) => optionalString(inst, 'name', `message.institution[${i}]`))
    .filter((n): n is string => n !== undefined)
  const containerTitles = [
    ...new Set([
      ...stringList(message, 'container-title', 'message'),
      ...stringList(message, 'short-container-title', 'message'),
      ...institutions,
    ]),
  ]

  const years: number[] = []
  for (const key of ['issued', 'published-print', 'published-online', 'published', 'posted']) {
    const year = dateParts(message, key, 'message')?.[0]
    if (year !== undefined && !years.includes(year)) years.push(year)
  }

  const authors = objectList(message, 'author', 'message').map((a, i): CrossrefAuthor => {
    const path = `message.author[${i}]`
    const family = optionalString(a, 'family', path)
    const given = optionalString(a, 'given', path)
    const name = optionalString(a, 'name', path)
    const sequence = optionalString(a, 'sequence', path)
    return {
      ...(family === undefined ? {} : { family }),
      ...(given === undefined ? {} : { given }),
      ...(name === undefined ? {} : { name }),
      ...(sequence === undefined ? {} : { sequence }),
    }
  })

  const type = optionalString(message, 'type', 'message')
  const volume = optionalString(message, 'volume', 'message')
  const issue = optionalString(message, 'issue', 'message')
  const page = optionalString(message, 'page', 'message')
  const articleNumber = optionalString(message, 'article-number', 'message')
  return {
    doi: doi.toLowerCase(),
    ...(type === undefined ? {} : { type }),
    ...(titleList[0] === undefined ? {} : { title: titleList[0] }),
    titles,
    containerTitles,
    years,
    authors,
    ...(volume === undefined ? {} : { volume }),
    ...(issue === undefined ? {} : { issue }),
    ...(page === undefined ? {} : { page }),
    ...(articleNumber === undefined ? {} : { articleNumber }),
    updatedBy: updates(message, 'updated-by'),
    updateTo: updates(message, 'update-to'),
    relations: relations(message),
    titleSaysRetracted: titleList.some((t) => RETRACTED_PREFIX.test(t)),
  }
}

// ── comparison ──────────────────────────────────────────────────────────────────────────────────────────────────

/** One difference between a study record and Crossref. `mismatch` fails the run; `info` is printed only. */
export interface Finding {
  readonly study: string
  readonly field: string
  readonly severity: 'mismatch' | 'info'
  /** What the record says (`—` when it has nothing). */
  readonly record: string
  /** What Crossref says. */
  readonly crossref: string
  readonly note?: string
}

/**
 * Text for loose comparison: HTML/JATS tags and entities removed, diacritics stripped, `&` read as "and", lower case,
 * and every run of non-letters/digits as one space. Differences of case, punctuation and markup are not mismatches;
 * a different word is.
 */
export function normalizeText(s: string): string {
  return s
    .replace(/<[^>]*>/g, ' ')
    .replace(/&amp;/gi, '&')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .replace(/&#0*39;|&apos;/gi, "'")
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/&/g, ' and ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

function normalizeContainer(s: string): string {
  return normalizeText(s).replace(/^the /, '')
}

/** A page field as start and end, with dashes unified and abbreviated ends expanded (`189-98` → 189, 198). */
export function normalizePages(page: string): { start: string; end?: string } {
  const compact = page
    .trim()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, '')
    .toLowerCase()
  const m = /^([^-]+)-([^-]+)$/.exec(compact)
  if (m === null) return { start: compact }
  const [, start, end] = m as unknown as [string, string, string]
  const digits = /^(\D*)(\d+)$/
  const s = digits.exec(start)
  const e = digits.exec(end)
  if (s && e && e[1] === '' && e[2]!.length < s[2]!.length) {
    return { start, end: `${s[1]}${s[2]!.slice(0, s[2]!.length - e[2]!.length)}${e[2]}` }
  }
  return { start, end }
}

function pagesMatch(ours: string, theirs: string): boolean {
  const a = normalizePages(ours)
  const b = normalizePages(theirs)
  if (a.start !== b.start) return false
  return a.end === undefined || b.end === undefined || a.end === b.end
}

const RETRACTION_TYPES = new Set(['retraction', 'partial_retraction', 'withdrawal', 'removal'])
const CORRECTION_TYPES = new Set(['correction', 'corrigendum', 'erratum', 'addendum', 'clarification'])
const CONCERN_TYPES = new Set(['expression_of_concern'])

/** The Crossref work types a CSL type is expected to have. */
const expectedTypes: Readonly<Record<string, readonly string[]>> = {
  'article-journal': ['journal-article'],
  review: ['journal-article'],
  article: ['posted-content'],
  chapter: ['book-chapter', 'book-section', 'book-part'],
  book: ['book', 'monograph', 'edited-book', 'reference-book'],
  report: ['report', 'report-component'],
  dataset: ['dataset', 'component'],
}

function distinctByDoi(list: readonly CrossrefUpdate[]): CrossrefUpdate[] {
  const seen = new Map<string, CrossrefUpdate>()
  for (const u of list) if (!seen.has(u.doi)) seen.set(u.doi, u)
  return [...seen.values()]
}

function describeUpdates(list: readonly CrossrefUpdate[]): string {
  return list
    .map((u) => `${u.type} ${u.doi}${u.date ? ` (${u.date})` : ''}${u.source ? ` [${u.source}]` : ''}`)
    .join('; ')
}

function authorKey(a: { family?: string; literal?: string; name?: string }): string | undefined {
  const v = a.family ?? a.literal ?? a.name
  return v === undefined ? undefined : normalizeText(v)
}

function authorLabel(a: { family?: string; given?: string; literal?: string; name?: string }): string {
  return a.literal ?? a.name ?? [a.family, a.given].filter(Boolean).join(', ')
}

/**
 * Compares a study record with its Crossref work. Only fields present on both sides are compared; a field Crossref
 * has and the record lacks is reported as `info` (a lead for the curator, who must still verify it).
 * @param study - the record
 * @param fields - the parsed Crossref work
 * @returns findings in a fixed field order
 */
export function compareWithStudy(study: Study, fields: CrossrefFields): Finding[] {
  const out: Finding[] = []
  const csl = study.csl
  const add = (field: string, severity: Finding['severity'], record: string, crossref: string, note?: string) =>
    out.push({ study: study.id, field, severity, record, crossref, ...(note === undefined ? {} : { note }) })
  const missing = (field: string, value: string) =>
    add(field, 'info', '—', value, 'Crossref has this; the record does not (verify before adding)')

  if (csl.DOI !== undefined && csl.DOI.trim().toLowerCase() !== fields.doi) {
    add('DOI', 'mismatch', csl.DOI, fields.doi, 'Crossref returned a different DOI (an alias or a redirect)')
  }

  const expected = expectedTypes[csl.type]
  if (expected !== undefined && fields.type !== undefined && !expected.includes(fields.type)) {
    add('type', 'mismatch', csl.type, fields.type, `a CSL ${csl.type} is expected to be ${expected.join(' or ')}`)
  }

  if (csl.title !== undefined && fields.titles.length > 0) {
    const ours = normalizeText(csl.title)
    const theirs = fields.titles.map((t) => normalizeText(t.replace(RETRACTED_PREFIX, '')))
    if (!theirs.includes(ours)) add('title', 'mismatch', csl.title, fields.title ?? fields.titles[0]!)
  } else if (csl.title === undefined && fields.title !== undefined) missing('title', fields.title)

  const year = csl.issued?.['date-parts'][0]?.[0]
  if (year !== undefined && fields.years.length > 0) {
    if (!fields.years.includes(year))
      add(
        'issued',
        'mismatch',
        String(year),
        fields.years.join(' / '),
        'no Crossref date (issued, print, online, posted) has this year',
      )
  } else if (year === undefined && fields.years[0] !== undefined) missing('issued', String(fields.years[0]))

  const containers = [csl['container-title'], csl['container-title-short']].filter((c): c is string => c !== undefined)
  if (containers.length > 0 && fields.containerTitles.length > 0) {
    const theirs = fields.containerTitles.map(normalizeContainer)
    if (!containers.some((c) => theirs.includes(normalizeContainer(c))))
      add('container-title', 'mismatch', containers.join(' / '), fields.containerTitles.join(' / '))
  } else if (containers.length === 0 && fields.containerTitles[0] !== undefined)
    missing('container-title', fields.containerTitles[0])

  const ourAuthors = csl.author ?? []
  if (ourAuthors.length > 0 && fields.authors.length > 0) {
    const first = fields.authors.find((a) => a.sequence === 'first') ?? fields.authors[0]!
    if (authorKey(ourAuthors[0]!) !== authorKey(first))
      add('author[0]', 'mismatch', authorLabel(ourAuthors[0]!), authorLabel(first), 'first author differs')
    if (ourAuthors.length !== fields.authors.length) {
      add(
        'author',
        'mismatch',
        `${ourAuthors.length} authors`,
        `${fields.authors.length} authors`,
        'the record should list every author, in order',
      )
    }
  } else if (ourAuthors.length === 0 && fields.authors.length > 0)
    missing('author', `${fields.authors.length} authors, first ${authorLabel(fields.authors[0]!)}`)

  for (const key of ['volume', 'issue'] as const) {
    const ours = csl[key]
    const theirs = fields[key]
    if (ours !== undefined && theirs !== undefined) {
      if (ours.trim().toLowerCase() !== theirs.trim().toLowerCase()) add(key, 'mismatch', ours, theirs)
    } else if (ours === undefined && theirs !== undefined) missing(key, theirs)
  }

  const theirPages = [fields.page, fields.articleNumber].filter((p): p is string => p !== undefined)
  if (csl.page !== undefined && theirPages.length > 0) {
    if (!theirPages.some((p) => pagesMatch(csl.page!, p))) add('page', 'mismatch', csl.page, theirPages.join(' / '))
  } else if (csl.page === undefined && theirPages[0] !== undefined) missing('page', theirPages[0])

  const notices = distinctByDoi(fields.updatedBy)
  const retractions = notices.filter((u) => RETRACTION_TYPES.has(u.type))
  const crossrefRetracted = retractions.length > 0 || fields.titleSaysRetracted
  if (crossrefRetracted !== study.status.retracted) {
    add(
      'status.retracted',
      'mismatch',
      String(study.status.retracted),
      crossrefRetracted
        ? retractions.length > 0
          ? describeUpdates(retractions)
          : 'title marked retracted'
        : 'no retraction notice',
      crossrefRetracted
        ? 'Crossref or Retraction Watch records a retraction'
        : 'the record says retracted; Crossref has no notice',
    )
  }
  const corrections = notices.filter((u) => CORRECTION_TYPES.has(u.type))
  if (corrections.length > study.status.corrections.length) {
    add(
      'status.corrections',
      'mismatch',
      `${study.status.corrections.length} listed`,
      describeUpdates(corrections),
      'Crossref lists more correction notices than the record',
    )
  }
  const concerns = notices.filter((u) => CONCERN_TYPES.has(u.type))
  if (concerns.length > 0)
    add(
      'status',
      'mismatch',
      '—',
      describeUpdates(concerns),
      'an expression of concern; record it in notes and weigh it in certainty',
    )
  const other = notices.filter(
    (u) => !RETRACTION_TYPES.has(u.type) && !CORRECTION_TYPES.has(u.type) && !CONCERN_TYPES.has(u.type),
  )
  if (other.length > 0) add('status', 'info', '—', describeUpdates(other), 'other update notices')

  if (fields.updateTo.length > 0) {
    add(
      'DOI',
      'mismatch',
      csl.DOI ?? '—',
      `a ${fields.updateTo.map((u) => `${u.type} notice for ${u.doi}`).join('; ')}`,
      'this DOI is a notice, not the work itself',
    )
  }

  for (const r of fields.relations.filter((r) => r.type === 'is-preprint-of')) {
    add('relation', 'info', csl.type, `is-preprint-of ${r.id}`, 'a published version exists')
  }
  return out
}

// ── fetching ────────────────────────────────────────────────────────────────────────────────────────────────────

/** The part of the WHATWG `fetch` verify-online uses (so tests can pass a fake). */
export type FetchLike = (
  url: string,
  init: { headers: Record<string, string>; signal: AbortSignal },
) => Promise<{ status: number; headers: { get(name: string): string | null }; text(): Promise<string> }>

/** What looking a DOI up gave. */
export type Lookup =
  | { readonly kind: 'ok'; readonly fields: CrossrefFields }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'http-error'; readonly status: number }
  | { readonly kind: 'bad-response'; readonly message: string }
  | { readonly kind: 'unreachable'; readonly message: string }

/** Options for {@link lookupDoi} and {@link verifyStudies}. */
export interface LookupOptions {
  readonly fetch: FetchLike
  /** Per-request timeout. */
  readonly timeoutMs: number
  readonly userAgent: string
  /** Sent as `mailto=` for Crossref's polite pool, when given. */
  readonly mailto?: string
  /** How long to wait between requests and before a retry after 429 (tests pass a no-op). */
  readonly sleep?: (ms: number) => Promise<void>
}

/** The Crossref works URL of a DOI; the DOI's `/` stays literal, anything that would break the path is encoded. */
export function crossrefWorkUrl(doi: string, mailto?: string): string {
  const path = encodeURI(doi.trim()).replace(/[?#]/g, (c) => encodeURIComponent(c))
  return `https://api.crossref.org/works/${path}${mailto ? `?mailto=${encodeURIComponent(mailto)}` : ''}`
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** A network-level failure: DNS, refused or reset connection, timeout. */
function networkMessage(e: unknown): string {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } }
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return 'timed out'
  const code = err?.cause?.code
  return [err?.message ?? String(e), code ?? err?.cause?.message].filter(Boolean).join(': ')
}

/**
 * Fetches one DOI from the Crossref REST API, retrying once after HTTP 429 (honouring `Retry-After`, at most 30 s).
 * Never throws: network failures are `unreachable`, other problems have their own kinds.
 */
export async function lookupDoi(doi: string, options: LookupOptions): Promise<Lookup> {
  const sleep = options.sleep ?? realSleep
  const url = crossrefWorkUrl(doi, options.mailto)
  for (let attempt = 0; ; attempt++) {
    let response: Awaited<ReturnType<FetchLike>>
    try {
      response = await options.fetch(url, {
        headers: { 'User-Agent': options.userAgent, Accept: 'application/json' },
        signal: AbortSignal.timeout(options.timeoutMs),
      })
    } catch (e) {
      return { kind: 'unreachable', message: networkMessage(e) }
    }
    if (response.status === 429 && attempt === 0) {
      const wait = Number(response.headers.get('retry-after'))
      await sleep(Number.isFinite(wait) && wait > 0 ? Math.min(wait, 30) * 1000 : 2000)
      continue
    }
    if (response.status === 404) return { kind: 'not-found' }
    if (response.status !== 200) return { kind: 'http-error', status: response.status }
    let body: string
    try {
      body = await response.text()
    } catch (e) {
      return { kind: 'unreachable', message: networkMessage(e) }
    }
    try {
      return { kind: 'ok', fields: parseCrossrefWork(JSON.parse(body)) }
    } catch (e) {
      return {
        kind: 'bad-response',
        message: e instanceof SyntaxError ? `not JSON (${e.message})` : (e as Error).message,
      }
    }
  }
}

/** The outcome of a run. */
export interface VerifyReport {
  readonly findings: readonly Finding[]
  /** Studies whose DOI was looked up and compared. */
  readonly checked: readonly string[]
  /** Studies without a DOI (not checked). */
  readonly withoutDoi: readonly string[]
  /** Studies that could not be checked because the network failed. */
  readonly unreachable: readonly string[]
  /** Set when the first request already failed at network level: nothing was checked. */
  readonly networkDown?: string
  /** 0 no mismatches, 1 mismatches (or Crossref errors), 2 network unreachable or checks incomplete. */
  readonly exitCode: 0 | 1 | 2
}

/**
 * Checks each study's DOI against Crossref, one request at a time with a pause between requests.
 * Stops at once, with exit code 2, if the very first request cannot reach the network, or after three network
 * failures in a row.
 */
export async function verifyStudies(
  studies: readonly Study[],
  options: LookupOptions & { readonly delayMs: number },
): Promise<VerifyReport> {
  const sleep = options.sleep ?? realSleep
  const findings: Finding[] = []
  const checked: string[] = []
  const unreachable: string[] = []
  const withoutDoi = studies.filter((s) => s.csl.DOI === undefined).map((s) => s.id)
  let inARow = 0
  let first = true
  for (const study of studies) {
    if (study.csl.DOI === undefined) continue
    if (!first) await sleep(options.delayMs)
    const result = await lookupDoi(study.csl.DOI, options)
    if (result.kind === 'unreachable') {
      if (first || inARow >= 2) {
        const remaining = studies.filter((s) => s.csl.DOI !== undefined && !checked.includes(s.id)).map((s) => s.id)
        return {
          findings,
          checked,
          withoutDoi,
          unreachable: [...new Set([...unreachable, ...remaining])],
          networkDown: result.message,
          exitCode: findings.some((f) => f.severity === 'mismatch') ? 1 : 2,
        }
      }
      inARow++
      unreachable.push(study.id)
      first = false
      continue
    }
    first = false
    inARow = 0
    if (result.kind === 'ok') {
      checked.push(study.id)
      findings.push(...compareWithStudy(study, result.fields))
    } else if (result.kind === 'not-found') {
      findings.push({
        study: study.id,
        field: 'DOI',
        severity: 'mismatch',
        record: study.csl.DOI,
        crossref: 'not found (404)',
        note: 'not a Crossref DOI, or a typo; check https://doi.org/ and the registration agency',
      })
    } else if (result.kind === 'http-error') {
      findings.push({
        study: study.id,
        field: 'DOI',
        severity: 'mismatch',
        record: study.csl.DOI,
        crossref: `HTTP ${result.status}`,
        note: 'Crossref answered with an error; try again later',
      })
    } else {
      findings.push({
        study: study.id,
        field: 'response',
        severity: 'mismatch',
        record: study.csl.DOI,
        crossref: 'unreadable response',
        note: result.message,
      })
    }
  }
  const exitCode = findings.some((f) => f.severity === 'mismatch') ? 1 : unreachable.length > 0 ? 2 : 0
  return { findings, checked, withoutDoi, unreachable, exitCode }
}

// ── reporting ───────────────────────────────────────────────────────────────────────────────────────────────────

function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim() || ' '
}

/** Findings as a markdown table, mismatches first, then by study and field order of discovery. */
export function formatFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return ''
  const rank = (f: Finding) => (f.severity === 'mismatch' ? 0 : 1)
  const sorted = findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || (a.f.study < b.f.study ? -1 : a.f.study > b.f.study ? 1 : a.i - b.i))
    .map(({ f }) => f)
  const rows = sorted.map(
    (f) => `| ${[f.severity, f.study, f.field, f.record, f.crossref, f.note ?? ''].map(cell).join(' | ')} |`,
  )
  return ['| severity | study | field | record | Crossref | note |', '|---|---|---|---|---|---|', ...rows].join('\n')
}

/** The closing summary line. */
export function formatSummary(report: VerifyReport): string {
  const mismatches = report.findings.filter((f) => f.severity === 'mismatch').length
  const notes = report.findings.length - mismatches
  const parts = [
    `verify-online: ${report.checked.length} DOI(s) checked against Crossref`,
    `${mismatches} mismatch(es)`,
    `${notes} note(s)`,
    `${report.withoutDoi.length} stud${report.withoutDoi.length === 1 ? 'y' : 'ies'} without a DOI skipped`,
  ]
  if (report.unreachable.length > 0) parts.push(`${report.unreachable.length} not checked (network)`)
  return parts.join('; ')
}
