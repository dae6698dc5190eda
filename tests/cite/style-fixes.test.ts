import type { CitableId } from '../../src/citations/index'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatCitation as tableCitation, formatReference as tableReference } from '../../src/citations/index'
import { formatCitation, formatReference, loadSystemStyle, registerStyle } from '../../src/cite/index'
import { engineStyleXml } from '../../src/cite/engine'
import { fixStyle, styleFixesApply, styleFixNotes } from '../../src/cite/style-fixes'
import { isCitable, sources, studies } from '../../src/index'
import { reference } from '../helpers/paths'

const DEBIAN = '/usr/share/citation-style-language/styles'
const debianXml = (file: string): string => readFileSync(join(DEBIAN, `${file}.csl`), 'utf8')
// The Debian styles must be present in CI (.ci/run installs citation-style-language-styles); locally they may be absent.
const haveDebian = existsSync(join(DEBIAN, 'american-medical-association.csl'))
const debianIt = it.skipIf(!haveDebian && process.env.CI === undefined)

const undated = { id: 'page-1', type: 'webpage', title: 'A page', URL: 'https://example.org/p' } as const
/** A published journal article whose volume, issue and pages are not known. */
const noVolume = {
  id: 'jour-1',
  type: 'article-journal',
  title: 'A trial',
  author: [{ family: 'Smith', given: 'Ana' }],
  'container-title': 'New England Journal of Medicine',
  'container-title-short': 'N Engl J Med',
  issued: { 'date-parts': [[2023]] },
  DOI: '10.1056/example',
} as const
const preprint = {
  ...noVolume,
  id: 'pre-1',
  type: 'article',
  'container-title': 'medRxiv',
  'container-title-short': undefined,
} as const

describe('which styles have fixes', () => {
  it('still finds every pattern in the styles citation-js ships and in the official files vendored for the tests', () => {
    for (const name of ['apa', 'harvard1', 'vancouver']) expect(styleFixesApply(name, engineStyleXml(name))).toBe(true)
    const official = readFileSync(join(reference, 'csl-styles', 'apa.csl'), 'utf8')
    expect(styleFixesApply('apa', official)).toBe(true)
    expect(fixStyle('apa', official)).not.toBe(official)
    const nlm = readFileSync(join(reference, 'csl-styles', 'nlm-citation-sequence.csl'), 'utf8')
    expect(styleFixesApply('vancouver', nlm)).toBe(true)
  })

  debianIt('still finds every pattern in the Debian styles the tables use', () => {
    for (const file of ['american-medical-association', 'chicago-author-date'])
      expect(styleFixesApply(file, debianXml(file))).toBe(true)
  })

  it('changes no other style, and names what each fix does', () => {
    const mla = '<style><citation><layout/></citation></style>'
    expect(fixStyle('modern-language-association', mla)).toBe(mla)
    expect(styleFixNotes('modern-language-association')).toEqual([
      'same-author works told apart by a short title, not by more names',
    ])
    expect(styleFixNotes('apa')).toEqual([
      'no "Retrieved" without a retrieval date',
      'a preprint\'s server without "In"',
    ])
    expect(styleFixNotes('harvard1')).toEqual([
      'only a preprint (type article) is labelled "[Preprint]"',
      "British quotation marks and dates: 'Title', Journal; (Accessed: 22 November 2026)",
    ])
    expect(styleFixNotes('vancouver')).toEqual([
      'a period between the DOI and "PubMed PMID"',
      'page ranges with a hyphen, "318-27"',
    ])
    expect(styleFixNotes('chicago-author-date')).toEqual([
      'a comma before "n.d." also for an undated page with an access date',
      'years of one author joined by ", "',
    ])
    expect(styleFixNotes('american-medical-association')).toEqual([
      'no "Published online" for a journal article; "Preprint posted online" for a preprint',
      "a web page's date printed also when it has no URL",
    ])
  })

  it('leaves a style unchanged when a later version no longer has the pattern', () => {
    const changed = engineStyleXml('harvard1')
      .replace('value="Preprint"', 'term="preprint"')
      .replace('<locale xml:lang="en-GB">', '<locale xml:lang="en-AU">')
    expect(styleFixesApply('harvard1', changed)).toBe(false)
    expect(fixStyle('harvard1', changed)).toBe(changed)
  })
})

describe('the APA fix: "Retrieved" only with a retrieval date', () => {
  it('prints an undated page without a retrieval date as title, n.d. and URL', () => {
    expect(formatReference(undated, { style: 'apa', format: 'text' })).toBe('A page. (n.d.). https://example.org/p')
  })

  it('keeps "Retrieved <date>, from" when the retrieval date is known, and no phrase for a dated page', () => {
    const accessed = { ...undated, accessed: { 'date-parts': [[2026, 11, 22]] } }
    expect(formatReference(accessed, { style: 'apa', format: 'text' })).toBe(
      'A page. (n.d.). Retrieved November 22, 2026, from https://example.org/p',
    )
    const dated = { ...undated, issued: { 'date-parts': [[2020]] } }
    expect(formatReference(dated, { style: 'apa', format: 'text' })).toBe('A page. (2020). https://example.org/p')
  })

  it('reaches the shipped tables: an undated clinic page says when it was read, a dated one does not, none is bare', () => {
    const withUrl = sources.filter((s) => s.csl.URL !== undefined)
    expect(withUrl.length).toBeGreaterThanOrEqual(3)
    for (const s of withUrl) {
      const text = tableReference(s.id, { style: 'apa', format: 'text' })
      expect(text).toMatch(
        s.csl.issued === undefined ? /\(n\.d\.\)\. Retrieved (November 22|December 6), 2026, from https:/ : /\)\. /,
      )
      expect(text.endsWith(s.csl.URL!)).toBe(true)
      expect(text).not.toMatch(/Retrieved https/)
      if (s.csl.issued !== undefined) expect(text).not.toContain('Retrieved')
    }
    expect(tableReference('houston-therapy-kap', { style: 'apa' })).toBe(
      'Ketamine-assisted psychotherapy: A breakthrough in mental health treatment. (n.d.). ' +
        'Retrieved November 22, 2026, from https://www.houston-therapy.com/kap',
    )
  })
})

describe('the APA fix: a preprint names its server without "In"', () => {
  it('prints the server as the archive, and a journal article as before, in the engine', () => {
    expect(formatReference(preprint, { style: 'apa', format: 'text' })).toBe(
      'Smith, A. (2023). A trial. medRxiv. https://doi.org/10.1056/example',
    )
    const { 'container-title': _server, ...withPublisher } = preprint
    expect(formatReference({ ...withPublisher, publisher: 'medRxiv' }, { style: 'apa', format: 'text' })).toBe(
      'Smith, A. (2023). A trial. medRxiv. https://doi.org/10.1056/example',
    )
    expect(formatReference(noVolume, { style: 'apa', format: 'text' })).toBe(
      'Smith, A. (2023). A trial. New England Journal of Medicine. https://doi.org/10.1056/example',
    )
  })

  it('keeps "In" for a chapter of an edited book', () => {
    const chapter = {
      id: 'ch-1',
      type: 'chapter',
      title: 'A chapter',
      author: [{ family: 'Smith', given: 'Ana' }],
      editor: [{ family: 'Jones', given: 'Bo' }],
      'container-title': 'A book',
      issued: { 'date-parts': [[2020]] },
    }
    expect(formatReference(chapter, { style: 'apa', format: 'text' })).toBe(
      'Smith, A. (2020). A chapter. In B. Jones (Ed.), A book.',
    )
  })

  it('reaches the shipped table', () => {
    expect(tableReference('yermus-2023', { style: 'apa' })).toMatch(
      / effectiveness trial\. medRxiv\. https:\/\/doi\.org\/10\.1101\/2023\.01\.11\.23284248$/,
    )
  })
})

describe('the Harvard fixes: "[Preprint]" only for a preprint, British quotation marks', () => {
  it('prints a journal article without volume or pages without the label, in the engine', () => {
    expect(formatReference(noVolume, { style: 'harvard', format: 'text' })).toBe(
      'Smith, A. (2023) \u2018A trial\u2019, New England Journal of Medicine. Available at: https://doi.org/10.1056/example.',
    )
  })

  it('keeps the label for a preprint (CSL type article)', () => {
    expect(formatReference(preprint, { style: 'harvard', format: 'text' })).toBe(
      'Smith, A. (2023) \u2018A trial\u2019, medRxiv [Preprint]. Available at: https://doi.org/10.1056/example.',
    )
  })

  it('writes dates day first, as a British style does: "(Accessed: 2 November 2026)", in every language', () => {
    const page = { ...undated, accessed: { 'date-parts': [[2026, 11, 2]] } }
    expect(formatReference(page, { style: 'harvard', format: 'text' })).toBe(
      'A page (no date). Available at: https://example.org/p (Accessed: 2 November 2026).',
    )
    expect(formatReference(page, { style: 'harvard', format: 'text', lang: 'de-DE' })).toBe(
      'A page (ohne Datum). Verf\u00fcgbar unter: https://example.org/p (Zugegriffen: 2 November 2026).',
    )
    const news = {
      id: 'news-1',
      type: 'article-newspaper',
      title: 'Ketamine clinics',
      author: [{ family: 'Smith', given: 'Ana' }],
      'container-title': 'The Times',
      issued: { 'date-parts': [[2020, 3, 4]] },
    }
    expect(formatReference(news, { style: 'harvard', format: 'text' })).toBe(
      'Smith, A. (2020) \u2018Ketamine clinics\u2019, The Times, 4 March.',
    )
  })

  it('reaches the shipped tables: the published articles without a volume, and the one preprint', () => {
    expect(tableReference('anand-2023', { style: 'harvard' })).toBe(
      'Anand, A. et al. (2023) \u2018Ketamine versus ECT for nonpsychotic treatment-resistant major depression\u2019, ' +
        'New England Journal of Medicine. Available at: https://doi.org/10.1056/NEJMoa2302399.',
    )
    expect(tableReference('price-2022', { style: 'harvard' })).toContain(
      'American Journal of Psychiatry. Available at:',
    )
    expect(tableReference('yermus-2023', { style: 'harvard' })).toContain('medRxiv [Preprint]. Available at:')
  })
})

describe('the AMA fix: no "Published online" for a journal article', () => {
  debianIt(
    'prints the year alone for a journal article without volume, and "Preprint posted online" for a preprint',
    () => {
      const name = loadSystemStyle('ama', { as: 'ama-fixed' })
      expect(formatReference(noVolume, { style: name, format: 'text' })).toBe(
        '1. Smith A. A trial. N Engl J Med. 2023. doi:10.1056/example',
      )
      expect(formatReference(preprint, { style: name, format: 'text' })).toBe(
        '1. Smith A. A trial. medRxiv. Preprint posted online 2023. doi:10.1056/example',
      )
    },
  )

  debianIt('fixes the style loaded by its file name too, but not the same XML passed to registerStyle', () => {
    const byFile = loadSystemStyle('american-medical-association', { as: 'ama-by-file' })
    expect(formatReference(noVolume, { style: byFile, format: 'text' })).toBe(
      '1. Smith A. A trial. N Engl J Med. 2023. doi:10.1056/example',
    )
    registerStyle('ama-as-is', debianXml('american-medical-association'))
    expect(formatReference(noVolume, { style: 'ama-as-is', format: 'text' })).toBe(
      '1. Smith A. A trial. N Engl J Med. Published online 2023. doi:10.1056/example',
    )
  })

  it('reaches the shipped tables', () => {
    expect(tableReference('anand-2023', { style: 'ama' })).toContain('N Engl J Med. 2023. doi:10.1056/NEJMoa2302399')
    expect(tableReference('price-2022', { style: 'ama' })).toContain(
      'Am J Psychiatry. 2022. doi:10.1176/appi.ajp.20220216',
    )
    expect(tableReference('yermus-2023', { style: 'ama' })).toContain(
      'medRxiv. Preprint posted online 2023. doi:10.1101/2023.01.11.23284248',
    )
  })

  it('no shipped record but the preprint is called a preprint or "published online", in any style', () => {
    for (const style of ['apa', 'ama', 'vancouver', 'harvard', 'chicago', 'mla'] as const) {
      for (const id of ['anand-2023', 'price-2022'] as const) {
        const text = tableReference(id, { style })
        expect(text).not.toMatch(/preprint|published online/i)
      }
    }
  })
})

describe("the AMA fix: a web page's date without a URL", () => {
  const page = {
    id: 'w1',
    type: 'webpage',
    title: 'A warning',
    author: [{ literal: 'An Agency' }],
    issued: { 'date-parts': [[2023, 10, 10]] },
  }
  debianIt('prints "Published <date>." when there is no URL, and the date with the URL as before', () => {
    const name = loadSystemStyle('ama', { as: 'ama-page' })
    expect(formatReference(page, { style: name, format: 'text' })).toBe(
      '1. An Agency. A warning. Published October 10, 2023.',
    )
    expect(
      formatReference(
        { ...page, URL: 'https://example.org/w', accessed: { 'date-parts': [[2026, 12, 7]] } },
        { style: name, format: 'text' },
      ),
    ).toBe('1. An Agency. A warning. Published October 10, 2023. Accessed December 7, 2026. https://example.org/w')
  })

  it('reaches the shipped tables: the FDA statements are dated in AMA as in every style', () => {
    expect(tableReference('fda-compounded-ketamine-2023', { style: 'ama' })).toMatch(/ Published October 10, 2023\.$/)
    expect(tableReference('fda-compounded-nasal-ketamine-2022', { style: 'ama' })).toMatch(
      / Published February 2022\.$/,
    )
  })
})

describe('the Vancouver fix: a period between the DOI and the PubMed note', () => {
  const withIds = { ...noVolume, volume: '90', issue: '5', page: '318-327', PMID: '34186531' }

  it('ends the DOI with a period when the PubMed note follows, as NLM ends each note', () => {
    expect(formatReference(withIds, { style: 'vancouver', format: 'text' })).toBe(
      '1. Smith A. A trial. N Engl J Med. 2023;90(5):318-27. doi:10.1056/example. PubMed PMID: 34186531.',
    )
  })

  it('adds no period after a DOI that ends the reference, and none before a PubMed note without DOI', () => {
    const { PMID: _pmid, ...noPmid } = withIds
    expect(formatReference(noPmid, { style: 'vancouver', format: 'text' })).toBe(
      '1. Smith A. A trial. N Engl J Med. 2023;90(5):318-27. doi:10.1056/example',
    )
    const { DOI: _doi, ...noDoi } = withIds
    expect(formatReference(noDoi, { style: 'vancouver', format: 'text' })).toBe(
      '1. Smith A. A trial. N Engl J Med. 2023;90(5):318-27. PubMed PMID: 34186531.',
    )
  })

  it('reaches the shipped tables, PMCID notes too', () => {
    expect(tableReference('wilkinson-2021', { style: 'vancouver' })).toMatch(
      / Psychother Psychosom\. 2021;90\(5\):318-27\. doi:10\.1159\/000517074\. PubMed PMID: 34186531\.$/,
    )
    expect(tableReference('rodriguez-2013', { style: 'vancouver' })).toMatch(
      /doi:10\.1038\/npp\.2013\.150\. PubMed PMID: 23783065; PubMed Central PMCID: PMC3799067\.$/,
    )
    expect(tableReference('dore-2019', { style: 'vancouver' })).toMatch(/doi:10\.1080\/02791072\.2019\.1587556$/)
  })
})

describe('the Vancouver fix: page ranges with a hyphen (Citing Medicine)', () => {
  const article = { ...noVolume, volume: '90', issue: '5', page: '318-327' }

  it("joins the pages with a hyphen, in English and in the other locales, and keeps the style's English terms", () => {
    expect(formatReference(article, { style: 'vancouver', format: 'text' })).toBe(
      '1. Smith A. A trial. N Engl J Med. 2023;90(5):318-27. doi:10.1056/example',
    )
    expect(formatReference(article, { style: 'vancouver', format: 'text', lang: 'de-DE' })).toContain(
      '2023;90(5):318-27.',
    )
    const page = { ...undated, accessed: { 'date-parts': [[2026, 11, 22]] } }
    expect(formatReference(page, { style: 'vancouver', format: 'text' })).toBe(
      '1. A page [Internet]. [cited 2026 Nov 22]. Available from: https://example.org/p',
    )
  })

  it('changes only the delimiter: APA and Harvard keep the en dash', () => {
    expect(formatReference(article, { style: 'apa', format: 'text' })).toContain('90(5), 318\u2013327.')
    expect(formatReference(article, { style: 'harvard', format: 'text' })).toContain('pp. 318\u2013327.')
  })

  it('reaches the shipped table: no page range in any Vancouver entry has an en dash', () => {
    expect(tableReference('wilkinson-2021', { style: 'vancouver' })).toContain(
      'Psychother Psychosom. 2021;90(5):318-27.',
    )
    expect(tableReference('dore-2019', { style: 'vancouver' })).toContain('J Psychoactive Drugs. 2019;51(2):189-98.')
    const withPages = studies.filter((s) => isCitable(s) && s.csl.page !== undefined)
    expect(withPages.length).toBeGreaterThan(30)
    for (const s of withPages)
      expect(tableReference(s.id as CitableId, { style: 'vancouver' })).not.toMatch(/\d\u2013\d/)
  })
})

describe('the Chicago fix: the years of one author joined by a comma (CMOS 15.29)', () => {
  debianIt('groups the years with ", " and keeps "; " between authors, in the engine', () => {
    const name = loadSystemStyle('chicago', { as: 'chicago-fixed' })
    expect(formatCitation(['dakwar-2019', 'dakwar-2020'], { style: name, format: 'text' })).toBe(
      '(Dakwar et al. 2019, 2020)',
    )
    expect(formatCitation(['dakwar-2019', 'dakwar-2020', 'feder-2014'], { style: name, format: 'text' })).toBe(
      '(Dakwar et al. 2019, 2020; Feder et al. 2014)',
    )
  })

  debianIt('puts a comma before "n.d." for an undated page with an access date too', () => {
    const name = loadSystemStyle('chicago', { as: 'chicago-nd' })
    const accessed = { ...undated, accessed: { 'date-parts': [[2026, 11, 22]] } }
    expect(formatCitation([undated], { style: name, format: 'text' })).toBe('(\u201cA Page,\u201d n.d.)')
    expect(formatCitation([accessed], { style: name, format: 'text' })).toBe('(\u201cA Page,\u201d n.d.)')
    expect(formatCitation([{ ...accessed, issued: { 'date-parts': [[2020]] } }], { style: name, format: 'text' })).toBe(
      '(\u201cA Page\u201d 2020)',
    )
    registerStyle('chicago-as-is', debianXml('chicago-author-date'))
    expect(formatCitation([accessed], { style: 'chicago-as-is', format: 'text' })).toBe('(\u201cA Page\u201d n.d.)')
  })

  debianIt('adds the delimiter only where the style sets none', () => {
    const xml = debianXml('chicago-author-date')
    expect(styleFixesApply('chicago-author-date', xml)).toBe(true)
    const fixed = fixStyle('chicago-author-date', xml)
    const open = /<citation\b[^>]*>/.exec(fixed)?.[0]
    expect(open).toMatch(/^<citation cite-group-delimiter=", " et-al-min="4"/)
    expect(open).not.toContain('after-collapse-delimiter')
    expect(/<citation\b[^>]*>/.exec(xml)?.[0]).toContain('after-collapse-delimiter="; "')
    const withOwn = xml.replace('<citation ', '<citation cite-group-delimiter="; " ')
    expect(styleFixesApply('chicago-author-date', withOwn)).toBe(false)
    const ownOpen = /<citation\b[^>]*>/.exec(withOwn)?.[0]
    expect(/<citation\b[^>]*>/.exec(fixStyle('chicago-author-date', withOwn))?.[0]).toBe(ownOpen)
  })

  it('reaches the shipped table', () => {
    expect(tableCitation(['dakwar-2019', 'dakwar-2020'], { style: 'chicago' })).toBe('(Dakwar et al. 2019, 2020)')
    expect(tableCitation(['dakwar-2019', 'dakwar-2020', 'feder-2014'], { style: 'chicago' })).toBe(
      '(Dakwar et al. 2019, 2020; Feder et al. 2014)',
    )
    // Chicago keeps the writer's order: only neighbours are grouped, as citeproc does.
    expect(tableCitation(['dakwar-2019', 'feder-2014', 'dakwar-2020'], { style: 'chicago' })).toBe(
      '(Dakwar et al. 2019; Feder et al. 2014; Dakwar et al. 2020)',
    )
    expect(tableCitation(['wilkinson-2017', 'wilkinson-2018'], { style: 'chicago' })).toBe(
      '(Wilkinson et al. 2017, 2018)',
    )
  })
})
