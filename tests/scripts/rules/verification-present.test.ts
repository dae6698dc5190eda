import { describe, expect, it } from 'vitest'
import { runOn, validSource, validStudy, variant } from '../../helpers/fixture-data.ts'
import { expectIssue } from './expect-issue.ts'

describe('verification-present', () => {
  it('rejects a check dated in the future', () => {
    const r = runOn({
      'studies/example-2020.yaml': variant(validStudy(), (s) => (s.verification.checked = '2099-01-01')),
    })
    expectIssue(r, 'verification-present', 'data/studies/example-2020.yaml', 'verification.checked', /is in the future/)
  })
  it('rejects a non-date', () => {
    const r = runOn({
      'studies/example-2020.yaml': variant(validStudy(), (s) => (s.verification.checked = '2026-02-30')),
    })
    expectIssue(
      r,
      'verification-present',
      'data/studies/example-2020.yaml',
      'verification.checked',
      /not a calendar date/,
    )
  })
  it('rejects an empty source list through the schema', () => {
    const r = runOn({ 'studies/example-2020.yaml': variant(validStudy(), (s) => (s.verification.sources = [])) })
    expectIssue(
      r,
      'schema-minItems',
      'data/studies/example-2020.yaml',
      'verification.sources',
      /must NOT have fewer than 1 items/,
    )
  })
  it('lets a source document list no page only if its notes say what was searched', () => {
    const bare = variant(validSource(), (s) => {
      s.verification.sources = []
      s.verification.missing = ['title', 'URL']
      delete s.csl.title
      delete s.csl.URL
    })
    expectIssue(
      runOn({ 'sources/example-page.yaml': bare }),
      'verification-present',
      'data/sources/example-page.yaml',
      'verification.sources',
      /lists no page/,
    )
    expect(
      runOn({ 'sources/example-page.yaml': { ...bare, notes: 'Searched for the title and opening; no stored copy.' } })
        .issues,
    ).toEqual([])
  })
  it('rejects a source that confirms nothing and says nothing', () => {
    const r = runOn({
      'studies/example-2020.yaml': variant(validStudy(), (s) =>
        s.verification.sources.push({ url: 'https://example.org/lead', kind: 'secondary', fields: [] }),
      ),
    })
    expectIssue(
      r,
      'verification-present',
      'data/studies/example-2020.yaml',
      'verification.sources[1]',
      /confirms no field and gives no note/,
    )
  })
})
