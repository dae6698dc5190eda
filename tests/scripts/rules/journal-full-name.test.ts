import { describe, expect, it } from 'vitest'
import { journalFullName } from '../../../scripts/lib/rules/journal-full-name.ts'
import { runOn, validStudy, variant } from '../../helpers/fixture-data.ts'
import { expectIssue } from './expect-issue.ts'

const ctx = { fileName: 'x', today: '2026-12-04' }
const check = (csl: Record<string, unknown>) => journalFullName.check({ csl }, ctx)

describe('journal-full-name', () => {
  it('rejects an abbreviation in container-title, with the fix', () => {
    const r = runOn({
      'studies/example-2020.yaml': variant(validStudy(), (s) => {
        s.csl['container-title'] = 'J Clin Psychiatry'
        s.csl['container-title-short'] = 'J Clin Psychiatry'
      }),
    })
    const line = expectIssue(
      r,
      'journal-full-name',
      'data/studies/example-2020.yaml',
      'csl.container-title',
      /"J Clin Psychiatry" is the journal's abbreviation/,
    )
    expect(line).toContain('container-title-short')
  })
  it('rejects NLM abbreviations even without a short title', () => {
    expect(check({ 'container-title': 'Am J Psychiatry' })).toHaveLength(1)
    expect(check({ 'container-title': 'Arch Gen Psychiatry' })).toHaveLength(1)
    expect(check({ 'container-title': 'J. Psychoactive Drugs' })).toHaveLength(1)
  })
  it('accepts full names, short full names equal to their abbreviation, and records without a journal', () => {
    for (const name of [
      'The Journal of Clinical Psychiatry',
      'American Journal of Psychiatry',
      'Archives of General Psychiatry',
      'JAMA Psychiatry',
      'Nature',
      'Psychedelic Medicine',
      'Biological Psychiatry',
    ])
      expect(check({ 'container-title': name, 'container-title-short': 'X' }), name).toEqual([])
    expect(check({ 'container-title': 'JAMA Psychiatry', 'container-title-short': 'JAMA Psychiatry' })).toEqual([])
    expect(check({})).toEqual([])
  })
})
