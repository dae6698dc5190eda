import { describe, it } from 'vitest'
import { runOn, validSource, validStudy, variant } from '../../helpers/fixture-data.ts'
import { expectIssue } from './expect-issue.ts'

describe('https-urls', () => {
  it('rejects an http verification source', () => {
    const r = runOn({
      'studies/example-2020.yaml': variant(
        validStudy(),
        (s) => (s.verification.sources[0].url = 'http://example.org/x'),
      ),
    })
    expectIssue(r, 'https-urls', 'data/studies/example-2020.yaml', 'verification.sources[0].url', /is not an https URL/)
  })
  it('rejects a javascript: URL in csl', () => {
    const r = runOn({ 'sources/example-page.yaml': variant(validSource(), (s) => (s.csl.URL = 'javascript:alert(1)')) })
    expectIssue(
      r,
      'https-urls',
      'data/sources/example-page.yaml',
      'csl.URL',
      /"javascript:alert\(1\)" is not an https URL/,
    )
  })
})
