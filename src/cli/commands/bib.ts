import { formatBibliography } from '../../citations/index'
import { flag, json, type FlagSpec, type Io, type Parsed } from '../io'
import {
  bibliographyIds,
  citableIds,
  idWords,
  noteLeadsLeftOut,
  styleList,
  styleOption,
  textFormatOption,
} from '../records'

export const summary = 'Print a bibliography (reference list) of studies and sources.'

export const help = `Usage: kap-literature bib [ids...] [--style ${styleList}] [--format text|html|markdown] [--json]

${summary}
Ids are separated by spaces or commas; a study's DOI or PubMed id stands for its id.
Without ids: every citable study and source;
the leads (records whose authors, title or date are not confirmed) are left out,
and a line on standard error names them. Entries are sorted as the style sorts
them; numeric styles number them in the order given, or without ids in the
order of the APA reference list (by author, then year).

Options:
  --style    citation style (default apa)
  --format   text (default, one entry per line), html or markdown (md)
  --json     print { style, format, ids, bibliography }

Examples:
  kap-literature bib dore-2019 grunebaum-2018
  kap-literature bib --style vancouver --format markdown > references.md`

export const flags: FlagSpec = { booleans: ['json'], values: ['style', 'format'] }

export function run(args: Parsed, io: Io): number {
  const style = styleOption(flag(args, 'style'))
  const format = textFormatOption(flag(args, 'format'))
  const words = idWords(args.positional)
  const ids = words.length > 0 ? citableIds(words) : bibliographyIds(style)
  const bibliography = formatBibliography(ids, { style, format })
  io.out(args.flags.has('json') ? json({ style, format, ids: [...new Set(ids)], bibliography }) : bibliography)
  // After the output, where a reader at a terminal sees it.
  if (words.length === 0) noteLeadsLeftOut(io)
  return 0
}
