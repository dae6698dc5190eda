import { describe, expect, it } from 'vitest'
import { checkDraft, claimsIn } from '../../src/check/index'
import { segment } from '../../src/check/segment'
import { insideQuotations, stanceOf, type Stance } from '../../src/check/stance'

/** The stance of the first passage in which the checker finds `claim`, or undefined when it finds none. */
const stanceFor = (text: string, claim: string) => checkDraft(text).find((m) => m.claim === claim)?.stance

/** One test per `[sentence, stance]` pair: the stance words read that sentence so. */
function itReadsStance(cases: readonly (readonly [string, Stance])[]): void {
  it.each(cases)('%s → %s', (text, stance) => {
    expect(stanceOf([text])).toBe(stance)
  })
}

/** One test per `[text, claim]` pair: the checker finds the claim there, denied (a group that finds its opposite). */
function itFindsDenial(cases: readonly (readonly [string, string])[]): void {
  it.each(cases)('%s → denies %s', (text, claim) => {
    expect(stanceFor(text, claim)).toBe('negated')
  })
}

/** One test per `[passage, next sentence, stance]`: the stance of a one-sentence passage followed by that sentence. */
function itReadsWithNext(cases: readonly (readonly [string, string, Stance])[]): void {
  it.each(cases)('%s + %s → %s', (text, next, stance) => {
    expect(stanceOf([text], { next })).toBe(stance)
  })
}

describe('stance: how a passage puts a claim', () => {
  itReadsStance([
    ['Ketamine can relieve depression within hours.', 'asserted'],
    ['Does ketamine relieve depression within hours?', 'question'],
    ['Can it really work that fast?"', 'question'],
    ['There is no good evidence that ketamine relieves depression within hours.', 'negated'],
    ["It's a myth that one infusion cures depression.", 'negated'],
    ['This has not been shown in any trial.', 'negated'],
    // Doubt said in the first person (audit of session 34); a plain negated verb stays asserted (claim-checker.md).
    ['I doubt ketamine relieves depression within hours.', 'negated'],
    ["I'm doubtful that ketamine relieves depression within hours.", 'negated'],
    ['Ketamine does not relieve depression within hours.', 'asserted'],
    ['Clinics claim that ketamine relieves depression within hours.', 'reported'],
    ['According to the clinic, relief comes within hours.', 'reported'],
    ['KAP is marketed as a breakthrough.', 'reported'],
    // Research findings are the claim itself, stated as established: asserted.
    ['Studies show that ketamine relieves depression within hours.', 'asserted'],
    ['Without therapy, the effects of ketamine fade faster.', 'asserted'],
  ])

  it('reads "far from risk-free" and its kin as saying there are risks, and "it is untrue that" as a denial (hostile review, session 35)', () => {
    const risks = 'kap-has-risks-and-side-effects'
    for (const text of [
      'Ketamine is far from risk-free.',
      'Ketamine is hardly risk-free.',
      'Ketamine is by no means risk-free.',
      'Ketamine is anything but completely safe.',
      'Ketamine is far from completely safe.',
    ])
      expect(stanceFor(text, risks), text).toBe('asserted')
    // The plain forms keep their readings.
    expect(stanceFor('Ketamine is completely safe.', risks)).toBe('negated')
    expect(stanceFor('Ketamine is not completely safe.', risks)).toBe('asserted')
    const only = 'only-fda-approved-psychedelic-adjacent-drug-for-mental-health'
    for (const lead of ['It is untrue that', 'It is incorrect that', 'It is false that'])
      expect(
        stanceFor(`${lead} ketamine is the only psychedelic drug approved by the FDA for mental health.`, only),
        lead,
      ).toBe('negated')
  })

  it('reads a block quotation after a lead-in with a colon, and a credited pull quote, as reported (hostile review, session 35)', () => {
    const relief = 'ketamine-relief-within-hours'
    const lines = (text: string) => checkDraft(text).map((m) => [m.lines.start, m.claim, m.stance])
    expect(lines('A clinic told me:\n\n> Ketamine relieves depression within hours.\n')).toEqual([
      [3, relief, 'reported'],
    ])
    // A lazy continuation line belongs to the quotation, as Markdown shows it.
    expect(
      lines('The homepage says:\n> It is covered by insurance.\nKetamine relieves depression within hours.\n'),
    ).toEqual([[3, relief, 'reported']])
    for (const credit of ['— clinic advert', '– the clinic', '-- an Instagram ad'])
      expect(stanceFor(`"Ketamine relieves depression within hours." ${credit}`, relief), credit).toBe('reported')
    expect(stanceFor('“Ketamine relieves depression within hours.” — clinic advert', relief)).toBe('reported')
    // Without a lead-in, or under a mail client's "wrote:", a quotation is read as any paragraph: threads and replies
    // quote the conversation's own messages that way.
    expect(lines('> Ketamine relieves depression within hours.\n')).toEqual([[1, relief, 'asserted']])
    expect(lines('On Tue, 11 Feb 2025, Dan wrote:\n> Ketamine relieves depression within hours.\n')).toEqual([
      [2, relief, 'asserted'],
    ])
  })

  it('skips an indented code block, as a fenced one (hostile review, session 35)', () => {
    const found = (text: string) => checkDraft(text).map((m) => [m.lines.start, m.claim])
    expect(found('Intro.\n\n    Ketamine is completely safe.\n\nKetamine relieves depression within hours.\n')).toEqual(
      [[5, 'ketamine-relief-within-hours']],
    )
    // Under a list item, an indented paragraph continues the item and is read.
    expect(found('- A point.\n\n    Ketamine relieves depression within hours.\n').map(([, c]) => c)).toContain(
      'ketamine-relief-within-hours',
    )
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

describe('reported speech and quotations (round 23)', () => {
  itReadsStance([
    ["My friend's therapist told her that ketamine relieves depression within hours.", 'reported'],
    ['The clinic leaflet says ketamine relieves depression within hours.', 'reported'],
    ['A long Reddit post saying ketamine relieves depression within hours.', 'reported'],
    ['1. "Ketamine relieves depression within hours."', 'reported'],
    ['- “Ketamine relieves depression within hours.”', 'reported'],
    ['Jo flatly rejects the idea that ketamine relieves depression within hours.', 'negated'],
    ['I am not aware of any trial where ketamine relieved depression within hours.', 'negated'],
    // Not a quotation: a quoted word inside the draft's own sentence.
    ['Ketamine can relieve "treatment-resistant" depression within hours.', 'asserted'],
    // A gerund that reports nothing.
    ['I would add a sentence saying plainly that ketamine relieves depression within hours.', 'asserted'],
  ])

  it('reads a quotation that runs over several sentences as reported, from either end', () => {
    expect(stanceOf(['"Ketamine is a breakthrough.', 'It relieves depression within hours."'])).toBe('reported')
  })
})

describe('denials by the opposite (round 23)', () => {
  itFindsDenial([
    [
      "Ketamine? It's basically magic mushrooms, colours and visions.",
      'ketamine-experience-dissociative-not-psychedelic',
    ],
    [
      'Ketamine is every bit as unpredictable as psilocybin in how hard it hits.',
      'ketamine-intensity-more-predictable',
    ],
    ['KAP and an infusion are the same thing in the brain.', 'kap-vs-infusion-different-aims'],
    ['With ketamine you are unconscious the whole time, like a nap.', 'typical-acute-subjective-effects'],
    ['Ketamine therapy is escapism with a prescription.', 'kap-helps-face-reality-not-escape'],
    ['Six ketamine infusions give relief that holds for months.', 'standalone-ketamine-relief-short-lived'],
  ])

  it('leaves the negated forms of the opposite alone', () => {
    expect(
      stanceFor('Ketamine is not like magic mushrooms.', 'ketamine-experience-dissociative-not-psychedelic'),
    ).not.toBe('negated')
    expect(
      stanceFor(
        'Under anaesthesia with ketamine you are unconscious during surgery.',
        'typical-acute-subjective-effects',
      ),
    ).toBeUndefined()
  })
})

describe('indirect questions and labelled quotations (round 24)', () => {
  itReadsStance([
    ['One parent asked whether ketamine relieves depression within hours.', 'question'],
    ['She wondered if ketamine relieves depression within hours.', 'question'],
    ['Claim: "Ketamine relieves depression within hours."', 'reported'],
    ['[WAS: "Ketamine relieves depression within hours."', 'reported'],
    ['I read that ketamine relieves depression within hours.', 'reported'],
    // A denial word still wins over an indirect question.
    ['He asked whether there is no evidence that ketamine relieves depression within hours.', 'negated'],
  ])
})

describe('denials by the opposite (round 24)', () => {
  itFindsDenial([
    ["Ketamine? It's basically a turbo SSRI, same serotonin thing as Lexapro.", 'ketamine-acts-on-nmda-glutamate'],
    [
      'Ketamine therapy is the same drug the kids take at parties.',
      'kap-differs-from-recreational-use-by-intentionality',
    ],
    ['With ketamine a therapist is optional; you do not need anybody in the room.', 'therapist-present-during-dosing'],
    [
      'Patients get the same result from ketamine alone, without the therapy.',
      'ketamine-plus-therapy-stronger-outcomes',
    ],
    ["One ketamine drip on its own and he's been right as rain for years.", 'standalone-ketamine-relief-short-lived'],
  ])

  it('does not read a contrast with SSRIs, or "shouldn\'t expect the same outcomes", as a denial', () => {
    const nmda = 'ketamine-acts-on-nmda-glutamate'
    expect(stanceFor('SSRIs, which act on serotonin, take weeks, whereas ketamine acts on glutamate.', nmda)).not.toBe(
      'negated',
    )
    expect(
      stanceFor(
        "An infusion on its own eases symptoms while KAP digs deeper, so don't expect the same outcomes from ketamine alone.",
        'ketamine-plus-therapy-stronger-outcomes',
      ),
    ).not.toBe('negated')
  })
})

describe('verdicts after a passage, quotations over several sentences, stance words of rounds 26 to 28', () => {
  itReadsStance([
    ['The small pilot did not establish that therapy improves ketamine.', 'negated'],
    ['The chart review does not show a lasting benefit.', 'negated'],
    ['The old idea that a therapist must sit through every dose is outdated.', 'negated'],
    ['There is zero evidence any of this lasts.', 'negated'],
    ['Is it true that ketamine lifts depression in hours', 'question'],
    ['Witnesses told you that ketamine works within hours.', 'reported'],
    ['In her words, the effect would last.', 'reported'],
    // Round 27.
    ['That therapy beats ketamine alone is simply not established.', 'negated'],
    ['Calling it the only approved psychedelic is not accurate.', 'negated'],
    ['As she put it, ketamine lifts depression within hours.', 'reported'],
    ['The clinic calls its infusions a breakthrough.', 'reported'],
    // Round 28.
    ['True or false: ketamine lifts depression within hours.', 'question'],
    ['do people feel it lift within hours or is that just what the ads say.', 'question'],
    ['The New York Times reported that ketamine lifts depression within hours.', 'reported'],
    ['In her telling, ketamine lifts depression within hours.', 'reported'],
    ['Right now the plasticity window is a hypothesis, not a finding.', 'negated'],
  ])

  it('reads a short verdict right after a passage as a denial of it', () => {
    const draft =
      'Some sites state that ketamine is the only FDA approved psychedelic for mental health. This is simply wrong.'
    expect(stanceFor(draft, 'only-fda-approved-psychedelic-adjacent-drug-for-mental-health')).toBe('negated')
    // A next sentence in another paragraph is not a verdict.
    const apart = 'Ketamine can lift depression within hours.\n\nThat is wrong.'
    expect(stanceFor(apart, 'ketamine-relief-within-hours')).toBe('asserted')
  })

  itReadsWithNext([
    ['Ketamine lifts mood within hours.', 'That is false.', 'negated'],
    ['Ketamine lifts mood within hours.', 'Wrong.', 'negated'],
    // "wrong" in a longer sentence, or in a long one, is not a verdict.
    ['Ketamine therapy carries risks.', 'Nothing went wrong for me.', 'asserted'],
    ['Ketamine is completely safe.', 'What could go wrong?', 'asserted'],
    [
      'Ketamine lifts mood within hours.',
      'It was wrong of me to doubt it for so many months before trying.',
      'asserted',
    ],
    // A bare contradiction (round 32); "It isn't cheap." is not one.
    ['Ketamine is the only approved psychedelic.', "It isn't.", 'negated'],
    ['Ketamine lifts mood within hours.', 'They do not.', 'negated'],
    ['Ketamine lifts mood within hours.', "It isn't cheap.", 'asserted'],
    // After a question (round 27), and one-word verdicts or "That isn't …" (round 28).
    ['And the window into the subconscious?', 'Nonsense.', 'negated'],
    ['And the window into the subconscious?', 'Let me explain how it works for me.', 'question'],
    ['KAP brings soul-level transformation.', 'None.', 'negated'],
    ['The retreat offers soul retrieval.', "That isn't healing.", 'negated'],
    ['Therapy makes ketamine work better.', 'This is not established.', 'negated'],
  ])

  it('reads the sentences after the first of a quotation that runs over several sentences as reported', () => {
    const draft = [
      'She wrote back:',
      '',
      '"Please listen. A psychiatrist prescribes and monitors the ketamine, and a separate licensed therapist ' +
        'who never gives medication does the therapy. The clinic follows every rule. See you Thursday."',
    ].join('\n')
    expect(stanceFor(draft, 'kap-care-team-prescriber-and-therapist')).toBe('reported')
    // Three sentences in one block (or the last in another), as [text, block]: which lie inside a quotation.
    const inside = (...parts: (readonly [string, number])[]) =>
      insideQuotations(parts.map(([text, block]) => ({ text, block })))
    expect(inside(['"One.', 0], ['Two.', 0], ['Three."', 0])).toEqual([false, true, true])
    // Marks that do not balance within a block mark nothing.
    expect(inside(['"One.', 0], ['Two.', 0], ['Three.', 1])).toEqual([false, false, false])
    // Curly marks open and close.
    expect(inside(['“One.', 0], ['Two.', 0], ['Three.”', 0])).toEqual([false, true, true])
  })

  it('ends a sentence at a question mark even when a lower-case word follows', () => {
    const draft =
      'does therapy after a ketamine dose really work better because of a plasticity window? or is that a slogan'
    expect(stanceFor(draft, 'therapy-in-plasticity-window-more-effective')).toBe('question')
    // After a full stop a lower-case word still continues the sentence.
    expect(segment('Ketamine acts fast. and then it fades.').map((s) => s.text)).toEqual([
      'Ketamine acts fast. and then it fades.',
    ])
    expect(segment('Does it work? like really work?').map((s) => s.text)).toEqual([
      'Does it work?',
      'like really work?',
    ])
  })
})

describe('denials by the opposite (round 26)', () => {
  itFindsDenial([
    [
      'Relax, this medicine is totally harmless, no side effects at all, and ketamine is gentle.',
      'kap-has-risks-and-side-effects',
    ],
    [
      'At our ketamine retreat everyone is welcome, regardless of diagnosis.',
      'contraindications-psychosis-bipolar-medical',
    ],
    ['Ketamine journeys are a holiday from everyday life.', 'kap-helps-face-reality-not-escape'],
    ['Ketamine therapy is not a breakthrough.', 'kap-breakthrough-cutting-edge-promising'],
    ['Ketamine is not approved for anything; it is a club drug.', 'ketamine-approved-anesthetic-prescribed-off-label'],
    ['With ketamine, the infusion alone is enough.', 'ketamine-plus-therapy-stronger-outcomes'],
    [
      'Ketamine is a psychedelic, the same as mushrooms, full of fractals.',
      'ketamine-experience-dissociative-not-psychedelic',
    ],
    [
      'For my ketamine course, integration was an upsell that made no difference.',
      'integration-most-important-determines-durability',
    ],
  ])
})

describe('denials by the opposite (round 27)', () => {
  itFindsDenial([
    ['Ketamine does not transform your soul.', 'kap-holistic-spiritual-transformation'],
    [
      'With ketamine infusions and no therapy attached, patients stay well for months.',
      'standalone-ketamine-relief-short-lived',
    ],
    ['Ketamine tops up serotonin, the same brain chemical as my old tablets.', 'ketamine-acts-on-nmda-glutamate'],
    [
      "Ketamine clinics aside, regular antidepressants aren't actually slow.",
      'conventional-antidepressants-slow-onset',
    ],
    ['For ketamine, a long intake evaluation is overkill.', 'thorough-screening-is-standard-and-essential'],
    ['In our ketamine program no therapist is present during the dosing session.', 'therapist-present-during-dosing'],
    ['Ketamine benefits do not fade without psychotherapy.', 'without-therapy-ketamine-effects-fade-faster'],
    ['Ketamine does not unlock anything hidden in the subconscious.', 'kap-accesses-hard-to-reach-emotional-material'],
    ["KAP isn't an effective treatment, it's placebo.", 'kap-effective-for-certain-conditions'],
    [
      'Ketamine is not some FDA approved psychedelic medicine for mental illness.',
      'only-fda-approved-psychedelic-adjacent-drug-for-mental-health',
    ],
  ])
})

describe('denials by the opposite (round 28)', () => {
  itFindsDenial([
    [
      'Our ketamine clinic does not accept patients with dissociative identity disorder.',
      'kap-for-complex-dissociation-and-did',
    ],
    ["On the infusion-only track the ketamine relief isn't a brief bump.", 'standalone-ketamine-relief-short-lived'],
    [
      'Ketamine did all the heavy lifting; the talking part is basically optional.',
      'kap-is-tool-within-therapy-not-standalone-cure',
    ],
    ['Ketamine is not going to unlock buried feelings.', 'kap-accesses-hard-to-reach-emotional-material'],
    ['How hard ketamine hits is all over the place.', 'ketamine-intensity-more-predictable'],
  ])
})

describe('denials by the opposite (round 29)', () => {
  itFindsDenial([
    [
      'Once people finish a course of ketamine infusions the improvement tends to stick.',
      'standalone-ketamine-relief-short-lived',
    ],
    ["With ketamine you don't need therapy alongside for it to last.", 'without-therapy-ketamine-effects-fade-faster'],
    [
      'During the ketamine journey you are alone in your room; the facilitator is not with you.',
      'therapist-present-during-dosing',
    ],
    ['Ketamine is working on the serotonin of the brain.', 'ketamine-acts-on-nmda-glutamate'],
    ["Ketamine therapy? It doesn't actually treat anything.", 'kap-effective-for-certain-conditions'],
    [
      'Ketamine at a clinic is the same stuff people take at raves.',
      'kap-differs-from-recreational-use-by-intentionality',
    ],
  ])
})

describe('denials by the opposite (round 30)', () => {
  itFindsDenial([
    ["It's a chemical buzz from ketamine; nothing actually changes.", 'kap-produces-lasting-relief-and-change'],
    [
      'Talking about the ketamine trip afterwards doesn\u2019t make anything stick.',
      'integration-most-important-determines-durability',
    ],
    ["Don't let anyone tell you ketamine is predictable.", 'ketamine-intensity-more-predictable'],
    [
      'Once they make ketamine without the trip, it will work just as well.',
      'acute-experience-needed-for-transformation',
    ],
    [
      'No long assessments: answer 3 quick questions and start ketamine this week.',
      'thorough-screening-is-standard-and-essential',
    ],
    ['Ketamine is not licensed for use on people for anything.', 'ketamine-approved-anesthetic-prescribed-off-label'],
    ['The ketamine is expected to cure her on its own.', 'kap-is-tool-within-therapy-not-standalone-cure'],
    ['Nor is this some breakthrough in ketamine psychiatry.', 'kap-breakthrough-cutting-edge-promising'],
  ])
})

describe('denials by the opposite (round 31)', () => {
  itFindsDenial([
    [
      "For ketamine sessions you don't really need anyone licensed in the room.",
      'kap-requires-licensed-professionals-and-regulatory-compliance',
    ],
    [
      'At our ketamine clinic intake screening is basically a formality.',
      'thorough-screening-is-standard-and-essential',
    ],
    ['The ketamine is doing all the heavy lifting.', 'kap-is-tool-within-therapy-not-standalone-cure'],
    ['During the ketamine session your therapist is not in the room.', 'therapist-present-during-dosing'],
    ['Scientists have pinned down exactly how ketamine lifts mood.', 'ketamine-mechanism-incompletely-understood'],
    [
      'Ketamine therapy is not the revolution in psychiatry some make it out to be.',
      'kap-breakthrough-cutting-edge-promising',
    ],
    ['Ketamine therapy is a legal high with a waiting room.', 'kap-effective-for-certain-conditions'],
  ])
})

describe('stance words and denials by the opposite (round 32)', () => {
  itReadsStance([
    ['Apparently there are two prep sessions before the ketamine dose.', 'reported'],
    ['She called it the most exciting frontier in psychiatry.', 'reported'],
    ['Some investigators have proposed that a ketamine metabolite does the work.', 'reported'],
    ['Ketamine regrows synapses → NOT demonstrated in people.', 'negated'],
    ['The plasticity window idea is unsupported.', 'negated'],
    ['A central unresolved question is whether ketamine effects fade without therapy.', 'question'],
  ])
  itFindsDenial([
    [
      'Like fluoxetine, ketamine acts by increasing the serotonin levels in the brain.',
      'ketamine-acts-on-nmda-glutamate',
    ],
    ['ketamine? fun fact its basically a turbo ssri. works on ur serotonin', 'ketamine-acts-on-nmda-glutamate'],
    [
      'ketamine isnt even really a dissociative, its a straight up psychedelic trip',
      'ketamine-experience-dissociative-not-psychedelic',
    ],
    ['How hard ketamine hits a person is no more predictable than LSD.', 'ketamine-intensity-more-predictable'],
    [
      "Your psychologist won't be on the call while the ketamine lozenge is working.",
      'therapist-present-during-dosing',
    ],
  ])
  it('finds claims written in chat spellings and British turns of phrase', () => {
    expect(claimsIn('the ketamine doses r a fraction of what i give to put a patient to sleep')).toContain(
      'kap-uses-lower-than-anesthetic-dose',
    )
    expect(claimsIn('Nor is it benign: ketamine pushes up blood pressure.')).toContain('kap-has-risks-and-side-effects')
    expect(
      claimsIn('Patients say the weight starts lifting within a few hours of their first ketamine infusion.'),
    ).toContain('ketamine-relief-within-hours')
  })
})

describe('stance words and denials by the opposite (round 33)', () => {
  itReadsStance([
    ['My counsellor mentioned that clinics use ketamine therapy for PTSD.', 'reported'],
    ['Their site sells it as a sacred ketamine ceremony.', 'reported'],
    ['Every article calls KAP the biggest breakthrough in decades.', 'reported'],
    ['I could not find a single trial showing that ketamine effects fade sooner without therapy.', 'negated'],
  ])
  itFindsDenial([
    [
      "My bipolar has nothing to do with this, ketamine's fine for anyone.",
      'contraindications-psychosis-bipolar-medical',
    ],
    ['The ketamine itself is the cure, no therapy required.', 'kap-is-tool-within-therapy-not-standalone-cure'],
    ['Ketamine is basically the same as a magic mushroom trip.', 'ketamine-experience-dissociative-not-psychedelic'],
  ])
  it('finds claims in the words of round 33', () => {
    expect(claimsIn('Videos say ketamine can take away depression in just a few hours.')).toContain(
      'ketamine-relief-within-hours',
    )
    expect(
      claimsIn('The ketamine clinics are an IV chair and brain chemistry; nobody is talking through it.'),
    ).toContain('standalone-infusions-iv-medical-model')
    expect(claimsIn('Inside therapy, ketamine can open a door to feeling that is otherwise bolted shut.')).toContain(
      'kap-accesses-hard-to-reach-emotional-material',
    )
  })
})

describe('denials by the opposite (round 34)', () => {
  itFindsDenial([
    [
      'Book your ketamine session: no long intake forms, no hoops to jump through.',
      'thorough-screening-is-standard-and-essential',
    ],
    ['ketamine is basically acid tho, ur tripping on visuals', 'ketamine-experience-dissociative-not-psychedelic'],
    ['That ketamine works on serotonin, same as lexapro.', 'ketamine-acts-on-nmda-glutamate'],
    ['KAP is paying someone to help you check out of your own life.', 'kap-helps-face-reality-not-escape'],
  ])
  it('finds "tried the ordinary tablets … none of them did any good"', () => {
    expect(
      claimsIn('KAP is meant for people who tried the ordinary tablets, and none of them did any good.'),
    ).toContain('kap-for-people-not-helped-by-standard-treatment')
  })
})

describe('round 35: reporting, denial and question words, and opposites', () => {
  itReadsStance([
    ["Dr. Patel's letter cites a study by Wilkinson and colleagues which found that CBT helped.", 'reported'],
    ['As Dr. Patel explains in her letter, a thorough assessment is a basic requirement.', 'reported'],
    ["One popular hypothesis: maybe it's a breakdown product of ketamine acting on AMPA receptors.", 'reported'],
    ['The flyer describes ketamine-assisted psychotherapy as a true breakthrough.', 'reported'],
    ["It's also not some miracle at the frontier of psychiatry.", 'negated'],
    ['Nor is it true that ketamine is FDA-approved for depression.', 'negated'],
    ['We also want to find out whether any improvement wears off sooner without therapy.', 'question'],
  ])
  itFindsDenial([
    ["There's just no predicting how hard a ketamine session is going to land.", 'ketamine-intensity-more-predictable'],
    ['The intensity of a ketamine session is all over the map.', 'ketamine-intensity-more-predictable'],
    [
      'Respectfully, not for me. KAP is checking out of reality for an hour in a recliner.',
      'kap-helps-face-reality-not-escape',
    ],
    [
      'Honestly, adding talk therapy to ketamine doesn’t change results much.',
      'ketamine-plus-therapy-stronger-outcomes',
    ],
    [
      'Ketamine is only approved by the FDA as an anaesthetic; it is not approved for depression.',
      'only-fda-approved-psychedelic-adjacent-drug-for-mental-health',
    ],
  ])
  it('finds the full name of PTSD, "offer KAP for:" lists and "about an hour"; not a bare author name', () => {
    expect(claimsIn('Clinics advertise KAP for post-traumatic stress disorder.')).toEqual([
      'indication-ptsd-and-trauma',
    ])
    expect(claimsIn('Clinics offer KAP for:\n\n- PTSD\n- severe anxiety\n')).toEqual([
      'indication-anxiety',
      'indication-ptsd-and-trauma',
    ])
    expect(claimsIn('The acute effects of ketamine wear off in about an hour.')).toEqual([
      'acute-effects-last-45-to-90-minutes',
    ])
    expect(
      claimsIn('Grunebaum et al. (2018) found that one ketamine infusion eased suicidal thoughts more than midazolam.'),
    ).not.toContain('without-therapy-ketamine-effects-fade-faster')
    expect(claimsIn('Spravato is the only form of ketamine approved for depression.')).toEqual([])
  })
})

describe('round 36: reporting, denial and verdict words, and opposites', () => {
  itReadsStance([
    [
      'One influential hypothesis proposes that ketamine works through a metabolite acting on AMPA receptors.',
      'reported',
    ],
    ['Authors report that improvements after KAP were described as lasting.', 'reported'],
    [
      'Our medical director explains it like this: ketamine is an anaesthetic that doctors prescribe off-label.',
      'reported',
    ],
    ['But no good trial shows that ketamine plus therapy beats ketamine alone.', 'negated'],
    ['### "Ketamine plus therapy works better than ketamine alone."\n\nRating: False', 'negated'],
  ])
  itFindsDenial([
    ['Honestly ketamine is super safe, like zero side effects.', 'kap-has-risks-and-side-effects'],
    ['Ketamine is just juicing your serotonin, the same thing my Lexapro does.', 'ketamine-acts-on-nmda-glutamate'],
    [
      'With ketamine the medicine was the treatment and the therapy was kinda decoration.',
      'kap-is-tool-within-therapy-not-standalone-cure',
    ],
  ])
  it('finds "incompletely characterised", "kick in in like a few hours" and pain that worsens when stressed', () => {
    expect(claimsIn("The mechanisms of ketamine's antidepressant effect remain incompletely characterised.")).toContain(
      'ketamine-mechanism-incompletely-understood',
    )
    expect(claimsIn('Can ketamine really kick in in like a few hours?')).toContain('ketamine-relief-within-hours')
    expect(claimsIn('My chronic pain gets worse when I am stressed. Can KAP help with that?')).toContain(
      'indication-chronic-pain-with-psychological-component',
    )
  })
})

describe("round 37: writers' drafts (asides, editor's notes, questions and denials after the passage)", () => {
  itReadsStance([
    // "That said," opening a sentence and "can say" report nobody; "said" elsewhere still reports.
    ['That said, nobody fully understands how ketamine helps mood.', 'asserted'],
    ['My mum read an article that said it can help people with OCD.', 'reported'],
    ["I don't think anyone can say it works for every condition.", 'asserted'],
    ['Our medical director always insisted integration was the most important part.', 'reported'],
    ['Several providers point out that KAP is available right now.', 'reported'],
    ["Priya's case that ketamine's intensity is easier to predict.", 'reported'],
    ['One influential idea, from Zanos and colleagues, is that a metabolite drives the effect.', 'reported'],
    ['Many clients tell us their sessions helped them feel again.', 'reported'],
    ['Please tell us if you have ever had bipolar disorder.', 'asserted'],
    ["I can't say for sure yet whether it's an effective treatment for particular conditions.", 'question'],
    ['Whether therapy makes ketamine work better has been questioned.', 'question'],
    ['There is as yet no sound basis for the claim that KAP delivers durable relief.', 'negated'],
    // An editor's note at the end is not the passage's question; a bracketed question of the text's own still is.
    ['Six months of ketamine therapy for my PTSD [TK: header pic?', 'asserted'],
    ['Ketamine works within hours [check: source?]', 'asserted'],
    ['[Q for group: does anyone know whether the Dore paper showed lasting change?]', 'question'],
  ])
  itReadsWithNext([
    ['The journey part is only about an hour.', 'Is that true??', 'question'],
    ['The journey part is only about an hour.', 'Is that a problem for you, though, in the end?', 'asserted'],
    [
      'A widely repeated proposal is that therapy in a plasticity window works better.',
      'To my knowledge, no trial has tested this directly; the idea rests on rodent data (see Mathai et al.',
      'negated',
    ],
    [
      'Therapy in the plasticity window works better.',
      'Several trials have tested this in people with depression.',
      'asserted',
    ],
    [
      'Wilkinson et al. are cited as proof that therapy makes ketamine work better.',
      "It isn't proof of that.",
      'negated',
    ],
  ])
  it('reads no claim in the lines of a reference list, and still reads the text around it', () => {
    const draft = [
      'Ketamine can relieve depression within hours [3].',
      '',
      '**References**',
      '',
      '[3] Zarate CA Jr, et al. A randomized trial of an N-methyl-D-aspartate antagonist in treatment-resistant major' +
        ' depression. *Arch Gen Psychiatry*. 2006;63:856–864.',
      '1. Dore J, et al. Ketamine assisted psychotherapy (KAP): patient demographics. *J Psychoactive Drugs.* 2019.',
      '- Grunebaum, M. F., Galfalvy, H. C., & Choo, T. (2018). Ketamine for rapid reduction of suicidal thoughts in' +
        ' major depression. *Am J Psychiatry*, 175(4), 327–335.',
    ].join('\n')
    expect(checkDraft(draft).map((m) => [m.claim, m.lines.start])).toEqual([['ketamine-relief-within-hours', 1]])
    // A sentence that names an author and a year but is no reference entry is read.
    expect(
      claimsIn('Dore J, a psychiatrist, said in 2019 that KAP is for people with treatment-resistant depression.'),
    ).toContain('indication-treatment-resistant-depression')
  })
})

describe('plain denials a writer uses when correcting a claim (review 28)', () => {
  it('reads "it is false that", "in any proven way" and "not the only" as denials', () => {
    // The claim found by its opposite ("completely safe") is turned round: the writer asserts the risks.
    expect(stanceFor('It is false that ketamine is completely safe.', 'kap-has-risks-and-side-effects')).toBe(
      'asserted',
    )
    expect(
      stanceFor('Ketamine does not rewire the brain in any proven way.', 'ketamine-reshapes-pathways-and-habits'),
    ).toBe('negated')
    expect(
      stanceFor(
        'Ketamine is not the only psychedelic-type drug the FDA has approved for mental health.',
        'only-fda-approved-psychedelic-adjacent-drug-for-mental-health',
      ),
    ).toBe('negated')
    // "Nor is it risk-free" denies the claim's opposite: the risks are asserted.
    expect(
      stanceFor(
        'Ketamine helps some people. Nor is the treatment risk-free: dissociation is common.',
        'kap-has-risks-and-side-effects',
      ),
    ).toBe('asserted')
    // The claim itself is still asserted where it is made.
    expect(
      stanceFor(
        'Ketamine is the only psychedelic-type drug the FDA has approved for mental health.',
        'only-fda-approved-psychedelic-adjacent-drug-for-mental-health',
      ),
    ).toBe('asserted')
  })

  it('reads a verdict word that opens the answer cell of a fact-check table ("Wrong: …", "Correct, …")', () => {
    const table = [
      '| Claim | Verdict |',
      '|---|---|',
      '| Ketamine is the only psychedelic-type drug approved by the FDA for mental health | Wrong: only esketamine is approved |',
      '| Ketamine relieves depression within hours | Correct, in trials |',
    ].join('\n')
    expect(stanceFor(table, 'only-fda-approved-psychedelic-adjacent-drug-for-mental-health')).toBe('negated')
    expect(stanceFor(table, 'ketamine-relief-within-hours')).toBe('asserted')
  })

  it('reads a verdict that opens a longer sentence after a passage ("Wrong: …", "Not supported; …")', () => {
    const claim = 'only-fda-approved-psychedelic-adjacent-drug-for-mental-health'
    const made = 'Ketamine is the only psychedelic-type drug the FDA has approved for mental health.'
    expect(stanceFor(`${made} Wrong: only esketamine, its nasal spray, holds such an approval.`, claim)).toBe('negated')
    expect(stanceFor(`${made} Not supported; esketamine, its nasal spray, holds such an approval.`, claim)).toBe(
      'negated',
    )
    // A verdict word deep in a longer sentence is not a verdict on the passage.
    expect(stanceFor(`${made} Nothing about the approval process was wrong, the agency said.`, claim)).not.toBe(
      'negated',
    )
  })
})
