// Word normalisation shared by the draft and the cues: lower case, diacritics folded, a few British/American
// spellings folded, split into ASCII letter/digit words, plural endings folded (the light stemmer).

const SPELLING: readonly (readonly [RegExp, string])[] = [
  [/aesth/g, 'esth'], // anaesthetic → anesthetic
  [/iour/g, 'ior'], // behaviour → behavior
  [/oedema/g, 'edema'],
  [/haem/g, 'hem'],
]

/**
 * Lower-cases, folds diacritics and typographic apostrophes, and folds a few British spellings to American ones.
 * @internal
 */
export function foldText(text: string): string {
  let t = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
  t = t.replace(/[\u2018\u2019\u02bc`]/g, "'")
  for (const [re, to] of SPELLING) t = t.replace(re, to)
  return t
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
