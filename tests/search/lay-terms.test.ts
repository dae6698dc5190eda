import { describe, expect, it } from 'vitest'
import layTermData from '../../data/search/lay-terms.json'
import { COMMON_NAMES, layRecords, layTermIssues } from '../../scripts/lib/lay-terms'
import { shippedCorpus } from '../../scripts/lib/search-corpus'
import { compactDocuments, LAY_WORDS_PER_RECORD } from '../../src/search/documents'
import { search } from '../../src/search/index'
import { tokenize } from '../../src/search/text'

const corpus = shippedCorpus()
const records = layRecords(corpus)
const check = (recordsField: unknown) => layTermIssues({ formatVersion: 1, records: recordsField }, records)
const top = (query: string, n = 3) => search(query, { limit: n }).map((r) => `${r.type}:${r.id}`)

describe('data/search/lay-terms.json', () => {
  it('passes the build check: known records, short plain phrases, no name the record does not name', () => {
    expect(layTermIssues(layTermData, records)).toEqual([])
    expect(Object.keys(layTermData.records)).toHaveLength(132)
  })

  it('indexes at most eight new words per record, each from its own terms, never shown', () => {
    const compact = compactDocuments(corpus)
    for (const d of compact) {
      const terms = (layTermData.records as Record<string, string[]>)[`${d.type}:${d.id}`] ?? []
      const allowed = new Set(tokenize(terms.join(' ')).map((w) => w.folded))
      const words = d.lay === undefined ? [] : d.lay.split(' ')
      expect(words.length, d.id).toBeLessThanOrEqual(LAY_WORDS_PER_RECORD)
      for (const w of words) expect(allowed.has(w), `${d.id}: ${w}`).toBe(true)
      expect(d.snippets?.join(' ') ?? '', d.id).not.toContain(d.lay === undefined || d.lay === '' ? '\u0000' : d.lay)
    }
    const weed = search('weed')[0]!
    expect(`${weed.type}:${weed.id}`).toBe('study:azhari-2021')
    expect(weed.title).toBe(
      'Ketamine-facilitated behavioral treatment for cannabis use disorder: A proof of concept study',
    )
    expect(weed.snippet.toLowerCase()).not.toContain('weed')
  })

  it('finds records by the words visitors use for them', () => {
    expect(top('weed', 1)).toEqual(['study:azhari-2021'])
    expect(top('booze')).toEqual(expect.arrayContaining(['study:dakwar-2020']))
    expect(top('magic mushrooms')).toEqual(expect.arrayContaining(['study:nichols-2016']))
    expect(top('electroshock', 1)).toEqual(['study:anand-2023'])
  })
})

describe('the lay-terms check', () => {
  it('names an unknown record with the closest key', () => {
    const [issue, ...rest] = check({ 'study:dore-2091': ['chart review'] })
    expect(rest).toEqual([])
    expect(issue).toMatchObject({
      file: 'data/search/lay-terms.json',
      field: 'records.study:dore-2091',
      rule: 'lay-terms-record',
      fix: 'Did you mean "study:dore-2019"?',
    })
  })

  it('rejects a term that names something the record does not: lay terms are vocabulary, never facts', () => {
    const [issue] = check({ 'study:hull-2022': ['Field Trip Health'] })
    expect(issue).toMatchObject({ rule: 'lay-terms-named', field: 'records.study:hull-2022[0]' })
    expect(issue!.message).toBe('"Field Trip Health" names "Trip", "Health", which the record\'s own text does not.')
    // Numbers are names too (a dose, a duration); a common drug or condition name is vocabulary.
    expect(check({ 'study:phillips-2019': ['monitored for 13 hours'] })[0]!.rule).toBe('lay-terms-named')
    expect(check({ 'claim:conventional-antidepressants-slow-onset': ['Prozac'] })).toEqual([])
    expect(COMMON_NAMES.has('prozac')).toBe(true)
    // A name the record's text holds is fine.
    expect(check({ 'study:hull-2022': ['Mindbloom'] })).toEqual([])
  })

  it('rejects empty, long, marked-up and repeated terms, and a bad shape', () => {
    const rules = (field: unknown) => check({ 'study:dore-2019': field }).map((i) => i.rule)
    expect(rules([])).toEqual(['lay-terms-shape'])
    expect(rules('chart review')).toEqual(['lay-terms-shape'])
    expect(rules([''])).toEqual(['lay-terms-term'])
    expect(rules([42])).toEqual(['lay-terms-term'])
    expect(rules(['one two three four five six seven eight nine'])).toEqual(['lay-terms-term'])
    expect(rules(['x'.repeat(61)])).toEqual(['lay-terms-term'])
    expect(rules(['<img src=x onerror=alert(1)>'])).toEqual(['lay-terms-term'])
    expect(rules(['chart review', 'chart review'])).toEqual(['lay-terms-term'])
    expect(layTermIssues(null, records).map((i) => i.rule)).toEqual(['lay-terms-shape'])
    expect(layTermIssues({ formatVersion: 2, records: {} }, records)[0]!.message).toBe('has formatVersion 2, not 1.')
    expect(layTermIssues({ formatVersion: 1 }, records)[0]!.message).toBe('has no "records" object.')
  })
})
