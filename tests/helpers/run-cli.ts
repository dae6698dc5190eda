import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { main } from '../../src/cli/index'
import { colorFromEnv, todayFromEnv, type Io } from '../../src/cli/io'
import { dist, root } from './paths'

/** Result of running the CLI. */
export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/** Options for a CLI run: standard input (text, sent as UTF-8, or bytes) and environment variables (on top of NO_COLOR=1). */
export interface CliOptions {
  input?: string | Uint8Array
  env?: Record<string, string>
}

/**
 * Runs the CLI in this process through `main(argv, io)`, with an Io built the way the bin builds it from the
 * environment: colour from NO_COLOR/FORCE_COLOR (never a TTY here), the date from SOURCE_DATE_EPOCH, and `input` as
 * piped standard input. Fast enough for hundreds of calls; {@link runBin} covers what only a real process shows.
 */
export async function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const env: Record<string, string | undefined> = { NO_COLOR: '1', ...options.env }
  const out: string[] = []
  const err: string[] = []
  const io: Io = {
    out: (t) => void out.push(`${t}\n`),
    err: (t) => void err.push(`${t}\n`),
    color: colorFromEnv(env, false),
    readStdin: async (limit) =>
      (typeof options.input === 'string' || options.input === undefined
        ? new TextEncoder().encode(options.input ?? '')
        : options.input
      ).slice(0, limit + 1),
    stdinIsTTY: false,
    get today() {
      return todayFromEnv(env)
    },
  }
  const code = await main(args, io)
  return { code, stdout: out.join(''), stderr: err.join('') }
}

/** Runs the built bin (dist/cli.js) as a separate process, as a user would, with optional stdin and environment. */
export function runBin(args: string[], options: CliOptions = {}): CliResult {
  const r = spawnSync(process.execPath, [join(dist, 'cli.js'), ...args], {
    cwd: root,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    timeout: 30_000,
  })
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }
}
