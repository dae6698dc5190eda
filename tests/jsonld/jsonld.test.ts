import { describe, expect, it } from 'vitest'
import { isCitable, KapLiteratureError, vocabularies } from '../../src/index'
import type { CslItem } from '../../src/index'
import {
  fullClaims,
  fullSources,
  fullStudies,
  getDetails,
  type Claim,
  type Source,
  type Study,
} from '../../src/details/index'

const studies = fullStudies()
const claims = fullClaims()
const sources = fullSources()
import { toJsonLd, toJsonLdScript, verdictRatings, type JsonLdNode } from '../../src/jsonld/index'
import { agent, claimNode, doiUrl, isoDate, pages, sourceNode, studyNode, studyType } from '../../src/jsonld/convert'
import { expectWellFormed } from './structure'

const asNodes = (v: unknown): JsonLdNode[] => v as JsonLdNode[]
const identifierValue = (node: JsonLdNode, property: string): string | undefined =>
  asNodes(node.identifier).find((p) => p.propertyID === property)?.value as string | undefined

function study(overrides: Partial<Omit<Study, 'csl'>> & { csl?: Partial<CslItem> } = {}): Study {
  const base = studies.find((s) => s.id === 'wilkinson-2021')!
  return { ...base, ...overrides, csl: { ...base.csl, ...overrides.csl } } as Study
}

function expectError(fn: () => unknown, code: string, pattern?: RegExp): KapLiteratureError {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(KapLiteratureError)
    expect((e as KapLiteratureError).code).toBe(code)
    if (pattern) expect((e as Error).message).toMatch(pattern)
    return e as KapLiteratureError
  }
  return expect.unreachable('no error thrown') as never
}

describe('toJsonLd: every shipped study', () => {
  it.each(studies.map((s) => [s.id, s] as const))('%s converts to a well-formed article or page', (id, s) => {
    const doc = toJsonLd(id)
    expect(doc['@context']).toBe('https://schema.org')
    expectWellFormed(doc, id)
    expect(['MedicalScholarlyArticle', 'ScholarlyArticle', 'WebPage', 'CreativeWork']).toContain(doc['@type'])
    expect(identifierValue(doc, 'kap-literature')).toBe(id)
    if (s.csl.title) {
      expect(doc.name).toBe(s.csl.title)
      expect(doc.headline).toBe(s.csl.title)
    } else {
      expect(doc).not.toHaveProperty('name')
      expect(doc).not.toHaveProperty('headline')
    }
    const sameAs = (doc.sameAs ?? []) as string[]
    if (s.csl.DOI) {
      expect(sameAs[0]).toBe(`https://doi.org/${s.csl.DOI}`)
      expect(doc['@id']).toBe(`https://doi.org/${s.csl.DOI}`)
      expect(identifierValue(doc, 'DOI')).toBe(s.csl.DOI)
    } else {
      expect(doc).not.toHaveProperty('@id')
      expect(identifierValue(doc, 'DOI')).toBeUndefined()
    }
    if (s.csl.PMID) {
      expect(sameAs).toContain(`https://pubmed.ncbi.nlm.nih.gov/${s.csl.PMID}/`)
      expect(identifierValue(doc, 'PMID')).toBe(s.csl.PMID)
    }
    if (s.csl.PMCID) {
      expect(sameAs).toContain(`https://pmc.ncbi.nlm.nih.gov/articles/${s.csl.PMCID}/`)
      expect(identifierValue(doc, 'PMCID')).toBe(s.csl.PMCID)
    }
    expect(doc.url).toBe(s.csl.URL ?? sameAs[0])
    expect(asNodes(doc.author ?? []).length).toBe(s.csl.author?.length ?? 0)
    const parts = s.csl.issued?.['date-parts'][0]
    if (parts) {
      expect(doc.datePublished).toBe(parts.map((p, i) => String(p).padStart(i === 0 ? 4 : 2, '0')).join('-'))
    } else expect(doc).not.toHaveProperty('datePublished')
    if (s.csl.page) expect(doc.pagination).toBe(s.csl.page)
    expect(doc.creativeWorkStatus).toBe(s.status.retracted ? 'Retracted' : undefined)
  })

  it('types by design: human research and reviews are medical, preclinical is not, regulatory announcements are pages', () => {
    expect(toJsonLd('anand-2023')['@type']).toBe('MedicalScholarlyArticle') // RCT
    expect(toJsonLd('nichols-2016')['@type']).toBe('MedicalScholarlyArticle') // narrative review
    expect(toJsonLd('autry-2011')['@type']).toBe('ScholarlyArticle') // preclinical
    expect(toJsonLd('fda-esketamine-2020')['@type']).toBe('WebPage') // regulatory decision
    for (const s of studies) {
      // A regulator's letter without a public page (CSL document) is a CreativeWork, and so is an announcement page
      // whose title and address were both left unconfirmed (audit 36).
      const expected =
        s.design === 'regulatory-decision'
          ? s.csl.type === 'webpage' && (s.csl.title !== undefined || s.csl.URL !== undefined)
            ? 'WebPage'
            : 'CreativeWork'
          : s.design === 'preclinical'
            ? 'ScholarlyArticle'
            : 'MedicalScholarlyArticle'
      expect(toJsonLd(s.id)['@type'], s.id).toBe(expected)
    }
  })

  it('makes a lead with no confirmed title or address a plain CreativeWork, never a nameless page (audit 36)', () => {
    // fda-esketamine-2019 is an FDA announcement page (CSL webpage) whose title and address could not be confirmed.
    const lead = toJsonLd('fda-esketamine-2019')
    expect(lead['@type']).toBe('CreativeWork')
    expect(lead).not.toHaveProperty('name')
    expect(lead).not.toHaveProperty('url')
    expect(lead.datePublished).toBe('2019-03-05')
    expect(lead.author).toEqual([{ '@type': 'Organization', name: 'U.S. Food and Drug Administration' }])
    // The same as the lead docs/jsonld.md names, which is a CSL document.
    expect(toJsonLd('fda-mdma-decision-2024')['@type']).toBe('CreativeWork')
    // A page with one of the two stays a page: fda-compounded-ketamine-2023 has its title but no confirmed address.
    const titled = toJsonLd('fda-compounded-ketamine-2023')
    expect(titled['@type']).toBe('WebPage')
    expect(typeof titled.name).toBe('string')
    // So no page node of any record, nor any page in a claim's citations or appearances, lacks both name and url.
    const pages = [
      ...studies.map((s) => toJsonLd(s.id)),
      ...claims.flatMap((c) => {
        const doc = toJsonLd(c.id)
        return [...asNodes(doc.citation), ...asNodes((doc.itemReviewed as JsonLdNode).appearance)]
      }),
    ].filter((n) => n['@type'] === 'WebPage')
    expect(pages.length).toBeGreaterThan(5)
    expect(pages.filter((n) => n.name === undefined && n.url === undefined)).toEqual([])
    // The rule in isolation: a regulatory page with neither is a CreativeWork, with either a WebPage.
    const base = studies.find((s) => s.id === 'fda-esketamine-2020')!
    const { title: _t, URL: _u, ...bare } = base.csl
    expect(studyNode({ ...base, csl: bare as CslItem })['@type']).toBe('CreativeWork')
    expect(studyNode({ ...base, csl: { ...bare, URL: 'https://example.org/p' } as CslItem })['@type']).toBe('WebPage')
    expect(studyNode({ ...base, csl: { ...bare, title: 'A page' } as CslItem })['@type']).toBe('WebPage')
  })

  it('writes a journal article in full (wilkinson-2021)', () => {
    const doc = toJsonLd('wilkinson-2021')
    expect(doc.datePublished).toBe('2021')
    expect(doc.isPartOf).toEqual({
      '@type': 'PublicationIssue',
      issueNumber: '5',
      isPartOf: {
        '@type': 'PublicationVolume',
        volumeNumber: '90',
        isPartOf: {
          '@type': 'Periodical',
          name: 'Psychotherapy and Psychosomatics',
          alternateName: 'Psychother Psychosom',
        },
      },
    })
    expect([doc.pagination, doc.pageStart, doc.pageEnd]).toEqual(['318-327', '318', '327'])
    expect(asNodes(doc.author)[0]).toEqual({
      '@type': 'Person',
      name: 'Samuel T. Wilkinson',
      givenName: 'Samuel T.',
      familyName: 'Wilkinson',
    })
    expect(asNodes(doc.author)).toHaveLength(10)
    expect(doc.sameAs).toEqual(['https://doi.org/10.1159/000517074', 'https://pubmed.ncbi.nlm.nih.gov/34186531/'])
    expect(doc.identifier).toEqual([
      { '@type': 'PropertyValue', propertyID: 'DOI', value: '10.1159/000517074' },
      { '@type': 'PropertyValue', propertyID: 'PMID', value: '34186531' },
      { '@type': 'PropertyValue', propertyID: 'kap-literature', value: 'wilkinson-2021' },
    ])
  })

  it('says "et al." in creditText for a partial author list, and only there', () => {
    expect(toJsonLd('dakwar-2019')).toMatchObject({ creditText: 'Dakwar et al.' })
    expect(asNodes(toJsonLd('dakwar-2019').author)).toHaveLength(1)
    for (const s of studies.filter((x) => isCitable(x))) {
      const doc = toJsonLd(s.id)
      if (s.authorsComplete === false) expect(doc.creditText, s.id).toBe(`${s.csl.author![0]!.family} et al.`)
      else expect(doc, s.id).not.toHaveProperty('creditText')
    }
  })

  it('keeps the date parts a record has, and only those', () => {
    expect(toJsonLd('domino-2010').datePublished).toBe('2010-09')
    expect(toJsonLd('dakwar-2019').datePublished).toBe('2019-11-01')
    expect(toJsonLd('anand-2023').datePublished).toBe('2023')
    expect(toJsonLd('azhari-2021')).not.toHaveProperty('datePublished')
    expect(toJsonLd('holmes-2022').datePublished).toBe('2022')
  })

  it('skips missing levels of the issue → volume → periodical chain', () => {
    expect(studyNode(study({ csl: { issue: undefined } })).isPartOf).toEqual({
      '@type': 'PublicationVolume',
      volumeNumber: '90',
      isPartOf: {
        '@type': 'Periodical',
        name: 'Psychotherapy and Psychosomatics',
        alternateName: 'Psychother Psychosom',
      },
    })
    expect(
      studyNode(study({ csl: { volume: undefined, issue: '3', 'container-title-short': undefined } })).isPartOf,
    ).toEqual({
      '@type': 'PublicationIssue',
      issueNumber: '3',
      isPartOf: { '@type': 'Periodical', name: 'Psychotherapy and Psychosomatics' },
    })
    const noJournal = {
      'container-title': undefined,
      'container-title-short': undefined,
      volume: undefined,
      issue: undefined,
    }
    expect(studyNode(study({ csl: noJournal }))).not.toHaveProperty('isPartOf')
  })

  it('keeps an article number as pagination only', () => {
    expect(toJsonLd('moda-sava-2019')).toMatchObject({ pagination: 'eaat8078' })
    expect(toJsonLd('moda-sava-2019')).not.toHaveProperty('pageStart')
  })

  it('writes institutional authors as organisations and the issuer as publisher (regulatory page)', () => {
    const doc = toJsonLd('fda-esketamine-2019')
    expect(doc.author).toEqual([{ '@type': 'Organization', name: 'U.S. Food and Drug Administration' }])
    expect(doc.publisher).toEqual({ '@type': 'Organization', name: 'U.S. Food and Drug Administration' })
    expect(doc).not.toHaveProperty('url') // the release's address is not verified
    expect(toJsonLd('fda-esketamine-monotherapy-2025').url).toMatch(/^https:\/\/jnj\.com\//)
  })

  it('records corrections as CorrectionComments and retractions as a status', () => {
    expect(toJsonLd('nichols-2016').correction).toEqual([
      { '@type': 'CorrectionComment', text: studies.find((s) => s.id === 'nichols-2016')!.status.corrections[0] },
    ])
    const retracted = studyNode(study({ status: { retracted: true, corrections: [] } }))
    expect(retracted.creativeWorkStatus).toBe('Retracted')
    expect(retracted).not.toHaveProperty('correction')
  })
})

describe('toJsonLd: every shipped claim', () => {
  const labels = new Map(vocabularies.verdicts.map((t) => [t.id, t.label]))
  it.each(claims.map((c) => [c.id, c] as const))('%s converts to a well-formed ClaimReview', (id, c) => {
    const doc = toJsonLd(id)
    expect(doc['@context']).toBe('https://schema.org')
    expectWellFormed(doc, id)
    expect(doc['@type']).toBe('ClaimReview')
    expect(doc.claimReviewed).toBe(c.statement)
    // From the core alone there is no reviewBody; with the claim's detail it is the verdict note.
    expect(doc).not.toHaveProperty('reviewBody')
    expect(toJsonLd(id, { details: [getDetails(id)] }).reviewBody).toBe(c.verdictNote)
    expect(doc.author).toEqual({ '@type': 'Organization', name: 'kap-literature' })
    expect(doc.reviewRating).toEqual({
      '@type': 'Rating',
      ratingValue: verdictRatings[c.verdict],
      bestRating: 5,
      worstRating: 1,
      alternateName: labels.get(c.verdict),
    })
    const item = doc.itemReviewed as JsonLdNode
    expect(item['@type']).toBe('Claim')
    const pagesIds = [...new Set(c.madeBy.map((m) => m.source))]
    expect(asNodes(item.appearance).map((a) => identifierValue(a, 'kap-literature'))).toEqual(pagesIds)
    const studyIds = [...new Set(c.evidence.map((e) => e.study))]
    const citation = doc.citation === undefined ? [] : asNodes(doc.citation) // a claim with no citable evidence has none
    expect(citation.map((s) => identifierValue(s, 'kap-literature'))).toEqual(studyIds)
    for (const stub of citation) {
      const s = studies.find((x) => x.id === identifierValue(stub, 'kap-literature'))!
      expect(stub['@type']).toBe(studyType(s))
      if (s.csl.title) expect(stub.name).toBe(s.csl.title)
      if (s.csl.DOI) expect((stub.sameAs as string[])[0]).toBe(`https://doi.org/${s.csl.DOI}`)
    }
  })

  it('writes the example claim in full', () => {
    const doc = toJsonLd('without-therapy-ketamine-effects-fade-faster')
    // overstated since the verdict review (issue 12); ratings run from inaccurate (1) to accurate (5)
    expect(doc.reviewRating).toMatchObject({ ratingValue: 2, alternateName: 'Overstated' })
    const [page] = asNodes((doc.itemReviewed as JsonLdNode).appearance)
    expect(page).toMatchObject({
      '@type': 'WebPage',
      name: 'Understanding the Differences Between Ketamine-Assisted Psychotherapy and Ketamine Infusion',
      url: 'https://www.samadhihealingcollective.com/blog/understanding-the-differences-between-ketamine-assisted-psychotherapy-and-ketamine-infusion',
      datePublished: '2025-04-17',
    })
    expect(asNodes(doc.citation)[0]).toMatchObject({
      '@type': 'MedicalScholarlyArticle',
      '@id': 'https://doi.org/10.1159/000517074',
      name: 'Cognitive Behavioral Therapy to Sustain the Antidepressant Effects of Ketamine in Treatment-Resistant Depression: A Randomized Clinical Trial',
      sameAs: ['https://doi.org/10.1159/000517074', 'https://pubmed.ncbi.nlm.nih.gov/34186531/'],
    })
  })

  it('lists each source page and study once even when a claim repeats them', () => {
    const base = claims.find((c) => c.id === 'without-therapy-ketamine-effects-fade-faster')!
    const doubled: Claim = {
      ...base,
      madeBy: [...base.madeBy, ...base.madeBy],
      evidence: [...base.evidence, base.evidence[0]!],
    }
    const doc = claimNode(doubled)
    expect(asNodes((doc.itemReviewed as JsonLdNode).appearance)).toHaveLength(1)
    expect(asNodes(doc.citation)).toHaveLength(base.evidence.length)
  })

  it('refuses the detail of no record instead of dropping its reviewBody (audit 36)', () => {
    const id = 'without-therapy-ketamine-effects-fade-faster'
    const verdictNote = getDetails(id).verdictNote
    const typo = expectError(
      () => toJsonLd(id, { details: [{ id: 'without-therapy-ketamine-effects-fade-fastr', verdictNote }] }),
      'UNKNOWN_ID',
      /details\[0\] is the detail of no record: unknown id "[a-z-]+-fastr" \(did you mean "[a-z-]+-faster"\?\)/,
    )
    expect(typo.value).toBe('without-therapy-ketamine-effects-fade-fastr')
    expect(typo.hint).toBe(id)
    const far = expectError(() => toJsonLdScript(id, { details: [{ id: 'typo', verdictNote }] }), 'UNKNOWN_ID')
    expect(far.value).toBe('typo')
    expect(far.hint).toMatch(/getDetails\(id\)/)
    // The position is named in a list, and a verdict note that is not text is refused, not dropped.
    expectError(
      () => toJsonLd(id, { details: [getDetails('dore-2019'), { id: 'dore-2091' }] }),
      'UNKNOWN_ID',
      /details\[1\]/,
    )
    const bad = expectError(() => toJsonLd(id, { details: [{ id, verdictNote: 42 as never }] }), 'INVALID_ARGUMENT')
    expect(bad.value).toBe(42)
    // A blank note too (hostile review, session 35): the claim would be published without its reviewBody.
    for (const blank of ['', '  \n'])
      expect(
        expectError(() => toJsonLd(id, { details: [{ id, verdictNote: blank }] }), 'INVALID_ARGUMENT', /is blank$/)
          .hint,
      ).toBe('pass the verdict note as getDetails(id) gives it, or leave verdictNote out')
    // Ids are matched as toJsonLd matches them (trimmed, any case), and details of other records are allowed.
    const loose = toJsonLd(id, { details: [{ id: ` ${id.toUpperCase()} `, verdictNote }, getDetails('dore-2019')] })
    expect(loose.reviewBody).toBe(verdictNote)
  })

  it('refuses a verdict outside the vocabulary instead of inventing a rating', () => {
    const base = claims[0]!
    expectError(
      () => claimNode({ ...base, verdict: 'mostly-true' as never }),
      'INVALID_RECORD',
      /verdict "mostly-true"/,
    )
  })
})

describe('toJsonLd: every shipped source', () => {
  it.each(sources.map((s) => [s.id, s] as const))('%s converts to a well-formed WebPage', (id, s) => {
    const doc = toJsonLd(id)
    expectWellFormed(doc, id)
    expect(doc['@type']).toBe('WebPage')
    expect(doc.url).toBe(s.csl.URL)
    expect(doc.name).toBe(s.csl.title)
    expect(identifierValue(doc, 'kap-literature')).toBe(id)
  })

  it('leaves out what a page record could not confirm (its own heading is not a confirmed name)', () => {
    const shipped = sources.find((s) => s.id === 'kap-series-part-2-how-kap-works') as Source
    const unconfirmed = { ...shipped, csl: { type: 'webpage' }, documentTitle: 'A heading' } as unknown as Source
    expect(sourceNode(unconfirmed)).toEqual({
      '@type': 'WebPage',
      identifier: [
        { '@type': 'PropertyValue', propertyID: 'kap-literature', value: 'kap-series-part-2-how-kap-works' },
      ],
    })
  })

  it('names the site and author where known', () => {
    const page = sourceNode(sources.find((s) => s.id === 'samadhi-kap-vs-infusions') as Source)
    expect(page.isPartOf).toEqual({ '@type': 'WebSite', name: 'Samadhi Therapy Associates' })
    expect(page.author).toEqual([
      { '@type': 'Person', name: 'Seaghan Coleman', givenName: 'Seaghan', familyName: 'Coleman' },
    ])
  })
})

describe('toJsonLd: lists and bad input', () => {
  it('gives a @graph of nodes without their own @context, in order, each id once', () => {
    const graph = toJsonLd([
      'grunebaum-2018',
      'without-therapy-ketamine-effects-fade-faster',
      'grunebaum-2018',
      'samadhi-kap-vs-infusions',
    ])
    expect(Object.keys(graph)).toEqual(['@context', '@graph'])
    expect(graph['@context']).toBe('https://schema.org')
    expect(graph['@graph'].map((n) => n['@type'])).toEqual(['MedicalScholarlyArticle', 'ClaimReview', 'WebPage'])
    for (const n of graph['@graph']) expect(n).not.toHaveProperty('@context')
    const { '@context': _, ...single } = toJsonLd('grunebaum-2018')
    expect(graph['@graph'][0]).toEqual(single)
  })

  it('gives an empty @graph for an empty list', () => {
    expect(toJsonLd([])).toEqual({ '@context': 'https://schema.org', '@graph': [] })
    expect(toJsonLdScript([])).toBe(
      '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[]}</script>',
    )
  })

  it('matches ids after trimming and lower-casing, like the accessors', () => {
    expect(toJsonLd(' Dore-2019 ' as never)).toEqual(toJsonLd('dore-2019'))
  })

  it('returns a fresh object on every call', () => {
    const a = toJsonLd('dore-2019')
    a.url = 'https://example.org/changed'
    ;(a.author as JsonLdNode[]).length = 0
    expect(toJsonLd('dore-2019').url).toBe('https://doi.org/10.1080/02791072.2019.1587556')
    expect(toJsonLd('dore-2019').author).toHaveLength(10)
  })

  it('throws UNKNOWN_ID with the closest id of any kind as hint', () => {
    const e = expectError(
      () => toJsonLd('dore-2091' as never),
      'UNKNOWN_ID',
      /unknown record id "dore-2091" \(did you mean "dore-2019"\?\)/,
    )
    expect(e.hint).toBe('dore-2019')
    expect(e.value).toBe('dore-2091')
    expect(expectError(() => toJsonLd('samadhi-kap-vs-infusion' as never), 'UNKNOWN_ID').hint).toBe(
      'samadhi-kap-vs-infusions',
    )
    expect(expectError(() => toJsonLdScript('indication-anxeity' as never), 'UNKNOWN_ID').hint).toBe(
      'indication-anxiety',
    )
    const far = expectError(() => toJsonLd('zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz' as never), 'UNKNOWN_ID')
    expect(far.hint).toBe('no record id is close; studyIds, claimIds and sourceIds of kap-literature list them')
    expect(far.message).not.toMatch(/did you mean/)
    expectError(() => toJsonLd('' as never), 'UNKNOWN_ID')
  })

  it('throws INVALID_ARGUMENT for a value that is not an id or a list of ids', () => {
    for (const bad of [42, null, undefined, {}, true, Symbol.iterator]) {
      expectError(() => toJsonLd(bad as never), 'INVALID_ARGUMENT', /the id must be a record id string/)
      expectError(() => toJsonLdScript(bad as never), 'INVALID_ARGUMENT')
    }
    expectError(
      () => toJsonLd(['dore-2019', 7] as never),
      'INVALID_ARGUMENT',
      /ids\[1\] must be a record id string, got number 7/,
    )
    expectError(() => toJsonLd(['dore-2019', 'nope-2019'] as never), 'UNKNOWN_ID', /"nope-2019"/)
  })
})

describe('conversion helpers', () => {
  it('builds ISO dates from the parts present and stops at an implausible part', () => {
    expect(isoDate([2019])).toBe('2019')
    expect(isoDate([2019, 3])).toBe('2019-03')
    expect(isoDate([2019, 3, 5])).toBe('2019-03-05')
    expect(isoDate([2019, 13, 5])).toBe('2019')
    expect(isoDate([2019, 3, 0])).toBe('2019-03')
    expect(isoDate([])).toBeUndefined()
    expect(isoDate([0])).toBeUndefined()
    expect(isoDate([2019.5])).toBeUndefined()
    expect(isoDate(undefined)).toBeUndefined()
    expect(studyNode(study({ csl: { issued: { 'date-parts': [[]] } } }))).not.toHaveProperty('datePublished')
  })

  it('splits page ranges with hyphens or dashes and keeps single values whole', () => {
    expect(pages('189-198')).toEqual({ pagination: '189-198', pageStart: '189', pageEnd: '198' })
    expect(pages('e852–e857')).toEqual({ pagination: 'e852–e857', pageStart: 'e852', pageEnd: 'e857' })
    expect(pages(' 10 — 12 ')).toEqual({ pagination: '10 — 12', pageStart: '10', pageEnd: '12' })
    expect(pages('868103')).toEqual({ pagination: '868103' })
    expect(pages('1-6, 9')).toEqual({ pagination: '1-6, 9' })
    expect(pages('  ')).toEqual({})
    expect(pages(undefined)).toEqual({})
  })

  it('writes people with particles and suffixes, institutions as organisations, and skips empty names', () => {
    expect(agent({ family: 'Zarate', given: 'Carlos A.', suffix: 'Jr.' })).toEqual({
      '@type': 'Person',
      name: 'Carlos A. Zarate Jr.',
      givenName: 'Carlos A.',
      familyName: 'Zarate',
      honorificSuffix: 'Jr.',
    })
    expect(agent({ family: 'Gogh', given: 'Vincent', 'non-dropping-particle': 'van' })).toEqual({
      '@type': 'Person',
      name: 'Vincent van Gogh',
      givenName: 'Vincent',
      familyName: 'van Gogh',
    })
    expect(agent({ family: 'Beethoven', given: 'Ludwig', 'dropping-particle': 'van' })?.name).toBe(
      'Ludwig van Beethoven',
    )
    expect(agent({ family: 'Plato' })).toEqual({ '@type': 'Person', name: 'Plato', familyName: 'Plato' })
    expect(agent({ literal: ' World Health Organization ' })).toEqual({
      '@type': 'Organization',
      name: 'World Health Organization',
    })
    expect(agent({ given: ' ', family: '' })).toBeUndefined()
    expect(studyNode(study({ csl: { author: [{ family: '' }, { literal: 'A Group' }] } })).author).toEqual([
      { '@type': 'Organization', name: 'A Group' },
    ])
  })

  it('writes DOI URLs that keep the DOI in the path', () => {
    expect(doiUrl('10.1016/S0740-5472(02)00275-1')).toBe('https://doi.org/10.1016/S0740-5472(02)00275-1')
    expect(doiUrl('10.1000/a?b#c d%')).toBe('https://doi.org/10.1000/a%3Fb%23c%20d%25')
    expect(new URL(doiUrl('10.1000/a?b#c')).pathname).toBe('/10.1000/a%3Fb%23c')
    expect(doiUrl('10.1000/ü')).toBe('https://doi.org/10.1000/%C3%BC')
  })

  it('never emits blank text: a blank title or publisher is left out', () => {
    const node = studyNode(
      study({ csl: { title: '  ', publisher: '', 'container-title': ' ', volume: '', issue: ' ', DOI: ' ', URL: '' } }),
    )
    for (const key of ['name', 'headline', 'publisher', 'isPartOf', '@id']) expect(node, key).not.toHaveProperty(key)
    expect(node.url).toBe('https://pubmed.ncbi.nlm.nih.gov/34186531/')
    expectWellFormed(node, 'blank title')
  })

  it('maps every CSL type to a schema.org type', () => {
    const types = [
      'article-journal',
      'article',
      'review',
      'report',
      'webpage',
      'regulation',
      'document',
      'post-weblog',
      'chapter',
      'book',
      'dataset',
    ] as const
    const got = types.map((type) => studyType(study({ design: 'preclinical', csl: { type } })))
    expect(got).toEqual([
      'ScholarlyArticle',
      'ScholarlyArticle',
      'ScholarlyArticle',
      'Report',
      'WebPage',
      'Legislation',
      'CreativeWork',
      'BlogPosting',
      'Chapter',
      'Book',
      'Dataset',
    ])
    expect(studyNode(study({ csl: { type: 'webpage', 'container-title': 'Some Site' } })).isPartOf).toEqual({
      '@type': 'WebSite',
      name: 'Some Site',
    })
    expect(studyNode(study({ csl: { type: 'chapter', 'container-title': 'A Book' } })).isPartOf).toEqual({
      '@type': 'Book',
      name: 'A Book',
    })
    expect(studyNode(study({ csl: { type: 'article', 'container-title': 'medRxiv' } })).isPartOf).toEqual({
      '@type': 'CreativeWork',
      name: 'medRxiv',
    })
  })
})

describe('verdictRatings', () => {
  it('rates every verdict in the vocabulary, each differently, on 1..5, in order of how much of the claim holds', () => {
    expect(Object.keys(verdictRatings).sort()).toEqual(vocabularies.verdicts.map((t) => t.id).sort())
    expect(new Set(Object.values(verdictRatings)).size).toBe(Object.keys(verdictRatings).length)
    const r = verdictRatings
    expect([r.accurate, r.oversimplified, r.contested, r.overstated, r.inaccurate]).toEqual([5, 4, 3, 2, 1])
    expect(Object.isFrozen(verdictRatings)).toBe(true)
  })
})
