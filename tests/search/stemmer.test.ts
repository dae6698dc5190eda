/**
 * The search entry ships a copy of lunr's Porter stemmer and English stop words (src/search/stemmer.ts) instead of
 * all of lunr. They must agree with lunr 2.3.9 itself on every word of the dataset and on the classic stemmer cases.
 */
import lunr from 'lunr'
import { describe, expect, it } from 'vitest'
import { fullClaims, fullSources, fullStudies } from '../../src/details/index'
import { englishStopWords, porterStemmer } from '../../src/search/stemmer'

const words = new Set<string>()
const text = JSON.stringify([fullStudies(), fullClaims(), fullSources()]).toLowerCase()
for (const w of text.match(/[a-z]+/g) ?? []) words.add(w)
for (const w of [
  'caresses',
  'ponies',
  'ties',
  'caress',
  'cats',
  'feed',
  'agreed',
  'plastered',
  'bled',
  'motoring',
  'sing',
  'conflated',
  'troubled',
  'sized',
  'hopping',
  'tanned',
  'falling',
  'hissing',
  'fizzed',
  'failing',
  'filing',
  'happy',
  'sky',
  'relational',
  'conditional',
  'rational',
  'valenci',
  'hesitanci',
  'digitizer',
  'conformabli',
  'radicalli',
  'differentli',
  'vileli',
  'analogousli',
  'vietnamization',
  'predication',
  'operator',
  'feudalism',
  'decisiveness',
  'hopefulness',
  'callousness',
  'formaliti',
  'sensitiviti',
  'sensibiliti',
  'triplicate',
  'formative',
  'formalize',
  'electriciti',
  'electrical',
  'hopeful',
  'goodness',
  'revival',
  'allowance',
  'inference',
  'airliner',
  'gyroscopic',
  'adjustable',
  'defensible',
  'irritant',
  'replacement',
  'adjustment',
  'dependent',
  'adoption',
  'homologou',
  'communism',
  'activate',
  'angulariti',
  'homologous',
  'effective',
  'bowdlerize',
  'probate',
  'rate',
  'cease',
  'controll',
  'roll',
  'y',
  'a',
  'constructor',
  'toString',
])
  words.add(w)

describe('the copied stemmer and stop words', () => {
  it(`stem ${words.size} words exactly as lunr.stemmer does`, () => {
    expect(words.size).toBeGreaterThan(2000)
    for (const w of words) expect(porterStemmer(w), w).toBe(lunr.stemmer(new lunr.Token(w, {})).toString())
  })
  it('drop exactly the words lunr.stopWordFilter drops', () => {
    const filter = lunr.stopWordFilter as unknown as (t: lunr.Token) => lunr.Token | undefined
    for (const w of words) expect(englishStopWords.has(w), w).toBe(filter(new lunr.Token(w, {})) === undefined)
  })
})
