import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { runOn } from '../../helpers/fixture-data.ts'
import { expectIssue } from './expect-issue.ts'

const DESIGNS = 'data/vocab/designs.yaml'
/** The real designs, so a fixture changes one field of one term and keeps the rest valid. */
const designs = (): Record<string, unknown>[] => parse(readFileSync(DESIGNS, 'utf8'))

describe('design-rank', () => {
  it('accepts the real designs, each with a rank, a group and a band', () => {
    const r = runOn({ 'vocab/designs.yaml': designs() })
    expect(r.issues).toEqual([])
    const shipped = r.dataset!.vocab.get('designs')! as unknown as Record<string, unknown>[]
    expect(shipped.length).toBe(designs().length)
    expect(shipped.every((d) => d.rank !== undefined && d.group !== undefined && d.band !== undefined)).toBe(true)
  })
  it('refuses a design without its band, naming the design and what it needs', () => {
    const list = designs()
    delete list[1]!.band
    expectIssue(
      runOn({ 'vocab/designs.yaml': list }),
      'design-rank',
      DESIGNS,
      '[1]',
      new RegExp(`design "${String(list[1]!.id)}" needs rank, group and band`),
    )
  })
  // The check is one for every field only one vocabulary takes (OWN_FIELDS in scripts/lib/pipeline.ts).
  it.each([
    ['rank', 1, 'designs', 'design-rank'],
    ['family', 'Example', 'people', 'person-names'],
  ])('refuses %s on a term of another vocabulary (%s; only %s take it; rule %s)', (field, value, owner, rule) => {
    const route = { id: 'intravenous', label: 'IV', description: 'Into a vein.', [field]: value }
    expectIssue(
      runOn({ 'vocab/routes.yaml': [route] }),
      rule,
      'data/vocab/routes.yaml',
      '[0]',
      new RegExp(`term "intravenous" has ${field}, which only ${owner} take`),
    )
  })
})
