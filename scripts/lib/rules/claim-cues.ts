import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { compileGroup, type CueGroup } from '../../../src/check/cue-syntax.ts'
import { withConcepts } from '../../../src/check/concepts.ts'
import type { Finding, RecordRule } from './rule.ts'

const macrosFile = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'data', 'check', 'cues.json')
let macros: Readonly<Record<string, string>> | undefined

/** Every claim has cues for the checker, and every cue compiles (known words, macros and syntax). */
export const claimCues: RecordRule = {
  name: 'claim-cues',
  kinds: ['claim'],
  check(record) {
    const cues = record.cues as readonly CueGroup[] | undefined
    if (cues === undefined || cues.length === 0) {
      return [
        {
          field: 'cues',
          message: `claim "${String(record.id)}" has no cues, so kap-literature check could never find it in a draft.`,
          fix: "Add cues: a list of cue groups such as '$K + relief + hour*' (language: docs/claim-checker.md), then run npx vitest run tests/check.",
        },
      ]
    }
    macros ??= withConcepts((JSON.parse(readFileSync(macrosFile, 'utf8')) as { macros: Record<string, string> }).macros)
    const out: Finding[] = []
    cues.forEach((group, i) => {
      try {
        compileGroup(group, macros!, `claim ${String(record.id)}`)
      } catch (e) {
        const written =
          typeof group === 'string'
            ? group
            : `${group.all}${group.unless === undefined ? '' : ` (unless ${group.unless})`}${group.denies === true ? ' (denies)' : ''}`
        out.push({
          field: `cues[${i}]`,
          message: `cue "${written}" of claim "${String(record.id)}" does not compile: ${(e as Error).message}.`,
          fix:
            'Slots are joined by " + ", alternatives by "|"; words are letters and digits, a trailing * (3+ ' +
            'letters) matches any ending, and $NAME must be a macro of data/check/cues.json or a group id of ' +
            'data/search/synonyms.json.',
        })
      }
    })
    return out
  },
}
