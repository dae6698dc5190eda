// Round 38 (educators' texts): a true-or-false quiz puts each statement as its answer key does, or asks it; and the
// reporting, denial and cue words that round's drafts needed.
import { describe, expect, it } from 'vitest'
import { checkDraft } from '../../src/check/index'
import { segment } from '../../src/check/segment'

const stanceFor = (text: string, claim: string) => checkDraft(text).find((m) => m.claim === claim)?.stance
const SCREENING = 'thorough-screening-is-standard-and-essential'
const STRONGER = 'ketamine-plus-therapy-stronger-outcomes'

const KEYED = `# Quiz 6: KAP — True or False

1. Before a patient starts KAP, a full medical and psychiatric assessment should be completed, and reputable programs build this step in as routine. **T / F**

2. Studies have shown that ketamine combined with psychotherapy gives better results for depression than ketamine on its own. **T / F**

### Answer key

1. **True.** Screening comes first.
2. **False.** Trials so far are small.
`

describe('true-or-false quizzes', () => {
  it('puts a keyed statement as its key does: true is asserted, false is denied', () => {
    expect(stanceFor(KEYED, SCREENING)).toBe('asserted')
    expect(stanceFor(KEYED, STRONGER)).toBe('negated')
  })

  it('asks a statement that no key answers, and drops the answer blank and the T / F mark from the text', () => {
    const open = KEYED.slice(0, KEYED.indexOf('### Answer key'))
    expect(stanceFor(open, SCREENING)).toBe('question')
    expect(stanceFor(open, STRONGER)).toBe('question')
    const blanks =
      '## Warm-up: True or False?\n\n1. ____ Studies have shown that ketamine combined with psychotherapy gives better ' +
      'results for depression than ketamine on its own.\n'
    expect(stanceFor(blanks, STRONGER)).toBe('question')
    const items = segment(blanks).filter((s) => s.kind === 'item')
    expect(items.map((s) => [s.text.slice(0, 12), s.quiz])).toEqual([['Studies have', 'open']])
    const keyed = segment(KEYED).filter((s) => s.quiz !== undefined)
    expect(keyed.map((s) => s.quiz)).toEqual(['true', 'false'])
    expect(keyed.map((s) => /(?:routine|own)\.$/.test(s.text))).toEqual([true, true])
  })

  it('reads marks as a quiz only in a document that says it is one', () => {
    const plain = KEYED.replace('True or False', 'Review').replace(
      '### Answer key\n\n1. **True.** Screening comes first.\n2. **False.** Trials so far are small.\n',
      '',
    )
    expect(segment(plain).some((s) => s.quiz !== undefined)).toBe(false)
    expect(stanceFor(plain, STRONGER)).toBe('asserted')
  })
})

describe('quizzes in other layouts (round 39)', () => {
  it('reads "True or false:" statements with the answer right under them, also without a blank line between', () => {
    const sheet =
      '**1.** True or False: Before a patient starts KAP, a full medical and psychiatric assessment should be ' +
      'completed, and reputable programs build this step in as routine.\n\nAnswer: True. Screening comes first.\n\n' +
      'Question 2 of 8\nTrue or false: Studies have shown that ketamine combined with psychotherapy gives better ' +
      'results for depression than ketamine on its own.\nCorrect answer: False\n'
    expect(stanceFor(sheet, SCREENING)).toBe('asserted')
    expect(stanceFor(sheet, STRONGER)).toBe('negated')
    expect(stanceFor(sheet.replace('Correct answer: False\n', ''), STRONGER)).toBe('question')
  })

  it('reads a line that opens with a blank as a statement to judge, and "Agree or disagree?" as asking', () => {
    const blanks =
      'Write T or F in each blank. There is no answer key.\n\n___ 1. Studies have shown that ketamine combined with ' +
      'psychotherapy gives better results for depression than ketamine on its own.\n'
    expect(stanceFor(blanks, STRONGER)).toBe('question')
    expect(
      stanceFor(
        'Studies have shown that ketamine combined with psychotherapy gives better results for depression than ketamine on its own. Agree or disagree?',
        STRONGER,
      ),
    ).toBe('question')
  })

  const CHOICES = (stem: string, key: string) =>
    `**1. ${stem}**\na) Ketamine is a Schedule III controlled substance.\n` +
    'b) Studies have shown that ketamine combined with psychotherapy gives better results for depression than ' +
    `ketamine on its own.\nc) Esketamine is given as a nasal spray.\n\n### Answer key\n\n${key}\n`

  it('asserts the right option of a multiple-choice question and denies the others, or the other way round for a myth', () => {
    expect(stanceFor(CHOICES('Which statement is best supported?', '1 – **b**.'), STRONGER)).toBe('asserted')
    expect(stanceFor(CHOICES('Which statement is best supported?', '1 – **a**.'), STRONGER)).toBe('negated')
    expect(stanceFor(CHOICES('Which of the following is a MYTH?', '1 – **b**.'), STRONGER)).toBe('negated')
    expect(stanceFor(CHOICES('Which of the following is a MYTH?', '1 – **c**.'), STRONGER)).toBe('asserted')
    // No key: each option is put to the learners.
    expect(stanceFor(CHOICES('Which statement is best supported?', ''), STRONGER)).toBe('question')
    // A key as a numbered list, and an option ticked where it stands (the tick leaves the text).
    expect(stanceFor(CHOICES('Which statement is a misconception?', '1. **b** — not shown.'), STRONGER)).toBe('negated')
    const ticked = CHOICES('Which statement is best supported?', '').replace('on its own.', 'on its own. ✓')
    expect(stanceFor(ticked, STRONGER)).toBe('asserted')
    expect(checkDraft(ticked).find((m) => m.claim === STRONGER)?.excerpt).not.toContain('✓')
  })

  it('reads a plus sign between words as "plus"', () => {
    expect(
      checkDraft('Trials show ketamine + psychotherapy gives better results than ketamine alone for depression.').map(
        (m) => m.claim,
      ),
    ).toContain(STRONGER)
  })
})

describe('round 38 words', () => {
  it('reads an authors’ conclusion and what practitioners describe as reported', () => {
    expect(
      stanceFor(
        "Authors' conclusion: ketamine combined with psychotherapy gives better results for depression than ketamine on its own.",
        STRONGER,
      ),
    ).toBe('reported')
  })

  it('reads "no randomised trial has yet shown" and "is not used for" as denials', () => {
    expect(
      stanceFor(
        'No randomised trial has yet shown that ketamine plus therapy gives better results than ketamine alone for depression.',
        STRONGER,
      ),
    ).toBe('negated')
    expect(
      stanceFor(
        'KAP is not used for chronic pain conditions, with or without a psychological component.',
        'indication-chronic-pain-with-psychological-component',
      ),
    ).toBe('negated')
  })

  it('does not read "out of reach" on a shelf, "rapidly growing" interest or "KAP is a form of escape" as claims', () => {
    const claims = (text: string) => checkDraft(text).map((m) => m.claim)
    expect(
      claims('Ketamine is sold illegally too. Products are stronger than in the past. Store any at home out of reach.'),
    ).not.toContain('kap-accesses-hard-to-reach-emotional-material')
    expect(
      claims(
        'Psychedelic-assisted treatments, ketamine-assisted psychotherapy among them, have drawn rapidly growing interest from people with depression.',
      ),
    ).not.toContain('ketamine-relief-within-hours')
    expect(claims('Her husband worries that KAP is a form of escape.')).not.toContain(
      'kap-definition-ketamine-plus-psychotherapy',
    )
  })
})

describe('quizzes set as tables', () => {
  const STATEMENTS =
    '| 1 | Before a patient starts KAP, a full medical and psychiatric assessment should be completed, and reputable ' +
    'programs build this step in as routine. | ____ |\n' +
    '| 2 | Studies have shown that ketamine combined with psychotherapy gives better results for depression than ' +
    'ketamine on its own. | ____ |\n'
  const TABLE_QUIZ = `# Knowledge check: true or false?\n\n| # | Statement | T / F |\n|---|---|---|\n${STATEMENTS}`

  it('keys a table of statements by an answer table after it, headed as answers or under an answer key', () => {
    const keyed =
      `${TABLE_QUIZ}\n## Answers\n\n| # | Answer | Why |\n|---|---|---|\n` +
      '| 1 | True | Screening comes first. |\n| 2 | False | Trials so far are small. |\n'
    expect(stanceFor(keyed, SCREENING)).toBe('asserted')
    expect(stanceFor(keyed, STRONGER)).toBe('negated')
    expect(
      segment(keyed)
        .filter((s) => s.quiz !== undefined)
        .map((s) => [s.text.slice(0, 14), s.quiz]),
    ).toEqual([
      ['Before a patie', 'true'],
      ['Studies have s', 'false'],
    ])
    // A list of statements, keyed by a table under an answer key's heading whose header does not say so.
    const list = KEYED.slice(0, KEYED.indexOf('### Answer key'))
    const tableKey =
      `${list}**Answer key**\n\n| Question | Reply |\n|---|---|\n` +
      '| 1 | **T** |\n| 2 | **F** — trials so far are small |\n'
    expect(stanceFor(tableKey, SCREENING)).toBe('asserted')
    expect(stanceFor(tableKey, STRONGER)).toBe('negated')
    // Without a key the statements are asked.
    expect(stanceFor(TABLE_QUIZ, SCREENING)).toBe('question')
    expect(stanceFor(TABLE_QUIZ, STRONGER)).toBe('question')
  })

  it('reads a row answered in place as asserted or denied, in a quiz or a fact-check table, and keeps its reason', () => {
    const inPlace =
      '| Claim | Verdict |\n|---|---|\n| Studies have shown that ketamine combined with psychotherapy gives better ' +
      'results for depression than ketamine on its own. | **False** — the trials so far are small. |\n'
    expect(stanceFor(inPlace, STRONGER)).toBe('negated')
    expect(stanceFor(inPlace.replace('**False**', 'True'), STRONGER)).toBe('asserted')
    const texts = segment(inPlace).map((s) => s.text)
    expect(texts).toContain('the trials so far are small.')
    // "False" that starts a statement's words is not an answer, nor a cell in a table that is not an answer key.
    const words =
      '| Claim | Note |\n|---|---|\n| Studies have shown that ketamine combined with psychotherapy gives better ' +
      'results for depression than ketamine on its own. | False memories are not the point here. |\n'
    expect(stanceFor(words, STRONGER)).toBe('asserted')
    const notKey = `${TABLE_QUIZ}\n| # | Topic |\n|---|---|\n| 1 | False |\n| 2 | True |\n`
    expect(stanceFor(notKey, SCREENING)).toBe('question')
  })
})

describe('quiz tables named by their header, and quizzes without marks (round 40)', () => {
  const SCREENING_TEXT =
    'Before a patient starts KAP, a full medical and psychiatric assessment should be completed, and reputable ' +
    'programs build this step in as routine.'
  const STRONGER_TEXT =
    'Studies have shown that ketamine combined with psychotherapy gives better results for depression than ketamine ' +
    'on its own.'

  it('reads an empty cell of a column headed as the answers as a blank, and "Yes" / "No" there as answers', () => {
    const empty = `# True or false?\n\n| # | Statement | T/F |\n|---|---|---|\n| 1 | ${SCREENING_TEXT} | |\n| 2 | ${STRONGER_TEXT} | |\n`
    expect(stanceFor(empty, STRONGER)).toBe('question')
    const keyed = `${empty}\n## Answers\n\n| # | Answer |\n|---|---|\n| 1 | T |\n| 2 | F |\n`
    expect(stanceFor(keyed, SCREENING)).toBe('asserted')
    expect(stanceFor(keyed, STRONGER)).toBe('negated')
    const correct = `| Q | Statement | Correct? |\n|---|---|---|\n| 1 | ${SCREENING_TEXT} | Yes |\n| 2 | ${STRONGER_TEXT} | No. Trials are small. |\n`
    expect(stanceFor(correct, SCREENING)).toBe('asserted')
    expect(stanceFor(correct, STRONGER)).toBe('negated')
    // "No" in a column not headed as the answers (a comparison) answers nothing.
    const compare = `| Feature | Infusion | KAP |\n|---|---|---|\n| ${STRONGER_TEXT} | No | Yes |\n`
    expect(stanceFor(compare, STRONGER)).toBe('asserted')
  })

  it('keys the numbered items of a quiz that marks none, by the answers to their numbers, and nothing after the key', () => {
    const quiz =
      `Decide whether each statement is true or false.\n\n1. ${SCREENING_TEXT}\n2. ${STRONGER_TEXT}\n\n` +
      '## Answers\n\n| No. | True/False | Why |\n|---|---|---|\n| 1 | True | Screening comes first. |\n| 2 | False | Small trials. |\n'
    expect(stanceFor(quiz, SCREENING)).toBe('asserted')
    expect(stanceFor(quiz, STRONGER)).toBe('negated')
    // A numbered list after the key (its sources, say) is not keyed.
    const after = `${quiz.replace(`1. ${SCREENING_TEXT}\n2. ${STRONGER_TEXT}\n`, '- a list without numbers\n')}\n## More\n\n1. ${SCREENING_TEXT}\n`
    expect(segment(after).filter((s) => s.quiz !== undefined)).toEqual([])
    // Without the words "true or false" the list is an ordinary list.
    expect(stanceFor(quiz.replace('true or false', 'right').replace('True/False', 'Verdict'), STRONGER)).toBe(
      'asserted',
    )
  })
})

describe('table edge cases', () => {
  it('reads a text that opens with a delimiter row (no header), and rows of only pipes', () => {
    expect(() => segment('| --- | :-: |\n| 1 | True |\n')).not.toThrow()
    expect(() => segment('|---|\n|\n||\n| 1 | |\n')).not.toThrow()
    expect(segment('| --- | :-: |\n| 1 | ketamine works within hours for some |\n').map((s) => s.text)).toEqual([
      '1 ketamine works within hours for some',
    ])
  })
})

describe('tables of sources (round 41)', () => {
  const FADE = 'without-therapy-ketamine-effects-fade-faster'
  const SOURCES = `# What the trials found

| Study | Design | Main finding | Our take |
|---|---|---|---|
| Wilkinson et al., 2017 | Open pilot of CBT after ketamine | Without therapy the benefit of ketamine infusions may fade \
sooner | Studies have shown that ketamine combined with psychotherapy gives better results for depression than ketamine on \
its own |
`

  it("reads what a source found as reported, and a column in the author's own voice apart, as the author's", () => {
    expect(stanceFor(SOURCES, FADE)).toBe('reported')
    expect(stanceFor(SOURCES, STRONGER)).toBe('asserted')
    const row = segment(SOURCES).filter((s) => s.startLine === 5)
    expect(row.map((s) => [s.text.slice(0, 22), s.reported])).toEqual([
      ['Wilkinson et al., 2017', true],
      ['Studies have shown tha', undefined],
    ])
  })

  it('reads a finding against the claim as reported too, and a question as a question', () => {
    const against = SOURCES.replace('Without therapy the benefit', 'It is not true that without therapy the benefit')
    expect(stanceFor(against, FADE)).toBe('reported')
    const asked = SOURCES.replace('may fade sooner |', 'may fade sooner? |')
    expect(stanceFor(asked, FADE)).toBe('question')
  })

  it('leaves a table whose header names no sources, and a quiz table, as they were', () => {
    const plain = SOURCES.replace('| Study | Design | Main finding | Our take |', '| Name | Kind | Line | Note |')
    expect(stanceFor(plain, FADE)).toBe('asserted')
    expect(segment(plain).some((s) => s.reported)).toBe(false)
    const quiz = SOURCES.replace(
      '| Study | Design | Main finding | Our take |',
      '| Study | Design | Main finding | Verdict |',
    )
    expect(segment(quiz).some((s) => s.reported)).toBe(false)
  })
})

describe('tables of what others say (round 43)', () => {
  const FADE = 'without-therapy-ketamine-effects-fade-faster'
  const fade = 'Without therapy the benefit of ketamine infusions may fade sooner'
  const stronger =
    'Studies have shown that ketamine combined with psychotherapy gives better results for depression than ketamine on its own'
  const table = (heads: string, cells: readonly string[]) =>
    `${heads}\n|${' --- |'.repeat(cells.length)}\n| ${cells.join(' | ')} |\n`

  it('reads a column of what others say, promise or were told as reported, even in the first person', () => {
    for (const head of [
      'What they promise',
      'Headline promise',
      'What she said',
      'What I was told',
      '"I read that…"',
    ]) {
      const text = table(`| Clinic | ${head} | Price |`, ['Clinic A', fade, '$400'])
      expect(stanceFor(text, FADE), head).toBe('reported')
    }
  })

  it("reads the other columns of such a table as the author's own: a rating, a reason, the evidence set against it", () => {
    for (const head of ['Rating', 'Why', 'Where the evidence actually is', 'Our verdict', 'Finding']) {
      const text = table(`| What the ad says | Where seen | ${head} |`, [
        '"Rewire your brain"',
        'A billboard',
        stronger,
      ])
      expect(stanceFor(text, STRONGER), head).toBe('asserted')
    }
    // What a source found stays reported beside others' words; a reading's reason in a table of sources too.
    const found = table('| What the ad says | What the trial found | My view |', [
      '"Feel better fast"',
      fade,
      'Too early.',
    ])
    expect(stanceFor(found, FADE)).toBe('reported')
    const reading = table("| Reading | Type | Why it's here |", ['Wilkinson et al., 2017', 'Pilot', fade])
    expect(stanceFor(reading, FADE)).toBe('reported')
  })

  it('reads a denial that argues against what others repeat as a denial (round 44)', () => {
    for (const lead of [
      'Nowhere could I find good evidence that',
      'We found no support for the idea that',
      'I am not going to believe that',
      'We could not support the claim that',
    ])
      expect(stanceFor(`${lead} ${stronger.charAt(0).toLowerCase()}${stronger.slice(1)}.`, STRONGER), lead).toBe(
        'negated',
      )
  })

  it('reads what the author says or tells as the author\'s own: "What I tell clients", "We say:" (round 45)', () => {
    const text = table('| | What you may have read | What I tell clients |', ['Timing', '"Fast fix"', stronger])
    expect(stanceFor(text, STRONGER)).toBe('asserted')
    const paired = `# KAP: two views\n\n- **They say:** a quick fix.\n- **We say:** ${stronger}.\n`
    expect(stanceFor(paired, STRONGER)).toBe('asserted')
    expect(
      stanceFor(`# KAP\n\nThe clinic says that ${stronger.charAt(0).toLowerCase()}${stronger.slice(1)}.\n`, STRONGER),
    ).toBe('reported')
  })

  it('leaves a table headed "Claim" as it was: a claim column alone says nothing about whose claim', () => {
    const text = table('| Claim | Note |', [fade, 'See below.'])
    expect(stanceFor(text, FADE)).toBe('asserted')
    expect(segment(text).some((s) => s.reported)).toBe(false)
  })
})
