import { describe, expect, it } from 'vitest'
import { authorNames } from '../../../scripts/lib/rules/author-names.ts'
import { runOn, validStudy, variant } from '../../helpers/fixture-data.ts'
import { expectIssue } from './expect-issue.ts'

const ctx = { fileName: 'x', today: '2026-11-22' }

describe('author-names', () => {
  it('rejects an author with only a given name', () => {
    const r = runOn({ 'studies/example-2020.yaml': variant(validStudy(), (s) => s.csl.author.push({ given: 'Bob' })) })
    expectIssue(r, 'author-names', 'data/studies/example-2020.yaml', 'csl.author[1]', /has no family name/)
  })
  it('rejects family and literal together, and given with literal', () => {
    expect(authorNames.check({ csl: { author: [{ family: 'A', literal: 'B' }] } }, ctx)[0]?.message).toMatch(/both/)
    expect(authorNames.check({ csl: { author: [{ literal: 'FDA', given: 'x' }] } }, ctx)[0]?.message).toMatch(/given/)
  })
  it('rejects run-together initials, which styles would print as one initial, and says how to write them', () => {
    const [finding] = authorNames.check({ csl: { author: [{ family: 'Irwin', given: 'SA' }] } }, ctx)
    expect(finding?.message).toMatch(/run-together initials "SA"/)
    expect(finding?.fix).toBe('Write the initials apart: "S. A."')
    expect(authorNames.check({ csl: { author: [{ family: 'Irwin', given: 'S. A.' }] } }, ctx)).toEqual([])
    expect(authorNames.check({ csl: { author: [{ family: 'Lo', given: 'Jo' }] } }, ctx)).toEqual([])
  })
  it('accepts institutions as literal', () => {
    expect(authorNames.check({ csl: { author: [{ literal: 'U.S. Food and Drug Administration' }] } }, ctx)).toEqual([])
  })
})
