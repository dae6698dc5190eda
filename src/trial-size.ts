/**
 * When a trial is too small to count at its design's grade: one rule for the build's decision table and for the
 * handouts' choice of key studies.
 * @internal
 * @packageDocumentation
 */

/** Below these sizes a trial counts as small (grade C in the table): 40 people analysed, or 20 in a crossover. @internal */
export const SMALL_TRIAL = { parallel: 40, crossover: 20 } as const

/**
 * Whether a study of this design and size counts at its design's grade (reviews always do; small trials do not).
 * @internal
 */
export function fullSized(design: string | undefined, n: number | undefined): boolean {
  if (n === undefined || design === undefined || !design.endsWith('-trial')) return true
  return n >= (design === 'randomized-crossover-trial' ? SMALL_TRIAL.crossover : SMALL_TRIAL.parallel)
}
