/**
 * The domain synonym and abbreviation table (data/search/synonyms.json), compiled to index-term sequences.
 * @internal
 * @packageDocumentation
 */
import { groups as synonymGroups } from '../../data/search/synonyms.json'
import { tokenize, type WordToken } from './text'

/**
 * A place in a token sequence where a synonym-group term occurs: tokens `from` (inclusive) to `to` (exclusive).
 * @internal
 */
export interface ConceptMatch {
  /** The index term standing for the group, such as `_trd`. Users can never type it: `_` is not a word character. */
  readonly concept: string
  readonly from: number
  readonly to: number
}

interface Variant {
  readonly concept: string
  readonly terms: readonly string[]
}

/** Prefix of concept terms; never produced by the tokenizer. */
export const CONCEPT_PREFIX = '_'

interface Compiled {
  readonly byFirstTerm: ReadonlyMap<string, readonly Variant[]>
  readonly byConcept: ReadonlyMap<string, readonly (readonly string[])[]>
  readonly related: ReadonlyMap<string, readonly string[]>
  /** Folded words that stand for their group only when written in capitals ("DID", not "did"). */
  readonly capitalsOnly: ReadonlySet<string>
}

interface Group {
  readonly id: string
  readonly terms: readonly string[]
  readonly related?: readonly string[]
  readonly capitalsOnly?: readonly string[]
}
let compiled: Compiled | undefined

/** The synonym table as term sequences, compiled on first use so importing the entry stays cheap. */
function table(): Compiled {
  if (compiled !== undefined) return compiled
  const byFirstTerm = new Map<string, Variant[]>()
  const byConcept = new Map<string, (readonly string[])[]>()
  const related = new Map<string, readonly string[]>()
  const capitalsOnly = new Set<string>()
  for (const group of synonymGroups as readonly Group[]) {
    const concept = `${CONCEPT_PREFIX}${group.id}`
    for (const word of group.capitalsOnly ?? []) for (const t of tokenize(word)) capitalsOnly.add(t.folded)
    if (group.related !== undefined) {
      related.set(
        concept,
        group.related.flatMap((w) =>
          w.startsWith('#') ? [`${CONCEPT_PREFIX}${w.slice(1)}`] : tokenize(w).map((t) => t.term),
        ),
      )
    }
    const list: Variant[] = []
    for (const written of group.terms) {
      const terms = tokenize(written).map((t) => t.term)
      if (terms.length === 0) continue
      const variant: Variant = { concept, terms }
      list.push(variant)
      const bucket = byFirstTerm.get(terms[0]!) ?? []
      bucket.push(variant)
      byFirstTerm.set(terms[0]!, bucket)
    }
    byConcept.set(
      concept,
      list.map((v) => v.terms),
    )
  }
  // Longest variants first, so a greedy scan prefers "treatment resistant depression" over a shorter term.
  for (const bucket of byFirstTerm.values()) {
    bucket.sort(
      (a, b) => b.terms.length - a.terms.length || (a.concept < b.concept ? -1 : a.concept > b.concept ? 1 : 0),
    )
  }
  compiled = { byFirstTerm, byConcept, related, capitalsOnly }
  return compiled
}

/**
 * The terms of a text's tokens as synonym matching reads them: a word the table marks as an abbreviation only in
 * capitals (`capitalsOnly`: "DID" for dissociative identity disorder) becomes `''` wherever it is written otherwise,
 * so the everyday word ("did", "Did") never stands for the group. Index, query and highlighting all read it this way.
 * @param tokens - the tokens of `text`
 * @param text - the text the tokens' offsets point into
 * @internal
 */
export function conceptTerms(tokens: readonly WordToken[], text: string): string[] {
  const { capitalsOnly } = table()
  return tokens.map((t) =>
    capitalsOnly.has(t.folded) && text.slice(t.start, t.end) !== t.folded.toUpperCase() ? '' : t.term,
  )
}

function matchesAt(terms: readonly string[], at: number, variant: Variant): boolean {
  if (at + variant.terms.length > terms.length) return false
  for (let k = 0; k < variant.terms.length; k++) if (terms[at + k] !== variant.terms[k]) return false
  return true
}

/**
 * Every synonym-group occurrence in a term sequence (for indexing): at each position, the longest term of each group
 * that starts there.
 * @internal
 */
export function allConcepts(terms: readonly string[]): ConceptMatch[] {
  const { byFirstTerm } = table()
  const out: ConceptMatch[] = []
  for (let i = 0; i < terms.length; i++) {
    const bucket = byFirstTerm.get(terms[i]!)
    if (bucket === undefined) continue
    const seen = new Set<string>()
    for (const v of bucket) {
      if (seen.has(v.concept) || !matchesAt(terms, i, v)) continue
      seen.add(v.concept)
      out.push({ concept: v.concept, from: i, to: i + v.terms.length })
    }
  }
  return out
}

/**
 * Non-overlapping synonym-group occurrences in a term sequence (for queries), found greedily left to right, longest first.
 * @internal
 */
export function greedyConcepts(terms: readonly string[]): ConceptMatch[] {
  const { byFirstTerm } = table()
  const out: ConceptMatch[] = []
  for (let i = 0; i < terms.length;) {
    const hit = byFirstTerm.get(terms[i]!)?.find((v) => matchesAt(terms, i, v))
    if (hit === undefined) {
      i++
      continue
    }
    out.push({ concept: hit.concept, from: i, to: i + hit.terms.length })
    i += hit.terms.length
  }
  return out
}

/**
 * The term sequences of a concept's group, for highlighting where a group matched.
 * @internal
 */
export function conceptVariants(concept: string): readonly (readonly string[])[] {
  return table().byConcept.get(concept) ?? []
}

/**
 * The index terms a concept also reaches at a lower weight: its group's `related` list, a word ("SSRI" →
 * "antidepressant") or another group (`#synaptogenesis`).
 * @internal
 */
export function relatedTerms(concept: string): readonly string[] {
  return table().related.get(concept) ?? []
}
