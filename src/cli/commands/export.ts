import { flag, json, oneOf, type FlagSpec, type Io, type Parsed } from '../io'
import { allCitableIds, citableIds, idWords, noteLeadsLeftOut } from '../records'

export const summary = 'Export records as CSL-JSON, BibTeX, BibLaTeX or RIS for reference managers.'

const formats = ['csljson', 'bibtex', 'biblatex', 'ris'] as const

export const help = `Usage: kap-literature export [ids...] [--format ${formats.join('|')}] [--json]

${summary}
Ids are separated by spaces or commas; a study's DOI or PubMed id stands for its id.
Without ids: every citable study and source, sorted by id;
the leads (records whose authors, title or date are not confirmed) are left out, and a line on standard
error names them. Citation keys are the ids.

Options:
  --format   csljson (default; Zotero, Pandoc, citation-js), bibtex, biblatex (biber) or ris (Zotero, EndNote)
  --json     print { format, ids, content } instead of the bare export

Examples:
  kap-literature export --format bibtex > kap.bib
  kap-literature export dore-2019 wilkinson-2021 --format ris`

export const flags: FlagSpec = { booleans: ['json'], values: ['format'] }

export async function run(args: Parsed, io: Io): Promise<number> {
  const format = oneOf('--format', flag(args, 'format') ?? 'csljson', formats)
  const words = idWords(args.positional)
  // Repeats dropped first, as bib and cite do: an id named twice is one record, and counts once.
  const ids = words.length > 0 ? [...new Set(citableIds(words))] : allCitableIds()
  // Loaded on demand: citation-js is only needed here.
  const cite = await import('../../cite/index')
  const content = { csljson: cite.toCSLJSON, bibtex: cite.toBibTeX, biblatex: cite.toBibLaTeX, ris: cite.toRIS }[
    format
  ](ids)
  if (args.flags.has('json')) io.out(json({ format, ids: [...new Set(ids)], content }))
  else if (content !== '') io.out(content.replace(/\n$/, ''))
  // After the output, where a reader at a terminal sees it.
  if (words.length === 0) noteLeadsLeftOut(io)
  return 0
}
