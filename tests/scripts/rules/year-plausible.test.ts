import { describe, expect, it } from 'vitest'
import { yearPlausible } from '../../../scripts/lib/rules/year-plausible.ts'
import { runOn, validStudy, variant } from '../../helpers/fixture-data.ts'
import { expectIssue } from './expect-issue.ts'

const ctx = { fileName: 'x', today: '2026-11-22' }

describe('year-plausible', () => {
  it('rejects a year after the check', () => {
    const r = runOn({
      'studies/example-2020.yaml': variant(validStudy(), (s) => (s.csl.issued = { 'date-parts': [[2091]] })),
    })
    expectIssue(
      r,
      'year-plausible',
      'data/studies/example-2020.yaml',
      'csl.issued',
      /year 2091 is not between 1950 and 2026/,
    )
  })
  it('rejects impossible dates and months', () => {
    expect(yearPlausible.check({ csl: { issued: { 'date-parts': [[2019, 2, 30]] } } }, ctx)[0]?.message).toMatch(
      /not a calendar date/,
    )
    expect(yearPlausible.check({ csl: { issued: { 'date-parts': [[2019, 13]] } } }, ctx)[0]?.message).toMatch(
      /month 13/,
    )
    expect(yearPlausible.check({ csl: { issued: { 'date-parts': [[1949]] } } }, ctx)).toHaveLength(1)
  })
  it('accepts full and partial real dates', () => {
    expect(yearPlausible.check({ csl: { issued: { 'date-parts': [[2019, 3, 27]] } } }, ctx)).toEqual([])
    expect(yearPlausible.check({ csl: { issued: { 'date-parts': [[2000]] } } }, ctx)).toEqual([])
  })
})
