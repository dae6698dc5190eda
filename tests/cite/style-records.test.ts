import type { CitableId } from '../../src/citations/index'
// The shipped records as each style prints them (src/cite/style-records.ts): one transform per style, used by the
// table build and by kap-literature/cite alike.
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { formatReference as tableReference, formatCitation as tableCitation } from '../../src/citations/index'
import { formatReference, loadSystemStyle } from '../../src/cite/index'
import { recordForStyle } from '../../src/cite/style-records'
import { citationCsl, getStudy, isCitable, sources, studies } from '../../src/index'

const haveDebian = existsSync('/usr/share/citation-style-language/styles/american-medical-association.csl')
const debianIt = it.skipIf(!haveDebian && process.env.CI === undefined)

const trial = citationCsl(studies.find((s) => s.id === 'wilkinson-2021')!)
const STYLES = [
  'apa',
  'harvard1',
  'vancouver',
  'american-medical-association',
  'chicago-author-date',
  'modern-language-association',
]

describe('where titles are sentence-cased', () => {
  it('APA, Harvard, Vancouver: every type; AMA: articles only; MLA, Chicago and registered styles: never', () => {
    const page = { id: 'p', type: 'webpage', title: 'Understanding the Differences' }
    expect(recordForStyle(page, 'apa').title).toBe('Understanding the differences')
    expect(recordForStyle(page, 'vancouver').title).toBe('Understanding the differences')
    expect(recordForStyle(page, 'american-medical-association')).toBe(page)
    expect(recordForStyle(trial, 'american-medical-association').title).toMatch(
      /^Cognitive behavioral therapy .*: a randomized/,
    )
    for (const name of ['modern-language-association', 'chicago-author-date', undefined])
      expect(recordForStyle(trial, name)).toBe(trial)
  })

  it('the cite engine prints a shipped title as the tables do, and your own record as you gave it', () => {
    for (const style of ['apa', 'harvard', 'vancouver'] as const) {
      const text = formatReference('wilkinson-2021', { style, format: 'text' })
      expect(text).toContain(
        style === 'apa' ? 'depression: A randomized clinical trial' : 'depression: a randomized clinical trial',
      )
      expect(text.replace(/^1\. /, '')).toBe(tableReference('wilkinson-2021', { style, format: 'text' }))
    }
    const mine = { id: 'mine-1', type: 'book', title: 'My Title Case Book', author: [{ literal: 'WHO' }] } as const
    expect(formatReference(mine, { style: 'apa', format: 'text' })).toContain('My Title Case Book')
  })
})

describe('an organisation that is both author and publisher is named once', () => {
  const release = {
    id: 'r',
    type: 'webpage',
    title: 'A Statement',
    author: [{ literal: 'U.S. Food and Drug Administration' }],
    publisher: 'U.S. Food and Drug Administration',
    issued: { 'date-parts': [[2023, 10, 10]] },
  }

  it('APA leaves out the publisher (and a site name) that repeats the author, for any type', () => {
    const { publisher: _p, ...withoutPublisher } = release
    expect(recordForStyle(release, 'apa')).toEqual({ ...withoutPublisher, title: 'A statement' })
    const site = { ...withoutPublisher, 'container-title': 'The U.S. Food and Drug  Administration' }
    expect(recordForStyle(site, 'apa')).toEqual({ ...withoutPublisher, title: 'A statement' })
    const report = { ...release, type: 'report' }
    expect(recordForStyle(report, 'apa')).not.toHaveProperty('publisher')
  })

  it('MLA begins with the title and names the organisation as publisher only', () => {
    const { author: _a, ...withoutAuthor } = release
    expect(recordForStyle(release, 'modern-language-association')).toEqual(withoutAuthor)
  })

  it('Harvard and Chicago leave the repeated name out of a web page only; Vancouver and AMA keep the record', () => {
    const { publisher: _p, ...withoutPublisher } = release
    expect(recordForStyle(release, 'chicago-author-date')).toEqual(withoutPublisher)
    expect(recordForStyle(release, 'harvard1')).toEqual({ ...withoutPublisher, title: 'A statement' })
    const report = { ...release, type: 'report' }
    expect(recordForStyle(report, 'chicago-author-date')).toBe(report)
    expect(recordForStyle(report, 'harvard1').publisher).toBe('U.S. Food and Drug Administration')
    expect(recordForStyle(release, 'vancouver').publisher).toBe('U.S. Food and Drug Administration')
    expect(recordForStyle(release, 'american-medical-association')).toBe(release)
  })

  it('changes nothing when the publisher differs, the author is a person, or there are several authors', () => {
    const other = { ...release, publisher: 'Johnson & Johnson', title: 'Kept' }
    const person = { ...release, author: [{ family: 'Hahn', given: 'Stephen' }], title: 'Kept' }
    const several = { ...release, author: [...release.author, { literal: 'NIH' }], title: 'Kept' }
    for (const name of STYLES.filter((n) => n !== 'apa' && n !== 'harvard1' && n !== 'vancouver'))
      for (const csl of [other, person, several]) expect(recordForStyle(csl, name), name).toBe(csl)
    for (const csl of [other, person, several]) expect(recordForStyle(csl, 'apa')).toBe(csl)
  })
})

describe('the FDA statement and the Johnson & Johnson press release, in the tables and the engine', () => {
  const FDA =
    'FDA warns patients and health care providers about potential risks associated with compounded ketamine ' +
    'products, including oral formulations, for the treatment of psychiatric disorders'
  const FDA_TITLE =
    'FDA Warns Patients and Health Care Providers about Potential Risks Associated with Compounded Ketamine ' +
    'Products, Including Oral Formulations, for the Treatment of Psychiatric Disorders'
  const JNJ =
    'https://jnj.com/media-center/press-releases/spravato-esketamine-approved-in-the-u-s-as-the-first-and-only-monotherapy-for-adults-with-treatment-resistant-depression'

  it('APA: the author once, then the URL', () => {
    expect(tableReference('fda-compounded-ketamine-2023', { style: 'apa' })).toBe(
      `U.S. Food and Drug Administration. (2023, October 10). ${FDA}.`,
    )
    expect(tableReference('fda-esketamine-monotherapy-2025', { style: 'apa' })).toBe(
      'Johnson & Johnson. (2025, January 21). SPRAVATO® (esketamine) approved in the U.S. as the first and only ' +
        `monotherapy for adults with treatment-resistant depression. ${JNJ}`,
    )
  })

  it('MLA: the title first, the organisation as publisher, and the title in the citation', () => {
    expect(tableReference('fda-compounded-ketamine-2023', { style: 'mla' })).toBe(
      `${FDA_TITLE}. U.S. Food and Drug Administration, 10 Oct. 2023.`,
    )
    expect(tableCitation('fda-compounded-ketamine-2023', { style: 'mla' })).toBe('(FDA Warns Patients)')
  })

  it('Harvard and Chicago: the author once; Vancouver names the publisher as Citing Medicine does', () => {
    expect(tableReference('fda-compounded-ketamine-2023', { style: 'harvard' })).toBe(
      `U.S. Food and Drug Administration (2023) ${FDA}.`,
    )
    expect(tableReference('fda-compounded-ketamine-2023', { style: 'chicago' })).toBe(
      `U.S. Food and Drug Administration. 2023. \u201c${FDA_TITLE}.\u201d October 10, 2023.`,
    )
    expect(tableReference('fda-compounded-ketamine-2023', { style: 'vancouver' })).toBe(
      `U.S. Food and Drug Administration. ${FDA}. U.S. Food and Drug Administration; 2023.`,
    )
  })

  it('no entry names an organisation twice in APA, Harvard, Chicago or MLA', () => {
    for (const style of ['apa', 'harvard', 'chicago', 'mla'] as const)
      for (const id of [
        'fda-compounded-ketamine-2023',
        'fda-compounded-nasal-ketamine-2022',
        'fda-esketamine-2020',
        'fda-esketamine-monotherapy-2025',
      ] as const) {
        const text = tableReference(id, { style })
        for (const name of [
          'U.S. Food and Drug Administration',
          'Janssen Pharmaceutical Companies',
          'Johnson & Johnson.',
        ])
          expect(text.split(name).length - 1, `${style} ${id}`).toBeLessThanOrEqual(1)
      }
  })

  it('kap-literature/cite prints the same', () => {
    for (const style of ['apa', 'harvard'] as const)
      expect(formatReference('fda-compounded-ketamine-2023', { style, format: 'text' })).toBe(
        tableReference('fda-compounded-ketamine-2023', { style }),
      )
  })

  debianIt('kap-literature/cite prints the same with the system MLA and Chicago', () => {
    for (const style of ['mla', 'chicago'] as const) {
      const name = loadSystemStyle(style, { as: `${style}-organisation` })
      expect(formatReference('fda-compounded-ketamine-2023', { style: name, format: 'text' })).toBe(
        tableReference('fda-compounded-ketamine-2023', { style }),
      )
    }
  })
})

describe('an initial in a given name carries its full stop when the record is cited', () => {
  const evans = citationCsl(getStudy('evans-2018'))

  it('adds the stop to a lone capital, in every style and in a style you register, and changes nothing else', () => {
    const names = (csl: { author?: readonly { given?: string }[] }) => (csl.author ?? []).map((a) => a.given)
    for (const name of [...STYLES, undefined])
      expect(names(recordForStyle(evans, name)), String(name)).toEqual([
        'Jennifer W.',
        'Joanna',
        'Nancy',
        'Lawrence T.',
        'Allison C.',
        'Carlos A.',
      ])
    const odd = {
      id: 'n',
      type: 'book',
      author: [
        { family: 'A', given: 'A' },
        { family: 'B', given: 'J-P' },
        { family: 'C', given: 'JW' },
        { family: 'D', given: 'Evgeny' },
        { family: 'E', given: '\u00c9mile B' },
        { literal: 'World Health Organization' },
      ],
    }
    expect(names(recordForStyle(odd, 'apa'))).toEqual(['A.', 'J.-P.', 'JW', 'Evgeny', '\u00c9mile B.', undefined])
    expect(recordForStyle(trial, undefined)).toBe(trial)
  })

  it('leaves the stored record as the source printed it', () => {
    expect(getStudy('evans-2018').csl.author?.[0]?.given).toBe('Jennifer W')
    expect(getStudy('irwin-2013').csl.author?.[1]?.given).toBe('A')
    expect(getStudy('krupitsky-2002').csl.author?.[0]?.given).toBe('Evgeny')
  })

  it('prints "Jennifer W." beside "Joanna" in Chicago, and never a doubled stop in any style', () => {
    expect(tableReference('evans-2018', { style: 'chicago' })).toBe(
      'Evans, Jennifer W., Joanna Szczepanik, Nancy Brutsch\u00e9, Lawrence T. Park, Allison C. Nugent, and Carlos A. ' +
        'Zarate Jr. 2018. \u201cDefault Mode Connectivity in Major Depressive Disorder Measured Up to 10 Days After ' +
        'Ketamine Administration.\u201d Biological Psychiatry 84 (8): 582\u201390. https://doi.org/10.1016/j.biopsych.2018.01.027.',
    )
    expect(tableReference('irwin-2013', { style: 'chicago' })).toMatch(/^Irwin, S\. A\., A\. Iglewicz, R\. A\. Nelesen/)
    expect(tableReference('evans-2018', { style: 'mla' })).toMatch(/^Evans, Jennifer W\., et al\. /)
    const citable = [...studies, ...sources].filter((r) => isCitable(r))
    for (const style of ['apa', 'ama', 'vancouver', 'harvard', 'chicago', 'mla'] as const)
      for (const r of citable)
        expect(tableReference(r.id as CitableId, { style }), `${style} ${r.id}`).not.toMatch(/[^.]\.\.(?!\.)|\. \./)
  })

  it('initialising styles print the same as before: "Evans JW", "Evans, J. W."', () => {
    expect(tableReference('evans-2018', { style: 'vancouver' })).toMatch(
      /^Evans JW, Szczepanik J, Brutsch\u00e9 N, Park LT, /,
    )
    expect(tableReference('evans-2018', { style: 'apa' })).toMatch(/^Evans, J\. W\., Szczepanik, J\., /)
    expect(tableReference('evans-2018', { style: 'harvard' })).toMatch(/^Evans, J\.W\. et al\. /)
  })

  it('a hyphenated given name whose second part is lower case gives two initials in the initialising styles only', () => {
    // Review 28: citeproc-js read "fei" of "Peng-fei" as a particle: "Cheng P fei" in Vancouver, "Cheng, P." in APA.
    expect(tableReference('autry-2011', { style: 'vancouver' })).toContain(' Los MF, Cheng PF, et al.')
    expect(tableReference('autry-2011', { style: 'apa' })).toContain(' Los, M. F., Cheng, P.-F., ')
    expect(tableReference('autry-2011', { style: 'chicago' })).toContain(' Maarten F. Los, Peng-fei Cheng, ')
    const given = (style: string | undefined) =>
      recordForStyle({ id: 'h', type: 'book', author: [{ family: 'Cheng', given: 'Peng-fei' }] }, style).author[0]!
        .given
    expect(['apa', 'harvard1', 'vancouver', 'american-medical-association'].map(given)).toEqual(
      Array(4).fill('Peng-Fei'),
    )
    expect(['chicago-author-date', 'modern-language-association', undefined].map(given)).toEqual(
      Array(3).fill('Peng-fei'),
    )
    expect(getStudy('autry-2011').csl.author?.find((a) => a.family === 'Cheng')?.given).toBe('Peng-fei')
  })

  debianIt('kap-literature/cite prints the same with the system Chicago', () => {
    const name = loadSystemStyle('chicago', { as: 'chicago-initials' })
    for (const id of ['evans-2018', 'irwin-2013', 'daly-2019'] as const)
      expect(formatReference(id, { style: name, format: 'text' })).toBe(tableReference(id, { style: 'chicago' }))
  })
})
