/**
 * Text analysis shared by indexing, querying and highlighting: one tokenizer, one fold, one stemmer, so a word in a
 * record and the same word typed by a visitor always meet as the same index term.
 * @internal
 * @packageDocumentation
 */
import { foldWord, spelled, WORD } from '../fold'
import { englishStopWords, porterStemmer } from './stemmer'

/**
 * A word of a text, with its place in the original string (UTF-16 offsets, `end` exclusive).
 * @internal
 */
export { foldWord } from '../fold'

export interface WordToken {
  /** The folded form: lower case, no diacritics, only letters and digits; never empty. */
  readonly folded: string
  /** The index term: the folded form after spelling normalisation and stemming. */
  readonly term: string
  readonly start: number
  readonly end: number
}

/**
 * Words whose Porter stem would merge two ideas a visitor keeps apart: "addictive" (a risk of the drug) and
 * "addiction" (the disorder some trials treat) both stem to "addict". Such a word (and its longer forms, such as
 * "addictiveness") is an index term of its own.
 */
const KEPT_APART = /^(addictive)/

const STEM_CACHE_LIMIT = 20_000
const stemCache = new Map<string, string>()

/**
 * The index term for a folded word: British spellings mapped to one form, then lunr's English (Porter) stemmer (except
 * for the few words {@link KEPT_APART}).
 * Cached; the cache is bounded so a stream of junk queries cannot grow it without limit.
 * @internal
 */
export function termOf(folded: string): string {
  const cached = stemCache.get(folded)
  if (cached !== undefined) return cached
  const form = spelled(folded)
  const stemmed = KEPT_APART.exec(form)?.[1] ?? (/\d/.test(form) ? form : porterStemmer(form))
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear()
  stemCache.set(folded, stemmed)
  return stemmed
}

/**
 * Splits text into words with their offsets, folded and stemmed. Apostrophes and hyphens separate words.
 * @internal
 */
export function tokenize(text: string): WordToken[] {
  const out: WordToken[] = []
  WORD.lastIndex = 0
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const folded = foldWord(m[0])
    if (folded === '') continue
    out.push({ folded, term: termOf(folded), start: m.index, end: m.index + m[0].length })
  }
  return out
}

/** Citation filler ("Dore et al., 2019") and connectives, on top of lunr's English list. */
const EXTRA_STOP_WORDS = new Set(['al', 'et', 'etc', 'eg', 'ie', 'vs', 'versus'])

/**
 * Whether a folded word is a stop word (lunr's English list, plus citation filler such as "et al."); stop words are
 * neither indexed nor searched.
 * @internal
 */
export function isStopWord(folded: string): boolean {
  return EXTRA_STOP_WORDS.has(folded) || englishStopWords.has(folded)
}

/**
 * Question and filler words ("does ketamine help PTSD?", "who should not take it", "how long does it last"): they
 * tell how a visitor asks, not what about. A query keeps them only when it has nothing else; otherwise they neither
 * count as required nor add to a record's score. Negations ("not", "no") are not here: they change what is asked.
 * @internal
 */
export const FILLER_WORDS: ReadonlySet<string> = new Set([
  'actually',
  'anybody',
  'anyone',
  'anything',
  'basically',
  'better',
  'doe',
  'doing',
  'done',
  'everyone',
  'gets',
  'getting',
  'give',
  'go',
  'going',
  'gonna',
  'good',
  'guess',
  'hear',
  'heard',
  'help',
  'helped',
  'helpful',
  'helps',
  'keep',
  'keeps',
  'kind',
  'know',
  'long',
  'lot',
  'lots',
  'make',
  'makes',
  'many',
  'maybe',
  'mean',
  'much',
  'need',
  'ok',
  'okay',
  'people',
  'please',
  'pretty',
  'probably',
  'really',
  'say',
  'saying',
  'somebody',
  'someone',
  'sort',
  'stuff',
  'sure',
  'take',
  'takes',
  'taking',
  'tell',
  'thing',
  'things',
  'think',
  'use',
  'used',
  'using',
  'usually',
  'wanna',
  'want',
  'way',
  'whats',
  'wonder',
  'wondering',
  'wrote',
])

/**
 * Whether a folded word is a question or filler word ({@link FILLER_WORDS}).
 * @internal
 */
export function isFillerWord(folded: string): boolean {
  return FILLER_WORDS.has(folded)
}
