import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { dist, root } from './paths'

/** Result of running the built CLI. */
export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/** Runs the built bin (dist/cli.js) as a user would, with optional stdin and environment. */
export function runCli(args: string[], options: { input?: string; env?: Record<string, string> } = {}): CliResult {
  const r = spawnSync(process.execPath, [join(dist, 'cli.js'), ...args], {
    cwd: root,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    timeout: 30_000,
  })
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }
}
