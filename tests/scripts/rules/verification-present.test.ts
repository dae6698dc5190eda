import { describe, it } from 'vitest'
import { runOn, validStudy, variant } from '../../helpers/fixture-data.ts'
import { expectIssue } from './expect-issue.ts'

describe('verification-present', () => {
  it('rejects a check dated in the future', () => {
    const r = runOn({ 'studies/example-2020.yaml': variant(validStudy(), (s) => (s.verification.checked = '2099-01-01')) })
    expectIssue(r, 'verification-present', 'data/studies/example-2020.yaml', 'verification.checked', /is in the future/)
  })
  it('rejects a non-date', () => {
    const r = runOn({ 'studies/example-2020.yaml': variant(validStudy(), (s) => (s.verification.checked = '2026-02-30')) })
    expectIssue(r, 'verification-present', 'data/studies/example-2020.yaml', 'verification.checked', /not a calendar date/)
  })
  it('rejects an empty source list through the schema', () => {
    const r = runOn({ 'studies/example-2020.yaml': variant(validStudy(), (s) => (s.verification.sources = [])) })
    expectIssue(r, 'schema-minItems', 'data/studies/example-2020.yaml', 'verification.sources', /must NOT have fewer than 1 items/)
  })
  it('rejects a source that confirms nothing and says nothing', () => {
    const r = runOn({ 'studies/example-2020.yaml': variant(validStudy(), (s) => s.verification.sources.push({ url: 'https://example.org/lead', fields: [] })) })
    expectIssue(r, 'verification-present', 'data/studies/example-2020.yaml', 'verification.sources[1]', /confirms no field and gives no note/)
  })
})
