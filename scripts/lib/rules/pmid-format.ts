import { cslOf, type RecordRule } from './rule.ts'

/** `csl.PMID` is 1–9 digits and `csl.PMCID` is `PMC` followed by digits. */
export const pmidFormat: RecordRule = {
  name: 'pmid-format',
  kinds: ['study'],
  check(record) {
    const csl = cslOf(record)
    const out = []
    if (csl.PMID !== undefined && !(typeof csl.PMID === 'string' && /^[1-9]\d{0,8}$/.test(csl.PMID))) {
      out.push({
        field: 'csl.PMID',
        message: `"${String(csl.PMID)}" is not a PubMed id (1 to 9 digits).`,
        fix: 'Write only the digits, quoted, e.g. PMID: "30917760".',
      })
    }
    if (csl.PMCID !== undefined && !(typeof csl.PMCID === 'string' && /^PMC\d{1,9}$/.test(csl.PMCID))) {
      out.push({
        field: 'csl.PMCID',
        message: `"${String(csl.PMCID)}" is not a PubMed Central id.`,
        fix: 'Write it as PMC followed by digits, e.g. PMC6410101.',
      })
    }
    return out
  },
}
