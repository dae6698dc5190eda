/**
 * A claim's verdict note as written ends with the row of the decision table that gave the verdict ("Decision table:
 * established wording, best evidence C (…), row 6."). The detail keeps the two apart: `verdictNote`, the reasons in
 * plain words that a page shows, and `verdictRule`, that row, for readers who check the rule (empty when the note
 * names no row; tests/data/invariants.test.ts requires one for every shipped claim). The one place the note is cut:
 * the generated details, the verdict rules and rule `plain-note` read it through this.
 */
export function splitVerdictNote(written: string): { note: string; rule: string } {
  const at = written.lastIndexOf('Decision table:')
  if (at === -1) return { note: written.trim(), rule: '' }
  const rule = written.slice(at + 'Decision table:'.length).trim()
  return { note: written.slice(0, at).trim(), rule: rule.replace(/\.$/, '') }
}
