import { eachString } from '../text.ts'
import type { Finding, RecordRule } from './rule.ts'

const TAG = /<\s*[a-zA-Z!/?]/

/** No text field holds markup, so every consumer can escape it once and trust the result. */
export const noHtml: RecordRule = {
  name: 'no-html',
  kinds: ['study', 'claim', 'source'],
  check(record) {
    const out: Finding[] = []
    eachString(record, (path, text) => {
      if (TAG.test(text))
        out.push({
          field: path,
          message: 'contains HTML or markup.',
          fix: 'Write plain text; use words instead of tags (for "<" in numbers write "less than").',
        })
    })
    return out
  },
}
