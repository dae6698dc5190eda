// Word normalisation shared by the draft and the cues: the folding search uses (src/fold.ts), split into ASCII
// letter/digit words, plural endings folded (the checker's light stemmer: cues match whole words or prefixes).
import { foldWord, spelled, WORD } from '../fold'

/** A word of the text: letters, marks and digits (the one word pattern of src/fold.ts). */
const WORD_RUN = new RegExp(WORD.source, 'gu')

/**
 * Chat spellings written out, so that a cue matches "doesnt" and "u" as it matches "doesn't" and "you". Only forms
 * that are not also words ("its", "wont", "ill" and "hed" are left alone, and "im", which cues read as intramuscular).
 */
const INFORMAL: ReadonlyMap<string, string> = new Map([
  ...[
    'don',
    'doesn',
    'didn',
    'isn',
    'wasn',
    'aren',
    'weren',
    'can',
    'couldn',
    'wouldn',
    'shouldn',
    'haven',
    'hasn',
  ].map((w): [string, string] => [`${w}t`, `${w} t`]),
  ['ive', 'i ve'],
  ['thats', 'that s'],
  ['theres', 'there s'],
  ['whats', 'what s'],
  ['u', 'you'],
  ['ur', 'your'],
  ['r', 'are'],
  ['thru', 'through'],
  ['tho', 'though'],
  ['ppl', 'people'],
])

/**
 * Folds every word of a text with the one folding search uses (src/fold.ts: lower case, diacritics and compatibility
 * forms flattened, British spellings to American) and writes out chat spellings ({@link INFORMAL}), leaving
 * everything between words as it is; typographic apostrophes become `'`. The cue compiler keeps its `*` and `|` this
 * way.
 * @internal
 */
export function foldText(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(WORD_RUN, (w) => {
      const folded = spelled(foldWord(w))
      return INFORMAL.get(folded) ?? folded
    })
    .toLowerCase()
}

/**
 * The light stemmer: folds plural endings only (`studies` → `study`, `receptors` → `receptor`, `classes` → `class`).
 * Other endings are handled by prefix cues such as `fad*`.
 * @internal
 */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`
  if (word.endsWith('sses')) return word.slice(0, -2)
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1)
  return word
}

/** One word of a sentence: the folded form (for prefix cues) and its stem (for whole-word cues). @internal */
export interface Token {
  readonly word: string
  readonly stem: string
}

/**
 * Splits text into folded words (`ketamine-assisted` → `ketamine`, `assisted`; `it’s` → `it`, `s`).
 * @internal
 */
export function tokenize(text: string): Token[] {
  return (foldText(text).match(/[a-z0-9]+/g) ?? []).map((word) => ({ word, stem: stem(word) }))
}
