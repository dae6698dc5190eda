import { describe, expect, it } from 'vitest'
import { citeNamesModule } from '../../scripts/lib/generate.ts'
import { withCiteNames } from '../../src/cite/cite-names.ts'
import { formatBibliography, formatCitation as citeFormatCitation } from '../../src/cite/index.ts'
import { getStudy } from '../../src/index.ts'
import { runOn, validStudy, variant } from '../helpers/fixture-data.ts'
import { expectIssue } from './rules/expect-issue.ts'

const PEOPLE = 'data/vocab/people.yaml'
/** A second fixture study whose first author's byline gives "A." for the fixture's "Ann Example". */
const initialled = variant(validStudy(), (s) => {
  s.id = 'example-2021'
  s.csl.author = [{ family: 'Example', given: 'A.' }]
  s.csl.DOI = '10.5555/example.2021'
  s.csl.PMID = '12346'
  s.unusedReason = 'A fixture: only its byline is needed.'
})
const person = (more: Record<string, unknown> = {}) => ({
  id: 'ann-example',
  label: 'Ann Example',
  description: 'First author of both fixture studies.',
  family: 'Example',
  given: 'Ann',
  forms: ['A.', 'Ann'],
  ...more,
})
const run = (people: unknown[], files: Record<string, unknown> = {}) =>
  runOn({ 'studies/example-2021.yaml': initialled, 'vocab/people.yaml': people, ...files })

describe('data/vocab/people.yaml (rule person-names)', () => {
  it('accepts one person whose bylines print two forms, and generates the in-text name of the other form', () => {
    const r = run([person()])
    expect(r.issues).toEqual([])
    expect(citeNamesModule(r.dataset!)).toContain(
      'export const citeNames: Readonly<Record<string, string>> = {"Example|A.":"Ann"}',
    )
  })
  it('refuses an in-text form that no byline prints', () => {
    expectIssue(run([person({ given: 'Anne' })]), 'person-names', PEOPLE, '[0].given', /"Anne" is not one of the forms/)
  })
  it('refuses a form no study prints under that family name', () => {
    expectIssue(
      run([person({ forms: ['A.', 'Ann', 'A. B.'] })]),
      'person-names',
      PEOPLE,
      '[0].forms[2]',
      /no record's byline prints "Example, A\. B\."/,
    )
  })
  it('refuses a form listed for two people', () => {
    const other = person({ id: 'ann-example-2', given: 'A.', forms: ['A.', 'Ann'] })
    expectIssue(
      run([person(), other]),
      'person-names',
      PEOPLE,
      '[1].forms[0]',
      /"Example, A\." is listed for "ann-example" too/,
    )
  })
  it('refuses a person without family, given or forms (on other vocabularies: tests/scripts/rules/design-rank.test.ts)', () => {
    const { family: _, ...noFamily } = person()
    const broken = run([noFamily])
    expectIssue(broken, 'person-names', PEOPLE, '[0]', /person "ann-example" needs family, given and forms/)
    // A broken list is reported once, not again as each author it would have listed.
    expect(broken.issues.filter((i) => i.rule === 'person-listed')).toEqual([])
    expect(run([{ ...person(), forms: 'Ann' }]).issues.map((i) => i.rule)).toEqual(['schema-type'])
  })
  it('asks for authors in-text citations name who share a family name but not a given name to be listed', () => {
    const r = runOn({ 'studies/example-2021.yaml': initialled })
    const line = expectIssue(
      r,
      'person-listed',
      'data/studies/example-2021.yaml',
      'csl.author[0]',
      /"Example, A\." shares a family name with "Example, Ann" \(data\/studies\/example-2020\.yaml\)/,
    )
    expect(line).toContain('as one person (one entry with both forms')
    expect(r.issues.filter((i) => i.rule === 'person-listed')).toHaveLength(2)
    // Listed as two people, an entry each, they stay apart.
    const two = [
      person({ forms: ['Ann'] }),
      person({ id: 'a-example', label: 'A. Example', given: 'A.', forms: ['A.'] }),
    ]
    expect(run(two).issues).toEqual([])
    // A bare initial and the same initial with its stop are one form ("Ann B" and "Ann B.").
    const bare = variant(initialled, (s) => (s.csl.author = [{ family: 'Example', given: 'Ann B' }]))
    const stopped = variant(validStudy(), (s) => (s.csl.author = [{ family: 'Example', given: 'Ann B.' }]))
    expect(runOn({ 'studies/example-2020.yaml': stopped, 'studies/example-2021.yaml': bare }).issues).toEqual([])
  })
  it('leaves alone a shared family name that in-text citations do not print (the fourth author of four)', () => {
    const fourth = variant(initialled, (s) => {
      s.csl.author = [
        { family: 'First', given: 'F.' },
        { family: 'Second', given: 'S.' },
        { family: 'Third', given: 'T.' },
        { family: 'Example', given: 'A.' },
      ]
    })
    expect(runOn({ 'studies/example-2021.yaml': fourth }).issues).toEqual([])
    const third = variant(fourth, (s) => s.csl.author.splice(1, 1))
    expectIssue(
      runOn({ 'studies/example-2021.yaml': third }),
      'person-listed',
      'data/studies/example-2021.yaml',
      'csl.author[2]',
      /"Example, A\."/,
    )
  })
  it('reads a bare initial as the initial with its stop, in the rules and in the names it generates', () => {
    const bare = variant(initialled, (s) => (s.csl.author = [{ family: 'Example', given: 'A' }]))
    const r = runOn({ 'studies/example-2021.yaml': bare, 'vocab/people.yaml': [person({ forms: ['A', 'Ann'] })] })
    expect(r.issues).toEqual([])
    expect(citeNamesModule(r.dataset!)).toContain('= {"Example|A.":"Ann"}')
  })
  it('in-text citations of shipped records name each listed person one way; other records are passed as they are', () => {
    const krupitsky = getStudy('krupitsky-2002').csl
    expect(krupitsky.author?.[0]).toEqual({ family: 'Krupitsky', given: 'Evgeny' })
    expect(withCiteNames(krupitsky).author?.[0]).toEqual({ family: 'Krupitsky', given: 'Evgeny M.' })
    expect(withCiteNames(krupitsky).author?.slice(1)).toEqual(krupitsky.author?.slice(1))
    expect(withCiteNames(getStudy('krupitsky-2007').csl).author?.[0]?.given).toBe('Evgeny M.')
    expect(withCiteNames(getStudy('zanos-2016').csl).author?.[0]?.given).toBe('Panos')
    const dore = getStudy('dore-2019').csl
    expect(withCiteNames(dore)).toBe(dore)
  })
  it('kap-literature/cite names them one way in text, and keeps each byline in the reference list', () => {
    const apa = { style: 'apa', format: 'text' } as const
    expect(citeFormatCitation(['krupitsky-2002', 'krupitsky-2007'], apa)).toBe('(Krupitsky et al., 2002, 2007)')
    expect(citeFormatCitation(['krupitsky-2002', 'krupitsky-2007'], { ...apa, narrative: true })).toBe(
      'Krupitsky et al. (2002) and Krupitsky et al. (2007)',
    )
    const list = formatBibliography(['krupitsky-2002', 'krupitsky-2007'], apa)
    expect(list).toContain('Krupitsky, E., Burakov, A., Romanova, T.')
    expect(list).toContain('Krupitsky, E. M., Burakov, A. M., Dunaevsky, I. V.')
    // Your own record is printed as you give it: the same name form as a shipped record's is not taken for him.
    const own = { id: 'own', type: 'article-journal', title: 'A trial', issued: { 'date-parts': [[2007]] } }
    const other = {
      ...own,
      author: [
        { family: 'Krupitsky', given: 'Evgeny' },
        { family: 'Smith', given: 'J.' },
      ],
    }
    expect(citeFormatCitation([other, 'krupitsky-2007'], apa)).toBe(
      '(E. M. Krupitsky et al., 2007; E. Krupitsky & Smith, 2007)',
    )
  })
})
