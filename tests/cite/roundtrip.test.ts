// Round trips: every export of every shipped study and source is parsed back, by citation-js (our own strings only,
// in tests) and by an independent parser (biblatex-csl-converter), and the bibliographic fields compared.
import { sentenceCase } from '../../src/cite/sentence-case'
import { Cite } from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import '@citation-js/plugin-ris'
import { BibLatexParser, RISParser } from 'biblatex-csl-converter'
import { describe, expect, it } from 'vitest'
import { citationCsl, isCitable, sources, studies, type CslItem } from '../../src/index'
import { toBibLaTeX, toBibTeX, toCSLJSON, toRIS, type CiteItem } from '../../src/cite/index'
import { initialsWithStops } from '../../src/cite/style-records'

/** The fields compared, normalised: dashes to '-', whitespace collapsed. */
interface Fields {
  title?: string
  authors: string[]
  year?: number
  journal?: string
  volume?: string
  issue?: string
  pages?: string
  doi?: string
}

const norm = (s: unknown): string | undefined => {
  if (s === undefined || s === null || s === '') return undefined
  // LaTeX writes typographic quotes as ``…'' (citation-js parses them back as written).
  return String(s)
    .replace(/``/g, '\u201c')
    .replace(/''/g, '\u201d')
    .replace(/[\u2012-\u2015]/g, '-')
    .replace(/-{2,3}/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
}

type Name = { family?: string; given?: string; literal?: string; 'non-dropping-particle'?: string; prefix?: string }
// BibTeX has no literal names: an organisation comes back as a family name without given name. A particle may come
// back split from the family name ("aan het Rot"). An apostrophe in a name is exported straight, which LaTeX prints
// as the typographic one ("D'Souza" for "D’Souza"): the two count as the same name.
const apostrophe = (s: string | undefined) => s?.replace(/\u2019/g, "'")
const nameKey = (n: Name): string => {
  const family = [n['non-dropping-particle'] ?? n.prefix, n.literal ?? n.family]
    .filter((p) => p !== undefined && p !== '')
    .join(' ')
  return `${apostrophe(norm(family)) ?? ''}|${apostrophe(norm(n.given)) ?? ''}`
}

/** Whether records of this CSL type are exported with their site or server as publisher: web pages and preprints. */
const publishedBy = (type: string): boolean => type === 'webpage' || type === 'article'

function expected(csl: CslItem): Fields {
  // A web page's site name is exported as its publisher when it has none (citation-js drops container-title there);
  // a preprint's server is exported where a preprint's repository goes (howpublished, RIS PB), read back as publisher.
  // A publisher that is the record's one author (an agency's statement) is not exported a second time (review 29).
  const publisher =
    csl.author?.length === 1 && (csl.author[0] as Name).literal === csl.publisher ? undefined : csl.publisher
  const journal = publishedBy(csl.type) ? (publisher ?? csl['container-title']) : csl['container-title']
  return {
    // Shipped titles are exported in sentence case, the case reference managers store (review 29).
    title: norm(typeof csl.title === 'string' ? sentenceCase(csl.title, 'capital') : csl.title),
    authors: (csl.author ?? []).map(nameKey),
    year: csl.issued?.['date-parts'][0]?.[0],
    journal: norm(journal),
    volume: norm(csl.volume),
    issue: norm(csl.issue),
    pages: norm(csl.page),
    doi: norm(csl.DOI),
  }
}

/** citation-js's CSL-JSON back into the compared fields; `type` is the original record's type. */
function fromCsl(item: Record<string, unknown>, type: string): Fields {
  const journal = publishedBy(type) ? (item.publisher ?? item['container-title']) : item['container-title']
  const names = (item.author as Name[] | undefined) ?? []
  return {
    title: norm(item.title),
    authors: names.map(nameKey),
    year: (item.issued as { 'date-parts'?: number[][] } | undefined)?.['date-parts']?.[0]?.[0],
    journal: norm(journal),
    volume: norm(item.volume),
    issue: norm(item.issue),
    pages: norm(item.page),
    doi: norm(item.DOI),
  }
}

type Node = { type?: string; text?: string; marks?: { type: string }[] }
// The converter turns ``…'' into text marked `enquote`.
const nodeText = (n: Node): string =>
  n.marks?.some((m) => m.type === 'enquote') === true ? `\u201c${n.text ?? ''}\u201d` : (n.text ?? '')
const text = (nodes: unknown): string | undefined =>
  Array.isArray(nodes) ? norm((nodes as Node[]).map(nodeText).join('')) : norm(nodes)

/** biblatex-csl-converter's internal entry back into the compared fields. */
function fromConverter(
  entry: { bib_type: string; fields: Record<string, unknown>; unexpected_fields?: Record<string, unknown> },
  type: string,
): Fields {
  // Fields BibTeX allows but BibLaTeX does not expect for the type (publisher of @misc) are kept apart.
  const f = { ...entry.unexpected_fields, ...entry.fields }
  const people =
    (f.author as { family?: Node[]; given?: Node[]; literal?: Node[]; prefix?: Node[] }[] | undefined) ?? []
  const pages = f.pages as Node[][][] | undefined
  // A range is [start nodes, end nodes]; the converter's RIS reader gives SP and EP as two nodes of one part.
  const first = pages?.[0]
  const parts = first?.length === 1 && first[0]!.length === 2 ? first[0]!.map((n) => [n]) : first
  const range = parts
    ?.map((part) => text(part))
    .filter((p) => p !== undefined)
    .join('-')
  const date = typeof f.date === 'string' ? f.date : undefined
  const journal =
    type === 'article'
      ? (f.howpublished ?? f.publisher)
      : type === 'webpage'
        ? (f.publisher ?? f.organization ?? f.journaltitle)
        : f.journaltitle
  return {
    title: text(f.title),
    authors: people.map((p) =>
      nameKey({ family: text(p.literal ?? p.family), given: text(p.given), prefix: text(p.prefix) }),
    ),
    year: date === undefined ? undefined : Number(date.slice(0, 4)),
    journal: text(Array.isArray(journal) && Array.isArray(journal[0]) ? journal[0] : journal),
    volume: text(f.volume),
    issue: text(f.issue ?? f.number),
    pages: norm(range),
    doi: norm(f.doi),
  }
}

// The exports give each bare initial of a shipped record its full stop ("Ella J." where PubMed wrote "Ella J").
const records = [...studies, ...sources]
  .filter((r) => isCitable(r))
  .map((r) => initialsWithStops(citationCsl(r) as never) as unknown as CslItem)
  .sort((a, b) => a.id.localeCompare(b.id))
const typeOf = new Map(records.map((r) => [r.id, r.type as string]))
const expectedById = new Map(records.map((c) => [c.id, expected(c)]))

/** Entries with no field at all (`@misc{id,\n}`, valid BibTeX), which the converter cannot read. */
const emptyEntries = (bib: string): string[] => [...bib.matchAll(/^@\w+\{([^,]+),\n\}$/gm)].map((m) => m[1]!)
const shortTitle = new Map(records.map((r) => [r.id, norm(r['container-title-short'])]))

const partial = new Set<string>(studies.filter((s) => s.authorsComplete === false).map((s) => s.id))

function compareAll(parsed: Map<string, Fields>, label: string, skip: readonly string[] = []): void {
  expect([...parsed.keys()].sort(), label).toEqual(records.map((r) => r.id).filter((id) => !skip.includes(id)))
  for (const [id, want] of expectedById) {
    if (skip.includes(id)) continue
    const got = parsed.get(id)!
    for (const key of Object.keys(want) as (keyof Fields)[]) {
      // Without a full journal title a parser may fall back to the abbreviation (RIS J2).
      if (key === 'journal' && want.journal === undefined && got.journal !== undefined)
        expect(got.journal, `${label} ${id}.journal`).toBe(shortTitle.get(id))
      // A partial author list is written "… and others" in BibTeX and BibLaTeX, which parsers read as a last author "others".
      else if (key === 'authors' && partial.has(id) && /bib/.test(label))
        expect(got.authors, `${label} ${id}.authors`).toEqual([...want.authors, 'others|'])
      else expect(got[key], `${label} ${id}.${key}`).toEqual(want[key])
    }
  }
}

describe('round trip through citation-js parsers', () => {
  it('CSL-JSON', () => {
    const parsed = new Cite(JSON.parse(toCSLJSON()) as object[], { forceType: '@csl/list+object' }).data as Record<
      string,
      unknown
    >[]
    compareAll(new Map(parsed.map((p) => [String(p.id), fromCsl(p, typeOf.get(String(p.id))!)])), 'csljson')
  })

  for (const [label, exporter] of [
    ['bibtex', toBibTeX],
    ['biblatex', toBibLaTeX],
  ] as const) {
    it(label, () => {
      const parsed = new Cite(exporter() as never).data as Record<string, unknown>[]
      compareAll(
        new Map(
          parsed.map((p) => [
            String(p['citation-key'] ?? p.id),
            fromCsl(p, typeOf.get(String(p['citation-key'] ?? p.id))!),
          ]),
        ),
        `citation-js ${label}`,
      )
    })
  }

  it('RIS', () => {
    const parsed = new Cite(toRIS() as never).data as Record<string, unknown>[]
    compareAll(new Map(parsed.map((p) => [String(p.id), fromCsl(p, typeOf.get(String(p.id))!)])), 'citation-js ris')
  })
})

describe('the preprint is read back as a preprint-like record, not a journal article', () => {
  const preprints = records.filter((r) => r.type === 'article').map((r) => r.id as CiteItem)

  it('is the one shipped preprint, yermus-2023', () => {
    expect(preprints).toEqual(['yermus-2023'])
  })

  it('citation-js reads BibTeX and BibLaTeX @misc as a document and RIS UNPB as a manuscript, with the server as publisher', () => {
    const read = (text: string) => (new Cite(text as never).data as Record<string, unknown>[])[0]!
    const bibtex = read(toBibTeX(preprints))
    const biblatex = read(toBibLaTeX(preprints))
    const ris = read(toRIS(preprints))
    expect([bibtex.type, bibtex.publisher, bibtex['container-title']]).toEqual(['document', 'medRxiv', undefined])
    expect([biblatex.type, biblatex.publisher, biblatex.status]).toEqual(['document', 'medRxiv', 'preprint'])
    expect([ris.type, ris.publisher, ris['container-title']]).toEqual(['manuscript', 'medRxiv', undefined])
  })

  it('biblatex-csl-converter reads @misc with howpublished', () => {
    for (const bib of [toBibTeX(preprints), toBibLaTeX(preprints)]) {
      const entry = Object.values(new BibLatexParser(bib).parse().entries)[0] as { bib_type: string }
      expect(entry.bib_type).toBe('misc')
    }
  })
})

describe('round trip through biblatex-csl-converter (independent parser)', () => {
  for (const [label, exporter] of [
    ['bibtex', toBibTeX],
    ['biblatex', toBibLaTeX],
  ] as const) {
    it(label, () => {
      const bib = exporter()
      const result = new BibLatexParser(bib, { processUnexpected: true, processUnknown: true }).parse()
      // No empty entry (a source page with no confirmed title exports its own heading, with a note) and no parse error.
      const empty = emptyEntries(bib)
      expect(empty).toEqual([])
      expect(result.errors).toEqual([])
      const entries = Object.values(result.entries) as {
        entry_key: string
        bib_type: string
        fields: Record<string, unknown>
      }[]
      compareAll(
        new Map(entries.map((e) => [e.entry_key, fromConverter(e, typeOf.get(e.entry_key) ?? '')])),
        `converter ${label}`,
        empty,
      )
    })
  }

  it('every shipped record exports with at least a title, in every format', () => {
    const ris = toRIS().split('ER  - ').slice(0, -1)
    expect(ris).toHaveLength(records.length)
    for (const r of ris) expect(r, r).toMatch(/^TI {2}- \S/m)
    for (const bib of [toBibTeX(), toBibLaTeX()])
      for (const entry of bib.split(/\n(?=@)/)) expect(entry, entry.slice(0, 60)).toMatch(/\n\ttitle = \{\S/)
  })

  it('RIS', () => {
    const result = new RISParser(toRIS()).parse()
    expect(result.errors).toEqual([])
    // The converter names entries itself; RIS records come back in export order (sorted by id).
    const entries = Object.values(result.entries) as { bib_type: string; fields: Record<string, unknown> }[]
    expect(entries).toHaveLength(records.length)
    // RIS writes names as "Family, Given"; an organisation has no comma, and the converter splits it at the last
    // space ("U.S. Food and Drug" + "Administration"). Such a name is compared as the full text.
    const organisations = new Set(
      records.flatMap((r) => (r.author ?? []).flatMap((n) => (n.literal === undefined ? [] : [norm(n.literal)!]))),
    )
    const parsed = new Map(
      entries.map((e, i) => {
        const fields = fromConverter(e, records[i]!.type)
        const authors = fields.authors.map((key) => {
          const [family, given] = key.split('|')
          const whole = `${given} ${family}`
          return organisations.has(whole) ? `${whole}|` : key
        })
        return [records[i]!.id, { ...fields, authors }]
      }),
    )
    compareAll(parsed, 'converter ris')
  })
})
