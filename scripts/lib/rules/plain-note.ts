import { splitVerdictNote } from '../verdict-note.ts'
import type { Finding, RecordRule } from './rule.ts'

/** The relation ids of `evidence[].relation` written with a hyphen: vocabulary, not words a reader knows. */
const RELATION_IDS = /\b(?:partly-supports|partly-contradicts|does-not-test)\b/

/**
 * A claim's verdict note is what pages and handouts show as "why", in plain words: the relation ids belong in its
 * closing "Decision table:" sentence (shipped apart, as `verdictRule`), not before it.
 */
export const plainNote: RecordRule = {
  name: 'plain-note',
  kinds: ['claim'],
  check(record) {
    const why = splitVerdictNote(typeof record.verdictNote === 'string' ? record.verdictNote : '').note
    const m = RELATION_IDS.exec(why)
    if (m === null) return []
    const finding: Finding = {
      field: 'verdictNote',
      message: `uses the relation id "${m[0]}" in the part pages show: "…${why.slice(Math.max(0, m.index - 30), m.index + m[0].length + 10)}…".`,
      fix:
        'Say it in words ("partly supports it", "found otherwise on part of it", "did not test it"); relation ids ' +
        'belong in the closing "Decision table:" sentence.',
    }
    return [finding]
  },
}
