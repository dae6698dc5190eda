import { cslOf, type Finding, type RecordRule } from './rule.ts'

/**
 * An author list is complete unless the record says otherwise with `authorsComplete: false`, and no verification page
 * contradicts what the record says: a page that shows the full list gives `authorCount`, and the list must match it.
 */
export const authorsComplete: RecordRule = {
  name: 'authors-complete',
  kinds: ['study'],
  check(record) {
    const authors = cslOf(record).author
    const count = Array.isArray(authors) ? authors.length : 0
    const flag = record.authorsComplete
    const out: Finding[] = []
    if (flag !== undefined && count === 0) {
      out.push({
        field: 'authorsComplete',
        message: 'is set, but the record has no authors.',
        fix: 'Remove authorsComplete, or add the confirmed authors.',
      })
    }
    if (flag === true) {
      out.push({
        field: 'authorsComplete',
        message: 'is true, which is the default.',
        fix: 'Remove the line: a list is complete unless marked `authorsComplete: false`.',
      })
    }
    const sources = (record.verification as { sources?: { authorCount?: unknown }[] } | undefined)?.sources ?? []
    sources.forEach((s, i) => {
      if (typeof s.authorCount !== 'number' || count === 0) return
      if (flag !== false && s.authorCount !== count) {
        out.push({
          field: 'csl.author',
          message: `lists ${count} author(s) as the complete list, but verification.sources[${i}] shows ${s.authorCount}.`,
          fix: 'Add the missing authors in order from that page, or mark the list `authorsComplete: false` if only the first ones are confirmed.',
        })
      } else if (flag === false && count >= s.authorCount) {
        out.push({
          field: 'authorsComplete',
          message: `is false, but the record already has all ${s.authorCount} author(s) that verification.sources[${i}] shows.`,
          fix: 'Remove `authorsComplete: false`.',
        })
      }
    })
    return out
  },
}
