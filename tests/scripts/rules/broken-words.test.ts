import { describe, expect, it } from 'vitest'
import { brokenWords } from '../../../scripts/lib/rules/broken-words.ts'
import { runOn, validClaim, variant } from '../../helpers/fixture-data.ts'
import { expectIssue } from './expect-issue.ts'

const ctx = { fileName: 'x', today: '2026-12-04' }

describe('broken-words', () => {
  it('rejects a word a folded YAML line break split at its hyphen, naming where', () => {
    const r = runOn({
      'claims/example-claim.yaml': variant(
        validClaim(),
        (c) => (c.evidence[0].note = 'Found a small, non- significant gain.'),
      ),
    })
    const line = expectIssue(
      r,
      'broken-words',
      'data/claims/example-claim.yaml',
      'evidence[0].note',
      /non- significant/,
    )
    expect(line).toContain('Keep a hyphenated word (or record id) on one line')
  })
  it('catches a record id broken the same way, and allows suspended hyphens and list dashes', () => {
    expect(brokenWords.check({ verdictNote: 'in rodents (li-2010, moda- sava-2019)' }, ctx)).toHaveLength(1)
    expect(brokenWords.check({ findings: 'short- and long-term effects; pre- or post-dose; 5 - 10' }, ctx)).toEqual([])
    expect(brokenWords.check({ cues: ['non- x'] }, ctx)).toEqual([])
  })
})
