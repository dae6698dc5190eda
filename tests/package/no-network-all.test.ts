/**
 * No network, by construction: imports every entry and calls every exported function under the suite's guard
 * (tests/setup/no-network.ts), including with strings that look like DOIs and URLs. A new export that is not called
 * here fails the test, so the table stays complete.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as citations from '../../src/citations/index'
import * as cite from '../../src/cite/index'
import * as data from '../../src/index'
import * as jsonld from '../../src/jsonld/index'
import * as map from '../../src/map/index'
import * as elements from '../../src/elements/index'
import * as search from '../../src/search/index'
import { blocked } from '../setup/no-network'

const doi = 'https://doi.org/10.1080/02791072.2019.1587556'
type Calls = Record<string, () => unknown>

const entries: [string, Record<string, unknown>, Calls][] = [
  [
    'kap-literature',
    data,
    {
      getStudy: () => data.getStudy('dore-2019'),
      getClaim: () => data.getClaim('without-therapy-ketamine-effects-fade-faster'),
      getSource: () => data.getSource('samadhi-kap-vs-infusions'),
      findStudy: () => [
        data.findStudy({ doi }),
        data.findStudy({ doi: 'https://example.org/10.1/x' }),
        data.findStudy({ pmid: '30917760' }),
      ],
      normalizeDoi: () => data.normalizeDoi(doi),
      claimsCiting: () => data.claimsCiting('grunebaum-2018'),
      evidenceFor: () => data.evidenceFor('without-therapy-ketamine-effects-fade-faster'),
      isStudyId: () => data.isStudyId(doi),
      isClaimId: () => data.isClaimId(doi),
      isSourceId: () => data.isSourceId(doi),
      isCitable: () => data.isCitable(data.getStudy('dore-2019')),
      citationCsl: () => data.citationCsl(data.getSource('kap-series-part-2-how-kap-works')),
      isKapLiteratureError: () => data.isKapLiteratureError(new Error('x')),
    },
  ],
  [
    'kap-literature/citations',
    citations,
    {
      formatReference: () => citations.formatReference('dore-2019', { format: 'html' }),
      formatCitation: () => citations.formatCitation(['dore-2019', 'wilkinson-2021'], { style: 'vancouver' }),
      formatBibliography: () => citations.formatBibliography(['dore-2019'], { style: 'mla', format: 'markdown' }),
      createCitationSession: () => citations.createCitationSession({ style: 'ama' }).cite('dore-2019'),
      styleCitations: () => citations.styleCitations('chicago').formatReference('dore-2019'),
      citeProse: () => citations.citeProse('As wilkinson-2021 found.', citations.createCitationSession(), 'text'),
      isCitableId: () => citations.isCitableId('dore-2019'),
    },
  ],
  [
    'kap-literature/search',
    search,
    {
      search: () => [search.search(doi), search.search('https://example.org/refs.bib'), search.search('ketamine')],
      facets: () => search.facets('ptsd'),
      didYouMean: () => search.didYouMean('psilocibyn https://example.org/x'),
      loadFullText: () => search.loadFullText(),
    },
  ],
  [
    'kap-literature/cite',
    cite,
    {
      formatReference: () => cite.formatReference('dore-2019', { style: 'apa', format: 'html' }),
      formatCitation: () => cite.formatCitation(['dore-2019'], { style: 'vancouver', format: 'text' }),
      formatBibliography: () =>
        cite.formatBibliography(
          ['dore-2019', { id: 'my-1', type: 'article-journal', title: 'Mine', DOI: '10.1234/abc' }],
          { style: 'harvard', format: 'text' },
        ),
      registerStyle: () => expect(() => cite.registerStyle('x-net', doi)).toThrow(),
      loadSystemStyle: () => {
        try {
          return cite.loadSystemStyle('american-medical-association', { as: 'ama-net' })
        } catch {
          return undefined // not installed locally: still must not touch the network
        }
      },
      listStyles: () => cite.listStyles(),
      registerLocale: () => expect(() => cite.registerLocale('xx-XX', doi)).toThrow(),
      toCSLJSON: () => cite.toCSLJSON(['dore-2019']),
      toBibTeX: () => cite.toBibTeX(),
      toBibLaTeX: () => cite.toBibLaTeX(['dore-2019']),
      toRIS: () => cite.toRIS(['dore-2019']),
    },
  ],
  [
    'kap-literature/jsonld',
    jsonld,
    {
      toJsonLd: () => jsonld.toJsonLd('dore-2019'),
      toJsonLdScript: () => jsonld.toJsonLdScript(['dore-2019', 'without-therapy-ketamine-effects-fade-faster']),
      jsonLdToScript: () => jsonld.jsonLdToScript(jsonld.toJsonLd('grunebaum-2018')),
    },
  ],
  ['kap-literature/map', map, { evidenceMap: () => map.evidenceMap({ topic: 'efficacy', format: 'html' }) }],
  [
    'kap-literature/elements',
    elements,
    {
      defineElements: () => elements.defineElements(),
      loadStyle: () => elements.loadStyle('vancouver'),
      parseIds: () => expect(() => elements.parseIds('dore-2019 https://example.org/x')).toThrow(/unknown study/),
    },
  ],
]

describe('every public function runs without the network', () => {
  for (const [name, module, calls] of entries) {
    it(name, async () => {
      const functions = Object.entries(module)
        .filter(([, v]) => typeof v === 'function' && !/^[A-Z]/.test(String((v as { name?: string }).name ?? '')))
        .map(([k]) => k)
        .filter((k) => k !== 'KapLiteratureError')
        .sort()
      expect(Object.keys(calls).sort(), `${name}: every exported function has a call here`).toEqual(functions)
      for (const call of Object.values(calls)) await call()
      expect(blocked).toEqual([])
    })
  }
  it('user strings passed to citation-js never reach a fetching plugin', () => {
    expect(() => cite.formatReference(doi as never, { style: 'apa', format: 'text' })).toThrow()
    expect(blocked).toEqual([])
  })
  it('the data entry source has no network APIs', () => {
    for (const f of [
      'src/index.ts',
      'src/data/lookup.ts',
      'src/data/find.ts',
      'src/citations/engine.ts',
      'src/search/index.ts',
    ]) {
      expect(readFileSync(join(import.meta.dirname, '..', '..', f), 'utf8'), f).not.toMatch(
        /\bfetch\(|XMLHttpRequest|node:http|node:net/,
      )
    }
  })
})
