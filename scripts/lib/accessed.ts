/**
 * The access date of a web page: the date the project read it. Harvard (Cite Them Right) and Vancouver (Citing
 * Medicine) require it for every web page ("(Accessed: 22 November 2026)", "[cited 2026 Nov 22]"); AMA, Chicago and
 * MLA print it for a page without a date of its own, and APA for an undated page whose content changes ("Retrieved
 * November 22, 2026, from …").
 *
 * The curator writes no `accessed` in the YAML (the schema allows none): the build adds it to the shipped `csl`, here
 * and nowhere else, when the record shows that the project read the page itself. That is a record of CSL type
 * `webpage` with a `URL`, and a verification source of kind `publisher` (the page, on its own site) that confirmed
 * that URL; `verification.checked` is the date of that check, so it is the date the project read the page. A page
 * known only from other pages (the FDA statements, quoted by news sites) was never read at an address, and gets no
 * access date. Journal articles get none:
 * they are cited by DOI and date, and their styles ask for no access date.
 */

/** A CSL date. */
export interface CslDateParts {
  'date-parts': number[][]
}

interface Authored {
  csl?: { type?: unknown; URL?: unknown }
  verification?: { checked?: unknown; sources?: readonly { kind?: unknown; fields?: readonly unknown[] }[] }
}

/**
 * The `accessed` date the build gives a record's `csl`, or undefined (see the module comment for the rule).
 * @param record - a validated study or source record, as authored
 * @returns `{ 'date-parts': [[year, month, day]] }` from `verification.checked`, or undefined
 */
export function accessedOf(record: Authored): CslDateParts | undefined {
  const { csl, verification } = record
  if (csl?.type !== 'webpage' || typeof csl.URL !== 'string') return undefined
  const read = (verification?.sources ?? []).some((s) => s.kind === 'publisher' && (s.fields ?? []).includes('URL'))
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typeof verification?.checked === 'string' ? verification.checked : '')
  if (!read || date === null) return undefined
  return { 'date-parts': [[Number(date[1]), Number(date[2]), Number(date[3])]] }
}
