// Finds the passages of a draft that match a claim's cue groups.
import type { ClaimId } from '../index'
import { compileGroup, slotsApart, slotsCanNest, termOccurs, type CompiledGroup, type Term } from './cue-syntax'
import { cueMacros, cues, cuesYieldTo, subjectTerms } from './cues'
import { segment, type Sentence } from './segment'
import { tokenize, type Token } from './text'

/** A sentence boundary in a passage's joined words: matches no cue word. */
const EMPTY_TOKEN: Token = { word: '', stem: '' }

/** A passage that matched a claim: which sentences, and the cue alternatives that were found. @internal */
export interface RawMatch {
  readonly claim: ClaimId
  /** Indexes into the sentence list, ascending (a list's introducing sentence comes first). */
  readonly sentences: readonly number[]
  /** The cue alternatives found, one per slot of each matching group. */
  readonly cues: readonly string[]
  /**
   * More general claims the passage also matched, which yield to this one (their `cuesYieldTo`): the neighbouring
   * claims a writer may also have meant. They are not findings of their own here.
   */
  readonly runnersUp: readonly ClaimId[]
  /** Whether only groups marked `denies` found the passage: it says the opposite of the claim. */
  readonly denies: boolean
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

/**
 * The passages tried: one sentence; two neighbouring sentences of one paragraph, or a heading or a question with the
 * sentence that follows it (its answer), even in the next paragraph; list items with the sentence introducing the
 * list. Two paragraphs are otherwise two thoughts: on text written blind, a claim pieced together from the end of
 * one paragraph and the start of the next was wrong more often than right.
 */
function units(sentences: readonly Sentence[]): number[][] {
  const out: number[][] = []
  sentences.forEach((s, i) => {
    const context = s.lead !== undefined ? [s.lead] : []
    out.push([...context, i])
    const next = sentences[i + 1]
    if (next === undefined) return
    if (s.kind === 'item') {
      if (next.block === s.block) out.push([...context, i, i + 1])
    } else if (next.kind !== 'item' && (next.block === s.block || introducesNext(s))) out.push([i, i + 1])
  })
  return out
}

/** Whether a sentence leads into the next paragraph: a heading, or a question that the next paragraph answers. */
const introducesNext = (s: Sentence): boolean => s.kind === 'heading' || /\?[\s"'\u201d\u2019)*_]*$/.test(s.text)

/** A cue term's words as index keys: `s:<stem>` for a whole word, `p:<prefix>` for a prefix word. */
const wordKey = (w: { readonly text: string; readonly prefix: boolean }): string => `${w.prefix ? 'p' : 's'}:${w.text}`

/** A compiled group with its terms replaced by ids into the index's term list. */
interface IndexedGroup {
  /** Index into the index's `claims`, and the group's position among that claim's groups. */
  readonly claim: number
  readonly order: number
  readonly slots: readonly (readonly { readonly id: number; readonly source: string }[])[]
  readonly unless: readonly number[]
  readonly denies: boolean
  /** The compiled group, kept for the word-level check of a group whose slots can nest (else undefined). */
  readonly nested: CompiledGroup | undefined
  /** The bit mask with one bit per slot: a passage can match when every slot has a term. */
  readonly full: number
}

/** Every distinct cue term once, looked up by the key of its first word, with the group slots that name it. */
interface CueIndex {
  readonly terms: readonly Term[]
  readonly byFirstKey: ReadonlyMap<string, readonly number[]>
  readonly claims: readonly ClaimId[]
  readonly groups: readonly IndexedGroup[]
  /** Term id → the (group, slot) pairs whose alternatives include it. */
  readonly slotsOf: readonly (readonly { readonly group: number; readonly slot: number }[])[]
  /** The longest prefix word: a token contributes its prefixes up to this length. */
  readonly maxPrefix: number
  /** Claim index → the indexes of the claims it yields to (its `cuesYieldTo`), resolved once. */
  readonly yieldTo: readonly (readonly number[])[]
}

let index: CueIndex | undefined

function cueIndex(): CueIndex {
  if (index !== undefined) return index
  const terms: Term[] = []
  const ids = new Map<string, number>()
  const byFirstKey = new Map<string, number[]>()
  const slotsOf: { group: number; slot: number }[][] = []
  const groups: IndexedGroup[] = []
  let maxPrefix = 0
  const idOf = (term: Term): number => {
    const key = term.words.map(wordKey).join(' ')
    let id = ids.get(key)
    if (id === undefined) {
      id = terms.length
      ids.set(key, id)
      terms.push(term)
      slotsOf.push([])
      const first = wordKey(term.words[0]!)
      byFirstKey.set(first, [...(byFirstKey.get(first) ?? []), id])
      for (const w of term.words) if (w.prefix) maxPrefix = Math.max(maxPrefix, w.text.length)
    }
    return id
  }
  const compiledList = compiledCues()
  compiledList.forEach(({ groups: compiledGroups }, c) => {
    compiledGroups.forEach((g, order) => {
      if (g.slots.length > 30) throw new Error(`check: a cue group has more than 30 slots: ${g.source}`)
      const group = groups.length
      const slots = g.slots.map((slot, s) =>
        slot.map((term) => {
          const id = idOf(term)
          if (!slotsOf[id]!.some((x) => x.group === group && x.slot === s)) slotsOf[id]!.push({ group, slot: s })
          return { id, source: term.source }
        }),
      )
      groups.push({
        claim: c,
        order,
        slots,
        unless: g.unless.map(idOf),
        denies: g.denies,
        nested: slotsCanNest(g) ? g : undefined,
        full: 2 ** g.slots.length - 1,
      })
    })
  })
  const claims = compiledList.map((c) => c.claim)
  const yieldTo = claims.map((claim) => (cuesYieldTo[claim] ?? []).map((id) => claims.indexOf(id)))
  index = { terms, byFirstKey, claims, groups, slotsOf, maxPrefix, yieldTo }
  return index
}

/**
 * The ids of the terms whose first word a token can be: looked up by its stem and by its prefixes. Memoised per
 * distinct word (drafts repeat their words), so index keys are built once per word, not once per token.
 */
function candidatesOf(token: Token, cue: CueIndex, memo: Map<string, readonly number[]>): readonly number[] {
  let found = memo.get(token.word)
  if (found !== undefined) return found
  const ids = [...(cue.byFirstKey.get(`s:${token.stem}`) ?? [])]
  for (let n = 3; n <= Math.min(cue.maxPrefix, token.word.length); n++)
    ids.push(...(cue.byFirstKey.get(`p:${token.word.slice(0, n)}`) ?? []))
  found = ids
  memo.set(token.word, found)
  return found
}

/** The ids of the cue terms that occur in one sentence: candidates by first word, phrases confirmed in order. */
function termsIn(tokens: readonly Token[], cue: CueIndex, memo: Map<string, readonly number[]>): number[] {
  const found: number[] = []
  // Each candidate is decided once per sentence: a phrase is looked for in the whole sentence the first time its
  // first word turns up, so repeated words cost nothing more.
  const decided = new Set<number>()
  for (const t of tokens) {
    for (const id of candidatesOf(t, cue, memo)) {
      if (decided.has(id)) continue
      decided.add(id)
      const term = cue.terms[id]!
      if (term.words.length === 1 || termOccurs(term, tokens)) found.push(id)
    }
  }
  return found
}

/**
 * Matches a draft against every claim's cues. Linear in the draft: each sentence is tokenized and looked up in the
 * cue index once (sentences are at most MAX_SENTENCE characters), a passage is judged from the terms of its one to
 * three sentences (a phrase never crosses a sentence boundary, so a passage holds a term exactly when one of its
 * sentences does), and the smallest passages are kept and merged with a set and a union-find.
 * @param text - the draft
 * @returns the sentences and the raw matches, in document order
 * @internal
 */
export function findMatches(text: string): { sentences: Sentence[]; matches: RawMatch[] } {
  const sentences = segment(text)
  const tokens = sentences.map((s) => tokenize(s.text))
  const gate = (subject ??= compileGroup(subjectTerms, cueMacros, 'subject').slots[0]!)
  // The claims we track are all about ketamine: a draft that never names it (or KAP, esketamine) makes none of them.
  if (!tokens.some((t) => gate.some((term) => termOccurs(term, t)))) return { sentences, matches: [] }

  const cue = cueIndex()
  const memo = new Map<string, readonly number[]>()
  const present = tokens.map((t) => termsIn(t, cue, memo))
  /** Per claim, every passage its cues match (whether or not it yields there), in the order the units are tried. */
  const hits: Hit[][] = cue.claims.map(() => [])
  // Per-passage scratch space, reused: a term or group counts for the current passage when its stamp is the passage's.
  const termStamp = new Int32Array(cue.terms.length).fill(-1)
  const groupStamp = new Int32Array(cue.groups.length).fill(-1)
  const groupMask = new Float64Array(cue.groups.length)
  const touched: number[] = []
  let passage = 0
  for (const u of units(sentences)) {
    passage++
    touched.length = 0
    // Which slots of which groups the passage fills: the work is proportional to the cue terms it holds.
    for (const i of u) {
      for (const id of present[i]!) {
        if (termStamp[id] === passage) continue
        termStamp[id] = passage
        for (const { group, slot } of cue.slotsOf[id]!) {
          if (groupStamp[group] !== passage) {
            groupStamp[group] = passage
            groupMask[group] = 0
            touched.push(group)
          }
          groupMask[group] = groupMask[group]! | (2 ** slot)
        }
      }
    }
    const has = (id: number) => termStamp[id] === passage
    // The passage's words, sentences joined with an empty token (phrases never cross it); built once, when needed.
    let joined: Token[] | undefined
    const passageTokens = (): Token[] =>
      (joined ??= u.flatMap((i, n) => (n === 0 ? tokens[i]! : [EMPTY_TOKEN, ...tokens[i]!])))
    // Per claim, the first group (in the cue table's order) whose slots are all filled and that no veto stops.
    let best: Map<number, IndexedGroup> | undefined
    for (const g of touched) {
      const group = cue.groups[g]!
      if (groupMask[g] !== group.full || group.unless.some(has)) continue
      // A group whose slots can nest must find each slot in words of its own.
      if (group.nested !== undefined && !slotsApart(group.nested, passageTokens())) continue
      best ??= new Map()
      const current = best.get(group.claim)
      if (current === undefined || group.order < current.order) best.set(group.claim, group)
    }
    if (best === undefined) continue
    for (const [c, group] of best) {
      const cuesFound = group.slots.map((slot) => slot.find((t) => has(t.id))!.source)
      hits[c]!.push({ u, key: passageKey(u), cues: cuesFound, denies: group.denies, runnersUp: [] })
    }
  }

  // Per claim, its smallest passages: a passage that contains another matching passage of the claim is dropped (a
  // passage has at most three sentences, so its proper subsets are few).
  const minimal = hits.map((claimHits) => {
    const keys = new Set(claimHits.map((h) => h.key))
    return claimHits.filter((h) => !properSubsets(h.u).some((sub) => keys.has(passageKey(sub))))
  })
  const lost = yieldToSpecific(cue, hits, minimal)

  const matches: RawMatch[] = []
  cue.claims.forEach((claim, c) => {
    const kept = minimal[c]!.filter((h) => !lost.has(h))
    if (kept.length === 0) return
    // Merge passages that share a sentence (connected components, by union-find over sentence indexes).
    const parent = new Map<number, number>()
    const find = (x: number): number => {
      let root = x
      while (parent.get(root)! !== root) root = parent.get(root)!
      for (let y = x; y !== root;) {
        const next = parent.get(y)!
        parent.set(y, root)
        y = next
      }
      return root
    }
    for (const h of kept) {
      for (const i of h.u) if (!parent.has(i)) parent.set(i, i)
      for (const i of h.u.slice(1)) {
        const a = find(h.u[0]!)
        const b = find(i)
        if (a !== b) parent.set(Math.max(a, b), Math.min(a, b))
      }
    }
    const groups = new Map<number, { set: Set<number>; cues: Set<string>; runnersUp: Set<ClaimId>; denies: boolean }>()
    for (const h of kept) {
      const root = find(h.u[0]!)
      let g = groups.get(root)
      if (g === undefined)
        groups.set(root, (g = { set: new Set(), cues: new Set(), runnersUp: new Set(), denies: true }))
      for (const i of h.u) g.set.add(i)
      for (const cueWord of h.cues) g.cues.add(cueWord)
      for (const r of h.runnersUp) g.runnersUp.add(cue.claims[r]!)
      g.denies &&= h.denies
    }
    const ordered = [...groups.values()].map((g) => ({
      sentences: [...g.set].sort((x, y) => x - y),
      cues: [...g.cues].sort(),
      runnersUp: [...g.runnersUp].sort(),
      denies: g.denies,
    }))
    ordered.sort((a, b) => a.sentences[0]! - b.sentences[0]!)
    for (const g of ordered) matches.push({ claim, ...g })
  })
  const key = (m: RawMatch) => sentences[m.sentences[0]!]!.startLine
  matches.sort((a, b) => key(a) - key(b) || (a.claim < b.claim ? -1 : a.claim > b.claim ? 1 : 0))
  return { sentences, matches }
}

/** A passage where a claim's cues matched, before passages are merged. */
interface Hit {
  readonly u: readonly number[]
  /** {@link passageKey} of `u`. */
  readonly key: string
  readonly cues: readonly string[]
  readonly denies: boolean
  /** Indexes of the claims that gave way to this one here (filled in by {@link yieldToSpecific}). */
  readonly runnersUp: number[]
}

/**
 * One best claim per passage (`cuesYieldTo`): a general claim gives way where a more specific claim's own passage (one
 * of its smallest) shares a sentence with the general claim's passage and both claims match the passage the two make
 * together. "Wilkinson and colleagues found that adding therapy makes ketamine work better in treatment-resistant
 * depression" is one sentence making the specific claim, so the treatment-resistant-depression indication gives way
 * to it; a sentence of its own after it ("Ketamine may help some people with PTSD") makes a claim of its own and is
 * reported, although the two share a two-sentence window. A claim that gives way becomes a runner-up of the passage
 * it gave way to, or, when that passage gave way in turn, of the passage that one gave way to.
 * @param cue - the cue index (for each claim, the claims it yields to)
 * @param hits - per claim, every passage it matched
 * @param minimal - per claim, its smallest matching passages
 * @returns the passages that gave way; their claims are now runners-up of the passages they gave way to
 */
function yieldToSpecific(
  cue: CueIndex,
  hits: readonly (readonly Hit[])[],
  minimal: readonly (readonly Hit[])[],
): Set<Hit> {
  // Per winning claim, its smallest passages by sentence, to find those that share a sentence with a passage quickly.
  const bySentence = new Map<number, Map<number, Hit[]>>()
  const passagesOf = (w: number): Map<number, Hit[]> => {
    let map = bySentence.get(w)
    if (map === undefined) {
      map = new Map()
      for (const h of minimal[w]!) for (const i of h.u) map.set(i, [...(map.get(i) ?? []), h])
      bySentence.set(w, map)
    }
    return map
  }
  // Per claim, every passage it matched (not only its smallest).
  const matched = hits.map((claimHits) => new Set(claimHits.map((h) => h.key)))
  /** Per passage that may give way, the passages of more specific claims it may give way to. */
  const gaveWayTo = new Map<Hit, Hit[]>()
  const claimOf = new Map<Hit, number>()
  minimal.forEach((claimHits, c) => {
    for (const h of claimHits) claimOf.set(h, c)
    const winners = cue.yieldTo[c]!
    if (winners.length === 0) return
    for (const h of claimHits) {
      const taking = [
        ...new Set(
          winners.flatMap((w) =>
            h.u
              .flatMap((i) => passagesOf(w).get(i) ?? [])
              .filter((q) => {
                const both = passageKey([...new Set([...h.u, ...q.u])])
                return matched[c]!.has(both) && matched[w]!.has(both)
              }),
          ),
        ),
      ]
      if (taking.length > 0) gaveWayTo.set(h, taking)
    }
  })
  // A passage gives way only to a passage that is still reported itself: one that gave way in turn names no finding
  // at that place (the build forbids two claims giving way to each other; `deciding` guards against longer cycles).
  const lost = new Map<Hit, boolean>()
  const deciding = new Set<Hit>()
  const isLost = (h: Hit): boolean => {
    const known = lost.get(h)
    if (known !== undefined) return known
    const candidates = gaveWayTo.get(h)
    if (candidates === undefined || deciding.has(h)) return false
    deciding.add(h)
    const result = candidates.some((q) => !isLost(q))
    deciding.delete(h)
    lost.set(h, result)
    return result
  }
  const out = new Set<Hit>()
  for (const [h, candidates] of gaveWayTo) {
    if (!isLost(h)) continue
    out.add(h)
    // It is a runner-up of each passage it gave way to.
    const c = claimOf.get(h)!
    for (const q of candidates) if (!isLost(q) && !q.runnersUp.includes(c)) q.runnersUp.push(c)
  }
  return out
}

/** A passage as a key: its sentence indexes, sorted. */
const passageKey = (u: readonly number[]): string => [...u].sort((x, y) => x - y).join(',')

/** The non-empty proper subsets of a passage (at most three sentences, so at most six). */
function properSubsets(u: readonly number[]): number[][] {
  const out: number[][] = []
  for (let mask = 1; mask < (1 << u.length) - 1; mask++) out.push(u.filter((_, i) => (mask & (1 << i)) !== 0))
  return out
}
