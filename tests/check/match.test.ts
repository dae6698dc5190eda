import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkDraft, claimsIn, EXCERPT_MAX, truncate } from '../../src/check/index'
import { getFullClaim as getClaim } from '../../src/details/index'
import { itFindsEach, itIgnoresLookAlikes } from '../helpers/check-cases'

describe('checkDraft', () => {
  it('reports the claim, its verdict, the lines and the studies to cite', () => {
    const draft =
      '# Notes\n\nSome background first.\n\nKetamine can lift depression within hours of a single infusion.\n'
    const [m, ...rest] = checkDraft(draft)
    expect(rest).toEqual([])
    expect(m).toMatchObject({
      claim: 'ketamine-relief-within-hours',
      verdict: 'oversimplified',
      lines: { start: 5, end: 5 },
      excerpt: 'Ketamine can lift depression within hours of a single infusion.',
    })
    expect(m!.statement).toBe(getClaim('ketamine-relief-within-hours').statement)
    expect(m!.verdictNote).toBe(getClaim('ketamine-relief-within-hours').verdictNote)
    expect(m!.cite.map((c) => c.id)).toEqual([
      'berman-2000',
      'murrough-2013',
      'wilkinson-2018',
      'grunebaum-2018',
      'phillips-2019',
    ])
    expect(m!.cite.map((c) => c.relation)).toEqual([
      'partly-supports',
      'partly-supports',
      'partly-supports',
      'partly-supports',
      'partly-supports',
    ])
    expect(m!.cite.find((c) => c.id === 'berman-2000')!.citation).toBe('(Berman et al., 2000)')
    expect(m!.citation).toContain('Berman et al., 2000')
  })
  it('reports one best claim per passage: a general claim that gives way to a specific one is its runner-up', () => {
    const draft =
      'Proponents cite Wilkinson and colleagues, who found that adding psychotherapy makes ketamine work better in ' +
      'treatment-resistant depression.'
    const found = checkDraft(draft)
    expect(found.map((m) => [m.claim, m.runnersUp])).toEqual([
      ['wilkinson-therapy-strengthens-ketamine-in-trd', ['indication-treatment-resistant-depression']],
    ])
    // Without the specific claim in the passage, the general one is a finding of its own again.
    const alone = checkDraft('KAP is offered to people with treatment-resistant depression.')
    expect(alone.map((m) => [m.claim, m.runnersUp])).toEqual([['indication-treatment-resistant-depression', []]])
    // A longer passage that contains the sentence where it gave way does not bring it back either.
    const two = checkDraft(`${draft} Ketamine therapy is used for it.`)
    expect(two.map((m) => m.claim)).not.toContain('indication-treatment-resistant-depression')
    // A general claim that needs the sentence of the specific claim gives way to it there, and is its runner-up
    // although the specific claim's passage is that one sentence: "depression" + "used for" in the second sentence,
    // "ketamine" in the first.
    const needsBoth = checkDraft('Wilkinson and colleagues studied CBT after ketamine. It was used for depression.')
    expect(needsBoth.map((m) => [m.claim, m.lines, m.runnersUp])).toEqual([
      [
        'wilkinson-therapy-strengthens-ketamine-in-trd',
        { start: 1, end: 1 },
        ['indication-treatment-resistant-depression'],
      ],
    ])
  })
  it('reports a general claim made in a sentence of its own next to the specific claim it gives way to', () => {
    // Review 28, finding 3: the PTSD indication gives way to the Wilkinson claim, but here the Wilkinson claim is in
    // the first sentence and the PTSD claim in the second. Sharing a two-sentence window is not enough to give way.
    const ptsd = 'Ketamine may help some people with PTSD, but the trials are small and their results mixed.'
    const wilkinson =
      'It is sometimes said that pairing ketamine with psychotherapy makes its benefits last longer; a small trial by ' +
      'Wilkinson and colleagues hints at this, but its primary outcome was not significant.'
    // On one line, and on two lines of one paragraph (the PTSD sentence on line 2).
    for (const [draft, line] of [
      [`${wilkinson} ${ptsd}`, 1],
      [`${wilkinson}\n${ptsd}`, 2],
    ] as const) {
      const found = checkDraft(draft).map((m) => [m.claim, m.lines.start, m.lines.end, m.stance, m.runnersUp])
      expect(found).toContainEqual(['indication-ptsd-and-trauma', line, line, 'asserted', []])
      expect(found).toContainEqual([
        'wilkinson-therapy-strengthens-ketamine-in-trd',
        1,
        1,
        'reported',
        ['kap-definition-ketamine-plus-psychotherapy'],
      ])
      expect(found).toHaveLength(2)
    }
    // The same for the claim that therapy strengthens ketamine, and the question that follows a study's sentence.
    expect(
      claimsIn(
        'Ketamine combined with therapy gives better results than ketamine alone. Ketamine is also used for PTSD.',
      ),
    ).toEqual(['indication-ptsd-and-trauma', 'ketamine-plus-therapy-stronger-outcomes'])
    const split = checkDraft(
      'Wilkinson and colleagues gave a course of CBT after the infusions. Does adding therapy really make ketamine ' +
        'work better in treatment-resistant depression?',
    )
    expect(split.map((m) => [m.claim, m.stance, m.runnersUp])).toEqual([
      ['indication-treatment-resistant-depression', 'question', []],
      ['wilkinson-therapy-strengthens-ketamine-in-trd', 'asserted', []],
    ])
  })
  it('gives way only to a passage that is itself reported, not to one that gave way in turn', () => {
    // Relief within hours (first sentence) gives way to rapid neuroplasticity, found across both sentences ("rapidly"
    // + "neuroplasticity"); that passage gives way to the plasticity window, found in the second sentence alone. The
    // window's passage does not share the first sentence, so the relief claim is reported; it used to vanish.
    const found = checkDraft(
      'Ketamine rapidly lifts depression, often within hours. Therapy during this window of neuroplasticity can be ' +
        'more effective.',
    )
    expect(found.map((m) => [m.claim, m.runnersUp])).toEqual([
      ['ketamine-relief-within-hours', []],
      ['therapy-in-plasticity-window-more-effective', ['ketamine-promotes-rapid-neuroplasticity']],
    ])
  })
  it('cites only supporting evidence, and nothing when no study supports the claim', () => {
    const m = checkDraft('Without therapy, the benefits of ketamine fade more quickly than with it.').find(
      (x) => x.claim === 'without-therapy-ketamine-effects-fade-faster',
    )
    expect(m!.cite.map((c) => [c.id, c.relation])).toEqual([['wilkinson-2021', 'partly-supports']])
    const untested = checkDraft('The intensity of ketamine is more predictable than that of other psychedelics.')
    const after = untested.find((x) => x.claim === 'ketamine-intensity-more-predictable')!
    expect(after.cite).toEqual([])
    expect(after.citation).toBe('')
  })
  it('tells relief that fades without therapy (absolute) from relief that fades sooner than with it (comparison)', () => {
    expect(
      claimsIn('When ketamine infusions are given with no therapy at all, the improvement tends to fade within weeks.'),
    ).toEqual(['standalone-ketamine-relief-short-lived'])
    expect(claimsIn('Without therapy, the benefits of ketamine fade more quickly than with it.')).toEqual([
      'without-therapy-ketamine-effects-fade-faster',
    ])
  })
  it('matches across two neighbouring sentences and reports both lines', () => {
    const [m] = checkDraft('Antidepressants are slow.\nThey can take several weeks to work, unlike ketamine.')
    expect(m).toMatchObject({ claim: 'conventional-antidepressants-slow-onset', lines: { start: 1, end: 2 } })
  })
  it('pairs sentences across paragraphs only after a heading or a question', () => {
    const claim = 'conventional-antidepressants-slow-onset'
    // Two paragraphs, two thoughts: the end of one and the start of the next do not make a claim together.
    expect(
      claimsIn('We talked about antidepressants.\n\nThey can take several weeks, she said, unlike ketamine.'),
    ).not.toContain(claim)
    // A question and the paragraph that answers it do.
    expect(claimsIn('What about antidepressants?\n\nThey can take several weeks, unlike ketamine.')).toContain(claim)
    expect(claimsIn('## Antidepressants\n\nThey can take several weeks, unlike ketamine.')).toContain(claim)
  })
  it('reads a list item with the sentence that introduces the list', () => {
    const matches = checkDraft(
      'Ketamine-assisted psychotherapy may be a good fit for people experiencing:\n\n- depression\n- generalised anxiety\n',
    )
    const anxiety = matches.find((m) => m.claim === 'indication-anxiety')!
    expect(anxiety.lines).toEqual({ start: 1, end: 4 })
    expect(anxiety.excerpt).toMatch(/ … generalised anxiety$/)
  })
  it('reports a passage that denies a claim too: it finds claims, it does not judge stance', () => {
    expect(claimsIn('It is not true that ketamine relieves depression within hours.')).toEqual([
      'ketamine-relief-within-hours',
    ])
  })
  it('does not read trauma care in an emergency as a PTSD claim', () => {
    expect(
      claimsIn('Ketamine is used for sedation of trauma patients after road accidents in the emergency department.'),
    ).not.toContain('indication-ptsd-and-trauma')
    expect(claimsIn('Ketamine-assisted psychotherapy may help people heal from trauma.')).toContain(
      'indication-ptsd-and-trauma',
    )
  })
  it('does not read "health" as a form of "heal"', () => {
    expect(claimsIn('The public health emergency rules for ketamine prescribing are now permanent.')).toEqual([])
    expect(claimsIn('Ketamine therapy can bring lasting healing.')).toEqual(['kap-produces-lasting-relief-and-change'])
  })
  it('finds nothing in a draft that never names ketamine, KAP or esketamine', () => {
    expect(checkDraft('Antidepressants take several weeks to work. Integration sessions afterwards help.')).toEqual([])
  })
  it('finds nothing in an empty or punctuation-only draft', () => {
    expect(checkDraft('')).toEqual([])
    expect(checkDraft('... !!! ---')).toEqual([])
  })
  it('lists distinct claims, sorted, for the evaluation', () => {
    expect(claimsIn('Ketamine acts on NMDA receptors. Ketamine is an NMDA antagonist.')).toEqual([
      'ketamine-acts-on-nmda-glutamate',
    ])
  })
  it('never shows more of the draft than a 120-character excerpt of each matched passage', () => {
    const secret = 'The zebra-coloured umbrella belongs to Ms Quillfeather of 12 Larkspur Lane.'
    const filler =
      'Ketamine works on the glutamate system and NMDA receptors, which is why many people describe a very long ' +
      'and winding story here. '
    const draft = `${secret}\n\n${filler.repeat(3)}\n\n${secret}`
    const matches = checkDraft(draft)
    expect(matches.length).toBeGreaterThan(0)
    const printed = JSON.stringify(matches)
    expect(printed).not.toContain('Quillfeather')
    for (const m of matches) expect(m.excerpt.length).toBeLessThanOrEqual(EXCERPT_MAX)
  })
  it('never throws on arbitrary text, and its excerpts and lines stay in bounds', () => {
    const words = fc.constantFrom(
      'ketamine',
      'KAP',
      'therapy',
      'integration',
      'within hours',
      'relief',
      'NMDA',
      'weeks',
      'antidepressants',
      '.',
      '\n',
      '\n\n',
      '- ',
      '# ',
      'é',
      '’',
      '*',
      'anxiety',
      'PTSD',
    )
    fc.assert(
      fc.property(fc.array(fc.oneof(words, fc.string({ maxLength: 12 })), { maxLength: 80 }), (parts) => {
        const text = parts.join(' ')
        const lines = text.split(/\r\n?|\n/).length
        for (const m of checkDraft(text)) {
          expect(m.excerpt.length).toBeLessThanOrEqual(EXCERPT_MAX)
          expect(m.lines.start).toBeGreaterThanOrEqual(1)
          expect(m.lines.end).toBeLessThanOrEqual(lines)
          expect(m.lines.end).toBeGreaterThanOrEqual(m.lines.start)
        }
      }),
      { numRuns: 300 },
    )
  })
})

describe('truncate', () => {
  it('keeps short text and cuts long text at a word with an ellipsis', () => {
    expect(truncate('short  text', 20)).toBe('short text')
    expect(truncate('one two three four five six', 14)).toBe('one two three…')
    fc.assert(fc.property(fc.string(), fc.integer({ min: 1, max: 200 }), (s, n) => truncate(s, n).length <= n))
  })
})

// Generic phrasings from the errors of the twentieth blind round (docs/claim-checker.md, bench/README.md), in our own
// words: each is read as its claim, and each trap is not.
describe('cue fixes of round 20', () => {
  itFindsEach([
    [
      'Ketamine helps, and the benefits last longer when therapy is added.',
      'without-therapy-ketamine-effects-fade-faster',
    ],
    ['Many clinics now offer ketamine for PTSD.', 'indication-ptsd-and-trauma'],
    ['Relief from ketamine alone does not always stick for long.', 'standalone-ketamine-relief-short-lived'],
    [
      'In ketamine therapy we meet twice before your first medicine day, and I ask about your history.',
      'preparation-sets-intentions-and-educates',
    ],
    [
      'People think ketamine is about checking out. It is the opposite: you finally face it.',
      'kap-helps-face-reality-not-escape',
    ],
    [
      'Ketamine-assisted therapy was my last stop because nothing else has worked.',
      'kap-for-people-not-helped-by-standard-treatment',
    ],
    [
      'After a ketamine session, therapy in that window gets more traction than ordinary counselling.',
      'therapy-in-plasticity-window-more-effective',
    ],
  ])

  it.each([
    [
      'At our ketamine clinic, therapists do not prepare or give the medication.',
      'preparation-sets-intentions-and-educates',
    ],
    ['Before the day, I explain exactly how a ketamine session runs.', 'ketamine-mechanism-incompletely-understood'],
    [
      'He has taken ketamine pills for two months; several friends asked why.',
      'conventional-antidepressants-slow-onset',
    ],
  ])('%s is not %s', (text, claim) => {
    expect(claimsIn(text)).not.toContain(claim)
  })
})

describe('blunt one-line claims a writer tried first (2026-12-06)', () => {
  itFindsEach([
    ['Ketamine is FDA approved for depression.', 'only-fda-approved-psychedelic-adjacent-drug-for-mental-health'],
    ['Ketamine regrows brain connections.', 'depression-involves-synapse-loss-ketamine-may-reverse'],
    ['Ketamine restores lost synapses.', 'depression-involves-synapse-loss-ketamine-may-reverse'],
    ['Ketamine is completely safe and non-addictive.', 'kap-has-risks-and-side-effects'],
    ['Ketamine is not completely safe.', 'kap-has-risks-and-side-effects'],
  ])
})

describe('indications said as "effective for" or "can help with" (2026-12-07)', () => {
  itFindsEach([
    ['Ketamine is very effective for anxiety.', 'indication-anxiety'],
    ['KAP is useful for social anxiety.', 'indication-anxiety'],
    [
      'Ketamine therapy is great for depression that never lifted with pills.',
      'indication-treatment-resistant-depression',
    ],
  ])
  // "works for" stays out: "nobody had to prove it works for that purpose" is about approval, not an indication.
  itIgnoresLookAlikes([
    [
      'Doctors may prescribe ketamine off-label for anxiety, which means nobody had to prove it works for that purpose.',
      'indication-anxiety',
      'a remark on off-label approval',
    ],
  ])
})

describe('cue fixes of round 22', () => {
  itFindsEach([
    ['Like anything else, ketamine has got its downsides.', 'kap-has-risks-and-side-effects'],
    ['Ketamine made me sick to my stomach and my blood pressure went up.', 'kap-has-risks-and-side-effects'],
    ['KAP runs in three phases, starting with a couple of prep meetings.', 'kap-three-phase-structure'],
    [
      'After a ketamine dose the brain stays plastic for a while, so therapy works better.',
      'therapy-in-plasticity-window-more-effective',
    ],
    ['Ketamine therapy is not a flight from your life.', 'kap-helps-face-reality-not-escape'],
    ['Throughout the ketamine ceremony a therapist remains at your side.', 'therapist-present-during-dosing'],
    ['On ketamine I felt floaty and chilled.', 'typical-acute-subjective-effects'],
    [
      'Ketamine must only be given by licensed doctors.',
      'kap-requires-licensed-professionals-and-regulatory-compliance',
    ],
    [
      "Ketamine's neuroplasticity helps regrow lost connections.",
      'depression-involves-synapse-loss-ketamine-may-reverse',
    ],
    [
      'For those who have gone numb and feel nothing, ketamine therapy can help.',
      'indication-emotional-numbness-disconnection',
    ],
    [
      'The ketamine clinic vetted me hard: a full physical and a psychiatrist.',
      'thorough-screening-is-standard-and-essential',
    ],
  ])

  it('reads "hope for people who ran out of options" as the breakthrough claim, not as who KAP is for', () => {
    const found = checkDraft('Ketamine therapy is a breakthrough: real hope for people who have run out of options.')
    // Nor is "ketamine therapy is a breakthrough" a definition of KAP (the definition's "is a" group has a veto).
    expect(found.map((m) => [m.claim, m.runnersUp])).toEqual([
      ['kap-breakthrough-cutting-edge-promising', ['kap-for-people-not-helped-by-standard-treatment']],
    ])
  })
})

describe('cue fixes of round 25', () => {
  itFindsEach([
    [
      'Depression wears away the connections between nerve cells and ketamine grows them back.',
      'depression-involves-synapse-loss-ketamine-may-reverse',
    ],
    [
      "At the ketamine clinic a doctor gives the dose, and my therapist doesn't give any medication.",
      'kap-care-team-prescriber-and-therapist',
    ],
    ['Is ketamine therapy the great leap forward for psychiatry?', 'kap-breakthrough-cutting-edge-promising'],
    ['On ketamine the running commentary in her head went quiet.', 'acute-state-loosens-thinking-patterns'],
    ['Does the ketamine wear off quicker if you skip the therapy?', 'without-therapy-ketamine-effects-fade-faster'],
    [
      'With ketamine the dose does not change anything; same trip whatever amount.',
      'ketamine-dose-range-shapes-experience',
    ],
    [
      "Ketamine in a clinic is the same high as in a club, it's a party drug.",
      'kap-differs-from-recreational-use-by-intentionality',
    ],
  ])
})

describe('cue fixes of round 26', () => {
  itFindsEach([
    ['Nobody can yet say exactly how ketamine lifts mood.', 'ketamine-mechanism-incompletely-understood'],
    ['The ad says ketamine resets the wiring of your brain.', 'ketamine-reshapes-pathways-and-habits'],
    ['Will the lift from a ketamine drip on its own really last?', 'standalone-ketamine-relief-short-lived'],
    ['Is a ketamine trip shorter than shrooms?', 'acute-effects-last-45-to-90-minutes'],
    [
      'Does therapy add anything, or is it the ketamine drug doing the work?',
      'ketamine-plus-therapy-stronger-outcomes',
    ],
    ['My cousin says ketamine kicks in within a few hours.', 'ketamine-relief-within-hours'],
    ['People with a history of psychosis shouldn\u2019t take ketamine.', 'contraindications-psychosis-bipolar-medical'],
    ['Without therapy, the effects of ketamine fade within weeks.', 'standalone-ketamine-relief-short-lived'],
    [
      'Is it legal for a doctor to prescribe ketamine for depression?',
      'ketamine-approved-anesthetic-prescribed-off-label',
    ],
    [
      'Does the ketamine prep session explain what the trip will feel like?',
      'preparation-sets-intentions-and-educates',
    ],
    [
      'Ketamine clients in therapy hold gains longer; drip only patients wear off sooner.',
      'without-therapy-ketamine-effects-fade-faster',
    ],
    [
      'Good ketamine clinics do a proper psych assessment before you start.',
      'thorough-screening-is-standard-and-essential',
    ],
  ])
  itIgnoresLookAlikes([
    [
      'On ketamine he felt detached from his body and his feelings were calm.',
      'indication-emotional-numbness-disconnection',
      'an acute effect, not emotional numbness',
    ],
    [
      'Ketamine was only approved as an anaesthetic, so is it legal for depression?',
      'only-fda-approved-psychedelic-adjacent-drug-for-mental-health',
      'approval as an anaesthetic only',
    ],
    [
      'My doctor wrote that KAP is an appropriate next step after talk therapy.',
      'kap-definition-ketamine-plus-psychotherapy',
      'a recommendation, not a definition',
    ],
    [
      'Ketamine holds no FDA approval for depression or PTSD, patients should know.',
      'indication-ptsd-and-trauma',
      'PTSD named among conditions without approval',
    ],
  ])
})

describe('cue fixes of round 27', () => {
  itFindsEach([
    ['With ketamine, will a therapist be sitting with me while I\u2019m on it?', 'therapist-present-during-dosing'],
    [
      'Is the ketamine trip really over in an hour and a half, quicker than a mushroom journey?',
      'acute-effects-last-45-to-90-minutes',
    ],
    ['With ketamine, do we actually know how it helps depression?', 'ketamine-mechanism-incompletely-understood'],
    ['My doctor said ketamine might make me feel sick and raise my blood pressure.', 'kap-has-risks-and-side-effects'],
    [
      'Will ketamine therapy give me something that actually lasts, a real change?',
      'kap-produces-lasting-relief-and-change',
    ],
    [
      'Does ketamine change the brain areas for emotion and your sense of self?',
      'ketamine-alters-emotion-and-self-awareness-networks',
    ],
    [
      "Aren't people with psychosis supposed to stay away from ketamine?",
      'contraindications-psychosis-bipolar-medical',
    ],
  ])
  itIgnoresLookAlikes([
    [
      'Ketamine has no psychiatric approval, whatever the posters in the waiting room imply.',
      'kap-available-now-while-psilocybin-mdma-await-approval',
      'a waiting room, not a wait for approval',
    ],
    [
      'With ketamine the benefits are not expected to diminish more quickly without therapy, nor the response.',
      'ketamine-relief-within-hours',
      'benefits that do not diminish, not fast relief',
    ],
  ])
})

describe('cue fixes of round 28', () => {
  itFindsEach([
    [
      'What we cannot yet tell you is exactly how ketamine lifts depression.',
      'ketamine-mechanism-incompletely-understood',
    ],
    ['How ketamine relieves depression remains unresolved.', 'ketamine-mechanism-incompletely-understood'],
    ['The nurse said ketamine lasts 45 mins to an hour and half.', 'acute-effects-last-45-to-90-minutes'],
    [
      'Depression kills the connections in your brain and ketamine grows them back.',
      'depression-involves-synapse-loss-ketamine-may-reverse',
    ],
    [
      'Is there a window after a dose of ketamine where therapy hits harder?',
      'therapy-in-plasticity-window-more-effective',
    ],
    [
      'New ketamine-like pills work without the trip, but does the trip itself matter?',
      'acute-experience-needed-for-transformation',
    ],
  ])
  itIgnoresLookAlikes([
    [
      'Whether ketamine therapy suits chronic pain is an open question.',
      'ketamine-mechanism-incompletely-understood',
      'an open question about fit, not about how it works',
    ],
    [
      'Ketamine FAQ for therapists, prepared by our nurse practitioner.',
      'preparation-sets-intentions-and-educates',
      'a document prepared by someone',
    ],
    [
      'Dore and colleagues (2019) reported that KAP patients showed significant and sustained improvements in anxiety.',
      'indication-anxiety',
      'the Dore claim, not an indication',
    ],
  ])
})

describe('cue fixes of round 29', () => {
  itFindsEach([
    [
      "If you've had a psychotic episode, I'd steer well clear of ketamine.",
      'contraindications-psychosis-bipolar-medical',
    ],
    [
      'The ketamine clinic wanted a full physical and a long sit-down with a psychiatrist.',
      'thorough-screening-is-standard-and-essential',
    ],
    [
      'Will someone be in the room with me the whole time while I\u2019m out of it on ketamine?',
      'therapist-present-during-dosing',
    ],
    ['I did IV ketamine by itself and crashed after 10 days.', 'standalone-ketamine-relief-short-lived'],
    [
      'Your synapses shrivel when you are depressed for years and ketamine grows them back.',
      'depression-involves-synapse-loss-ketamine-may-reverse',
    ],
    [
      'Dore 2019 does not show that ketamine patients got durably better.',
      'dore-2019-significant-lasting-improvements',
    ],
    ['On ketamine the narrator in my head just shut up.', 'acute-state-loosens-thinking-patterns'],
  ])
})

describe('cue fixes of round 30', () => {
  itFindsEach([
    [
      'Would the ketamine dose be the same amount they use to put people under for surgery?',
      'kap-uses-lower-than-anesthetic-dose',
    ],
    ['We do not yet understand how ketamine relieves depression.', 'ketamine-mechanism-incompletely-understood'],
    ['Nobody has fully worked out how ketamine eases depression.', 'ketamine-mechanism-incompletely-understood'],
    ['Is it better to do therapy too, or is the ketamine enough?', 'ketamine-plus-therapy-stronger-outcomes'],
  ])
  itIgnoresLookAlikes([
    [
      'Regular ketamine use at parties can cause bladder damage.',
      'kap-has-risks-and-side-effects',
      'harms of recreational use, not the risks of treatment',
    ],
  ])
})

describe('cue fixes of round 31', () => {
  itFindsEach([
    ['How ketamine works is genuinely unresolved.', 'ketamine-mechanism-incompletely-understood'],
    [
      'Ketamine seems to quickly boost the brain\u2019s ability to grow and repair connections.',
      'ketamine-promotes-rapid-neuroplasticity',
    ],
  ])
})

describe('a contrast pieced from two sentences (review 28, left from session 28)', () => {
  itIgnoresLookAlikes([
    [
      'Ketamine is not the only psychedelic-type drug the FDA has approved for mental health. Nor is the treatment risk-free: dissociation is common.',
      'ketamine-experience-dissociative-not-psychedelic',
      '"not the only" contrasts nothing with dissociation',
    ],
  ])
  itFindsEach([
    [
      'The ketamine experience is dissociative, not a psychedelic trip.',
      'ketamine-experience-dissociative-not-psychedelic',
    ],
  ])
})
