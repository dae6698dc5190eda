import { KapLiteratureError, dataFingerprint, dataVersion } from '../index'
import { readLimited } from './read'
import {
  colorFromEnv,
  InputError,
  json,
  parseArgs,
  quote,
  terminalSafe,
  todayFromEnv,
  UsageError,
  type FlagSpec,
  type Io,
  type Parsed,
} from './io'
import * as bib from './commands/bib'
import * as check from './commands/check'
import * as claims from './commands/claims'
import * as cite from './commands/cite'
import * as exportCommand from './commands/export'
import * as handout from './commands/handout'
import * as list from './commands/list'
import * as map from './commands/map'
import * as search from './commands/search'
import * as show from './commands/show'

interface Command {
  summary: string
  help: string
  flags: FlagSpec
  run(args: Parsed, io: Io): number | Promise<number>
}

const commands: Record<string, Command> = {
  search,
  show,
  claims,
  cite,
  bib,
  export: exportCommand,
  check,
  handout,
  map,
  list,
}

/** The command of this name: an own key of the table only (`__proto__`, `constructor` or `toString` name none). */
const commandNamed = (name: string): Command | undefined => (Object.hasOwn(commands, name) ? commands[name] : undefined)

const mainHelp = `kap-literature ${dataVersion}: verified records of the research behind claims about ketamine-assisted psychotherapy (KAP).

Usage: kap-literature <command> [arguments] [options]

Commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(9)}${c.summary}`)
  .join('\n')}

Every command takes --help. Common options: --json (machine-readable output), --debug (stack traces on errors).
Ids and filter values may be separated by commas. --version prints the data version.
Colour is used only when standard output is a terminal (or FORCE_COLOR is set), and never when NO_COLOR is set.
Exit codes: 0 success, 1 not found or invalid input, 2 usage error.

Examples:
  kap-literature search "ketamine ptsd" --type study
  kap-literature check draft.md
  kap-literature help cite`

/**
 * Whether a command's arguments ask for its help: `--help` or `-h` as an option, not after a `--` that ends the options
 * and not as the value of an option that takes one (`map --title -h` is a title; `map --title --help` lacks one).
 */
function asksHelp(args: readonly string[], spec: FlagSpec): boolean {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a === '--') return false
    if (a === '--help' || a === '-h') return true
    if (a.startsWith('--') && !a.includes('=') && spec.values.includes(a.slice(2))) {
      if (args[i + 1] !== undefined && !args[i + 1]!.startsWith('--')) i++
      else return false
    }
  }
  return false
}

/** An error message on one line, with every control character from echoed input escaped. */
function oneLine(text: string): string {
  return terminalSafe(text.replace(/\s*\n\s*/g, ' '))
}

/**
 * Runs the CLI with the given arguments.
 * @param argv - the arguments after the program name
 * @param io - where output goes, and the process facts commands need
 * @returns the exit code: 0 success, 1 not found or invalid input, 2 usage error
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  // --debug is an option only before a `--` that ends the options (after it, it is a file name or a word).
  const end = argv.includes('--') ? argv.indexOf('--') : argv.length
  const args = argv.filter((a, i) => i >= end || a !== '--debug')
  const debug = args.length < argv.length
  try {
    const [name, ...rest] = args
    if (name === undefined) {
      io.err(mainHelp)
      return 2
    }
    if (name === '--help' || name === '-h') {
      io.out(mainHelp)
      return 0
    }
    if (name === 'help') {
      const [topic, ...extra] = rest
      if (topic === undefined) {
        io.out(mainHelp)
        return 0
      }
      const c = commandNamed(topic)
      if (extra.length > 0) throw new UsageError(`help takes one command name, got ${rest.length} words`)
      if (c === undefined)
        throw new UsageError(`no help for ${quote(topic)} (commands: ${Object.keys(commands).join(', ')})`)
      io.out(c.help)
      return 0
    }
    if (name === '--version' || name === '-v') {
      // With --json (the common rule: machine-readable output), the two values apart.
      if (rest.includes('--json')) io.out(json({ version: dataVersion, fingerprint: dataFingerprint }))
      else io.out(`${dataVersion} (data fingerprint ${dataFingerprint})`)
      return 0
    }
    const command = commandNamed(name)
    if (command === undefined)
      throw new UsageError(`unknown command ${quote(name)} (commands: ${Object.keys(commands).join(', ')})`)
    if (asksHelp(rest, command.flags)) {
      io.out(command.help)
      return 0
    }
    return await command.run(parseArgs(rest, command.flags), io)
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(
        `kap-literature: ${oneLine(e.message)}. See kap-literature ${commandNamed(argv[0] ?? '') ? `${argv[0]} ` : ''}--help.`,
      )
      if (debug) io.err(e.stack ?? '')
      return 2
    }
    if (e instanceof InputError) {
      io.err(`kap-literature: ${oneLine(e.message)}`)
      if (debug) io.err(e.stack ?? '')
      return 1
    }
    if (e instanceof KapLiteratureError) {
      io.err(oneLine(e.message))
      if (debug) io.err(e.stack ?? '')
      return 1
    }
    io.err(
      `kap-literature: unexpected error: ${oneLine(e instanceof Error ? e.message : String(e))}${debug ? '' : ' (run again with --debug for details)'}`,
    )
    if (debug && e instanceof Error) io.err(e.stack ?? '')
    return 1
  }
}

/**
 * The {@link Io} of this process: stdout/stderr, standard input, colour from the environment and the terminal.
 * @returns the process's Io
 */
export function processIo(): Io {
  return {
    out: (t) => process.stdout.write(`${t}\n`),
    drain: () =>
      process.stdout.writableNeedDrain ? new Promise((done) => process.stdout.once('drain', done)) : Promise.resolve(),
    err: (t) => process.stderr.write(`${t}\n`),
    color: colorFromEnv(process.env, process.stdout.isTTY === true),
    readStdin: async (limit) => {
      const bytes = await readLimited(process.stdin, limit)
      // Stop reading an endless or oversized pipe: nothing more is wanted from it.
      if (bytes.length > limit) process.stdin.destroy()
      return bytes
    },
    stdinIsTTY: process.stdin.isTTY === true,
    // Read when a command prints a date: a malformed SOURCE_DATE_EPOCH fails that command only, with one line.
    get today() {
      return todayFromEnv(process.env)
    },
  }
}

/**
 * Runs the CLI on this process's arguments and sets its exit code (the bin, src/cli/bin.ts, calls this). Output that
 * cannot be written (a full disk, `> /dev/full`) makes the exit code 1 with a one-line message; a closed pipe
 * (`kap-literature bib | head`) is not an error.
 */
export function runProcess(): void {
  let outputFailed = false
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0)
    if (!outputFailed)
      process.stderr.write(
        `kap-literature: cannot write the output (${e.code ?? e.message}); nothing, or only part, was written\n`,
      )
    outputFailed = true
    process.exitCode = 1
  })
  main(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = outputFailed ? 1 : code
    },
    () => {
      process.exitCode = 1
    },
  )
}
