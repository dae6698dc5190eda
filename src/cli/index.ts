import { KapLiteratureError, dataVersion } from '../index'
import { parseArgs, UsageError, type Io } from './io'
import * as list from './commands/list'
import * as show from './commands/show'

interface Command {
  help: string
  run(args: ReturnType<typeof parseArgs>, io: Io): number | Promise<number>
}

const commands: Record<string, Command> = { list, show }

const mainHelp = `kap-literature ${dataVersion}: verified records of the research behind KAP claims.

Usage: kap-literature <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(8)} ${c.help.split('\n')[2]}`)
  .join('\n')}

Options: --json (machine-readable output), --help, --version, --debug (stack traces).
Exit codes: 0 success, 1 not found or invalid input, 2 usage error.`

/** Runs the CLI with the given arguments; returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const debug = argv.includes('--debug')
  try {
    const [name, ...rest] = argv.filter((a) => a !== '--debug')
    if (name === undefined || name === '--help' || name === 'help') {
      io.out(mainHelp)
      return name === undefined ? 2 : 0
    }
    if (name === '--version') {
      io.out(dataVersion)
      return 0
    }
    const command = commands[name]
    if (command === undefined) throw new UsageError(`unknown command "${name}" (try: ${Object.keys(commands).join(', ')})`)
    if (rest.includes('--help')) {
      io.out(command.help)
      return 0
    }
    return await command.run(parseArgs(rest, new Set(['json', 'help'])), io)
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`kap-literature: ${e.message}. See kap-literature --help.`)
      return 2
    }
    if (e instanceof KapLiteratureError) {
      io.err(e.message)
      if (debug) io.err(e.stack ?? '')
      return 1
    }
    io.err(`kap-literature: unexpected error: ${e instanceof Error ? e.message : String(e)}${debug ? '' : ' (run with --debug for details)'}`)
    if (debug && e instanceof Error) io.err(e.stack ?? '')
    return 1
  }
}

const io: Io = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
  color: process.stdout.isTTY === true && process.env.NO_COLOR === undefined,
}
main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code
  },
  () => {
    process.exitCode = 1
  },
)
