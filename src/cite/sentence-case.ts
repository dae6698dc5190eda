// Sentence case for the titles of the shipped records, in the styles whose reference lists ask for it. The records keep
// each title as its publisher printed it (often in headline case); APA 7, AMA 11, Vancouver (NLM) and Harvard (Cite
// Them Right) capitalise only a title's first word, proper nouns and abbreviations, and CSL has no reliable conversion
// (its text-case="sentence" leaves mixed-case text alone), so the styles printed whatever case the journal used.
// Which styles and item types use it: style-records.ts.

/**
 * Proper nouns of the shipped titles that are written with an initial capital only (so nothing else marks them):
 * checked against every shipped title by tests/cite/sentence-case.test.ts, whose fixture lists each converted title.
 */
const PROPER_NOUNS: ReadonlySet<string> = new Set(['Janssen'])

/** A word piece that keeps its case: an abbreviation or a name with inner capitals (NMDA, mTOR, SV2A, U.S.), digits, a proper noun. */
function keepsCase(piece: string, inCompound: boolean): boolean {
  const letters = piece.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
  if (letters === '') return true
  if (/\p{N}/u.test(letters) || /\p{Lu}/u.test(letters.slice(1))) return true
  // A single capital inside a compound is a chemical locant or prefix: N-methyl-D-aspartate, (R)-ketamine.
  if (inCompound && /^\p{Lu}$/u.test(letters)) return true
  return PROPER_NOUNS.has(letters)
}

const upperFirst = (piece: string): string => piece.replace(/\p{L}/u, (c) => c.toUpperCase())
const lowerFirst = (piece: string): string => piece.replace(/\p{L}/u, (c) => c.toLowerCase())

/** Whether a word ends a sentence: a final . ? or !, but not the period of an abbreviation written with periods (U.S.). */
const endsSentence = (word: string): boolean => /[.?!]["'’”)]*$/.test(word) && !/^\(?(?:\p{L}\.){2,}\)?$/u.test(word)

/**
 * A title in sentence case: the first word and the first word of each further sentence capitalised, the first word
 * after a colon as `subtitle` says, every other word's initial capital lowered unless the word keeps its case (see
 * {@link keepsCase}). Only initial letters change, so the text is otherwise the same; linear in its length.
 * @internal
 */
export function sentenceCase(title: string, subtitle: 'capital' | 'lower'): string {
  let start: 'sentence' | 'subtitle' | undefined = 'sentence'
  return title.replace(/\S+/g, (word) => {
    const position = start
    start = endsSentence(word) ? 'sentence' : /:["'’”)]*$/.test(word) ? 'subtitle' : undefined
    const pieces = word.split(/([-‐‑–—/])/)
    const compound = pieces.length > 1
    return pieces
      .map((piece, i) => {
        if (i % 2 === 1 || keepsCase(piece, compound)) return piece
        if (i === 0 && (position === 'sentence' || (position === 'subtitle' && subtitle === 'capital')))
          return upperFirst(piece)
        return lowerFirst(piece)
      })
      .join('')
  })
}
