import type { CitableId } from '../../src/citations/index'
// Partial author lists print an honest "et al." in every style (src/etal.ts), never a list that poses as
// complete and never the placeholders.
import { describe, expect, it } from 'vitest'
import { computeStyleTable, STYLE_SOURCES, styleAvailable, type StyleKey } from '../../scripts/lib/citations-build'
import { cleanEtAl, withEtAlPlaceholders } from '../../src/etal'
import { formatBibliography, formatCitation, formatReference } from '../../src/citations/index'
import { runsToText } from '../../src/citations/runs'
import { entryCite } from '../../src/citations/engine'
import { isCitable, studies, type CslItem } from '../../src/index'

const partial: CslItem = {
  id: 'partial-2019',
  type: 'article-journal',
  title: 'A trial of things',
  author: [{ family: 'Dakwar', given: 'Elias' }],
  'container-title': 'American Journal of Psychiatry',
  issued: { 'date-parts': [[2019]] },
  volume: '176',
  page: '923-930',
}
const ci = process.env.CI === 'true'

describe('et al. for partial author lists', () => {
  it('adds placeholders only to a list marked partial', () => {
    expect(withEtAlPlaceholders(partial, undefined)).toBe(partial)
    expect(withEtAlPlaceholders(partial, false).author).toHaveLength(4)
    expect(withEtAlPlaceholders({ ...partial, author: undefined }, false).author).toBeUndefined()
  })

  it('replaces printed placeholders with the separators before them', () => {
    expect(
      cleanEtAl('Dakwar, E., Zzzetalplaceholdera, Q., Zzzetalplaceholderb, Q., &#38; Zzzetalplaceholderc, Q. (2019).'),
    ).toBe('Dakwar, E., et al. (2019).')
    expect(cleanEtAl('Dakwar E, Zzzetalplaceholdera Q, Zzzetalplaceholderb Q, Zzzetalplaceholderc Q. A trial.')).toBe(
      'Dakwar E, et al. A trial.',
    )
    expect(
      cleanEtAl('Dakwar, Elias, Q. Zzzetalplaceholdera, Q. Zzzetalplaceholderb, and Q. Zzzetalplaceholderc. 2019.'),
    ).toBe('Dakwar, Elias, et al. 2019.')
    expect(cleanEtAl('No placeholder here, and others.')).toBe('No placeholder here, and others.')
  })

  it('keeps a style\'s italic "et al." after the placeholders once, in its own markup', () => {
    // Harvard, disambiguating two "Dakwar et al., 2019" cites, prints the first placeholder and then its own et al.
    expect(cleanEtAl('(Dakwar, Zzzetalplaceholdera, <i>et al.</i>, 2019)')).toBe('(Dakwar, <i>et al.</i>, 2019)')
    expect(cleanEtAl('(Dakwar, Zzzetalplaceholdera, <em>et al.</em>, 2019)')).toBe('(Dakwar, <em>et al.</em>, 2019)')
    expect(cleanEtAl('Dakwar, Zzzetalplaceholdera, <span style="font-style:italic;">et al.</span> 2019')).toBe(
      'Dakwar, <span style="font-style:italic;">et al.</span> 2019',
    )
    // Plain text keeps the single plain form.
    expect(cleanEtAl('(Dakwar, Zzzetalplaceholdera, et al., 2019)')).toBe('(Dakwar, et al., 2019)')
  })

  for (const key of Object.keys(STYLE_SOURCES) as StyleKey[]) {
    it.skipIf(!styleAvailable(key) && !ci)(
      `${key}: reference and in-text forms say "et al." and never show a placeholder`,
      () => {
        const table = computeStyleTable(key, [withEtAlPlaceholders(partial, false)])
        const entry = table.entries['partial-2019']!
        const texts = [
          runsToText(entry.ref),
          runsToText(entryCite(entry)),
          ...(entry.author === undefined ? [] : [runsToText(entry.author)]),
        ]
        for (const t of texts) expect(t).not.toMatch(/etalplaceholder|\bQ\b/i)
        expect(runsToText(entry.ref)).toMatch(/Dakwar,? E(lias|\.)?,? et al\./)
        if (!table.numeric) expect(runsToText(entryCite(entry))).toContain('Dakwar et al.')
      },
    )
  }

  it('shipped records with partial lists print et al. in the precomputed tables', () => {
    const partialIds = studies.filter((s) => s.authorsComplete === false && isCitable(s)).map((s) => s.id)
    expect(partialIds.length).toBeGreaterThan(0)
    for (const id of partialIds) {
      for (const style of ['apa', 'vancouver', 'harvard'] as const) {
        const ref = formatReference(id as CitableId, { style, format: 'text' })
        expect(ref, `${style} ${id}`).toMatch(/et al\./)
        expect(ref).not.toMatch(/etalplaceholder/i)
      }
      expect(formatCitation([id as CitableId], { style: 'apa', format: 'text' })).toMatch(/et al\./)
    }
  })
})

describe('a partial author list sorts after the complete lists of the same first author', () => {
  it('APA and Chicago: the placeholders sort after every real name (its next author is unknown)', () => {
    for (const style of ['apa', 'chicago'] as const) {
      const entries = formatBibliography(['wilkinson-2017', 'wilkinson-2021', 'wilkinson-2018'], { style })
        .split('\n')
        .map((line) => line.match(/\b(20\d\d)\b/)?.[1])
      expect(entries, style).toEqual(['2018', '2021', '2017'])
    }
  })
})
