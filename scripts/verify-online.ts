/**
 * Maintainer tool (needs the network; never part of `npm test`): checks every study's DOI against the Crossref REST
 * API and prints a table of differences — title, year, journal, first author and author count, volume, issue,
 * pages, work type, and retractions, corrections or expressions of concern (Crossmark and Retraction Watch).
 *
 * Usage:  npm run verify:online [-- [--timeout MS] [--delay MS] [study-id ...]]
 *         CROSSREF_MAILTO=you@example.org npm run verify:online    (joins Crossref's polite pool)
 * Exit:   0 no mismatches · 1 mismatches found · 2 network unreachable (or some DOIs not checked) · 3 bad arguments
 *
 * Importing this module does nothing; only running it as a script makes requests.
 */
import { readFileSync, realpathSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { closest } from '../src/suggest.ts'
import { fullStudies } from '../src/details/index.ts'

const studies = fullStudies()
import type { Study } from '../src/types.ts'
import { formatFindings, formatSummary, verifyStudies, type FetchLike } from './lib/crossref.ts'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

const HELP = `Usage: npm run verify:online [-- [--timeout MS] [--delay MS] [study-id ...]]

Checks each study's DOI against https://api.crossref.org/works/<doi> and prints a table of mismatches.
Set CROSSREF_MAILTO to an address you read to use Crossref's polite pool.
Exit codes: 0 no mismatches, 1 mismatches, 2 network unreachable or checks incomplete, 3 bad arguments.`

/** Where the tool writes, and how it reaches the network (tests pass fakes). */
export interface Io {
  readonly out: (line: string) => void
  readonly err: (line: string) => void
  readonly fetch: FetchLike
  readonly env: Readonly<Record<string, string | undefined>>
  readonly sleep?: (ms: number) => Promise<void>
}

function userAgent(mailto: string | undefined): string {
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version
  return `kap-literature-verify-online/${version} (maintainer DOI check; run by hand${mailto ? `; mailto:${mailto}` : ''})`
}

function positiveInt(value: string | undefined): number | undefined {
  return value !== undefined && /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : undefined
}

/**
 * Runs the check.
 * @param argv - arguments after the script name
 * @param io - output streams, fetch and environment
 * @returns the exit code
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let timeoutMs = 15_000
  let delayMs = 250
  const ids: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--help' || arg === '-h') {
      io.out(HELP)
      return 0
    }
    if (arg === '--timeout' || arg === '--delay') {
      const n = positiveInt(argv[++i])
      if (n === undefined) {
        io.err(`verify-online: ${arg} needs a positive whole number of milliseconds\n\n${HELP}`)
        return 3
      }
      if (arg === '--timeout') timeoutMs = n
      else delayMs = n
      continue
    }
    if (arg.startsWith('-')) {
      io.err(`verify-online: unknown option ${arg}\n\n${HELP}`)
      return 3
    }
    ids.push(arg)
  }

  const byId = new Map(studies.map((s) => [s.id as string, s]))
  const selected: Study[] = []
  for (const id of ids) {
    const study = byId.get(id)
    if (study === undefined) {
      const hint = closest(id, byId.keys())
      io.err(`verify-online: unknown study "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}`)
      return 3
    }
    if (!selected.includes(study)) selected.push(study)
  }
  const targets = ids.length > 0 ? selected : [...studies]

  const mailto = io.env.CROSSREF_MAILTO?.trim() || undefined
  const withDoi = targets.filter((s) => s.csl.DOI !== undefined).length
  io.err(
    `verify-online: looking up ${withDoi} DOI(s) at api.crossref.org, one at a time${mailto ? '' : ' (set CROSSREF_MAILTO to join the polite pool)'}...`,
  )
  const report = await verifyStudies(targets, {
    fetch: io.fetch,
    timeoutMs,
    delayMs,
    userAgent: userAgent(mailto),
    ...(mailto === undefined ? {} : { mailto }),
    ...(io.sleep === undefined ? {} : { sleep: io.sleep }),
  })
  if (report.networkDown !== undefined) {
    io.err(
      `verify-online: cannot reach api.crossref.org (${report.networkDown}). Check the network connection or proxy ` +
        `and run it again; nothing was compared${report.checked.length > 0 ? ' after that point' : ''}.`,
    )
  }
  const table = formatFindings(report.findings)
  if (table !== '') io.out(table)
  io.out(formatSummary(report))
  return report.exitCode
}

function invokedDirectly(): boolean {
  const entry = process.argv[1]
  if (entry === undefined) return false
  try {
    return realpathSync(resolve(entry)) === realpathSync(fileURLToPath(import.meta.url))
  } catch {
    return false
  }
}

if (invokedDirectly()) {
  main(process.argv.slice(2), {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    fetch: globalThis.fetch as unknown as FetchLike,
    env: process.env,
  }).then(
    (code) => {
      process.exitCode = code
    },
    (e: unknown) => {
      console.error(`verify-online: unexpected failure: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)
      process.exitCode = 1
    },
  )
}
