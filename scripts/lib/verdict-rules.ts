import type { Issue } from './issues.ts'
import { fullSized } from '../../src/trial-size.ts'
import { splitVerdictNote } from './verdict-note.ts'

/**
 * The mechanical part of the verdict decision table in docs/data-policy.md ("How a verdict follows from the evidence").
 * Each rule bounds the verdicts a claim may carry given its `wording`, the relation and study design of its evidence,
 * and its citation problems; the judgement the table leaves to the curator (is a missing limit one a reader would act
 * on, did the controlled evidence test the claim's own intervention) stays in the verdict note. `verdict-table` works
 * the whole table for every claim ({@link decisionRows}) from what the claim records: its `kind` (effect or fact), the
 * evidence base it names (`evidenceBase`), and the records that document a dispute (`disputedIn`).
 */

/** Designs graded A in the table: randomised trials and reviews of them. */
const RANDOMISED_DESIGNS: ReadonlySet<string> = new Set([
  'meta-analysis',
  'systematic-review',
  'randomized-controlled-trial',
  'randomized-crossover-trial',
])

/** Citation problems that mean the page rests the claim on a study that does not show it (rows 3–4). */
const BAD_CITATION: ReadonlySet<string> = new Set(['did-not-test', 'overstated-finding'])

const SUPPORT: ReadonlySet<string> = new Set(['supports', 'partly-supports'])

export { fullSized, SMALL_TRIAL } from '../../src/trial-size.ts'

interface StudyForVerdict {
  id: string
  design?: string
  n?: number
  csl: { issued?: unknown }
}

interface ClaimForVerdict {
  id: string
  wording?: string
  kind?: string
  evidenceBase?: string[]
  disputedIn?: string[]
  verdict: string
  verdictNote?: string
  madeBy: { source: string; citedAs?: string[] }[]
  evidence: { study: string; relation: string }[]
  citationProblems?: { study: string; problem: string }[]
}

/** The records the verdict rules read, with their files. */
export interface VerdictInput {
  studies: { file: string; record: StudyForVerdict }[]
  claims: { file: string; record: ClaimForVerdict }[]
}

const TABLE = 'docs/data-policy.md, "How a verdict follows from the evidence"'

/** The author part of a study id (`moda-sava-2019` → `moda-sava`), or undefined for ids without a year. */
export function authorPartOfId(id: string): string | undefined {
  const m = /^(.+?)-(\d{4})(-|$)/.exec(id)
  return m?.[1]
}

/** The first year in a CSL `issued` value, if any. */
function issuedYear(issued: unknown): number | undefined {
  const parts = (issued as { 'date-parts'?: unknown[][] } | undefined)?.['date-parts']
  const y = parts?.[0]?.[0]
  return typeof y === 'number' ? y : typeof y === 'string' && /^\d{4}$/.test(y) ? Number(y) : undefined
}

/** Whether a citation string such as "Moda-Sava et al., 2019" names the author part of a study id. */
function citesAuthor(citedAs: string, authorPart: string): boolean {
  const text = citedAs.toLowerCase().replace(/[^a-z0-9]+/g, ' ')
  const name = authorPart.replace(/-/g, ' ')
  return new RegExp(`(^| )${name}( |$)`).test(text)
}

/** A grade of the decision table's step 2: A (strongest) to C; `none` when nothing supports the claim. */
export type Grade = 'A' | 'B' | 'C' | 'none'

const GRADE_RANK: Record<Grade, number> = { none: 0, C: 1, B: 2, A: 3 }

/** A row of the decision table (step 3) and the verdicts it allows. */
export const ROW_VERDICTS: Readonly<Record<number, readonly string[]>> = {
  1: ['inaccurate'],
  2: ['contested'],
  3: ['inaccurate'],
  4: ['overstated'],
  5: ['inaccurate'],
  6: ['overstated'],
  7: ['overstated'],
  8: ['overstated'],
  9: ['oversimplified'],
  10: ['accurate', 'oversimplified'],
}

/**
 * The grade one evidence entry gives, for the claim or against it (step 2 of the table). A claim of fact is graded by
 * whether the record documents the fact (`supports`, `contradicts`: A; in part: B), whatever its design; a claim
 * that names its own evidence base ("animal studies suggest") is graded the same way for studies of that kind; a
 * claim of effect by design: randomised trials and reviews of them A (in part B), a non-randomised controlled trial's
 * `supports` B, a regulatory decision's contradiction A (in part B), and everything else C, as is any small trial.
 */
export function entryGrade(
  claim: Pick<ClaimForVerdict, 'kind' | 'evidenceBase'>,
  relation: string,
  design: string | undefined,
  n: number | undefined,
): Exclude<Grade, 'none'> {
  const whole = relation === 'supports' || relation === 'contradicts'
  const graded = fullSized(design, n) ? design : 'small-trial'
  if (claim.kind === 'fact') return whole ? 'A' : 'B'
  if (graded !== undefined && (claim.evidenceBase ?? []).includes(graded)) return whole ? 'A' : 'B'
  if (RANDOMISED_DESIGNS.has(graded ?? '')) return whole ? 'A' : 'B'
  if (graded === 'regulatory-decision' && relation.endsWith('contradicts')) return whole ? 'A' : 'B'
  if (graded === 'non-randomized-controlled-trial' && whole) return 'B'
  return 'C'
}

/** The grade of each evidence entry of one claim (`entryGrade`), reading each study's design and size. */
function graderFor(
  claim: ClaimForVerdict,
  study: (id: string) => { design?: string; n?: number } | undefined,
): (e: { study: string; relation: string }) => Exclude<Grade, 'none'> {
  return (e) => entryGrade(claim, e.relation, study(e.study)?.design, study(e.study)?.n)
}

/** What the table makes of a claim: the grade of its best support and the rows that may give its verdict. */
export interface Decision {
  /** The grade of the best `supports` or `partly-supports` entry. */
  readonly grade: Grade
  /** The rows that apply: one, or the curator's choice between two (8 or 9; 8 or 10). */
  readonly rows: readonly number[]
  /** Why, in a phrase: the wording, grades and problems that decided the rows. */
  readonly why: string
}

/**
 * Works through the decision table of docs/data-policy.md for one claim: rows 1–7 apply by themselves; what is left
 * is grade B, where the curator says whether the evidence is on target (row 9, or row 10 for a hedged claim) or off
 * target (row 8), and grade A (row 10).
 */
export function decisionRows(
  claim: ClaimForVerdict,
  study: (id: string) => { design?: string; n?: number } | undefined,
): Decision {
  const wording = claim.wording ?? 'plain'
  const gradeOf = graderFor(claim, study)
  const best = (entries: { study: string; relation: string }[]): Grade =>
    entries.map(gradeOf).reduce<Grade>((a, g) => (GRADE_RANK[g] > GRADE_RANK[a] ? g : a), 'none')
  const grade = best(claim.evidence.filter((e) => SUPPORT.has(e.relation)))
  const against = claim.evidence.filter((e) => e.relation === 'contradicts' || e.relation === 'partly-contradicts')
  const bad = (claim.citationProblems ?? []).some((p) => BAD_CITATION.has(p.problem))
  const said = `${wording} wording, best support ${grade === 'none' ? 'none' : `grade ${grade}`}`
  const decided = (rows: number[], why: string): Decision => ({ grade, rows, why: `${said}; ${why}` })

  const strongAgainst = against.filter((e) => e.relation === 'contradicts' && gradeOf(e) === 'A')
  if (strongAgainst.length > 0 && grade !== 'A')
    return decided([1], `${strongAgainst.map((e) => e.study).join(', ')} contradicts it at grade A`)
  const even = against.filter(
    (e) =>
      grade !== 'none' &&
      (gradeOf(e) === grade || (e.relation === 'partly-contradicts' && GRADE_RANK[gradeOf(e)] > GRADE_RANK[grade])),
  )
  if (even.length > 0)
    return decided(
      [2],
      `${even.map((e) => `${e.study} (${e.relation})`).join(', ')} against it at grade ${gradeOf(even[0]!)}`,
    )
  if ((claim.disputedIn ?? []).length > 0)
    return decided([2], `${claim.disputedIn!.join(', ')} documents a dispute on it (disputedIn)`)
  if (bad) return grade === 'none' ? decided([3], 'a bad citation and no support') : decided([4], 'a bad citation')
  if (wording === 'established' && grade === 'none') return decided([5], 'untested')
  if (wording === 'established' && grade !== 'A') return decided([6], 'established on partial evidence')
  if (grade === 'C' || grade === 'none') return decided([7], 'weak or no support')
  if (grade === 'B')
    return decided(
      wording === 'hedged' ? [8, 10] : [8, 9],
      `grade B: row 8 if the evidence is off target, row ${wording === 'hedged' ? 10 : 9} if on target`,
    )
  return decided([10], 'grade-A support')
}

/** The row a verdict note names last ("… row 9."), if any. */
export function notedRow(note: string | undefined): number | undefined {
  const rows = [...splitVerdictNote(note ?? '').rule.matchAll(/\brow (\d+)/g)].map((m) => Number(m[1]))
  return rows.at(-1)
}

/** The grades a verdict note's rule names for the best support ("best evidence B on target …"), if any. */
export function notedGrades(note: string | undefined): Grade[] {
  return [...splitVerdictNote(note ?? '').rule.matchAll(/\bbest (?:evidence|support) (?:grade )?([ABC]|none)\b/g)].map(
    (m) => m[1] as Grade,
  )
}

/** Checks every claim against the mechanical verdict rules. */
export function verdictRuleIssues(input: VerdictInput): Issue[] {
  const issues: Issue[] = []
  const studies = new Map(input.studies.map((s) => [s.record.id, s.record]))
  const designOf = (id: string) => studies.get(id)?.design
  /** The design a study counts as: its own, unless it is a small trial (then it counts as uncontrolled). */
  const gradedDesign = (id: string) => {
    const st = studies.get(id)
    return fullSized(st?.design, st?.n) ? st?.design : 'small-trial'
  }
  for (const { file, record: claim } of input.claims) {
    const firstIssue = issues.length
    const push = (field: string, rule: string, message: string, fix: string) =>
      issues.push({ file, field, rule, message, fix })
    const verdict = claim.verdict
    const wording = claim.wording ?? 'plain'
    const support = claim.evidence.filter((e) => SUPPORT.has(e.relation))
    const gradeOf = graderFor(claim, (id) => studies.get(id))
    // One grading for every rule (step 2 of the table): the grade-A supports and contradictions, by `entryGrade`.
    const gradeASupport = claim.evidence.filter((e) => e.relation === 'supports' && gradeOf(e) === 'A')
    const strongContradictions = claim.evidence.filter((e) => e.relation === 'contradicts' && gradeOf(e) === 'A')
    const badCitations = (claim.citationProblems ?? []).filter((p) => BAD_CITATION.has(p.problem))
    const supportsOrOversimplifies = verdict === 'accurate' || verdict === 'oversimplified'

    if (supportsOrOversimplifies && support.length === 0) {
      push(
        'verdict',
        'verdict-needs-support',
        `is "${verdict}", but no evidence entry supports or partly supports the claim (does-not-test and context never count).`,
        `Add the study that supports it (relation supports or partly-supports), or change the verdict by the table in ` +
          `${TABLE} (untested: overstated, or inaccurate if the wording is established).`,
      )
    }

    if (wording === 'established' && support.length === 0 && verdict !== 'inaccurate') {
      push(
        'verdict',
        'verdict-established-untested',
        `is "${verdict}", but the pages present the claim as a research finding ("studies show") and no study supports it.`,
        `Make the verdict inaccurate (row 5 of the table in ${TABLE}), or add the study that tested it.`,
      )
    } else if (
      wording === 'established' &&
      support.length > 0 &&
      verdict === 'inaccurate' &&
      strongContradictions.length === 0 &&
      badCitations.length === 0
    ) {
      push(
        'verdict',
        'verdict-established-untested',
        `is "inaccurate", but ${support.map((e) => e.study).join(', ')} supports the claim at least in part, so it is not an untested "studies show".`,
        `Make the verdict overstated (row 6 of the table in ${TABLE}), or record the contradicting study or the citation problem that makes it inaccurate.`,
      )
    } else if (wording === 'established' && supportsOrOversimplifies && !support.some((e) => gradeOf(e) === 'A')) {
      const best = support
        .map(
          (e) =>
            `${e.study} (${e.relation}, ` +
            `${
              gradedDesign(e.study) === 'small-trial'
                ? `${designOf(e.study)} with n=${studies.get(e.study)?.n}, a small trial`
                : (designOf(e.study) ?? 'unknown design')
            })`,
        )
        .join(', ')
      push(
        'verdict',
        'verdict-established-evidence',
        `is "${verdict}", but an established claim needs grade-A support (a "supports" from a randomised trial or a ` +
          `review of them; for a claim of fact, from the record of the fact; for a claim that names its evidence base, ` +
          `from a study of that kind); its best support is ${best}.`,
        `Make the verdict overstated (row 6 of the table in ${TABLE}), or add the study that supports it at grade A.`,
      )
    }

    if (strongContradictions.length > 0) {
      const against = strongContradictions.map((e) => `${e.study} (${designOf(e.study)})`).join(', ')
      const backed = gradeASupport.length > 0
      if (supportsOrOversimplifies || (!backed && verdict !== 'inaccurate')) {
        push(
          'verdict',
          'verdict-strong-contradiction',
          `is "${verdict}", but ${against} contradicts the claim${backed ? '' : ' and no study of that strength supports it'}.`,
          backed
            ? `Make the verdict contested (row 2 of the table in ${TABLE}), or inaccurate if the contradiction outweighs the support.`
            : `Make the verdict inaccurate (row 1 of the table in ${TABLE}), or correct the relation if the study did not test the claim.`,
        )
      }
    }

    // Row 2 for a partial contradiction: a `partly-contradicts` from a randomised trial (or a review of them) is grade B,
    // as strong as any support that is all `partly-supports`, so the evidence disagrees (never inaccurate on its own).
    const partialAgainst = claim.evidence.filter((e) => e.relation === 'partly-contradicts' && gradeOf(e) === 'B')
    if (
      partialAgainst.length > 0 &&
      support.length > 0 &&
      support.every((e) => e.relation === 'partly-supports') &&
      verdict !== 'contested' &&
      verdict !== 'inaccurate'
    ) {
      push(
        'verdict',
        'verdict-partial-contradiction',
        `is "${verdict}", but ${partialAgainst.map((e) => `${e.study} (${designOf(e.study)})`).join(', ')} partly ` +
          `contradicts the claim at grade B, and its support (${support.map((e) => e.study).join(', ')}) is partial, so no stronger.`,
        `Make the verdict contested (row 2 of the table in ${TABLE}), or inaccurate if another row above it applies.`,
      )
    }

    const anyContradiction = claim.evidence.some((e) => e.relation === 'contradicts')
    if (
      wording === 'hedged' &&
      gradeASupport.length > 0 &&
      !anyContradiction &&
      badCitations.length === 0 &&
      (verdict === 'overstated' || verdict === 'inaccurate')
    ) {
      push(
        'verdict',
        'verdict-hedged-randomised',
        `is "${verdict}", but the claim is hedged and ${gradeASupport.map((e) => e.study).join(', ')} supports it at ` +
          `grade A (randomised or a review of trials; for a claim of fact, the record of the fact).`,
        `Make the verdict accurate or oversimplified (row 10 of the table in ${TABLE}); if the study only agrees in part, make its relation partly-supports.`,
      )
    }

    if (badCitations.length > 0) {
      const cited = [...new Set(badCitations.map((p) => `${p.study} (${p.problem})`))].join(', ')
      if (supportsOrOversimplifies) {
        push(
          'verdict',
          'verdict-citation-problem',
          `is "${verdict}", but the page rests the claim on a study that does not show it: ${cited}.`,
          `Make the verdict overstated (row 4 of the table in ${TABLE}), or inaccurate if nothing else supports the claim (row 3).`,
        )
      } else if (support.length > 0 && verdict === 'inaccurate' && strongContradictions.length === 0) {
        push(
          'verdict',
          'verdict-citation-problem',
          `is "inaccurate", but the claim's direction has support (${support.map((e) => e.study).join(', ')}); only its citation is bad (${cited}).`,
          `Make the verdict overstated (row 4 of the table in ${TABLE}): a right direction with a bad citation is ` +
            `overstated, with the problem recorded in citationProblems.`,
        )
      } else if (support.length === 0 && verdict !== 'inaccurate') {
        push(
          'verdict',
          'verdict-citation-problem',
          `is "${verdict}", but the page rests the claim on a study that does not show it (${cited}) and nothing else supports it.`,
          `Make the verdict inaccurate (row 3 of the table in ${TABLE}), or add the study that does support the claim.`,
        )
      }
    }

    // The whole table, once the rules above (each a part of it, with its own fix) have nothing to say.
    if (!issues.slice(firstIssue).some((i) => i.rule.startsWith('verdict-'))) {
      const decision = decisionRows(claim, (id) => studies.get(id))
      const row = notedRow(claim.verdictNote)
      const allowed = decision.rows.flatMap((r) => ROW_VERDICTS[r] ?? [])
      const rowsText = decision.rows.map((r) => `row ${r} (${ROW_VERDICTS[r]!.join(' or ')})`).join(' or ')
      if (!allowed.includes(verdict)) {
        push(
          'verdict',
          'verdict-table',
          `is "${verdict}", but the table gives ${rowsText}: ${decision.why}.`,
          `Make the verdict ${allowed.join(' or ')} and name the row in the note, or correct what the table read: the ` +
            `claim's kind (effect or fact), evidenceBase, disputedIn, the relations or the citation problems (${TABLE}).`,
        )
      } else if (row !== undefined && !(decision.rows.includes(row) && (ROW_VERDICTS[row] ?? []).includes(verdict))) {
        push(
          'verdictNote',
          'verdict-table',
          `names row ${row}, but the table gives ${rowsText} for this "${verdict}" verdict: ${decision.why}.`,
          `Name row ${decision.rows.find((r) => ROW_VERDICTS[r]!.includes(verdict))} at the end of the note ("Decision ` +
            `table: …, row N."), or correct what the table read (${TABLE}).`,
        )
      } else {
        // The rule readers see ("best evidence C (…), row 7") must name the grade the table works out.
        const named = notedGrades(claim.verdictNote)
        if (named.length > 0 && !named.includes(decision.grade)) {
          push(
            'verdictNote',
            'verdict-table',
            `names best evidence ${named.join(' and ')}, but the table grades the best support ${decision.grade}: ` +
              `${decision.why}.`,
            `Write "best evidence ${decision.grade}" in the note's rule, or correct what the table read (${TABLE}).`,
          )
        }
      }
    }

    // A page's citation that names a study in the evidence must be checked against that study. When several studies
    // by the same author are in the evidence, the cited one is the one with the cited year, else the one(s) with a
    // citation problem already recorded, else all of them.
    const problems = claim.citationProblems ?? []
    claim.madeBy.forEach((m, i) => {
      ;(m.citedAs ?? []).forEach((citedAs, j) => {
        const citedYear = /\b(19|20)\d{2}\b/.exec(citedAs)?.[0]
        const candidates = [...new Set(claim.evidence.map((e) => e.study))].filter((id) => {
          const author = authorPartOfId(id)
          return author !== undefined && citesAuthor(citedAs, author)
        })
        const sameYear = candidates.filter(
          (id) => citedYear !== undefined && issuedYear(studies.get(id)?.csl.issued) === Number(citedYear),
        )
        const withProblem = candidates.filter((id) => problems.some((p) => p.study === id))
        const targets = sameYear.length > 0 ? sameYear : withProblem.length > 0 ? withProblem : candidates
        const where = `madeBy[${i}].citedAs[${j}]`
        for (const id of targets) {
          const untested = claim.evidence.some((e) => e.study === id && e.relation === 'does-not-test')
          if (untested && !problems.some((p) => p.study === id && p.problem === 'did-not-test')) {
            push(
              where,
              'citation-recorded',
              `cites "${citedAs}", which is ${id} in the evidence, marked does-not-test, but no did-not-test citation problem is recorded.`,
              `Add { study: ${id}, problem: did-not-test, note: … } to citationProblems.`,
            )
          }
          const year = issuedYear(studies.get(id)?.csl.issued)
          if (
            citedYear !== undefined &&
            year !== undefined &&
            Number(citedYear) !== year &&
            !problems.some((p) => p.study === id && p.problem === 'year-mismatch')
          ) {
            push(
              where,
              'citation-recorded',
              `cites "${citedAs}" with the year ${citedYear}, but ${id} was published in ${year}, and no year-mismatch citation problem is recorded.`,
              `Add { study: ${id}, problem: year-mismatch, note: … } to citationProblems (the study record keeps its true year).`,
            )
          }
        }
      })
    })
  }
  return issues
}
