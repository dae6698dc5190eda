import { describe, expect, it } from 'vitest'
import { runOn, validStudy, variant } from '../../helpers/fixture-data.ts'
import { expectIssue } from './expect-issue.ts'

describe('pmid-format', () => {
  it('rejects a PMID with a prefix', () => {
    const r = runOn({ 'studies/example-2020.yaml': variant(validStudy(), (s) => (s.csl.PMID = 'PMID:123')) })
    expectIssue(r, 'pmid-format', 'data/studies/example-2020.yaml', 'csl.PMID', /"PMID:123" is not a PubMed id/)
  })
  it('rejects a malformed PMCID', () => {
    const r = runOn({
      'studies/example-2020.yaml': variant(validStudy(), (s) => {
        s.csl.PMCID = '12345'
        s.verification.sources[0].fields.push('PMCID')
      }),
    })
    expectIssue(r, 'pmid-format', 'data/studies/example-2020.yaml', 'csl.PMCID', /not a PubMed Central id/)
  })
  it('reports a PMID written as a number through the schema', () => {
    const r = runOn({ 'studies/example-2020.yaml': variant(validStudy(), (s) => (s.csl.PMID = 12345)) })
    expectIssue(r, 'schema-type', 'data/studies/example-2020.yaml', 'csl.PMID', /must be of type string.*quote numbers/)
  })
})
