import { formatCitation } from '../../citations/index'
import { flag, json, UsageError, type FlagSpec, type Io, type Parsed } from '../io'
import { citableIds, idWords, styleList, styleOption, textFormatOption } from '../records'

export const summary = 'Print an in-text citation of studies or sources, in one of six styles.'

export const help = `Usage: kap-literature cite <ids...> [--style ${styleList}] [--format text|html|markdown] [--narrative] [--json]

${summary}
Several ids (separated by spaces or commas) give one citation, ordered as the
style orders them; numeric styles number them in the order given. A study's DOI
or PubMed id stands for its id (kap-literature cite 10.1080/02791072.2019.1587556).

Options:
  --style      citation style (default apa)
  --format     text (default), html (escaped, with classes) or markdown (md)
  --narrative  narrative form: Dore et al. (2019) instead of (Dore et al., 2019)
  --json       print { style, format, narrative, ids, citation }

Examples:
  kap-literature cite dore-2019
  kap-literature cite dore-2019 wilkinson-2021 --style chicago
  kap-literature cite wilkinson-2021 --narrative --format html`

export const flags: FlagSpec = { booleans: ['json', 'narrative'], values: ['style', 'format'] }

export function run(args: Parsed, io: Io): number {
  const words = idWords(args.positional)
  if (words.length === 0) throw new UsageError('cite needs at least one study or source id')
  const style = styleOption(flag(args, 'style'))
  const format = textFormatOption(flag(args, 'format'))
  const narrative = args.flags.has('narrative')
  const ids = citableIds(words)
  const citation = formatCitation(ids, { style, format, narrative })
  io.out(args.flags.has('json') ? json({ style, format, narrative, ids: [...new Set(ids)], citation }) : citation)
  return 0
}
