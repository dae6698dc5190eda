import { describe, expect, it } from 'vitest'
import { citationStyles, createCitationSession, cslCredit, formatBibliography, formatCitation, formatReference, styleCitations } from '../../src/citations/index'
import { apa } from '../../src/citations/apa'
import { vancouver } from '../../src/citations/vancouver'
import { KapLiteratureError, sources, studies } from '../../src/index'

const DORE_APA =
  'Dore, J., Turnipseed, B., Dwyer, S., Turnipseed, A., Andries, J., Ascani, G., Monnette, C., Huidekoper, A., Strauss, N., & Wolfson, P. (2019). Ketamine Assisted Psychotherapy (KAP): Patient Demographics, Clinical Data and Outcomes in Three Large Practices Administering Ketamine with Psychotherapy. Journal of Psychoactive Drugs, 51(2), 189–198. https://doi.org/10.1080/02791072.2019.1587556'

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
    expect(formatReference('dore-2019')).toBe(DORE_APA)
    expect(apa.formatReference('dore-2019')).toBe(DORE_APA)
  })
  it('builds the DOI link itself in HTML, with stable classes', () => {
    const html = formatReference('dore-2019', { style: 'ama', format: 'html' })
    expect(html).toBe(
      '<span class="kap-ref kap-style-ama" data-kap-id="dore-2019">Dore J, Turnipseed B, Dwyer S, et al. Ketamine Assisted Psychotherapy (KAP): Patient Demographics, Clinical Data and Outcomes in Three Large Practices Administering Ketamine with Psychotherapy. <i>J Psychoactive Drugs</i>. 2019;51(2):189-198. <a class="kap-ref-doi" href="https://doi.org/10.1080/02791072.2019.1587556">doi:10.1080/02791072.2019.1587556</a></span>',
    )
  })
  it('writes Markdown italics and links', () => {
    expect(formatReference('dore-2019', { format: 'markdown' })).toContain('*Journal of Psychoactive Drugs*, *51*(2), 189–198. [https://doi.org/10.1080/02791072.2019.1587556](https://doi.org/10.1080/02791072.2019.1587556)')
  })
  it('percent-encodes parentheses of a DOI in Markdown links', () => {
    const md = formatReference('berman-2000', { format: 'markdown' })
    expect(md).not.toMatch(/\]\([^)]*\([^)]*\)/)
  })
  it('formats every shipped study and source in every style and format', () => {
    for (const s of citationStyles) {
      for (const r of [...studies, ...sources]) {
        for (const format of ['text', 'html', 'markdown'] as const) {
          const out = formatReference(r.id, { style: s.key, format })
          expect(out.length, `${s.key} ${r.id} ${format}`).toBeGreaterThan(10)
          if (format === 'html') expect(out).not.toMatch(/<(?!\/?(i|b|sup|sub|span|a)\b)/)
        }
        if (r.csl.DOI !== undefined) expect(formatReference(r.id, { style: s.key, format: 'html' })).toContain(`href="https://doi.org/${r.csl.DOI}"`)
      }
    }
  })
  it('says plainly when a record has too few confirmed fields to print', () => {
    expect(formatReference('irwin-2013', { style: 'mla' })).toMatch(/irwin-2013|Irwin/)
  })
})

describe('formatCitation', () => {
  it('gives parenthetical and narrative author-date forms', () => {
    expect(formatCitation(['dore-2019'])).toBe('(Dore et al., 2019)')
    expect(formatCitation('dore-2019', { narrative: true })).toBe('Dore et al. (2019)')
    expect(formatCitation(['dore-2019'], { style: 'chicago' })).toBe('(Dore et al. 2019)')
    expect(formatCitation(['dore-2019'], { style: 'mla' })).toBe('(Dore et al.)')
    expect(formatCitation(['dore-2019'], { style: 'harvard', format: 'html' })).toBe('<span class="kap-cite">(Dore <i>et al.</i>, 2019)</span>')
  })
  it('orders several sources as the style does and groups one author\'s years', () => {
    expect(formatCitation(['grunebaum-2018', 'dore-2019'])).toBe('(Dore et al., 2019; Grunebaum et al., 2018)')
    expect(formatCitation(['wilkinson-2018', 'dore-2019', 'wilkinson-2017'])).toBe('(Dore et al., 2019; Wilkinson et al., 2017, 2018)')
    expect(formatCitation(['dore-2019', 'feder-2014'], { style: 'harvard' })).toBe('(Feder et al., 2014; Dore et al., 2019)')
    expect(formatCitation(['dore-2019', 'feder-2014'], { style: 'mla' })).toBe('(Dore et al.; Feder et al.)')
  })
  it('numbers numeric styles in the order given, collapsing runs', () => {
    expect(formatCitation(['dore-2019', 'grunebaum-2018'], { style: 'vancouver' })).toBe('(1,2)')
    expect(formatCitation(['dore-2019', 'grunebaum-2018', 'feder-2014'], { style: 'vancouver' })).toBe('(1–3)')
    expect(formatCitation(['dore-2019', 'grunebaum-2018'], { style: 'ama', format: 'html' })).toBe('<sup class="kap-cite">1,2</sup>')
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
    const lines = formatBibliography(['wilkinson-2017', 'grunebaum-2018', 'dore-2019']).split('\n')
    expect(lines.map((l) => l.slice(0, 10))).toEqual(['Dore, J., ', 'Grunebaum,', 'Wilkinson,'])
  })
  it('numbers numeric styles in the order given and lists HTML as <ol>', () => {
    const text = formatBibliography(['grunebaum-2018', 'dore-2019'], { style: 'vancouver' })
    expect(text.split('\n').map((l) => l.slice(0, 12))).toEqual(['1. Grunebaum', '2. Dore J, T'])
    const html = vancouver.formatBibliography(['grunebaum-2018', 'dore-2019'], { format: 'html' })
    expect(html.startsWith('<ol class="kap-bibliography kap-style-vancouver">\n<li class="kap-ref" data-kap-id="grunebaum-2018" value="1">')).toBe(true)
  })
})

describe('citation sessions', () => {
  it('keep numbers stable across a document', () => {
    const doc = createCitationSession({ style: 'vancouver' })
    expect(doc.cite('grunebaum-2018')).toBe('(1)')
    expect(doc.cite(['dore-2019', 'grunebaum-2018'])).toBe('(1,2)')
    expect(doc.cite(['feder-2014', 'dore-2019'])).toBe('(2,3)')
    expect(doc.numberOf('feder-2014')).toBe(3)
    expect(doc.cited()).toEqual(['grunebaum-2018', 'dore-2019', 'feder-2014'])
    expect(doc.bibliography().split('\n').map((l) => l.slice(0, 6))).toEqual(['1. Gru', '2. Dor', '3. Fed'])
  })
  it('collect an author-date bibliography in style order', () => {
    const doc = createCitationSession({ style: 'apa', format: 'markdown' })
    expect(doc.cite(['grunebaum-2018'])).toBe('(Grunebaum et al., 2018)')
    doc.cite('dore-2019')
    expect(doc.numberOf('dore-2019')).toBeUndefined()
    expect(doc.bibliography().split('\n\n').length).toBe(2)
    expect(doc.bibliography().startsWith('Dore')).toBe(true)
  })
})

describe('bad input', () => {
  it('unknown id → UNKNOWN_ID with the closest id', () => {
    expect(() => formatReference('dore-2091' as never)).toThrow('kap-literature: unknown study or source "dore-2091" (did you mean "dore-2019"?)')
    expect(code(() => formatCitation(['dore-2019', 'nope' as never]))).toBe('UNKNOWN_ID')
  })
  it('a claim id is refused with a hint', () => {
    expect(() => formatReference('without-therapy-ketamine-effects-fade-faster' as never)).toThrow(/is a claim, not a citable work/)
  })
  it('unknown style → UNKNOWN_STYLE listing the styles', () => {
    expect(() => formatReference('dore-2019', { style: 'ieee' as never })).toThrow('unknown citation style "ieee" (available: apa, ama, vancouver, harvard, chicago, mla)')
    expect(code(() => styleCitations('__proto__' as never))).toBe('UNKNOWN_STYLE')
    expect(code(() => apa.formatReference('dore-2019', { style: 'mla' }))).toBe('UNKNOWN_STYLE')
  })
  it('unknown format → UNKNOWN_FORMAT', () => {
    expect(() => formatReference('dore-2019', { format: 'rtf' as never })).toThrow(/unknown format "rtf" \(use text, html, markdown\)/)
    expect(code(() => formatBibliography(['dore-2019'], { format: 'pdf' as never }))).toBe('UNKNOWN_FORMAT')
  })
  it('wrong argument types → INVALID_ARGUMENT', () => {
    expect(code(() => formatCitation(42 as never))).toBe('INVALID_ARGUMENT')
    expect(code(() => formatCitation([null] as never))).toBe('INVALID_ARGUMENT')
    expect(code(() => formatReference(['dore-2019'] as never))).toBe('INVALID_ARGUMENT')
    expect(code(() => formatReference('dore-2019', 'apa' as never))).toBe('INVALID_ARGUMENT')
  })
})

it('exposes the CSL credit and each style\'s source', () => {
  expect(cslCredit).toContain('https://citationstyles.org/')
  expect(citationStyles.map((s) => s.key)).toEqual(['apa', 'ama', 'vancouver', 'harvard', 'chicago', 'mla'])
  for (const s of citationStyles) expect(s.source).toMatch(/creativecommons\.org\/licenses\/by-sa\/3\.0/)
  expect(citationStyles.find((s) => s.key === 'ama')?.source).toMatch(/Debian package citation-style-language-styles/)
})
