import { describe, expect, it } from 'vitest'
import { checkDraft, claimsIn } from '../../src/check/index'
import { stanceOf } from '../../src/check/stance'

describe('stance: how a passage puts a claim', () => {
  it.each([
    ['Ketamine can relieve depression within hours.', 'asserted'],
    ['Does ketamine relieve depression within hours?', 'question'],
    ['Can it really work that fast?"', 'question'],
    ['There is no good evidence that ketamine relieves depression within hours.', 'negated'],
    ["It's a myth that one infusion cures depression.", 'negated'],
    ['This has not been shown in any trial.', 'negated'],
    ['Clinics claim that ketamine relieves depression within hours.', 'reported'],
    ['According to the clinic, relief comes within hours.', 'reported'],
    ['KAP is marketed as a breakthrough.', 'reported'],
    // Research findings are the claim itself, stated as established: asserted.
    ['Studies show that ketamine relieves depression within hours.', 'asserted'],
    ['Without therapy, the effects of ketamine fade faster.', 'asserted'],
  ])('%s → %s', (text, stance) => {
    expect(stanceOf([text])).toBe(stance)
  })

  it('labels each passage of a draft and still names its claim', () => {
    const draft = [
      'Does ketamine relieve depression within hours?',
      '',
      'There is no good evidence that ketamine relieves depression within hours for everyone.',
      '',
      'Clinics claim that ketamine relieves depression within hours.',
      '',
      'Ketamine can relieve depression within hours.',
    ].join('\n')
    const found = checkDraft(draft).filter((m) => m.claim === 'ketamine-relief-within-hours')
    expect(found.map((m) => [m.lines.start, m.stance])).toEqual([
      [1, 'question'],
      [3, 'negated'],
      [5, 'reported'],
      [7, 'asserted'],
    ])
    expect(claimsIn(draft)).toContain('ketamine-relief-within-hours')
  })

  it('reads a list item with the sentence introducing its list', () => {
    const asserted = checkDraft('Ketamine may help with:\n\n- PTSD\n').find(
      (m) => m.claim === 'indication-ptsd-and-trauma',
    )
    const reported = checkDraft('Clinics claim ketamine helps with:\n\n- PTSD\n').find(
      (m) => m.claim === 'indication-ptsd-and-trauma',
    )
    expect(asserted?.stance).toBe('asserted')
    expect(reported?.stance).toBe('reported')
  })
})

describe('cue groups that deny their claim (denies: true)', () => {
  const stanceFor = (text: string, claim: string) => checkDraft(text).find((m) => m.claim === claim)?.stance
  const RISKS = 'kap-has-risks-and-side-effects'
  const FDA = 'only-fda-approved-psychedelic-adjacent-drug-for-mental-health'

  it.each([
    // Saying the opposite of "KAP carries risks and side effects" denies it.
    ['Ketamine is completely safe and non-addictive.', RISKS, 'negated'],
    ['KAP has no side effects.', RISKS, 'negated'],
    // A denial of the opposite asserts the claim; a question stays a question; reported speech stays reported.
    ["It's a myth that ketamine is risk-free.", RISKS, 'asserted'],
    ['Is ketamine completely safe?', RISKS, 'question'],
    ['Clinics claim ketamine is completely safe.', RISKS, 'reported'],
    // "not completely safe" is the claim itself, found by an ordinary group.
    ['Ketamine is not completely safe.', RISKS, 'asserted'],
    ['No drug is completely safe, ketamine included.', RISKS, 'asserted'],
    // A denying group listed first wins over an ordinary group that matches the same passage.
    ['Ketamine is not FDA approved for depression; only esketamine is.', FDA, 'negated'],
    ['Ketamine is FDA approved for depression.', FDA, 'asserted'],
  ])('%s → %s %s', (text, claim, stance) => {
    expect(stanceFor(text, claim)).toBe(stance)
  })

  it('does not read an approval of esketamine, or the anaesthetic licence, as the claim about ketamine', () => {
    expect(stanceFor('Esketamine is FDA approved for depression.', FDA)).toBeUndefined()
    expect(
      stanceFor('Ketamine is approved by the FDA as an anesthetic and used off label for depression.', FDA),
    ).toBeUndefined()
  })
})
