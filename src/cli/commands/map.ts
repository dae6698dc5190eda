import { writeFileSync } from 'node:fs'
import { topicTerms, type ClaimId, type Topic } from '../../index'
import { evidenceMap } from '../../map/index'
import { InputError, terminalSafe, UsageError, type FlagSpec, type Io, type Parsed } from '../io'

export const summary =
  'Draw the evidence map of a topic: claims by verdict, studies by design and relation (SVG or HTML).'

export const help = `Usage: kap-literature map [--topic <topic>] [--claims <id,id,…>] [--format svg|html] [--title <text>] [--out <file>]

${summary}
Each claim is a row, grouped by verdict and labelled with it; each study that bears on it is a mark placed in the
column of its design (strongest designs on the left, regulatory and consensus records in a band of their own) and
shaped by its relation: filled circle supports, half-filled partly supports, cross contradicts, open square does not
test the claim, open diamond context. The SVG is deterministic and self-contained (no fonts or scripts from outside).

Options:
  --topic    one of: ${topicTerms.join(', ')}
  --claims   comma-separated claim ids (with --topic: those of the topic)
  --format   svg (default) or html (a figure with the same facts as a table)
  --title    the heading (default "Evidence map: <topic>")
  --out      write to this file instead of standard output

Examples:
  kap-literature map --topic psychotherapy --out psychotherapy.svg
  kap-literature map --topic efficacy --format html > efficacy-map.html`

export const flags: FlagSpec = { booleans: [], values: ['topic', 'claims', 'format', 'title', 'out'] }

export function run(args: Parsed, io: Io): number {
  if (args.positional.length > 0) throw new UsageError('map takes no words, only options (see --help)')
  const value = (name: string): string | undefined => {
    const v = args.flags.get(name)
    return typeof v === 'string' ? v : undefined
  }
  const format = value('format') ?? 'svg'
  if (format !== 'svg' && format !== 'html') throw new InputError(`--format must be svg or html, not "${format}"`)
  const claims = value('claims')
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean) as ClaimId[] | undefined
  const title = value('title')
  const out = evidenceMap({
    format,
    ...(value('topic') === undefined ? {} : { topic: value('topic') as Topic }),
    ...(claims === undefined ? {} : { claims }),
    ...(title === undefined ? {} : { title }),
  })
  const file = value('out')
  if (file === undefined) {
    io.out(out.replace(/\n$/, ''))
    return 0
  }
  try {
    writeFileSync(file, out)
  } catch (e) {
    throw new InputError(`cannot write ${JSON.stringify(file)}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`)
  }
  io.err(`kap-literature: wrote ${terminalSafe(file)}`)
  return 0
}
