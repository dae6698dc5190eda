import { describe, expect, it } from 'vitest'
import { citeProse, createCitationSession } from '../../src/citations/index'

const text = (t: string, style: 'apa' | 'vancouver' = 'apa') =>
  citeProse(t, createCitationSession({ style, format: 'text' }), 'text')

describe('citeProse', () => {
  it('puts a raised number right after its word, in every format of a superscript style', () => {
    const text = 'It is in routine use (dore-2019, yermus-2023), as dore-2019 found.'
    expect(citeProse(text, createCitationSession({ style: 'ama', format: 'text' }), 'text')).toBe(
      'It is in routine use¹,², as Dore et al.¹ found.',
    )
    expect(citeProse(text, createCitationSession({ style: 'ama', format: 'markdown' }), 'markdown')).toMatch(
      /^It is in routine use\^1,2\^, as /,
    )
    expect(citeProse(text, createCitationSession({ style: 'ama', format: 'html' }), 'html')).toMatch(
      /^It is in routine use<sup class="kap-cite">1,2<\/sup>, as /,
    )
    // A bracketed number is not raised: it keeps its space.
    expect(citeProse(text, createCitationSession({ style: 'vancouver', format: 'text' }), 'text')).toMatch(
      /^It is in routine use \(1,2\), as /,
    )
  })

  it('leaves an id alone inside a Pandoc key, an e-mail address or a web address', () => {
    expect(text('See [@dore-2019] or write to me@dore-2019.com, www.dore-2019.org or /notes/dore-2019.')).toBe(
      'See [@dore-2019] or write to me@dore-2019.com, www.dore-2019.org or /notes/dore-2019.',
    )
    expect(text('As dore-2019 found. Then (dore-2019).')).toBe('As Dore et al. (2019) found. Then (Dore et al., 2019).')
  })
  it('names an id in running text as a narrative citation', () => {
    expect(text('As wilkinson-2021 found.')).toBe('As Wilkinson et al. (2021) found.')
  })

  it('reads ids alone in parentheses as one parenthetical citation, not "(Wilkinson et al. (2021))"', () => {
    expect(text('Therapy helped a little (wilkinson-2021).')).toBe('Therapy helped a little (Wilkinson et al., 2021).')
    expect(text('Two trials (feder-2014, feder-2021) agree.')).toBe('Two trials (Feder et al., 2014, 2021) agree.')
    expect(text('Two trials (feder-2014; feder-2021) agree.')).toBe('Two trials (Feder et al., 2014, 2021) agree.')
  })

  it('numbers parenthetical and narrative citations in one sequence in a numeric style', () => {
    expect(text('First dore-2019, then (feder-2014, feder-2021), then dore-2019 again.', 'vancouver')).toBe(
      'First Dore et al. (1), then (2,3), then Dore et al. (1) again.',
    )
  })

  it('keeps a parenthesis with other words as text and names each id in it', () => {
    expect(text('(wilkinson-2021, row 4)')).toBe('(Wilkinson et al. (2021), row 4)')
  })

  it('names a study kept as a lead without citing it, also inside a parenthesis with citable ids', () => {
    const out = text('The page cites a trial (glue-2019, wilkinson-2021).')
    expect(out).toBe(
      'The page cites a trial (Glue et al., a study whose details are incomplete, Wilkinson et al. (2021)).',
    )
  })

  it("names a lead alone in the text's parentheses without parentheses of its own (review 28)", () => {
    expect(text('held only as a lead (fda-mdma-decision-2024) until')).toBe(
      'held only as a lead (U.S. Food and Drug Administration, 2024) until',
    )
    expect(text('held only as a lead (fda-mdma-decision-2024) until', 'vancouver')).toBe(
      'held only as a lead (U.S. Food and Drug Administration, 2024) until',
    )
    expect(text('as fda-mdma-decision-2024 decided')).toBe('as U.S. Food and Drug Administration, 2024 decided')
  })

  it('escapes the text around citations and links each cited record in HTML when asked', () => {
    const session = createCitationSession({ style: 'apa', format: 'html' })
    const html = citeProse('<b>x</b> (dore-2019) & dore-2019', session, 'html', { link: true })
    expect(html).toBe(
      '&lt;b&gt;x&lt;/b&gt; <span class="kap-cite">(<a class="kap-ref-link" href="#ref-dore-2019">Dore et al., 2019' +
        '</a>)</span> &amp; <span class="kap-cite kap-cite-narrative"><a class="kap-ref-link" href="#ref-dore-2019">' +
        'Dore et al. (2019)</a></span>',
    )
  })

  it('links every record of a parenthesis of several ids, and changes no text', () => {
    const note = 'Defined as practitioners use it (dore-2019; mathai-2022), and tested twice (feder-2014, feder-2021).'
    const session = () => createCitationSession({ style: 'apa', format: 'html' })
    const linked = citeProse(note, session(), 'html', { link: true })
    expect(linked).toContain(
      '<span class="kap-cite">(<a class="kap-ref-link" href="#ref-dore-2019">Dore et al., 2019</a>; ' +
        '<a class="kap-ref-link" href="#ref-mathai-2022">Mathai et al., 2022</a>)</span>',
    )
    // A collapsed group links its author and first year to the first record and each later year to its own.
    expect(linked).toContain(
      '(<a class="kap-ref-link" href="#ref-feder-2014">Feder et al., 2014</a>, ' +
        '<a class="kap-ref-link" href="#ref-feder-2021">2021</a>)',
    )
    const strip = (html: string) => html.replace(/<\/?a[^>]*>/g, '')
    expect(strip(linked)).toBe(citeProse(note, session(), 'html'))
  })
})

describe('linked citations from a session', () => {
  const ids = ['wilkinson-2021', 'dore-2019', 'feder-2014', 'feder-2021', 'mathai-2022']
  const hrefs = (html: string) => [...html.matchAll(/href="#ref-([^"]+)"/g)].map((m) => m[1])

  it('numbers link one by one, and a range links its two ends', () => {
    const doc = createCitationSession({ style: 'vancouver', format: 'html' })
    expect(doc.cite(['wilkinson-2021', 'dore-2019'], { link: true })).toBe(
      '<span class="kap-cite">(<a class="kap-ref-link" href="#ref-wilkinson-2021" aria-label="Reference 1: Wilkinson et al. 2021">1</a>,' +
        '<a class="kap-ref-link" href="#ref-dore-2019" aria-label="Reference 2: Dore et al. 2019">2</a>)</span>',
    )
    const range = doc.cite(['feder-2014', 'dore-2019', 'wilkinson-2021'], { link: true })
    expect(range.replace(/<[^>]+>/g, '')).toBe('(1–3)')
    expect(hrefs(range)).toEqual(['wilkinson-2021', 'feder-2014'])
    const sup = createCitationSession({ style: 'ama', format: 'html' })
    expect(sup.cite('dore-2019', { link: true })).toBe(
      '<sup class="kap-cite"><a class="kap-ref-link" href="#ref-dore-2019" aria-label="Reference 1: Dore et al. 2019">1</a></sup>',
    )
  })

  it('names each number link by the reference it leads to, read alone; other links are named by their text', () => {
    const labels = (html: string) =>
      [...html.matchAll(/<a [^>]*?(?:aria-label="([^"]*)")?>([^<]*)</g)].map((m) => [m[1], m[2]])
    for (const style of ['ama', 'vancouver'] as const) {
      const doc = createCitationSession({ style, format: 'html' })
      doc.cite(['dore-2019', 'wilkinson-2021'])
      // The number is the link's text (shown, and said by voice control); the label starts with it.
      expect(labels(doc.cite(['feder-2014', 'dore-2019'], { link: true })), style).toEqual([
        ['Reference 1: Dore et al. 2019', '1'],
        ['Reference 3: Feder et al. 2014', '3'],
      ])
      // A record without an author (a clinic page, cited by its title) is named by its short title (review 28: by its
      // number alone before, and its narrative citation was a bare number).
      expect(labels(doc.cite('houston-therapy-kap', { link: true }))).toEqual([
        ['Reference 4: Ketamine-Assisted Psychotherapy', '4'],
      ])
      expect(doc.cite('houston-therapy-kap', { narrative: true })).toMatch(/^Ketamine-Assisted Psychotherapy/)
      // A narrative citation's link holds the authors' names already.
      expect(doc.cite(['dore-2019'], { link: true, narrative: true })).not.toContain('aria-label')
      // Without links nothing changes.
      expect(doc.cite(['dore-2019'])).not.toContain('aria-label')
    }
    const apa = createCitationSession({ style: 'apa', format: 'html' })
    expect(apa.cite(['dore-2019'], { link: true })).not.toContain('aria-label')
  })

  it('narrative citations of several records link each author', () => {
    for (const style of ['apa', 'vancouver'] as const) {
      const doc = createCitationSession({ style, format: 'html' })
      expect(hrefs(doc.cite(['dore-2019', 'mathai-2022'], { narrative: true, link: true }))).toEqual([
        'dore-2019',
        'mathai-2022',
      ])
    }
  })

  it('gives the same text with and without links, in every style and format', () => {
    for (const style of ['apa', 'ama', 'vancouver', 'harvard', 'chicago', 'mla'] as const)
      for (const format of ['text', 'html', 'markdown'] as const)
        for (const narrative of [false, true]) {
          const plain = createCitationSession({ style, format }).cite(ids, { narrative })
          const linked = createCitationSession({ style, format }).cite(ids, { narrative, link: true })
          expect(format === 'html' ? linked.replace(/<\/?a[^>]*>/g, '') : linked, `${style} ${format}`).toBe(plain)
          if (format !== 'html') expect(linked).not.toContain('<a')
          // Every record links, except the inner numbers of a collapsed range ("1–5" links 1 and 5).
          else if ((style === 'ama' || style === 'vancouver') && !narrative)
            expect(hrefs(linked)).toEqual(['wilkinson-2021', 'mathai-2022'])
          else expect(new Set(hrefs(linked))).toEqual(new Set(ids))
        }
  })

  it('rejects a link option that is not a boolean', () => {
    const doc = createCitationSession({ style: 'apa', format: 'html' })
    expect(() => doc.cite('dore-2019', { link: 'yes' as unknown as boolean })).toThrow(
      expect.objectContaining({
        code: 'INVALID_ARGUMENT',
        message: expect.stringContaining('options.link must be a boolean'),
      }),
    )
  })
})
