import { describe, expect, it } from 'vitest'
import { runOn, validClaim, validStudy, variant } from '../helpers/fixture-data.ts'
import { expectIssue } from './rules/expect-issue.ts'

describe('cross-record rules', () => {
  it('rejects evidence on a study that cannot be cited, naming what it lacks', () => {
    const r = runOn({
      'studies/example-2020.yaml': variant(validStudy(), (s) => {
        delete s.csl.author
        s.verification.sources[0].fields = s.verification.sources[0].fields.filter((f: string) => f !== 'author')
        s.verification.missing = ['author']
      }),
    })
    const line = expectIssue(
      r,
      'evidence-citable',
      'data/claims/example-claim.yaml',
      'evidence[0].study',
      /uses "example-2020", which cannot be cited: its record has no confirmed author/,
    )
    expect(line).toContain('keep the study with an unusedReason as a lead')
  })
  it('rejects a dangling study reference and suggests the closest id', () => {
    const r = runOn({
      'claims/example-claim.yaml': variant(validClaim(), (c) =>
        c.evidence.push({ study: 'example-2002', relation: 'context', note: 'x' }),
      ),
    })
    const line = expectIssue(
      r,
      'reference-exists',
      'data/claims/example-claim.yaml',
      'evidence[1].study',
      /points at study "example-2002", which does not exist/,
    )
    expect(line).toContain('Did you mean "example-2020"?')
  })
  it('checks cuesYieldTo: an unknown claim (with the closest id) and a claim that gives way to itself', () => {
    const unknown = runOn({
      'claims/example-claim.yaml': variant(validClaim(), (c) => (c.cuesYieldTo = ['example-clam'])),
    })
    const line = expectIssue(
      unknown,
      'cues-yield-to',
      'data/claims/example-claim.yaml',
      'cuesYieldTo[0]',
      /names claim "example-clam", which does not exist/,
    )
    expect(line).toContain('Did you mean "example-claim"?')
    const self = runOn({
      'claims/example-claim.yaml': variant(validClaim(), (c) => (c.cuesYieldTo = ['example-claim'])),
    })
    expectIssue(
      self,
      'cues-yield-to',
      'data/claims/example-claim.yaml',
      'cuesYieldTo[0]',
      /would each yield to the other/,
    )
  })
  it('rejects a dangling source reference', () => {
    const r = runOn({
      'claims/example-claim.yaml': variant(validClaim(), (c) => (c.madeBy[0].source = 'no-such-page')),
    })
    expectIssue(r, 'reference-exists', 'data/claims/example-claim.yaml', 'madeBy[0].source', /source "no-such-page"/)
  })
  it('rejects a section the source does not list', () => {
    const r = runOn({ 'claims/example-claim.yaml': variant(validClaim(), (c) => (c.madeBy[0].section = 'intro')) })
    const line = expectIssue(
      r,
      'section-exists',
      'data/claims/example-claim.yaml',
      'madeBy[0].section',
      /is not a section of source "example-page"/,
    )
    expect(line).toContain('Did you mean "Intro"?')
  })
  it('rejects duplicate DOIs (case-insensitive) and duplicate ids', () => {
    const twin = variant(validStudy(), (s) => {
      s.id = 'example-2020-b'
      s.csl.DOI = '10.5555/EXAMPLE.2020'
      s.unusedReason = 'fixture'
    })
    const r = runOn({ 'studies/example-2020-b.yaml': twin })
    expectIssue(
      r,
      'unique-identifier',
      'data/studies/example-2020.yaml',
      'csl.DOI',
      /DOI 10\.5555\/example\.2020 is also in data\/studies\/example-2020-b\.yaml/,
    )
    expectIssue(r, 'unique-identifier', 'data/studies/example-2020.yaml', 'csl.PMID', /PMID 12345 is also in/)
  })
  it('rejects a study no claim uses, unless it gives a reason', () => {
    const extra = variant(validStudy(), (s) => {
      s.id = 'lonely-2001'
      s.csl.DOI = '10.5555/lonely'
      delete s.csl.PMID
      s.verification.sources[0].fields = s.verification.sources[0].fields.filter((f: string) => f !== 'PMID')
    })
    expectIssue(
      runOn({ 'studies/lonely-2001.yaml': extra }),
      'study-used',
      'data/studies/lonely-2001.yaml',
      '',
      /no claim points at this study/,
    )
    expect(
      runOn({ 'studies/lonely-2001.yaml': { ...extra, unusedReason: 'Background for a future claim.' } }).issues,
    ).toEqual([])
  })
  it('rejects a source with no claims', () => {
    const r = runOn({
      'claims/example-claim.yaml': undefined,
      'studies/example-2020.yaml': { ...validStudy(), unusedReason: 'x' },
    })
    expectIssue(
      r,
      'source-has-claims',
      'data/sources/example-page.yaml',
      '',
      /no claim is made by this source document/,
    )
  })
  it('rejects a non-accurate verdict whose note names no study', () => {
    const r = runOn({ 'claims/example-claim.yaml': variant(validClaim(), (c) => (c.verdictNote = 'Weak evidence.')) })
    expectIssue(
      r,
      'verdict-names-study',
      'data/claims/example-claim.yaml',
      'verdictNote',
      /"overstated" verdict must name the study ids/,
    )
  })
  it('gives every article of a journal its one abbreviation (journal-abbreviation), and accepts them alike', () => {
    const other = (short?: string) =>
      variant(validStudy(), (s) => {
        s.id = 'lonely-2001'
        s.csl.DOI = '10.5555/lonely'
        delete s.csl.PMID
        s.verification.sources[0].fields = s.verification.sources[0].fields.filter((f: string) => f !== 'PMID')
        s.unusedReason = 'Background for a future claim.'
        if (short !== undefined) s.csl['container-title-short'] = short
      })
    const abbreviated = variant(validStudy(), (s) => (s.csl['container-title-short'] = 'J Ex'))
    expectIssue(
      runOn({ 'studies/example-2020.yaml': abbreviated, 'studies/lonely-2001.yaml': other() }),
      'journal-abbreviation',
      'data/studies/lonely-2001.yaml',
      'csl.container-title-short',
      /is missing, though data\/studies\/example-2020.yaml abbreviates Journal of Examples as "J Ex"/,
    )
    expectIssue(
      runOn({ 'studies/example-2020.yaml': abbreviated, 'studies/lonely-2001.yaml': other('J Exam') }),
      'journal-abbreviation',
      'data/studies/lonely-2001.yaml',
      'csl.container-title-short',
      /"J Exam" abbreviates Journal of Examples, which data\/studies\/example-2020.yaml abbreviates "J Ex"/,
    )
    expect(
      runOn({ 'studies/example-2020.yaml': abbreviated, 'studies/lonely-2001.yaml': other('J Ex') }).issues,
    ).toEqual([])
    expect(runOn({ 'studies/lonely-2001.yaml': other() }).issues).toEqual([])
  })
})
