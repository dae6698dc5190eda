import { describe, expect, it } from 'vitest'
import {
  highlightRanges,
  makeSnippet,
  SNIPPET_LENGTH,
  tokenizeText,
  type MatchedTerms,
} from '../../src/search/highlight'
import { termOf } from '../../src/search/text'

const matched = (words: string[], concepts: string[] = []): MatchedTerms => ({
  terms: new Set(words.map(termOf)),
  concepts,
})
const list = (texts: ReturnType<typeof tokenizeText>[]) => (i: number) => texts[i]
const show = (text: string, ranges: [number, number][]) => ranges.map(([s, e]) => text.slice(s, e))

describe('highlightRanges', () => {
  it('marks matching words as written, whatever their case, accents or endings', () => {
    const text = 'Ketamine infusions; KETAMINE infusion; Grünebaum'
    expect(show(text, highlightRanges(tokenizeText(text), matched(['ketamine', 'infusion', 'grunebaum'])))).toEqual([
      'Ketamine',
      'infusions',
      'KETAMINE',
      'infusion',
      'Grünebaum',
    ])
  })

  it('marks a whole synonym phrase and merges it with words inside it', () => {
    const text = 'Adults with treatment-resistant depression (TRD) and depression'
    const ranges = highlightRanges(tokenizeText(text), matched(['depression'], ['_trd']))
    expect(show(text, ranges)).toEqual(['treatment-resistant depression', 'TRD', 'depression'])
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]![0]).toBeGreaterThan(ranges[i - 1]![1])
  })

  it('marks an abbreviation that stands for its group only in capitals where it is written so', () => {
    const text = 'It did not help, Did it? DID, or dissociative identity disorder'
    expect(show(text, highlightRanges(tokenizeText(text), matched([], ['_did'])))).toEqual([
      'DID',
      'dissociative identity disorder',
    ])
  })

  it('marks nothing when nothing matches', () => {
    expect(highlightRanges(tokenizeText('no match here'), matched(['ketamine']))).toEqual([])
    expect(highlightRanges(tokenizeText(''), matched(['ketamine']))).toEqual([])
  })
})

describe('makeSnippet', () => {
  const long =
    `${'Background words without interest. '.repeat(12)}The key result: midazolam was the comparator and ` +
    `midazolam sedates. ${'Trailing filler sentence. '.repeat(12)}`

  it('returns short texts whole, with their ranges', () => {
    const s = makeSnippet(list([tokenizeText('Ketamine versus midazolam.')]), 0, matched(['midazolam']))
    expect(s.text).toBe('Ketamine versus midazolam.')
    expect(show(s.text, s.ranges)).toEqual(['midazolam'])
  })

  it('cuts long texts around the matches, at word boundaries, marking cuts with …', () => {
    const s = makeSnippet(list([tokenizeText(long)]), 0, matched(['midazolam']))
    expect(s.text.startsWith('…')).toBe(true)
    expect(s.text.endsWith('…')).toBe(true)
    expect(s.text.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 2)
    expect(s.text.slice(1, 2)).not.toBe(' ')
    expect(show(s.text, s.ranges)).toEqual(['midazolam', 'midazolam'])
    expect(s.text).toContain('The key result')
  })

  it('starts at the beginning when nothing matches', () => {
    const s = makeSnippet(list([tokenizeText(long)]), 0, matched(['absent']))
    expect(s.text.startsWith('Background words')).toBe(true)
    expect(s.text.endsWith('…')).toBe(true)
    expect(s.ranges).toEqual([])
  })

  it('takes the first candidate text with a match, else the first, and tokenizes no further than needed', () => {
    const texts = ['first text about dosing', 'second text about midazolam', 'third midazolam and midazolam'].map(
      tokenizeText,
    )
    const asked: number[] = []
    const get = (i: number) => {
      asked.push(i)
      return texts[i]
    }
    expect(makeSnippet(get, 0, matched(['midazolam'])).text).toBe('second text about midazolam')
    expect(asked).toEqual([0, 1])
    expect(makeSnippet(list(texts), 0, matched(['absent'])).text).toBe('first text about dosing')
    expect(makeSnippet(list(texts), 2, matched(['absent'])).text).toBe('third midazolam and midazolam')
    expect(makeSnippet(list([]), 0, matched(['x']))).toEqual({ text: '', ranges: [] })
  })
})
