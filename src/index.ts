/**
 * kap-literature: typed, citable, verified records of the research behind claims about ketamine-assisted
 * psychotherapy (KAP), of the claims clinic pages make, and of those pages. This entry has no runtime dependencies
 * and holds the *core* of every record: what a page renders. The detail (summaries, notes, provenance) is in
 * `kap-literature/details`, loadable per record.
 *
 * @example
 * ```ts
 * import { getClaim, evidenceFor } from 'kap-literature'
 * const claim = getClaim('without-therapy-ketamine-effects-fade-faster')
 * console.log(claim.statement, '→', claim.verdict)
 * for (const e of evidenceFor(claim.id)) console.log(' ', e.relation, e.study.id)
 * ```
 * @packageDocumentation
 */
import {
  claimCoreRecords,
  generatedDataFingerprint,
  generatedDataVersion,
  sourceCoreRecords,
  studyCoreRecords,
  vocabularyRecords,
} from './generated/core'
import type { ClaimCore, SourceCore, StudyCore, VocabularyTerm } from './types'

export * from './data/index'
export { isKapLiteratureError, KapLiteratureError, type ErrorCode, type KapLiteratureErrorOptions } from './errors'
export {
  certaintyTerms,
  citationProblemTerms,
  claimIds,
  conditionTerms,
  designTerms,
  relationTerms,
  routeTerms,
  sourceIds,
  studyIds,
  substanceTerms,
  topicTerms,
  verdictTerms,
} from './generated/ids'
export type * from './types'

/**
 * The core of every shipped study, sorted by id. Frozen: mutation throws in strict mode.
 * @example
 * ```ts
 * import { studies } from 'kap-literature'
 * console.log(studies.length, studies.map((s) => s.id).join(', '))
 * ```
 */
export const studies: readonly StudyCore[] = studyCoreRecords

/**
 * The core of every shipped claim, sorted by id.
 * @example
 * ```ts
 * import { claims } from 'kap-literature'
 * const inaccurate = claims.filter((c) => c.verdict === 'inaccurate')
 * ```
 */
export const claims: readonly ClaimCore[] = claimCoreRecords

/**
 * The core of every shipped source document, sorted by id.
 * @example
 * ```ts
 * import { sources } from 'kap-literature'
 * for (const s of sources) console.log(s.id, s.csl.URL ?? '(URL not identified)')
 * ```
 */
export const sources: readonly SourceCore[] = sourceCoreRecords

/**
 * The controlled vocabularies (designs, conditions, routes, substances, topics, relations, verdicts, certainty,
 * citation problems), each term with a label and a one-line description.
 * @example
 * ```ts
 * import { vocabularies } from 'kap-literature'
 * for (const v of vocabularies.verdicts) console.log(`${v.label}: ${v.description}`)
 * ```
 */
export const vocabularies: {
  readonly certainty: readonly VocabularyTerm[]
  readonly citationProblems: readonly VocabularyTerm[]
  readonly conditions: readonly VocabularyTerm[]
  readonly designs: readonly VocabularyTerm[]
  readonly relations: readonly VocabularyTerm[]
  readonly routes: readonly VocabularyTerm[]
  readonly substances: readonly VocabularyTerm[]
  readonly topics: readonly VocabularyTerm[]
  readonly verdicts: readonly VocabularyTerm[]
} = vocabularyRecords

/**
 * The version of the shipped data; it follows the package version (a removed or renamed id is a breaking change).
 * @example
 * ```ts
 * import { dataVersion } from 'kap-literature'
 * console.log(`kap-literature data ${dataVersion}`)
 * ```
 */
export const dataVersion: string = generatedDataVersion

/**
 * A short fingerprint of the shipped data: the first 12 hex digits of a SHA-256 hash of every record (studies, claims,
 * sources) and vocabulary, computed when the data is built. Unlike {@link dataVersion}, which many data changes share
 * until a release, it changes whenever any record does, so it pins the data a handout, map or course was made from.
 * Handouts, evidence maps and `kap-literature --version` print it next to the version.
 * @example
 * ```ts
 * import { dataFingerprint, dataVersion } from 'kap-literature'
 * /^[0-9a-f]{12}$/.test(dataFingerprint) // true
 * console.log(`kap-literature data ${dataVersion} (fingerprint ${dataFingerprint})`)
 * ```
 */
export const dataFingerprint: string = generatedDataFingerprint
