import type { RecordRule } from './rule.ts'

/** The record's `id` equals its file name, so ids can be found by path. */
export const idMatchesFile: RecordRule = {
  name: 'id-matches-file',
  kinds: ['study', 'claim', 'source'],
  check(record, ctx) {
    return record.id === ctx.fileName
      ? []
      : [
          {
            field: 'id',
            message: `"${String(record.id)}" differs from the file name "${ctx.fileName}".`,
            fix: `Rename the file to ${String(record.id)}.yaml or set id: ${ctx.fileName}.`,
          },
        ]
  },
}
