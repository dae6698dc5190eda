/**
 * Highlight ranges and snippets. Ranges are computed on the display text itself (re-tokenized with offsets), so they
 * point at the characters as written, diacritics and all.
 * @internal
 * @packageDocumentation
 */
import { conceptTerms, conceptVariants } from './synonyms'
import { tokenize } from './text'

/** Target snippet length in characters (before the `…` marks). */
export const SNIPPET_LENGTH = 180
/** How much context to keep before the first match of a snippet. */
const LEAD = 40

/**
 * What matched in one record: index terms of words, and concept terms of synonym groups.
 * @internal
 */
export interface MatchedTerms {
  readonly terms: ReadonlySet<string>
  readonly concepts: readonly string[]
}

type Range = [start: number, end: number]

/**
 * A display text with its index terms and their offsets, computed once and reused for every highlight.
 * @internal
 */
export interface TokenizedText {
  readonly text: string
  readonly terms: readonly string[]
  /** The terms as synonym groups match them ({@link conceptTerms}). */
  readonly conceptTerms: readonly string[]
  readonly starts: Uint32Array
  readonly ends: Uint32Array
}

/**
 * Tokenizes a display text for highlighting.
 * @internal
 */
export function tokenizeText(text: string): TokenizedText {
  const tokens = tokenize(text)
  return {
    text,
    terms: tokens.map((t) => t.term),
    conceptTerms: conceptTerms(tokens, text),
    starts: Uint32Array.from(tokens, (t) => t.start),
    ends: Uint32Array.from(tokens, (t) => t.end),
  }
}

function conceptMatchAt(terms: readonly string[], i: number, variant: readonly string[]): boolean {
  if (i + variant.length > terms.length) return false
  for (let k = 0; k < variant.length; k++) if (terms[i + k] !== variant[k]) return false
  return true
}

/** How many words (and synonym-group occurrences) of a tokenized text match, without allocating. */
function countMatches(t: TokenizedText, matched: MatchedTerms): number {
  let n = 0
  for (let i = 0; i < t.terms.length; i++) if (matched.terms.has(t.terms[i]!)) n++
  for (const concept of matched.concepts) {
    for (const variant of conceptVariants(concept))
      for (let i = 0; i < t.terms.length; i++) if (conceptMatchAt(t.conceptTerms, i, variant)) n++
  }
  return n
}

/**
 * Ranges of a tokenized text that match, sorted and merged.
 * @internal
 */
export function highlightRanges(t: TokenizedText, matched: MatchedTerms): Range[] {
  const { terms, conceptTerms: conceptSeq, starts, ends } = t
  const ranges: Range[] = []
  for (let i = 0; i < terms.length; i++) if (matched.terms.has(terms[i]!)) ranges.push([starts[i]!, ends[i]!])
  if (matched.concepts.length === 0) return ranges // word ranges come in text order and never overlap
  for (const concept of matched.concepts) {
    for (const variant of conceptVariants(concept)) {
      for (let i = 0; i < terms.length; i++)
        if (conceptMatchAt(conceptSeq, i, variant)) ranges.push([starts[i]!, ends[i + variant.length - 1]!])
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1])
  const merged: Range[] = []
  for (const r of ranges) {
    const last = merged[merged.length - 1]
    if (last !== undefined && r[0] <= last[1]) last[1] = Math.max(last[1], r[1])
    else merged.push(r)
  }
  return merged
}

/**
 * Cuts a snippet from the first candidate text that has a match (the first candidate if none has), around its
 * densest run of matches, at word boundaries; returns it with ranges relative to the snippet. Candidates are
 * `texts(from)`, `texts(from + 1)` … until `undefined`; they are tokenized only as far as needed.
 * @internal
 */
export function makeSnippet(
  texts: (i: number) => TokenizedText | undefined,
  from: number,
  matched: MatchedTerms,
): { text: string; ranges: Range[] } {
  let best = texts(from)
  let bestRanges: Range[] = []
  for (let i = from, t = best; t !== undefined; t = texts(++i)) {
    if (countMatches(t, matched) > 0) {
      best = t
      bestRanges = highlightRanges(t, matched)
      break
    }
  }
  if (best === undefined) return { text: '', ranges: [] }
  const text = best.text
  if (text.length <= SNIPPET_LENGTH) return { text, ranges: bestRanges }

  // The window start that covers the most matches within SNIPPET_LENGTH characters.
  let windowStart = 0
  let windowCount = 0
  for (let i = 0; i < bestRanges.length; i++) {
    const start = bestRanges[i]![0]
    let count = 0
    for (let j = i; j < bestRanges.length && bestRanges[j]![1] <= start + SNIPPET_LENGTH - LEAD; j++) count++
    if (count > windowCount) {
      windowCount = count
      windowStart = start
    }
  }
  let start = Math.max(0, windowStart - LEAD)
  if (start > 0) {
    // Begin at a word: after the nearest space at or before `start`, never past the first match.
    const space = text.lastIndexOf(' ', start)
    start = space < 0 ? 0 : space + 1
  }
  let end = Math.min(text.length, start + SNIPPET_LENGTH)
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end)
    if (space > start) end = space
  }
  const body = text.slice(start, end).replace(/[\s,;:]+$/u, '')
  const prefix = start > 0 ? '…' : ''
  const suffix = start + body.length < text.length ? '…' : ''
  const shift = prefix.length - start
  const ranges: Range[] = []
  for (const [s, e] of bestRanges) {
    if (s >= start && e <= start + body.length) ranges.push([s + shift, e + shift])
  }
  return { text: prefix + body + suffix, ranges }
}
