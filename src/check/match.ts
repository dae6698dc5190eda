// Finds the passages of a draft that match a claim's cue groups.
import type { ClaimId } from '../index'
import { compileGroup, matchGroup, termOccurs, type CompiledGroup, type Term } from './cue-syntax'
import { cueMacros, cues, subjectTerms } from './cues'
import { segment, type Sentence } from './segment'
import { tokenize, type Token } from './text'

/** A passage that matched a claim: which sentences, and the cue alternatives that were found. @internal */
export interface RawMatch {
  readonly claim: ClaimId
  /** Indexes into the sentence list, ascending (a list's introducing sentence comes first). */
  readonly sentences: readonly number[]
  /** The cue alternatives found, one per slot of each matching group. */
  readonly cues: readonly string[]
}

let compiled: { claim: ClaimId; groups: CompiledGroup[] }[] | undefined
let subject: readonly Term[] | undefined

/**
 * The cue table, compiled once.
 * @internal
 */
export function compiledCues(): { claim: ClaimId; groups: CompiledGroup[] }[] {
  compiled ??= (Object.keys(cues) as ClaimId[]).sort().map((claim) => ({
    claim,
    groups: cues[claim].map((g, i) => compileGroup(g, cueMacros, `${claim} group ${i + 1}`)),
  }))
  return compiled
}

const BOUNDARY: Token = { word: '', stem: '' }

/** The passages tried: one sentence, two neighbouring sentences, list items with the sentence introducing the list. */
function units(sentences: readonly Sentence[]): number[][] {
  const out: number[][] = []
  sentences.forEach((s, i) => {
    const context = s.lead !== undefined ? [s.lead] : []
    out.push([...context, i])
    const next = sentences[i + 1]
    if (next === undefined) return
    if (s.kind === 'item') {
      if (next.block === s.block) out.push([...context, i, i + 1])
    } else if (next.kind !== 'item') out.push([i, i + 1])
  })
  return out
}

/**
 * Matches a draft against every claim's cues.
 * @param text - the draft
 * @returns the sentences and the raw matches, in document order
 * @internal
 */
export function findMatches(text: string): { sentences: Sentence[]; matches: RawMatch[] } {
  const sentences = segment(text)
  const tokens = sentences.map((s) => tokenize(s.text))
  const gate = (subject ??= compileGroup(subjectTerms, cueMacros, 'subject').slots[0]!)
  // The claims we track are all about ketamine: a draft that never names it (or KAP, esketamine) makes none of them.
  const all = tokens.flatMap((t) => [...t, BOUNDARY])
  if (!gate.some((t) => termOccurs(t, all))) return { sentences, matches: [] }

  const candidates = units(sentences).map((u) => ({ u, tokens: u.flatMap((i, n) => (n === 0 ? tokens[i]! : [BOUNDARY, ...tokens[i]!])) }))
  const matches: RawMatch[] = []
  for (const { claim, groups } of compiledCues()) {
    const hits: { u: number[]; cues: string[] }[] = []
    for (const c of candidates) {
      for (const g of groups) {
        const found = matchGroup(g, c.tokens)
        if (found) {
          hits.push({ u: c.u, cues: found })
          break
        }
      }
    }
    // Keep the smallest passages: drop a passage that contains another matching passage.
    const minimal = hits.filter((h) => !hits.some((o) => o !== h && o.u.length < h.u.length && o.u.every((i) => h.u.includes(i))))
    // Merge passages that share a sentence.
    const merged: { set: Set<number>; cues: Set<string> }[] = []
    for (const h of minimal) {
      const into = merged.find((m) => h.u.some((i) => m.set.has(i)))
      if (into) {
        for (const i of h.u) into.set.add(i)
        for (const c of h.cues) into.cues.add(c)
      } else merged.push({ set: new Set(h.u), cues: new Set(h.cues) })
    }
    // A second pass joins groups that became connected through a later passage.
    for (let changed = true; changed; ) {
      changed = false
      for (let a = 0; a < merged.length && !changed; a++) {
        for (let b = a + 1; b < merged.length && !changed; b++) {
          if ([...merged[b]!.set].some((i) => merged[a]!.set.has(i))) {
            for (const i of merged[b]!.set) merged[a]!.set.add(i)
            for (const c of merged[b]!.cues) merged[a]!.cues.add(c)
            merged.splice(b, 1)
            changed = true
          }
        }
      }
    }
    for (const m of merged) matches.push({ claim, sentences: [...m.set].sort((x, y) => x - y), cues: [...m.cues].sort() })
  }
  const key = (m: RawMatch) => sentences[m.sentences[0]!]!.startLine
  matches.sort((a, b) => key(a) - key(b) || (a.claim < b.claim ? -1 : a.claim > b.claim ? 1 : 0))
  return { sentences, matches }
}
