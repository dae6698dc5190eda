import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isCitable, KapLiteratureError, getStudy, studies } from '../../src/index'
import { formatBibliography, formatCitation, formatReference, listStyles, type CiteRecord } from '../../src/cite/index'

const WILKINSON_APA =
  'Wilkinson, S. T., Rhee, T. G., Joormann, J., Webler, R., Ortiz Lopez, M., Kitay, B., Fasula, M., Elder, C., Fenton, L., & Sanacora, G. (2021). ' +
  'Cognitive behavioral therapy to sustain the antidepressant effects of ketamine in treatment-resistant depression: A randomized clinical trial. ' +
  'Psychotherapy and Psychosomatics, 90(5), 318–327. https://doi.org/10.1159/000517074'

const smith: CiteRecord = {
  id: 'smith-2024',
  type: 'article-journal',
  title: 'A synthetic trial of sublingual ketamine',
  author: [
    { family: 'Smith', given: 'Ana B.' },
    { family: 'Nguyen', given: 'Thi' },
  ],
  'container-title': 'Example Journal of Psychiatry',
  issued: { 'date-parts': [[2024, 3]] },
  volume: '12',
  issue: '4',
  page: '101-110',
  DOI: '10.5555/example.2024.0001',
}

function thrown(fn: () => unknown): KapLiteratureError {
  try {
    fn()
  } catch (e) {
    if (e instanceof KapLiteratureError) return e
    throw new Error(`expected a KapLiteratureError, got ${String(e)}`)
  }
  throw new Error('expected a throw')
}

describe('formatReference', () => {
  it('formats a shipped study in APA text exactly', () => {
    expect(formatReference('wilkinson-2021', { style: 'apa', format: 'text' })).toBe(WILKINSON_APA)
  })

  it('wraps HTML with stable classes and links the DOI ourselves', () => {
    const html = formatReference('wilkinson-2021', { style: 'apa', format: 'html' })
    expect(html.startsWith('<div class="kap-ref kap-style-apa" data-kap-id="wilkinson-2021">Wilkinson, S. T., ')).toBe(
      true,
    )
    expect(html).toContain('Fenton, L., &amp; Sanacora, G. (2021).')
    expect(html).toContain('<i>Psychotherapy and Psychosomatics</i>, <i>90</i>(5), 318–327.')
    expect(
      html.endsWith(
        '<a class="kap-ref-doi" href="https://doi.org/10.1159/000517074">https://doi.org/10.1159/000517074</a></div>',
      ),
    ).toBe(true)
    expect(html).not.toContain('csl-')
  })

  it('writes Markdown with *italics*, escaped specials and [text](href) links', () => {
    const md = formatReference('wilkinson-2021', { style: 'apa', format: 'markdown' })
    expect(md).toContain('Fenton, L., & Sanacora, G. (2021).')
    expect(md).toContain('*Psychotherapy and Psychosomatics*, *90*(5), 318–327.')
    // The link text is escaped like all text (`\\/`, `\\.`), so no renderer could autolink it; it reads the same.
    expect(md.endsWith('[https:\\//doi\\.org/10.1159/000517074](https://doi.org/10.1159/000517074)')).toBe(true)
  })

  it('formats in Vancouver (doi: link, number kept) and Harvard', () => {
    const v = formatReference('wilkinson-2021', { style: 'vancouver', format: 'html' })
    expect(v).toContain('class="kap-ref kap-style-vancouver"')
    expect(v).toContain('>1. Wilkinson ST, Rhee TG, Joormann J, Webler R, Ortiz Lopez M, Kitay B, et al. Cognitive')
    expect(v).toContain('<a class="kap-ref-doi" href="https://doi.org/10.1159/000517074">doi:10.1159/000517074</a>')
    const h = formatReference('wilkinson-2021', { style: 'harvard', format: 'text' })
    expect(h).toBe(
      'Wilkinson, S.T. et al. (2021) ‘Cognitive behavioral therapy to sustain the antidepressant effects of ketamine in treatment-resistant depression: a randomized clinical trial’, Psychotherapy and Psychosomatics, 90(5), pp. 318–327. Available at: https://doi.org/10.1159/000517074.',
    )
  })

  it('formats a user record and links an https URL of a web page', () => {
    expect(formatReference(smith, { style: 'apa', format: 'text' })).toBe(
      'Smith, A. B., & Nguyen, T. (2024). A synthetic trial of sublingual ketamine. Example Journal of Psychiatry, 12(4), 101–110. https://doi.org/10.5555/example.2024.0001',
    )
    const page = {
      id: 'page-1',
      type: 'webpage',
      title: 'A page',
      URL: 'https://example.org/a(b)?q=1&r=2',
      issued: { 'date-parts': [[2025, 1, 2]] },
    }
    const html = formatReference(page, { style: 'apa', format: 'html' })
    expect(html).toContain(
      '<a class="kap-ref-url" href="https://example.org/a(b)?q=1&amp;r=2">https://example.org/a(b)?q=1&amp;r=2</a>',
    )
    const md = formatReference(page, { style: 'apa', format: 'markdown' })
    expect(md).toContain('](https://example.org/a%28b%29?q=1&r=2)')
  })

  it('accepts a shipped record object or its csl in place of the id', () => {
    const study = getStudy('wilkinson-2021')
    expect(formatReference(study as never, { style: 'apa', format: 'text' })).toBe(WILKINSON_APA)
    expect(formatReference(study.csl as never, { style: 'apa', format: 'text' })).toBe(WILKINSON_APA)
  })

  it('formats every shipped study and source in every built-in style and format without error', () => {
    for (const style of ['apa', 'vancouver', 'harvard'] as const) {
      for (const s of studies.filter((x) => isCitable(x))) {
        const html = formatReference(s.id, { style, format: 'html' })
        expect(html.startsWith(`<div class="kap-ref kap-style-${style}" data-kap-id="${s.id}">`)).toBe(true)
        if (s.csl.DOI !== undefined && style !== 'vancouver')
          expect(html, s.id).toContain(`href="https://doi.org/${s.csl.DOI}"`)
      }
    }
  })
})

describe('escaping of hostile user records', () => {
  const evil: CiteRecord = {
    id: 'evil-1',
    type: 'article-journal',
    title: 'Title <script>alert(1)</script> end',
    author: [{ family: '<img src=x onerror=alert(2)>', given: 'Eve' }],
    'container-title': '<img src=y onerror=alert(3)>',
    issued: { 'date-parts': [[2021]] },
    DOI: '10.1234/x"onmouseover="alert(4)',
    URL: 'javascript:alert(5)',
  }

  it('never produces live markup in HTML', () => {
    for (const style of ['apa', 'vancouver', 'harvard'] as const) {
      const html = formatReference(evil, { style, format: 'html' })
      expect(html).not.toMatch(/<script|<img|onerror=alert\(2\)>|<a /i)
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
      expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;')
      // APA title-cases journal names ("Src", "Onerror"); the text is escaped whatever its case.
      expect(html).toMatch(/&lt;img src=y onerror=alert\(3\)&gt;/i)
      // A DOI with a quote is printed as text, never as a link.
      expect(html).not.toContain('href=')
    }
  })

  it('escapes a quote inside a valid DOI in the href', () => {
    const html = formatReference(
      { ...evil, id: 'evil-2', DOI: "10.1234/it's(1)#x", URL: undefined },
      { style: 'apa', format: 'html' },
    )
    expect(html).toContain('<a class="kap-ref-doi" href="https://doi.org/10.1234/it&#39;s(1)%23x">')
  })

  it('never links javascript: or other schemes', () => {
    const page = { id: 'js-1', type: 'webpage', title: 'Click', URL: 'javascript:alert(1)' }
    for (const format of ['html', 'markdown'] as const) {
      const out = formatReference(page, { style: 'harvard', format })
      expect(out).not.toMatch(/href=|\]\(/)
    }
    expect(
      formatReference({ ...page, URL: 'data:text/html,%3Cb%3Ex%3C/b%3E' }, { style: 'apa', format: 'html' }),
    ).not.toContain('href=')
  })

  it('escapes Markdown specials in user text', () => {
    const md = formatReference(
      {
        id: 'md-1',
        type: 'book',
        title: 'Stars *and* [links](x) _under_ `code` #1 <b>',
        author: [{ family: 'O\\Brien' }],
      },
      { style: 'apa', format: 'markdown' },
    )
    expect(md).toContain('\\*and\\*')
    expect(md).toContain('\\[links\\](x)')
    expect(md).toContain('\\_under\\_')
    expect(md).toContain('\\`code\\`')
    expect(md).toContain('\\#1')
    expect(md).toContain('O\\\\Brien')
  })

  it('keeps any title text inert in HTML (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 20 }), (title, family) => {
        const record = {
          id: 'p-1',
          type: 'article-journal',
          title,
          author: [{ family: family.trim() === '' ? 'X' : family }],
          issued: { 'date-parts': [[2020]] },
        }
        let html: string
        try {
          html = formatReference(record, { style: 'apa', format: 'html' })
        } catch (e) {
          // Names citeproc cannot process ("valueOf") are refused up front.
          expect(e).toBeInstanceOf(KapLiteratureError)
          expect((e as KapLiteratureError).code).toBe('INVALID_RECORD')
          return
        }
        // Only our own tags may appear.
        const tags = html.match(/<\/?[a-zA-Z][^>]*>/g) ?? []
        for (const tag of tags)
          expect(tag).toMatch(
            /^<(\/?(i|b|sup|sub|div|span|a)|div class="kap-ref kap-style-apa" data-kap-id="p-1"|span class="kap-smallcaps")>?/,
          )
        expect(html).not.toMatch(/<(script|img|iframe|svg|style)/i)
      }),
      { numRuns: 60 },
    )
  })
})

describe('formatCitation', () => {
  it('gives the parenthetical and narrative forms', () => {
    expect(formatCitation(['dore-2019'], { style: 'apa', format: 'text' })).toBe('(Dore et al., 2019)')
    expect(formatCitation(['dore-2019', 'feder-2014'], { style: 'apa', format: 'html' })).toBe(
      '<span class="kap-citation kap-style-apa">(Dore et al., 2019; Feder et al., 2014)</span>',
    )
    expect(formatCitation(['dore-2019', 'feder-2014'], { style: 'apa', format: 'text', narrative: true })).toBe(
      'Dore et al. (2019) and Feder et al. (2014)',
    )
    expect(
      formatCitation(['dore-2019', 'feder-2014', 'grunebaum-2018'], { style: 'apa', format: 'text', narrative: true }),
    ).toBe('Dore et al. (2019), Feder et al. (2014), and Grunebaum et al. (2018)')
    // In another language, "and" would be wrong: the citations are joined with "; ".
    expect(
      formatCitation(['dore-2019', 'feder-2014'], { style: 'apa', format: 'text', narrative: true, lang: 'de-DE' }),
    ).toBe('Dore et al. (2019); Feder et al. (2014)')
    expect(formatCitation([smith], { style: 'harvard', format: 'text', narrative: true })).toBe(
      'Smith and Nguyen (2024)',
    )
  })

  it('numbers items in the order given in numeric styles, with a names fallback for narrative', () => {
    expect(formatCitation(['dore-2019', 'feder-2014'], { style: 'vancouver', format: 'text' })).toBe('(1,2)')
    expect(formatCitation(['dore-2019', smith], { style: 'vancouver', format: 'text', narrative: true })).toBe(
      'Dore et al. (1) and Smith and Nguyen (2)',
    )
  })

  it('refuses a citation of a record with no names and no title, narrative or not', () => {
    const bare: CiteRecord = { id: 'bare-1', type: 'article-journal', 'container-title': 'Some Journal' }
    for (const narrative of [false, true]) {
      const e = thrown(() => formatCitation(['dore-2019', bare], { style: 'apa', format: 'text', narrative }))
      expect([e.code, e.value]).toEqual(['INVALID_RECORD', 'bare-1'])
    }
  })

  it('refuses a shipped study kept as a lead, as the precomputed citations do', () => {
    for (const lead of studies.filter((s) => !isCitable(s))) {
      const e = thrown(() => formatCitation([lead.id], { style: 'apa', format: 'text' }))
      expect([e.code, e.value], lead.id).toEqual(['INVALID_RECORD', lead.id])
    }
  })

  it('cites a shipped item listed twice once, and returns "" for an empty list', () => {
    expect(formatCitation(['dore-2019', 'dore-2019'], { style: 'apa', format: 'text' })).toBe('(Dore et al., 2019)')
    expect(formatCitation([], { style: 'apa', format: 'html' })).toBe('')
  })
})

describe('a record with nothing to cite it by', () => {
  const empty: CiteRecord = { id: 'x-1', type: 'book' }
  const message = 'kap-literature: record "x-1" has no author, editor or title, so a style has nothing to cite it by'

  it.each(['apa', 'vancouver', 'harvard'])('is refused by every formatting function in %s', (style) => {
    for (const fn of [
      () => formatBibliography([empty], { style, format: 'text' }),
      () => formatBibliography(['dore-2019', empty], { style, format: 'html' }),
      () => formatReference(empty, { style, format: 'markdown' }),
      () => formatCitation([empty], { style, format: 'text' }),
      () => formatCitation([empty], { style, format: 'text', narrative: true }),
    ]) {
      const e = thrown(fn)
      expect([e.code, e.message, e.value]).toEqual(['INVALID_RECORD', message, 'x-1'])
      expect(e.hint).toBe("add a title or an author, e.g. title: 'A book', author: [{ family: 'Smith', given: 'Ana' }]")
    }
  })

  it('counts a blank title as none, and a date, publisher or journal alone as nothing to cite by', () => {
    for (const record of [
      { ...empty, title: '  ' },
      { ...empty, issued: { 'date-parts': [[2020]] }, publisher: 'P', 'container-title': 'J', DOI: '10.1000/x' },
      { ...empty, author: [] },
    ])
      expect(thrown(() => formatReference(record, { style: 'apa', format: 'text' })).message).toBe(message)
  })

  it('formats a record with a title alone, an author alone or an editor alone', () => {
    expect(formatReference({ ...empty, title: 'A book' }, { style: 'apa', format: 'text' })).toBe('A book. (n.d.).')
    expect(formatReference({ ...empty, author: [{ family: 'Smith' }] }, { style: 'apa', format: 'text' })).toBe(
      'Smith. (n.d.).',
    )
    expect(
      formatReference(
        { ...empty, editor: [{ family: 'Smith' }], issued: { 'date-parts': [[2020]] } },
        { style: 'vancouver', format: 'text' },
      ),
    ).toBe('1. Smith, editor. 2020.')
    expect(formatCitation([{ ...empty, title: 'A book' }], { style: 'vancouver', format: 'text' })).toBe('(1)')
  })
})

describe('formatBibliography', () => {
  it('sorts as the style does and lists each entry as an item of an unnumbered list', () => {
    const html = formatBibliography(['feder-2014', 'dore-2019', smith], { style: 'apa', format: 'html' })
    expect(
      html.startsWith(
        '<ul class="kap-bibliography kap-style-apa" role="list"><li class="kap-ref" data-kap-id="dore-2019">Dore, J.',
      ),
    ).toBe(true)
    const ids = [...html.matchAll(/data-kap-id="([^"]+)"/g)].map((m) => m[1])
    expect(ids).toEqual(['dore-2019', 'feder-2014', 'smith-2024'])
    expect(html.match(/<li class="kap-ref"/g)).toHaveLength(3)
    expect(html.endsWith('</li></ul>')).toBe(true)
    // Numeric styles print their numbers in the entries' text, so their list is unnumbered as well.
    const numeric = formatBibliography(['feder-2014', 'dore-2019'], { style: 'vancouver', format: 'html' })
    expect(numeric).toMatch(
      /^<ul class="kap-bibliography kap-style-vancouver" role="list"><li class="kap-ref" data-kap-id="feder-2014">1\. Feder/,
    )
  })

  it('puts text entries on lines and Markdown entries in paragraphs; numeric styles keep the given order', () => {
    const text = formatBibliography(['feder-2014', 'dore-2019'], { style: 'vancouver', format: 'text' })
    expect(text.split('\n').map((l) => l.slice(0, 10))).toEqual(['1. Feder A', '2. Dore J,'])
    const md = formatBibliography(['feder-2014', 'dore-2019'], { style: 'vancouver', format: 'markdown' })
    expect(md.split('\n\n')).toHaveLength(2)
  })

  it('returns "" for an empty list and lists a repeated shipped id once', () => {
    expect(formatBibliography([], { style: 'apa', format: 'text' })).toBe('')
    expect(formatBibliography(['wilkinson-2021', 'wilkinson-2021'], { style: 'apa', format: 'text' })).toBe(
      WILKINSON_APA,
    )
  })

  it('uses a built-in locale when asked', () => {
    const de = formatBibliography(['samadhi-kap-vs-infusions'], { style: 'harvard', format: 'text', lang: 'de-DE' })
    const en = formatBibliography(['samadhi-kap-vs-infusions'], { style: 'harvard', format: 'text' })
    expect(en).toContain('Available at:')
    expect(de).not.toBe(en)
    expect(de).toContain('Verfügbar unter:')
  })
})

describe('bad input', () => {
  it('unknown style → UNKNOWN_STYLE listing the available ones, never citeproc\u2019s TypeError', () => {
    const e = thrown(() => formatReference('dore-2019', { style: 'ama-typo', format: 'text' }))
    expect(e.code).toBe('UNKNOWN_STYLE')
    expect(e.message).toContain('available: apa, harvard, vancouver')
    expect(thrown(() => formatCitation(['dore-2019'], { style: 'harvard1', format: 'text' })).hint).toBe(
      'did you mean "harvard"?',
    )
    expect(formatReference('dore-2019', { style: 'APA', format: 'text' })).toBe(
      formatReference('dore-2019', { style: 'apa', format: 'text' }),
    )
    expect(thrown(() => formatReference('dore-2019', { style: 'vancover', format: 'text' })).hint).toBe(
      'did you mean "vancouver"?',
    )
    expect(thrown(() => formatBibliography([], { style: 42 as never, format: 'text' })).code).toBe('UNKNOWN_STYLE')
  })

  it('unknown format → UNKNOWN_FORMAT', () => {
    const e = thrown(() => formatReference('dore-2019', { style: 'apa', format: 'rtf' as never }))
    expect(e.code).toBe('UNKNOWN_FORMAT')
    expect(e.message).toContain('text, html, markdown')
  })

  it("reads format names in any case, as kap-literature/citations does: 'HTML' is html", () => {
    const html = formatReference('dore-2019', { style: 'apa', format: 'html' })
    expect(html).toMatch(/^<div class="kap-ref kap-style-apa" data-kap-id="dore-2019">Dore, J\./)
    expect(formatReference('dore-2019', { style: 'apa', format: 'HTML' as never })).toBe(html)
    expect(formatCitation(['dore-2019'], { style: 'apa', format: 'Markdown' as never })).toBe(
      formatCitation(['dore-2019'], { style: 'apa', format: 'markdown' }),
    )
  })

  it('unknown id → UNKNOWN_ID with a suggestion; a claim id says claims are not citable', () => {
    const e = thrown(() => formatReference('dore-2091' as never, { style: 'apa', format: 'text' }))
    expect(e.code).toBe('UNKNOWN_ID')
    expect(e.hint).toBe('dore-2019')
    expect(e.message).toBe('kap-literature: unknown study or source "dore-2091" (did you mean "dore-2019"?)')
    const c = thrown(() =>
      formatCitation(['without-therapy-ketamine-effects-fade-faster' as never], { style: 'apa', format: 'text' }),
    )
    expect(c.code).toBe('UNKNOWN_ID')
    expect(c.message).toContain('claim id')
    // Nothing close: no "did you mean", and a hint that says where the ids are.
    const far = thrown(() => formatCitation(['xyzzy' as never], { style: 'apa', format: 'text' }))
    expect(far.message).toBe('kap-literature: unknown study or source "xyzzy"')
    expect(far.hint).toBe('no id is close; studies() and sources() list them all')
    // Several ids in one item (Pandoc's "; " or a blank): say so, instead of suggesting one of them.
    for (const joined of ['dore-2019;wilkinson-2021', 'dore-2019; wilkinson-2021', 'dore-2019 wilkinson-2021']) {
      const several = thrown(() => formatCitation([joined as never], { style: 'apa', format: 'text' }))
      expect(several.message).toBe(`kap-literature: "${joined}" holds several ids: give each as its own item`)
      expect(several.hint).toBe('pass an array: ["dore-2019","wilkinson-2021"]')
    }
  })

  it('a DOI, URL, PMID, BibTeX or JSON string is rejected with a hint, never parsed', () => {
    const doi = thrown(() =>
      formatReference('https://doi.org/10.1080/02791072.2019.1587556' as never, { style: 'apa', format: 'text' }),
    )
    expect([doi.code, doi.hint]).toEqual(['INVALID_ARGUMENT', "use the shipped id 'dore-2019'"])
    expect(thrown(() => formatReference('10.9999/unknown' as never, { style: 'apa', format: 'text' })).hint).toContain(
      'CSL-JSON object',
    )
    expect(
      thrown(() => formatReference('https://example.org/refs.bib' as never, { style: 'apa', format: 'text' })).message,
    ).toContain('is a URL')
    expect(thrown(() => formatReference('34186531' as never, { style: 'apa', format: 'text' })).hint).toBe(
      "use the shipped id 'wilkinson-2021'",
    )
    expect(
      thrown(() => formatCitation(['@article{x, title={T}}' as never], { style: 'apa', format: 'text' })).message,
    ).toContain('BibTeX or RIS')
    expect(
      thrown(() => formatCitation(['TY  - JOUR\nER  - ' as never], { style: 'apa', format: 'text' })).message,
    ).toContain('BibTeX or RIS')
    expect(thrown(() => formatCitation(['{"id":"x"}' as never], { style: 'apa', format: 'text' })).hint).toContain(
      'JSON.parse',
    )
  })

  it('bad options and bad item lists → INVALID_ARGUMENT', () => {
    expect(thrown(() => formatReference('dore-2019', undefined as never)).code).toBe('INVALID_ARGUMENT')
    expect(thrown(() => formatCitation('dore-2019' as never, { style: 'apa', format: 'text' })).hint).toContain(
      'wrap it in an array',
    )
    expect(thrown(() => formatReference(['dore-2019'] as never, { style: 'apa', format: 'text' })).code).toBe(
      'INVALID_ARGUMENT',
    )
    expect(thrown(() => formatReference(null as never, { style: 'apa', format: 'text' })).code).toBe('INVALID_ARGUMENT')
    expect(thrown(() => formatReference(7 as never, { style: 'apa', format: 'text' })).code).toBe('INVALID_ARGUMENT')
    expect(
      thrown(() => formatCitation(['dore-2019'], { style: 'apa', format: 'text', narrative: 'yes' as never })).code,
    ).toBe('INVALID_ARGUMENT')
  })

  it('an unknown locale is an error, not a silent fallback', () => {
    const e = thrown(() => formatReference('dore-2019', { style: 'apa', format: 'text', lang: 'xx-XX' }))
    expect(e.code).toBe('INVALID_ARGUMENT')
    expect(e.message).toContain('en-US')
    expect(e.hint).toContain("registerLocale('xx-XX'")
  })

  it('lists the built-in styles', () => {
    expect(listStyles()).toEqual(['apa', 'harvard', 'vancouver'])
  })
})
