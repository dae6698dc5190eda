import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { join } from 'node:path'
import lunr from 'lunr'
import { describe, expect, it } from 'vitest'
import { KapLiteratureError, vocabularies } from '../../src/index'
import { shippedCorpus } from '../../scripts/lib/search-corpus'
import {
  buildDocuments,
  compactDocuments,
  documentsFromCompact,
  FIELDS,
  type SearchDoc,
} from '../../src/search/documents'
import {
  analyze,
  BOOSTS,
  buildIndexData,
  fingerprint,
  INDEX_FORMAT,
  INDEX_FORMAT_VERSION,
  loadStore,
  Postings,
  serializeStore,
  storedDocuments,
  type SerializedStore,
} from '../../src/search/store'
import { claimStatements } from '../../src/generated/claim-statements'
import { claimIds, sourceIds, studyIds } from '../../src/generated/ids'
import { shippedSharedTexts } from '../../src/search/shipped-texts'
import { root } from '../helpers/paths'

const corpus = shippedCorpus()
const compact = compactDocuments(corpus)
const docs = buildDocuments(corpus)
const data = buildIndexData(docs)
const shippedPath = join(root, 'src', 'generated', 'search-index.json')
const ids = shippedSharedTexts.ids!

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
    expect(compared).toBeGreaterThan(3000)
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

  it('round-trips through serialization: the loaded store gives the same documents and index', () => {
    const loaded = loadStore(JSON.parse(serializeStore(compact, vocabularies)))
    expect(loaded.docs).toEqual(compact)
    const again = documentsFromCompact(loaded.docs)
    expect(again.map((d) => d.fields)).toEqual(docs.map((d) => d.fields))
    const rebuilt = buildIndexData(again)
    expect(rebuilt.terms).toEqual(data.terms)
    expect([...rebuilt.stream]).toEqual([...data.stream])
    expect(loaded.vocabularies.verdicts.map((t) => t.id)).toEqual(vocabularies.verdicts.map((t) => t.id))
  })

  it('stores tags without the labels its vocabularies give, and restores them in place on load', () => {
    const json = JSON.parse(serializeStore(compact, vocabularies)) as SerializedStore
    const label = (list: readonly { id: string; label: string }[], id: string) => list.find((t) => t.id === id)!.label
    const grune = compact.find((d) => d.id === 'grunebaum-2018')!
    const stored = storedDocuments(json).find((d) => d.id === 'grunebaum-2018')!
    // The full tags begin with the design, condition and route labels; the stored ones hold only the rest (substance,
    // journal …), which the store has no vocabulary for.
    const derived = [
      label(vocabularies.designs, grune.design!),
      ...grune.condition!.map((c) => label(vocabularies.conditions, c)),
      ...grune.route!.map((r) => label(vocabularies.routes, r)),
    ].join('; ')
    expect(grune.tags!.startsWith(`${derived}; `)).toBe(true)
    expect(stored.tags).toBe(grune.tags!.slice(derived.length + 2))
    expect(String(stored.tags)).toMatch(/^Ketamine \(racemic\); American Journal of Psychiatry/)
    const claim = compact.find((d) => d.type === 'claim')!
    const storedClaim = storedDocuments(json).find((d) => d.id === claim.id)!
    expect(String(storedClaim.tags)).not.toContain(label(vocabularies.verdicts, claim.verdict!))
    // Restored, so the loaded documents (and the fingerprint, which reads the keys in one order) are the built ones.
    const loaded = loadStore(json).docs
    expect(loaded).toEqual(compact)
    expect(Object.keys(loaded.find((d) => d.id === 'grunebaum-2018')!).sort()).toEqual(Object.keys(grune).sort())
    // Tags that do not begin with the derived labels (a hand-made document) are stored whole and come back unchanged.
    const odd = compact.map((d) => (d.id === grune.id ? { ...d, tags: 'Journal first; Randomised' } : d))
    const oddJson = JSON.parse(serializeStore(odd, vocabularies)) as SerializedStore
    expect(storedDocuments(oddJson).find((d) => d.id === grune.id)!.tags).toBe('Journal first; Randomised')
    expect(loadStore(oddJson).docs).toEqual(odd)
    // Tags that are exactly the derived labels are stored empty and restored in full.
    const bare = compact.map((d) =>
      d.id === claim.id ? { ...d, tags: label(vocabularies.verdicts, claim.verdict!) } : d,
    )
    const bareClaim = { ...bare.find((d) => d.id === claim.id)!, topic: [] as string[] }
    const bareDocs = bare.map((d) => (d.id === claim.id ? bareClaim : d))
    const bareJson = JSON.parse(serializeStore(bareDocs, vocabularies)) as SerializedStore
    expect(storedDocuments(bareJson).find((d) => d.id === claim.id)!.tags).toBe('')
    expect(loadStore(bareJson).docs).toEqual(bareDocs)
  })

  it('stores claims without the statements the reader already has, and restores them on load', () => {
    const text = serializeStore(compact, vocabularies, { claimStatements })
    const json = JSON.parse(text) as SerializedStore
    const claims = storedDocuments(json).filter((d) => d.type === 'claim')
    expect(claims.length).toBe(corpus.claims.length)
    expect(claims.filter((d) => 'title' in d)).toEqual([])
    expect(text.includes(corpus.claims[0]!.statement)).toBe(false)
    expect(loadStore(json, { claimStatements }).docs).toEqual(compact)
    // A claim whose statement differs from the shared one keeps its own title.
    const changed = ['Another statement', ...claimStatements.slice(1)]
    const kept = JSON.parse(serializeStore(compact, vocabularies, { claimStatements: changed })) as SerializedStore
    expect(storedDocuments(kept).find((d) => d.id === corpus.claims[0]!.id)?.title).toBe(corpus.claims[0]!.statement)
    expect(loadStore(kept, { claimStatements: changed }).docs).toEqual(compact)
    // Without the statements, or with other ones, the store is incomplete or damaged: a typed error, not wrong titles.
    for (const statements of [undefined, changed]) {
      try {
        loadStore(json, { claimStatements: statements })
        expect.unreachable()
      } catch (e) {
        expect((e as KapLiteratureError).code).toBe('FORMAT_VERSION_MISMATCH')
      }
    }
  })

  it('stores records by position when the reader has their ids in the same order, and restores type and id', () => {
    const text = serializeStore(compact, vocabularies, shippedSharedTexts)
    const json = JSON.parse(text) as SerializedStore
    expect(json.counts).toEqual([studyIds.length, claimIds.length, sourceIds.length])
    expect(storedDocuments(json).filter((d) => 'id' in d || 'type' in d)).toEqual([])
    expect(text.includes('"id":"grunebaum-2018"')).toBe(false)
    const loaded = loadStore(json, shippedSharedTexts)
    expect(loaded.docs).toEqual(compact)
    expect(loaded.docs[studyIds.length]).toMatchObject({ type: 'claim', id: claimIds[0] })
    // Without the ids, with a list of another length, or with two ids swapped: a typed error, never records under
    // the wrong id (the fingerprint covers type and id).
    const swapped = { ...ids, study: [studyIds[1]!, studyIds[0]!, ...studyIds.slice(2)] }
    for (const other of [undefined, { ...ids, source: sourceIds.slice(1) }, swapped]) {
      try {
        loadStore(json, { claimStatements, ...(other === undefined ? {} : { ids: other }) })
        expect.unreachable()
      } catch (e) {
        expect((e as KapLiteratureError).code).toBe('FORMAT_VERSION_MISMATCH')
      }
    }
    // Records that are not the shared ids in order keep their type and id, and need no ids to load.
    const own = JSON.parse(serializeStore(compact, vocabularies, { ids: swapped })) as Record<string, unknown>
    expect('counts' in own).toBe(false)
    expect(loadStore(own).docs).toEqual(compact)
  })

  it('ships a store that is current with data/ and the analyzer (rebuild: npm run build:data)', () => {
    const fresh = serializeStore(compact, vocabularies, shippedSharedTexts)
    expect(
      readFileSync(shippedPath, 'utf8') === fresh,
      'src/generated/search-index.json is stale: run `npm run build:data`',
    ).toBe(true)
  })

  it('holds only what search ranks, displays and highlights: no record detail', () => {
    const text = readFileSync(shippedPath, 'utf8')
    for (const s of corpus.studies) {
      // Limitations, verification notes and notes are never shipped; findings only as a short lead.
      expect(text.includes(s.limitations), s.id).toBe(false)
      for (const v of s.verification.sources) expect(text.includes(v.url), `${s.id} ${v.url}`).toBe(false)
    }
    for (const c of corpus.claims) for (const e of c.evidence) expect(text.includes(e.note), c.id).toBe(false)
    for (const d of compact) for (const t of d.snippets ?? []) expect(t.length, d.id).toBeLessThanOrEqual(160)
  })

  it('the fingerprint changes with the records and their order', () => {
    expect(fingerprint(compact, vocabularies)).toMatch(/^[0-9a-f]{8}$/)
    expect(fingerprint(compact.slice().reverse(), vocabularies)).not.toBe(fingerprint(compact, vocabularies))
    expect(fingerprint(compact.slice(1), vocabularies)).not.toBe(fingerprint(compact, vocabularies))
  })

  it("the fingerprint does not depend on the order of a record's keys (the columns do not keep it)", () => {
    const reordered = compact.map((d) => Object.fromEntries(Object.entries(d).reverse()) as typeof d)
    expect(fingerprint(reordered, vocabularies)).toBe(fingerprint(compact, vocabularies))
  })

  it('stores the records by field: smaller than one object per record, and read back the same', () => {
    const json = JSON.parse(serializeStore(compact, vocabularies, shippedSharedTexts)) as SerializedStore
    const rows = storedDocuments(json)
    expect(Object.values(json.columns).every((c) => c.length === compact.length)).toBe(true)
    // Absent values are 0 in their column and absent again in the record.
    expect(json.columns.pmid!.filter((v) => v === 0).length).toBe(compact.filter((d) => d.pmid === undefined).length)
    expect(rows.filter((d) => 'pmid' in d).length).toBe(compact.filter((d) => d.pmid !== undefined).length)
    const perRecord = JSON.stringify({ ...json, columns: undefined, docs: rows })
    const byField = JSON.stringify(json)
    const gz = (t: string) => gzipSync(t, { level: 9 }).length
    expect(gz(byField)).toBeLessThan(gz(perRecord) - 500)
  })

  const good = JSON.parse(serializeStore(compact, vocabularies)) as SerializedStore
  const goodColumns = good.columns
  const withColumn = (key: string, values: unknown) => ({ ...good, columns: { ...goodColumns, [key]: values } })
  const everyColumn = (f: (values: readonly unknown[]) => unknown) => ({
    ...good,
    columns: Object.fromEntries(Object.entries(goodColumns).map(([k, v]) => [k, f(v)])),
  })
  const mismatches: [string, unknown][] = [
    ['null', null],
    ['a string', 'index'],
    ['another format', { ...good, format: 'lunr' }],
    ['a lunr index', JSON.parse(JSON.stringify(lunrReference(docs.slice(0, 3))))],
    ['a newer format version', { ...good, formatVersion: INDEX_FORMAT_VERSION + 1 }],
    ['the previous format version', { ...good, formatVersion: 1 }],
    ['no format version', { ...good, formatVersion: undefined }],
    ['other fields', { ...good, fields: ['title', 'body'] }],
    ['a wrong fingerprint', { ...good, fingerprint: '00000000' }],
    ['an edited record', withColumn('title', ['Edited', ...goodColumns.title!.slice(1)])],
    ['a missing record', everyColumn((v) => v.slice(1))],
    ['a record missing from one column', withColumn('title', goodColumns.title!.slice(1))],
    ['a record without its title', withColumn('title', [0, ...goodColumns.title!.slice(1)])],
    ['a column that is not a list', withColumn('title', 'none')],
    ['no records', { ...good, columns: 'none' }],
    ['records one object each (format 4)', { ...good, columns: undefined, docs: storedDocuments(good) }],
    ['missing labels', { ...good, labels: {} }],
  ]
  it.each(mismatches)('rejects %s with FORMAT_VERSION_MISMATCH', (_, json) => {
    try {
      loadStore(json)
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

  it('analyzes field text into stems, without stop words, with synonym concepts', () => {
    expect(analyze('The Treatment-Resistant Depression trials')).toEqual([
      'treatment',
      'resist',
      'depress',
      'trial',
      '_trd',
    ])
    expect(analyze('Dore et al., 2019')).toEqual(['dore', '2019'])
    expect(analyze('')).toEqual([])
  })
})
