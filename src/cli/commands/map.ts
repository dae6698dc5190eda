import { closeSync, constants, fstatSync, lstatSync, openSync, readlinkSync, writeSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { topicTerms } from '../../index'
import { evidenceMap } from '../../map/index'
import { flag, InputError, oneOf, nameSafe, quote, UsageError, type FlagSpec, type Io, type Parsed } from '../io'
import { claimIdsOption, refusePdf, topicOption } from '../records'

export const summary =
  'Draw the evidence map of a topic: claims by verdict, studies by design and relation (SVG or HTML).'

export const help = `Usage: kap-literature map [--topic <topic>] [--claims <id,id,…>] [--format svg|html] [--title <text>] [--out <file>]

${summary}
Each claim is a row, grouped by verdict and labelled with it; each study that bears on it is a mark placed in the
column of its design (strongest designs on the left, regulatory and consensus records in a band of their own) and
shaped by its relation: filled circle supports, half-filled partly supports, cross contradicts, single stroke partly
contradicts, open square does not test the claim, open diamond context. The SVG is deterministic and self-contained
(no fonts or scripts from outside).
Without --topic or --claims: every claim.

Options:
  --topic    one of: ${topicTerms.join(', ')}
  --claims   comma-separated claim ids (with --topic: those of the topic)
  --format   svg (default) or html (a figure with the same facts as a table)
  --title    the heading (default "Evidence map: <topic>")
  --out      write to this file instead of standard output (- is standard output)

Examples:
  kap-literature map --topic psychotherapy --out psychotherapy.svg
  kap-literature map --topic efficacy --format html > efficacy-map.html`

export const flags: FlagSpec = { booleans: [], values: ['topic', 'claims', 'format', 'title', 'out'] }

/** Where a symbolic link points, or `undefined` when `file` is no link. */
function linkTarget(file: string): string | undefined {
  try {
    return lstatSync(file).isSymbolicLink() ? readlinkSync(file) : undefined
  } catch {
    return undefined
  }
}

/** A one-line message for a file that cannot be written, with the path and what to do. */
function cannotWrite(file: string, e: unknown, example: string): InputError {
  const code = (e as NodeJS.ErrnoException).code
  const where = `cannot write ${quote(file)}`
  if (code === 'ENOENT') {
    // A link whose target's folder is missing: name the target, not the link's own folder, which exists.
    const target = linkTarget(file)
    return new InputError(
      target !== undefined
        ? `${where}: it is a link to ${quote(target)}, whose folder does not exist; remove the link or choose another path`
        : `${where}: the folder ${quote(dirname(file))} does not exist; create it or choose another path`,
    )
  }
  if (code === 'ENOTDIR')
    return new InputError(`${where}: part of the path is a file, not a folder; choose another path`)
  if (code === 'EISDIR')
    return new InputError(`${where}: it is a folder; give a file name, e.g. --out ${quote(join(file, example))}`)
  if (code === 'ENXIO' || code === 'FIFO')
    return new InputError(
      `${where}: it is a FIFO (named pipe) or socket, not a file; give a file name, or leave out --out to write to ` +
        'standard output',
    )
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new InputError(`${where}: permission denied; choose a folder you can write to`)
  return new InputError(`${where} (${code ?? (e instanceof Error ? e.message : 'unknown error')})`)
}

/**
 * Writes `text` to a file, never waiting without end: the file is opened without blocking (open() of a FIFO would
 * wait for a reader forever; without one it fails with ENXIO), and a FIFO or socket is refused (error code `FIFO`).
 */
function writeFile(file: string, text: string): void {
  const fd = openSync(
    file,
    constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (constants.O_NONBLOCK ?? 0),
    0o666,
  )
  try {
    const stat = fstatSync(fd)
    if (stat.isFIFO() || stat.isSocket()) throw Object.assign(new Error(`${file} is a FIFO`), { code: 'FIFO' })
    const bytes = Buffer.from(text)
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at)
  } finally {
    closeSync(fd)
  }
}

export function run(args: Parsed, io: Io): number {
  if (args.positional.length > 0) throw new UsageError('map takes no words, only options (see --help)')
  const topicValue = flag(args, 'topic')
  const topic = topicValue === undefined ? undefined : topicOption(topicValue)
  refusePdf('map', flag(args, 'format'), topic)
  const format = oneOf('--format', flag(args, 'format') ?? 'svg', ['svg', 'html'] as const)
  const claimsValue = flag(args, 'claims')
  const claims = claimsValue === undefined ? undefined : claimIdsOption('--claims', claimsValue)
  const title = flag(args, 'title')
  // Counted in characters (code points), as evidenceMap counts them: an emoji is one.
  const length = title === undefined ? 0 : [...title].length
  if (length > 200) throw new InputError(`--title is ${length} characters long; a map title has at most 200`)
  if (title !== undefined && title.trim() === '')
    throw new InputError('--title is blank; leave it out for the default heading ("Evidence map: <topic>")')
  // A control character (which an SVG cannot hold) or a bidirectional override (which would reorder the terminal's
  // text when the map is printed) is refused, and the title shown with visible escapes.
  const control = title === undefined ? null : /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.exec(title)
  if (control !== null)
    throw new InputError(
      `--title ${quote(title!)} contains U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}, ` +
        'a control or bidirectional formatting character; a map title is one line of plain text',
    )
  const out = evidenceMap({
    format,
    ...(topic === undefined ? {} : { topic }),
    ...(claims === undefined ? {} : { claims }),
    ...(title === undefined ? {} : { title }),
  })
  const file = flag(args, 'out')
  // `-` is standard output, as `check -` reads standard input (a file named "-" is written as ./-).
  if (file === undefined || file === '-') {
    io.out(out.replace(/\n$/, ''))
    return 0
  }
  if (file === '') throw new InputError('--out needs a file name, e.g. --out map.svg')
  try {
    writeFile(file, out)
  } catch (e) {
    throw cannotWrite(file, e, `${topic ?? 'evidence'}-map.${format}`)
  }
  io.err(`kap-literature: wrote ${nameSafe(file)}`)
  return 0
}
