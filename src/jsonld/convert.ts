/**
 * Record → schema.org node conversion. Internal: the public surface is `toJsonLd` in ./index.
 */
import { KapLiteratureError } from '../errors'
import { shortAuthors } from '../etal'
import { getSource, getStudy } from '../data/index'
import { vocabularyLabels } from '../generated/core'
import type { ClaimCore, CslItem, CslName, CslType, Design, SourceCore, StudyCore } from '../types'
import { verdictRatings } from './ratings'
import type { JsonLdNode, JsonLdValue } from './types'

/** The schema.org context every top-level document carries. @internal */
export const SCHEMA_ORG = 'https://schema.org'

/** The organisation credited as author of every `ClaimReview`. @internal */
export const REVIEW_AUTHOR = 'kap-literature'

/** The `propertyID` of the identifier that names a node's record in this library. @internal */
export const RECORD_ID_PROPERTY = 'kap-literature'

/**
 * Builds a node from entries in order, leaving out `undefined`, blank strings and empty lists, so output never
 * carries an empty or undefined property.
 * @internal
 */
export function node(entries: Readonly<Record<string, JsonLdValue | undefined>>): JsonLdNode {
  const out: JsonLdNode = {}
  for (const [key, value] of Object.entries(entries)) {
    if (value === undefined) continue
    if (typeof value === 'string' && value.trim() === '') continue
    if (Array.isArray(value) && value.length === 0) continue
    if (isUntypedShell(value)) continue
    out[key] = value
  }
  return out
}

/** A nested node with nothing but its `@type` says nothing; it is left out like an empty value. */
function isUntypedShell(value: JsonLdValue): boolean {
  return typeof value === 'object' && !Array.isArray(value) && Object.keys(value).every((k) => k === '@type')
}

/** A CSL text field trimmed, or `undefined` when absent or blank. @internal */
export function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim()
  return trimmed === undefined || trimmed === '' ? undefined : trimmed
}

/**
 * The https://doi.org/ URL of a bare DOI. Characters that would end or break a URL path (`?`, `#`, spaces, `%`,
 * quotes, angle brackets, non-ASCII) are percent-encoded; `/`, `(`, `)` and `;` stay as DOIs are usually written.
 * @internal
 */
export function doiUrl(doi: string): string {
  return `https://doi.org/${encodeURI(doi.trim()).replace(/[?#]/g, (c) => encodeURIComponent(c))}`
}

/** @internal */
export function pubmedUrl(pmid: string): string {
  return `https://pubmed.ncbi.nlm.nih.gov/${encodeURIComponent(pmid.trim())}/`
}

/** @internal */
export function pmcUrl(pmcid: string): string {
  return `https://pmc.ncbi.nlm.nih.gov/articles/${encodeURIComponent(pmcid.trim())}/`
}

/**
 * An ISO 8601 date from CSL `date-parts`, with only the parts we have: `2019`, `2019-03` or `2019-03-05`.
 * Stops at the first part that is not a plausible year, month or day, and returns `undefined` without a valid year.
 * @internal
 */
export function isoDate(parts: readonly number[] | undefined): string | undefined {
  if (parts === undefined) return undefined
  const [year, month, day] = parts
  if (!Number.isInteger(year) || year! < 1 || year! > 9999) return undefined
  let out = String(year).padStart(4, '0')
  if (!Number.isInteger(month) || month! < 1 || month! > 12) return out
  out += `-${String(month).padStart(2, '0')}`
  if (!Number.isInteger(day) || day! < 1 || day! > 31) return out
  return `${out}-${String(day).padStart(2, '0')}`
}

/**
 * A CSL page field as schema.org pagination. A range (`189-198`, `e852–e857`) also gives `pageStart` and `pageEnd`;
 * a single value is often an article number (`eaat8078`, `868103`), so it is kept only as `pagination`.
 * @internal
 */
export function pages(page: string | undefined): { pagination?: string; pageStart?: string; pageEnd?: string } {
  if (page === undefined || page.trim() === '') return {}
  const pagination = page.trim()
  const range = /^([^\s\-–—]+)\s*[-–—]\s*([^\s\-–—]+)$/.exec(pagination)
  return range === null ? { pagination } : { pagination, pageStart: range[1]!, pageEnd: range[2]! }
}

/**
 * A CSL name as a schema.org `Person` (given, family, particles, suffix) or, for a `literal` name, an `Organization`.
 * Returns `undefined` for a name with nothing in it.
 * @internal
 */
export function agent(name: CslName): JsonLdNode | undefined {
  if (name.literal !== undefined && name.literal.trim() !== '')
    return { '@type': 'Organization', name: name.literal.trim() }
  const given = text(name.given)
  const family = text(name.family)
  if (given === undefined && family === undefined) return undefined
  const familyName = [text(name['non-dropping-particle']), family].filter((s) => s !== undefined).join(' ')
  const suffix = text(name.suffix)
  const full = [given, text(name['dropping-particle']), familyName === '' ? undefined : familyName, suffix]
    .filter((s) => s !== undefined)
    .join(' ')
  return node({ '@type': 'Person', name: full, givenName: given, familyName, honorificSuffix: suffix })
}

function agents(names: readonly CslName[] | undefined): JsonLdNode[] {
  return (names ?? []).map(agent).filter((a): a is JsonLdNode => a !== undefined)
}

/**
 * The schema.org type for a CSL item type. Journal articles, preprints and reviews are scholarly articles (refined
 * by the study design in {@link studyType}); pages are `WebPage`s; the rest map to their closest schema.org type.
 * @internal
 */
export const cslTypes: Readonly<Record<CslType, string>> = {
  'article-journal': 'ScholarlyArticle',
  article: 'ScholarlyArticle',
  review: 'ScholarlyArticle',
  report: 'Report',
  webpage: 'WebPage',
  regulation: 'Legislation',
  document: 'CreativeWork',
  'post-weblog': 'BlogPosting',
  chapter: 'Chapter',
  book: 'Book',
  dataset: 'Dataset',
}

/**
 * Whether a design is research in people (or a review or consensus about it), which makes its article a
 * `MedicalScholarlyArticle`. Preclinical work is plain `ScholarlyArticle`; a regulatory decision is not an article.
 * @internal
 */
export const medicalDesigns: Readonly<Record<Design, boolean>> = {
  'randomized-controlled-trial': true,
  'randomized-crossover-trial': true,
  'non-randomized-controlled-trial': true,
  'open-label-trial': true,
  'prospective-cohort': true,
  'retrospective-cohort': true,
  'systematic-review': true,
  'meta-analysis': true,
  'narrative-review': true,
  'consensus-statement': true,
  'healthy-volunteer-study': true,
  preclinical: false,
  'regulatory-decision': false,
}

/**
 * The `@type` of a study: its CSL type's schema.org type, with scholarly articles on human research, reviews and
 * consensus statements narrowed to `MedicalScholarlyArticle`.
 *
 * Regulatory decisions are recorded as the public announcement pages (CSL `webpage`), so they become `WebPage`: the
 * record describes that page (title, issuer, date, address), not the legal act. schema.org has no type for a
 * medicine approval (`DrugLegalStatus` belongs to a `Drug`, `GovernmentPermit` to a permit holder's document), and
 * claiming `Legislation` for a press release would be wrong. A regulatory record kept as a CSL `report` or
 * `regulation` gets `Report` or `Legislation`.
 * @internal
 */
export function studyType(study: StudyCore): string {
  const base = identifiable(study.csl)
  return base === 'ScholarlyArticle' && medicalDesigns[study.design] ? 'MedicalScholarlyArticle' : base
}

/**
 * The schema.org type of a study's CSL item, except that a page (`WebPage`, `BlogPosting`) whose title and address
 * were both left unconfirmed — a lead — is a plain `CreativeWork`: a page with neither a name nor a `url` says it is a
 * page without saying which (audit 36: `fda-esketamine-2019` was such a `WebPage`). A page with one of the two keeps
 * its type. (A clinic page, a source, is always a `WebPage`: the records hold the page itself.)
 */
function identifiable(csl: CslItem): string {
  const base = cslTypes[csl.type] ?? 'CreativeWork'
  const page = base === 'WebPage' || base === 'BlogPosting'
  return page && text(csl.title) === undefined && text(csl.URL) === undefined ? 'CreativeWork' : base
}

/** What a CSL item's `container-title` names: a journal for articles, a web site for pages, a book for chapters. */
function container(csl: CslItem): JsonLdNode | undefined {
  const name = text(csl['container-title'])
  switch (csl.type) {
    case 'article-journal':
    case 'review': {
      const periodical =
        name === undefined
          ? undefined
          : node({ '@type': 'Periodical', name, alternateName: text(csl['container-title-short']) })
      const volumeNumber = text(csl.volume)
      const issueNumber = text(csl.issue)
      const volume =
        volumeNumber === undefined
          ? undefined
          : node({ '@type': 'PublicationVolume', volumeNumber, isPartOf: periodical })
      const issue =
        issueNumber === undefined
          ? undefined
          : node({ '@type': 'PublicationIssue', issueNumber, isPartOf: volume ?? periodical })
      return issue ?? volume ?? periodical
    }
    case 'webpage':
    case 'post-weblog':
      return name === undefined ? undefined : node({ '@type': 'WebSite', name })
    case 'chapter':
      return name === undefined ? undefined : node({ '@type': 'Book', name })
    default:
      return name === undefined ? undefined : node({ '@type': 'CreativeWork', name })
  }
}

function publisher(csl: CslItem): JsonLdNode | undefined {
  const name = text(csl.publisher)
  return name === undefined ? undefined : { '@type': 'Organization', name }
}

function recordIdentifier(id: string): JsonLdNode {
  return { '@type': 'PropertyValue', propertyID: RECORD_ID_PROPERTY, value: id }
}

/** DOI, PMID and PMCID as `PropertyValue`s, then this library's record id. */
function identifiers(csl: CslItem, id: string): JsonLdNode[] {
  const out: JsonLdNode[] = []
  for (const key of ['DOI', 'PMID', 'PMCID'] as const) {
    const value = text(csl[key])
    if (value !== undefined) out.push({ '@type': 'PropertyValue', propertyID: key, value })
  }
  out.push(recordIdentifier(id))
  return out
}

/** The DOI, PubMed and PMC URLs of an item, in that order. */
function identityUrls(csl: CslItem): string[] {
  const out: string[] = []
  const doi = text(csl.DOI)
  const pmid = text(csl.PMID)
  const pmcid = text(csl.PMCID)
  if (doi !== undefined) out.push(doiUrl(doi))
  if (pmid !== undefined) out.push(pubmedUrl(pmid))
  if (pmcid !== undefined) out.push(pmcUrl(pmcid))
  return out
}

/** The node's `@id`: the DOI URL where there is a DOI, so a citation stub and the full node name the same thing. */
function nodeId(csl: CslItem): string | undefined {
  const doi = text(csl.DOI)
  return doi === undefined ? undefined : doiUrl(doi)
}

/**
 * A study as a schema.org node (without `@context`).
 * @internal
 */
export function studyNode(study: StudyCore): JsonLdNode {
  const { csl } = study
  const sameAs = identityUrls(csl)
  return node({
    '@type': studyType(study),
    '@id': nodeId(csl),
    name: text(csl.title),
    headline: text(csl.title),
    author: agents(csl.author),
    // schema.org has no "and others": a partial list keeps the confirmed first authors and says so in creditText.
    creditText: study.authorsComplete === false ? shortAuthors(csl.author, false) : undefined,
    datePublished: isoDate(csl.issued?.['date-parts'][0]),
    isPartOf: container(csl),
    ...pages(csl.page),
    publisher: publisher(csl),
    identifier: identifiers(csl, study.id),
    sameAs,
    url: text(csl.URL) ?? sameAs[0],
    creativeWorkStatus: study.status.retracted ? 'Retracted' : undefined,
    correction: study.status.corrections
      .filter((c) => c.trim() !== '')
      .map((c) => ({ '@type': 'CorrectionComment', text: c.trim() })),
  })
}

/**
 * A short reference to a study, for a claim review's `citation`: type, `@id`, name, the DOI/PubMed/PMC URLs and the
 * record id.
 * @internal
 */
export function studyStub(study: StudyCore): JsonLdNode {
  const { csl } = study
  const sameAs = identityUrls(csl)
  return node({
    '@type': studyType(study),
    '@id': nodeId(csl),
    name: text(csl.title),
    sameAs,
    url: text(csl.URL) ?? sameAs[0],
    identifier: [recordIdentifier(study.id)],
  })
}

/**
 * A source document as a schema.org node (without `@context`): a `WebPage` for the clinic pages.
 * @internal
 */
export function sourceNode(source: SourceCore): JsonLdNode {
  const { csl } = source
  return node({
    '@type': cslTypes[csl.type] ?? 'CreativeWork',
    name: text(csl.title),
    headline: text(csl.title),
    url: text(csl.URL),
    author: agents(csl.author),
    datePublished: isoDate(csl.issued?.['date-parts'][0]),
    isPartOf: container(csl),
    publisher: publisher(csl),
    identifier: [recordIdentifier(source.id)],
  })
}

/**
 * The label of a verdict from the verdicts vocabulary.
 * @throws {@link KapLiteratureError} `INVALID_RECORD` if the vocabulary lacks the term (the data build prevents this)
 * @internal
 */
export function verdictLabel(verdict: string): string {
  const label = Object.hasOwn(vocabularyLabels.verdicts, verdict) ? vocabularyLabels.verdicts[verdict] : undefined
  if (label === undefined || !(verdict in verdictRatings)) {
    throw new KapLiteratureError('INVALID_RECORD', `verdict "${verdict}" is not in the verdicts vocabulary`, {
      value: verdict,
      hint: `one of ${Object.keys(verdictRatings).join(', ')}`,
    })
  }
  return label
}

/**
 * A claim as a schema.org `ClaimReview` (without `@context`): the statement, the pages it appears on, our rating,
 * the studies weighed as `citation`s, and `reviewBody` when the verdict note (detail) is given.
 * @internal
 */
export function claimNode(claim: ClaimCore, verdictNote?: string): JsonLdNode {
  const sourceIds = [...new Set(claim.madeBy.map((m) => m.source))]
  const studyIds = [...new Set(claim.evidence.map((e) => e.study))]
  return node({
    '@type': 'ClaimReview',
    claimReviewed: claim.statement,
    itemReviewed: node({ '@type': 'Claim', appearance: sourceIds.map((id) => sourceNode(getSource(id))) }),
    reviewRating: {
      '@type': 'Rating',
      ratingValue: verdictRatings[claim.verdict],
      bestRating: 5,
      worstRating: 1,
      alternateName: verdictLabel(claim.verdict),
    },
    reviewBody: verdictNote,
    author: { '@type': 'Organization', name: REVIEW_AUTHOR },
    citation: studyIds.map((id) => studyStub(getStudy(id))),
    identifier: [recordIdentifier(claim.id)],
  })
}
