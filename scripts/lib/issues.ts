/** A validation problem found in the authored data. Every issue names the file, the field, the rule and a fix. */
export interface Issue {
  /** Path of the file relative to the data folder's parent, e.g. `data/studies/dore-2019.yaml`. */
  file: string
  /** Dotted path of the field, e.g. `csl.DOI` or `evidence[0].study`; empty for the whole file. */
  field: string
  /** Stable rule name, e.g. `doi-format`. */
  rule: string
  /** What is wrong. */
  message: string
  /** How to fix it. */
  fix: string
}

/** Formats one issue as a single line: `file: field: [rule] message Fix: fix`. */
export function formatIssue(issue: Issue): string {
  const field = issue.field === '' ? '(file)' : issue.field
  return `${issue.file}: ${field}: [${issue.rule}] ${issue.message} Fix: ${issue.fix}`
}

/** Sorts issues by file, then field, then rule, so reports are stable. */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  return [...issues].sort(
    (a, b) => a.file.localeCompare(b.file) || a.field.localeCompare(b.field) || a.rule.localeCompare(b.rule),
  )
}
