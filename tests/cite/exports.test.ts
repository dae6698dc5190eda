import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { isCitable, KapLiteratureError, sources, studies } from '../../src/index'
import { exportFormats, toBibLaTeX, toBibTeX, toCSLJSON, toRIS, type CiteRecord } from '../../src/cite/index'
import { escapeLatex, PARTIAL_NOTE, unwrapRis } from '../../src/cite/export'
import { reference } from '../helpers/paths'

/** Every citable shipped record (leads, whose authors, title or date are unconfirmed, are never exported). */
const allIds = [...studies, ...sources]
  .filter((r) => isCitable(r))
  .map((r) => r.id)
  .sort()

const special: CiteRecord = {
  id: 'special_1',
  type: 'article-journal',
  title: 'Costs & 50% of $5 #1 a_b {x} ~y ^z \\w',
  author: [{ family: 'Ünal', given: 'Öz' }, { literal: 'Johnson & Johnson' }],
  'container-title': 'J. of R&D',
  issued: { 'date-parts': [[2020, 4, 7]] },
  volume: '3',
  issue: '2',
  page: '10-20',
  DOI: '10.5555/a_b%c',
  PMID: '123456',
  URL: 'https://example.org/x?a=1&b={2}',
}

describe('exportFormats', () => {
  it('names the four formats', () => {
    expect([...exportFormats]).toEqual(['csljson', 'bibtex', 'biblatex', 'ris'])
  })
})

describe('toCSLJSON', () => {
  const schema = JSON.parse(readFileSync(join(reference, 'csl-data.schema.json'), 'utf8')) as object
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema)

  it('exports every shipped study and source, sorted by id, valid against the CSL-JSON schema', () => {
    const items = JSON.parse(toCSLJSON()) as { id: string }[]
    expect(items.map((i) => i.id)).toEqual(allIds)
    expect(validate(items)).toBe(true)
    expect(validate.errors ?? []).toEqual([])
  })

  it('exports mixed shipped and user records in the order given, valid against the schema', () => {
    const json = toCSLJSON(['dore-2019', special])
    expect(json.endsWith('\n')).toBe(true)
    const items = JSON.parse(json) as Record<string, unknown>[]
    expect(items.map((i) => i.id)).toEqual(['dore-2019', 'special_1'])
    expect(items[1]).toEqual(special)
    expect(validate(items)).toBe(true)
  })

  it('is deterministic and empty for an empty list', () => {
    expect(toCSLJSON()).toBe(toCSLJSON())
    expect(toCSLJSON([])).toBe('[]\n')
  })
})

describe('a user record with nothing to cite it by', () => {
  it('is refused by every export (INVALID_RECORD, naming the id), as the formatters refuse it', () => {
    const empty: CiteRecord = { id: 'x-1', type: 'book', publisher: 'P' }
    for (const exportOf of [toCSLJSON, toBibTeX, toBibLaTeX, toRIS]) {
      let error: unknown
      try {
        exportOf([empty])
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(KapLiteratureError)
      expect((error as KapLiteratureError).code).toBe('INVALID_RECORD')
      expect((error as KapLiteratureError).value).toBe('x-1')
      expect((error as KapLiteratureError).hint).toMatch(/add a title or an author/)
    }
    // A title alone, or a name alone, is enough.
    expect(toBibTeX([{ ...empty, title: 'A book' }])).toContain('title = {A book}')
    expect(toRIS([{ ...empty, author: [{ literal: 'WHO' }] }])).toContain('AU  - WHO')
  })
})

describe('toBibTeX / toBibLaTeX', () => {
  it('uses the ids as citation keys, for every shipped record, sorted', () => {
    const keys = [...toBibTeX().matchAll(/^@\w+\{([^,]+),$/gm)].map((m) => m[1])
    expect(keys).toEqual(allIds)
    expect([...toBibLaTeX().matchAll(/^@\w+\{([^,]+),$/gm)].map((m) => m[1])).toEqual(allIds)
  })

  it('writes a shipped article with DOI, PMID in note and pages with --', () => {
    expect(toBibTeX(['wilkinson-2021'])).toBe(
      [
        '@article{wilkinson-2021,',
        '\tauthor = {Wilkinson, Samuel T. and Rhee, Taeho Greg and Joormann, Jutta and Webler, Ryan and Ortiz Lopez, ' +
          'Mayra and Kitay, Brandon and Fasula, Madonna and Elder, Christina and Fenton, Lisa and Sanacora, Gerard},',
        '\tjournal = {Psychotherapy and Psychosomatics},',
        '\tdoi = {10.1159/000517074},',
        '\tnumber = {5},',
        '\tyear = {2021},',
        '\tnote = {PMID: 34186531},',
        '\tpages = {318--327},',
        // In sentence case, as reference managers store titles (review 29): styles raise it where they want
        // headline case, and no capital is braced against the styles that want sentence case.
        '\ttitle = {Cognitive behavioral therapy to sustain the antidepressant effects of ketamine in ' +
          'treatment-resistant depression: A randomized clinical trial},',
        '\tvolume = {90},',
        // BibLaTeX's field, which Pandoc reads from a .bib for AMA and Vancouver; BibTeX ignores it.
        '\tshortjournal = {Psychother Psychosom},',
        '}',
        '',
      ].join('\n'),
    )
    const biblatex = toBibLaTeX(['wilkinson-2021'])
    expect(biblatex).toContain('\teprint = {34186531},\n\teprinttype = {pubmed},')
    expect(biblatex).toContain('\tjournaltitle = {Psychotherapy and Psychosomatics},')
  })

  it('writes a partial author list as "and others", the BibTeX way, and never the formatting placeholders', () => {
    const partial = studies.filter((s) => s.authorsComplete === false && isCitable(s))
    expect(partial.length).toBeGreaterThan(0)
    for (const s of partial) {
      for (const bib of [toBibTeX([s.id]), toBibLaTeX([s.id])]) {
        expect(bib, s.id).toMatch(/^\tauthor = \{.* and others\},$/m)
        expect(bib).not.toMatch(/etalplaceholder/i)
      }
      expect(toRIS([s.id]) + toCSLJSON([s.id])).not.toMatch(/etalplaceholder/i)
      // RIS and CSL-JSON have no "and others": the entry says so in a note.
      expect(toRIS([s.id]), s.id).toContain(`\nN1  - ${PARTIAL_NOTE}\n`)
      expect((JSON.parse(toCSLJSON([s.id])) as { note?: string }[])[0]!.note, s.id).toBe(PARTIAL_NOTE)
    }
    expect(toRIS(['dore-2019'])).not.toContain('N1  - ')
    expect(JSON.parse(toCSLJSON(['dore-2019']))[0]).not.toHaveProperty('note')
  })

  it('escapes what LaTeX needs, in titles, journals, and organisation names', () => {
    const bib = toBibTeX([special])
    expect(bib).toContain(
      'title = {Costs \\& 50\\% of \\textdollar{}5 \\#1 a\\textunderscore{}b \\textbraceleft{}x\\textbraceright{} ' +
        '\\textasciitilde{}y \\textasciicircum{}z \\textbackslash{}w}',
    )
    expect(bib).toContain('journal = {J. of R\\&D}')
    expect(bib).toContain('{Johnson \\& Johnson}')
    expect(bib).toContain('author = {{\\"U}nal, {\\"O}z and {Johnson \\& Johnson}}')
    expect(bib).toContain('note = {PMID: 123456}')
    expect(bib).toContain('pages = {10--20}')
    expect(bib).toContain('url = {https://example.org/x?a=1&b=%7B2%7D}')
    // BibTeX has year and month; the day has no standard field and is left out (BibLaTeX keeps it in date).
    expect(bib).toContain('month = apr,\n')
    expect(bib).not.toMatch(/\bday = /)
    expect(toBibLaTeX([special])).toMatch(/\bdate = \{\d{4}-04-07\}/)
    // Outside the verbatim doi/url fields no special character is left bare.
    const body = bib
      .split('\n')
      .filter((l) => !/^(@article\{|\t(doi|url|howpublished) = )/.test(l))
      .join('\n')
    expect(body.replace(/\\[&%$#_{}]|\\[a-z]+\{\}/g, '')).not.toMatch(/[&%$#_~^]/)
    expect(toBibLaTeX([special])).toContain('{Johnson \\& Johnson}')
  })

  it('keeps the case of a capitalised first title word', () => {
    expect(toBibTeX(['fda-compounded-ketamine-2023'])).toContain('title = {{{FDA}} warns')
  })

  it('keeps the case of a capital after a digit inside a word, as in (2R,6R)', () => {
    const title =
      'title = {Lack of antidepressant effects of ({2R},{6R})-hydroxynorketamine in a rat learned helplessness ' +
      'model: Comparison with ({R})-ketamine},'
    expect(toBibTeX(['shirayama-2018'])).toContain(`\t${title}\n`)
    expect(toBibLaTeX(['shirayama-2018'])).toContain(`\t${title}\n`)
    const titleOf = (t: string) => toBibTeX([{ id: 't-1', type: 'book', title: t }]).split('\n')[1]
    expect(titleOf('5HT2A receptors and 2R6S')).toBe('\ttitle = {{5HT2A} receptors and {2R6S}},')
    expect(titleOf('x4Y and A1c')).toBe('\ttitle = {{x4Y} and {A1c}},')
    expect(titleOf('Level 3 evidence in 2020')).toBe('\ttitle = {Level 3 evidence in 2020},')
  })

  it('leaves no capital of a shipped title unprotected but the first letter and one after a colon', () => {
    for (const line of toBibTeX().match(/^\ttitle = \{.*\},$/gm)!) {
      let bare = line.slice('\ttitle = {'.length, -2)
      for (let before = ''; before !== bare;) [before, bare] = [bare, bare.replace(/\{[^{}]*\}/g, '')]
      expect(
        bare
          .split(/:\s*/)
          .map((part) => part.slice(1))
          .join(' '),
        line,
      ).not.toMatch(/[A-Z]/)
    }
  })

  it('refuses a DOI BibTeX cannot hold, and is empty for an empty list', () => {
    expect(() => toBibTeX([{ ...special, DOI: '10.5555/a}b' }])).toThrow(KapLiteratureError)
    expect(toBibTeX([])).toBe('')
    expect(toBibLaTeX([])).toBe('')
  })

  it('escapeLatex escapes the ten specials', () => {
    expect(escapeLatex('& % $ # _ { } ~ ^ \\')).toBe(
      '\\& \\% \\$ \\# \\_ \\{ \\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}',
    )
  })
})

describe('a dotted abbreviation in a title (review 29)', () => {
  it('is protected with the word after it, which Pandoc would otherwise capitalise ("U.S. As")', () => {
    for (const text of [toBibTeX(['fda-esketamine-monotherapy-2025']), toBibLaTeX(['fda-esketamine-monotherapy-2025'])])
      expect(text).toContain('approved in the {{U}.{S}. as} the first')
  })
})

describe('a surname with its particle (review 29)', () => {
  it('tells biblatex and Pandoc the particle belongs to the name: "aan het Rot", not "Rot, M. aan het"', () => {
    for (const text of [toBibTeX(['feder-2014']), toBibLaTeX(['feder-2014'])]) {
      expect(text).toContain('aan het Rot, Marije')
      expect(text).toContain('\toptions = {useprefix=true},\n}')
    }
    expect(toBibLaTeX(['dore-2019'])).not.toContain('useprefix')
  })
})

describe('a surname with an apostrophe', () => {
  it('is written with the straight apostrophe LaTeX prints as ’, never \\textquoteright{}, which splits the name', () => {
    for (const text of [toBibTeX(['abdallah-2022']), toBibLaTeX(['abdallah-2022'])]) {
      expect(text).toContain(" and D'Souza, Deepak and ")
      expect(text).not.toContain('textquoteright')
    }
    const user: CiteRecord = {
      ...special,
      id: 'quote_1',
      author: [{ family: 'O’Brien', given: 'Ann’e' }, { literal: 'Smith’s Lab' }],
    }
    expect(toBibTeX([user])).toContain("author = {O'Brien, Ann'e and {Smith's Lab}}")
    // RIS and CSL-JSON keep the name as written.
    expect(toRIS(['abdallah-2022'])).toContain('AU  - D’Souza, Deepak')
  })
})

describe('an organisation that wrote and published a statement (review 29)', () => {
  it('is exported once, as its author: Pandoc and Zotero would print a publisher that repeats it', () => {
    const fda = 'U.S. Food and Drug Administration'
    const [csl] = JSON.parse(toCSLJSON(['fda-compounded-ketamine-2023'])) as Record<string, unknown>[]
    expect([csl!.author, csl!.publisher]).toEqual([[{ literal: fda }], undefined])
    for (const text of [toBibTeX(['fda-compounded-ketamine-2023']), toRIS(['fda-compounded-ketamine-2023'])])
      expect(text.split(fda).length - 1, text).toBe(1)
    // Your own records are exported as you give them.
    const mine = {
      id: 'mine',
      type: 'webpage',
      title: 'A statement',
      author: [{ literal: 'An agency' }],
      publisher: 'An agency',
    }
    expect(JSON.parse(toCSLJSON([mine]))[0].publisher).toBe('An agency')
  })
})

describe('toRIS', () => {
  const ris = toRIS()
  const records = ris.replace(/\n$/, '').split(/\n(?=TY {2}- )/)

  it('writes one record per shipped study and source, each from TY to ER, with the full id', () => {
    expect(records).toHaveLength(allIds.length)
    for (const [i, rec] of records.entries()) {
      const lines = rec.split('\n')
      expect(lines[0]).toMatch(/^TY {2}- [A-Z]+$/)
      expect(lines[lines.length - 1]).toBe('ER  - ')
      expect(lines).toContain(`ID  - ${allIds[i]}`)
    }
  })

  it('never wraps a line: every line is a tag line', () => {
    expect(ris.endsWith('ER  - \n')).toBe(true)
    for (const line of ris.replace(/\n$/, '').split('\n')) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /)
    const long = toRIS(['yermus-2023'])
      .split('\n')
      .find((l) => l.startsWith('TI  - '))!
    expect(long.length).toBeGreaterThan(200)
    expect(long).toBe(
      'TI  - Ketamine-assisted psychotherapy provides lasting and effective results in the treatment of depression, ' +
        'anxiety and post traumatic stress disorder at 3 and 6 months: Findings from a large single-arm retrospective effectiveness trial',
    )
  })

  it('uses JOUR for journal articles and ELEC for web pages, splits pages and pads dates', () => {
    const trial = toRIS(['wilkinson-2021']).split('\n')
    expect(trial).toEqual(
      expect.arrayContaining([
        'TY  - JOUR',
        'SP  - 318',
        'EP  - 327',
        'DO  - 10.1159/000517074',
        'T2  - Psychotherapy and Psychosomatics',
        'VL  - 90',
        'IS  - 5',
        'PY  - 2021',
      ]),
    )
    const page = toRIS(['samadhi-kap-vs-infusions']).split('\n')
    expect(page).toEqual(
      expect.arrayContaining(['TY  - ELEC', 'DA  - 2025/04/17/', 'PB  - Samadhi Therapy Associates']),
    )
  })

  it('keeps the PubMed ids in a note of their own (Zotero drops C2 and reads AN as "Loc. in Archive")', () => {
    const trial = toRIS(['wilkinson-2021']).split('\n')
    expect(trial.slice(-4)).toEqual(['VL  - 90', 'N1  - PMID: 34186531', 'ER  - ', ''])
    // A PMCID alone (no shipped record has one without a PMID now): in C2, where the RIS specification puts it, and
    // in the note, which every manager keeps.
    const pmc = toRIS([
      {
        id: 'pmc-only',
        type: 'article-journal',
        title: 'A trial',
        issued: { 'date-parts': [[2013]] },
        PMCID: 'PMC3799067',
      },
    ]).split('\n')
    expect(pmc).toEqual(expect.arrayContaining(['C2  - PMC3799067', 'N1  - PMCID: PMC3799067']))
    expect(pmc.filter((l) => l.startsWith('N1  - '))).toEqual(['N1  - PMCID: PMC3799067'])
    // A partial author list keeps its own note; the ids come in a second one.
    expect(
      toRIS(['dakwar-2019'])
        .split('\n')
        .filter((l) => l.startsWith('N1  - ')),
    ).toEqual([`N1  - ${PARTIAL_NOTE}`, 'N1  - PMID: 31230464'])
    expect(toRIS([{ id: 'u-1', type: 'book', title: 'A book', PMID: '123', PMCID: 'PMC9' }])).toBe(
      'TY  - BOOK\nID  - u-1\nTI  - A book\nN1  - PMID: 123; PMCID: PMC9\nER  - \n',
    )
  })

  it('loses no PubMed id: every shipped record with a PMID has it in RIS, as in BibTeX, BibLaTeX and CSL-JSON', () => {
    const withPmid = studies.filter((s) => isCitable(s) && s.csl.PMID !== undefined)
    expect(withPmid.length).toBeGreaterThanOrEqual(30)
    for (const s of withPmid) {
      const note = `PMID: ${s.csl.PMID!}${s.csl.PMCID === undefined ? '' : `; PMCID: ${s.csl.PMCID}`}`
      expect(toRIS([s.id]).split('\n'), s.id).toContain(`N1  - ${note}`)
      expect(toBibTeX([s.id]), s.id).toContain(`note = {${note}}`)
      expect(toBibLaTeX([s.id]), s.id).toContain(`eprint = {${s.csl.PMID!}}`)
      expect(toCSLJSON([s.id]), s.id).toContain(`"PMID": "${s.csl.PMID!}"`)
    }
    expect(records.filter((r) => /^N1 {2}- PMID: /m.test(r))).toHaveLength(withPmid.length)
  })

  it('keeps a name particle in the last name ("aan het Rot"), which citation-js alone drops', () => {
    expect(toRIS(['feder-2014'])).toContain('AU  - aan het Rot, Marije\n')
    const user: CiteRecord = {
      id: 'user-particle',
      type: 'article-journal',
      title: 'A test record',
      author: [{ family: 'Beethoven', 'non-dropping-particle': 'van', given: 'Ludwig' }],
      issued: { 'date-parts': [[2020]] },
    }
    expect(toRIS([user])).toContain('AU  - van Beethoven, Ludwig\n')
  })
  it('puts a value with line breaks on one line', () => {
    const out = toRIS([{ id: 'nl-1', type: 'book', title: 'Line one\nline two\r\n  three' }])
    expect(out.split('\n')).toContain('TI  - Line one line two three')
  })

  it('unwrapRis undoes 70-character wrapping exactly, even when a continuation looks like a tag', () => {
    const value = `${'a'.repeat(64)}AU  - ${'b'.repeat(70)}`
    const wrapped = `TY  - JOUR\nTI  - ${value.replace(/(.{70})/g, '$1\n')}\nER  - `
    expect(unwrapRis(wrapped)).toEqual(['TY  - JOUR', `TI  - ${value}`, 'ER  - '])
    expect(toRIS([])).toBe('')
  })
})

describe('a preprint (CSL type article) is exported as a preprint, not a journal article', () => {
  const YERMUS_AUTHORS =
    'Yermus, Ryan and Verbora, Michael and Kennedy, Sidney and McMaster, Robert and Kratina, Sarah and Wolfson, ' +
    'Elizabeth and Medrano, Ben and Bryson, Nathan and Zaer, Nabid and Bottos, John and Setlur, Varun and Lo, Chris'
  const YERMUS_TITLE =
    'Ketamine-assisted psychotherapy provides lasting and effective results in the treatment of depression, anxiety ' +
    'and post traumatic stress disorder at 3 and 6 months: Findings from a large single-arm retrospective ' +
    'effectiveness trial'

  it('BibTeX: @misc with the server in howpublished, no journal', () => {
    expect(toBibTeX(['yermus-2023'])).toBe(
      [
        '@misc{yermus-2023,',
        `\tauthor = {${YERMUS_AUTHORS}},`,
        '\tdoi = {10.1101/2023.01.11.23284248},',
        '\tyear = {2023},',
        '\thowpublished = {medRxiv},',
        `\ttitle = {${YERMUS_TITLE}},`,
        '}',
        '',
      ].join('\n'),
    )
  })

  it('BibLaTeX: @misc with howpublished and pubstate = {preprint}', () => {
    const bib = toBibLaTeX(['yermus-2023'])
    expect(bib.startsWith('@misc{yermus-2023,\n')).toBe(true)
    expect(bib).toContain('\n\thowpublished = {medRxiv},\n')
    expect(bib.endsWith('\n\tpubstate = {preprint},\n}\n')).toBe(true)
    expect(bib).not.toMatch(/journaltitle|publisher =/)
  })

  it('RIS: TY UNPB (unpublished work) with the server as PB, no T2', () => {
    const lines = toRIS(['yermus-2023']).split('\n')
    expect(lines[0]).toBe('TY  - UNPB')
    expect(lines).toContain('PB  - medRxiv')
    expect(lines.filter((l) => /^(T2|JO|JF)  - /.test(l))).toEqual([])
    expect(lines.slice(-2)).toEqual(['ER  - ', ''])
  })

  it('a user preprint: its publisher is the server; without one, a bare @misc / UNPB; other types are unchanged', () => {
    const mine: CiteRecord = {
      id: 'pre-1',
      type: 'article',
      title: 'A preprint',
      author: [{ family: 'Smith', given: 'Ana' }],
      publisher: 'PsyArXiv',
      issued: { 'date-parts': [[2024]] },
    }
    expect(toBibTeX([mine])).toBe(
      '@misc{pre-1,\n\tauthor = {Smith, Ana},\n\tyear = {2024},\n\thowpublished = {PsyArXiv},\n\ttitle = {A preprint},\n}\n',
    )
    expect(toRIS([mine]).split('\n').slice(0, 2)).toEqual(['TY  - UNPB', 'AU  - Smith, Ana'])
    const { publisher: _p, ...serverless } = mine
    expect(toBibTeX([serverless])).toBe(
      '@misc{pre-1,\n\tauthor = {Smith, Ana},\n\tyear = {2024},\n\ttitle = {A preprint},\n}\n',
    )
    expect(toRIS([serverless])).not.toMatch(/^PB {2}- /m)
    expect(toRIS([mine, { ...mine, id: 'jour-1', type: 'article-journal', 'container-title': 'J' }])).toMatch(
      /^TY {2}- UNPB\n[\s\S]*^ER {2}- \nTY {2}- JOUR\n/m,
    )
    expect(toBibTeX(['dore-2019'])).toMatch(/^@article\{dore-2019,\n/)
  })

  it('CSL-JSON keeps type article, with the server as publisher (review 29: Pandoc\'s APA printed "In medRxiv")', () => {
    const [item] = JSON.parse(toCSLJSON(['yermus-2023'])) as Record<string, unknown>[]
    expect([item!.type, item!['container-title'], item!.publisher]).toEqual(['article', undefined, 'medRxiv'])
  })
})

describe('a web page keeps its access date, once, in every format', () => {
  const page: CiteRecord = {
    id: 'w-2',
    type: 'webpage',
    title: 'Page',
    URL: 'https://example.org/p',
    accessed: { 'date-parts': [[2026, 11, 22]] },
  }

  it('BibTeX, which has no field for it: a note, beside any other note and the PubMed id, and urldate for Pandoc', () => {
    // urldate: the field Pandoc and Zotero read (review 28: through Pandoc the BibTeX export lost the access date);
    // BibTeX's own styles ignore it and print the note.
    expect(toBibTeX([page])).toBe(
      '@misc{w-2,\n\tnote = {[Online; accessed 2026-11-22]},\n\ttitle = {Page},\n\turl = {https://example.org/p},\n' +
        '\turldate = {2026-11-22},\n}\n',
    )
    expect(toBibTeX([{ ...page, note: 'Seen twice', PMID: '12' }])).toContain(
      '\tnote = {Seen twice; [Online; accessed 2026-11-22]; PMID: 12},',
    )
  })

  it("gives a shipped record's bare initials their full stops in every export, and leaves your own records as given", () => {
    // Review 28: through Pandoc and Zotero, PubMed's "Jennifer W" printed as it was stored.
    expect(toBibTeX(['evans-2018'])).toContain('author = {Evans, Jennifer W. and Szczepanik, Joanna and ')
    expect(toBibLaTeX(['evans-2018'])).toContain('Park, Lawrence T. and')
    expect(toRIS(['evans-2018']).split('\n')).toContain('AU  - Evans, Jennifer W.')
    expect(JSON.parse(toCSLJSON(['evans-2018']))[0].author[0]).toEqual({ family: 'Evans', given: 'Jennifer W.' })
    const own = { id: 'o-1', type: 'book', title: 'T', author: [{ family: 'Own', given: 'Ann B' }] }
    expect(JSON.parse(toCSLJSON([own]))[0].author[0]).toEqual({ family: 'Own', given: 'Ann B' })
  })

  it('BibLaTeX: urldate only (biblatex would print a note with the same date a second time)', () => {
    expect(toBibLaTeX([page])).toBe(
      '@online{w-2,\n\turldate = {2026-11-22},\n\ttitle = {Page},\n\turl = {https://example.org/p},\n}\n',
    )
    expect(toBibLaTeX(['houston-therapy-kap'])).toContain('\turldate = {2026-11-22},')
    expect(toBibLaTeX(['houston-therapy-kap'])).not.toContain('accessed')
  })

  it('RIS: M1 of a web page, the access date in the RIS specification, which Zotero reads as such; CSL-JSON: accessed', () => {
    expect(toRIS(['houston-therapy-kap']).split('\n')).toContain('M1  - 2026/11/22/')
    // Zero-padded like DA (citation-js wrote "2026/12/6/" for a day or month below ten).
    const early = {
      id: 'w-3',
      type: 'webpage',
      title: 'Page',
      URL: 'https://example.org/p',
      accessed: { 'date-parts': [[2026, 2, 6]] },
    }
    expect(toRIS([early]).split('\n')).toContain('M1  - 2026/02/06/')
    expect(JSON.parse(toCSLJSON(['fda-esketamine-monotherapy-2025']))[0].accessed).toEqual({
      'date-parts': [[2026, 12, 3]],
    })
  })
})

describe('a web page keeps its URL once in BibTeX', () => {
  it('writes the URL in url only, not again as howpublished (Pandoc printed it twice)', () => {
    expect(toBibTeX(['houston-therapy-kap', 'rosadinelli-kap-unique'])).toBe(
      [
        '@misc{houston-therapy-kap,',
        '\tnote = {[Online; accessed 2026-11-22]},',
        '\ttitle = {Ketamine-assisted psychotherapy: A breakthrough in mental health treatment},',
        '\turl = {https://www.houston-therapy.com/kap},',
        '\turldate = {2026-11-22},',
        '}',
        '@misc{rosadinelli-kap-unique,',
        '\tnote = {[Online; accessed 2026-11-22]},',
        '\ttitle = {What makes ketamine-assisted psychotherapy unique among psychedelic treatments?},',
        '\turl = {https://www.rosadinelli.com/blog/what-makes-ketamine-assisted-psychotherapy-unique-among-psychedelic-treatments},',
        '\turldate = {2026-11-22},',
        '}',
        '',
      ].join('\n'),
    )
    expect(toBibTeX().match(/^\thowpublished = \{https?:/gm)).toBeNull()
  })

  it('drops the LaTeX-escaped copy of a URL with special characters too, and keeps a non-URL howpublished', () => {
    const page: CiteRecord = { id: 'w-1', type: 'webpage', title: 'Page', URL: 'https://example.org/a_b?x=1&y=50%#f~z' }
    expect(toBibTeX([page])).toBe(
      '@misc{w-1,\n\ttitle = {Page},\n\turl = {https://example.org/a_b?x=1&y=50%#f~z},\n}\n',
    )
    const draft: CiteRecord = {
      id: 'm-1',
      type: 'manuscript',
      title: 'Draft',
      publisher: 'Lab',
      URL: 'https://x.org/d',
    }
    expect(toBibTeX([draft])).toBe(
      '@unpublished{m-1,\n\thowpublished = {Lab},\n\ttitle = {Draft},\n\turl = {https://x.org/d},\n}\n',
    )
    expect(toBibLaTeX(['houston-therapy-kap'])).not.toContain('howpublished')
  })
})
