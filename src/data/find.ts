import { describeValue, isList, KapLiteratureError } from '../errors'
import { normalizeDoi } from '../doi'
import { studyCoreRecords } from '../generated/core'
import type { StudyCore } from '../types'

export { normalizeDoi }

/**
 * What {@link findStudy} looks a study up by: exactly one of a DOI or a PubMed id.
 * @example
 * ```ts
 * const byDoi: StudyQuery = { doi: 'https://doi.org/10.1080/02791072.2019.1587556' }
 * const byPmid: StudyQuery = { pmid: '30917760' }
 * ```
 */
export type StudyQuery =
  { readonly doi: string; readonly pmid?: undefined } | { readonly pmid: string | number; readonly doi?: undefined }

let byDoi: Map<string, StudyCore> | undefined
let byPmid: Map<string, StudyCore> | undefined
const doiMap = () =>
  (byDoi ??= new Map(studyCoreRecords.filter((s) => s.csl.DOI !== undefined).map((s) => [s.csl.DOI!.toLowerCase(), s])))
const pmidMap = () =>
  (byPmid ??= new Map(studyCoreRecords.filter((s) => s.csl.PMID !== undefined).map((s) => [s.csl.PMID!, s])))

/**
 * Finds a study by DOI (any common form, case-insensitive) or PubMed id.
 * @param query - `{ doi }` or `{ pmid }`
 * @returns the study's core, or `undefined` if no shipped study has that identifier
 * @throws {@link KapLiteratureError} `INVALID_ARGUMENT` when the query has neither or both keys, or a value of the wrong type
 * @example
 * ```ts
 * import { findStudy } from 'kap-literature'
 * findStudy({ doi: 'doi:10.1080/02791072.2019.1587556' })?.id // 'dore-2019'
 * findStudy({ pmid: '34186531' })?.id // 'wilkinson-2021'
 * findStudy({ doi: '10.1000/unknown' }) // undefined
 * ```
 */
export function findStudy(query: StudyQuery): StudyCore | undefined {
  if (query === null || typeof query !== 'object' || isList(query, 'the findStudy query')) {
    throw new KapLiteratureError(
      'INVALID_ARGUMENT',
      `findStudy expects { doi } or { pmid }, got ${describeValue(query)}`,
      { value: query },
    )
  }
  const { doi, pmid } = query as { doi?: unknown; pmid?: unknown }
  if ((doi === undefined) === (pmid === undefined)) {
    throw new KapLiteratureError('INVALID_ARGUMENT', 'findStudy expects exactly one of { doi } or { pmid }', {
      value: query,
      hint: "e.g. findStudy({ doi: '10.1080/02791072.2019.1587556' })",
    })
  }
  if (doi !== undefined) {
    if (typeof doi !== 'string')
      throw new KapLiteratureError('INVALID_ARGUMENT', `findStudy: doi must be a string, got ${describeValue(doi)}`, {
        value: doi,
      })
    const key = normalizeDoi(doi)
    return key === undefined ? undefined : doiMap().get(key)
  }
  if (typeof pmid === 'number') return Number.isSafeInteger(pmid) && pmid > 0 ? pmidMap().get(String(pmid)) : undefined
  if (typeof pmid !== 'string')
    throw new KapLiteratureError(
      'INVALID_ARGUMENT',
      `findStudy: pmid must be a string of ` + `digits, got ${describeValue(pmid)}`,
      { value: pmid },
    )
  const digits = pmid.trim().replace(/^pmid:\s*/i, '')
  return /^\d{1,9}$/.test(digits) ? pmidMap().get(digits.replace(/^0+/, '')) : undefined
}
