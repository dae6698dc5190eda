import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import lunr from 'lunr'
import { describe, expect, it } from 'vitest'
import { claims, KapLiteratureError, sources, studies, vocabularies } from '../../src/index'
import { buildDocuments, FIELDS, type SearchDoc } from '../../src/search/documents'
import { SearchEngine } from '../../src/search/engine'
import { analyze, BOOSTS, buildIndexData, fingerprint, INDEX_FORMAT, INDEX_FORMAT_VERSION, loadIndex, Postings, serializeIndex } from '../../src/search/store'
import { root } from '../helpers/paths'

const corpus = { studies, claims, sources, vocabularies }
const docs = buildDocuments(corpus)
const data = buildIndexData(docs)
const shippedPath = join(root, 'src', 'generated', 'search-index.json')

/** The same documents indexed by lunr.Builder itself: the reference for our weights. */
function lunrReference(list: readonly SearchDoc[]): lunr.Index {
  const builder = new lunr.Builder()
  builder.ref('ref')
  for (const f of FIELDS) builder.field(f, { boost: BOOSTS[f] })
  list.forEach((d, i) => {
    const doc: Record<string, string | string[]> = { ref: String(i) }
    for (const f of FIELDS) doc[f] = analyze(d.fields[f])
    builder.add(doc)
  })
  return builder.build()
}

interface LunrInternals {
  invertedIndex: Record<string, { _index: number } & Record<string, Record<string, unknown>>>
  fieldVectors: Record<string, { elements: number[] }>
}

describe('index store', () => {
  it('weights every (term, record) exactly as lunr.Builder does (sum of its field vectors)', () => {
    const reference = lunrReference(docs) as unknown as LunrInternals
    const postings = new Postings(data, docs.length)
    const terms = Object.keys(reference.invertedIndex).sort()
    expect(data.terms).toEqual(terms)
    let compared = 0
    for (const term of terms) {
      const entry = reference.invertedIndex[term]!
      const expected = new Map<number, number>()
      for (const f of FIELDS) {
        for (const ref of Object.keys(entry[f] ?? {})) {
          const elements = reference.fieldVectors[`${f}/${ref}`]!.elements
          let w = 0
          for (let i = 0; i < elements.length; i += 2) if (elements[i] === entry._index) w = elements[i + 1]!
          expected.set(Number(ref), (expected.get(Number(ref)) ?? 0) + w)
        }
      }
      const p = postings.get(term)
      expect([...p.docs]).toEqual([...expected.keys()].sort((a, b) => a - b))
      p.docs.forEach((d, k) => expect(p.weights[k]).toBeCloseTo(expected.get(d)!, 9))
      compared += p.docs.length
    }
    expect(compared).toBeGreaterThan(5000)
  })

  it('marks which fields hold a term, and knows no unknown term', () => {
    const postings = new Postings(data, docs.length)
    const grune = docs.findIndex((d) => d.id === 'grunebaum-2018')
    const p = postings.get('grunebaum')
    const k = [...p.docs].indexOf(grune)
    expect(k).toBeGreaterThanOrEqual(0)
    expect(p.fields[k]! & (1 << FIELDS.indexOf('cite'))).not.toBe(0)
    expect(p.fields[k]! & (1 << FIELDS.indexOf('authors'))).not.toBe(0)
    expect(postings.get('no-such-term').docs.length).toBe(0)
    expect(postings.termId('ketamin')).toBeGreaterThanOrEqual(0)
    expect(postings.termId('ketamine')).toBe(-1) // the index holds stems
  })

  it('round-trips through serialization', () => {
    const text = serializeIndex(data, docs)
    const loaded = loadIndex(JSON.parse(text), docs)
    expect(loaded).toBeDefined()
    expect(loaded!.terms).toEqual(data.terms)
    expect([...loaded!.termOffset]).toEqual([...data.termOffset])
    expect([...loaded!.stream]).toEqual([...data.stream])
    expect([...loaded!.fieldLengths]).toEqual([...data.fieldLengths])
  })

  it('ships an index that is current with data/ and the analyzer (rebuild: npm run build:data)', () => {
    const fresh = serializeIndex(data, docs)
    expect(readFileSync(shippedPath, 'utf8') === fresh, 'src/generated/search-index.json is stale: run `npm run build:data`').toBe(true)
  })

  it('the shipped search uses the shipped index rather than building one', () => {
    const engine = new SearchEngine(corpus, JSON.parse(readFileSync(shippedPath, 'utf8')))
    expect(engine.indexSource).toBeUndefined() // nothing loaded before first use
    expect(engine.postings.data.terms.length).toBe(data.terms.length)
    expect(engine.indexSource).toBe('shipped')
  })

  it('builds from the records when the shipped index was made from other data', () => {
    const stale = JSON.parse(serializeIndex(data, docs)) as Record<string, unknown>
    stale.fingerprint = '00000000'
    const engine = new SearchEngine(corpus, stale)
    expect(engine.postings.data.terms).toEqual(data.terms)
    expect(engine.indexSource).toBe('built')
    expect(loadIndex(stale, docs)).toBeUndefined()
    // Fewer records than the index was made for: stale too.
    expect(loadIndex(JSON.parse(serializeIndex(data, docs)), docs.slice(1))).toBeUndefined()
  })

  it('builds when no index is shipped', () => {
    const engine = new SearchEngine(corpus)
    expect(engine.postings.data.terms).toEqual(data.terms)
    expect(engine.indexSource).toBe('built')
  })

  it('the fingerprint changes with the records and their order', () => {
    expect(fingerprint(docs)).toMatch(/^[0-9a-f]{8}$/)
    expect(fingerprint(docs.slice().reverse())).not.toBe(fingerprint(docs))
    expect(fingerprint(docs.slice(1))).not.toBe(fingerprint(docs))
  })

  const good = JSON.parse(serializeIndex(data, docs)) as Record<string, unknown>
  const mismatches: [string, unknown][] = [
    ['null', null],
    ['a string', 'index'],
    ['another format', { ...good, format: 'lunr' }],
    ['a lunr index', JSON.parse(JSON.stringify(lunrReference(docs.slice(0, 3))))],
    ['a newer format version', { ...good, formatVersion: INDEX_FORMAT_VERSION + 1 }],
    ['no format version', { ...good, formatVersion: undefined }],
    ['other fields', { ...good, fields: ['title', 'body'] }],
    ['damaged postings', { ...good, postings: '1,2,x' }],
    ['truncated postings', { ...good, postings: String(good.postings).split(',').slice(0, -3).join(',') }],
    ['a number too large', { ...good, postings: `${String(good.postings)},12345678901` }],
    ['wrong field lengths', { ...good, fieldLengths: '1,2,3' }],
    ['missing terms', { ...good, terms: 42 }],
  ]
  it.each(mismatches)('rejects %s with FORMAT_VERSION_MISMATCH', (_, json) => {
    try {
      loadIndex(json, docs)
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(KapLiteratureError)
      const err = e as KapLiteratureError
      expect(err.code).toBe('FORMAT_VERSION_MISMATCH')
      expect(err.message).toMatch(/^kap-literature: search index: /)
      expect(err.hint).toContain(`${INDEX_FORMAT} format ${INDEX_FORMAT_VERSION}`)
    }
  })

  it('skips a damaged entry instead of throwing during a search', () => {
    const damaged = { ...data, stream: Uint32Array.from(data.stream) }
    const t = data.terms.indexOf('ketamin')
    damaged.stream[data.termOffset[t]! + 1] = docs.length + 7 // the first entry's document is out of range
    const p = new Postings(damaged, docs.length).get('ketamin')
    expect(p.docs.length).toBeLessThan(new Postings(data, docs.length).get('ketamin').docs.length)
    expect([...p.docs].every((d) => d < docs.length)).toBe(true)
  })

  it('a format mismatch surfaces on first use of an engine, not at construction', () => {
    const engine = new SearchEngine(corpus, { ...good, formatVersion: 99 })
    expect(() => engine.postings).toThrow(expect.objectContaining({ code: 'FORMAT_VERSION_MISMATCH', value: 99 }))
  })

  it('analyzes field text into stems, without stop words, with synonym concepts', () => {
    expect(analyze('The Treatment-Resistant Depression trials')).toEqual(['treatment', 'resist', 'depress', 'trial', '_trd'])
    expect(analyze('Dore et al., 2019')).toEqual(['dore', '2019'])
    expect(analyze('')).toEqual([])
  })
})
