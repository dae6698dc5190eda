import { describe, expect, it } from 'vitest'
import { runOn, validStudy, variant } from '../../helpers/fixture-data.ts'
import { expectIssue } from './expect-issue.ts'

// validStudy() has one author.
describe('authors-complete', () => {
  it('rejects a list posing as complete when a page shows more authors', () => {
    const r = runOn({
      'studies/example-2020.yaml': variant(validStudy(), (s) => (s.verification.sources[0].authorCount = 3)),
    })
    expectIssue(
      r,
      'authors-complete',
      'data/studies/example-2020.yaml',
      'csl.author',
      /lists 1 author\(s\) as the complete list, but verification\.sources\[0\] shows 3/,
    )
  })
  it('accepts a partial list marked authorsComplete: false, and a complete list matching the page', () => {
    const partial = runOn({
      'studies/example-2020.yaml': variant(
        validStudy(),
        (s) => ((s.verification.sources[0].authorCount = 3), (s.authorsComplete = false)),
      ),
    })
    expect(partial.issues).toEqual([])
    const complete = runOn({
      'studies/example-2020.yaml': variant(validStudy(), (s) => (s.verification.sources[0].authorCount = 1)),
    })
    expect(complete.issues).toEqual([])
  })
  it('rejects a partial flag on a complete list, a true flag and a flag without authors', () => {
    const r = runOn({
      'studies/example-2020.yaml': variant(
        validStudy(),
        (s) => ((s.verification.sources[0].authorCount = 1), (s.authorsComplete = false)),
      ),
    })
    expectIssue(
      r,
      'authors-complete',
      'data/studies/example-2020.yaml',
      'authorsComplete',
      /is false, but the record already has all 1 author/,
    )
    const t = runOn({ 'studies/example-2020.yaml': variant(validStudy(), (s) => (s.authorsComplete = true)) })
    expectIssue(
      t,
      'authors-complete',
      'data/studies/example-2020.yaml',
      'authorsComplete',
      /is true, which is the default/,
    )
  })
})
