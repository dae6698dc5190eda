import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { segment } from '../../src/check/segment'
import { foldText, stem, tokenize } from '../../src/check/text'

describe('text normalisation', () => {
  it('folds case, diacritics, apostrophes and British spellings', () => {
    expect(foldText('Kétamine’s Anaesthetic BEHAVIOUR')).toBe("ketamine's anesthetic behavior")
    expect(tokenize('Ketamine-assisted it’s').map((t) => t.word)).toEqual(['ketamine', 'assisted', 'it', 's'])
  })
  it('writes out chat spellings, leaving words that are also words', () => {
    expect(
      tokenize('u r sure ur therapist doesnt dose thru it? theres no way')
        .map((t) => t.word)
        .join(' '),
    ).toBe('you are sure your therapist doesn t dose through it there s no way')
    // "its", "wont", "ill" are words; "im" is how cues write intramuscular.
    expect(tokenize('its IM dose, ill wont').map((t) => t.word)).toEqual(['its', 'im', 'dose', 'ill', 'wont'])
  })
  it('stems plural endings only', () => {
    expect(stem('receptors')).toBe('receptor')
    expect(stem('studies')).toBe('study')
    expect(stem('classes')).toBe('class')
    expect(stem('process')).toBe('process')
    expect(stem('analysis')).toBe('analysis')
    expect(stem('fading')).toBe('fading')
  })
})

describe('segment', () => {
  it('splits sentences and keeps their line numbers', () => {
    const s = segment('First sentence here. Second one\ncontinues on line two.\n\nThird, after a blank line.')
    expect(s.map((x) => [x.text, x.startLine, x.endLine])).toEqual([
      ['First sentence here.', 1, 1],
      ['Second one continues on line two.', 1, 2],
      ['Third, after a blank line.', 4, 4],
    ])
  })
  it('does not split after abbreviations such as et al. and e.g.', () => {
    const s = segment('One study (Dore et al. 2019) found this. Routes vary, e.g. IV or IM.')
    expect(s.map((x) => x.text)).toEqual(['One study (Dore et al. 2019) found this.', 'Routes vary, e.g. IV or IM.'])
  })
  it('drops Markdown syntax, code blocks and front matter', () => {
    const md = [
      '---',
      'title: Ketamine',
      '---',
      '# A *heading*',
      '',
      'Read [the **trial**](https://example.org/x) `now`.',
      '',
      '```',
      'ketamine code',
      '```',
      '<!-- hidden -->',
      'Last.',
    ].join('\n')
    const s = segment(md)
    expect(s.map((x) => [x.text, x.kind, x.startLine])).toEqual([
      ['A heading', 'heading', 4],
      ['Read the trial now.', 'paragraph', 6],
      ['Last.', 'paragraph', 12],
    ])
  })
  it('gives list items the sentence that introduced the list', () => {
    const s = segment('Who may benefit:\n\n- Severe anxiety\n- PTSD\n\nAfter the list.')
    const items = s.filter((x) => x.kind === 'item')
    expect(items.map((x) => [x.text, x.lead])).toEqual([
      ['Severe anxiety', 0],
      ['PTSD', 0],
    ])
    expect(s[0]!.text).toBe('Who may benefit:')
    expect(s.at(-1)!.lead).toBeUndefined()
  })
  it('treats a short unpunctuated line before a capitalised line as a heading-like break', () => {
    const s = segment('How Ketamine Works\nKetamine acts on NMDA receptors.')
    expect(s.map((x) => x.text)).toEqual(['How Ketamine Works', 'Ketamine acts on NMDA receptors.'])
  })
  it('does not take the letter after an apostrophe for an initial', () => {
    expect(segment("It isn't. No points. Ask J. Smith.").map((x) => x.text)).toEqual([
      "It isn't.",
      'No points.',
      'Ask J. Smith.',
    ])
  })
  it('starts a new block at each turn of a chat log or transcript', () => {
    const chat = [
      '**[21:02] mossyfrog:** does it kick in within hours',
      '**[21:05] kev:** nah its basically a turbo ssri',
      'ANCHOR (DANA PRICE): Ketamine clinics are opening',
      'REPORTER VO: In a strip mall off Route 9',
      'Dr Lee: yes',
    ].join('\n')
    const s = segment(chat)
    expect(s.map((x) => x.startLine)).toEqual([1, 2, 3, 4, 5])
    expect(new Set(s.map((x) => x.block)).size).toBe(5)
    // A wrapped line of prose that merely contains a colon stays in its paragraph.
    const prose = segment('The study had one aim\nin mind: to test whether it works.')
    expect(prose.map((x) => x.block)).toEqual([0])
  })
  it('reads a footnote definition without its label, as a paragraph of its own', () => {
    const s = segment(
      [
        'Ketamine works fast.[^1] It helps.[^note]',
        '',
        '[^1]: Murrough et al. found a response within 24 hours.',
        '[^note]: Another note',
        '    continued on an indented line.',
      ].join('\n'),
    )
    expect(s.map((x) => [x.text, x.startLine, x.endLine, x.block])).toEqual([
      ['Ketamine works fast.', 1, 1, 0],
      ['It helps.', 1, 1, 0],
      ['Murrough et al. found a response within 24 hours.', 3, 3, 1],
      ['Another note continued on an indented line.', 4, 5, 2],
    ])
  })
  it('drops link reference definitions, which Markdown does not show', () => {
    const s = segment(
      [
        'Ketamine works fast [1] and [the trial][t].',
        '[1]: https://doi.org/10.1056/NEJMoa2302399',
        '  [t]: <https://example.org/trial> "The trial"',
        '[not a link]: just words after a bracket',
      ].join('\n'),
    )
    expect(s.map((x) => [x.text, x.startLine])).toEqual([
      ['Ketamine works fast [1] and the trial.', 1],
      ['[not a link]: just words after a bracket', 4],
    ])
  })
  it('drops inline footnotes, also one holding a link', () => {
    expect(
      segment('Ketamine works^[see [Dore](https://x.org/a) for more] within hours^[a note].').map((x) => x.text),
    ).toEqual(['Ketamine works within hours.'])
  })
  it('reads each table row as a block of its own, without pipes or the delimiter row', () => {
    const s = segment(
      [
        'Intro text:',
        '| Claim | Source |',
        '|:---|---:|',
        '| Ketamine works within hours. | Smith 2020 |',
        '| Effects fade | Jones |',
        '',
        'Claim | Source',
        '--- | ---',
        'A | B',
        '# After',
        'Text.',
      ].join('\n'),
    )
    expect(s.map((x) => [x.text, x.startLine, x.block])).toEqual([
      ['Intro text:', 1, 0],
      ['Claim Source', 2, 1],
      ['Ketamine works within hours.', 4, 2],
      ['Smith 2020', 4, 2],
      ['Effects fade Jones', 5, 3],
      ['Claim Source', 7, 4],
      ['A B', 9, 5],
      ['After', 10, 6],
      ['Text.', 11, 7],
    ])
    // A line of dashes without a pipe is still a setext underline or a thematic break, not a table.
    expect(segment('Title\n---\nBody.').map((x) => [x.text, x.kind])).toEqual([
      ['Title', 'heading'],
      ['Body.', 'paragraph'],
    ])
  })
  it('removes invisible format characters inside words, keeping line numbers', () => {
    for (const c of ['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'])
      expect(
        segment(`Intro.\nKeta${c}mine-assisted therapy has three stages.`).map((x) => [x.text, x.startLine]),
        JSON.stringify(c),
      ).toEqual([
        ['Intro.', 1],
        ['Ketamine-assisted therapy has three stages.', 2],
      ])
    // A line of only invisible characters is a blank line.
    expect(segment('One\n\u200b\ntwo').map((x) => x.block)).toEqual([0, 1])
  })
  it('decodes HTML character references as a browser shows them', () => {
    expect(
      segment('Relief within&nbsp;hours &amp; &quot;fast&quot; &#39;a&#39; it&#8217;s it&#x2019;s it&#146;s.')[0]!.text,
    ).toBe('Relief within hours & "fast" \'a\' it\u2019s it\u2019s it\u2019s.')
    // Decoded last: an escaped tag is text, not a tag to drop; an unknown name stays; NUL and surrogates are U+FFFD.
    expect(segment('Use &lt;b&gt; &foo; &#0; &#xD800; keta&shy;mine keta&#173;mine.')[0]!.text).toBe(
      'Use <b> &foo; \ufffd \ufffd ketamine ketamine.',
    )
  })
  it('handles CRLF line endings', () => {
    expect(segment('One.\r\nTwo.').map((x) => [x.text, x.startLine])).toEqual([
      ['One.', 1],
      ['Two.', 2],
    ])
  })
  it('never throws, and every sentence has lines inside the text, in order', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const lines = text.split(/\r\n?|\n/).length
        const s = segment(text)
        for (const x of s) {
          expect(x.startLine).toBeGreaterThanOrEqual(1)
          expect(x.endLine).toBeGreaterThanOrEqual(x.startLine)
          expect(x.endLine).toBeLessThanOrEqual(lines)
          expect(x.text.trim()).not.toBe('')
        }
        for (let i = 1; i < s.length; i++) expect(s[i]!.startLine).toBeGreaterThanOrEqual(s[i - 1]!.startLine)
      }),
      { numRuns: 300 },
    )
  })
})
