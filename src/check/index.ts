// The claim checker used by `kap-literature check`: finds passages of a draft that make one of the claims this
// library tracks and reports each claim's verdict and the studies to cite. Not a public entry: the CLI is the
// interface. How it works and its measured precision and recall: docs/claim-checker.md.
import { getClaim, type CitableStudyId, type ClaimId, type Relation, type StudyId, type Verdict } from '../index'
import { getDetails } from '../details/index'
import { formatCitation } from '../citations/index'
import { findMatches, type RawMatch } from './match'
import { insideQuotations, stanceOf, type Stance, type StanceContext } from './stance'
import type { Quiz } from './segment'

export type { Stance } from './stance'

/** The longest excerpt of the draft a report may show. @internal */
export const EXCERPT_MAX = 120

/** A study to cite for a matched claim, or against it. @internal */
export interface CiteSuggestion {
  readonly id: CitableStudyId
  readonly relation: Extract<Relation, 'supports' | 'partly-supports' | 'contradicts' | 'partly-contradicts'>
  /** APA 7 in-text citation, e.g. `(Dore et al., 2019)`. */
  readonly citation: string
}

/** One passage of the draft that makes a tracked claim. @internal */
export interface CheckMatch {
  readonly claim: ClaimId
  readonly statement: string
  readonly verdict: Verdict
  readonly verdictNote: string
  /** First and last line (1-based) of the passage. */
  readonly lines: { readonly start: number; readonly end: number }
  /** At most {@link EXCERPT_MAX} characters of the passage. */
  readonly excerpt: string
  /** The cue words that matched (from the cue table, not from the draft). */
  readonly cues: readonly string[]
  /** Evidence that supports or partly supports the claim: supports first, then partly-supports, in record order. */
  readonly cite: readonly CiteSuggestion[]
  /** All of `cite` as one APA in-text citation ('' when nothing supports the claim). */
  readonly citation: string
  /** Evidence that contradicts or partly contradicts the claim: contradicts first, then partly-contradicts (usually none). */
  readonly against: readonly CiteSuggestion[]
  /** All of `against` as one APA in-text citation ('' when nothing contradicts the claim). */
  readonly againstCitation: string
  /**
   * How the passage puts the claim: `asserted`, or labelled `question`, `negated` (denied or doubted) or `reported`
   * (what others say). Labelled passages are still reported, so a writer sees them, but are not claims the draft makes.
   */
  readonly stance: Stance
  /**
   * More general claims the passage also matched but which yield to this one (their `cuesYieldTo`), so they are not
   * reported on their own here: the neighbouring claims the writer may also have meant. Usually empty.
   */
  readonly runnersUp: readonly ClaimId[]
}

/**
 * The stance of a match whose passage reads `stance`. A passage found by groups that deny the claim ("ketamine is
 * completely safe", of the claim that it has risks) says the opposite: asserted becomes negated, and a denial of it
 * ("it is a myth that ketamine is risk-free") asserts the claim.
 */
function turnedRound(stance: Stance, denies: boolean): Stance {
  if (!denies) return stance
  return stance === 'asserted' ? 'negated' : stance === 'negated' ? 'asserted' : stance
}

/**
 * Shortens text to at most `max` characters at a word boundary, marking the cut with `…`.
 * @internal
 */
export function truncate(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim()
  if (t.length <= max) return t
  if (max <= 1) return '…'.slice(0, max)
  const cut = t.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`
}

/** Joins passage parts into one excerpt of at most EXCERPT_MAX characters; a list item keeps priority over its lead. */
function excerptOf(parts: readonly string[], consecutive: boolean): string {
  if (consecutive || parts.length === 1) return truncate(parts.join(' '), EXCERPT_MAX)
  const last = truncate(parts.slice(1).join(' '), Math.floor(EXCERPT_MAX * 0.6))
  return `${truncate(parts[0]!, EXCERPT_MAX - last.length - 3)} … ${last}`
}

interface Citations {
  readonly cite: readonly CiteSuggestion[]
  readonly citation: string
  readonly against: readonly CiteSuggestion[]
  readonly againstCitation: string
}

const citeCache = new Map<ClaimId, Citations>()

/** The claim's evidence of the given relations, in that order and then in record order, each with its APA citation. */
function suggestions(claim: ClaimId, relations: readonly CiteSuggestion['relation'][]): readonly CiteSuggestion[] {
  const evidence = getClaim(claim).evidence
  return Object.freeze(
    relations.flatMap((relation) =>
      evidence
        .filter((e) => e.relation === relation)
        .map((e) => Object.freeze({ id: e.study, relation, citation: formatCitation([e.study], { style: 'apa' }) })),
    ),
  )
}

/** One APA in-text citation of every suggestion ('' for none). */
const together = (list: readonly CiteSuggestion[]): string =>
  list.length > 0
    ? formatCitation(
        list.map((c) => c.id),
        { style: 'apa' },
      )
    : ''

function citationsFor(claim: ClaimId): Citations {
  let hit = citeCache.get(claim)
  if (hit === undefined) {
    const cite = suggestions(claim, ['supports', 'partly-supports'])
    const against = suggestions(claim, ['contradicts', 'partly-contradicts'])
    // Frozen: every match of this claim, in every call, shares these objects.
    hit = Object.freeze({ cite, citation: together(cite), against, againstCitation: together(against) })
    citeCache.set(claim, hit)
  }
  return hit
}

/** The stance of a true-or-false quiz's statement: keyed true, keyed false, or left to the learners to judge. */
const QUIZ_STANCE: Readonly<Record<Quiz, Stance>> = { true: 'asserted', false: 'negated', open: 'question' }

/**
 * Finds the passages of a draft that make a tracked claim.
 * @param text - the draft, Markdown or plain text
 * @returns one match per passage and claim, in document order (then by claim id)
 * @internal
 */
export function checkDraft(text: string): CheckMatch[] {
  const { sentences, matches } = findMatches(text)
  // One passage can make several claims: its stance is worked out once (from its sentences, with the sentence
  // introducing its list), then turned round for a match that denies its claim.
  const stances = new Map<string, Stance>()
  let quoted: readonly boolean[] | undefined
  // What surrounds a passage: whether it lies inside a longer quotation, and the sentence after it in its block.
  const contextOf = (indices: readonly number[]): StanceContext => {
    quoted ??= insideQuotations(sentences)
    const last = indices[indices.length - 1]!
    const after = sentences[last + 1]
    const next = after !== undefined && after.block === sentences[last]!.block ? after.text : undefined
    return { quoted: indices.some((i) => quoted![i]!), next }
  }
  const stance = (m: RawMatch): Stance => {
    const key = m.sentences.join(',')
    let st = stances.get(key)
    if (st === undefined) {
      // A true-or-false statement is put as its answer key puts it, or asked when no key does.
      const quiz = m.sentences.map((i) => sentences[i]!.quiz).find((q) => q !== undefined)
      st =
        quiz !== undefined
          ? QUIZ_STANCE[quiz]
          : stanceOf(
              m.sentences.map((i) => sentences[i]!.text),
              contextOf(m.sentences),
            )
      // What a table of sources says its sources found is reported, whether they found it or found against it.
      if (quiz === undefined && st !== 'question' && m.sentences.some((i) => sentences[i]!.reported)) st = 'reported'
      stances.set(key, st)
    }
    return turnedRound(st, m.denies)
  }
  const lineRange = (indices: readonly number[]) => ({
    // reduce, not Math.min(...): a passage merged across a long list can hold more sentences than a call has arguments.
    start: indices.reduce((a, i) => Math.min(a, sentences[i]!.startLine), Infinity),
    end: indices.reduce((a, i) => Math.max(a, sentences[i]!.endLine), -Infinity),
  })
  const passages = mergeOverlapping(
    matches.map((m) => ({ ...m, lines: lineRange(m.sentences), stance: stance(m) })),
    lineRange,
  )
  return passages.map((m) => {
    const parts = m.sentences.map((i) => sentences[i]!)
    const consecutive = m.sentences.every((i, n) => n === 0 || i === m.sentences[n - 1]! + 1)
    const claim = getClaim(m.claim)
    return {
      claim: m.claim,
      statement: claim.statement,
      verdict: claim.verdict,
      verdictNote: getDetails(m.claim).verdictNote,
      lines: m.lines,
      excerpt: excerptOf(
        parts.map((p) => p.text),
        consecutive,
      ),
      cues: m.cues,
      ...citationsFor(m.claim),
      stance: m.stance,
      runnersUp: m.runnersUp,
    }
  })
}

/** A matched passage with its line range and stance, before it becomes a {@link CheckMatch}. @internal */
export interface Passage {
  readonly claim: ClaimId
  /** Indexes into the sentence list, ascending. */
  readonly sentences: readonly number[]
  readonly cues: readonly string[]
  readonly runnersUp: readonly ClaimId[]
  readonly lines: { readonly start: number; readonly end: number }
  readonly stance: Stance
}

/**
 * Merges the passages of one claim whose line ranges overlap, as docs/claim-checker.md (step 7) says: two sentences
 * that share a line ("Ketamine is not risk-free. Side effects include…" on line 27, the second running to line 29)
 * are found apart by the cues, but a writer sees one passage, so the report lists it once, as lines 27-29. The merged
 * passage holds the sentences, cues and runners-up of both and keeps the stance of the first. Passages of different
 * claims, and passages of one claim on lines of their own, stay apart.
 * @param passages - in document order (by first line, then claim id)
 * @param lineRange - the line range of a set of sentences
 * @returns the passages, merged, in the same order
 * @internal
 */
export function mergeOverlapping(
  passages: readonly Passage[],
  lineRange: (sentences: readonly number[]) => Passage['lines'],
): Passage[] {
  // Each passage of the output, or the sets a merged one gathers: merging copies nothing, so a document of one long
  // line that repeats a claim (every sentence sharing that line) merges in linear time (review 29: it was quadratic,
  // 242 s for 5 MB). A merged passage is put together once, at the end.
  interface Open {
    readonly first: Passage
    readonly sentences: Set<number>
    readonly cues: Set<string>
    readonly runnersUp: Set<ClaimId>
    end: number
  }
  const out: (Passage | Open)[] = []
  // Per claim, the index in `out` of its last passage: in document order a later passage can only overlap that one.
  const last = new Map<ClaimId, number>()
  const endOf = (o: Passage | Open) => ('first' in o ? o.end : o.lines.end)
  for (const p of passages) {
    const at = last.get(p.claim)
    const prev = at === undefined ? undefined : out[at]!
    if (prev === undefined || p.lines.start > endOf(prev)) {
      last.set(p.claim, out.length)
      out.push(p)
      continue
    }
    const open: Open =
      'first' in prev
        ? prev
        : {
            first: prev,
            sentences: new Set(prev.sentences),
            cues: new Set(prev.cues),
            runnersUp: new Set(prev.runnersUp),
            end: prev.lines.end,
          }
    out[at!] = open
    for (const i of p.sentences) open.sentences.add(i)
    for (const c of p.cues) open.cues.add(c)
    for (const r of p.runnersUp) open.runnersUp.add(r)
    open.end = Math.max(open.end, p.lines.end)
  }
  return out.map((o) => {
    if (!('first' in o)) return o
    const sentences = [...o.sentences].sort((a, b) => a - b)
    return {
      claim: o.first.claim,
      sentences,
      cues: [...o.cues].sort(),
      runnersUp: [...o.runnersUp].sort(),
      lines: lineRange(sentences),
      stance: o.first.stance,
    }
  })
}

/**
 * The distinct claims a draft names, sorted: what the evaluation compares with the labels. A labelled passage
 * (question, denial, reported speech) still names its claim, so it counts.
 * @param text - the draft
 * @returns claim ids, sorted
 * @internal
 */
export function claimsIn(text: string): ClaimId[] {
  return [...new Set(findMatches(text).matches.map((m) => m.claim))].sort()
}
