import { describe, expect, it } from 'vitest'
import synonymData from '../../data/search/synonyms.json'
import { search } from '../../src/search/index'
import { withConcepts } from '../../src/check/concepts'
import { unitsOf } from '../../src/search/query'
import { allConcepts, conceptTerms, conceptVariants, greedyConcepts } from '../../src/search/synonyms'
import { foldWord, tokenize } from '../../src/search/text'

const terms = (text: string) => tokenize(text).map((t) => t.term)

describe('data/search/synonyms.json', () => {
  it('has the expected shape', () => {
    expect(synonymData.formatVersion).toBe(1)
    expect(typeof synonymData.$comment).toBe('string')
    expect(synonymData.groups.length).toBeGreaterThanOrEqual(20)
    const ids = synonymData.groups.map((g) => g.id)
    for (const g of synonymData.groups) {
      expect(g.id, g.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
      expect(g.terms.length, g.id).toBeGreaterThanOrEqual(2)
      const keys = Object.keys(g).sort()
      const optional = ['capitalsOnly', 'related'].filter((k) => k in g)
      expect(keys, g.id).toEqual(['id', ...optional, 'terms'].sort())
      for (const word of (g as { capitalsOnly?: string[] }).capitalsOnly ?? []) {
        expect(g.terms, `${g.id}: capitalsOnly ${word}`).toContain(word)
        expect(word, `${g.id}: capitalsOnly ${word}`).toMatch(/^[A-Z]+$/)
      }
      for (const r of (g as { related?: string[] }).related ?? []) {
        if (r.startsWith('#')) expect(ids, `${g.id}: ${r}`).toContain(r.slice(1))
        else expect(terms(r).length, `${g.id}: ${r}`).toBe(1)
      }
      for (const t of g.terms) expect(terms(t).length, `${g.id}: ${t}`).toBeGreaterThan(0)
    }
  })

  it('groups are sorted by id and ids are unique', () => {
    const ids = synonymData.groups.map((g) => g.id)
    expect(ids).toEqual([...new Set(ids)].sort())
  })

  it('no term belongs to two groups (as the index sees it)', () => {
    const owner = new Map<string, string>()
    for (const g of synonymData.groups) {
      for (const t of g.terms) {
        const key = terms(t).join(' ')
        const other = owner.get(key)
        expect(other === undefined || other === g.id, `"${t}" is in ${g.id} and ${other}`).toBe(true)
        owner.set(key, g.id)
      }
    }
  })

  it('spelling maps single lower-case words to a different single word', () => {
    for (const [from, to] of Object.entries(synonymData.spelling)) {
      expect(foldWord(from), from).toBe(from)
      expect(foldWord(to), to).toBe(to)
      expect(from).not.toBe(to)
    }
    const keys = Object.keys(synonymData.spelling)
    expect(keys).toEqual([...keys].sort())
  })

  it('covers the abbreviations the issue names', () => {
    const ids = synonymData.groups.map((g) => g.id)
    for (const id of ['trd', 'ptsd', 'ocd', 'gad', 'si', 'kap', 'iv', 'im', 'sublingual', 'esketamine', 'nmda'])
      expect(ids).toContain(id)
  })
})

describe('synonym matching', () => {
  it('finds every occurrence for indexing, and non-overlapping longest ones for queries', () => {
    const seq = terms('TRD, that is treatment-resistant depression')
    expect(allConcepts(seq).map((c) => [c.concept, c.from, c.to])).toEqual([
      ['_trd', 0, 1],
      ['_trd', 3, 6],
    ])
    expect(greedyConcepts(terms('PTSD or OCD')).map((c) => c.concept)).toEqual(['_ptsd', '_ocd'])
    expect(greedyConcepts(terms('nothing here'))).toEqual([])
  })

  it('reads an abbreviation marked capitalsOnly as the group only when written in capitals', () => {
    const seq = (text: string) => conceptTerms(tokenize(text), text)
    expect(allConcepts(seq('a history of DID')).map((c) => c.concept)).toEqual(['_did'])
    expect(allConcepts(seq('it did not help; Did it?'))).toEqual([])
    expect(seq('DID did Did')).toEqual(['did', '', ''])
    expect(unitsOf('i have DID').map((u) => (u.kind === 'concept' ? u.concept : u.term))).toEqual(['_did'])
    expect(unitsOf('did ketamine help with PTSD?').map((u) => (u.kind === 'concept' ? u.concept : u.term))).toEqual([
      'ketamin',
      '_ptsd',
    ])
    // Not in the checker's macro, whose cues match without regard to case.
    expect(withConcepts({}).did!.split('|')).not.toContain('DID')
    expect(withConcepts({}).did!.split('|')).toContain('dissociative identity disorder')
  })

  it('lists the term sequences of a group for highlighting', () => {
    expect(conceptVariants('_iv')).toContainEqual(terms('intravenous'))
    expect(conceptVariants('_nonexistent')).toEqual([])
  })

  // Each pair: a query using one form, and a record that only uses another form.
  const pairs: [string, string, string][] = [
    ['TRD', 'study:murrough-2013', 'Treatment-Resistant'],
    ['treatment resistant depression', 'study:anand-2023', 'Treatment-Resistant'],
    ['PTSD', 'study:feder-2014', 'Posttraumatic Stress Disorder'],
    ['OCD', 'study:rodriguez-2013', ''],
    ['suicidal ideation', 'study:grunebaum-2018', 'Suicidal Thoughts'],
    ['SI', 'study:wilkinson-2018', 'Suicidal Ideation'],
    ['Spravato', 'study:daly-2019', 'Esketamine'],
    ['glutamate', 'study:zarate-2006', 'N-methyl-D-aspartate'],
    ['NMDA', 'claim:ketamine-acts-on-nmda-glutamate', 'glutamate'],
    ['IV', 'study:feder-2014', 'Intravenous'],
    ['intramuscular', 'study:krupitsky-2007', ''],
    ['lozenge', 'study:hull-2022', 'sublingual'],
    ['ketamine assisted psychotherapy', 'claim:kap-three-phase-structure', 'KAP'],
    ['alcohol use disorder', 'study:dakwar-2020', 'Alcohol Use Disorder'],
    ['ECT', 'study:anand-2023', 'ECT'],
    ['who should not take it', 'claim:contraindications-psychosis-bipolar-medical', 'not suitable'],
    ['synaptogenesis', 'claim:ketamine-promotes-rapid-neuroplasticity', ''],
    ['selective serotonin reuptake inhibitor', 'study:berman-2000', ''],
    ['DID', 'claim:kap-for-complex-dissociation-and-did', 'dissociative identity disorder'],
    ['what are the downsides', 'claim:kap-has-risks-and-side-effects', 'side effects'],
    ['how quickly does it work', 'claim:ketamine-relief-within-hours', 'within hours'],
  ]
  it.each(pairs)('%s finds %s', (query, expected, titleWords) => {
    const results = search(query, { limit: 50 })
    const hit = results.find((r) => `${r.type}:${r.id}` === expected)
    expect(hit, `${query} → ${results.map((r) => r.id).join(', ')}`).toBeDefined()
    if (titleWords !== '') {
      const highlighted = hit!.highlights
        .filter((h) => h.field === 'title')
        .map((h) => hit!.title.slice(h.start, h.end))
      expect(highlighted.join(' | ')).toContain(titleWords)
    }
  })
})
