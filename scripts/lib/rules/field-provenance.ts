import { cslOf, type Finding, type RecordRule } from './rule.ts'

/** CSL fields that follow from other confirmed fields and need no source of their own. */
export const DERIVED_FIELDS: ReadonlySet<string> = new Set(['type', 'id', 'title-short', 'container-title-short'])

/** Record-level fields that a verification source may confirm besides CSL fields. */
const RECORD_FIELDS: ReadonlySet<string> = new Set(['registrations'])

/**
 * Every bibliographic field is backed by a verification source that names it; a source names only fields present;
 * `missing` names only fields that are absent. This is what makes "never guess a field" checkable.
 */
export const fieldProvenance: RecordRule = {
  name: 'field-provenance',
  kinds: ['study', 'source'],
  check(record) {
    const csl = cslOf(record)
    const v = record.verification as
      { sources?: { fields?: string[]; secondaryFields?: string[] }[]; missing?: string[] } | undefined
    const confirmed = new Set((v?.sources ?? []).flatMap((s) => [...(s.fields ?? []), ...(s.secondaryFields ?? [])]))
    const out: Finding[] = []
    for (const field of Object.keys(csl).sort()) {
      if (!DERIVED_FIELDS.has(field) && !confirmed.has(field)) {
        out.push({
          field: `csl.${field}`,
          message: 'is not confirmed by any verification source.',
          fix: `Add "${field}" to the fields of the page that confirms it, or remove the field and list it under verification.missing.`,
        })
      }
    }
    ;(v?.sources ?? []).forEach((s, i) => {
      for (const list of ['fields', 'secondaryFields'] as const) {
        for (const field of s[list] ?? []) {
          const present = RECORD_FIELDS.has(field)
            ? (record[field] as unknown[] | undefined)?.length
            : csl[field] !== undefined
          if (!present) {
            out.push({
              field: `verification.sources[${i}].${list}`,
              message: `names "${field}", which the record does not have.`,
              fix: `Remove "${field}" from the list or add the confirmed value.`,
            })
          }
        }
      }
    })
    for (const field of v?.missing ?? []) {
      if (csl[field] !== undefined) {
        out.push({
          field: 'verification.missing',
          message: `lists "${field}", but csl has it.`,
          fix: `Remove "${field}" from missing if it was confirmed, or delete the unconfirmed value.`,
        })
      }
    }
    return out
  },
}
