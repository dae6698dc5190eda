import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sentenceCase } from '../../src/cite/sentence-case'
import { citationCsl, sources, studies } from '../../src/index'

/**
 * Every shipped title and its two sentence-case forms, reviewed by hand: a new record or a changed title shows up
 * here as a difference to read (a proper noun written with only an initial capital must join PROPER_NOUNS).
 */
const fixture = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'sentence-case-titles.json'), 'utf8')) as Record<
  string,
  { title: string; capital: string; lower: string }
>

describe('sentenceCase', () => {
  it('gives the reviewed form of every shipped title', () => {
    const now: typeof fixture = {}
    for (const r of [...studies, ...sources].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      const title = citationCsl(r).title
      if (typeof title === 'string')
        now[r.id] = { title, capital: sentenceCase(title, 'capital'), lower: sentenceCase(title, 'lower') }
    }
    expect(now).toEqual(fixture)
  })

  it('keeps abbreviations, inner capitals, locants, numbers and listed proper nouns; lowers the rest', () => {
    expect(sentenceCase('A Randomized Trial of an N-Methyl-D-Aspartate Antagonist', 'lower')).toBe(
      'A randomized trial of an N-methyl-D-aspartate antagonist',
    )
    expect(sentenceCase('Lack of Effects of (2R,6R)-Hydroxynorketamine: Comparison with (R)-Ketamine', 'capital')).toBe(
      'Lack of effects of (2R,6R)-hydroxynorketamine: Comparison with (R)-ketamine',
    )
    expect(sentenceCase('Janssen Announces U.S. FDA Approval of SPRAVATO® Nasal Spray', 'lower')).toBe(
      'Janssen announces U.S. FDA approval of SPRAVATO® nasal spray',
    )
    expect(sentenceCase('mTOR-Dependent Synapse Formation in SV2A Imaging', 'lower')).toBe(
      'mTOR-dependent synapse formation in SV2A imaging',
    )
  })

  it('capitalises each sentence, and a subtitle as the style says; an abbreviation with periods ends no sentence', () => {
    expect(sentenceCase('Ketamine in Humans. Psychotomimetic Responses', 'lower')).toBe(
      'Ketamine in humans. Psychotomimetic responses',
    )
    expect(sentenceCase('Ketamine for Pain: a Systematic Review', 'capital')).toBe(
      'Ketamine for pain: A systematic review',
    )
    expect(sentenceCase('Ketamine for Pain: A Systematic Review', 'lower')).toBe(
      'Ketamine for pain: a systematic review',
    )
    expect(sentenceCase('Approved in the U.S. As Monotherapy', 'lower')).toBe('Approved in the U.S. as monotherapy')
    expect(sentenceCase('“Taming” the Tiger', 'lower')).toBe('“Taming” the tiger')
  })

  it('changes only the case of letters, never the text, and is idempotent (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.constantFrom('capital' as const, 'lower' as const), (s, sub) => {
        const once = sentenceCase(s, sub)
        expect(once.length).toBe(s.length)
        expect(once.toLowerCase()).toBe(s.toLowerCase())
        expect(sentenceCase(once, sub)).toBe(once)
      }),
    )
  })

  it('runs in linear time on long titles', () => {
    const time = (n: number) => {
      const title = 'Ab-Cd: '.repeat(n) + '-'.repeat(n)
      const start = performance.now()
      sentenceCase(title, 'capital')
      return performance.now() - start
    }
    time(1_000)
    const small = Math.max(time(20_000), 1)
    expect(time(160_000) / small).toBeLessThan(40)
  })
})
