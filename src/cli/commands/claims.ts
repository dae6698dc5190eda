import { claims, sourceIds, vocabularies } from '../../index'
import {
  json,
  listFlag,
  oneOf,
  paint,
  quote,
  verdictColor,
  type FlagSpec,
  type Io,
  type Parsed,
  UsageError,
} from '../io'

export const summary = 'List the tracked claims, filtered by verdict, topic or source page.'

export const help = `Usage: kap-literature claims [--verdict v,...] [--topic t,...] [--source s,...] [--json]

${summary}
A filter takes one value or several separated by commas (any of them matches);
different filters must all match.

Filters:
  --verdict  ${vocabularies.verdicts.map((t) => t.id).join(', ')}
  --topic    ${vocabularies.topics.map((t) => t.id).join(', ')}
  --source   ${sourceIds.join(', ')}

Options:
  --json     print the matching claim records as a JSON array

Examples:
  kap-literature claims --verdict inaccurate
  kap-literature claims --topic duration --source samadhi-kap-vs-infusions --json`

export const flags: FlagSpec = { booleans: ['json'], values: ['verdict', 'topic', 'source'] }

const more = '; see kap-literature claims --help for the values'

export function run(args: Parsed, io: Io): number {
  if (args.positional.length > 0)
    throw new UsageError(
      `claims takes no arguments, only --verdict, --topic and --source (got ${quote(args.positional[0]!)})`,
    )
  const verdicts = listFlag(args, 'verdict').map((v) =>
    oneOf(
      '--verdict',
      v,
      vocabularies.verdicts.map((t) => t.id),
      more,
    ),
  )
  const topics = listFlag(args, 'topic').map((v) =>
    oneOf(
      '--topic',
      v,
      vocabularies.topics.map((t) => t.id),
      more,
    ),
  )
  const pages = listFlag(args, 'source').map((v) => oneOf('--source', v, sourceIds, more))
  const found = claims.filter(
    (c) =>
      (verdicts.length === 0 || verdicts.includes(c.verdict)) &&
      (topics.length === 0 || c.topics.some((t) => topics.includes(t))) &&
      (pages.length === 0 || c.madeBy.some((m) => pages.includes(m.source))),
  )
  if (args.flags.has('json')) {
    io.out(json(found))
    return 0
  }
  if (found.length === 0) {
    io.out('No claims match these filters.')
    return 0
  }
  io.out(
    [
      ...found.map(
        (c) => `[${paint(io, verdictColor(c.verdict), c.verdict)}] ${paint(io, 'bold', c.id)}\n    ${c.statement}`,
      ),
      '',
      `${found.length} of ${claims.length} claims. Details: kap-literature show <claim-id>`,
    ].join('\n'),
  )
  return 0
}
