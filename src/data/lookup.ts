import { describeValue, KapLiteratureError } from '../errors'
import { claimCoreRecords, sourceCoreRecords, studyCoreRecords } from '../generated/core'
import { claimIds, sourceIds, studyIds } from '../generated/ids'
import type { ClaimCore, ClaimId, SourceCore, SourceId, StudyCore, StudyId } from '../types'
import { closest, idForm } from '../suggest'

type Kind = 'study' | 'claim' | 'source'

function indexById<T extends { readonly id: string }>(records: readonly T[]): ReadonlyMap<string, T> {
  return new Map(records.map((r) => [r.id, r]))
}

type AnyCore = StudyCore | ClaimCore | SourceCore
let maps: { readonly [K in Kind]: ReadonlyMap<string, AnyCore> } | undefined
/** The records by id, per kind; built on first use, so importing the entry does no work. */
function byKindMaps(): { readonly [K in Kind]: ReadonlyMap<string, AnyCore> } {
  return (maps ??= {
    study: indexById(studyCoreRecords),
    claim: indexById(claimCoreRecords),
    source: indexById(sourceCoreRecords),
  })
}

let sets: { readonly [K in Kind]: ReadonlySet<string> } | undefined
/**
 * The ids per kind, from the id lists alone: the guards need no record, so a page that only checks an id (a URL
 * parameter) does not bundle the 131 record cores (review 29: 19 KB gzip for `isStudyId`).
 */
function idSets(): { readonly [K in Kind]: ReadonlySet<string> } {
  return (sets ??= { study: new Set(studyIds), claim: new Set(claimIds), source: new Set(sourceIds) })
}

const otherKinds: Record<Kind, Kind[]> = {
  study: ['claim', 'source'],
  claim: ['study', 'source'],
  source: ['study', 'claim'],
}

/** @internal */
export function lookup(kind: Kind, id: unknown): AnyCore {
  const byKind = byKindMaps()
  if (typeof id !== 'string') {
    throw new KapLiteratureError('INVALID_ARGUMENT', `a ${kind} id must be a string, got ${describeValue(id)}`, {
      value: id,
      hint: `pass the id as a string, such as '${byKind[kind].keys().next().value}'`,
    })
  }
  const found = byKind[kind].get(idForm(id))
  if (found !== undefined) return found
  const wrongKind = otherKinds[kind].find((k) => byKind[k].has(idForm(id)))
  if (wrongKind !== undefined) {
    throw new KapLiteratureError(
      'UNKNOWN_ID',
      `unknown ${kind} ${describeValue(id)} (it is a ${wrongKind} id; use ` +
        `get${wrongKind[0]!.toUpperCase()}${wrongKind.slice(1)})`,
      { value: id, hint: `get${wrongKind[0]!.toUpperCase()}${wrongKind.slice(1)}(${JSON.stringify(idForm(id))})` },
    )
  }
  const hint = closest(id, byKind[kind].keys())
  throw new KapLiteratureError(
    'UNKNOWN_ID',
    `unknown ${kind} ` + `${describeValue(id)}${hint === undefined ? '' : ` (did you mean "${hint}"?)`}`,
    {
      value: id,
      hint: hint ?? `no ${kind} id is close; ${kind === 'study' ? 'studies' : `${kind}s`}() lists them all`,
    },
  )
}

/**
 * Returns the study with this id.
 * @param id - a study id such as `'dore-2019'`; a typo is a compile error in TypeScript
 * @returns the frozen core of the study (for findings, limitations and provenance see `kap-literature/details`)
 * @throws {@link KapLiteratureError} `UNKNOWN_ID` (with the closest id as `hint`) or `INVALID_ARGUMENT` for a non-string
 * @example
 * ```ts
 * import { getStudy } from 'kap-literature'
 * const study = getStudy('dore-2019')
 * console.log(study.csl.title, study.csl.DOI)
 * ```
 */
export function getStudy(id: StudyId): StudyCore {
  return lookup('study', id) as StudyCore
}

/**
 * Returns the claim with this id.
 * @param id - a claim id
 * @returns the frozen core of the claim (for the verdict note and evidence notes see `kap-literature/details`)
 * @throws {@link KapLiteratureError} `UNKNOWN_ID` (with the closest id as `hint`) or `INVALID_ARGUMENT` for a non-string
 * @example
 * ```ts
 * import { getClaim } from 'kap-literature'
 * const claim = getClaim('without-therapy-ketamine-effects-fade-faster')
 * console.log(claim.verdict)
 * ```
 */
export function getClaim(id: ClaimId): ClaimCore {
  return lookup('claim', id) as ClaimCore
}

/**
 * Returns the source document with this id.
 * @param id - a source id
 * @returns the frozen core of the source document
 * @throws {@link KapLiteratureError} `UNKNOWN_ID` (with the closest id as `hint`) or `INVALID_ARGUMENT` for a non-string
 * @example
 * ```ts
 * import { getSource } from 'kap-literature'
 * console.log(getSource('samadhi-kap-vs-infusions').csl.URL)
 * ```
 */
export function getSource(id: SourceId): SourceCore {
  return lookup('source', id) as SourceCore
}

/**
 * Whether a string is a shipped study id, exactly as shipped. Narrows the type, for untyped input such as a URL
 * parameter. The getters and formatters also read an id typed in another case or with spaces around it (`getStudy('
 * DORE-2019 ')`); a guard cannot, since it narrows the string itself: give it `value.trim().toLowerCase()`.
 * @param id - any value
 * @returns `true` if `id` is a study id
 * @example
 * ```ts
 * import { isStudyId, getStudy } from 'kap-literature'
 * const raw: string = 'dore-2019'
 * if (isStudyId(raw)) console.log(getStudy(raw).csl.title)
 * ```
 */
export function isStudyId(id: unknown): id is StudyId {
  return typeof id === 'string' && idSets().study.has(id)
}

/**
 * Whether a string is a shipped claim id.
 * @param id - any value
 * @returns `true` if `id` is a claim id
 * @example
 * ```ts
 * import { isClaimId } from 'kap-literature'
 * console.log(isClaimId('not-a-claim')) // false
 * ```
 */
export function isClaimId(id: unknown): id is ClaimId {
  return typeof id === 'string' && idSets().claim.has(id)
}

/**
 * Whether a string is a shipped source id.
 * @param id - any value
 * @returns `true` if `id` is a source id
 * @example
 * ```ts
 * import { isSourceId } from 'kap-literature'
 * console.log(isSourceId('samadhi-kap-vs-infusions')) // true
 * ```
 */
export function isSourceId(id: unknown): id is SourceId {
  return typeof id === 'string' && idSets().source.has(id)
}
