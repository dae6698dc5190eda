import { describe, expect, it } from 'vitest'
import { citeProse, createCitationSession } from '../../src/citations/index'

const text = (t: string, style: 'apa' | 'vancouver' = 'apa') =>
  citeProse(t, createCitationSession({ style, format: 'text' }), 'text')

describe('citeProse', () => {
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
      'The page cites a trial (Glue et al. (a study whose details are incomplete), Wilkinson et al. (2021)).',
    )
  })

  it('escapes the text around citations and links each single citation in HTML when asked', () => {
    const session = createCitationSession({ style: 'apa', format: 'html' })
    const html = citeProse('<b>x</b> (dore-2019) & dore-2019', session, 'html', { link: true })
    expect(html).toBe(
      '&lt;b&gt;x&lt;/b&gt; <a class="kap-ref-link" href="#ref-dore-2019"><span class="kap-cite">(Dore et al., 2019)' +
        '</span></a> &amp; <a class="kap-ref-link" href="#ref-dore-2019"><span class="kap-cite kap-cite-narrative">' +
        'Dore et al. (2019)</span></a>',
    )
  })
})
