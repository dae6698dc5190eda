/**
 * The one folding of words shared by search and the claim checker: lower case, diacritics and compatibility forms
 * flattened, and British spellings mapped to the American form the index and the cues use
 * (data/search/synonyms.json, `spelling`).
 * @internal
 * @packageDocumentation
 */
import { spelling as spellingTable } from '../data/search/synonyms.json'

/**
 * Runs of letters, marks and digits; everything else (punctuation, symbols, spaces, emoji) separates words. Invisible
 * format characters (soft hyphens, zero-width spaces and joiners: `\p{Cf}`) inside a word are part of it, as a reader
 * sees it ("keta\u00admine" pasted from a web page is one word), and folding drops them.
 * @internal
 */
export const WORD = /[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}\p{Cf}]*/gu
const ASCII_WORD = /^[a-z0-9]+$/
const NOT_WORD_CHAR = /[^\p{L}\p{N}]+/gu
const MARKS = /\p{M}+/gu
/** Letters NFKD does not decompose. */
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
}
const SPECIAL_LETTER = /[ßæœøđðłþıħ]/g

/**
 * Folds a word: lower case, diacritics removed (`Grünebaum` → `grunebaum`), compatibility forms flattened, and
 * anything that is not a letter or digit dropped, so the result can never contain query syntax such as `*`.
 * @internal
 */
export function foldWord(word: string): string {
  const lower = word.toLowerCase()
  if (ASCII_WORD.test(lower)) return lower
  return lower
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(SPECIAL_LETTER, (c) => SPECIAL_LETTERS[c] ?? c)
    .replace(NOT_WORD_CHAR, '')
}

const spelling: ReadonlyMap<string, string> = new Map(Object.entries(spellingTable))

/**
 * A folded word in the spelling the index and the cues use (`behaviour` → `behavior`); other words unchanged.
 * @internal
 */
export function spelled(folded: string): string {
  return spelling.get(folded) ?? folded
}
