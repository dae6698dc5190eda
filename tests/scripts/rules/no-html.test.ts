import { describe, expect, it } from 'vitest'
import { noHtml } from '../../../scripts/lib/rules/no-html.ts'
import { runOn, validClaim, variant } from '../../helpers/fixture-data.ts'
import { expectIssue } from './expect-issue.ts'

const ctx = { fileName: 'x', today: '2026-11-22' }

describe('no-html', () => {
  it('rejects markup in a claim note', () => {
    const r = runOn({
      'claims/example-claim.yaml': variant(validClaim(), (c) => (c.evidence[0].note = 'See <script>alert(1)</script>')),
    })
    expectIssue(r, 'no-html', 'data/claims/example-claim.yaml', 'evidence[0].note', /contains HTML/)
  })
  it('allows comparisons such as p<0.05 and "<10%"', () => {
    expect(noHtml.check({ findings: 'p<0.05 and <10% dropped out' }, ctx)).toEqual([])
    expect(noHtml.check({ findings: 'a <b>bold</b> claim' }, ctx)).toHaveLength(1)
  })
})
