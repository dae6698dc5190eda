import { describe, expect, it } from 'vitest'
import { foldWord, isStopWord, termOf, tokenize } from '../../src/search/text'

describe('foldWord', () => {
  it.each([
    ['Grünebaum', 'grunebaum'],
    ['KETAMINE', 'ketamine'],
    ['Ångström', 'angstrom'],
    ['façade', 'facade'],
    ['Straße', 'strasse'],
    ['Ærø', 'aero'],
    ['Łódź', 'lodz'],
    ['ﬁndings', 'findings'], // ligature
    ['ＫＡＰ', 'kap'], // full-width
    ['e\u0301tude', 'etude'], // decomposed accent
    ['½', '12'], // never a non-word character in the result
    ['ketamine', 'ketamine'],
  ])('%s → %s', (word, folded) => {
    expect(foldWord(word)).toBe(folded)
  })
})

describe('tokenize', () => {
  it('splits on punctuation, hyphens and apostrophes, keeping offsets into the original text', () => {
    const text = 'Grünebaum et al. (2018): treatment-resistant O’Brien'
    const tokens = tokenize(text)
    expect(tokens.map((t) => t.folded)).toEqual([
      'grunebaum',
      'et',
      'al',
      '2018',
      'treatment',
      'resistant',
      'o',
      'brien',
    ])
    for (const t of tokens) expect(foldWord(text.slice(t.start, t.end))).toBe(t.folded)
    expect(text.slice(tokens[0]!.start, tokens[0]!.end)).toBe('Grünebaum')
  })

  it('treats query syntax as separators', () => {
    expect(tokenize('title:ketamine~2 ^10 +foo -bar "baz" *').map((t) => t.folded)).toEqual([
      'title',
      'ketamine',
      '2',
      '10',
      'foo',
      'bar',
      'baz',
    ])
  })

  it('returns nothing for text without letters or digits', () => {
    expect(tokenize('')).toEqual([])
    expect(tokenize(' ?!*:~^ 💊 — … ')).toEqual([])
  })

  it('keeps decomposed accents inside the word they belong to', () => {
    const text = 'Gru\u0308nebaum'
    expect(tokenize(text)).toEqual([{ folded: 'grunebaum', term: 'grunebaum', start: 0, end: text.length }])
  })
})

describe('termOf', () => {
  it('stems with lunr (Porter) and maps British spellings first', () => {
    expect(termOf('ketamine')).toBe('ketamin')
    expect(termOf('infusions')).toBe(termOf('infusion'))
    expect(termOf('randomised')).toBe(termOf('randomized'))
    expect(termOf('behaviour')).toBe(termOf('behavior'))
    expect(termOf('anaesthetic')).toBe(termOf('anesthetic'))
  })

  it('keeps "addictive" apart from "addiction", which the stemmer would merge', () => {
    expect(termOf('addictive')).toBe('addictive')
    expect(termOf('addictiveness')).toBe('addictive')
    expect(termOf('addiction')).toBe('addict')
    expect(termOf('addicted')).toBe('addict')
  })

  it('leaves words with digits alone', () => {
    expect(termOf('2018')).toBe('2018')
    expect(termOf('5ht2a')).toBe('5ht2a')
  })
})

describe('isStopWord', () => {
  it('knows lunr’s English stop words and citation filler', () => {
    for (const w of ['the', 'and', 'of', 'does', 'et', 'al', 'vs']) expect(isStopWord(w), w).toBe(true)
    for (const w of ['ketamine', 'ptsd', 'constructor', '__proto__', 'toString']) expect(isStopWord(w), w).toBe(false)
  })
})
