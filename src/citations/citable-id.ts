import { leadLabels } from '../generated/lead-labels'
import { citable, type CitableId } from './ids'

// Its own module: the lead list it reads stays out of the chunks the web components share with the id checks.

/**
 * Whether a value is the id of a record the citation entries format: a shipped study or source whose authors, title
 * and date are confirmed (a lead, kept only for its leads, is not). Narrows the type, for ids from user input; like
 * `isStudyId` it takes the id exactly as shipped (give it `value.trim().toLowerCase()`).
 * @param value - anything
 * @returns `true` when `formatReference(value)` formats it
 * @example
 * ```ts
 * import { formatReference, isCitableId } from 'kap-literature/citations'
 * const raw: string = 'dore-2019'
 * if (isCitableId(raw)) formatReference(raw)
 * isCitableId('azhari-2021') // false: a lead
 * ```
 */
export function isCitableId(value: unknown): value is CitableId {
  return typeof value === 'string' && citable.has(value) && !Object.hasOwn(leadLabels, value)
}
