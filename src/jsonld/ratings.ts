import type { Verdict } from '../types'

/**
 * How each verdict maps to a schema.org `ClaimReview` rating on a 1 (worst) to 5 (best) scale.
 *
 * The scale orders verdicts by how much of the claim survives the evidence, and gives each verdict its own value so
 * a reader of `ratingValue` alone can tell them apart:
 *
 * | verdict | rating | why |
 * |---|---|---|
 * | `accurate` | 5 | the claim matches the evidence at the strength it states |
 * | `oversimplified` | 4 | the core is right; limits or uncertainty are left out |
 * | `contested` | 3 | the midpoint: good studies disagree, so it is neither right nor wrong |
 * | `overstated` | 2 | the direction is right but the claim is stronger than the evidence |
 * | `inaccurate` | 1 | contradicted by the evidence, or misstates a cited study |
 *
 * The textual verdict label travels with the number as the rating's `alternateName`, which is what fact-check
 * consumers display.
 * @example
 * ```ts
 * import { verdictRatings } from 'kap-literature/jsonld'
 * const rating = verdictRatings.oversimplified // 4
 * ```
 */
export const verdictRatings: Readonly<Record<Verdict, 1 | 2 | 3 | 4 | 5>> = Object.freeze({
  accurate: 5,
  oversimplified: 4,
  contested: 3,
  overstated: 2,
  inaccurate: 1,
} as Record<Verdict, 1 | 2 | 3 | 4 | 5>)
