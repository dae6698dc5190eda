// How a passage puts what it mentions: as its own assertion, as a question, denied or doubted, or as what someone else
// says. Patterns are written in the cue language (data/check/cues.json, `stance`) and matched by the same matcher.
import cueData from '../../data/check/cues.json'
import { compileGroup, termOccurs, type Term } from './cue-syntax'
import { tokenize } from './text'

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
}

let patterns: StancePatterns | undefined

const stanceWords = (kind: keyof StancePatterns): readonly Term[] =>
  compileGroup(cueData.stance[kind], cueData.macros, `stance ${kind}`).slots[0]!

function compiled(): StancePatterns {
  patterns ??= {
    negated: stanceWords('negated'),
    questioned: stanceWords('questioned'),
    reported: stanceWords('reported'),
  }
  return patterns
}

const QUOTE_MARK = /["“”]/g

/**
 * Whether a sentence is a quotation, or the first or last sentence of one: it opens with a double quotation mark and
 * closes with one (an ad line, `"Relief within hours."`, also after a list marker or number), or holds a single mark at
 * its start or end (a quotation that runs over several sentences). Linear; no pattern can backtrack.
 */
function isQuotation(sentence: string): boolean {
  // A list marker or a number before the quotation ("1. \"The only …\""), or a short label ending in a colon
  // ("Claim: \"…\"", "[WAS: \"…\""), does not count.
  const t = sentence
    .trim()
    .replace(/^(?:[-*+>]|\d{1,3}[.)])\s+/, '')
    .replace(/^\[?[^"“:\n]{1,40}:\s*(?=["“])/, '')
  const opens = /^["“]/.test(t)
  const closes = /["”][.!?,;:)*_]*$/.test(t)
  const marks = t.match(QUOTE_MARK)?.length ?? 0
  return (opens && closes && marks === 2) || ((opens || closes) && marks === 1)
}

/**
 * The stance of a passage from its sentences (a list item's with the sentence introducing its list): a question when
 * its last sentence ends with a question mark; otherwise negated when one of the denial words occurs; otherwise a
 * question when it asks indirectly ("asked whether"); otherwise reported when a reporting word occurs or a sentence is
 * a quotation; otherwise asserted. Linear in the passage's length.
 * @internal
 */
export function stanceOf(sentences: readonly string[]): Stance {
  const last = sentences[sentences.length - 1] ?? ''
  if (/\?["'”’)\]*_\s]*$/u.test(last)) return 'question'
  const tokens = tokenize(sentences.join(' '))
  const { negated, questioned, reported } = compiled()
  if (negated.some((t) => termOccurs(t, tokens))) return 'negated'
  if (questioned.some((t) => termOccurs(t, tokens))) return 'question'
  if (reported.some((t) => termOccurs(t, tokens)) || sentences.some(isQuotation)) return 'reported'
  return 'asserted'
}
