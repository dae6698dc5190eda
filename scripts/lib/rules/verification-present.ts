import type { RecordRule } from './rule.ts'

/**
 * A record says when it was checked (a real date, not in the future) and against at least one page; a page that
 * confirms no field must say in a note why it is listed. A source document that no public page confirms may list
 * no page, provided its notes say what was searched.
 */
export const verificationPresent: RecordRule = {
  name: 'verification-present',
  kinds: ['study', 'source'],
  check(record, ctx) {
    const v = record.verification as { checked?: string; sources?: unknown[] } | undefined
    if (v === undefined) return []
    const out = []
    const checked = v.checked ?? ''
    const date = new Date(`${checked}T00:00:00Z`)
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== checked) {
      out.push({
        field: 'verification.checked',
        message: `"${checked}" is not a calendar date.`,
        fix: 'Write the date of the check as YYYY-MM-DD.',
      })
    } else if (checked > ctx.today) {
      out.push({
        field: 'verification.checked',
        message: `${checked} is in the future.`,
        fix: 'Write the date the fields were actually checked.',
      })
    }
    ;((v.sources ?? []) as { fields?: unknown[]; secondaryFields?: unknown[]; note?: string }[]).forEach((s, i) => {
      if ((s.fields ?? []).length === 0 && (s.secondaryFields ?? []).length === 0 && s.note === undefined) {
        out.push({
          field: `verification.sources[${i}]`,
          message: 'confirms no field and gives no note.',
          fix: 'List the fields this page confirms, or add a note saying what it shows (for example a lead that could not be confirmed).',
        })
      }
    })
    if ((v.sources ?? []).length === 0 && !(record.file !== undefined && typeof record.notes === 'string')) {
      out.push({
        field: 'verification.sources',
        message: 'lists no page.',
        fix:
          'Add the https page(s) each field was checked against (a source document that no page confirms may list ' +
          'none, if its notes say what was searched).',
      })
    }
    return out
  },
}
