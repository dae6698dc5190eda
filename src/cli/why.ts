/**
 * The brief handout's "why": the first sentence of a claim's verdict note, whole, so that it gives the reason for the
 * verdict rather than stopping mid-sentence. Two exceptions, both tested against every shipped claim:
 *
 * - a first sentence that only reports what the clinic page says ("The page says that …", "The page credits the
 *   finding to …") gives no reason yet, so the next sentence, which does, comes with it;
 * - a first sentence longer than {@link WHY_SHORT} characters ends at its first colon outside parentheses, where the
 *   note's reason ends and its list of evidence begins (the handout names the key studies after it); without a colon,
 *   one longer than {@link WHY_LENGTH} ends at its last semicolon within that length, and only a sentence with no
 *   such clause boundary is cut at a comma or word, with "…".
 *
 * A clause that ends at a colon or semicolon is an independent clause, so it ends with a full stop. The note itself is
 * never changed: `--full` and `--json` give it whole.
 */

/** A first sentence up to this long (in characters of the note, study ids as written) is kept whole. */
export const WHY_SHORT = 280
/** Without a colon, a first sentence up to this long is kept whole; a longer one ends at a semicolon within it. */
export const WHY_LENGTH = 360

/** Words whose full stop does not end a sentence. */
const ABBREVIATION = /(?:\bet al|\be\.g|\bi\.e|\bvs|\bcf|\bU\.S|\bDr)\.$/i

/** A first sentence that reports what the page says, before any reason ("The page says that …"). */
const REPORTS_THE_PAGE = /^The pages? (?:(?:says?|claims?|states?) that|credits?)\b/

/**
 * The sentences of a text, white space collapsed: each ends at `.`, `!` or `?` followed by a space and a capital, a
 * digit or "(" — not at the full stop of "et al.", "e.g." and the like.
 * @internal
 */
export function sentences(text: string): string[] {
  const out: string[] = []
  const t = text.trim().replace(/\s+/g, ' ')
  let start = 0
  for (const m of t.matchAll(/[.!?](?= [A-Z0-9(])/g)) {
    const end = m.index + 1
    if (ABBREVIATION.test(t.slice(start, end))) continue
    out.push(t.slice(start, end))
    start = end + 1
  }
  if (start < t.length) out.push(t.slice(start))
  return out
}

/** The indexes below `limit` of the characters of `chars` outside parentheses and brackets. */
function outside(text: string, chars: string, limit: number): number[] {
  const found: number[] = []
  let depth = 0
  for (let i = 0; i < Math.min(text.length, limit); i++) {
    const c = text[i]!
    if (c === '(' || c === '[') depth++
    else if ((c === ')' || c === ']') && depth > 0) depth--
    else if (depth === 0 && chars.includes(c)) found.push(i)
  }
  return found
}

/** A first sentence as the "why" gives it (see the module). */
function shorten(sentence: string): string {
  if (sentence.length <= WHY_SHORT) return sentence
  const colon = outside(sentence, ':', sentence.length)[0]
  if (colon !== undefined) return `${sentence.slice(0, colon).trimEnd()}.`
  if (sentence.length <= WHY_LENGTH) return sentence
  const semicolon = outside(sentence, ';', WHY_LENGTH).at(-1)
  if (semicolon !== undefined) return `${sentence.slice(0, semicolon).trimEnd()}.`
  const comma = outside(sentence, ',', WHY_LENGTH - 1).at(-1)
  if (comma !== undefined) return `${sentence.slice(0, comma).trimEnd()} …`
  const space = outside(sentence, ' ', WHY_LENGTH - 1).at(-1)
  return `${sentence.slice(0, space ?? WHY_LENGTH - 1).trimEnd()}…`
}

/**
 * Why a claim got its verdict, in a sentence, from its verdict note (the rules are in the module's comment).
 * @param note - the claim's verdict note, with study ids as written in the data
 * @returns the first sentence of the note (with the next one after a sentence that only reports the page), shortened
 * only at a clause boundary when very long
 * @internal
 */
export function whyOf(note: string): string {
  const [first = '', second] = sentences(note)
  const lead = shorten(first)
  return REPORTS_THE_PAGE.test(first) && second !== undefined ? `${lead} ${shorten(second)}` : lead
}
