import { describe, it } from 'vitest'
import { runOn, validStudy, variant } from '../../helpers/fixture-data.ts'
import { expectIssue } from './expect-issue.ts'

describe('field-provenance', () => {
  it('rejects a field no source confirms (a guessed page range)', () => {
    const r = runOn({
      'studies/example-2020.yaml': variant(
        validStudy(),
        (s) =>
          (s.verification.sources[0].fields = s.verification.sources[0].fields.filter((f: string) => f !== 'page')),
      ),
    })
    expectIssue(
      r,
      'field-provenance',
      'data/studies/example-2020.yaml',
      'csl.page',
      /csl\.page: .*is not confirmed by any verification source.*list it under verification\.missing/,
    )
  })
  it('rejects a source that claims to confirm an absent field', () => {
    const r = runOn({
      'studies/example-2020.yaml': variant(validStudy(), (s) => s.verification.sources[0].fields.push('issue')),
    })
    expectIssue(
      r,
      'field-provenance',
      'data/studies/example-2020.yaml',
      'verification.sources[0].fields',
      /names "issue", which the record does not have/,
    )
  })
  it('rejects a field listed as missing that is present', () => {
    const r = runOn({ 'studies/example-2020.yaml': variant(validStudy(), (s) => s.verification.missing.push('DOI')) })
    expectIssue(
      r,
      'field-provenance',
      'data/studies/example-2020.yaml',
      'verification.missing',
      /lists "DOI", but csl has it/,
    )
  })
})
