/**
 * Size budgets for what a page imports: each case is a small program using one entry the way a clinic page does,
 * bundled by esbuild for the browser (ESM, minified) from the installed, packed package, measured gzip (level 9) in
 * bytes (page-size.ts). Checked by pack.test.ts, which also checks the sizes docs/clinic-sites.md shows against its
 * measurements; measured at 1×, 10× and 100× the records by bench/growth.ts.
 * A budget is raised only with a reason in CHANGELOG.md.
 */
export interface BudgetCase {
  /** What the page does. */
  readonly label: string
  /** The page's module: `PKG` stands for the package name. */
  readonly code: string
  /** Budget in bytes (gzip). */
  readonly budget: number
  /** Size in 0.1.0, for the record (bytes, gzip); absent for what 0.1.0 could not do. */
  readonly before?: number
  /**
   * Bundled with code splitting (esbuild `splitting: true`; Vite, Rollup and webpack split `import()` by default), as
   * a page that loads part of its code on demand is: the size counted is then what the page loads up front (the entry
   * and its static imports, `'up-front'`) or the most that one `import()` adds to that (`'largest-on-demand'`). Without
   * it the page is one file (esbuild without splitting puts what `import()` loads in that file too).
   */
  readonly split?: 'up-front' | 'largest-on-demand'
}

const KB = 1024

export const budgetCases: readonly BudgetCase[] = [
  {
    label: '`citations/apa` → `apa.formatReference(id)`',
    code: `import { apa } from 'PKG/citations/apa'; console.log(apa.formatReference('dore-2019'))`,
    // 15 KB held with the completed author lists (14.7 KB at 56 studies). The table holds every record's reference
    // (~4.5 KB per 100 records, bench/growth.ts); abdallah-2022, a trial with 32 authors, is the longest APA entry
    // (0.5 KB): 15.0 KB at 57 studies. The budget follows the data from here, as search's does: 16 KB.
    budget: 16 * KB,
    before: 12.4 * KB,
  },
  {
    label: '`citations/apa` + `cslCredit` (the credit line, from the same entry)',
    code:
      `import { apa, cslCredit } from 'PKG/citations/apa'; console.log(apa.formatReference('dore-2019'), ` +
      `cslCredit)`,
    // Audit 36: the credit imported from `PKG/citations` cost every style's table (33.0 KB); it is now a constant of
    // its own, exported by every style entry and by `PKG/citations`, which no longer keeps the tables it does not use.
    // 15 → 16 KB with the table, as above.
    budget: 16 * KB,
  },
  {
    label: '`cslCredit` alone, from `kap-literature/citations`',
    code: `import { cslCredit } from 'PKG/citations'; console.log(cslCredit)`,
    // Audit 36: 23.8 KB before (every style's table, kept by the style list built at load).
    budget: 1 * KB,
  },
  {
    label: '`citations/apa` + `citeProse` (a verdict note with its study ids as APA citations)',
    code:
      `import { apa } from 'PKG/citations/apa'; import { citeProse } from 'PKG/citations'; ` +
      `console.log(citeProse('As dore-2019 found', apa.createCitationSession(), 'text'))`,
    // Audit 36: 34.1 KB before (every style's table came with the `PKG/citations` entry).
    budget: 17 * KB,
  },
  {
    label: '`getStudy(id)` from the root entry',
    code: `import { getStudy } from 'PKG'; console.log(getStudy('dore-2019'))`,
    budget: 30 * KB,
    before: 88.9 * KB,
  },
  {
    // Review 29: the guards read the id lists, not the record cores (19.5 KB before).
    label: '`isStudyId(x)` from the root entry (ids only)',
    code: `import { isStudyId } from 'PKG'; console.log(isStudyId(location.hash.slice(1)))`,
    budget: 3 * KB,
  },
  {
    label: '`search(q)`',
    code: `import { search } from 'PKG/search'; console.log(search('ketamine ptsd'))`,
    // 35 KB held at 32.3 KB; restored leads (issue 11, ~2.5 KB of index) and ranking without cliffs with word
    // correction and didYouMean (issue 14, ~1.4 KB of code) bring it to 35.7 KB. The issue 15 goal is ≤ 40 KB.
    budget: 38 * KB,
    before: 128.4 * KB,
  },
  {
    label: '`search` + `citations/apa` together',
    code:
      `import { search } from 'PKG/search'; import { apa } from 'PKG/citations/apa'; console.log(search('ketamine ` +
      `ptsd'), apa.formatReference('dore-2019'))`,
    // 45 KB was met (43.9 KB) at 118 records; the re-verified dataset has 131 (13 new records: the evidence of issue
    // 12), and bench/growth.ts measures ~20 KB per 100 records for this pair, so the budget moves with the data.
    // 48 KB → 50 KB with the search changes of issue 14 and the restored leads of issue 11 (measured 48.1 KB).
    budget: 50 * KB,
    before: 140.7 * KB,
  },
  {
    label: '`toJsonLd(id)`',
    code: `import { toJsonLd } from 'PKG/jsonld'; console.log(toJsonLd('dore-2019'))`,
    budget: 30 * KB,
    before: 92.4 * KB,
  },
  {
    label: '`loadDetails(id)` from `kap-literature/details`, code splitting on: up front',
    code: `import { loadDetails } from 'PKG/details'; loadDetails('dore-2019').then(console.log)`,
    split: 'up-front',
    // Audit 36: 234 KB before, the entry statically importing every record's chunk (the synchronous table and the
    // loaders shared each record's module); now the loader, the ids and the error helpers.
    budget: 8 * KB,
  },
  {
    label: "`loadDetails(id)`: one record's detail on demand (the largest record)",
    code: `import { loadDetails } from 'PKG/details'; loadDetails('dore-2019').then(console.log)`,
    split: 'largest-on-demand',
    budget: 8 * KB,
  },
  {
    label: '`kap-literature/cite` (citation-js engine, browser build)',
    code: `import * as cite from 'PKG/cite'; console.log(cite)`,
    // 195.9 KB at 118 records; with the 13 added records (~1.6 KB of data-entry core) and the hardening's input checks
    // (~2.5 KB) it measures 200.0 KB, so the budget is 204 KB to leave room; see bench/README.md. 204 KB → 205 KB for
    // the shipped titles in sentence case in APA, AMA, Vancouver and Harvard (src/cite/sentence-case.ts, ~0.4 KB),
    // measured 204.07 KB. 205 KB → 208 KB for the per-style record rules (src/cite/style-records.ts: an organisation
    // named once, initials with stops), access dates of web pages, the Vancouver page-range fix and RIS PubMed notes
    // (measured 205.01 KB), with room for the audit's record checks (round 35).
    // And for the hostile-input fixes of audit 35/A (~3.7 KB: the record snapshot and
    // its number, date, URL and control-character rules, the style work counter and per-call bounds, the locale check,
    // the engine cache release, the linear et-al scanner), measured 207.9 KB. citation-js's BibTeX *parser* (moo,
    // plugin-bibtex input, ~6 KB gzip), which this entry never calls, is what could make room again.
    // 208 KB → 210 KB: both sets of changes together measure 209.75 KB (round 35).
    // Session 28 (complete author lists, the AMA date fix, hyphenated initials, the exports' stops and urldate):
    // 210.3 KB, over; the browser build now puts a module of no formats in place of citation-js's BibTeX parser, which
    // never ran (src/cite/bibtex-input-stub.ts): 202.0 KB.
    budget: 210 * KB,
    before: 268 * KB,
  },
]

/** Every entry's whole export, for the record (no budget): `import * as m from 'PKG/<entry>'`. */
export const budgets = {
  /** `kap-literature`: the record cores, accessors, types (everything the entry exports). */
  data: 30 * KB,
} as const
