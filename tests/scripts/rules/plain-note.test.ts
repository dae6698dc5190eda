import { describe, expect, it } from 'vitest'
import { plainNote } from '../../../scripts/lib/rules/plain-note.ts'
import { runOn, validClaim, variant } from '../../helpers/fixture-data.ts'
import { expectIssue } from './expect-issue.ts'

const ctx = { fileName: 'x', today: '2026-12-07' }

describe('plain-note', () => {
  it('refuses a relation id in the part of a verdict note that pages show, naming it', () => {
    const r = runOn({
      'claims/example-claim.yaml': variant(
        validClaim(),
        (c) => (c.verdictNote = 'One small trial (example-2020, partly-supports) found it. ' + c.verdictNote),
      ),
    })
    const line = expectIssue(r, 'plain-note', 'data/claims/example-claim.yaml', 'verdictNote', /"partly-supports"/)
    expect(line).toContain('belong in the closing "Decision table:" sentence')
  })
  it('allows relation ids in the closing decision-table sentence, and the words themselves anywhere', () => {
    const ok =
      'It partly supports the claim. Decision table: plain wording, best evidence B (x-2020: partly-supports), row 9.'
    expect(plainNote.check({ verdictNote: ok }, ctx)).toEqual([])
    expect(plainNote.check({ verdictNote: 'did not test it; does-not-test' }, ctx)).toHaveLength(1)
    expect(plainNote.check({}, ctx)).toEqual([])
  })
})
