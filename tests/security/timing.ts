/**
 * Timing helpers for the security suite. Times are only ever compared within one run, as ratios (8× the input may
 * take at most about 12× the time), never against absolute limits, so the suite holds on a noisy 2-core machine.
 */

/** The fastest of `runs` timings of `fn` in ms: the minimum filters out pauses caused by other processes. */
export function fastest(fn: () => unknown, runs = 5): number {
  let best = Infinity
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    fn()
    best = Math.min(best, performance.now() - t0)
  }
  return best
}

/**
 * How much longer `run(large)` takes than `run(small)`, each the fastest of several runs, with a floor of 1 ms under
 * the small time so that sub-millisecond noise cannot inflate the ratio.
 */
export function growth(run: (size: number) => () => unknown, small: number, large: number, runs = 5): { ratio: number; small: number; large: number } {
  const fSmall = run(small)
  const fLarge = run(large)
  fSmall()
  const a = fastest(fSmall, runs)
  const b = fastest(fLarge, runs)
  return { ratio: b / Math.max(a, 1), small: a, large: b }
}
