import { describe, expect, it } from 'vitest'
import { runOn, validClaim, validStudy, variant } from '../helpers/fixture-data.ts'
import { expectIssue } from './rules/expect-issue.ts'

describe('schema layer', () => {
  it('rejects malformed YAML with the line number', () => {
    const r = runOn({ 'studies/example-2020.yaml': 'id: example-2020\ncsl: [unclosed\n' })
    expectIssue(r, 'yaml-syntax', 'data/studies/example-2020.yaml', '', /is not valid YAML \(line \d+\)/)
  })
  it('rejects duplicate keys', () => {
    const r = runOn({ 'studies/example-2020.yaml': 'id: a\nid: b\n' })
    expectIssue(r, 'yaml-syntax', 'data/studies/example-2020.yaml', '', /not valid YAML/)
  })
  it('rejects an unknown vocabulary term and suggests the closest', () => {
    const r = runOn({
      'studies/example-2020.yaml': variant(validStudy(), (s) => (s.design = 'randomised-controlled-trial')),
    })
    const line = expectIssue(
      r,
      'vocab-term',
      'data/studies/example-2020.yaml',
      'design',
      /"randomised-controlled-trial" is not a term of data\/vocab\/designs\.yaml/,
    )
    expect(line).toContain('Did you mean "randomized-controlled-trial"?')
  })
  it('rejects an unknown relation in a claim', () => {
    const r = runOn({ 'claims/example-claim.yaml': variant(validClaim(), (c) => (c.evidence[0].relation = 'proves')) })
    expectIssue(
      r,
      'vocab-term',
      'data/claims/example-claim.yaml',
      'evidence[0].relation',
      /"proves" is not a term of data\/vocab\/relations\.yaml/,
    )
  })
  it('rejects an unknown key with a spelling hint', () => {
    const r = runOn({ 'studies/example-2020.yaml': variant(validStudy(), (s) => (s.finding = 'x')) })
    const line = expectIssue(
      r,
      'schema-unknown-key',
      'data/studies/example-2020.yaml',
      'finding',
      /is not a field of this record/,
    )
    expect(line).toContain('Did you mean `findings`?')
  })
  it('reports a missing required field', () => {
    const r = runOn({ 'studies/example-2020.yaml': variant(validStudy(), (s) => delete s.limitations) })
    expectIssue(r, 'schema-required', 'data/studies/example-2020.yaml', 'limitations', /is required but missing/)
  })
  it('rejects a non-yaml file in a record folder', () => {
    const r = runOn({ 'studies/notes.txt': 'stray' })
    expectIssue(r, 'file-extension', 'data/studies/notes.txt', '', /is not a \.yaml file/)
  })
})
