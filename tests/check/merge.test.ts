// One row per passage: the passages of one claim whose line ranges overlap are merged (docs/claim-checker.md, step 7;
// audit 35 B, entry 19 listed "27 kap-has-risks-and-side-effects" and "27-29 kap-has-risks-and-side-effects").
import { describe, expect, it } from 'vitest'
import type { ClaimId } from '../../src/index'
import { checkDraft, mergeOverlapping, type Passage } from '../../src/check/index'

const risks = 'kap-has-risks-and-side-effects' as ClaimId
const fast = 'ketamine-relief-within-hours' as ClaimId
/** Sentence i spans the lines of LINES[i]. */
const LINES: readonly (readonly [number, number])[] = [
  [1, 1],
  [1, 3],
  [3, 3],
  [5, 5],
  [6, 6],
]
const lineRange = (s: readonly number[]) => ({
  start: Math.min(...s.map((i) => LINES[i]![0])),
  end: Math.max(...s.map((i) => LINES[i]![1])),
})
const passage = (claim: ClaimId, sentences: number[], stance: Passage['stance'], cues: string[] = []): Passage => ({
  claim,
  sentences,
  cues,
  runnersUp: [],
  lines: lineRange(sentences),
  stance,
})

describe('mergeOverlapping', () => {
  it('merges passages of one claim that share a line, keeping the first stance, with the cues of both', () => {
    expect(
      mergeOverlapping(
        [
          passage(risks, [0], 'question', ['risk free']),
          passage(risks, [1], 'asserted', ['nausea']),
          passage(risks, [2], 'negated', ['blood pressure']),
        ],
        lineRange,
      ),
    ).toEqual([
      {
        claim: risks,
        sentences: [0, 1, 2],
        cues: ['blood pressure', 'nausea', 'risk free'],
        runnersUp: [],
        lines: { start: 1, end: 3 },
        stance: 'question',
      },
    ])
  })
  it('keeps apart passages on lines of their own, and passages of different claims', () => {
    const apart = [passage(risks, [0], 'asserted'), passage(fast, [1], 'asserted'), passage(risks, [3], 'asserted')]
    expect(mergeOverlapping(apart, lineRange)).toEqual(apart)
    // Next lines do not overlap: 5 and 6 are two passages.
    const next = [passage(risks, [3], 'asserted'), passage(risks, [4], 'asserted')]
    expect(mergeOverlapping(next, lineRange)).toEqual(next)
  })
})

describe('checkDraft', () => {
  it('reports two sentences of one claim that share a line as one passage', () => {
    const draft =
      'Ketamine is not risk-free. Side effects during a session include dissociation, nausea\n' +
      'and a rise in blood pressure.\n\nKetamine is not risk-free.\n'
    expect(
      checkDraft(draft).map((m) => ({
        claim: m.claim,
        lines: m.lines,
        stance: m.stance,
        cues: m.cues,
        excerpt: m.excerpt,
      })),
    ).toEqual([
      {
        claim: risks,
        lines: { start: 1, end: 2 },
        stance: 'asserted',
        cues: ['blood pressure', 'nausea', 'not risk free'],
        excerpt:
          'Ketamine is not risk-free. Side effects during a session include dissociation, nausea and a rise in blood pressure.',
      },
      {
        claim: risks,
        lines: { start: 4, end: 4 },
        stance: 'asserted',
        cues: ['not risk free'],
        excerpt: 'Ketamine is not risk-free.',
      },
    ])
  })
  it('keeps the stance of the first sentence of a merged passage', () => {
    const [m, ...rest] = checkDraft(
      'Is ketamine risk-free? Side effects include nausea\nand a rise in blood pressure.\n',
    )
    expect(rest).toEqual([])
    expect([m!.lines, m!.stance]).toEqual([{ start: 1, end: 2 }, 'question'])
  })
})
