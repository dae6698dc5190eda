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
import type { SourceId, StudyId } from '../index'
import { toBibLaTexImpl, toBibTexImpl, toCslJsonImpl, toRisImpl } from './export'
import { formatBibliographyImpl, formatCitationImpl, formatReferenceImpl } from './format'
import type { CiteRecord } from './records'
import { addLocale, addStyle, loadStyleFile, styleNames } from './styles'

export type { CiteRecord } from './records'

/**
 * Bibliography export formats for reference managers (Zotero) and Pandoc.
 * @example
 * ```ts
 * import { exportFormats } from 'kap-literature/cite'
 * console.log(exportFormats.join(', ')) // 'csljson, bibtex, biblatex, ris'
 * ```
 */
export const exportFormats = Object.freeze(['csljson', 'bibtex', 'biblatex', 'ris'] as const)

/**
 * One of {@link exportFormats}.
 * @example
 * ```ts
 * import type { ExportFormat } from 'kap-literature/cite'
 * const f: ExportFormat = 'bibtex'
 * ```
 */
export type ExportFormat = (typeof exportFormats)[number]

/**
 * What can be cited: a shipped study or source id, a shipped record (or its `csl`), or your own CSL-JSON record.
 * @example
 * ```ts
 * import type { CiteItem } from 'kap-literature/cite'
 * const items: CiteItem[] = ['dore-2019', { id: 'smith-2024', type: 'book', title: 'A book', author: [{ family: 'Smith', given: 'Ana' }] }]
 * ```
 */
export type CiteItem = StudyId | SourceId | CiteRecord

/**
 * Output formats of the formatting functions: `text` (plain, unescaped: do not insert it into HTML), `html` (all
 * text escaped; DOIs and http(s) URLs linked) or `markdown` (italics as `*…*`; `&`, `<` and `>` written as HTML
 * entities and Markdown syntax backslash-escaped, so marked, markdown-it and other CommonMark/GFM renderers show the
 * text literally; only a DOI or an `https:` URL becomes a link, `[text](https://…)`).
 * @example
 * ```ts
 * import type { CiteFormat } from 'kap-literature/cite'
 * const f: CiteFormat = 'markdown'
 * ```
 */
export type CiteFormat = 'text' | 'html' | 'markdown'

/**
 * The built-in style keys: `apa` (APA 7th), `vancouver` (NLM/Vancouver) and `harvard` (Cite Them Right); any name
 * passed to {@link registerStyle} or {@link loadSystemStyle} works too.
 * @example
 * ```ts
 * import type { BuiltInStyle } from 'kap-literature/cite'
 * const s: BuiltInStyle = 'vancouver'
 * ```
 */
export type BuiltInStyle = 'apa' | 'vancouver' | 'harvard'

/**
 * Options of {@link formatReference} and {@link formatBibliography}.
 * @example
 * ```ts
 * import type { CiteFormatOptions } from 'kap-literature/cite'
 * const o: CiteFormatOptions = { style: 'apa', format: 'html', lang: 'en-US' }
 * ```
 */
export interface CiteFormatOptions {
  /** A built-in style key or a registered style name. */
  readonly style: BuiltInStyle | (string & Record<never, never>)
  /** `text`, `html` or `markdown`. */
  readonly format: CiteFormat
  /**
   * A CSL locale: `en-US` (the style's default when omitted), `de-DE`, `es-ES`, `fr-FR`, `nl-NL`, or one added with
   * {@link registerLocale}. An unknown locale is an error, never a silent fallback.
   */
  readonly lang?: string
}

/**
 * Options of {@link formatCitation}.
 * @example
 * ```ts
 * import type { CiteCitationOptions } from 'kap-literature/cite'
 * const o: CiteCitationOptions = { style: 'apa', format: 'text', narrative: true }
 * ```
 */
export interface CiteCitationOptions extends CiteFormatOptions {
  /**
   * `true` for the narrative form used in running text, "Dore et al. (2019)", instead of "(Dore et al., 2019)".
   * For numeric styles, whose citations print no names, the name part is the first author's family name (with
   * "et al." for three or more authors, "and" for two), followed by the number: "Dore et al. (1)".
   */
  readonly narrative?: boolean
}

/**
 * Formats one reference as a bibliography entry.
 *
 * In `html`, the entry is wrapped as `<div class="kap-ref kap-style-<style>" data-kap-id="<id>">…</div>`; a valid
 * DOI becomes `<a class="kap-ref-doi" href="https://doi.org/…">` and an http(s) URL `<a class="kap-ref-url" href="…">`.
 * A DOI that does not match `^10\.\d{4,9}/[^\s"<>]+$`, and a URL of any other scheme, stay plain text. Numeric
 * styles keep their number ("1.").
 *
 * The first call in a style compiles it (about 0.9 s for APA, under 0.1 s for most styles).
 * @param idOrRecord - a study or source id, a shipped record, or your own CSL-JSON record
 * @param options - `{ style, format, lang? }`
 * @returns the formatted reference
 * @throws {@link index!KapLiteratureError} `UNKNOWN_ID` for an unknown id (with the closest as `hint`), `INVALID_RECORD`
 * for a bad user record (naming the field), `LIMIT_EXCEEDED` for a record past its length limits (a name part over
 * 1,000 characters, a text variable over 10,000: see {@link CiteRecord}), `INVALID_ARGUMENT` for a DOI, URL or BibTeX
 * string or a bad option, `UNKNOWN_STYLE`, `UNKNOWN_FORMAT`
 * @example
 * ```ts
 * import { formatReference } from 'kap-literature/cite'
 * formatReference('dore-2019', { style: 'vancouver', format: 'text' })
 * // '1. Dore J, Turnipseed B, Dwyer S, … doi:10.1080/02791072.2019.1587556 …'
 * formatReference({ id: 'smith-2024', type: 'book', title: 'A book', author: [{ family: 'Smith', given: 'Ana' }], issued: { 'date-parts': [[2024]] } },
 *   { style: 'apa', format: 'markdown' }) // 'Smith, A. (2024). *A book*.'
 * ```
 */
export function formatReference(idOrRecord: CiteItem, options: CiteFormatOptions): string {
  return formatReferenceImpl(idOrRecord, options)
}

/**
 * Formats an in-text citation of one or more items, such as "(Dore et al., 2019; Feder et al., 2014)", or with
 * `narrative: true` "Dore et al. (2019); Feder et al. (2014)". In `html` it is wrapped as
 * `<span class="kap-citation kap-style-<style>">…</span>`. Numeric styles number the items in the order given.
 * A shipped item listed twice is cited once. An empty list gives `''`. Linear in the items, narrative or not.
 * @param items - study or source ids, shipped records, or your own CSL-JSON records, mixed; at most 1,000
 * @param options - `{ style, format, narrative?, lang? }`
 * @returns the formatted citation
 * @throws {@link index!KapLiteratureError} as {@link formatReference}; `LIMIT_EXCEEDED` for more than 1,000 items
 * @example
 * ```ts
 * import { formatCitation } from 'kap-literature/cite'
 * formatCitation(['dore-2019'], { style: 'apa', format: 'text' }) // '(Dore et al., 2019)'
 * formatCitation(['dore-2019'], { style: 'apa', format: 'text', narrative: true }) // 'Dore et al. (2019)'
 * ```
 */
export function formatCitation(items: readonly CiteItem[], options: CiteCitationOptions): string {
  return formatCitationImpl(items, options)
}

/**
 * Formats a bibliography, sorted as the style sorts it (alphabetically for APA and Harvard, in the given order for
 * numeric styles). `text` puts one entry per line, `markdown` one per paragraph, and `html` gives
 * `<div class="kap-bibliography kap-style-<style>">` holding one `<div class="kap-ref" data-kap-id="<id>">` per entry,
 * with DOI and URL links as in {@link formatReference}. A shipped item listed twice appears once. An empty list gives `''`.
 * citeproc needs about 1.5 ms per entry and blocks while it works, so one call takes at most 1,000 items.
 * @param items - study or source ids, shipped records, or your own CSL-JSON records, mixed; at most 1,000
 * @param options - `{ style, format, lang? }`
 * @returns the formatted bibliography
 * @throws {@link index!KapLiteratureError} as {@link formatReference}; `LIMIT_EXCEEDED` for more than 1,000 items
 * @example
 * ```ts
 * import { formatBibliography } from 'kap-literature/cite'
 * const html = formatBibliography(['feder-2014', 'dore-2019'], { style: 'apa', format: 'html' })
 * // '<div class="kap-bibliography kap-style-apa"><div class="kap-ref" data-kap-id="dore-2019">Dore, J., …'
 * ```
 */
export function formatBibliography(items: readonly CiteItem[], options: CiteFormatOptions): string {
  return formatBibliographyImpl(items, options)
}

/**
 * Registers a CSL style so the formatting functions accept `style: name`. The style is compiled now (40 ms to 1 s),
 * so a broken style fails here rather than at first use. Registering a name again replaces the style; the built-in
 * keys cannot be replaced. Styles are CSL XML: thousands are published by the CSL project (https://citationstyles.org/,
 * CC BY-SA 3.0), and Debian's `citation-style-language-styles` package installs them locally (see {@link loadSystemStyle}).
 * @param name - lower-case letters, digits and hyphens, e.g. `'ama'`
 * @param xml - the text of an independent `.csl` style file
 * The XML is checked in one linear pass before citeproc sees it: at most 300,000 characters, no unclosed comment, no
 * macro that calls itself, and at most 20,000 macro calls to format one entry (published styles make at most ~1,300).
 * @throws {@link index!KapLiteratureError} `INVALID_ARGUMENT` for a bad name, a built-in name, text that is not a CSL
 * `<style>` document, a dependent style (the hint names its parent), a recursive macro, or a style citeproc cannot
 * compile (the citeproc error is the `cause`); `LIMIT_EXCEEDED` for XML over 300,000 characters or macros that expand
 * beyond 20,000 calls
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
 * `modern-language-association`. The styles are the CSL project's (https://citationstyles.org/, CC BY-SA 3.0).
 * @param name - a style file name without `.csl`, or one of the short names `ama`, `chicago`, `mla`
 * @param options - `as`: the name to register it under (default `name`); `directory`: another folder of `.csl` files
 * @returns the registered style name
 * The file is read counting bytes, up to the size limit of {@link registerStyle} (a device or FIFO cannot make it read
 * without end); errors carry the file's path as `value`, never its contents.
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
  return loadStyleFile(name, options)
}

/**
 * The style names the formatting functions accept: the built-in `apa`, `harvard` and `vancouver`, plus every
 * registered one, sorted.
 * @returns the style names, sorted
 * @example
 * ```ts
 * import { listStyles } from 'kap-literature/cite'
 * console.log(listStyles()) // ['apa', 'harvard', 'vancouver']
 * ```
 */
export function listStyles(): string[] {
  return styleNames()
}

/**
 * Registers a CSL locale (terms and date formats for a language) for the `lang` option. Built in: `en-US`, `de-DE`,
 * `es-ES`, `fr-FR`, `nl-NL`. A locale can be registered once, before it is used. Locale files are published by the
 * CSL project (https://citationstyles.org/, CC BY-SA 3.0).
 * @param lang - the language tag, which must match the file's `xml:lang`, e.g. `'en-GB'`
 * @param xml - the text of a CSL `locales-xx-XX.xml` file
 * @throws {@link index!KapLiteratureError} `INVALID_ARGUMENT` for a bad tag, a tag already registered, a tag that differs
 * from the file's `xml:lang`, or text that is not a CSL `<locale>` document; `LIMIT_EXCEEDED` over 300,000 characters
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

/**
 * Exports items as CSL-JSON, the format Zotero, Pandoc (`--bibliography refs.json`) and citation-js read. Shipped
 * records are exported as they are; your records as validated.
 * @param items - ids, shipped records or your CSL-JSON records (at most 10,000); default: every shipped study and source, sorted by id
 * @returns a JSON array, pretty-printed, ending in a newline
 * @throws {@link index!KapLiteratureError} as {@link formatReference}; `LIMIT_EXCEEDED` for more than 10,000 items
 * @example
 * ```ts
 * import { toCSLJSON } from 'kap-literature/cite'
 * const json = toCSLJSON(['dore-2019'])
 * JSON.parse(json)[0].DOI // '10.1080/02791072.2019.1587556'
 * ```
 */
export function toCSLJSON(items?: readonly CiteItem[]): string {
  return toCslJsonImpl(items)
}

/**
 * Exports items as BibTeX. Citation keys are the ids (`@article{dore-2019, …`); LaTeX's special characters
 * (`& % $ # _ { } ~ ^ \`) are escaped and accented letters written as LaTeX commands; page ranges use `--`; the DOI is
 * kept in `doi`, and the PubMed ids in `note` (`PMID: …; PMCID: …`), since BibTeX has no field for them.
 * @param items - ids, shipped records or your CSL-JSON records (at most 10,000); default: every shipped study and source, sorted by id
 * @returns BibTeX entries, ending in a newline (`''` for an empty list)
 * @throws {@link index!KapLiteratureError} as {@link toCSLJSON}; `INVALID_RECORD` for a DOI containing `{`, `}` or `\`
 * @example
 * ```ts
 * import { toBibTeX } from 'kap-literature/cite'
 * toBibTeX(['dore-2019']) // '@article{dore-2019,\n\tauthor = {Dore, Jennifer and …'
 * ```
 */
export function toBibTeX(items?: readonly CiteItem[]): string {
  return toBibTexImpl(items)
}

/**
 * Exports items as BibLaTeX (for biber): as {@link toBibTeX}, with BibLaTeX's types and fields (`journaltitle`,
 * `date`, `@online` for web pages) and the PubMed id as `eprint` with `eprinttype = {pubmed}`.
 * @param items - ids, shipped records or your CSL-JSON records (at most 10,000); default: every shipped study and source, sorted by id
 * @returns BibLaTeX entries, ending in a newline (`''` for an empty list)
 * @throws {@link index!KapLiteratureError} as {@link toBibTeX}
 * @example
 * ```ts
 * import { toBibLaTeX } from 'kap-literature/cite'
 * toBibLaTeX(['dore-2019']) // '@article{dore-2019,\n\tauthor = {Dore, Jennifer and …'
 * ```
 */
export function toBibLaTeX(items?: readonly CiteItem[]): string {
  return toBibLaTexImpl(items)
}

/**
 * Exports items as RIS (Zotero, EndNote, Mendeley). One line per tag, never wrapped; `TY` is `JOUR` for journal
 * articles and `ELEC` (web page) for web pages; `ID` holds the id; page ranges are split into `SP` and `EP`; every
 * record ends with `ER  - `. Lines end with `\n`.
 * @param items - ids, shipped records or your CSL-JSON records (at most 10,000); default: every shipped study and source, sorted by id
 * @returns RIS records, ending in a newline (`''` for an empty list)
 * @throws {@link index!KapLiteratureError} as {@link toCSLJSON}
 * @example
 * ```ts
 * import { toRIS } from 'kap-literature/cite'
 * toRIS(['dore-2019']).split('\n')[0] // 'TY  - JOUR'
 * ```
 */
export function toRIS(items?: readonly CiteItem[]): string {
  return toRisImpl(items)
}
