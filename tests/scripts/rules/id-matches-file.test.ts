import { describe, it } from 'vitest'
import { runOn, validStudy, variant } from '../../helpers/fixture-data.ts'
import { expectIssue } from './expect-issue.ts'

describe('id-matches-file', () => {
  it('rejects a record whose id differs from its file name', () => {
    const r = runOn({ 'studies/example-2020.yaml': variant(validStudy(), (s) => (s.id = 'example-2021')) })
    expectIssue(
      r,
      'id-matches-file',
      'data/studies/example-2020.yaml',
      'id',
      /"example-2021" differs from the file name "example-2020"/,
    )
  })
})
