import { describe, expect, it } from 'vitest'
import { formatIssue } from '../../../scripts/lib/issues.ts'
import { runOn } from '../../helpers/fixture-data.ts'

describe('pipeline on a valid fixture', () => {
  it('accepts it and adds csl.id', () => {
    const result = runOn()
    expect(result.issues.map(formatIssue)).toEqual([])
    expect(result.dataset?.studies.map((s) => s.id)).toEqual(['example-2020'])
    expect((result.dataset?.studies[0]?.csl as { id: string }).id).toBe('example-2020')
  })
})
