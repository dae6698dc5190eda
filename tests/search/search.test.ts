import { describe, expect, it } from 'vitest'
import { findStudy, KapLiteratureError } from '../../src/index'
import {
  fullClaims,
  fullSources,
  fullStudies,
  getFullClaim as getClaim,
  getFullSource as getSource,
  getFullStudy as getStudy,
} from '../../src/details/index'

const studies = fullStudies()
const claims = fullClaims()
const sources = fullSources()
import { didYouMean, search, searchableTypes, type SearchOptions, type SearchResult } from '../../src/search/index'
import { DEFAULT_LIMIT } from '../../src/search/filters'
import { readableIds } from '../../src/search/documents'

const ids = (results: readonly SearchResult[]) => results.map((r) => `${r.type}:${r.id}`)
const first = (query: string, options?: SearchOptions) => ids(search(query, options))[0]

function expectWellFormed(results: readonly SearchResult[]): void {
  const seen = new Set<string>()
  for (const r of results) {
    expect(searchableTypes).toContain(r.type)
    expect(seen.has(`${r.type}:${r.id}`)).toBe(false)
    seen.add(`${r.type}:${r.id}`)
    const record = r.type === 'study' ? getStudy(r.id) : r.type === 'claim' ? getClaim(r.id) : getSource(r.id)
    expect(record.id).toBe(r.id)
    expect(r.score).toBeGreaterThan(0)
    expect(r.title.length).toBeGreaterThan(0)
    let lastField = 'title'
    let lastEnd = -1
    for (const h of r.highlights) {
      if (h.field !== lastField) {
        expect([lastField, h.field]).toEqual(['title', 'snippet'])
        lastField = h.field
        lastEnd = -1
      }
      expect(h.start).toBeGreaterThan(lastEnd)
      expect(h.end).toBeGreaterThan(h.start)
      expect(h.end).toBeLessThanOrEqual(r[h.field].length)
      lastEnd = h.end
    }
  }
}

describe('search: results', () => {
  it('returns ranked, well-formed results over studies, claims and sources', () => {
    const results = search('ketamine psychotherapy', { limit: 100 })
    expect(results.length).toBeGreaterThan(20)
    expectWellFormed(results)
    expect(new Set(results.map((r) => r.type))).toEqual(new Set(['study', 'claim', 'source']))
  })

  it('gives the title and a snippet with highlight ranges into each', () => {
    const [hit] = search('midazolam suicidal')
    expect(hit?.id).toBe('grunebaum-2018')
    expect(hit!.title).toBe(getStudy('grunebaum-2018').csl.title)
    const marked = hit!.highlights.map((h) => `${h.field}:${hit![h.field].slice(h.start, h.end)}`)
    expect(marked).toContain('title:Midazolam')
    // "suicidal" belongs to the suicidal-ideation synonym group, so the whole phrase is marked.
    expect(marked).toContain('title:Suicidal Thoughts')
    expect(marked.some((m) => /^snippet:midazolam$/i.test(m))).toBe(true)
    expect(getStudy('grunebaum-2018').findings).toContain(hit!.snippet.replace(/^…|…$/g, ''))
  })

  it('snippets come from the lead of findings (studies), verdict notes (claims) and sections (sources)', () => {
    // Claims' notes with their study ids written as "Feder et al. 2014".
    const readable = readableIds(fullStudies())
    for (const r of search('integration', { limit: 50 })) {
      const body = r.snippet.replace(/^…|…$/g, '')
      const texts =
        r.type === 'study'
          ? [getStudy(r.id).findings, getStudy(r.id).population, getStudy(r.id).comparator]
          : r.type === 'claim'
            ? [readable(getClaim(r.id).verdictNote)]
            : [getSource(r.id).sections.join('; ')]
      expect(
        texts.some((t) => t.includes(body)),
        `${r.id}: ${r.snippet}`,
      ).toBe(true)
      expect(r.snippet.length).toBeLessThanOrEqual(200)
    }
  })

  it('says so when a study’s title could not be confirmed', () => {
    expect(search('fda-esketamine-2019')[0]?.title).toBe('fda-esketamine-2019: title not confirmed (2019)')
    // A lead whose title is confirmed but whose date is not shows the title alone, without a year.
    const hit = search('Azhari cannabis')[0]
    expect(hit?.id).toBe('azhari-2021')
    expect(hit?.title).toBe(
      'Ketamine-facilitated behavioral treatment for cannabis use disorder: A proof of concept study',
    )
  })

  it('is deterministic and returns fresh objects', () => {
    const a = search('ketamine depression')
    const b = search('ketamine depression')
    expect(b).toEqual(a)
    ;(a[0] as { title: string }).title = 'changed'
    expect(search('ketamine depression')[0]!.title).not.toBe('changed')
  })

  it('ranks records matching every word above records matching fewer, and still lists the partial matches', () => {
    const results = search('ketamine alcohol', { limit: 200 })
    const alcohol = ids(search('alcohol', { limit: 200 }))
    expect(alcohol.length).toBeGreaterThanOrEqual(2)
    // The records on alcohol come first; records about ketamine alone follow them instead of vanishing.
    expect(new Set(ids(results).slice(0, alcohol.length))).toEqual(new Set(alcohol))
    expect(ids(results)).toContain('study:dakwar-2020')
    const union = new Set([...ids(search('ketamine', { limit: 200 })), ...alcohol])
    expect(new Set(ids(results))).toEqual(union)
  })

  it('has no cliff: one record matching every word does not hide the studies matching most of them', () => {
    const results = search('ketamine psychotherapy relapse', { limit: 20 })
    expect(results.length).toBe(20)
    const studies = results.filter((r) => r.type === 'study').map((r) => r.id)
    expect(studies).toEqual(expect.arrayContaining(['grabski-2022', 'daly-2019']))
  })

  it("shows claims' snippets with studies named as a reader writes them, not by record id", () => {
    const claims = search('ketamine', { types: 'claim', limit: 100 })
    expect(claims.length).toBeGreaterThan(30)
    for (const r of claims)
      expect(r.snippet, r.id).not.toMatch(/(?<![a-z0-9-])[a-z]+(?:-[a-z]+)*-(19|20)\d\d(?![a-z0-9-])/)
    const hit = search('acute experience needed', { types: 'claim' }).find(
      (r) => r.id === 'acute-experience-needed-for-transformation',
    )
    expect(hit?.snippet).toContain('(Joneborg et al. 2022)')
  })

  it('falls back to the best partial matches when no record matches every word', () => {
    const results = search('ketamine zyxwvut')
    expect(results.length).toBeGreaterThan(0)
    expect(ids(results)).toEqual(ids(search('ketamine')))
  })

  it('weighs the coordination factor by how rare each word is', () => {
    const score = (q: string, id: string) => search(q, { limit: 200 }).find((r) => r.id === id)?.score ?? NaN
    // A record with both words keeps its full score: the sum of what each word scores alone.
    // (Scores are rounded to four significant digits, so the sum is compared to one decimal.)
    expect(score('ketamine alcohol', 'dakwar-2020')).toBeCloseTo(
      score('ketamine', 'dakwar-2020') + score('alcohol', 'dakwar-2020'),
      1,
    )
    // A record missing the rare word keeps well under a tenth of its score: "alcohol" is most of the information.
    expect(score('ketamine alcohol', 'zanos-2018')).toBeLessThan(score('ketamine', 'zanos-2018') / 10)
  })
})

describe('search: how people ask', () => {
  it('ignores question and filler words when the query has other words', () => {
    expect(ids(search('does ketamine help ptsd?'))).toEqual(ids(search('ketamine ptsd')))
    expect(search('does ketamine help ptsd?')[0]?.id).toBe('feder-2021')
  })

  it('keeps filler words when they are all the query has', () => {
    expect(search('help').length).toBeGreaterThan(0)
    expect(ids(search('help'))).not.toEqual([])
  })

  it('finds the contraindications claim for "who should not take ketamine"', () => {
    expect(search('who should not take ketamine')[0]?.id).toBe('contraindications-psychosis-bipolar-medical')
    expect(search('is KAP not suitable for everyone')[0]?.id).toBe('contraindications-psychosis-bipolar-medical')
  })

  it('reads "is ketamine addictive" as a question about misuse, not about treating addiction', () => {
    const addictive = ids(search('is ketamine addictive', { limit: 3 }))
    expect(addictive.slice(0, 2).sort()).toEqual([
      'claim:kap-has-risks-and-side-effects',
      'study:fda-compounded-ketamine-2023',
    ])
    expect(ids(search('can you get hooked on ketamine', { limit: 2 }))).toContain('study:fda-compounded-ketamine-2023')
    const treating = ids(search('ketamine for addiction', { limit: 5 }))
    expect(treating[0]).toBe('study:krupitsky-2002')
    expect(treating).not.toContain('study:fda-compounded-ketamine-2023')
  })

  it('links neuroplasticity and synapse growth both ways', () => {
    const a = ids(search('neuroplasticity', { limit: 5 }))
    const b = ids(search('synapse growth', { limit: 5 }))
    expect(a).toContain('claim:ketamine-promotes-rapid-neuroplasticity')
    expect(b).toContain('claim:ketamine-promotes-rapid-neuroplasticity')
    // The groups are linked, not merged: each ranks its own words above the other's.
    expect(a.indexOf('study:li-2010')).toBeGreaterThan(b.indexOf('study:li-2010'))
  })

  it('reaches a wider class for a narrow term no record uses: SSRI finds antidepressant records', () => {
    const results = search('SSRI', { limit: 5 })
    expect(results.length).toBeGreaterThan(0)
    for (const r of results) expect(`${r.title} ${r.snippet}`, r.id).toMatch(/antidepress/i)
  })

  it('corrects a word no record contains and says so with didYouMean', () => {
    expect(didYouMean('psilocibyn tharapy')).toBe('psilocybin therapy')
    expect(didYouMean('heroin adiction')).toBe('heroin addiction')
    expect(ids(search('psilocibyn'))).toEqual(ids(search('psilocybin')))
    expect(didYouMean('ketamine')).toBeUndefined()
    expect(didYouMean('')).toBeUndefined()
    expect(didYouMean('xqzzyv')).toBeUndefined()
  })

  it('never swaps a real word for another one that differs in its first letter, or in a short stem', () => {
    // "eating" stems to "eat", one slip from "rat"; "cover" is one letter from "over"; "older" from "order" is a
    // slip that keeps the first letter, so only records decide (a word they contain is never corrected).
    expect(didYouMean('eating disorder')).toBeUndefined()
    expect(didYouMean('does insurance cover it')).toBeUndefined()
    expect(
      search('eating disorder').some(
        (r) => /\brats?\b/i.test(`${r.title} ${r.snippet}`) && !/disorder/i.test(`${r.title} ${r.snippet}`),
      ),
    ).toBe(false)
    // A slip in the first letters' order is still a slip.
    expect(didYouMean('psycotherapy')).toBe('psychotherapy')
  })

  it('finds the depression records for the lay words a visitor types', () => {
    const sad = ids(search('sad', { limit: 10 }))
    expect(sad).toContain('claim:indication-treatment-resistant-depression')
    expect(ids(search('feeling low', { limit: 10 }))).toEqual(sad)
  })

  it('finds the anxiety records for the adjective a visitor types', () => {
    const anxious = ids(search('anxious', { limit: 20 }))
    expect(anxious).toContain('claim:indication-anxiety')
    expect(anxious).toEqual(ids(search('anxiety', { limit: 20 })))
  })

  it('didYouMean rejects a non-string with a typed error', () => {
    expect(() => didYouMean(42 as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', value: 42 }) as Error,
    )
  })
})

describe('search: forgiving matching', () => {
  it.each([
    ['ketamin', 'ketamine'],
    ['gruenbaum', 'grunebaum'],
    ['midazolom', 'midazolam'],
    ['psychoterapy', 'psychotherapy'],
    ['Grünebaum', 'grunebaum'],
    ['GRUNEBAUM', 'grunebaum'],
  ])('%s finds what %s finds', (typed, intended) => {
    expect(first(typed)).toBe(first(intended))
  })

  it('completes the last word while it is being typed, from three letters', () => {
    expect(first('esketam')).toMatch(/esketamine|daly|popova/)
    expect(ids(search('midaz')).slice(0, 2)).toEqual(ids(search('midazolam')).slice(0, 2))
    expect(search('ps')).toEqual([])
    expect(search('mi')).toEqual([])
  })

  it('does not complete a word that is finished (followed by a space or punctuation)', () => {
    expect(search('midaz ')).toEqual([])
    expect(search('midaz?')).toEqual([])
  })

  it('finds author + year first, tolerating a year one off and a misspelt name', () => {
    expect(first('grunebaum 2018')).toBe('study:grunebaum-2018')
    expect(first('Gruenbaum et al., 2018')).toBe('study:grunebaum-2018')
    expect(first('Dore et al. 2019')).toBe('study:dore-2019')
    expect(ids(search('Wilkinson 2022')).slice(0, 2)).toContain('study:wilkinson-2021')
    expect(first('wilkinson 2017')).toBe('study:wilkinson-2017')
  })

  it('matches British and American spellings alike', () => {
    expect(ids(search('randomised'))).toEqual(ids(search('randomized')))
    expect(ids(search('anaesthetic'))).toEqual(ids(search('anesthetic')))
  })
})

describe('search: author names', () => {
  // abdallah-2022 has 32 authors; its APA reference prints the first 19 and the last (Krystal), and no style more.
  it.each(['Abdallah', 'Guthmiller', 'Krystal'])('%s, a name the reference prints, finds abdallah-2022', (q) => {
    expect(ids(search(q, { types: ['study'] }))).toContain('study:abdallah-2022')
  })
  it.each(['Lautenschlager', 'Timchenko'])('%s, a name no reference prints, does not', (q) => {
    expect(ids(search(q, { types: ['study'] }))).not.toContain('study:abdallah-2022')
  })
})

describe('search: exact lookups', () => {
  const doi = getStudy('dore-2019').csl.DOI!
  it.each([
    doi,
    doi.toUpperCase(),
    `https://doi.org/${doi}`,
    `https://dx.doi.org/${doi}`,
    `doi:${doi}`,
    `DOI: ${doi}.`,
    `https://doi.org/${encodeURIComponent(doi)}`,
    'dore-2019',
  ])('%s finds dore-2019 first', (q) => {
    const results = search(q)
    expect(ids(results)[0]).toBe('study:dore-2019')
    expect(results[0]!.score).toBeGreaterThan(results[1]?.score ?? 0)
  })

  it.each(['PMID: 34186531', '34186531', 'https://pubmed.ncbi.nlm.nih.gov/34186531/'])(
    '%s finds wilkinson-2021 first',
    (q) => {
      const results = search(q)
      expect(ids(results)[0]).toBe('study:wilkinson-2021')
    },
  )

  it('agrees with findStudy for every shipped DOI and PMID, in the forms people paste', () => {
    let checked = 0
    for (const s of studies) {
      const forms = [
        ...(s.csl.DOI === undefined
          ? []
          : [s.csl.DOI, `https://doi.org/${s.csl.DOI}`, `doi: ${s.csl.DOI.toUpperCase()}`]),
        ...(s.csl.PMID === undefined ? [] : [`PMID ${s.csl.PMID}`, `https://pubmed.ncbi.nlm.nih.gov/${s.csl.PMID}/`]),
      ]
      for (const q of forms) {
        const expected =
          q.toLowerCase().includes('pmid') || q.includes('pubmed')
            ? findStudy({ pmid: s.csl.PMID! })
            : findStudy({ doi: q })
        expect(expected?.id).toBe(s.id)
        expect(first(q), q).toBe(`study:${s.id}`)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(50)
  })

  it('reads "post-traumatic" and "posttraumatic" alone as PTSD, however written (review 29)', () => {
    const ptsd = ids(search('PTSD')).slice(0, 5)
    for (const q of ['post-traumatic', 'posttraumatic', 'post traumatic', 'Post-Traumatic'])
      expect(ids(search(q)).slice(0, 5), q).toEqual(ptsd)
  })

  it('finds a study by its trial registration and a source by its URL', () => {
    expect(first('NCT03113968')).toBe('study:anand-2023')
    expect(first('nct 03113968')).toBe('study:anand-2023')
    expect(first(getSource('samadhi-kap-vs-infusions').csl.URL!)).toBe('source:samadhi-kap-vs-infusions')
    expect(first('https://www.houston-therapy.com/kap/')).toBe('source:houston-therapy-kap')
  })

  it('finds a claim by its id', () => {
    expect(first('kap-three-phase-structure')).toBe('claim:kap-three-phase-structure')
  })

  it('returns nothing for identifiers that match no record', () => {
    expect(search('10.1000/not-a-real-doi')).toEqual([])
    expect(search('https://doi.org/10.1000/xyz')).toEqual([])
    expect(search('PMID 1')).toEqual([])
    expect(search('NCT00000000')).toEqual([])
  })

  it('puts the identified record first and still searches the other words', () => {
    const results = search(`midazolam ${doi}`)
    expect(ids(results)[0]).toBe('study:dore-2019')
    expect(ids(results)).toContain('study:grunebaum-2018')
  })

  it('applies filters to exact matches too', () => {
    expect(search(doi, { types: 'claim' }).map((r) => r.id)).not.toContain('dore-2019')
    expect(search(doi, { yearFrom: 2020 })).toEqual([])
  })
})

describe('search: never breaks on text', () => {
  const hostile = [
    'foo:',
    'title:',
    ':',
    '-',
    '+',
    '~',
    '^',
    'a^',
    'foo~',
    'foo~x',
    'foo^x',
    'bar:foo',
    'a:b:c',
    'TITLE:ketamine',
    '"esketamine',
    'esketamine"',
    "'foo",
    '(ketamine)',
    'ketamine*',
    '*ketamine',
    'keta*mine',
    'C++',
    'p<0.05',
    'n=30',
    '%',
    '%E0%A4%A',
    '\u0000',
    '\uD800',
    '💊',
    '<script>alert(1)</script>',
    'constructor',
    '__proto__',
    'hasOwnProperty toString',
  ]
  it.each(hostile)('%s returns results or []', (q) => {
    const results = search(q)
    expect(Array.isArray(results)).toBe(true)
    expectWellFormed(results)
  })

  it.each(['', ' ', '\n\t', '*', '**', '?', '...', '"', '-+~^:', '💊💊', 'the', 'of and the', 'a'])(
    '%j returns []',
    (q) => {
      expect(search(q)).toEqual([])
    },
  )

  it('reads syntax characters as spaces', () => {
    expect(ids(search('(ketamine)'))).toEqual(ids(search('ketamine')))
    expect(ids(search('title:midazolam'))).toEqual(ids(search('title midazolam')))
    expect(ids(search('ketamine*'))).toEqual(ids(search('ketamine ')))
    expect(ids(search('"esketamine'))).toEqual(ids(search('esketamine')))
  })

  it('never expands a wildcard for the visitor', () => {
    expect(search('*')).toEqual([])
    expect(search('k*')).toEqual([])
    expect(search('ke*')).toEqual([])
  })

  it('handles a 100,000-character query by reading its start only', () => {
    const huge = `midazolam ${'ketamine '.repeat(20_000)}`
    expect(huge.length).toBeGreaterThan(100_000)
    expect(ids(search(huge))).toEqual(ids(search(huge.slice(0, 256))))
    expect(search('x'.repeat(100_000))).toEqual([])
  })
})

describe('search: options', () => {
  it(`returns at most ${DEFAULT_LIMIT} results by default, and honours limit`, () => {
    expect(search('ketamine')).toHaveLength(DEFAULT_LIMIT)
    expect(search('ketamine', { limit: 3 })).toHaveLength(3)
    const all = search('ketamine', { limit: 1000 }).length
    expect(all).toBeGreaterThan(100)
    expect(all).toBeLessThanOrEqual(studies.length + claims.length + sources.length)
    expect(ids(search('ketamine', { limit: 3 }))).toEqual(ids(search('ketamine')).slice(0, 3))
  })

  it('restricts record types', () => {
    expect(new Set(search('ketamine', { types: 'claim', limit: 200 }).map((r) => r.type))).toEqual(new Set(['claim']))
    expect(new Set(search('kap', { types: ['study', 'source'], limit: 200 }).map((r) => r.type))).toEqual(
      new Set(['study', 'source']),
    )
    expect(search('ketamine', { types: [] }).length).toBe(DEFAULT_LIMIT)
  })

  it('filters by year range (studies and sources only)', () => {
    const results = search('ketamine', { yearFrom: 2018, yearTo: 2019, limit: 200 })
    expect(results.length).toBeGreaterThan(5)
    for (const r of results) {
      expect(r.type).not.toBe('claim')
      const issued = r.type === 'study' ? getStudy(r.id).csl.issued : getSource(r.id as never).csl.issued
      const year = issued?.['date-parts'][0]?.[0]
      expect(year).toBeGreaterThanOrEqual(2018)
      expect(year).toBeLessThanOrEqual(2019)
    }
    expect(search('ketamine', { yearFrom: 2030 })).toEqual([])
  })

  it('filters studies by design, condition, route, psychotherapy and certainty', () => {
    const check = (options: SearchOptions, test: (id: string) => boolean) => {
      const results = search('ketamine', { ...options, limit: 200 })
      expect(results.length, JSON.stringify(options)).toBeGreaterThan(0)
      for (const r of results) {
        expect(r.type).toBe('study')
        expect(test(r.id), `${r.id} ${JSON.stringify(options)}`).toBe(true)
      }
    }
    check(
      { design: 'randomized-controlled-trial' },
      (id) => getStudy(id as never).design === 'randomized-controlled-trial',
    )
    check({ design: ['meta-analysis', 'systematic-review'] }, (id) =>
      ['meta-analysis', 'systematic-review'].includes(getStudy(id as never).design),
    )
    check({ condition: 'ptsd' }, (id) => getStudy(id as never).conditions.includes('ptsd'))
    check({ route: ['sublingual', 'intramuscular'] }, (id) =>
      getStudy(id as never).intervention.routes.some((r) => r === 'sublingual' || r === 'intramuscular'),
    )
    check({ withPsychotherapy: true }, (id) => getStudy(id as never).intervention.withPsychotherapy)
    check({ withPsychotherapy: false }, (id) => !getStudy(id as never).intervention.withPsychotherapy)
    check({ certainty: 'moderate' }, (id) => getStudy(id as never).certainty === 'moderate')
    check(
      { condition: 'ptsd', withPsychotherapy: true },
      (id) => getStudy(id as never).conditions.includes('ptsd') && getStudy(id as never).intervention.withPsychotherapy,
    )
  })

  it('filters claims by verdict and topic', () => {
    const results = search('ketamine', { verdict: ['inaccurate', 'overstated'], topic: 'efficacy', limit: 200 })
    expect(results.length).toBeGreaterThan(0)
    for (const r of results) {
      expect(r.type).toBe('claim')
      const c = getClaim(r.id as never)
      expect(['inaccurate', 'overstated']).toContain(c.verdict)
      expect(c.topics).toContain('efficacy')
    }
  })

  it('returns [] when filters exclude every type', () => {
    expect(search('ketamine', { verdict: 'inaccurate', design: 'meta-analysis' })).toEqual([])
  })

  const bad: [string, unknown, RegExp, string | undefined][] = [
    ['null options', null, /options must be an object/, undefined],
    ['array options', [], /options must be an object/, undefined],
    ['an unknown key', { topics: 'safety' }, /unknown option "topics"/, 'topic'],
    ['an unknown type', { types: 'studies' }, /option types must be one of study, claim, source/, 'study'],
    ['an unknown verdict', { verdict: 'inacurate' }, /option verdict must be one of/, 'inaccurate'],
    ['an unknown design', { design: ['meta-analysis', 'rct'] }, /option design must be one of/, undefined],
    ['a non-string filter value', { route: 5 }, /option route must be one of/, undefined],
    ['a fractional year', { yearFrom: 2018.5 }, /yearFrom must be a whole year/, undefined],
    ['a string year', { yearTo: '2019' }, /yearTo must be a whole year/, undefined],
    [
      'yearFrom after yearTo',
      { yearFrom: 2020, yearTo: 2010 },
      /yearFrom \(2020\) is after yearTo \(2010\)/,
      'swap yearFrom and yearTo',
    ],
    ['a zero limit', { limit: 0 }, /limit must be a positive integer/, undefined],
    ['a fractional limit', { limit: 2.5 }, /limit must be a positive integer/, undefined],
    ['a string limit', { limit: '10' }, /limit must be a positive integer/, undefined],
    ['an infinite limit', { limit: Infinity }, /limit must be a positive integer/, undefined],
    [
      'a non-boolean psychotherapy flag',
      { withPsychotherapy: 'yes' },
      /withPsychotherapy must be true or false/,
      undefined,
    ],
  ]
  it.each(bad)('throws INVALID_ARGUMENT for %s', (_, options, message, hint) => {
    try {
      search('ketamine', options as SearchOptions)
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(KapLiteratureError)
      expect((e as KapLiteratureError).code).toBe('INVALID_ARGUMENT')
      expect((e as KapLiteratureError).message).toMatch(/^kap-literature: search: /)
      expect((e as KapLiteratureError).message).toMatch(message)
      // Without a hint of its own, a refusal that states what it expects lends that as its hint.
      const stated = (e as KapLiteratureError).message.replace(/^kap-literature: /, '').split(', got ')[0]
      expect((e as KapLiteratureError).hint).toBe(hint ?? stated)
    }
  })

  it('validates options even when the query is empty', () => {
    expect(() => search('', { limit: -1 })).toThrow(KapLiteratureError)
  })
})

describe('search: non-string queries', () => {
  it.each([undefined, null, 42, true, {}, [], ['ketamine'], Symbol('q'), () => 'ketamine'])(
    'throws INVALID_ARGUMENT for %s',
    (q) => {
      try {
        search(q as never)
        expect.unreachable()
      } catch (e) {
        expect(e).toBeInstanceOf(KapLiteratureError)
        expect((e as KapLiteratureError).code).toBe('INVALID_ARGUMENT')
        expect((e as KapLiteratureError).value).toBe(q)
        expect((e as KapLiteratureError).hint).toContain('search(input.value)')
      }
    },
  )
})
