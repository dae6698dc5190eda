/**
 * Timing helpers for the security suite. Times are only ever compared within one run, as ratios, never against
 * absolute limits. 8× the input may take at most {@link MAX_RATIO}× the time: linear code measures 8–12× on the
 * project's 2-core machine while other test files run beside it, and the quadratic code this suite guards against
 * measured 50–60× and more, so the bound separates them without flaking.
 */

/** The largest time ratio allowed for 8× the input. */
export const MAX_RATIO = 20

/** Below this many milliseconds a single timing is mostly noise (timer resolution, JIT, a scheduler tick). */
const BATCH_MS = 20

/**
 * The fastest of `runs` timings of one call of `fn`, in ms. A fast call is timed in batches long enough to measure
 * (at least 20 ms, up to 1,024 calls), and the minimum over the runs filters out pauses caused by other processes and
 * by garbage collection.
 */
export function fastest(fn: () => unknown, runs = 5): number {
  let calls = 1
  for (;;) {
    const t0 = performance.now()
    for (let i = 0; i < calls; i++) fn()
    if (performance.now() - t0 >= BATCH_MS || calls >= 1024) break
    calls *= 2
  }
  let best = Infinity
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now()
    for (let i = 0; i < calls; i++) fn()
    best = Math.min(best, (performance.now() - t0) / calls)
  }
  return best
}

/** How many times {@link growth} measures both sizes at most, while the ratio stays above {@link MAX_RATIO}. */
const ROUNDS = 5

/**
 * How much longer `run(large)` takes than `run(small)`, each the fastest of several batched runs, with a floor of
 * 1 ms under the small time so that sub-millisecond noise cannot inflate the ratio. While the ratio is above
 * {@link MAX_RATIO}, both sizes are measured again (up to five rounds) and each keeps its fastest time over all
 * rounds: a busy machine only ever makes a run slower, so more runs bring each time nearer its cost, while code that
 * is quadratic stays at 50× and more however often it is measured. (A CI run measured a linear case at 21× once,
 * 2.1 ms → 44.3 ms, with Chromium tests beside it; alone it measures 10×. With two other builds running, a linear
 * case measured 22.8× after three rounds, 1.2 ms → 27.1 ms; alone 9×.)
 */
export function growth(
  run: (size: number) => () => unknown,
  small: number,
  large: number,
  runs = 5,
): { ratio: number; small: number; large: number; rounds: number } {
  const fSmall = run(small)
  const fLarge = run(large)
  fSmall()
  let a = Infinity
  let b = Infinity
  let rounds = 0
  do {
    a = Math.min(a, fastest(fSmall, runs))
    b = Math.min(b, fastest(fLarge, runs))
    rounds++
  } while (b / Math.max(a, 1) > MAX_RATIO && rounds < ROUNDS)
  return { ratio: b / Math.max(a, 1), small: a, large: b, rounds }
}
