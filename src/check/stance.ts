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

let patterns: { negated: readonly Term[]; reported: readonly Term[] } | undefined

function compiled(): { negated: readonly Term[]; reported: readonly Term[] } {
  patterns ??= {
    negated: compileGroup(cueData.stance.negated, cueData.macros, 'stance negated').slots[0]!,
    reported: compileGroup(cueData.stance.reported, cueData.macros, 'stance reported').slots[0]!,
  }
  return patterns
}

/**
 * The stance of a passage from its sentences (a list item's with the sentence introducing its list): a question when its last
 * sentence ends with a question mark; otherwise negated, then reported, when one of their words occurs; otherwise
 * asserted. Linear in the passage's length.
 * @internal
 */
export function stanceOf(sentences: readonly string[]): Stance {
  const last = sentences[sentences.length - 1] ?? ''
  if (/\?["'”’)\]*_\s]*$/u.test(last)) return 'question'
  const tokens = tokenize(sentences.join(' '))
  const { negated, reported } = compiled()
  if (negated.some((t) => termOccurs(t, tokens))) return 'negated'
  if (reported.some((t) => termOccurs(t, tokens))) return 'reported'
  return 'asserted'
}
