import { claims, sources, studies } from '../../index'
import { UsageError, type Io, type Parsed } from '../io'

export const help = `Usage: kap-literature list [studies|claims|sources] [--json]

Lists record ids with a one-line description (studies by default).

Examples:
  kap-literature list
  kap-literature list claims --json`

export function run(args: Parsed, io: Io): number {
  const [what = 'studies', ...rest] = args.positional
  if (rest.length > 0) throw new UsageError('list takes at most one word: studies, claims or sources')
  const json = args.flags.has('json')
  let rows: { id: string; text: string }[]
  if (what === 'studies') rows = studies.map((s) => ({ id: s.id, text: `${s.csl.title ?? ''} (${s.design})` }))
  else if (what === 'claims') rows = claims.map((c) => ({ id: c.id, text: `[${c.verdict}] ${c.statement}` }))
  else if (what === 'sources') rows = sources.map((s) => ({ id: s.id, text: s.csl.title ?? s.csl.URL ?? '' }))
  else throw new UsageError(`unknown list "${what}" (use studies, claims or sources)`)
  io.out(json ? JSON.stringify(rows, null, 2) : rows.map((r) => `${r.id}  ${r.text}`).join('\n'))
  return 0
}
