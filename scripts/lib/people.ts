import { givenWithStops, nameKey } from '../../src/cite/style-records.ts'
import type { Issue } from './issues.ts'

/** A person of data/vocab/people.yaml: one author whose name the records' bylines print in several forms. */
export interface Person {
  id: string
  family: string
  /** The given-name form in-text citations use; one of `forms`. */
  given: string
  /** Every given-name form the bylines print. */
  forms: string[]
}

/** The author names of a study or source page as the rules read them. */
export interface StudyNames {
  file: string
  record: { csl?: { author?: readonly { family?: string; given?: string }[] } }
}

/** The authors an in-text citation may name: all of a work with up to three (Chicago names three), else the first. */
const inTextNamed = <T>(authors: readonly T[]): readonly T[] => (authors.length <= 3 ? authors : authors.slice(0, 1))

/**
 * Rule `person-listed`: authors that in-text citations name, share a family name and differ in their given names
 * (stops aside) are each listed in data/vocab/people.yaml, as one person (one entry with both forms) or as different
 * people (an entry each). Unlisted, styles tell them apart as two people: APA by initials ("E. Krupitsky et al., 2002;
 * E. M. Krupitsky et al., 2007"), Chicago by given names.
 */
export function unlistedNameIssues(people: readonly Person[], studies: readonly StudyNames[]): Issue[] {
  const listed = new Set(people.flatMap((p) => p.forms.map((f) => nameKey(p.family, f))))
  const byFamily = new Map<string, { given: string; file: string; field: string }[]>()
  for (const s of studies)
    inTextNamed(s.record.csl?.author ?? []).forEach((a, k) => {
      if (a.family === undefined || a.given === undefined) return
      const seen = byFamily.get(a.family) ?? []
      seen.push({ given: givenWithStops(a.given), file: s.file, field: `csl.author[${k}]` })
      byFamily.set(a.family, seen)
    })
  const issues: Issue[] = []
  for (const [family, seen] of byFamily) {
    const forms = [...new Set(seen.map((x) => x.given))]
    if (forms.length < 2) continue
    for (const x of seen) {
      if (listed.has(nameKey(family, x.given))) continue
      const other = seen.find((o) => o.given !== x.given)!
      issues.push({
        file: x.file,
        field: x.field,
        rule: 'person-listed',
        message:
          `"${family}, ${x.given}" shares a family name with "${family}, ${other.given}" (${other.file}), and ` +
          'in-text citations name both, so styles would tell them apart as two people.',
        fix:
          'List them in data/vocab/people.yaml: as one person (one entry with both forms, and why they are one), ' +
          'or as two people (an entry each).',
      })
    }
  }
  return issues
}

/**
 * Rule `person-names` across records: a person's in-text form is one of the forms the bylines print (never a form no
 * source shows), every listed form is printed by some record's byline under that family name (a form no record uses
 * is stale), and a form belongs to one person only.
 */
export function peopleIssues(file: string, people: readonly Person[], studies: readonly StudyNames[]): Issue[] {
  const issues: Issue[] = []
  const used = new Set<string>()
  for (const s of studies) for (const a of s.record.csl?.author ?? []) used.add(nameKey(a.family, a.given ?? ''))
  const owner = new Map<string, string>()
  people.forEach((p, i) => {
    const at = (field: string) => ({ file, field: `[${i}].${field}`, rule: 'person-names' })
    if (!p.forms.includes(p.given))
      issues.push({
        ...at('given'),
        message: `"${p.given}" is not one of the forms the bylines print (${p.forms.join('; ')}).`,
        fix: 'Choose one of forms for in-text citations, the fullest a byline prints.',
      })
    p.forms.forEach((form, j) => {
      const key = nameKey(p.family, form)
      if (!used.has(key))
        issues.push({
          ...at(`forms[${j}]`),
          message: `no record's byline prints "${p.family}, ${form}".`,
          fix: 'Remove the form, or correct it to the byline as a record gives it (csl.author).',
        })
      const other = owner.get(key)
      if (other !== undefined && other !== p.id)
        issues.push({
          ...at(`forms[${j}]`),
          message: `"${p.family}, ${form}" is listed for "${other}" too.`,
          fix: 'A byline form names one person: keep it under one of them.',
        })
      owner.set(key, p.id)
    })
  })
  return issues
}
