import { editDistance } from '../suggest'
import type { Verdict } from '../types'
/** Output helpers and argument parsing shared by the CLI's subcommands. */
export interface Io {
  out(text: string): void
  /**
   * Resolves once what {@link Io.out} wrote has left the process's buffers (for a long report written piece by
   * piece into a slow pipe); absent, output needs no waiting.
   */
  drain?(): Promise<void>
  err(text: string): void
  /** Whether colour may be used: never with NO_COLOR set (non-empty), else with FORCE_COLOR or when stdout is a TTY. */
  color: boolean
  /**
   * Reads standard input, stopping once more than `limit` bytes have arrived (so the result is longer than `limit`
   * exactly when the input is).
   */
  readStdin(limit: number): Promise<Uint8Array>
  /** Whether standard input is a terminal (nothing piped in). */
  stdinIsTTY: boolean
  /**
   * Today's date as YYYY-MM-DD (UTC), or the date of SOURCE_DATE_EPOCH when that is set, for reproducible output.
   * Read only by the commands that print a date, so it may be a getter that throws {@link InputError} for a malformed
   * SOURCE_DATE_EPOCH ({@link todayFromEnv}): a command that prints no date never fails on it.
   */
  readonly today: string
}

/**
 * Whether colour may be used: never with NO_COLOR set (non-empty), else with FORCE_COLOR (not empty, `0` or `false`)
 * or when standard output is a terminal.
 * @param env - the environment variables
 * @param stdoutIsTTY - whether standard output is a terminal
 */
export function colorFromEnv(env: Readonly<Record<string, string | undefined>>, stdoutIsTTY: boolean): boolean {
  if (env.NO_COLOR) return false
  return (env.FORCE_COLOR !== undefined && !['', '0', 'false'].includes(env.FORCE_COLOR)) || stdoutIsTTY
}

/** The last second of 9999-12-31 UTC: the latest SOURCE_DATE_EPOCH with a four-digit year. */
const MAX_EPOCH = 253402300799

/**
 * Today's date as YYYY-MM-DD (UTC), or the date of SOURCE_DATE_EPOCH when that is set (an empty value counts as
 * unset). The value must be what `date +%s` prints: a whole number of seconds since 1970-01-01 UTC. Anything else is
 * refused rather than ignored, as the reproducible-builds.org specification asks, so a build never stamps today's
 * date while its author believes the date is pinned.
 * @param env - the environment variables
 * @throws InputError for a malformed SOURCE_DATE_EPOCH, naming the value and the expected form
 */
export function todayFromEnv(env: Readonly<Record<string, string | undefined>>): string {
  const epoch = env.SOURCE_DATE_EPOCH
  if (epoch === undefined || epoch === '') return new Date().toISOString().slice(0, 10)
  if (!/^\d{1,15}$/.test(epoch) || Number(epoch) > MAX_EPOCH) {
    const millis = /^\d{13}$/.test(epoch) ? `; ${epoch} looks like milliseconds, use ${epoch.slice(0, 10)}` : ''
    throw new InputError(
      `SOURCE_DATE_EPOCH ${quote(epoch)} is not a date: use whole seconds since 1970-01-01 UTC, as date +%s ` +
        `prints (e.g. 1767225600 for 2026-01-01)${millis}, or unset it`,
    )
  }
  return new Date(Number(epoch) * 1000).toISOString().slice(0, 10)
}

/** A usage mistake (unknown command or option, missing argument): the CLI exits 2 with this message. */
export class UsageError extends Error {}

/** Invalid input (a missing or unreadable file, a bad option value, an unknown id): the CLI exits 1 with this message. */
export class InputError extends Error {}

type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'blue' | 'magenta' | 'cyan'

/** Wraps text in an ANSI style when colour is on. */
export function paint(io: Io, code: Style, text: string): string {
  if (!io.color) return text
  const codes = {
    bold: [1, 22],
    dim: [2, 22],
    red: [31, 39],
    green: [32, 39],
    yellow: [33, 39],
    blue: [34, 39],
    magenta: [35, 39],
    cyan: [36, 39],
  }[code]
  return `\u001b[${codes[0]}m${text}\u001b[${codes[1]}m`
}

/**
 * The terminal colour of each verdict: the hue of the verdict's colour everywhere else (src/verdict-colours.ts:
 * green accurate, blue oversimplified, amber overstated, magenta contested, red inaccurate), in the eight colours every
 * terminal has, so that a verdict looks the same in the CLI, the maps, the handouts and the web components.
 */
const VERDICT_STYLES: Readonly<Record<Verdict, Style>> = {
  accurate: 'green',
  oversimplified: 'blue',
  overstated: 'yellow',
  contested: 'magenta',
  inaccurate: 'red',
}

/** The colour a verdict is shown in. */
export function verdictColor(verdict: string): Style {
  return Object.hasOwn(VERDICT_STYLES, verdict) ? VERDICT_STYLES[verdict as Verdict] : 'yellow'
}

/** Parsed argv: positional words and `--flag value` / `--flag` options. */
export interface Parsed {
  positional: string[]
  flags: Map<string, string | true>
}

/** The options a subcommand accepts. */
export interface FlagSpec {
  /** Flags that take no value (`--json`). */
  readonly booleans: readonly string[]
  /** Flags that take a value (`--style apa` or `--style=apa`). */
  readonly values: readonly string[]
}

/**
 * Splits argv into positionals and flags. `--` ends the options; a lone `-` is a positional (standard input).
 * @throws UsageError for an unknown option, a repeated one, or a value option without a value
 */
export function parseArgs(argv: readonly string[], spec: FlagSpec): Parsed {
  const positional: string[] = []
  const flags = new Map<string, string | true>()
  const booleans = new Set(spec.booleans)
  const values = new Set(spec.values)
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--') {
      positional.push(...argv.slice(i + 1))
      break
    }
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined]
      if (flags.has(name)) throw new UsageError(`option --${name} is given twice`)
      if (booleans.has(name)) {
        if (inline !== undefined) throw new UsageError(`option --${name} takes no value`)
        flags.set(name, true)
      } else if (values.has(name)) {
        if (inline !== undefined) flags.set(name, inline)
        else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) flags.set(name, argv[++i]!)
        else throw new UsageError(`option --${name} needs a value`)
      } else {
        const known = [...spec.values, ...spec.booleans].map((f) => `--${f}`).join(', ')
        throw new UsageError(`unknown option --${name}${known ? ` (this command takes ${known})` : ''}`)
      }
    } else if (a.startsWith('-') && a.length > 1 && !/^-\d/.test(a)) {
      throw new UsageError(`unknown option ${a} (options start with --)`)
    } else positional.push(a)
  }
  return { positional, flags }
}

/** A value option, or `undefined` when absent. */
export function flag(args: Parsed, name: string): string | undefined {
  const v = args.flags.get(name)
  return v === true ? undefined : v
}

/** A comma-separated list option (`--verdict overstated,inaccurate`), trimmed, without empties. */
export function listFlag(args: Parsed, name: string): string[] {
  const v = flag(args, name)
  return v === undefined
    ? []
    : v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '')
}

/** The closest candidate to a mistyped value, or `undefined` when none is close. Ties go to the earlier candidate. */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  const needle = value.toLowerCase().slice(0, 200)
  let best: string | undefined
  let bestDistance = Infinity
  for (const c of candidates) {
    const d = c.startsWith(needle) && needle.length >= 3 ? 0.5 : editDistance(needle, c)
    if (d < bestDistance) {
      best = c
      bestDistance = d
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(needle.length / 2)) ? best : undefined
}

/**
 * Characters a terminal may act on rather than show: C0 controls other than tab and newline (ESC, carriage return,
 * backspace, bell), DEL, the C1 controls (U+009B is a one-byte CSI) and the bidirectional overrides and isolates.
 */
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

/**
 * Makes text from a user or a draft safe to print to a terminal: every control character that could move the cursor,
 * retitle the window, clear the screen or reorder text is written as a visible `\uXXXX` escape.
 */
export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/**
 * A file name as a report or message prints it: {@link terminalSafe}, and a tab or line break escaped too, so a name
 * cannot start a line of its own and forge one of the report's (review 29).
 */
export function nameSafe(name: string): string {
  return terminalSafe(name).replace(/[\t\n]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** Quotes a user's value for a message, shortened, with control characters escaped. */
export function quote(value: string): string {
  return terminalSafe(JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value))
}

/**
 * Checks that a value is one of the allowed ones, letter case aside (`--format MD`, `--style APA`).
 * @param option - the option's name for the message (`--style`)
 * @param more - what to add when the values are too many to list and none is close
 * @param aliases - other accepted spellings, listed after the values (`md` for markdown)
 * @throws InputError naming the option, the closest value and where the values are listed
 */
export function oneOf<T extends string>(
  option: string,
  value: string,
  allowed: readonly T[],
  more = '',
  aliases: readonly string[] = [],
): T {
  const found = allowed.find((a) => a.toLowerCase() === value.toLowerCase())
  if (found !== undefined) return found
  const hint = closest(value, allowed)
  const values = [...allowed, ...aliases]
  const list = allowed.length <= 8 ? ` (use ${values.join(', ')})` : hint ? '' : `${more}`
  throw new InputError(`unknown ${option} value ${quote(value)}${hint ? ` (did you mean "${hint}"?)` : ''}${list}`)
}

/** Pretty JSON for --json output, with every control character escaped. */
export function json(value: unknown): string {
  // JSON.stringify escapes C0 controls; DEL, C1 and bidi controls are escaped too (still valid JSON, same value).
  return terminalSafe(JSON.stringify(value, null, 2))
}
