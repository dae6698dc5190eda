import { cslOf, type RecordRule } from './rule.ts'

/** The DOI pattern every shipped DOI must match (no prefix, no spaces, quotes or angle brackets). */
export const DOI_PATTERN = /^10\.\d{4,9}\/[^\s"<>]+$/

/** `csl.DOI` is a bare, well-formed DOI. */
export const doiFormat: RecordRule = {
  name: 'doi-format',
  kinds: ['study', 'source'],
  check(record) {
    const doi = cslOf(record).DOI
    if (doi === undefined) return []
    if (typeof doi === 'string' && DOI_PATTERN.test(doi)) return []
    const shown = String(doi)
    const bare = shown.replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:\s*)/i, '')
    return [
      {
        field: 'csl.DOI',
        message: `"${shown}" is not a bare DOI (expected 10.NNNN/suffix without spaces, quotes or angle brackets).`,
        fix:
          bare !== shown && DOI_PATTERN.test(bare)
            ? `Write it without the prefix: ${bare}`
            : 'Copy the DOI exactly from the publisher or PubMed page, without https://doi.org/.',
      },
    ]
  },
}
