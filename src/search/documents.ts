/**
 * Turns studies, claims and sources into flat search documents: the texts to index (per field), the texts a snippet
 * may come from, the filter values and the identifiers for exact lookups.
 * @internal
 * @packageDocumentation
 */
import type { Claim, CslItem, CslName, Source, Study, VocabularyTerm } from '../index'
import type { SearchableType } from './types'

/**
 * Indexed fields: title (a claim's statement), cite (first author and year, as a citation names a study), authors
 * (every author, and the year), tags (design, conditions, routes, journal, topics, verdict, how pages cite it …)
 * and body (findings, population and comparator; a claim's verdict note; a source's sections).
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
 * The records search covers, and the vocabularies that label their filter values.
 * @internal
 */
export interface SearchCorpus {
  readonly studies: readonly Study[]
  readonly claims: readonly Claim[]
  readonly sources: readonly Source[]
  readonly vocabularies: {
    readonly certainty: readonly VocabularyTerm[]
    readonly conditions: readonly VocabularyTerm[]
    readonly designs: readonly VocabularyTerm[]
    readonly routes: readonly VocabularyTerm[]
    readonly substances: readonly VocabularyTerm[]
    readonly topics: readonly VocabularyTerm[]
    readonly verdicts: readonly VocabularyTerm[]
  }
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

function nameText(n: CslName): string {
  return [n.given, n['dropping-particle'], n['non-dropping-particle'], n.family, n.literal, n.suffix].filter((p) => p !== undefined).join(' ')
}

function authorsText(csl: CslItem): string {
  const names = (csl.author ?? []).map(nameText)
  const year = yearOf(csl)
  if (year !== undefined) names.push(String(year))
  return names.join('; ')
}

function citeText(csl: CslItem, id: string): string {
  const first = csl.author?.[0]
  const name = first === undefined ? '' : (first.family ?? first.literal ?? '')
  const year = yearOf(csl)
  return joined([name, year === undefined ? undefined : String(year), id])
}

/** A display title for a study whose title could not be confirmed: says so, and names what is known. */
function unconfirmedTitle(csl: CslItem, id: string): string {
  const year = yearOf(csl)
  const where = [csl['container-title'], year === undefined ? undefined : String(year)].filter((p) => p !== undefined).join(', ')
  return `${id}: title not confirmed${where === '' ? '' : ` (${where})`}`
}

function host(url: string | undefined): string {
  const m = url === undefined ? null : /^https?:\/\/(?:www\.)?([^/?#]+)/i.exec(url)
  return m === null ? '' : m[1]!
}

function labeller(terms: readonly VocabularyTerm[]): (id: string) => string {
  const labels = new Map(terms.map((t) => [t.id, t.label]))
  return (id) => labels.get(id) ?? id
}

function withFields(doc: Omit<SearchDoc, 'fields'>, make: () => Record<FieldName, string>): SearchDoc {
  let fields: Record<FieldName, string> | undefined
  return Object.defineProperty(doc, 'fields', { enumerable: true, get: () => (fields ??= make()) }) as SearchDoc
}

function joined(parts: readonly (string | undefined)[]): string {
  return parts.filter((p): p is string => p !== undefined && p !== '').join('; ')
}

/**
 * Builds the search documents for a corpus: studies, then claims, then sources, each in the corpus order.
 * @internal
 */
export function buildDocuments(corpus: SearchCorpus): SearchDoc[] {
  const v = corpus.vocabularies
  const design = labeller(v.designs)
  const condition = labeller(v.conditions)
  const route = labeller(v.routes)
  const substance = labeller(v.substances)
  const topic = labeller(v.topics)
  const verdict = labeller(v.verdicts)
  const sourceById = new Map(corpus.sources.map((s) => [s.id as string, s]))
  const docs: SearchDoc[] = []

  for (const s of corpus.studies) {
    const csl = s.csl
    const doc = {
      type: 'study' as const,
      id: s.id,
      title: csl.title ?? unconfirmedTitle(csl, s.id),
      snippetTexts: [s.findings, s.population, s.comparator],
      facets: {
        type: 'study' as const,
        year: yearOf(csl),
        design: s.design,
        condition: s.conditions,
        topic: [],
        verdict: undefined,
        route: s.intervention.routes,
        withPsychotherapy: s.intervention.withPsychotherapy,
        certainty: s.certainty,
      },
      doi: csl.DOI?.toLowerCase(),
      pmid: csl.PMID,
      pmcid: csl.PMCID?.toUpperCase(),
      registrations: s.registrations.map((r) => r.toUpperCase()),
      url: csl.URL === undefined ? undefined : normalizeUrl(csl.URL),
    }
    docs.push(
      withFields(doc, () => ({
        title: csl.title ?? '',
        cite: citeText(csl, s.id),
        authors: authorsText(csl),
        tags: joined([
          design(s.design),
          ...s.conditions.map(condition),
          ...s.intervention.routes.map(route),
          substance(s.intervention.substance),
          s.intervention.withPsychotherapy ? 'with psychotherapy' : undefined,
          csl['container-title'],
          csl['container-title-short'],
          csl.publisher,
          ...s.registrations,
          s.status.retracted ? 'retracted' : undefined,
        ]),
        body: joined([s.findings, s.population, s.comparator]),
      })),
    )
  }

  for (const c of corpus.claims) {
    const doc = {
      type: 'claim' as const,
      id: c.id,
      title: c.statement,
      snippetTexts: [c.verdictNote],
      facets: {
        type: 'claim' as const,
        year: undefined,
        design: undefined,
        condition: [],
        topic: c.topics,
        verdict: c.verdict,
        route: [],
        withPsychotherapy: undefined,
        certainty: undefined,
      },
      doi: undefined,
      pmid: undefined,
      pmcid: undefined,
      registrations: [],
      url: undefined,
    }
    docs.push(
      withFields(doc, () => ({
        title: c.statement,
        cite: '',
        authors: '',
        tags: joined([
          ...c.topics.map(topic),
          verdict(c.verdict),
          ...c.madeBy.flatMap((m) => m.citedAs ?? []),
          ...c.madeBy.map((m) => sourceById.get(m.source)?.csl['container-title']),
        ]),
        body: c.verdictNote,
      })),
    )
  }

  for (const s of corpus.sources) {
    const csl = s.csl
    const body = joined(s.sections)
    const doc = {
      type: 'source' as const,
      id: s.id,
      title: csl.title ?? s.documentTitle ?? `${s.id}: title not confirmed`,
      snippetTexts: [body],
      facets: {
        type: 'source' as const,
        year: yearOf(csl),
        design: undefined,
        condition: [],
        topic: [],
        verdict: undefined,
        route: [],
        withPsychotherapy: undefined,
        certainty: undefined,
      },
      doi: csl.DOI?.toLowerCase(),
      pmid: undefined,
      pmcid: undefined,
      registrations: [],
      url: csl.URL === undefined ? undefined : normalizeUrl(csl.URL),
    }
    docs.push(
      withFields(doc, () => ({
        title: csl.title ?? s.documentTitle ?? '',
        cite: citeText(csl, s.id),
        authors: authorsText(csl),
        tags: joined([csl['container-title'], csl.publisher, host(csl.URL)]),
        body,
      })),
    )
  }
  return docs
}
