import { spawnSync } from 'node:child_process'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

/** Median of numbers. */
export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

/** Percentile (0–100) of numbers. */
export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!
}

/** Wall time in ms of fresh Node processes running `args`, median over `runs`. */
export function coldRuns(
  args: string[],
  runs: number,
  cwd: string,
): { median: number; min: number; max: number; output: string } {
  const times: number[] = []
  let output = ''
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' })
    times.push(performance.now() - t0)
    if (r.status !== 0) throw new Error(`bench: ${args.join(' ')} failed: ${r.stderr}`)
    output = r.stdout
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times), output }
}

/** Minified and gzip sizes (bytes) of a browser ESM bundle of `code`, resolved from `cwd`. */
export async function bundleSize(
  code: string,
  cwd: string,
  alias: Record<string, string> = {},
): Promise<{ min: number; gzip: number }> {
  const out = await build({
    stdin: { contents: code, resolveDir: cwd, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    alias,
  })
  const bytes = out.outputFiles[0]!.contents
  return { min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
}

/** Formats a number of ms for a table. */
export const ms = (n: number) => (n < 1 ? n.toFixed(3) : n < 10 ? n.toFixed(2) : n.toFixed(0))

/** Formats a byte count as KB. */
export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
