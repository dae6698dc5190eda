import { describe, expect, it } from 'vitest'
import { mainWords, shortTitles } from '../../scripts/lib/short-titles'
import { sources, studies } from '../../src/index'

const record = (id: string, title: string, family = 'Smith') => ({ id, csl: { title, author: [{ family }] } })

describe('short titles (derived by the build for in-text citations)', () => {
  it('keeps the main title before its subtitle, its series label in front, without an article or an abbreviation stop', () => {
    // Review 28: the label stays, as the reference list files the work under it ("Part 2: How does …").
    expect(mainWords('Part 2: How Does KAP Work? A Guide')).toEqual(['Part 2: How Does KAP Work?'])
    expect(mainWords('Part 3: The Science of Ketamine and Its Effects')).toEqual([
      'Part 3:',
      'Science',
      'of',
      'Ketamine',
      'and',
      'Its',
      'Effects',
    ])
    expect(mainWords('Janssen Announces U.S. FDA Approval: More')).toEqual([
      'Janssen',
      'Announces',
      'U.S.',
      'FDA',
      'Approval',
    ])
    expect(mainWords('The Effect of a Dose. Psychotomimetic Responses')).toEqual(['Effect', 'of', 'a', 'Dose'])
  })

  it('cuts at four words that are not small, or before a small word after two, never on a small word or auxiliary', () => {
    const short = shortTitles([
      record('a', 'Default Mode Connectivity in Major Depressive Disorder'),
      record('b', 'FDA warns patients and health care providers', 'FDA'),
      record('c', 'A randomized trial of an N-methyl-D-aspartate antagonist', 'Zarate'),
      record('d', 'mTOR-dependent synapse formation underlies the rapid effects', 'Li'),
      record('e', 'Psychedelics', 'Nichols'),
      // Review 28: MLA printed “Effect” and “Cognitive Behavior Therapy May”.
      record('f', 'The Effect of a Single Dose of Intravenous Ketamine on Suicidal Ideation', 'W'),
      record('g', 'Cognitive Behavior Therapy May Sustain Antidepressant Effects of Ketamine', 'X'),
      record('h', 'Molecular and cellular mechanisms underlying the antidepressant effects of ketamine', 'Y'),
    ])
    expect(Object.fromEntries(short)).toEqual({
      a: 'Default Mode Connectivity',
      b: 'FDA warns patients',
      c: 'Randomized trial',
      d: 'mTOR-dependent synapse formation underlies',
      f: 'Effect of a Single Dose',
      g: 'Cognitive Behavior Therapy',
      h: 'Molecular and cellular mechanisms',
    })
  })

  it('lengthens the short titles of one author’s works until they differ', () => {
    const short = shortTitles([
      record('x', 'A Single Ketamine Infusion Combined With Mindfulness for Cocaine', 'Dakwar'),
      record('y', 'A Single Ketamine Infusion Combined With Motivational Therapy', 'Dakwar'),
      record('z', 'A Single Ketamine Infusion Combined With Mindfulness for Cocaine', 'Other'),
    ])
    expect(short.get('x')).toBe('Single Ketamine Infusion Combined With Mindfulness')
    expect(short.get('y')).toBe('Single Ketamine Infusion Combined With Motivational')
    expect(short.get('z')).toBe('Single Ketamine Infusion Combined')
  })

  it('gives every shipped work of one first author a short title of its own', () => {
    const byAuthor = new Map<string, string[]>()
    for (const r of [...studies, ...sources]) {
      const first = r.csl.author?.[0]
      const key = (first?.family ?? first?.literal)?.toLowerCase()
      const short = r.csl['title-short'] ?? r.csl.title
      if (key === undefined || short === undefined) continue
      byAuthor.set(key, [...(byAuthor.get(key) ?? []), short.toLowerCase()])
    }
    for (const [author, shorts] of byAuthor) expect(new Set(shorts).size, author).toBe(shorts.length)
    expect(studies.find((s) => s.id === 'dakwar-2019')!.csl['title-short']).toBe(
      'Single Ketamine Infusion Combined With Mindfulness-Based',
    )
  })
})
