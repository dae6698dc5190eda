import type {
  CertaintyLevel,
  CitationProblemKind,
  ClaimId,
  Condition,
  Design,
  LeadId,
  Relation,
  Route,
  SourceId,
  StudyId,
  Substance,
  Topic,
  Verdict,
} from './generated/ids'

export type {
  CertaintyLevel,
  CitationProblemKind,
  ClaimId,
  Condition,
  Design,
  LeadId,
  Relation,
  Route,
  SourceId,
  StudyId,
  Substance,
  Topic,
  Verdict,
}

/**
 * The id of a shipped study that can be cited: any but a {@link LeadId}. Every study a claim's evidence names is one
 * (the build refuses evidence that uses a lead).
 * @example
 * ```ts
 * import type { CitableStudyId } from 'kap-literature'
 * const id: CitableStudyId = 'dore-2019'
 * ```
 */
export type CitableStudyId = Exclude<StudyId, LeadId>

/**
 * A CSL-JSON name: a person (`family`, `given`) or an institution (`literal`).
 * @example
 * ```ts
 * const name: CslName = { family: 'Dore', given: 'Jennifer' }
 * ```
 */
export interface CslName {
  readonly family?: string
  readonly given?: string
  readonly literal?: string
  readonly suffix?: string
  readonly 'dropping-particle'?: string
  readonly 'non-dropping-particle'?: string
}

/**
 * A CSL-JSON date: `date-parts` holds one `[year, month?, day?]`.
 * @example
 * ```ts
 * const issued: CslDate = { 'date-parts': [[2019, 3, 27]] }
 * ```
 */
export interface CslDate {
  readonly 'date-parts': readonly (readonly number[])[]
}

/**
 * The CSL-JSON item types used by shipped records.
 * @example
 * ```ts
 * const t: CslType = 'article-journal'
 * ```
 */
export type CslType =
  | 'article-journal'
  | 'article'
  | 'review'
  | 'report'
  | 'webpage'
  | 'regulation'
  | 'document'
  | 'post-weblog'
  | 'chapter'
  | 'book'
  | 'dataset'

/**
 * A CSL-JSON bibliographic item, as citation-js and Zotero read it. Shipped items hold only verified fields.
 * @example
 * ```ts
 * import { getStudy } from 'kap-literature'
 * const item: CslItem = getStudy('dore-2019').csl
 * console.log(item.DOI) // '10.1080/02791072.2019.1587556'
 * ```
 */
export interface CslItem {
  readonly id: string
  readonly type: CslType
  readonly title?: string
  readonly 'title-short'?: string
  readonly author?: readonly CslName[]
  readonly 'container-title'?: string
  readonly 'container-title-short'?: string
  readonly publisher?: string
  readonly 'publisher-place'?: string
  readonly issued?: CslDate
  readonly volume?: string
  readonly issue?: string
  readonly page?: string
  readonly number?: string
  readonly DOI?: string
  readonly PMID?: string
  readonly PMCID?: string
  readonly URL?: string
  /**
   * When the project read the web page: added by the build, never authored, to a `webpage` whose own page confirmed
   * its URL; the record's `verification.checked` (docs/data-policy.md, "Access dates").
   */
  readonly accessed?: CslDate
  readonly genre?: string
  readonly note?: string
  readonly language?: string
}

/**
 * One public page a record was checked against, and the fields it confirmed.
 * @example
 * ```ts
 * const s: VerificationSource = { url: 'https://pubmed.ncbi.nlm.nih.gov/30917760/', kind: 'index', fields: ['title', 'PMID'] }
 * ```
 */
export interface VerificationSource {
  readonly url: string
  /** What kind of page it is, which decides what it may confirm on its own (docs/data-policy.md, "Kinds of page"). */
  readonly kind: SourceKind
  /** CSL field names (plus `registrations`) that this page confirmed. */
  readonly fields: readonly string[]
  /**
   * Fields the page prints but confirms only as a secondary page would, together with a second, independent one: the
   * authors, journal or issue of a citation a trial's sponsor typed into a registry record, whose identifiers it
   * confirms on its own.
   */
  readonly secondaryFields?: readonly string[]
  /** How many authors the page lists, when it shows the complete author list. */
  readonly authorCount?: number
  /** The site or feed this page copies, when it is a copy (so it does not count as independent of it). */
  readonly independentOf?: string
  readonly note?: string
}

/**
 * The kinds of page a field is verified on: the journal's or agency's own page (`publisher`); PubMed, PMC, Europe PMC
 * or Crossref (`index`); a trial registry (`registry`); a university repository or library catalogue (`repository`);
 * a verbatim copy of an index record elsewhere (`mirror`); anything else, such as an aggregator, a blog or another
 * paper's reference list (`secondary`, which confirms a field only together with a second, independent one).
 * @example
 * ```ts
 * import type { SourceKind } from 'kap-literature'
 * import { getFullStudy } from 'kap-literature/details'
 * const kinds: SourceKind[] = getFullStudy('dore-2019').verification.sources.map((s) => s.kind)
 * ```
 */
export type SourceKind = 'publisher' | 'index' | 'registry' | 'repository' | 'mirror' | 'secondary'

/**
 * Where and when a record's fields were verified, and which fields could not be and were left out.
 * @example
 * ```ts
 * import { getFullStudy } from 'kap-literature/details'
 * const v: Verification = getFullStudy('dore-2019').verification
 * console.log(v.checked, v.missing)
 * ```
 */
export interface Verification {
  /** ISO date of the check. */
  readonly checked: string
  readonly sources: readonly VerificationSource[]
  /** Fields that could not be confirmed on a public page, and so are absent from `csl`. */
  readonly missing: readonly string[]
}

/**
 * What was given in a study.
 * @example
 * ```ts
 * const i: Intervention = { substance: 'ketamine', routes: ['intravenous'], withPsychotherapy: false }
 * ```
 */
export interface Intervention {
  readonly substance: Substance
  readonly routes: readonly Route[]
  readonly dose?: string
  /** Whether a psychotherapy was part of the treatment studied. */
  readonly withPsychotherapy: boolean
}

/**
 * What a page renders of a study: the citable bibliographic item and the few facts a list or badge shows. This is
 * what the data entry (`kap-literature`) returns; the rest of the record is its {@link StudyDetail}.
 * @example
 * ```ts
 * import { getStudy } from 'kap-literature'
 * const study: StudyCore = getStudy('grunebaum-2018')
 * console.log(study.design, study.certainty, study.csl.DOI)
 * ```
 */
export interface StudyCore {
  readonly id: StudyId
  readonly csl: CslItem
  /**
   * `false` when `csl.author` holds only the first authors that could be confirmed; citations then print an "et al."
   * form. Absent when the list is complete.
   */
  readonly authorsComplete?: false
  readonly design: Design
  /** Participants randomised or analysed (the study's `population` says which). */
  readonly n?: number
  readonly conditions: readonly Condition[]
  readonly certainty: CertaintyLevel
  /** Retraction and corrections: a page citing the study should show them. */
  readonly status: { readonly retracted: boolean; readonly corrections: readonly string[] }
}

/**
 * The detail of a study that pages load on demand: our summaries, the intervention, provenance and notes. From
 * `kap-literature/details` (`loadDetails(id)` in browsers, `getDetails(id)` in Node).
 * @example
 * ```ts
 * import { getDetails } from 'kap-literature/details'
 * const detail: StudyDetail = getDetails('dore-2019')
 * console.log(detail.findings)
 * ```
 */
export interface StudyDetail {
  readonly id: StudyId
  readonly population: string
  readonly intervention: Intervention
  readonly comparator: string
  readonly followUp: string
  /** Trial registry ids such as `NCT01700829`. */
  readonly registrations: readonly string[]
  readonly findings: string
  readonly limitations: string
  readonly certaintyNote: string
  readonly verification: Verification
  readonly notes?: string
  /** Why the study is shipped although no claim points at it. */
  readonly unusedReason?: string
}

/**
 * A full study record: its {@link StudyCore} and its {@link StudyDetail}. From `kap-literature/details`
 * (`getFullStudy`, or `loadFull` in browsers).
 * @example
 * ```ts
 * import { getFullStudy } from 'kap-literature/details'
 * const study: Study = getFullStudy('grunebaum-2018')
 * console.log(study.design, study.certainty, study.limitations)
 * ```
 */
export interface Study extends StudyCore, StudyDetail {
  readonly id: StudyId
}

/**
 * Where a source document makes a claim.
 * @example
 * ```ts
 * import { getClaim } from 'kap-literature'
 * const place: ClaimLocation = getClaim('without-therapy-ketamine-effects-fade-faster').madeBy[0]!
 * console.log(place.source, place.section, place.citedAs)
 * ```
 */
export interface ClaimLocation {
  readonly source: SourceId
  /** A heading or position in the document; never a quote. */
  readonly section: string
  /** The citations the document gives for the claim, exactly as written. */
  readonly citedAs?: readonly string[]
}

/**
 * Which study bears on a claim, and how (the core of an evidence entry).
 * @example
 * ```ts
 * const e: EvidenceLink = { study: 'grunebaum-2018', relation: 'does-not-test' }
 * ```
 */
export interface EvidenceLink {
  readonly study: CitableStudyId
  readonly relation: Relation
}

/**
 * How one study bears on a claim, with our note on what the study actually tested.
 * @example
 * ```ts
 * const e: EvidenceEntry = { study: 'grunebaum-2018', relation: 'does-not-test', note: '…' }
 * ```
 */
export interface EvidenceEntry extends EvidenceLink {
  readonly note: string
}

/**
 * The kind of problem with how a document cites a study (the core of a citation problem).
 * @example
 * ```ts
 * const p: CitationProblemLink = { study: 'wilkinson-2021', problem: 'year-mismatch' }
 * ```
 */
export interface CitationProblemLink {
  readonly study: StudyId
  readonly problem: CitationProblemKind
}

/**
 * A problem with how a document cites a study (wrong year, a study that did not test the claim, …), with our note.
 * @example
 * ```ts
 * const p: CitationProblem = { study: 'wilkinson-2021', problem: 'year-mismatch', note: 'cited as 2022' }
 * ```
 */
export interface CitationProblem extends CitationProblemLink {
  readonly note: string
}

/**
 * What a page renders of a claim: the statement, the verdict, who makes it, and which studies bear on it how. This is
 * what the data entry returns; the notes are in its {@link ClaimDetail}.
 * @example
 * ```ts
 * import { getClaim } from 'kap-literature'
 * const claim: ClaimCore = getClaim('without-therapy-ketamine-effects-fade-faster')
 * console.log(claim.verdict, claim.evidence.map((e) => `${e.study} ${e.relation}`))
 * ```
 */
export interface ClaimCore {
  readonly id: ClaimId
  readonly statement: string
  readonly topics: readonly Topic[]
  readonly madeBy: readonly ClaimLocation[]
  readonly evidence: readonly EvidenceLink[]
  readonly verdict: Verdict
  readonly citationProblems?: readonly CitationProblemLink[]
}

/**
 * The detail of a claim: why the verdict, and the notes on each evidence entry and citation problem (in the order of
 * the core's lists). From `kap-literature/details`.
 * @example
 * ```ts
 * import { getDetails } from 'kap-literature/details'
 * const detail: ClaimDetail = getDetails('without-therapy-ketamine-effects-fade-faster')
 * console.log(detail.verdictNote, detail.evidence[0]?.note)
 * ```
 */
export interface ClaimDetail {
  readonly id: ClaimId
  /** Why the claim got its verdict, in plain words, naming the studies by id (`citeProse` turns ids into citations). */
  readonly verdictNote: string
  /**
   * The row of the decision table (docs/data-policy.md) that gave the verdict, and the evidence it weighed:
   * `established wording, best evidence C (wilkinson-2021, partly-supports, small RCT), row 6`.
   */
  readonly verdictRule: string
  readonly evidence: readonly EvidenceEntry[]
  readonly citationProblems?: readonly CitationProblem[]
}

/**
 * A full claim record: its {@link ClaimCore} with the notes of its {@link ClaimDetail}. From
 * `kap-literature/details` (`getFullClaim`, or `loadFull` in browsers).
 * @example
 * ```ts
 * import { getFullClaim } from 'kap-literature/details'
 * const claim: Claim = getFullClaim('without-therapy-ketamine-effects-fade-faster')
 * console.log(claim.verdict, claim.verdictNote)
 * ```
 */
export interface Claim extends ClaimCore, ClaimDetail {
  readonly id: ClaimId
  readonly evidence: readonly EvidenceEntry[]
  readonly citationProblems?: readonly CitationProblem[]
}

/**
 * What a page renders of a source document (one of the clinic pages whose claims are recorded): its CSL item and the
 * sections claims point at.
 * @example
 * ```ts
 * import { getSource } from 'kap-literature'
 * const page: SourceCore = getSource('samadhi-kap-vs-infusions')
 * console.log(page.csl.URL)
 * ```
 */
export interface SourceCore {
  readonly id: SourceId
  /** The title as the document itself shows it, when no public page confirms one (then `csl.title` is absent). */
  readonly documentTitle?: string
  readonly csl: CslItem
  /** Headings or position labels that claims point at. */
  readonly sections: readonly string[]
}

/**
 * The detail of a source document: its file in the research corpus, provenance and notes.
 * @example
 * ```ts
 * import { getDetails } from 'kap-literature/details'
 * const detail: SourceDetail = getDetails('samadhi-kap-vs-infusions')
 * console.log(detail.verification.checked)
 * ```
 */
export interface SourceDetail {
  readonly id: SourceId
  /** The document's file name in the research corpus. */
  readonly file: string
  readonly verification: Verification
  readonly notes?: string
}

/**
 * A full source record: {@link SourceCore} and {@link SourceDetail}.
 * @example
 * ```ts
 * import { getFullSource } from 'kap-literature/details'
 * const page: Source = getFullSource('samadhi-kap-vs-infusions')
 * console.log(page.csl.URL, page.verification.checked)
 * ```
 */
export interface Source extends SourceCore, SourceDetail {
  readonly id: SourceId
}

/**
 * A term of a controlled vocabulary, with a one-line description for readers.
 * @example
 * ```ts
 * import { vocabularies } from 'kap-literature'
 * const term: VocabularyTerm = vocabularies.verdicts[0]!
 * console.log(term.label, '-', term.description)
 * ```
 */
export interface VocabularyTerm {
  readonly id: string
  readonly label: string
  readonly description: string
  readonly justification?: string
  /** Designs only: the weight a design can bear, 1 strongest (the evidence map orders its columns by it). */
  readonly rank?: number
  /** Designs only: the evidence map's short column heading for this rank. */
  readonly group?: string
  /** Designs only: `evidence` (studies, ranked) or `record` (regulatory decisions and consensus statements). */
  readonly band?: 'evidence' | 'record'
}

/**
 * An evidence link joined with the core of its study.
 * @example
 * ```ts
 * import { evidenceFor } from 'kap-literature'
 * const [first]: readonly ResolvedEvidenceCore[] = evidenceFor('without-therapy-ketamine-effects-fade-faster')
 * console.log(first?.relation, first?.study.csl.title)
 * ```
 */
export interface ResolvedEvidenceCore {
  readonly relation: Relation
  readonly study: StudyCore
}

/**
 * An evidence entry, with its note, joined with the full study record (from `kap-literature/details`).
 * @example
 * ```ts
 * import { fullEvidenceFor } from 'kap-literature/details'
 * const [first]: readonly ResolvedEvidence[] = fullEvidenceFor('without-therapy-ketamine-effects-fade-faster')
 * console.log(first?.relation, first?.note, first?.study.findings)
 * ```
 */
export interface ResolvedEvidence {
  readonly relation: Relation
  readonly note: string
  readonly study: Study
}

/**
 * Any record's detail.
 * @example
 * ```ts
 * import { getDetails } from 'kap-literature/details'
 * const d: RecordDetail = getDetails('dore-2019')
 * ```
 */
export type RecordDetail = StudyDetail | ClaimDetail | SourceDetail
