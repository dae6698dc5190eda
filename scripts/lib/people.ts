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

/** The author names of a study as the rule reads them. */
export interface StudyNames {
  file: string
  record: { csl?: { author?: readonly { family?: string; given?: string }[] } }
}

/**
 * Rule `person-names` across records: a person's in-text form is one of the forms the bylines print (never a form no
 * source shows), every listed form is printed by some record's byline under that family name (a form no record uses
 * is stale), and a form belongs to one person only.
 */
export function peopleIssues(file: string, people: readonly Person[], studies: readonly StudyNames[]): Issue[] {
  const issues: Issue[] = []
  const used = new Set<string>()
  for (const s of studies) for (const a of s.record.csl?.author ?? []) used.add(`${a.family}|${a.given}`)
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
      const key = `${p.family}|${form}`
      if (!used.has(key))
        issues.push({
          ...at(`forms[${j}]`),
          message: `no study's byline prints "${p.family}, ${form}".`,
          fix: 'Remove the form, or correct it to the byline as a study record gives it (csl.author).',
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
