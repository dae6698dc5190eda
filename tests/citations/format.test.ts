import type { CitableId } from '../../src/citations/index'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  citationStyles,
  createCitationSession,
  cslCredit,
  formatBibliography,
  formatCitation,
  formatReference,
  styleCitations,
} from '../../src/citations/index'
import { apa } from '../../src/citations/apa'
import { vancouver } from '../../src/citations/vancouver'
import { root } from '../helpers/paths'
import { isCitable, KapLiteratureError, sources, studies } from '../../src/index'

const WILKINSON_APA =
  'Wilkinson, S. T., Rhee, T. G., Joormann, J., Webler, R., Ortiz Lopez, M., Kitay, B., Fasula, M., Elder, C., Fenton, L., & Sanacora, G. (2021). Cognitive behavioral therapy to sustain the antidepressant effects of ketamine in treatment-resistant depression: A randomized clinical trial. Psychotherapy and Psychosomatics, 90(5), 318–327. https://doi.org/10.1159/000517074'
/** Studies kept only as leads (authors, title, date or journal unconfirmed) have no reference: they are never printed. */
const leads: string[] = studies.filter((s) => !isCitable(s)).map((s) => s.id)

function error(fn: () => unknown): KapLiteratureError {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(KapLiteratureError)
    return e as KapLiteratureError
  }
  throw new Error('expected a KapLiteratureError')
}

function code(fn: () => unknown): string {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(KapLiteratureError)
    return (e as KapLiteratureError).code
  }
  throw new Error('expected a KapLiteratureError')
}

describe('formatReference', () => {
  it('gives the APA 7 reference as text by default', () => {
    expect(formatReference('wilkinson-2021')).toBe(WILKINSON_APA)
    expect(apa.formatReference('wilkinson-2021')).toBe(WILKINSON_APA)
  })
  it('builds the DOI link itself in HTML, with stable classes', () => {
    const html = formatReference('wilkinson-2021', { style: 'ama', format: 'html' })
    expect(html).toBe(
      '<span class="kap-ref kap-style-ama" data-kap-id="wilkinson-2021">Wilkinson ST, Rhee TG, Joormann J, et al. Cognitive behavioral therapy to sustain the antidepressant effects of ketamine in treatment-resistant depression: a randomized clinical trial. <i>Psychother Psychosom</i>. 2021;90(5):318-327. <a class="kap-ref-doi" href="https://doi.org/10.1159/000517074">doi:10.1159/000517074</a></span>',
    )
  })
  it('writes Markdown italics and links', () => {
    expect(formatReference('wilkinson-2021', { format: 'markdown' })).toContain(
      '*Psychotherapy and Psychosomatics*, *90*(5), 318–327. [https:\\//doi\\.org/10.1159/000517074](https://doi.org/10.1159/000517074)',
    )
    // & < > are entities in Markdown: no renderer can turn them into markup.
    expect(formatReference('wilkinson-2021', { format: 'markdown' })).toContain('Fenton, L., & Sanacora, G.')
  })
  it('percent-encodes parentheses of a DOI in Markdown links', () => {
    const md = formatReference('berman-2000', { format: 'markdown' })
    expect(md).not.toMatch(/\]\([^)]*\([^)]*\)/)
  })
  it('formats every shipped study and source in every style and format', () => {
    for (const s of citationStyles) {
      for (const r of [...studies, ...sources]) {
        if (leads.includes(r.id)) continue
        for (const format of ['text', 'html', 'markdown'] as const) {
          const out = formatReference(r.id as CitableId, { style: s.key, format })
          expect(out.length, `${s.key} ${r.id} ${format}`).toBeGreaterThan(10)
          if (format === 'html') expect(out).not.toMatch(/<(?!\/?(i|b|sup|sub|span|a)\b)/)
        }
        if (r.csl.DOI !== undefined)
          expect(formatReference(r.id as CitableId, { style: s.key, format: 'html' })).toContain(
            `href="https://doi.org/${r.csl.DOI}"`,
          )
      }
    }
  })
  it('ships no table entry, and so no placeholder text, for a study that cannot be cited', () => {
    expect(leads.length).toBeGreaterThan(0)
    for (const s of citationStyles) {
      const table = JSON.parse(readFileSync(join(root, 'src', 'citations', 'data', `${s.key}.json`), 'utf8')) as {
        entries: Record<string, unknown>
        variants?: Record<string, unknown>
      }
      for (const id of leads) {
        expect(table.entries[id], `${s.key} ${id}`).toBeUndefined()
        for (const combo of Object.keys(table.variants ?? {})) expect(combo.split('+'), combo).not.toContain(id)
      }
      for (const r of studies.filter((x) => !leads.includes(x.id))) expect(table.entries[r.id], r.id).toBeDefined()
    }
  })
  it('never prints a placeholder or "n.d." for a study: a lead that cannot be cited is refused with a typed error', () => {
    for (const s of citationStyles) {
      for (const r of studies) {
        if (leads.includes(r.id)) {
          expect(
            code(() => formatReference(r.id as CitableId, { style: s.key })),
            r.id,
          ).toBe('INVALID_RECORD')
          continue
        }
        const text = formatReference(r.id as CitableId, { style: s.key })
        expect(text, `${s.key} ${r.id}`).not.toMatch(/\bn\.d\.|not confirmed|kap-literature record/i)
      }
    }
  })
})

describe('formatCitation', () => {
  it('gives parenthetical and narrative author-date forms', () => {
    expect(formatCitation(['dore-2019'])).toBe('(Dore et al., 2019)')
    expect(formatCitation('dore-2019', { narrative: true })).toBe('Dore et al. (2019)')
    expect(formatCitation(['dore-2019'], { style: 'chicago' })).toBe('(Dore et al. 2019)')
    expect(formatCitation(['dore-2019'], { style: 'mla' })).toBe('(Dore et al.)')
    expect(formatCitation(['dore-2019'], { style: 'harvard', format: 'html' })).toBe(
      '<span class="kap-cite">(Dore <i>et al.</i>, 2019)</span>',
    )
  })
  it("orders several sources as the style does and groups one author's years", () => {
    expect(formatCitation(['dore-2019', 'daly-2019'])).toBe('(Daly et al., 2019; Dore et al., 2019)')
    expect(formatCitation(['wilkinson-2018', 'dore-2019', 'wilkinson-2017'])).toBe(
      '(Dore et al., 2019; Wilkinson et al., 2017, 2018)',
    )
    expect(formatCitation(['dore-2019', 'feder-2014'], { style: 'harvard' })).toBe(
      '(Feder et al., 2014; Dore et al., 2019)',
    )
    expect(formatCitation(['dore-2019', 'feder-2014'], { style: 'mla' })).toBe('(Dore et al.; Feder et al.)')
  })
  it('numbers numeric styles in the order given, collapsing runs', () => {
    expect(formatCitation(['dore-2019', 'daly-2019'], { style: 'vancouver' })).toBe('(1,2)')
    expect(formatCitation(['dore-2019', 'daly-2019', 'feder-2014'], { style: 'vancouver' })).toBe('(1–3)')
    expect(formatCitation(['dore-2019', 'daly-2019'], { style: 'ama', format: 'html' })).toBe(
      '<sup class="kap-cite">1,2</sup>',
    )
    expect(formatCitation(['dore-2019'], { style: 'ama', narrative: true })).toBe('Dore et al.¹')
  })
  it('drops repeats and returns an empty string for no ids', () => {
    expect(formatCitation(['dore-2019', 'dore-2019'])).toBe('(Dore et al., 2019)')
    expect(formatCitation([])).toBe('')
    expect(formatBibliography([], { style: 'ama', format: 'html' })).toBe('')
  })
})

describe('formatBibliography', () => {
  it('sorts author-date styles as the style sorts', () => {
    const lines = formatBibliography(['wilkinson-2017', 'dore-2019', 'daly-2019']).split('\n')
    expect(lines.map((l) => l.slice(0, 10))).toEqual(['Daly, E. J', 'Dore, J., ', 'Wilkinson,'])
  })
  it('numbers numeric styles in the order given and lists HTML as <ol>', () => {
    const text = formatBibliography(['wilkinson-2021', 'dore-2019'], { style: 'vancouver' })
    expect(text.split('\n').map((l) => l.slice(0, 12))).toEqual(['1. Wilkinson', '2. Dore J, T'])
    const html = vancouver.formatBibliography(['wilkinson-2021', 'dore-2019'], { format: 'html' })
    expect(
      html.startsWith(
        '<ol class="kap-bibliography kap-style-vancouver">\n<li class="kap-ref" data-kap-id="wilkinson-2021" value="1">',
      ),
    ).toBe(true)
  })
  it('lists author-date styles in HTML as an unnumbered list, every entry an item (a list to screen readers)', () => {
    for (const s of citationStyles) {
      const ids = ['wilkinson-2021', 'dore-2019', 'feder-2014'] as const
      const html = formatBibliography(ids, { style: s.key, format: 'html' })
      const [tag, role] = s.numeric ? ['ol', ''] : ['ul', ' role="list"']
      expect(
        html.startsWith(`<${tag} class="kap-bibliography kap-style-${s.key}"${role}>\n<li class="kap-ref"`),
        s.key,
      ).toBe(true)
      expect(html.endsWith(`</li>\n</${tag}>`), s.key).toBe(true)
      // One item per entry, and nothing but items in the list.
      expect(html.match(/<li class="kap-ref" data-kap-id="/g), s.key).toHaveLength(3)
      expect(
        html
          .split('\n')
          .slice(1, -1)
          .every((line) => /^<li [^>]*>.*<\/li>$/.test(line)),
        s.key,
      ).toBe(true)
      // A document's bibliography is the same list.
      const doc = createCitationSession({ style: s.key, format: 'html' })
      doc.cite([...ids])
      expect(doc.bibliography().slice(0, html.indexOf('>') + 1), s.key).toBe(html.slice(0, html.indexOf('>') + 1))
    }
  })
})

describe('citation sessions', () => {
  it('keep numbers stable across a document', () => {
    const doc = createCitationSession({ style: 'vancouver' })
    expect(doc.cite('wilkinson-2021')).toBe('(1)')
    expect(doc.cite(['dore-2019', 'wilkinson-2021'])).toBe('(1,2)')
    expect(doc.cite(['feder-2014', 'dore-2019'])).toBe('(2,3)')
    expect(doc.numberOf('feder-2014')).toBe(3)
    expect(doc.cited()).toEqual(['wilkinson-2021', 'dore-2019', 'feder-2014'])
    expect(
      doc
        .bibliography()
        .split('\n')
        .map((l) => l.slice(0, 6)),
    ).toEqual(['1. Wil', '2. Dor', '3. Fed'])
    // A lead that cannot be cited is refused before it gets a number.
    if (leads.length > 0) expect(code(() => doc.cite(leads[0]!))).toBe('INVALID_RECORD')
    expect(doc.cited()).toHaveLength(3)
  })
  it('collect an author-date bibliography in style order', () => {
    const doc = createCitationSession({ style: 'apa', format: 'markdown' })
    expect(doc.cite(['wilkinson-2021'])).toBe('(Wilkinson et al., 2021)')
    doc.cite('dore-2019')
    expect(doc.numberOf('dore-2019')).toBeUndefined()
    expect(doc.bibliography().split('\n\n').length).toBe(2)
    expect(doc.bibliography().startsWith('Dore')).toBe(true)
    expect(doc.bibliography()).toContain('\n\nWilkinson, S. T.')
  })
  it('tell records apart from the first citation on when the document declares what it cites', () => {
    // MLA cites by author alone, and tells same-author works apart by a short title: without `cites` the first of two
    // papers led by Dakwar cannot yet be told apart from the second.
    const plain = createCitationSession({ style: 'mla' })
    expect(plain.cite('dakwar-2019')).toBe('(Dakwar et al.)')
    expect(plain.cite('dakwar-2020')).toBe('(Dakwar et al., “Single Ketamine Infusion Combined With Motivational”)')
    const doc = createCitationSession({ style: 'mla', cites: ['dakwar-2020', 'dakwar-2019', 'dore-2019'] })
    expect(doc.cite('dakwar-2019')).toBe('(Dakwar et al., “Single Ketamine Infusion Combined With Mindfulness-Based”)')
    expect(doc.cited()).toEqual(['dakwar-2019'])
    expect(doc.bibliography().split('\n')).toHaveLength(1)
    expect(doc.cite(['dakwar-2020', 'dakwar-2019'], { narrative: true })).toBe(
      'Dakwar et al. (“Single Ketamine Infusion Combined With Motivational”) and Dakwar et al. (“Single Ketamine Infusion Combined With Mindfulness-Based”)',
    )
    // APA adds the first author's initials when two first authors share a surname but not their given names; one
    // person whose bylines differ ("Evgeny", "Evgeny M.") is named one way (data/vocab/people.yaml).
    const apa = createCitationSession({ style: 'apa', cites: ['krupitsky-2007', 'krupitsky-2002'] })
    expect(apa.cite('krupitsky-2002')).toBe('(Krupitsky et al., 2002)')
    expect(apa.cite(['krupitsky-2007', 'krupitsky-2002'])).toBe('(Krupitsky et al., 2002, 2007)')
    expect(createCitationSession({ style: 'apa' }).cite('krupitsky-2002')).toBe('(Krupitsky et al., 2002)')
    // Declared records get no number until they are cited.
    const numeric = createCitationSession({ style: 'ama', cites: ['dore-2019', 'feder-2014'] })
    expect(numeric.cite('feder-2014')).toBe('¹')
    expect(numeric.numberOf('dore-2019')).toBeUndefined()
  })
  it('refuse a bad cites list with a typed error', () => {
    expect(code(() => createCitationSession({ style: 'apa', cites: 'dore-2019' as never }))).toBe('INVALID_ARGUMENT')
    expect(code(() => createCitationSession({ style: 'apa', cites: ['dore-2091' as never] }))).toBe('UNKNOWN_ID')
    if (leads.length > 0)
      expect(code(() => createCitationSession({ style: 'apa', cites: [leads[0]! as never] }))).toBe('INVALID_RECORD')
    expect(code(() => createCitationSession({ style: 'apa', cite: ['dore-2019'] } as never))).toBe('INVALID_ARGUMENT')
  })
})

describe('bad input', () => {
  it('unknown id → UNKNOWN_ID with the closest id', () => {
    expect(() => formatReference('dore-2091' as never)).toThrow(
      'kap-literature: unknown study or source "dore-2091" (did you mean "dore-2019"?)',
    )
    expect(code(() => formatCitation(['dore-2019', 'nope' as never]))).toBe('UNKNOWN_ID')
  })
  it('a claim id is refused with a hint', () => {
    expect(() => formatReference('without-therapy-ketamine-effects-fade-faster' as never)).toThrow(
      /is a claim, not a citable work/,
    )
  })
  it('unknown style → UNKNOWN_STYLE listing the styles', () => {
    expect(() => formatReference('dore-2019', { style: 'ieee' as never })).toThrow(
      'unknown citation style "ieee"; available: apa, ama, vancouver, harvard, chicago, mla',
    )
    // A style key is read as ids are: in any case, without surrounding spaces.
    expect(formatReference('dore-2019', { style: ' APA ' as never })).toBe(formatReference('dore-2019'))
    expect(apa.formatReference('dore-2019', { style: 'Apa' as never })).toBe(formatReference('dore-2019'))
    const near = error(() => styleCitations('vancover' as never))
    expect([near.code, near.value, near.hint]).toEqual(['UNKNOWN_STYLE', 'vancover', 'did you mean "vancouver"?'])
    expect(near.message).toBe(
      'kap-literature: unknown citation style "vancover" (did you mean "vancouver"?); available: apa, ama, vancouver, harvard, chicago, mla',
    )
    expect(code(() => styleCitations('__proto__' as never))).toBe('UNKNOWN_STYLE')
    expect(code(() => apa.formatReference('dore-2019', { style: 'mla' }))).toBe('UNKNOWN_STYLE')
  })
  it('unknown format → UNKNOWN_FORMAT', () => {
    expect(() => formatReference('dore-2019', { format: 'rtf' as never })).toThrow(
      /unknown format "rtf" \(use text, html, markdown\)/,
    )
    expect(code(() => formatBibliography(['dore-2019'], { format: 'pdf' as never }))).toBe('UNKNOWN_FORMAT')
  })
  it('wrong argument types → INVALID_ARGUMENT', () => {
    expect(code(() => formatCitation(42 as never))).toBe('INVALID_ARGUMENT')
    expect(code(() => formatCitation([null] as never))).toBe('INVALID_ARGUMENT')
    expect(code(() => formatReference(['dore-2019'] as never))).toBe('INVALID_ARGUMENT')
    expect(code(() => formatReference('dore-2019', 'apa' as never))).toBe('INVALID_ARGUMENT')
  })
})

it("exposes the CSL credit and each style's source", () => {
  expect(cslCredit).toContain('https://citationstyles.org/')
  expect(citationStyles.map((s) => s.key)).toEqual(['apa', 'ama', 'vancouver', 'harvard', 'chicago', 'mla'])
  for (const s of citationStyles) expect(s.source).toMatch(/creativecommons\.org\/licenses\/by-sa\/3\.0/)
  expect(citationStyles.find((s) => s.key === 'ama')?.source).toMatch(/Debian package citation-style-language-styles/)
})

describe('options', () => {
  it('rejects an unknown option key with the closest known key, in every function and entry', () => {
    const e = (fn: () => unknown) => {
      try {
        fn()
      } catch (x) {
        return x as KapLiteratureError
      }
      throw new Error('expected an error')
    }
    const misspelt = e(() => formatReference('dore-2019', { stlye: 'ama' } as never))
    expect([misspelt.code, misspelt.value, misspelt.hint]).toEqual(['INVALID_ARGUMENT', 'stlye', 'style'])
    expect(misspelt.message).toBe(
      'kap-literature: formatReference: unknown option "stlye" (did you mean "style"?); the options are style, format',
    )
    expect(e(() => formatCitation('dore-2019', { narative: true } as never)).hint).toBe('narrative')
    expect(e(() => formatBibliography(['dore-2019'], { narrative: true } as never)).code).toBe('INVALID_ARGUMENT')
    expect(e(() => apa.formatReference('dore-2019', { fromat: 'html' } as never)).hint).toBe('format')
    expect(e(() => createCitationSession({ styles: 'ama' } as never)).hint).toBe('style')
    expect(formatCitation('dore-2019', { narrative: true, style: 'apa', format: 'text' })).toBe('Dore et al. (2019)')
  })

  it('uses the one shared check in every entry that takes options', async () => {
    const { formatReference: citeReference } = await import('../../src/cite/index')
    const { search, facets } = await import('../../src/search/index')
    const { evidenceMap } = await import('../../src/map/index')
    const { toJsonLd } = await import('../../src/jsonld/index')
    const cases: [() => unknown, string, string][] = [
      [
        () => citeReference('dore-2019', { style: 'apa', format: 'text', stlye: 'ama' } as never),
        'formatReference',
        'style',
      ],
      [() => search('ketamine', { limt: 3 } as never), 'search', 'limit'],
      [() => facets('ketamine', { topc: 'efficacy' } as never), 'facets', 'topic'],
      [() => evidenceMap({ topic: 'efficacy', format: 'svg', titel: 'x' } as never), 'evidenceMap', 'title'],
      [() => toJsonLd('dore-2019', { detail: [] } as never), 'toJsonLd', 'details'],
    ]
    for (const [call, fn, hint] of cases) {
      let error: KapLiteratureError | undefined
      try {
        call()
      } catch (x) {
        error = x as KapLiteratureError
      }
      expect(error?.code, fn).toBe('INVALID_ARGUMENT')
      expect(error?.hint, fn).toBe(hint)
      expect(error?.message, fn).toMatch(
        new RegExp(`^kap-literature: ${fn}: unknown option ".+" \\(did you mean "${hint}"\\?\\); the options are `),
      )
    }
  })
})

describe('narrative citations of a work cited by its title (review 28)', () => {
  it('style the title as the parenthetical citation does, and name it in the numeric styles', () => {
    const id = 'kap-series-part-2-how-kap-works'
    const title = 'Part 2: How Does Ketamine Assisted Psychotherapy (KAP) Work?'
    expect(formatCitation([id], { style: 'apa', format: 'html', narrative: true })).toContain(`<i>${title}</i> (n.d.)`)
    expect(formatCitation([id], { style: 'mla', format: 'html', narrative: true })).toContain(`<i>${title}</i>`)
    expect(formatCitation([id], { style: 'chicago', format: 'text', narrative: true })).toBe(
      `\u201c${title}\u201d (n.d.)`,
    )
    expect(formatCitation([id], { style: 'ama', format: 'text', narrative: true })).toBe(`${title}\u00b9`)
    // Studies keep their authors' names, unstyled.
    expect(formatCitation(['dore-2019'], { style: 'apa', format: 'html', narrative: true })).toContain(
      'Dore et al. (2019)',
    )
  })
})
