/**
 * Size budgets (minified + gzip, bytes) for browser bundles of the installed package, checked by pack.test.ts.
 * A budget is raised only with a reason in CHANGELOG.md.
 */
export const budgets = {
  /** `kap-literature`: records, accessors, types. Raised from 25 KB in 0.1.0; see CHANGELOG.md. */
  data: 100 * 1024,
  /** One citation style, e.g. `kap-literature/citations/apa`, with every shipped record. */
  oneStyle: 15 * 1024,
  /** `kap-literature/search` beyond the data entry it builds on. */
  searchBeyondData: 40 * 1024,
  /** `kap-literature/cite` beyond the data entry (citation-js, citeproc, styles and locales). */
  citeBeyondData: 200 * 1024,
} as const
