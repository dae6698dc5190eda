import { cslOf, type RecordRule } from './rule.ts'

/** Earliest publication year accepted (ketamine was first synthesised in 1962; 1950 leaves room for background literature). */
export const EARLIEST_YEAR = 1950

/** `csl.issued` is a real date between 1950 and the date of the check. */
export const yearPlausible: RecordRule = {
  name: 'year-plausible',
  kinds: ['study', 'source'],
  check(record, ctx) {
    const issued = cslOf(record).issued as { 'date-parts'?: number[][] } | undefined
    const parts = issued?.['date-parts']?.[0]
    if (parts === undefined) return []
    const [year, month, day] = parts
    const checked = (record.verification as { checked?: string } | undefined)?.checked ?? ctx.today
    const lastYear = Number(checked.slice(0, 4))
    if (year === undefined || year < EARLIEST_YEAR || year > lastYear) {
      return [
        {
          field: 'csl.issued',
          message: `year ${String(year)} is not between ${EARLIEST_YEAR} and ${lastYear}.`,
          fix: 'Check the publication year on the publisher or PubMed page.',
        },
      ]
    }
    if (month !== undefined && (month < 1 || month > 12)) {
      return [
        {
          field: 'csl.issued',
          message: `month ${month} is not 1–12.`,
          fix: 'Write date-parts as [[year, month, day]].',
        },
      ]
    }
    if (month !== undefined && day !== undefined) {
      const d = new Date(Date.UTC(year, month - 1, day))
      if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
        return [
          {
            field: 'csl.issued',
            message: `${year}-${month}-${day} is not a calendar date.`,
            fix: 'Write date-parts as [[year, month, day]].',
          },
        ]
      }
    }
    return []
  },
}
