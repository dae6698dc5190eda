import { eachString } from '../text.ts'
import type { Issue } from '../issues.ts'
import type { RecordKind } from '../load.ts'

/** A problem reported by a rule; the pipeline adds the file and rule name. */
export type Finding = Omit<Issue, 'file' | 'rule'>

/** Context handed to per-record rules. */
export interface RuleContext {
  /** The file's name without `.yaml`. */
  fileName: string
  /** Today's date (ISO), for "not in the future" checks. */
  today: string
}

/** A per-record rule: one module, one job, its own test. */
export interface RecordRule {
  name: string
  kinds: readonly RecordKind[]
  check(record: Record<string, unknown>, ctx: RuleContext): Finding[]
}

/** The `csl` object of a record, or an empty object. */
export function cslOf(record: Record<string, unknown>): Record<string, unknown> {
  const csl = record.csl
  return csl !== null && typeof csl === 'object' ? (csl as Record<string, unknown>) : {}
}

/**
 * A rule over every text field of studies, claims and sources (cues excepted: they are a pattern language, not
 * prose): `check` returns the finding for one field, or nothing.
 */
export function textRule(name: string, check: (text: string) => Omit<Finding, 'field'> | undefined): RecordRule {
  return {
    name,
    kinds: ['study', 'claim', 'source'],
    check(record) {
      const out: Finding[] = []
      eachString(record, (path, text) => {
        if (path.startsWith('cues')) return
        const finding = check(text)
        if (finding !== undefined) out.push({ field: path, ...finding })
      })
      return out
    },
  }
}
