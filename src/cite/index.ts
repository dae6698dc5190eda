/**
 * The citation-js engine: format shipped studies and sources, and your own CSL-JSON records, in any CSL style, and
 * export bibliographies as CSL-JSON, BibTeX, BibLaTeX and RIS for Zotero, Pandoc and LaTeX.
 *
 * Names mirror `kap-literature/citations` (precomputed, no dependencies), so code can switch between the two.
 * Use this entry when you need user records, a style the precomputed table lacks, or an export.
 *
 * Costs: importing this entry loads citation-js and registers its CSL, BibTeX and RIS plugins (0.1–0.3 s in
 * Node); no style is compiled until it is first used. The first format in a style compiles it: about 0.9 s for the
 * built-in APA (0.9–1.3 s measured), 30–100 ms for Vancouver, Harvard and most CSL files; later calls take a few
 * milliseconds per reference. The `kap-literature/citations` entry has these precomputed for the shipped records.
 * citeproc works synchronously, about 1.5 ms per reference in a bibliography: a formatting call takes at most 1,000
 * items (about 1.5 s of blocking) and an export 10,000; format larger lists in parts, or in a Worker. Every limit,
 * with what happens past it, is in docs/limits.md.
 *
 * Nothing here touches the network: strings are only ever looked up as shipped ids (a DOI, a URL or BibTeX text is
 * rejected, never fetched or parsed), and no fetching citation-js plugin is used.
 *
 * Styles: `apa`, `vancouver` and `harvard` are citation-js's built-in CSL styles (APA 7th, NLM/Vancouver, Cite Them
 * Right Harvard). CSL styles and locales are the work of the Citation Style Language project
 * (https://citationstyles.org/), licensed CC BY-SA 3.0.
 * @example
 * ```ts
 * import { formatBibliography, toBibTeX } from 'kap-literature/cite'
 * console.log(formatBibliography(['dore-2019', 'feder-2014'], { style: 'apa', format: 'text' }))
 * console.log(toBibTeX(['dore-2019']))
 * ```
 * @packageDocumentation
 */
import { isList } from '../errors'
import { addLocale, addStyle, loadStyleFile, styleNames } from './styles'

export type { CiteRecord } from './records'
export {
  exportFormats,
  type BuiltInStyle,
  type CiteCitationOptions,
  type CiteFormat,
  type CiteFormatOptions,
  type CiteItem,
  type ExportFormat,
} from './types'
export { formatBibliography, formatCitation, formatReference } from './format'
export { toBibLaTeX, toBibTeX, toCSLJSON, toRIS } from './export'

/**
 * Registers a CSL style so the formatting functions accept `style: name`. The style is compiled now (40 ms to 1 s),
 * so a broken style fails here rather than at first use. Registering a name again replaces the style; the built-in
 * keys cannot be replaced. Styles are CSL XML: thousands are published by the CSL project (https://citationstyles.org/,
 * CC BY-SA 3.0), and Debian's `citation-style-language-styles` package installs them locally (see {@link loadSystemStyle}).
 * @param name - lower-case letters, digits and hyphens, e.g. `'ama'`
 * @param xml - the text of an independent `.csl` style file
 * The XML is checked in one linear pass before citeproc sees it: at most 300,000 characters, no unclosed comment, no
 * macro that calls itself, and at most 20,000 macro calls and 10,000 rendering elements (along the costliest branch of
 * each `<choose>`) to format one entry (published styles make at most ~1,300 and ~2,000).
 * @throws {@link index!KapLiteratureError} `INVALID_ARGUMENT` for a bad name, a built-in name, text that is not a CSL
 * `<style>` document, a dependent style (the hint names its parent), a recursive macro, or a style citeproc cannot
 * compile (the citeproc error is the `cause`); `LIMIT_EXCEEDED` for XML over 300,000 characters or macros that expand
 * beyond 20,000 calls or 10,000 rendering elements
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs'
 * import { registerStyle, formatReference } from 'kap-literature/cite'
 * registerStyle('ama', readFileSync('american-medical-association.csl', 'utf8'))
 * formatReference('dore-2019', { style: 'ama', format: 'text' })
 * ```
 */
export function registerStyle(name: string, xml: string): void {
  addStyle(name, xml)
}

/**
 * Reads a CSL style from a local folder and registers it; Node only (it uses `process.getBuiltinModule('node:fs')`,
 * so browser bundles contain no `node:fs`). It reads one local file and never uses the network. The default folder
 * is Debian's `/usr/share/citation-style-language/styles` (package `citation-style-language-styles`); `ama`,
 * `chicago` and `mla` are short for `american-medical-association`, `chicago-author-date` and
 * `modern-language-association`. These three get the fixes the shipped citation tables have (docs/cite-engine.md,
 * "Credits"), so both print the same; any other file is used as it is. The styles are the CSL project's
 * (https://citationstyles.org/, CC BY-SA 3.0).
 * @param name - a style file name without `.csl`, or one of the short names `ama`, `chicago`, `mla`
 * @param options - `as`: the name to register it under (default `name`); `directory`: another folder of `.csl` files
 * @returns the registered style name
 * The file is read counting bytes, up to the size limit of {@link registerStyle} (a device or FIFO cannot make it read
 * without end); errors carry the file's path and a generic reason, never its contents (no element or macro name from
 * the file, no citeproc compile message).
 * @throws {@link index!KapLiteratureError} `UNKNOWN_STYLE` when the file does not exist (with an install hint),
 * `INVALID_ARGUMENT` outside Node or for a bad name or style, `LIMIT_EXCEEDED`, as {@link registerStyle}
 * @example
 * ```ts
 * import { loadSystemStyle, formatBibliography } from 'kap-literature/cite'
 * const style = loadSystemStyle('ama') // reads …/american-medical-association.csl, registers 'ama'
 * formatBibliography(['dore-2019'], { style, format: 'text' })
 * ```
 */
export function loadSystemStyle(name: string, options?: { readonly as?: string; readonly directory?: string }): string {
  isList(options, 'loadSystemStyle options') // a revoked proxy is refused before it is read
  return loadStyleFile(name, options)
}

/**
 * The style names the formatting functions accept: the built-in `apa`, `harvard` and `vancouver`, plus every
 * registered one, sorted.
 * @returns the style names, sorted
 * @example
 * ```ts
 * import { listStyles } from 'kap-literature/cite'
 * console.log(listStyles()) // […, 'apa', 'harvard', 'vancouver', …]: the built-ins and any you registered
 * ```
 */
export function listStyles(): string[] {
  return styleNames()
}

/**
 * Registers a CSL locale (terms and date formats for a language) for the `lang` option. Built in: `en-US`, `de-DE`,
 * `es-ES`, `fr-FR`, `nl-NL`. A locale can be registered once, before it is used. It is checked now, by formatting a
 * few references with it in each built-in style (about a second): a locale citeproc cannot use is refused here, and
 * not kept, so a corrected one can be registered under the same tag. Locale files are published by the CSL project
 * (https://citationstyles.org/, CC BY-SA 3.0).
 * @param lang - the language tag, which must match the file's `xml:lang`, e.g. `'en-GB'`
 * @param xml - the text of a CSL `locales-xx-XX.xml` file
 * @throws {@link index!KapLiteratureError} `INVALID_ARGUMENT` for a bad tag, a tag already registered, a tag that differs
 * from the file's `xml:lang`, text that is not a CSL `<locale>` document, or a locale citeproc fails with (its error
 * is the `cause`); `LIMIT_EXCEEDED` over 300,000 characters
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs'
 * import { registerLocale, formatReference } from 'kap-literature/cite'
 * registerLocale('en-GB', readFileSync('locales-en-GB.xml', 'utf8'))
 * formatReference('dore-2019', { style: 'apa', format: 'text', lang: 'en-GB' })
 * ```
 */
export function registerLocale(lang: string, xml: string): void {
  addLocale(lang, xml)
}
