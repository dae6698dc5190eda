import { describe, expect, it } from 'vitest'
import { doiFormat } from '../../../scripts/lib/rules/doi-format.ts'
import { runOn, validStudy, variant } from '../../helpers/fixture-data.ts'
import { expectIssue } from './expect-issue.ts'

const ctx = { fileName: 'x', today: '2026-11-22' }

describe('doi-format', () => {
  it('rejects a DOI written as a URL and suggests the bare form', () => {
    const r = runOn({
      'studies/example-2020.yaml': variant(validStudy(), (s) => (s.csl.DOI = 'https://doi.org/10.5555/example.2020')),
    })
    const line = expectIssue(r, 'doi-format', 'data/studies/example-2020.yaml', 'csl.DOI', /is not a bare DOI/)
    expect(line).toContain('Write it without the prefix: 10.5555/example.2020')
  })
  it('rejects quotes and spaces', () => {
    expect(doiFormat.check({ csl: { DOI: '10.1/x" onmouseover="a' } }, ctx)).toHaveLength(1)
    expect(doiFormat.check({ csl: { DOI: '10.1234/a b' } }, ctx)).toHaveLength(1)
  })
  it('accepts real DOIs and records without one', () => {
    expect(doiFormat.check({ csl: { DOI: '10.1016/S0006-3223(99)00230-9' } }, ctx)).toEqual([])
    expect(doiFormat.check({ csl: {} }, ctx)).toEqual([])
  })
})
