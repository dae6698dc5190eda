// The cue language. A cue group is a string of slots joined by ` + `; every slot must be found in the same passage
// (one sentence, two neighbouring sentences of a paragraph or a heading or question with the sentence after it, or a
// list item with the sentence that introduces the list). A slot lists alternatives joined by `|`; an alternative is
// one word or a phrase of consecutive words; a word ending in `*` matches any word that starts with it (`fad*`: fade,
// faded, fading), other words match after plural folding (`receptor` matches receptors). `$NAME` stands for the
// alternatives of a macro; inside a phrase (`$KAP is a`) it makes one phrase per alternative, so a word can be tied to
// the words next to it. A group may carry `unless` alternatives: the group does not fire on a passage that contains
// any of them. A group marked `denies` finds passages that say the opposite of the claim ("ketamine is completely
// safe" for the claim that it carries risks): they are reported with the stance flipped (see stance.ts).
import { foldText, stem, type Token } from './text'

/**
 * A cue group as written in the cue table: a string, or a string with vetoes, a mark that it denies the claim, or both.
 * @internal
 */
export type CueGroup = string | { readonly all: string; readonly unless?: string; readonly denies?: true }

interface Word {
  readonly text: string
  readonly prefix: boolean
}

/** One alternative: a word or a phrase. @internal */
export interface Term {
  readonly words: readonly Word[]
  /** The alternative as written, for reports. */
  readonly source: string
}

/** A compiled cue group. @internal */
export interface CompiledGroup {
  readonly slots: readonly (readonly Term[])[]
  readonly unless: readonly Term[]
  /** Whether the group finds passages that deny the claim rather than make it. */
  readonly denies: boolean
  readonly source: string
}

function compileTerm(source: string, where: string): Term {
  const words = foldText(source)
    .split(/[^a-z0-9*]+/)
    .filter((w) => w !== '')
    .map((w): Word => {
      const prefix = w.endsWith('*')
      const text = prefix ? w.slice(0, -1) : w
      if (!/^[a-z0-9]+$/.test(text)) throw new Error(`${where}: bad word "${w}" in "${source}"`)
      if (prefix && text.length < 3) throw new Error(`${where}: prefix "${w}" is shorter than 3 letters`)
      return { text: prefix ? text : stem(text), prefix }
    })
  if (words.length === 0) throw new Error(`${where}: empty alternative`)
  return { words, source: source.trim() }
}

function compileAlternatives(text: string, macros: Readonly<Record<string, string>>, where: string): Term[] {
  const out: Term[] = []
  for (const raw of text.split('|')) {
    const alt = raw.trim()
    const inner = /\$([A-Za-z0-9_]+)/.exec(alt)
    if (inner !== null) {
      // A macro, alone (`$K`) or inside a phrase (`$KAP is a`): one alternative per alternative of the macro, written
      // in its place.
      const macro = macros[inner[1]!]
      if (macro === undefined) throw new Error(`${where}: unknown macro ${inner[0]}`)
      for (const m of macro.split('|')) {
        const phrase = alt.slice(0, inner.index) + m.trim() + alt.slice(inner.index + inner[0].length)
        out.push(...compileAlternatives(phrase, macros, `${where} (${inner[0]})`))
      }
    } else out.push(compileTerm(alt, where))
  }
  return out
}

/**
 * Compiles one cue group; throws a plain `Error` naming the claim on bad syntax (a bug in the cue table, caught by tests).
 * @internal
 */
export function compileGroup(group: CueGroup, macros: Readonly<Record<string, string>>, where: string): CompiledGroup {
  const all = typeof group === 'string' ? group : group.all
  const slots = all.split(' + ').map((slot) => compileAlternatives(slot, macros, where))
  if (slots.length === 0) throw new Error(`${where}: empty group`)
  if (typeof group !== 'string' && group.unless === undefined && group.denies !== true) {
    throw new Error(`${where}: a group written as an object needs unless, denies: true, or both`)
  }
  const unless =
    typeof group === 'string' || group.unless === undefined ? [] : compileAlternatives(group.unless, macros, where)
  return { slots, unless, denies: typeof group !== 'string' && group.denies === true, source: all }
}

function wordMatches(w: Word, t: Token): boolean {
  if (t.word === '') return false
  return w.prefix ? t.word.startsWith(w.text) : t.stem === w.text
}

/**
 * Whether an alternative occurs in a token list (phrases as consecutive words; an empty token marks a sentence
 * boundary, which phrases never cross).
 * @internal
 */
export function termOccurs(term: Term, tokens: readonly Token[]): boolean {
  return termStarts(term, tokens, 1).length > 0
}

/**
 * Where an alternative occurs in a token list: the index of its first word at each occurrence, at most `limit` of them.
 * @internal
 */
export function termStarts(term: Term, tokens: readonly Token[], limit = Infinity): number[] {
  const n = term.words.length
  const starts: number[] = []
  outer: for (let i = 0; i + n <= tokens.length && starts.length < limit; i++) {
    for (let j = 0; j < n; j++) if (!wordMatches(term.words[j]!, tokens[i + j]!)) continue outer
    starts.push(i)
  }
  return starts
}

/**
 * Whether a group is one whose slots could be filled by the same words: an alternative of one slot occurs inside a
 * longer alternative of another ("therapy" in "ketamine therapy is a"). Only such groups need {@link slotsApart}.
 * @internal
 */
export function slotsCanNest(group: CompiledGroup): boolean {
  const inside = (short: Term, long: Term) => {
    for (let i = 0; i + short.words.length <= long.words.length; i++) {
      const fits = short.words.every((w, j) => {
        const l = long.words[i + j]!
        return w.prefix ? l.text.startsWith(w.text) : !l.prefix && l.text === w.text
      })
      if (fits) return true
    }
    return false
  }
  return group.slots.some((slot, a) =>
    group.slots.some(
      (other, b) => a !== b && slot.some((s) => other.some((o) => o.words.length > s.words.length && inside(s, o))),
    ),
  )
}

/** The most placements {@link slotsApart} tries before it gives the benefit of the doubt. @internal */
export const APART_STEPS = 2_000

/**
 * Whether every slot of a group can be filled by words of its own in a token list: one occurrence per slot, no two
 * sharing a word. A passage that only says "ketamine therapy is a breakthrough" fills "ketamine therapy is a" but
 * leaves no separate word for a slot "therapy". Tries the slots in turn, at most {@link APART_STEPS} placements in
 * all (beyond that it answers yes, as if slots could share words), so a hostile passage costs no more than a normal
 * one; it is run only for groups whose slots can nest ({@link slotsCanNest}).
 * @internal
 */
export function slotsApart(group: CompiledGroup, tokens: readonly Token[]): boolean {
  const spans = group.slots.map((slot) =>
    slot.flatMap((term) => termStarts(term, tokens, 8).map((start) => [start, start + term.words.length] as const)),
  )
  const used: (readonly [number, number])[] = []
  let steps = 0
  const place = (s: number): boolean => {
    if (s === spans.length) return true
    for (const span of spans[s]!) {
      if (++steps > APART_STEPS) return true
      if (used.some(([a, b]) => span[0] < b && a < span[1])) continue
      used.push(span)
      if (place(s + 1)) return true
      used.pop()
    }
    return false
  }
  return place(0)
}

/**
 * Tries a group on a passage as the checker does: the alternative found for each slot, or `undefined` when a slot is
 * missing, a veto occurs, or slots that can nest find no words of their own ({@link slotsApart}).
 * @internal
 */
export function matchGroup(group: CompiledGroup, tokens: readonly Token[]): string[] | undefined {
  if (group.unless.some((t) => termOccurs(t, tokens))) return undefined
  const found: string[] = []
  for (const slot of group.slots) {
    const hit = slot.find((t) => termOccurs(t, tokens))
    if (hit === undefined) return undefined
    found.push(hit.source)
  }
  if (slotsCanNest(group) && !slotsApart(group, tokens)) return undefined
  return found
}
