import { describe, expect, it } from 'vitest'
import { KapLiteratureError, vocabularies } from '../../src/index'
import { fullClaims, fullSources, fullStudies } from '../../src/details/index'

const studies = fullStudies()
const claims = fullClaims()
const sources = fullSources()
import { facets, search, type FacetOptions, type Facets, type FacetValue } from '../../src/search/index'

const total = (values: readonly FacetValue<unknown>[]) => values.reduce((n, v) => n + v.count, 0)
const count = <V>(values: readonly FacetValue<V>[], value: V) => values.find((v) => v.value === value)?.count ?? 0

function expectSorted(f: Facets): void {
  const years = f.year.map((y) => y.value)
  expect(years).toEqual([...years].sort((a, b) => a - b))
  const orders: [keyof Facets, readonly { id: unknown }[]][] = [
    ['type', [{ id: 'study' }, { id: 'claim' }, { id: 'source' }]],
    ['design', vocabularies.designs],
    ['condition', vocabularies.conditions],
    ['topic', vocabularies.topics],
    ['verdict', vocabularies.verdicts],
    ['route', vocabularies.routes],
    ['withPsychotherapy', [{ id: true }, { id: false }]],
    ['certainty', vocabularies.certainty],
  ]
  for (const [name, vocab] of orders) {
    const values = f[name] as readonly FacetValue<unknown>[]
    for (let i = 1; i < values.length; i++) {
      const a = values[i - 1]!
      const b = values[i]!
      expect(a.count >= b.count, `${name} sorted by count`).toBe(true)
      if (a.count === b.count)
        expect(vocab.findIndex((v) => v.id === a.value)).toBeLessThan(vocab.findIndex((v) => v.id === b.value))
    }
    for (const v of values) expect(v.count).toBeGreaterThan(0)
  }
}

describe('facets', () => {
  it('without a query, counts every record', () => {
    const f = facets()
    expect(f.type).toEqual([
      { value: 'claim', label: 'Claims', count: claims.length },
      { value: 'study', label: 'Studies', count: studies.length },
      { value: 'source', label: 'Source documents', count: sources.length },
    ])
    expect(total(f.design)).toBe(studies.length)
    expect(total(f.certainty)).toBe(studies.length)
    expect(total(f.verdict)).toBe(claims.length)
    expect(total(f.withPsychotherapy)).toBe(studies.length)
    expect(count(f.withPsychotherapy, true)).toBe(studies.filter((s) => s.intervention.withPsychotherapy).length)
    expect(count(f.condition, 'ptsd')).toBe(studies.filter((s) => s.conditions.includes('ptsd')).length)
    expect(count(f.topic, 'safety')).toBe(claims.filter((c) => c.topics.includes('safety')).length)
    expect(count(f.route, 'intravenous')).toBe(
      studies.filter((s) => s.intervention.routes.includes('intravenous')).length,
    )
    expect(count(f.year, 2019)).toBe(studies.filter((s) => s.csl.issued?.['date-parts'][0]?.[0] === 2019).length)
    expectSorted(f)
  })

  it('labels values from the vocabularies', () => {
    const f = facets()
    expect(f.design.find((v) => v.value === 'meta-analysis')?.label).toBe('Meta-analysis')
    expect(f.condition.find((v) => v.value === 'ptsd')?.label).toBe(
      vocabularies.conditions.find((t) => t.id === 'ptsd')!.label,
    )
    expect(f.withPsychotherapy.map((v) => v.label).sort()).toEqual(['With psychotherapy', 'Without psychotherapy'])
    expect(f.year.every((y) => y.label === String(y.value))).toBe(true)
  })

  it('leaves out values with no records', () => {
    const f = facets()
    expect(f.certainty.map((v) => v.value)).not.toContain('high') // kept in the vocabulary, used by no study yet
  })

  it('treats a query without searchable words like no query', () => {
    expect(facets('')).toEqual(facets())
    expect(facets(' ?! ')).toEqual(facets())
    expect(facets(undefined, {})).toEqual(facets())
  })

  it('with a query, counts the records it matches (all of them, not a page)', () => {
    const f = facets('ketamine')
    expect(total(f.type)).toBe(search('ketamine', { limit: 1000 }).length)
    for (const v of f.design) expect(v.count).toBe(search('ketamine', { design: v.value, limit: 1000 }).length)
    for (const v of f.verdict) expect(v.count).toBe(search('ketamine', { verdict: v.value, limit: 1000 }).length)
    expectSorted(f)
  })

  it('counts a pasted identifier’s record', () => {
    const f = facets('10.1080/02791072.2019.1587556')
    expect(f.type).toEqual([{ value: 'study', label: 'Studies', count: 1 }])
    expect(f.design).toEqual([{ value: 'retrospective-cohort', label: expect.any(String), count: 1 }])
  })

  it('ignores a facet’s own filter, so alternatives stay visible, and applies the others', () => {
    const options: FacetOptions = { design: 'meta-analysis' }
    const f = facets(undefined, options)
    expect(f.design).toEqual(facets().design)
    const metaAnalyses = studies.filter((s) => s.design === 'meta-analysis')
    expect(total(f.certainty)).toBe(metaAnalyses.length)
    expect(f.type).toEqual([{ value: 'study', label: 'Studies', count: metaAnalyses.length }])
    expect(f.verdict).toEqual([]) // claims have no design
  })

  it('counts types with the type filter ignored, and other facets within it', () => {
    const f = facets('kap', { types: 'claim' })
    expect(f.type.map((t) => t.value).sort()).toEqual(['claim', 'source', 'study'])
    expect(f.design).toEqual([])
    expect(total(f.verdict)).toBe(search('kap', { types: 'claim', limit: 1000 }).length)
  })

  it('counts years within the other filters', () => {
    const f = facets(undefined, { yearFrom: 2019, yearTo: 2020, withPsychotherapy: true })
    expect(f.year.length).toBeGreaterThan(2) // year ignores its own bounds
    expect(total(f.design)).toBe(
      studies.filter(
        (s) => s.intervention.withPsychotherapy && [2019, 2020].includes(s.csl.issued?.['date-parts'][0]?.[0] ?? 0),
      ).length,
    )
  })

  it.each([42, null, {}, ['ketamine']])('throws INVALID_ARGUMENT for query %s', (q) => {
    expect(() => facets(q as never)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', value: q }))
  })

  it('rejects options search does not share, and bad filter values', () => {
    try {
      facets(undefined, { limit: 5 } as FacetOptions)
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(KapLiteratureError)
      expect((e as KapLiteratureError).message).toMatch(/^kap-literature: facets: unknown option "limit"/)
    }
    // (In any letter case: 'PTSD' is ptsd; a misspelling is refused with the closest value.)
    expect(() => facets(undefined, { condition: 'PTSDD' as never })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', hint: 'ptsd' }),
    )
  })
})

describe('filter values in any letter case (hostile review, session 35)', () => {
  it('reads a filter value as every entry reads an id: trimmed, in any letter case', () => {
    const lower = search('ketamine', { verdict: 'inaccurate', types: 'claim', limit: 100 }).map((r) => r.id)
    expect(lower.length).toBeGreaterThan(0)
    expect(
      search('ketamine', { verdict: ' Inaccurate ' as never, types: 'Claim' as never, limit: 100 }).map((r) => r.id),
    ).toEqual(lower)
    expect(facets('ketamine', { topic: 'Safety' as never })).toEqual(facets('ketamine', { topic: 'safety' }))
    const design = search('ketamine', { design: ['Randomized-Controlled-Trial' as never], limit: 100 }).map((r) => r.id)
    expect(design).toEqual(search('ketamine', { design: ['randomized-controlled-trial'], limit: 100 }).map((r) => r.id))
    // A value that is none in any case is still refused, naming the value as given.
    expect(() => search('ketamine', { verdict: 'Mostly-True' as never })).toThrow(/got "Mostly-True"/)
  })
})
