import { closest } from '../../src/suggest.ts'
import type { Issue } from './issues.ts'
import { verdictRuleIssues } from './verdict-rules.ts'

interface Located<T> {
  file: string
  record: T
}

interface StudyLike {
  id: string
  csl: {
    type?: string
    DOI?: string
    PMID?: string
    author?: readonly unknown[]
    title?: string
    issued?: unknown
    'container-title'?: string
    'container-title-short'?: string
  }
  design?: string
  unusedReason?: string
}

export { uncitableFields } from '../../src/data/citable.ts'
import { uncitableFields } from '../../src/data/citable.ts'
interface ClaimLike {
  id: string
  wording?: string
  kind?: string
  evidenceBase?: string[]
  verdict: string
  verdictNote: string
  madeBy: { source: string; section: string; citedAs?: string[] }[]
  evidence: { study: string; relation: string }[]
  citationProblems?: { study: string; problem: string }[]
  cuesYieldTo?: string[]
  disputedIn?: string[]
}
interface SourceLike {
  id: string
  sections: string[]
}

/** The records that passed the earlier layers, with their files. */
export interface CrossInput {
  studies: Located<StudyLike>[]
  claims: Located<ClaimLike>[]
  sources: Located<SourceLike>[]
}

function refIssue(file: string, field: string, kind: string, value: string, known: string[]): Issue {
  const hint = closest(value, known)
  return {
    file,
    field,
    rule: 'reference-exists',
    message: `points at ${kind} "${value}", which does not exist.`,
    fix:
      hint === undefined
        ? `Create data/${kind === 'study' ? 'studies' : 'sources'}/${value}.yaml or correct the id.`
        : `Did you mean "${hint}"?`,
  }
}

/** Rules that look across records: unique ids and identifiers, references that resolve, coverage. */
export function crossRecordIssues(input: CrossInput): Issue[] {
  const issues: Issue[] = []
  const firstSeen = new Map<string, string>()
  for (const { file, record } of [...input.studies, ...input.claims, ...input.sources]) {
    const other = firstSeen.get(record.id)
    if (other !== undefined) {
      issues.push({
        file,
        field: 'id',
        rule: 'unique-id',
        message: `"${record.id}" is already used by ${other}.`,
        fix: 'Give each record its own id (add a short disambiguator such as -b).',
      })
    } else firstSeen.set(record.id, file)
  }
  for (const key of ['DOI', 'PMID'] as const) {
    const seen = new Map<string, string>()
    for (const { file, record } of input.studies) {
      const value = record.csl[key]?.toLowerCase()
      if (value === undefined) continue
      const other = seen.get(value)
      if (other !== undefined) {
        issues.push({
          file,
          field: `csl.${key}`,
          rule: 'unique-identifier',
          message: `${key} ${record.csl[key]} is also in ${other}.`,
          fix: 'One work, one record: merge the two or correct the identifier.',
        })
      } else seen.set(value, file)
    }
  }
  issues.push(...journalAbbreviationIssues(input.studies))
  const studyIds = input.studies.map((s) => s.record.id).sort()
  const studySet = new Set(studyIds)
  const studyMap = new Map(input.studies.map((s) => [s.record.id, s.record]))
  const sourceMap = new Map(input.sources.map((s) => [s.record.id, s.record]))
  const sourceIds = [...sourceMap.keys()].sort()
  const usedStudies = new Set<string>()
  const usedSources = new Set<string>()
  const claimIds = input.claims.map((c) => c.record.id).sort()
  const yields = new Map(input.claims.map((c) => [c.record.id, c.record.cuesYieldTo ?? []]))
  for (const { file, record: claim } of input.claims) {
    ;(claim.cuesYieldTo ?? []).forEach((other, i) => {
      const field = `cuesYieldTo[${i}]`
      if (!yields.has(other)) {
        const hint = closest(other, claimIds)
        issues.push({
          file,
          field,
          rule: 'cues-yield-to',
          message: `names claim "${other}", which does not exist.`,
          fix: hint === undefined ? 'Use the id of a claim in data/claims.' : `Did you mean "${hint}"?`,
        })
      } else if (other === claim.id || (yields.get(other) ?? []).includes(claim.id)) {
        issues.push({
          file,
          field,
          rule: 'cues-yield-to',
          message: `"${claim.id}" and "${other}" would each yield to the other (or a claim to itself), so neither would be the best claim.`,
          fix: 'Keep the yield on the more general claim only.',
        })
      }
    })
    claim.madeBy.forEach((m, i) => {
      const source = sourceMap.get(m.source)
      if (source === undefined) {
        issues.push(refIssue(file, `madeBy[${i}].source`, 'source', m.source, sourceIds))
        return
      }
      usedSources.add(m.source)
      if (!source.sections.includes(m.section)) {
        const hint = closest(
          m.section.toLowerCase(),
          source.sections.map((s) => s.toLowerCase()),
        )
        const match = source.sections.find((s) => s.toLowerCase() === hint)
        issues.push({
          file,
          field: `madeBy[${i}].section`,
          rule: 'section-exists',
          message: `"${m.section}" is not a section of source "${m.source}".`,
          fix:
            match === undefined
              ? `Use one of the sections listed in data/sources/${m.source}.yaml, or add it there.`
              : `Did you mean "${match}"?`,
        })
      }
    })
    const refs: [string, string][] = [
      ...claim.evidence.map((e, i) => [`evidence[${i}].study`, e.study] as [string, string]),
      ...(claim.citationProblems ?? []).map((p, i) => [`citationProblems[${i}].study`, p.study] as [string, string]),
    ]
    for (const [field, id] of refs) {
      if (studySet.has(id)) usedStudies.add(id)
      else issues.push(refIssue(file, field, 'study', id, studyIds))
    }
    if (claim.kind === 'fact' && claim.evidenceBase !== undefined) {
      issues.push({
        file,
        field: 'evidenceBase',
        rule: 'evidence-base-effect',
        message:
          'is set on a claim of fact, whose records are graded by what they document whatever their design, so it would be ignored.',
        fix: 'Remove evidenceBase, or make the claim a claim of effect if it says what ketamine or KAP does (docs/data-policy.md, step 2).',
      })
    }
    ;(claim.disputedIn ?? []).forEach((id, i) => {
      if (!claim.evidence.some((e) => e.study === id)) {
        issues.push({
          file,
          field: `disputedIn[${i}]`,
          rule: 'disputed-in-evidence',
          message: `names "${id}" as the record that documents a dispute, but "${id}" is not in the claim's evidence.`,
          fix: `Add ${id} to the evidence (with the relation that says how it bears on the claim), or remove it from disputedIn.`,
        })
      }
    })
    claim.evidence.forEach((e, i) => {
      const study = studyMap.get(e.study)
      const lacking = study === undefined ? [] : uncitableFields(study.csl)
      if (lacking.length > 0) {
        issues.push({
          file,
          field: `evidence[${i}].study`,
          rule: 'evidence-citable',
          message: `uses "${e.study}", which cannot be cited: its record has no confirmed ${lacking.join(', ')}.`,
          fix:
            `Confirm ${lacking.join(', ')} for data/studies/${e.study}.yaml on a public page, or remove it from ` +
            `this claim's evidence (keep the study with an unusedReason as a lead).`,
        })
      }
    })
    if (
      claim.verdict !== 'accurate' &&
      !studyIds.some((id) => new RegExp(`(^|[^a-z0-9-])${id}([^a-z0-9-]|$)`).test(claim.verdictNote))
    ) {
      issues.push({
        file,
        field: 'verdictNote',
        rule: 'verdict-names-study',
        message: `a "${claim.verdict}" verdict must name the study ids it rests on.`,
        fix: 'Mention at least one study id (e.g. grunebaum-2018) in the verdict note.',
      })
    }
  }
  for (const { file, record } of input.studies) {
    if (!usedStudies.has(record.id) && record.unusedReason === undefined) {
      issues.push({
        file,
        field: '',
        rule: 'study-used',
        message: 'no claim points at this study.',
        fix: 'Add it as evidence to a claim, or give an `unusedReason`.',
      })
    }
  }
  // The mechanical rows of the verdict decision table (docs/data-policy.md), one module with its own tests.
  issues.push(...verdictRuleIssues({ studies: input.studies, claims: input.claims }))
  for (const { file, record } of input.sources) {
    if (!usedSources.has(record.id)) {
      issues.push({
        file,
        field: '',
        rule: 'source-has-claims',
        message: 'no claim is made by this source document.',
        fix: 'Record the claims this page makes (madeBy.source) or remove the source.',
      })
    }
  }
  return issues
}

/**
 * One journal, one abbreviation (`journal-abbreviation`): the NLM abbreviation is a fact about the journal, so every
 * article of a journal carries the `container-title-short` that the others of that journal carry, and no two of them
 * disagree. Styles that abbreviate (AMA, Vancouver) and the RIS `J2` field then treat all its articles alike.
 */
export function journalAbbreviationIssues(studies: readonly Located<StudyLike>[]): Issue[] {
  const byJournal = new Map<string, { short: string; file: string }>()
  const issues: Issue[] = []
  for (const { file, record } of studies) {
    const full = record.csl['container-title']
    const short = record.csl['container-title-short']
    if (full === undefined || short === undefined) continue
    const seen = byJournal.get(full)
    if (seen === undefined) byJournal.set(full, { short, file })
    else if (seen.short !== short)
      issues.push({
        file,
        field: 'csl.container-title-short',
        rule: 'journal-abbreviation',
        message: `"${short}" abbreviates ${full}, which ${seen.file} abbreviates "${seen.short}".`,
        fix: "Use the journal's one NLM abbreviation (as its PubMed records print it) in every article of the journal.",
      })
  }
  for (const { file, record } of studies) {
    const full = record.csl['container-title']
    if (full === undefined || record.csl['container-title-short'] !== undefined) continue
    const seen = byJournal.get(full)
    if (seen !== undefined)
      issues.push({
        file,
        field: 'csl.container-title-short',
        rule: 'journal-abbreviation',
        message: `is missing, though ${seen.file} abbreviates ${full} as "${seen.short}".`,
        fix: `Add container-title-short: ${seen.short} (a fact about the journal; docs/data-policy.md, journal names).`,
      })
  }
  return issues
}
