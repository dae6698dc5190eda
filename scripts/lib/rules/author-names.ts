import { cslOf, type Finding, type RecordRule } from './rule.ts'

/**
 * Every author is a person with a family name or an institution written as `literal`, never both or neither; a
 * person's initials are written apart ("S. A.", not PubMed's "SA").
 */
export const authorNames: RecordRule = {
  name: 'author-names',
  kinds: ['study', 'source'],
  check(record) {
    const authors = cslOf(record).author
    if (!Array.isArray(authors)) return []
    const out: Finding[] = []
    authors.forEach((a: Record<string, unknown>, i) => {
      const family = typeof a.family === 'string' && a.family.trim() !== ''
      const literal = typeof a.literal === 'string' && a.literal.trim() !== ''
      if (!family && !literal) {
        out.push({
          field: `csl.author[${i}]`,
          message: 'has no family name.',
          fix: 'Give every person author a `family` name (institutions use `literal`).',
        })
      } else if (family && literal) {
        out.push({
          field: `csl.author[${i}]`,
          message: 'has both `family` and `literal`.',
          fix: 'Use `family`/`given` for a person or `literal` for an institution.',
        })
      } else if (literal && a.given !== undefined) {
        out.push({
          field: `csl.author[${i}]`,
          message: 'has `given` with `literal`.',
          fix: 'An institution takes only `literal`.',
        })
      } else if (typeof a.given === 'string' && /^[A-Z]{2,4}$/.test(a.given)) {
        // PubMed's "Irwin SA": citation styles would read "SA" as one name and print "S.", dropping an initial.
        out.push({
          field: `csl.author[${i}].given`,
          message: `is the run-together initials "${a.given}", which citation styles read as one name.`,
          fix: `Write the initials apart: "${a.given.split('').join('. ')}."`,
        })
      }
    })
    return out
  },
}
