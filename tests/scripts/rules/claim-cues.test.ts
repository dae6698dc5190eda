import { describe, expect, it } from 'vitest'
import { runOn, validClaim, variant } from '../../helpers/fixture-data.ts'
import { expectIssue } from './expect-issue.ts'

const file = 'data/claims/example-claim.yaml'

describe('claim-cues', () => {
  it('accepts cues that compile, strings and {all, unless, denies} groups', () => {
    const r = runOn({
      'claims/example-claim.yaml': variant(validClaim(), (c) => {
        c.cues = [
          '$K + help*',
          { all: 'relief + hour*', unless: 'surg*' },
          { all: '$K + completely safe', denies: true },
          { all: '$K + risk free', unless: 'not', denies: true },
        ]
      }),
    })
    expect(r.issues).toEqual([])
  })
  it('fails a claim without cues, with a fix that shows how to write one', () => {
    const r = runOn({ 'claims/example-claim.yaml': variant(validClaim(), (c) => delete c.cues) })
    const line = expectIssue(r, 'claim-cues', file, 'cues', /claim "example-claim" has no cues/)
    expect(line).toMatch(/docs\/claim-checker\.md/)
  })
  it.each([
    ['$NOPE + relief', /unknown macro \$NOPE/],
    ['ke* + relief', /prefix "ke\*" is shorter than 3 letters/],
    ['relief + ', /empty alternative/],
    ['*ief + hour', /cue "\*ief \+ hour" of claim "example-claim" does not compile: .*bad word/],
  ])('fails the malformed cue %s with file, claim, cue and fix', (cue, message) => {
    const r = runOn({ 'claims/example-claim.yaml': variant(validClaim(), (c) => (c.cues = ['$K + help*', cue])) })
    expectIssue(r, 'claim-cues', file, 'cues[1]', message)
  })
  it('fails a bad veto too', () => {
    const r = runOn({
      'claims/example-claim.yaml': variant(validClaim(), (c) => (c.cues = [{ all: 'relief + hour*', unless: '$X' }])),
    })
    expectIssue(r, 'claim-cues', file, 'cues[0]', /unknown macro \$X/)
  })
  it('names the denies mark of a group that does not compile', () => {
    const r = runOn({
      'claims/example-claim.yaml': variant(validClaim(), (c) => (c.cues = [{ all: '$X + safe', denies: true }])),
    })
    expectIssue(
      r,
      'claim-cues',
      file,
      'cues[0]',
      /cue "\$X \+ safe \(denies\)" of claim "example-claim" does not compile/,
    )
  })
  it.each([
    ['only all', { all: 'relief' }],
    ['denies other than true', { all: 'relief', denies: false }],
    ['an unknown key', { all: 'relief', negates: true }],
  ])('refuses a cue of the wrong shape through the schema: %s', (_, cue) => {
    const r = runOn({ 'claims/example-claim.yaml': variant(validClaim(), (c) => (c.cues = [cue])) })
    expect(r.dataset).toBeUndefined()
    expect(r.issues.some((i) => i.file === file && i.field.startsWith('cues'))).toBe(true)
  })
})
