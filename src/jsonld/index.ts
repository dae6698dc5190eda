/**
 * schema.org JSON-LD for shipped records. This entry starts with the vocabulary mapping of verdicts to ratings;
 * `toJsonLd` arrives with the JSON-LD work.
 * @example
 * ```ts
 * import { verdictRatings } from 'kap-literature/jsonld'
 * console.log(verdictRatings.inaccurate) // 1
 * ```
 * @packageDocumentation
 */
import type { Verdict } from '../types'

/**
 * How each verdict maps to a schema.org `ClaimReview` rating on a 1 (worst) to 5 (best) scale.
 * @example
 * ```ts
 * import { verdictRatings } from 'kap-literature/jsonld'
 * const rating = verdictRatings.oversimplified // 3
 * ```
 */
export const verdictRatings: Readonly<Record<Verdict, 1 | 2 | 3 | 4 | 5>> = Object.freeze({
  accurate: 5,
  oversimplified: 3,
  overstated: 2,
  contested: 3,
  inaccurate: 1,
} as Record<Verdict, 1 | 2 | 3 | 4 | 5>)
