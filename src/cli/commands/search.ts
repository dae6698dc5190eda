import { getClaim, vocabularies, type VocabularyTerm } from '../../index'
import {
  flag,
  InputError,
  json,
  listFlag,
  oneOf,
  paint,
  quote,
  UsageError,
  verdictColor,
  type FlagSpec,
  type Io,
  type Parsed,
} from '../io'

export const summary = 'Search studies, claims and sources, with filters.'

const ids = (terms: readonly VocabularyTerm[]) => terms.map((t) => t.id)

export const help = `Usage: kap-literature search <query> [filters] [--limit n] [--json]

${summary}
Typos, plurals, abbreviations (TRD, PTSD, IV), author + year ("grunebaum 2018")
and pasted DOIs, PMIDs or URLs all work; rare words of every record's full text
(findings, notes) count too. Several words in the query need no quotes.
A filter takes one value or several separated by commas (any of them matches).

Filters:
  --type           study, claim, source
  --year           2019, 2015-2020, 2015- or -2020 (studies and sources)
  --design         ${ids(vocabularies.designs).join(', ')}
  --condition      ${ids(vocabularies.conditions).join(', ')}
  --route          ${ids(vocabularies.routes).join(', ')}
  --psychotherapy  yes or no: studies where psychotherapy was (not) part of the treatment
  --certainty      ${ids(vocabularies.certainty).join(', ')}
  --topic          ${ids(vocabularies.topics).join(', ')} (claims)
  --verdict        ${ids(vocabularies.verdicts).join(', ')} (claims)

Options:
  --limit n  most results to show (default 10)
  --json     print the results as a JSON array of { type, id, score, title, snippet, highlights }

Examples:
  kap-literature search ketamine ptsd --type study
  kap-literature search "lasting relief" --verdict overstated,inaccurate
  kap-literature search infusion --design randomized-controlled-trial --year 2015- --json`

export const flags: FlagSpec = {
  booleans: ['json'],
  values: ['type', 'year', 'design', 'condition', 'topic', 'verdict', 'route', 'psychotherapy', 'certainty', 'limit'],
}

function vocabFilter(args: Parsed, name: string, terms: readonly VocabularyTerm[]): string[] | undefined {
  const values = listFlag(args, name)
  if (values.length === 0) return undefined
  return values.map((v) => oneOf(`--${name}`, v, ids(terms), `; see kap-literature search --help for the values`))
}

function yearRange(value: string): { yearFrom?: number; yearTo?: number } {
  const m = /^(\d{4})?(-)?(\d{4})?$/.exec(value.trim())
  if (m === null || (m[1] === undefined && m[3] === undefined) || (m[2] === undefined && m[3] !== undefined)) {
    throw new InputError(`bad --year value ${quote(value)}; use a year (2019) or a range (2015-2020, 2015-, -2020)`)
  }
  const from = m[1] === undefined ? undefined : Number(m[1])
  const to = m[2] === undefined ? from : m[3] === undefined ? undefined : Number(m[3])
  if (from !== undefined && to !== undefined && from > to)
    throw new InputError(`bad --year range ${quote(value)}: the first year is after the second`)
  return { ...(from === undefined ? {} : { yearFrom: from }), ...(to === undefined ? {} : { yearTo: to }) }
}

/** Paints highlight ranges of one field bold. */
function highlight(io: Io, text: string, ranges: readonly { start: number; end: number }[]): string {
  if (!io.color || ranges.length === 0) return text
  let out = ''
  let at = 0
  for (const r of ranges) {
    out += text.slice(at, r.start) + paint(io, 'bold', text.slice(r.start, r.end))
    at = r.end
  }
  return out + text.slice(at)
}

export async function run(args: Parsed, io: Io): Promise<number> {
  const query = args.positional.join(' ').trim()
  if (query === '') throw new UsageError('search needs a query, e.g. kap-literature search ketamine ptsd')
  const limitText = flag(args, 'limit') ?? '10'
  if (!/^\d{1,6}$/.test(limitText) || Number(limitText) < 1)
    throw new InputError(`bad --limit value ${quote(limitText)}; use a positive whole number`)
  const psychotherapy = flag(args, 'psychotherapy')
  const withPsychotherapy =
    psychotherapy === undefined ? undefined : oneOf('--psychotherapy', psychotherapy, ['yes', 'no'] as const) === 'yes'
  const types = listFlag(args, 'type').map((t) => oneOf('--type', t, ['study', 'claim', 'source'] as const))
  const year = flag(args, 'year')
  const options = {
    limit: Number(limitText),
    ...(types.length > 0 ? { types } : {}),
    ...(year === undefined ? {} : yearRange(year)),
    ...(withPsychotherapy === undefined ? {} : { withPsychotherapy }),
  } as Record<string, unknown>
  for (const [name, terms] of [
    ['design', vocabularies.designs],
    ['condition', vocabularies.conditions],
    ['topic', vocabularies.topics],
    ['verdict', vocabularies.verdicts],
    ['route', vocabularies.routes],
    ['certainty', vocabularies.certainty],
  ] as const) {
    const values = vocabFilter(args, name, terms)
    if (values !== undefined) options[name] = values
  }
  // Loaded on demand: only this command needs the search index. A terminal pays nothing for the full-text words,
  // so the command always searches with them.
  const { loadFullText, search } = await import('../../search/index')
  await loadFullText()
  const results = search(query, options as Parameters<typeof search>[1])
  if (args.flags.has('json')) {
    io.out(json(results))
    return 0
  }
  if (results.length === 0) {
    io.out(`No results for ${quote(query)}. Try fewer words or fewer filters.`)
    return 0
  }
  const lines: string[] = []
  results.forEach((r, n) => {
    const titleRanges = r.highlights.filter((h) => h.field === 'title')
    const snippetRanges = r.highlights.filter((h) => h.field === 'snippet')
    const verdict =
      r.type === 'claim' ? ` [${paint(io, verdictColor(getClaim(r.id).verdict), getClaim(r.id).verdict)}]` : ''
    lines.push(`${String(n + 1).padStart(2)}. ${paint(io, 'cyan', r.type)} ${paint(io, 'bold', r.id)}${verdict}`)
    lines.push(`    ${highlight(io, r.title, titleRanges)}`)
    if (r.snippet !== '') lines.push(`    ${highlight(io, r.snippet, snippetRanges)}`)
  })
  io.out(lines.join('\n'))
  return 0
}
