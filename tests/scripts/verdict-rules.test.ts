import { describe, expect, it } from 'vitest'
import {
  authorPartOfId,
  decisionRows,
  entryGrade,
  fullSized,
  notedGrades,
  notedRow,
} from '../../scripts/lib/verdict-rules.ts'
import { runOn, validClaim, validStudy, variant } from '../helpers/fixture-data.ts'
import { expectIssue } from './rules/expect-issue.ts'

const CLAIM = 'data/claims/example-claim.yaml'

/** A second citable study with the given id and design, used by the fixture claims below. */
function study(id: string, design: string, year = 2020, n = 80): Record<string, unknown> {
  return variant(validStudy(), (s) => {
    s.id = id
    s.design = design
    s.n = n
    s.csl.DOI = `10.5555/${id}`
    s.csl.issued = { 'date-parts': [[year]] }
    delete s.csl.PMID
    s.verification.sources[0].fields = s.verification.sources[0].fields.filter((f: string) => f !== 'PMID')
  })
}

/** Runs the pipeline with the example claim changed by `mutate` and the extra studies given. */
function run(mutate: (c: Record<string, any>) => void, studies: Record<string, unknown>[] = []) {
  // The example study is a randomised trial; 80 people make it full-sized (validStudy has 10, a small trial).
  const files: Record<string, unknown> = {
    'claims/example-claim.yaml': variant(validClaim(), mutate),
    'studies/example-2020.yaml': variant(validStudy(), (s) => (s.n = 80)),
  }
  for (const s of studies) files[`studies/${String(s.id)}.yaml`] = s
  return runOn(files)
}

const ok = (r: ReturnType<typeof runOn>) =>
  expect(r.issues, r.issues.map((i) => `${i.rule} ${i.field} ${i.message}`).join('\n')).toEqual([])

describe('verdict rules (decision table, docs/data-policy.md)', () => {
  it('verdict-needs-support: accurate or oversimplified needs supports or partly-supports; does-not-test and context never count', () => {
    for (const relation of ['does-not-test', 'context']) {
      const r = run((c) => {
        c.evidence[0].relation = relation
        c.verdict = 'accurate'
      })
      const line = expectIssue(
        r,
        'verdict-needs-support',
        CLAIM,
        'verdict',
        /is "accurate", but no evidence entry supports/,
      )
      expect(line).toContain('docs/data-policy.md')
    }
    expectIssue(
      run((c) => {
        c.evidence[0].relation = 'context'
        c.verdict = 'oversimplified'
      }),
      'verdict-needs-support',
      CLAIM,
      'verdict',
      /"oversimplified"/,
    )
    ok(
      run((c) => {
        c.evidence[0].relation = 'partly-supports'
        c.verdict = 'oversimplified'
        c.verdictNote = 'Limit left out (example-2020).'
      }),
    )
    ok(
      run((c) => {
        c.evidence[0].relation = 'context'
      }),
    ) // untested and plain: overstated is allowed
  })

  it('verdict-established-untested: an untested "studies show" is inaccurate, every time', () => {
    for (const verdict of ['overstated', 'contested']) {
      const r = run((c) => {
        c.wording = 'established'
        c.evidence[0].relation = 'does-not-test'
        c.verdict = verdict
      })
      expectIssue(r, 'verdict-established-untested', CLAIM, 'verdict', /present the claim as a research finding/)
    }
    ok(
      run((c) => {
        c.wording = 'established'
        c.evidence[0].relation = 'does-not-test'
        c.verdict = 'inaccurate'
      }),
    )
    // ...and a partly supported one is overstated, not inaccurate: one verdict for one situation.
    expectIssue(
      run((c) => {
        c.wording = 'established'
        c.evidence[0].relation = 'partly-supports'
        c.verdict = 'inaccurate'
      }),
      'verdict-established-untested',
      CLAIM,
      'verdict',
      /example-2020 supports the claim at least in part/,
    )
  })

  it('verdict-established-evidence: an established claim supported only by uncontrolled, animal or healthy-volunteer studies cannot be accurate', () => {
    for (const design of [
      'open-label-trial',
      'retrospective-cohort',
      'preclinical',
      'healthy-volunteer-study',
      'narrative-review',
    ]) {
      const r = run(
        (c) => {
          c.wording = 'established'
          c.evidence[0].study = 'weak-2020'
          c.verdict = 'accurate'
        },
        [study('weak-2020', design), { ...validStudy(), n: 80, unusedReason: 'fixture' }],
      )
      const line = expectIssue(
        r,
        'verdict-established-evidence',
        CLAIM,
        'verdict',
        new RegExp(`best support is weak-2020 \\(supports, ${design}\\)`),
      )
      expect(line).toContain('overstated')
    }
    // partly-supports from a randomised trial is not enough either (row 6).
    expectIssue(
      run((c) => {
        c.wording = 'established'
        c.evidence[0].relation = 'partly-supports'
        c.verdict = 'oversimplified'
      }),
      'verdict-established-evidence',
      CLAIM,
      'verdict',
      /needs grade-A support/,
    )
    ok(
      run((c) => {
        c.wording = 'established'
        c.verdict = 'accurate'
      }),
    ) // supports from a randomised trial
    // A small randomised trial counts as uncontrolled evidence.
    expectIssue(
      run(
        (c) => {
          c.wording = 'established'
          c.evidence[0].study = 'tiny-2020'
          c.verdict = 'accurate'
        },
        [
          study('tiny-2020', 'randomized-controlled-trial', 2020, 28),
          { ...validStudy(), n: 80, unusedReason: 'fixture' },
        ],
      ),
      'verdict-established-evidence',
      CLAIM,
      'verdict',
      /tiny-2020 \(supports, randomized-controlled-trial with n=28, a small trial\)/,
    )
    ok(
      run(
        (c) => {
          c.wording = 'established'
          c.evidence[0].study = 'cross-2020'
          c.verdict = 'accurate'
        },
        [
          study('cross-2020', 'randomized-crossover-trial', 2020, 20),
          { ...validStudy(), n: 80, unusedReason: 'fixture' },
        ],
      ),
    )
    ok(
      run(
        (c) => {
          c.wording = 'established'
          c.evidence[0].study = 'weak-2020'
        },
        [study('weak-2020', 'preclinical'), { ...validStudy(), n: 80, unusedReason: 'fixture' }],
      ),
    )
  })

  it('verdict-strong-contradiction: a contradicting randomised trial or regulatory decision rules out accurate', () => {
    const against = study('against-2021', 'randomized-controlled-trial', 2021)
    const withContradiction = (verdict: string, relation = 'partly-supports') =>
      run(
        (c) => {
          c.evidence[0].relation = relation
          c.evidence.push({ study: 'against-2021', relation: 'contradicts', note: 'Found no effect.' })
          c.verdict = verdict
          c.verdictNote = 'against-2021 found otherwise.'
        },
        [against],
      )
    expectIssue(
      withContradiction('accurate', 'supports'),
      'verdict-strong-contradiction',
      CLAIM,
      'verdict',
      /against-2021 \(randomized-controlled-trial\) contradicts the claim/,
    )
    // Without a support of that strength the verdict is inaccurate (row 1)...
    const line = expectIssue(
      withContradiction('contested'),
      'verdict-strong-contradiction',
      CLAIM,
      'verdict',
      /no study of that strength supports it/,
    )
    expect(line).toContain('inaccurate')
    ok(withContradiction('inaccurate'))
    // ...with one, contested (row 2).
    ok(withContradiction('contested', 'supports'))
    const regulator = study('agency-2023', 'regulatory-decision', 2023)
    expectIssue(
      run(
        (c) => {
          c.evidence.push({ study: 'agency-2023', relation: 'contradicts', note: 'Not approved.' })
          c.verdict = 'oversimplified'
          c.verdictNote = 'agency-2023.'
        },
        [regulator],
      ),
      'verdict-strong-contradiction',
      CLAIM,
      'verdict',
      /agency-2023 \(regulatory-decision\)/,
    )
    // An animal study against the claim does not bind the verdict.
    ok(
      run(
        (c) => {
          c.evidence.push({ study: 'mice-2019', relation: 'contradicts', note: 'Mice.' })
          c.verdict = 'accurate'
        },
        [study('mice-2019', 'preclinical', 2019)],
      ),
    )
  })

  it('verdict-partial-contradiction: a null trial of something close, against partial support, makes the claim contested', () => {
    const withPartial = (
      verdict: string,
      relation = 'partly-supports',
      design = 'randomized-controlled-trial',
      n = 158,
      row = verdict === 'contested' ? 2 : 9,
    ) =>
      run(
        (c) => {
          c.evidence[0].relation = relation
          c.evidence.push({ study: 'null-2022', relation: 'partly-contradicts', note: 'Ketamine alone: no effect.' })
          c.verdict = verdict
          c.verdictNote = `null-2022 found no effect. Decision table: row ${row}.`
        },
        [study('null-2022', design, 2022, n)],
      )
    for (const verdict of ['accurate', 'oversimplified', 'overstated']) {
      const line = expectIssue(
        withPartial(verdict),
        'verdict-partial-contradiction',
        CLAIM,
        'verdict',
        /null-2022 \(randomized-controlled-trial\) partly contradicts the claim at grade B/,
      )
      expect(line).toContain('Make the verdict contested (row 2')
    }
    ok(withPartial('contested'))
    // A partial contradiction never makes a claim inaccurate by itself: the whole table (verdict-table) gives row 2.
    expectIssue(withPartial('inaccurate'), 'verdict-table', CLAIM, 'verdict', /table gives row 2 \(contested\)/)
    // It does not move a verdict that full randomised support carries (a lower grade than the best support)...
    ok(withPartial('accurate', 'supports', 'randomized-controlled-trial', 158, 10))
    // ...and a small trial or an uncontrolled study is grade C: the rule leaves that judgement to the table and the note.
    ok(withPartial('oversimplified', 'partly-supports', 'randomized-controlled-trial', 30))
    ok(withPartial('oversimplified', 'partly-supports', 'open-label-trial'))
    // A partly-contradicts is not a contradicts: row 1 (inaccurate) is never forced by it.
    expect(withPartial('contested').issues.filter((i) => i.rule === 'verdict-strong-contradiction')).toEqual([])
  })

  it('verdict-hedged-randomised: a hedged claim with randomised support is not overstated merely for being hedged', () => {
    const line = expectIssue(
      run((c) => {
        c.wording = 'hedged'
      }),
      'verdict-hedged-randomised',
      CLAIM,
      'verdict',
      /is "overstated", but the claim is hedged and example-2020/,
    )
    expect(line).toContain('accurate or oversimplified')
    ok(
      run((c) => {
        c.wording = 'hedged'
        c.verdict = 'oversimplified'
      }),
    )
    ok(
      run((c) => {
        c.wording = 'hedged'
        c.evidence[0].relation = 'partly-supports'
      }),
    ) // partial support: the curator judges
    ok(
      run(
        (c) => {
          c.wording = 'hedged'
          c.evidence[0].study = 'open-2020'
        },
        [study('open-2020', 'open-label-trial'), { ...validStudy(), n: 80, unusedReason: 'fixture' }],
      ),
    )
  })

  it('verdict-citation-problem: a right direction with a bad citation is overstated; with nothing else, inaccurate', () => {
    const cited = (verdict: string, relation: string, problem = 'did-not-test') =>
      run((c) => {
        c.evidence[0].relation = relation
        c.citationProblems = [{ study: 'example-2020', problem, note: 'Cited for something it did not test.' }]
        c.verdict = verdict
        c.verdictNote = 'example-2020 did not test it.'
      })
    expectIssue(
      cited('accurate', 'partly-supports', 'overstated-finding'),
      'verdict-citation-problem',
      CLAIM,
      'verdict',
      /rests the claim on a study that does not show it: example-2020 \(overstated-finding\)/,
    )
    ok(cited('overstated', 'partly-supports', 'overstated-finding'))
    expectIssue(
      cited('inaccurate', 'partly-supports', 'overstated-finding'),
      'verdict-citation-problem',
      CLAIM,
      'verdict',
      /only its citation is bad/,
    )
    expectIssue(
      cited('overstated', 'does-not-test'),
      'verdict-citation-problem',
      CLAIM,
      'verdict',
      /nothing else supports it/,
    )
    ok(cited('inaccurate', 'does-not-test'))
    // A wrong year alone does not move the verdict.
    ok(
      run((c) => {
        c.wording = 'hedged'
        c.verdict = 'accurate'
        c.citationProblems = [{ study: 'example-2020', problem: 'year-mismatch', note: 'Cited as 2021.' }]
      }),
    )
  })

  it('citation-recorded: a cited study that did not test the claim, or a wrong cited year, must be recorded', () => {
    const cite = (citedAs: string, mutate: (c: Record<string, any>) => void = () => {}) =>
      run((c) => {
        c.madeBy[0].citedAs = [citedAs]
        c.verdict = 'accurate' // a full-sized randomised trial supports it: row 10
        mutate(c)
      })
    const line = expectIssue(
      cite('Example et al., 2022'),
      'citation-recorded',
      CLAIM,
      'madeBy[0].citedAs[0]',
      /with the year 2022, but example-2020 was published in 2020/,
    )
    expect(line).toContain('year-mismatch')
    ok(cite('Example et al., 2020'))
    ok(
      cite(
        'Example et al., 2022',
        (c) => (c.citationProblems = [{ study: 'example-2020', problem: 'year-mismatch', note: 'Cited as 2022.' }]),
      ),
    )
    expectIssue(
      cite('Example et al., 2020', (c) => {
        c.evidence[0].relation = 'does-not-test'
        c.verdict = 'inaccurate'
        c.verdictNote = 'example-2020.'
      }),
      'citation-recorded',
      CLAIM,
      'madeBy[0].citedAs[0]',
      /marked does-not-test, but no did-not-test citation problem/,
    )
    ok(cite('Other et al., 2022')) // names no study in the evidence
  })

  it('reads the author part of multi-word ids', () => {
    expect(authorPartOfId('moda-sava-2019')).toBe('moda-sava')
    expect(authorPartOfId('fda-esketamine-monotherapy-2025')).toBe('fda-esketamine-monotherapy')
    expect(authorPartOfId('wilkinson-2021-b')).toBe('wilkinson')
    expect(authorPartOfId('no-year')).toBeUndefined()
  })

  it('grades small trials as uncontrolled, reviews by design alone', () => {
    expect(fullSized('randomized-controlled-trial', 39)).toBe(false)
    expect(fullSized('randomized-controlled-trial', 40)).toBe(true)
    expect(fullSized('randomized-crossover-trial', 18)).toBe(false)
    expect(fullSized('meta-analysis', 5)).toBe(true)
    expect(fullSized('randomized-controlled-trial', undefined)).toBe(true)
  })

  it('verdict-table: a claim of fact is graded by how fully its records document it, whatever their design', () => {
    const practice = (kind: string, verdict: string, row: number) =>
      run(
        (c) => {
          c.kind = kind
          c.evidence[0] = { study: 'clinic-2020', relation: 'partly-supports', note: 'One clinic protocol.' }
          c.verdict = verdict
          c.verdictNote = `Documented for clinic-2020's programme only. Decision table: plain wording, row ${row}.`
        },
        [study('clinic-2020', 'retrospective-cohort'), { ...validStudy(), n: 80, unusedReason: 'fixture' }],
      )
    // A claim of effect from a retrospective series is grade C: row 7, overstated.
    ok(practice('effect', 'overstated', 7))
    const line = expectIssue(
      practice('effect', 'oversimplified', 9),
      'verdict-table',
      CLAIM,
      'verdict',
      /is "oversimplified", but the table gives row 7 \(overstated\): plain wording, best support grade C/,
    )
    expect(line).toContain("the claim's kind (effect or fact)")
    // The same record documents a fact in part: grade B, row 9 (on target) or row 8 (a different fact).
    ok(practice('fact', 'oversimplified', 9))
    ok(practice('fact', 'overstated', 8))
    // Every rule grades one way: for a claim of fact the record that contradicts it is grade A whatever its design, so
    // the contradiction rule (row 1) speaks, as the table would.
    const contradicted = run(
      (c) => {
        c.kind = 'fact'
        c.evidence = [
          { study: 'clinic-2020', relation: 'partly-supports', note: 'One clinic protocol.' },
          { study: 'guide-2021', relation: 'contradicts', note: 'The guidance says otherwise.' },
        ]
        c.verdict = 'oversimplified'
        c.verdictNote = 'clinic-2020 and guide-2021. Decision table: row 9.'
      },
      [
        study('clinic-2020', 'retrospective-cohort'),
        study('guide-2021', 'narrative-review'),
        { ...validStudy(), n: 80, unusedReason: 'fixture' },
      ],
    )
    expectIssue(
      contradicted,
      'verdict-strong-contradiction',
      CLAIM,
      'verdict',
      /guide-2021 \(narrative-review\) contradicts/,
    )
    // The rule readers see must name the grade the table works out.
    expectIssue(
      run((c) => {
        c.evidence[0].relation = 'partly-supports'
        c.verdict = 'oversimplified'
        c.verdictNote = 'Limit left out (example-2020). Decision table: plain wording, best evidence A, row 9.'
      }),
      'verdict-table',
      CLAIM,
      'verdictNote',
      /names best evidence A, but the table grades the best support B/,
    )
    expectIssue(
      practice('fact', 'overstated', 7),
      'verdict-table',
      CLAIM,
      'verdictNote',
      /names row 7, but the table gives row 8 \(overstated\) or row 9 \(oversimplified\)/,
    )
  })

  it('verdict-table: a claim that names its evidence base is graded A by a study of that kind', () => {
    const animals = (evidenceBase?: string[]) =>
      run(
        (c) => {
          c.wording = 'established'
          if (evidenceBase) c.evidenceBase = evidenceBase
          c.evidence[0] = { study: 'mice-2020', relation: 'supports', note: 'In mice.' }
          c.verdict = 'accurate'
        },
        [study('mice-2020', 'preclinical'), { ...validStudy(), n: 80, unusedReason: 'fixture' }],
      )
    ok(animals(['preclinical']))
    // On a claim of fact it would be ignored (the record of a fact is graded by what it documents), so it is refused.
    expectIssue(
      run((c) => {
        c.kind = 'fact'
        c.evidenceBase = ['preclinical']
        c.verdict = 'accurate'
      }),
      'evidence-base-effect',
      CLAIM,
      'evidenceBase',
      /set on a claim of fact/,
    )
    expectIssue(animals(), 'verdict-established-evidence', CLAIM, 'verdict', /needs grade-A support/)
    expectIssue(animals(['healthy-volunteer-study']), 'verdict-established-evidence', CLAIM, 'verdict', /mice-2020/)
  })

  it('verdict-table: row 2 from a record that documents a dispute (disputedIn), which must be in the evidence', () => {
    const disputed = (disputedIn?: string[]) =>
      run((c) => {
        c.wording = 'hedged'
        c.evidence[0].relation = 'partly-supports'
        if (disputedIn) c.disputedIn = disputedIn
        c.verdict = 'contested'
        c.verdictNote = 'example-2020 reports an earlier study that found nothing. Decision table: row 2.'
      })
    ok(disputed(['example-2020']))
    expectIssue(disputed(), 'verdict-table', CLAIM, 'verdict', /the table gives row 8 \(overstated\) or row 10/)
    expectIssue(
      disputed(['other-2019']),
      'disputed-in-evidence',
      CLAIM,
      'disputedIn[0]',
      /"other-2019" is not in the claim's evidence/,
    )
  })

  it('decisionRows: every row of the table, in order', () => {
    const designs: Record<string, { design: string; n?: number }> = {
      rct: { design: 'randomized-controlled-trial', n: 100 },
      small: { design: 'randomized-controlled-trial', n: 12 },
      open: { design: 'open-label-trial', n: 30 },
      mice: { design: 'preclinical' },
      fda: { design: 'regulatory-decision' },
    }
    const bad = { citationProblems: [{ study: 'rct', problem: 'did-not-test' }] }
    const yearOnly = { citationProblems: [{ study: 'rct', problem: 'year-mismatch' }] }
    // [evidence as "study:relation" words, other claim fields, the rows the table gives]
    const cases: [string, Record<string, unknown>, number[]][] = [
      ['open:supports rct:contradicts', {}, [1]],
      ['rct:partly-supports fda:contradicts', {}, [1]],
      ['rct:supports rct:contradicts', {}, [2]],
      ['mice:partly-supports mice:contradicts', {}, [2]],
      ['open:partly-supports rct:partly-contradicts', {}, [2]],
      ['rct:supports rct:partly-contradicts', {}, [10]], // a lower grade than the support: no move
      ['open:partly-supports', { disputedIn: ['open'] }, [2]],
      ['rct:does-not-test', bad, [3]],
      ['open:partly-supports', bad, [4]],
      ['rct:context', { wording: 'established' }, [5]],
      ['rct:partly-supports', { wording: 'established' }, [6]],
      ['small:supports', {}, [7]],
      ['', {}, [7]],
      ['rct:partly-supports', {}, [8, 9]],
      ['rct:partly-supports', { wording: 'hedged' }, [8, 10]],
      ['rct:supports', { wording: 'established' }, [10]],
      ['rct:supports', yearOnly, [10]], // a wrong year is recorded but does not move the verdict
    ]
    for (const [evidence, more, expected] of cases) {
      const claim = {
        ...{ id: 'c', wording: 'plain', kind: 'effect', verdict: 'overstated', madeBy: [] },
        evidence: evidence
          .split(' ')
          .filter((w) => w !== '')
          .map((w) => ({ study: w.split(':')[0]!, relation: w.split(':')[1]! })),
        ...more,
      }
      expect(decisionRows(claim, (id) => designs[id]).rows, `${evidence} ${JSON.stringify(more)}`).toEqual(expected)
    }
  })

  it('entryGrade and notedRow: the grade of one entry, and the row a note names', () => {
    const effect = { kind: 'effect' }
    expect(entryGrade(effect, 'supports', 'meta-analysis', undefined)).toBe('A')
    expect(entryGrade(effect, 'partly-supports', 'randomized-crossover-trial', 20)).toBe('B')
    expect(entryGrade(effect, 'partly-supports', 'randomized-crossover-trial', 19)).toBe('C')
    expect(entryGrade(effect, 'supports', 'non-randomized-controlled-trial', 60)).toBe('B')
    expect(entryGrade(effect, 'partly-supports', 'non-randomized-controlled-trial', 60)).toBe('C')
    expect(entryGrade(effect, 'supports', 'regulatory-decision', undefined)).toBe('C')
    expect(entryGrade(effect, 'partly-contradicts', 'regulatory-decision', undefined)).toBe('B')
    expect(entryGrade({ kind: 'fact' }, 'supports', 'narrative-review', undefined)).toBe('A')
    expect(entryGrade({ kind: 'fact' }, 'partly-supports', 'retrospective-cohort', 200)).toBe('B')
    expect(entryGrade({ kind: 'effect', evidenceBase: ['preclinical'] }, 'supports', 'preclinical', undefined)).toBe(
      'A',
    )
    expect(notedRow('Reasons. Decision table: plain wording, best evidence B on target (x), row 9.')).toBe(9)
    expect(notedRow('Decision table: row 2 (two trials disagree).')).toBe(2)
    expect(notedRow('The row 4 of another table is not it.')).toBeUndefined()
    expect(notedGrades('Decision table: plain wording, best evidence B on target (x), row 9.')).toEqual(['B'])
    expect(notedGrades('Decision table: best evidence B for one half and C for the other, row 6.')).toEqual(['B'])
    expect(notedGrades('Decision table: row 2 (two trials disagree).')).toEqual([])
  })
})
