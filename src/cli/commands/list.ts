import { claims, isCitable, sources, studies } from '../../index'
import { json, quote, UsageError, type FlagSpec, type Io, type Parsed } from '../io'

export const summary = 'List study, claim or source ids with a one-line description.'

export const help = `Usage: kap-literature list [studies|claims|sources] [--json]

${summary} Studies by default.

A study kept only as a lead (its authors, title or date not confirmed) is marked "[lead, not citable]": the
commands, the API and the elements refuse to cite it (kap-literature show <id> says what is missing).

Options:
  --json   print a JSON array of { id, text } (a lead with "lead": true)

Examples:
  kap-literature list
  kap-literature list claims --json`

export const flags: FlagSpec = { booleans: ['json'], values: [] }

export function run(args: Parsed, io: Io): number {
  const [what = 'studies', ...rest] = args.positional
  if (rest.length > 0) throw new UsageError('list takes at most one word: studies, claims or sources')
  let rows: { id: string; text: string; lead?: true }[]
  if (what === 'studies')
    rows = studies.map((s) => {
      const text = `${s.csl.title ?? '(title not confirmed)'} (${s.design})`
      return isCitable(s) ? { id: s.id, text } : { id: s.id, text: `[lead, not citable] ${text}`, lead: true }
    })
  else if (what === 'claims') rows = claims.map((c) => ({ id: c.id, text: `[${c.verdict}] ${c.statement}` }))
  else if (what === 'sources')
    rows = sources.map((s) => ({ id: s.id, text: s.csl.title ?? s.documentTitle ?? s.csl.URL ?? '' }))
  else throw new UsageError(`unknown list ${quote(what)} (use studies, claims or sources)`)
  io.out(args.flags.has('json') ? json(rows) : rows.map((r) => `${r.id}  ${r.text}`).join('\n'))
  return 0
}
