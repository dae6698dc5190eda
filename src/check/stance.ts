// How a passage puts what it mentions: as its own assertion, as a question, denied or doubted, or as what someone else
// says. Patterns are written in the cue language (data/check/cues.json, `stance`) and matched by the same matcher.
import cueData from '../../data/check/cues.json'
import { compileGroup, termOccurs, termStarts, type Term } from './cue-syntax'
import { tokenize, type Token } from './text'

/**
 * How a passage puts a claim: `asserted` (the draft says it), `question` (it asks), `negated` (it denies or doubts
 * it: "there is no evidence that…") or `reported` (it reports what others say: "clinics claim that…").
 * @internal
 */
export type Stance = 'asserted' | 'question' | 'negated' | 'reported'

interface StancePatterns {
  readonly negated: readonly Term[]
  readonly questioned: readonly Term[]
  readonly reported: readonly Term[]
  readonly refuted: readonly Term[]
  readonly notReporting: readonly Term[]
  readonly asides: readonly Term[]
  readonly refersBack: readonly Term[]
}

let patterns: StancePatterns | undefined

const stanceWords = (kind: keyof StancePatterns): readonly Term[] =>
  compileGroup(cueData.stance[kind], cueData.macros, `stance ${kind}`).slots[0]!

function compiled(): StancePatterns {
  patterns ??= {
    negated: stanceWords('negated'),
    questioned: stanceWords('questioned'),
    reported: stanceWords('reported'),
    refuted: stanceWords('refuted'),
    notReporting: stanceWords('notReporting'),
    asides: stanceWords('asides'),
    refersBack: stanceWords('refersBack'),
  }
  return patterns
}

const QUOTE_MARK = /["“”]/g

/** An editor's note in brackets that ends a sentence, closed or left open: `[TK: …]`, `[TODO …`, `[check: …]`. */
const EDITOR_NOTE =
  /\[\s*(?:tk|tbd|todo|fixme|ed|editor|note|check|confirm|verify|header|pic|image|photo|link|cite|citation|source|ref)\b[^\]]{0,200}\]?\s*$/iu

/**
 * Whether a sentence is a quotation, or the first or last sentence of one: it opens with a double quotation mark and
 * closes with one (an ad line, `"Relief within hours."`, also after a list marker or number), or holds a single mark at
 * its start or end (a quotation that runs over several sentences). Linear; no pattern can backtrack.
 */
function isQuotation(sentence: string): boolean {
  // A list marker or a number before the quotation ("1. \"The only …\""), or a short label ending in a colon
  // ("Claim: \"…\"", "[WAS: \"…\""), does not count.
  // Nor does a short attribution after it, as pull quotes are credited: "…" — clinic advert.
  const t = sentence
    .trim()
    .replace(/^(?:[-*+>]|\d{1,3}[.)])\s+/, '')
    .replace(/^\[?[^"“:\n]{1,40}:\s*(?=["“])/, '')
    .replace(/(?<=["”][.!?]?)\s*[—–-]{1,2}\s*[^"“”\n]{1,60}$/, '')
  const opens = /^["“]/.test(t)
  const closes = /["”][.!?,;:)*_]*$/.test(t)
  const marks = t.match(QUOTE_MARK)?.length ?? 0
  return (opens && closes && marks === 2) || ((opens || closes) && marks === 1)
}

/**
 * The most words a sentence after a passage may have to count as a verdict on it ("This is simply wrong."); a sentence
 * of one or two words counts when it is one of the {@link VERDICTS} ("Wrong.", "Totally false.", "None.").
 */
const VERDICT_WORDS = 8

/**
 * The most words the first clause of the sentence after a passage may have to deny it by pointing back at it ("no
 * trial has tested this").
 */
const DENIAL_WORDS = 20

/** Words that make a sentence of one or two words a verdict against the passage before it. */
const VERDICTS: ReadonlySet<string> = new Set(['wrong', 'false', 'none', 'nope'])

/**
 * A bare contradiction after a passage: a pronoun and a negated verb with nothing after it ("It isn't.", "They
 * don't.", "That is not."), matched on the folded words.
 */
const BARE_DENIAL =
  /^(?:it|that|this|they) (?:(?:is|are|was|does|do|did|can|will) not|(?:isn|aren|wasn|doesn|don|didn|can|won) t)$/

/**
 * What a passage's surroundings say about how it is put: it lies inside a quotation that runs over several sentences
 * (`quoted`), and the sentence after it in the same block (`next`), which may be a short verdict on it.
 * @internal
 */
export interface StanceContext {
  readonly quoted?: boolean
  readonly next?: string
}

/**
 * The stance of a passage from its sentences (a list item's with the sentence introducing its list): negated when the
 * sentence after it is a short verdict against it ("This is simply wrong.", also after a question: "… pitch?
 * Nonsense.") or a bare contradiction ("It isn't."); otherwise a question when its last sentence ends with a question mark; otherwise negated when one of
 * the denial words occurs; otherwise a question when it asks indirectly ("asked whether"); otherwise reported when a
 * reporting word occurs, a sentence is a quotation or the passage lies inside one; otherwise asserted. Linear in the
 * passage's length.
 * @internal
 */
export function stanceOf(sentences: readonly string[], context: StanceContext = {}): Stance {
  const { negated, questioned, reported, refuted, notReporting, asides, refersBack } = compiled()
  if (context.next !== undefined) {
    const next = tokenize(context.next)
    // Its first clause: a verdict may open a longer sentence or table cell ("Wrong: only esketamine is approved",
    // "Not supported; relief usually fades within days").
    const clause = tokenize(context.next.split(/[;:—–]|\s-\s/u)[0]!)
    const verdict = (words: typeof next) =>
      (words.length <= 2 && words.some((t) => VERDICTS.has(t.word))) ||
      BARE_DENIAL.test(words.map((t) => t.word).join(' '))
    if (
      verdict(next) ||
      verdict(clause) ||
      (next.length <= VERDICT_WORDS && refuted.some((t) => termOccurs(t, next))) ||
      (clause.length <= 3 && refuted.some((t) => termOccurs(t, clause)))
    )
      return 'negated'
    // A denial that points back at the passage, in the first clause of the next sentence ("To my knowledge, no trial
    // has tested this directly; …").
    if (
      clause.length <= DENIAL_WORDS &&
      refersBack.some((t) => termOccurs(t, clause)) &&
      negated.some((t) => termOccurs(t, clause))
    )
      return 'negated'
  }
  // An editor's note in brackets at the end ("[TK: header pic?]", also left open) is the writer's, not the passage's
  // question.
  const last = (sentences[sentences.length - 1] ?? '').replace(EDITOR_NOTE, '')
  if (/\?["'”’)\]*_\s]*$/u.test(last)) return 'question'
  const tokens = tokenize(sentences.join(' '))
  if (negated.some((t) => termOccurs(t, tokens))) return 'negated'
  if (questioned.some((t) => termOccurs(t, tokens))) return 'question'
  // A short question right after the passage asks about it ("… shorter than a mushroom trip. Is that true??").
  if (context.next !== undefined && /\?["'”’)\]*_\s]*$/u.test(context.next)) {
    const next = tokenize(context.next)
    if (next.length <= VERDICT_WORDS && questioned.some((t) => termOccurs(t, next))) return 'question'
  }
  // "That said, …" opening a sentence and "can say" are no reporting.
  const reporting = withoutPhrases(
    sentences.flatMap((s) => {
      const words = tokenize(s)
      const aside = asides.find((t) => termStarts(t, words, 1)[0] === 0)
      return [GAP, ...(aside === undefined ? words : words.slice(aside.words.length))]
    }),
    notReporting,
  )
  if (reported.some((t) => termOccurs(t, reporting)) || context.quoted === true) return 'reported'
  return sentences.some(isQuotation) ? 'reported' : 'asserted'
}

/**
 * The tokens without the words of any occurrence of `phrases` ("that said", "can say"), with an empty token in their
 * place so that no phrase is formed across the gap. Linear in tokens × phrases.
 */
function withoutPhrases(tokens: readonly Token[], phrases: readonly Term[]): readonly Token[] {
  let out: Token[] | undefined
  for (const p of phrases)
    for (const start of termStarts(p, tokens)) {
      out ??= [...tokens]
      for (let i = start; i < start + p.words.length; i++) out[i] = GAP
    }
  return out ?? tokens
}

const GAP: Token = { word: '', stem: '' }

/**
 * Which sentences lie inside a quotation that an earlier sentence of the same block opened (up to the one that closes
 * it): the middle of a reply quoted in full in an email. The opening sentence is left to `isQuotation`. Straight marks
 * toggle; curly marks open and close. A block whose marks do not balance marks nothing, so a stray mark cannot make
 * the rest of a paragraph reported. Linear.
 * @param sentences - each sentence's text and block
 * @returns one flag per sentence
 * @internal
 */
export function insideQuotations(sentences: readonly { readonly text: string; readonly block: number }[]): boolean[] {
  const inside = sentences.map(() => false)
  let start = 0
  while (start < sentences.length) {
    let end = start
    while (end < sentences.length && sentences[end]!.block === sentences[start]!.block) end++
    let open = false
    const openAtStart: boolean[] = []
    for (let i = start; i < end; i++) {
      openAtStart.push(open)
      for (const mark of sentences[i]!.text.match(QUOTE_MARK) ?? [])
        open = mark === '“' ? true : mark === '”' ? false : !open
    }
    if (!open) for (let i = start; i < end; i++) inside[i] = openAtStart[i - start]!
    start = end
  }
  return inside
}
