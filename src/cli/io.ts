/** Output helpers shared by the CLI's subcommands. */
export interface Io {
  out(text: string): void
  err(text: string): void
  /** Whether colour may be used (stdout is a TTY and NO_COLOR is unset). */
  color: boolean
}

/** A usage mistake: the CLI exits 2 with this message. */
export class UsageError extends Error {}

/** Wraps text in an ANSI style when colour is on. */
export function paint(io: Io, code: 'bold' | 'dim' | 'red' | 'green' | 'yellow', text: string): string {
  if (!io.color) return text
  const codes = { bold: [1, 22], dim: [2, 22], red: [31, 39], green: [32, 39], yellow: [33, 39] }[code]
  return `\u001b[${codes[0]}m${text}\u001b[${codes[1]}m`
}

/** Parsed argv: positional words and `--flag value` / `--flag` options. */
export interface Parsed {
  positional: string[]
  flags: Map<string, string | true>
}

/** Splits argv into positionals and flags; `booleans` lists flags that take no value. */
export function parseArgs(argv: readonly string[], booleans: ReadonlySet<string>): Parsed {
  const positional: string[] = []
  const flags = new Map<string, string | true>()
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--') {
      positional.push(...argv.slice(i + 1))
      break
    }
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined]
      if (booleans.has(name)) flags.set(name, true)
      else if (inline !== undefined) flags.set(name, inline)
      else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) flags.set(name, argv[++i]!)
      else throw new UsageError(`option --${name} needs a value`)
    } else positional.push(a)
  }
  return { positional, flags }
}
