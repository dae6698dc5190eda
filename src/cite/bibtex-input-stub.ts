// What the browser build of kap-literature/cite (scripts/build-cite-browser.ts) puts in place of citation-js's BibTeX
// *parser* (@citation-js/plugin-bibtex/lib/input): the entry only writes BibTeX, and citation-js reads nothing but
// the CSL objects this library builds (`new Cite(…, { forceType: '@csl/list+object' })`, src/cite/engine.ts), so the
// parser, its grammar and its tables (about 6 KB of gzip) were never run. The plugin registers no BibTeX input formats.
/** The plugin's name, as the parser module exports it. @internal */
export const ref = '@bibtex'
/** No input formats: nothing is parsed from BibTeX. @internal */
export const formats = {}
