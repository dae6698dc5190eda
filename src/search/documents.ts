/**
 * Search documents. At build time, full records become *compact documents* (scripts/build-search-index.ts ships them
 * as the search store): only what search ranks, displays and highlights — titles, author names, tags, a short
 * snippet text, a few words of the record's lay terms, filter values and identifiers. At run time the compact
 * documents become the flat documents the engine indexes.
 * @internal
 * @packageDocumentation
 */
import { authorYear } from '../etal'
import type { Claim, CslItem, CslName, Source, Study } from '../types'
import { isFillerWord, isStopWord, tokenize } from './text'
import type { SearchableType } from './types'

/**
 * Indexed fields: title (a claim's statement), cite (first author and year, as a citation names a study), authors
 * (every author, and the year), tags (design, conditions, routes, journal, topics, verdict, how pages cite it …, and
 * the words of the record's lay terms: what visitors type for it that its text does not say) and body (a short
 * summary: the first sentence of a study's findings, a claim's verdict note or a source's sections).
 * @internal
 */
export const FIELDS = ['title', 'cite', 'authors', 'tags', 'body'] as const

/**
 * One of {@link FIELDS}.
 * @internal
 */
export type FieldName = (typeof FIELDS)[number]

/**
 * The filter values of one record. A record lacks a value its type does not have (claims have no year).
 * @internal
 */
export interface DocFacets {
  readonly type: SearchableType
  readonly year: number | undefined
  readonly design: string | undefined
  readonly condition: readonly string[]
  readonly topic: readonly string[]
  readonly verdict: string | undefined
  readonly route: readonly string[]
  readonly withPsychotherapy: boolean | undefined
  readonly certainty: string | undefined
}

/**
 * One record as search sees it.
 * @internal
 */
export interface SearchDoc {
  readonly type: SearchableType
  readonly id: string
  /** The title shown in results: a study's or source's title, a claim's statement. */
  readonly title: string
  /** Texts to index, per field; computed on first access (only building an index needs them). */
  readonly fields: Readonly<Record<FieldName, string>>
  /** Texts a snippet may be cut from, the default first. */
  readonly snippetTexts: readonly string[]
  readonly facets: DocFacets
  /** Lower-case DOI. */
  readonly doi: string | undefined
  readonly pmid: string | undefined
  /** Upper-case PMCID such as `PMC6123456`. */
  readonly pmcid: string | undefined
  /** Upper-case trial registrations such as `NCT01700829`. */
  readonly registrations: readonly string[]
  /** The URL, normalised by {@link normalizeUrl}. */
  readonly url: string | undefined
}

/**
 * A vocabulary as search needs it: term ids in vocabulary order, with labels.
 * @internal
 */
export type LabelledTerms = readonly { readonly id: string; readonly label: string }[]

/**
 * The vocabularies that label filter values and tags.
 * @internal
 */
export interface SearchVocabularies {
  readonly certainty: LabelledTerms
  readonly conditions: LabelledTerms
  readonly designs: LabelledTerms
  readonly routes: LabelledTerms
  readonly substances: LabelledTerms
  readonly topics: LabelledTerms
  readonly verdicts: LabelledTerms
}

/**
 * The records search covers (full records: the build reads their summaries), and the vocabularies.
 * @internal
 */
export interface SearchCorpus {
  readonly studies: readonly Study[]
  readonly claims: readonly Claim[]
  readonly sources: readonly Source[]
  readonly vocabularies: SearchVocabularies
  /**
   * Lay terms per record (`study:<id>`, `claim:<id>`, `source:<id>`): words a visitor might type for it that its own
   * text does not use (data/search/lay-terms.json). Indexed with the tags, never shown.
   */
  readonly layTerms?: Readonly<Record<string, readonly string[]>>
}

/**
 * One record in the search store: what search ranks, displays and highlights, nothing more. Empty values are left
 * out of the serialized store.
 * @internal
 */
export interface CompactDoc {
  readonly type: SearchableType
  readonly id: string
  /** The display title. */
  readonly title: string
  /** The indexed title, when it differs from the display title (a study whose title is unconfirmed indexes none). */
  readonly titleText?: string
  /** Every author's family name (with particles) or institution name. */
  readonly names?: readonly string[]
  readonly tags?: string
  /** The words of the record's lay terms that its title, tags and snippet lack: indexed with the tags, never shown. */
  readonly lay?: string
  /** Texts a snippet is cut from (and indexed). */
  readonly snippets?: readonly string[]
  /**
   * The rarest words of the record's full text that the rest of the document lacks (added by `loadFullText()` from
   * the full-text supplement, never part of the search store itself): indexed with the body, never shown.
   */
  readonly words?: string
  readonly year?: number
  readonly design?: string
  readonly condition?: readonly string[]
  readonly topic?: readonly string[]
  readonly verdict?: string
  readonly route?: readonly string[]
  readonly withPsychotherapy?: boolean
  readonly certainty?: string
  readonly doi?: string
  readonly pmid?: string
  readonly pmcid?: string
  readonly registrations?: readonly string[]
  readonly url?: string
}

/**
 * Normalises a URL for comparison: no scheme, no `www.`, no fragment, no trailing slash, lower case.
 * Returns `undefined` for text that is not an http(s) URL.
 * @internal
 */
export function normalizeUrl(input: string): string | undefined {
  const m = /^\s*(?:https?:\/\/)(?:www\.)?([^\s#]+?)\/*(?:#\S*)?\s*$/i.exec(input)
  return m === null ? undefined : m[1]!.toLowerCase()
}

function yearOf(csl: CslItem): number | undefined {
  const year = csl.issued?.['date-parts'][0]?.[0]
  return typeof year === 'number' && Number.isInteger(year) ? year : undefined
}

/** An author as search indexes it: the family name with its particles, or an institution's name (given names are not searched). */
function familyText(n: CslName): string {
  return [n['dropping-particle'], n['non-dropping-particle'], n.family, n.literal]
    .filter((p) => p !== undefined)
    .join(' ')
}

/** A display title for a study whose title could not be confirmed: says so, and names what is known. */
function unconfirmedTitle(csl: CslItem, id: string): string {
  const year = yearOf(csl)
  const where = [csl['container-title'], year === undefined ? undefined : String(year)]
    .filter((p) => p !== undefined)
    .join(', ')
  return `${id}: title not confirmed${where === '' ? '' : ` (${where})`}`
}

function host(url: string | undefined): string {
  const m = url === undefined ? null : /^https?:\/\/(?:www\.)?([^/?#]+)/i.exec(url)
  return m === null ? '' : m[1]!
}

function labeller(terms: LabelledTerms): (id: string) => string {
  const labels = new Map(terms.map((t) => [t.id, t.label]))
  return (id) => labels.get(id) ?? id
}

function joined(parts: readonly (string | undefined)[]): string {
  return parts.filter((p): p is string => p !== undefined && p !== '').join('; ')
}

/**
 * At most this many words of a record's lay terms are indexed (the first ones its title, tags and snippet lack, in
 * the order the terms are listed): the search store must keep the search element's page within its budget.
 */
export const LAY_WORDS_PER_RECORD = 10
/** Longest snippet text in characters: about one snippet's length ({@link SNIPPET_LENGTH} of highlight.ts). */
export const LEAD_LENGTH = 150

/**
 * The lead of a summary, shown as the snippet: its first sentence, cut at a word with `…` if longer than
 * {@link LEAD_LENGTH}.
 * @internal
 */
export function leadOf(text: string): string {
  // A sentence does not end at the full stop of "et al." ("Feder et al. 2014 found…").
  const first = /^.*?(?<!\bet al)[.!?](?=\s+[A-Z0-9(]|\s*$)/s.exec(text)?.[0] ?? text
  if (first.length <= LEAD_LENGTH) return first
  const cut = text.lastIndexOf(' ', LEAD_LENGTH - 1)
  const at = cut > LEAD_LENGTH / 2 ? cut : LEAD_LENGTH - 1
  return `${text.slice(0, at).replace(/[\s,;:]+$/, '')}…`
}

/**
 * Claims' notes name studies by record id ("feder-2014"); a snippet shows them as a reader would write them:
 * "Feder et al. 2014", or the title's first words when no author is known.
 * @internal
 */
export function readableIds(studies: readonly Study[]): (text: string) => string {
  const labels = new Map(
    studies.map((s) => {
      const title = s.csl.title?.split(/\s+/)
      const noAuthor =
        title === undefined
          ? 'a study whose details are unconfirmed'
          : `“${title.slice(0, 4).join(' ')}${title.length > 4 ? '…' : ''}”`
      return [s.id, authorYear(s.csl, s.authorsComplete, noAuthor)]
    }),
  )
  const ids = [...labels.keys()].sort((a, b) => b.length - a.length)
  if (ids.length === 0) return (text) => text
  const pattern = new RegExp(
    `(?<![a-z0-9-])(?:${ids.map((id) => id.replace(/-/g, '\\-')).join('|')})(?![a-z0-9-])`,
    'g',
  )
  // "Feder et al. 2014, Feder et al. 2021" → "Feder et al. 2014, 2021", as a reader would write it.
  const SAME_AUTHORS = /(\b[\p{L}'-]+(?: and [\p{L}'-]+| et al\.)?) (\d{4}), \1 (?=\d{4})/gu
  return (text) => {
    let out = text.replace(pattern, (id) => labels.get(id as Study['id']) ?? id)
    for (let before = ''; before !== out;) [before, out] = [out, out.replace(SAME_AUTHORS, '$1 $2, ')]
    return out
  }
}

/**
 * Builds the compact documents of a corpus: studies, then claims, then sources, each in the corpus order.
 * @internal
 */
export function compactDocuments(corpus: SearchCorpus): CompactDoc[] {
  const v = corpus.vocabularies
  const design = labeller(v.designs)
  const condition = labeller(v.conditions)
  const route = labeller(v.routes)
  const substance = labeller(v.substances)
  const topic = labeller(v.topics)
  const verdict = labeller(v.verdicts)
  const sourceById = new Map(corpus.sources.map((s) => [s.id as string, s]))

  const readable = readableIds(corpus.studies)
  // The lead of every summary: the snippet a result shows.
  const leads = [
    ...corpus.studies.map((s) => leadOf(s.findings)),
    ...corpus.claims.map((c) => leadOf(readable(c.verdictNote))),
    ...corpus.sources.map((s) => leadOf(joined(s.sections))),
  ]

  const docs: CompactDoc[] = []
  corpus.studies.forEach((s, i) => {
    const csl = s.csl
    docs.push({
      type: 'study',
      id: s.id,
      title: csl.title ?? unconfirmedTitle(csl, s.id),
      ...(csl.title === undefined ? { titleText: '' } : {}),
      ...people(csl),
      tags: joined([
        design(s.design),
        ...s.conditions.map(condition),
        ...s.intervention.routes.map(route),
        substance(s.intervention.substance),
        s.intervention.withPsychotherapy ? 'with psychotherapy' : undefined,
        csl['container-title'],
        // A journal whose abbreviation is its name (Science, Nature, Neuropsychopharmacology) is named once.
        csl['container-title-short'] === csl['container-title'] ? undefined : csl['container-title-short'],
        csl.publisher,
        // A ClinicalTrials.gov number is never matched as a word: the query cuts it out and looks it up in
        // `registrations` (query.ts), so the tags name only other registries' numbers.
        ...s.registrations.filter((r) => !/^NCT\d{8}$/i.test(r)),
        s.status.retracted ? 'retracted' : undefined,
      ]),
      snippets: [leads[i]!],
      year: yearOf(csl),
      design: s.design,
      condition: s.conditions,
      route: s.intervention.routes,
      withPsychotherapy: s.intervention.withPsychotherapy,
      certainty: s.certainty,
      doi: csl.DOI?.toLowerCase(),
      pmid: csl.PMID,
      pmcid: csl.PMCID?.toUpperCase(),
      registrations: s.registrations.map((r) => r.toUpperCase()),
      url: csl.URL === undefined ? undefined : normalizeUrl(csl.URL),
    })
  })
  corpus.claims.forEach((c, i) => {
    docs.push({
      type: 'claim',
      id: c.id,
      title: c.statement,
      tags: joined([
        ...c.topics.map(topic),
        verdict(c.verdict),
        ...c.madeBy.flatMap((m) => m.citedAs ?? []),
        ...c.madeBy.map((m) => sourceById.get(m.source)?.csl['container-title']),
      ]),
      snippets: [leads[corpus.studies.length + i]!],
      topic: c.topics,
      verdict: c.verdict,
    })
  })
  corpus.sources.forEach((s, i) => {
    const csl = s.csl
    docs.push({
      type: 'source',
      id: s.id,
      title: csl.title ?? s.documentTitle ?? `${s.id}: title not confirmed`,
      ...(csl.title === undefined ? { titleText: s.documentTitle ?? '' } : {}),
      ...people(csl),
      tags: joined([csl['container-title'], csl.publisher, host(csl.URL)]),
      snippets: [leads[corpus.studies.length + corpus.claims.length + i]!],
      year: yearOf(csl),
      doi: csl.DOI?.toLowerCase(),
      url: csl.URL === undefined ? undefined : normalizeUrl(csl.URL),
    })
  })
  return docs.map((d) => prune(withLay(d, corpus.layTerms?.[`${d.type}:${d.id}`])))
}

/** At most this many words of a record's full text join its document in the full-text supplement. */
export const FULL_TEXT_WORDS_PER_RECORD = 40

/**
 * The full-text supplement of a corpus: per compact document (same order), the words of the record's full text —
 * a study's findings, limitations and population, a claim's verdict note and evidence notes, a source's sections —
 * that the document does not already hold, rarest in the corpus first (then alphabetical), at most
 * {@link FULL_TEXT_WORDS_PER_RECORD}; stop words, question words and bare numbers left out. Rare words are what a
 * searcher types for a detail ("bladder", "midazolam") and what tells one record from another.
 * @param docs - the corpus's compact documents ({@link compactDocuments})
 * @internal
 */
export function fullTextWords(corpus: SearchCorpus, docs: readonly CompactDoc[]): string[] {
  const texts = [
    ...corpus.studies.map((s) => joined([s.population, s.findings, s.limitations])),
    ...corpus.claims.map((c) => joined([c.verdictNote, c.verdictRule, ...c.evidence.map((e) => e.note)])),
    ...corpus.sources.map((s) => joined(s.sections)),
  ]
  const words = texts.map((t) =>
    tokenize(t).filter((w) => !isStopWord(w.folded) && !isFillerWord(w.folded) && !/^\d+$/.test(w.folded)),
  )
  const df = new Map<string, number>()
  for (const list of words) for (const term of new Set(list.map((w) => w.term))) df.set(term, (df.get(term) ?? 0) + 1)
  return docs.map((d, i) => {
    const known = termsOf([d.titleText ?? d.title, d.tags, d.lay, ...(d.snippets ?? [])])
    const first = new Map<string, string>()
    for (const w of words[i] ?? []) if (!known.has(w.term) && !first.has(w.term)) first.set(w.term, w.folded)
    return [...first.keys()]
      .sort((a, b) => df.get(a)! - df.get(b)! || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, FULL_TEXT_WORDS_PER_RECORD)
      .map((term) => first.get(term)!)
      .join(' ')
  })
}

/**
 * Adds the words of a record's lay terms that its title, tags and snippet lack (stop and question words left out),
 * each once, at most {@link LAY_WORDS_PER_RECORD}.
 */
function withLay(doc: CompactDoc, terms: readonly string[] | undefined): CompactDoc {
  if (terms === undefined) return doc
  const known = termsOf([doc.title, doc.tags, ...(doc.snippets ?? [])])
  const words: string[] = []
  for (const w of tokenize(terms.join(' '))) {
    if (words.length === LAY_WORDS_PER_RECORD) break
    if (isStopWord(w.folded) || isFillerWord(w.folded) || known.has(w.term)) continue
    known.add(w.term)
    words.push(w.folded)
  }
  return { ...doc, lay: words.join(' ') }
}

/** The index terms of some texts: what a document already holds, so that extra words never repeat it. */
function termsOf(texts: readonly (string | undefined)[]): Set<string> {
  return new Set(tokenize(joined(texts)).map((w) => w.term))
}

/**
 * At most this many names of an author list are searched: APA's reference, the style that prints the most, shows the
 * first 19 and the last, so search finds a record by a name its references print and never by one they leave out.
 */
export const SEARCHED_NAMES = 20

function people(csl: CslItem): { names?: string[] } {
  const all = (csl.author ?? []).map(familyText).filter((n) => n !== '')
  const names = all.length > SEARCHED_NAMES ? [...all.slice(0, SEARCHED_NAMES - 1), all[all.length - 1]!] : all
  return names.length === 0 ? {} : { names }
}

/** Drops undefined values, empty strings and empty lists, so the serialized store holds only what is there. */
function prune(doc: CompactDoc): CompactDoc {
  const out: Record<string, unknown> = {}
  for (const [k, value] of Object.entries(doc)) {
    if (value === undefined || (Array.isArray(value) && value.length === 0) || (value === '' && k !== 'titleText'))
      continue
    out[k] = value
  }
  return out as unknown as CompactDoc
}

function withFields(doc: Omit<SearchDoc, 'fields'>, make: () => Record<FieldName, string>): SearchDoc {
  let fields: Record<FieldName, string> | undefined
  return Object.defineProperty(doc, 'fields', { enumerable: true, get: () => (fields ??= make()) }) as SearchDoc
}

/**
 * The search documents of compact documents (what the engine indexes and shows).
 * @internal
 */
export function documentsFromCompact(compact: readonly CompactDoc[]): SearchDoc[] {
  return compact.map((c) => {
    const year = c.year
    const snippets = c.snippets ?? []
    const doc = {
      type: c.type,
      id: c.id,
      title: c.title,
      snippetTexts: snippets,
      facets: {
        type: c.type,
        year,
        design: c.design,
        condition: c.condition ?? [],
        topic: c.topic ?? [],
        verdict: c.verdict,
        route: c.route ?? [],
        withPsychotherapy: c.withPsychotherapy,
        certainty: c.certainty,
      },
      doi: c.doi,
      pmid: c.pmid,
      pmcid: c.pmcid,
      registrations: c.registrations ?? [],
      url: c.url,
    }
    const yearText = year === undefined ? undefined : String(year)
    return withFields(doc, () => ({
      title: c.titleText ?? c.title,
      cite: c.type === 'claim' ? '' : joined([c.names?.[0], yearText, c.id]),
      authors: joined([...(c.names ?? []), yearText]),
      tags: joined([c.tags, c.lay]),
      body: joined([...snippets, c.words]),
    }))
  })
}

/**
 * Builds the search documents for a corpus of full records: studies, then claims, then sources, each in the corpus
 * order (the build, tests and benchmarks; the search entry reads the shipped store instead).
 * @internal
 */
export function buildDocuments(corpus: SearchCorpus): SearchDoc[] {
  return documentsFromCompact(compactDocuments(corpus))
}
