// The cite entry never touches the network: no fetching citation-js plugin is registered, strings are never handed to
// citation-js, and formatting and exports run under the no-network guard (tests/setup/no-network.ts) without tripping it.
import { plugins } from '@citation-js/core'
import { describe, expect, it } from 'vitest'
import {
  formatBibliography,
  formatCitation,
  formatReference,
  toBibLaTeX,
  toBibTeX,
  toCSLJSON,
  toRIS,
} from '../../src/cite/index'
import { blocked } from '../setup/no-network'

describe('no network', () => {
  it('registers only the csl, bibtex and ris plugins (no @doi, @wikidata or other fetching plugin)', () => {
    formatReference('dore-2019', { style: 'vancouver', format: 'text' })
    const list = plugins.list()
    expect([...list].sort()).toEqual(['@bibtex', '@csl', '@else', '@ris'])
    for (const name of list) expect(name).not.toMatch(/doi|wikidata|url|isbn|pubmed|github|npm|zenodo/i)
  })

  it('formats and exports under the no-network guard without a single blocked attempt', () => {
    const before = blocked.length
    for (const style of ['apa', 'vancouver', 'harvard'] as const) {
      for (const format of ['text', 'html', 'markdown'] as const) {
        formatBibliography(
          [
            'dore-2019',
            'samadhi-kap-vs-infusions',
            { id: 'u-1', type: 'webpage', title: 'A page', URL: 'https://example.org/page' },
          ],
          { style, format },
        )
        formatCitation(['dore-2019', 'feder-2014'], { style, format, narrative: true })
      }
    }
    toCSLJSON()
    toBibTeX()
    toBibLaTeX()
    toRIS()
    expect(blocked.slice(before)).toEqual([])
  })

  it('rejects DOI and URL strings before any lookup could happen', () => {
    const before = blocked.length
    expect(() => formatReference('10.1080/02791072.2019.1587556' as never, { style: 'apa', format: 'text' })).toThrow(
      /never looks DOIs up/,
    )
    expect(() => formatReference('https://doi.org/10.1/x' as never, { style: 'apa', format: 'text' })).toThrow(
      /is a URL, not a record: kap-literature never fetches anything/,
    )
    expect(() => toBibTeX(['https://example.org/refs.bib' as never])).toThrow(/never fetches/)
    expect(blocked.slice(before)).toEqual([])
  })
})
