// The full-text supplement (issue 14): the rare words of each record's full text, loaded on demand by
// loadFullText(). This file loads it into the shipped engine, so it runs in its own module graph (vitest isolates
// test files); the other search tests see the smaller index only.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { KapLiteratureError } from '../../src/index'
import { shippedCorpus } from '../../scripts/lib/search-corpus'
import { compactDocuments, FULL_TEXT_WORDS_PER_RECORD, fullTextWords } from '../../src/search/documents'
import { isFillerWord, isStopWord, tokenize } from '../../src/search/text'
import { loadStore } from '../../src/search/store'
import { FULL_TEXT_FORMAT, FULL_TEXT_FORMAT_VERSION, serializeFullText } from '../../src/search/full-text-format'
import { withFullText } from '../../src/search/full-text'
import { loadFullText, search } from '../../src/search/index'
import shippedStore from '../../src/generated/search-index.json'
import { shippedSharedTexts } from '../../src/search/shipped-texts'
import { root } from '../helpers/paths'

const corpus = shippedCorpus()
const compact = compactDocuments(corpus)
const words = fullTextWords(corpus, compact)
const store = loadStore(shippedStore, shippedSharedTexts)
const shippedFullText = JSON.parse(readFileSync(join(root, 'src', 'generated', 'search-full-text.json'), 'utf8'))

describe('fullTextWords', () => {
  it('gives each record at most the cap of new, meaningful words from its full text', () => {
    expect(words).toHaveLength(compact.length)
    compact.forEach((doc, i) => {
      const list = words[i]!.split(' ').filter((w) => w !== '')
      expect(list.length, doc.id).toBeLessThanOrEqual(FULL_TEXT_WORDS_PER_RECORD)
      const known = new Set(
        tokenize([doc.title, doc.tags, doc.lay, ...(doc.snippets ?? [])].join(' ')).map((w) => w.term),
      )
      for (const w of tokenize(list.join(' '))) {
        expect(known.has(w.term), `${doc.id}: ${w.folded}`).toBe(false)
        expect(isStopWord(w.folded) || isFillerWord(w.folded) || /^\d+$/.test(w.folded), w.folded).toBe(false)
      }
    })
    // Studies with findings beyond their first sentence get words; "bladder" is in the FDA statement's findings only.
    const fda = compact.findIndex((d) => d.id === 'fda-compounded-ketamine-2023')
    expect(words[fda]!.split(' ')).toContain('bladder')
  })

  it('puts the rarest words first and is deterministic', () => {
    expect(fullTextWords(corpus, compact)).toEqual(words)
    // Document frequency of each word (stop words, question words and numbers aside) over the records' full texts,
    // counted here independently.
    const texts = [
      ...corpus.studies.map((s) => [s.population, s.findings, s.limitations].join(' ')),
      ...corpus.claims.map((c) => [c.verdictNote, c.verdictRule, ...c.evidence.map((e) => e.note)].join(' ')),
      ...corpus.sources.map((s) => s.sections.join(' ')),
    ]
    const df = new Map<string, number>()
    const meaningful = (t: string) =>
      tokenize(t).filter((w) => !isStopWord(w.folded) && !isFillerWord(w.folded) && !/^\d+$/.test(w.folded))
    for (const t of texts)
      for (const term of new Set(meaningful(t).map((w) => w.term))) df.set(term, (df.get(term) ?? 0) + 1)
    let checked = 0
    for (const list of words) {
      const counts = tokenize(list).map((w) => df.get(w.term)!)
      for (let k = 1; k < counts.length; k++) expect(counts[k]).toBeGreaterThanOrEqual(counts[k - 1]!)
      checked += counts.length
    }
    expect(checked).toBeGreaterThan(compact.length * 10)
  })

  it('is what the build shipped, for this search store', () => {
    expect(shippedFullText.format).toBe(FULL_TEXT_FORMAT)
    expect(shippedFullText.formatVersion).toBe(FULL_TEXT_FORMAT_VERSION)
    expect(shippedFullText.store).toBe(store.fingerprint)
    expect(shippedFullText.words).toEqual(words)
  })
})

describe('withFullText', () => {
  const good = JSON.parse(serializeFullText(words, store.fingerprint))
  const mismatch = (json: unknown) => {
    try {
      withFullText(json, store)
    } catch (e) {
      return e
    }
    throw new Error('expected an error')
  }

  it('adds the words to the documents, leaving records without words as they were', () => {
    const docs = withFullText(good, store)
    expect(docs).toHaveLength(store.docs.length)
    docs.forEach((d, i) => {
      expect(d.id).toBe(store.docs[i]!.id)
      expect(d.words ?? '').toBe(words[i])
    })
  })

  it.each([
    ['not an object', null, /not a kap-literature-search-full-text/],
    ['another format', { ...good, format: 'x' }, /not a kap-literature-search-full-text/],
    ['another version', { ...good, formatVersion: 2 }, /format version 2 found, 1 expected/],
    ['another store', { ...good, store: '00000000' }, /built for another search index/],
    ['too few lists', { ...good, words: good.words.slice(1) }, /expected \d+ word lists/],
    ['a list that is not a string', { ...good, words: [1, ...good.words.slice(1)] }, /expected \d+ word lists/],
  ])('rejects %s with a typed error and a hint', (_name, json, message) => {
    const e = mismatch(json) as KapLiteratureError
    expect(e).toBeInstanceOf(KapLiteratureError)
    expect(e.code).toBe('FORMAT_VERSION_MISMATCH')
    expect(e.message).toMatch(message)
    expect(e.hint).toMatch(/rebuild both with the same kap-literature version/)
  })
})

describe('loadFullText', () => {
  it('makes search match the rare words of the full text, once, with the same promise on every call', async () => {
    const found = () => search('ketamine bladder').map((r) => r.id)
    expect(found()).not.toContain('fda-compounded-ketamine-2023')
    const first = loadFullText()
    expect(loadFullText()).toBe(first)
    await first
    expect(found()).toContain('fda-compounded-ketamine-2023')
    // What search already found stays found: the words only add matches.
    expect(search('grunebaum 2018')[0]?.id).toBe('grunebaum-2018')
    expect(search('')).toEqual([])
  })
})
