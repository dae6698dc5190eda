// The library's escapers: one for HTML, one for Markdown. Every output format that writes user or record text uses
// these (the run renderer in ./runs.ts, the CLI's handout, citeProse), never an escaper of its own.

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/**
 * Escapes text for HTML element content and double- or single-quoted attribute values.
 * @internal
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!)
}

/**
 * The longest text one call may ask an escaper to escape, in UTF-16 units: a regular-expression replacement with tens
 * of millions of matches aborts the JavaScript engine, which no try/catch can stop (hostile review, session 35), and
 * the notes, references and JSON-LD a page holds are far shorter. The public functions that escape text a caller
 * gives (`citeProse`, `jsonLdToScript`) refuse longer text first.
 * @internal
 */
export const MAX_ESCAPED_LENGTH = 16_000_000

// An ampersand that could begin a character reference: word characters, or `#` and word characters, then `;`. The
// lookahead may also catch a non-reference such as `&a_b;`, which is then escaped needlessly but shown the same.
// Linear: `&` is not a word character, so each lookahead scans only the run of word characters after its own `&`.
const REFERENCE_START = /&(?=#?\w+;)|[<>]/g

/**
 * Escapes each `&` that would start a character reference (`&amp;`, `&copy;`, `&#65;`), and `<` and `>`, as
 * entities: Markdown renderers decode references in text and in link destinations alike, so a DOI or URL holding
 * `&amp;` would otherwise link to an address with `&`. A plain `&` (`?a=1&b=2`) is left as it is.
 * @internal
 */
export function escapeReferenceStarts(text: string): string {
  return text.replace(REFERENCE_START, (c) => HTML_ESCAPES[c]!)
}

/**
 * Escapes text so every Markdown renderer (CommonMark, GFM with autolinks, markdown-it with linkify) shows it
 * literally and none can turn it into markup: `<` and `>` become entities (a backslash before `<` is not enough:
 * GFM autolinking ends a URL at the `<` and leaves the rest live), and the characters Markdown reads as syntax get a
 * backslash. So do the joints of anything an autolinking renderer would make a link of: the `/` of `//` (in
 * `http://`, `ftp://` or a bare `//host`), the `.` of `www.` and of a domain name before its ending (`evil\.com`),
 * and the `@` of an e-mail address. A renderer shows `\.` as `.`, so the text reads the same but is never linked:
 * the only links are those we build from DOIs and https URLs. A line-leading list or heading marker is escaped too (a
 * setext underline and a rule as well),
 * and blanks before a line break shrink to one space (two would be a hard line break). `&` becomes `&amp;` only where
 * it would start a character reference (`&copy;`, `&#65;`); elsewhere Markdown shows it as it is, so "Fenton, L., &
 * Sanacora, G." stays readable in the Markdown source. Linear time: no pattern can backtrack, and each lookaround
 * reads at most three characters. The one Markdown escaper of the library.
 * @internal
 */
export function escapeMarkdown(text: string): string {
  return (
    escapeReferenceStarts(text)
      // Markdown syntax, and the joints of what GFM (marked) and markdown-it's linkify would turn into a link: `//`
      // (after `http:`, `ftp:` or alone), `www.`, `@` of an e-mail address and the `.` before a domain name's ending.
      // A link's own text is escaped the same: a renderer that fails to parse the link would autolink its text.
      .replace(/[\\`*_[\]#|~^@]|\/(?=\/)|\.(?=\p{L})|(?<=www)\./giu, '\\$&')
      // A list marker opening a line, also at the line's end (an empty item) and with `)` ("1) …", CommonMark).
      .replace(/^([ \t]*(?:\d{1,9}(?=[.)](?:\s|$))|(?=[+-](?:\s|$))))([+.)-])/gm, '$1\\$2')
      // A line of only `=` or `-` (and blanks) under text makes it a heading, and `---` a rule: its first mark escaped.
      .replace(/^([ \t]*)([=-])(?=[=\- \t]*$)/gm, '$1\\$2')
      // Two or more spaces before a line break make a hard break (`<br>`): one space reads the same and breaks nothing.
      // The lookbehind starts a match only at the start of a run of blanks, so a long run is scanned once.
      .replace(/(?<![ \t])[ \t]{2,}(?=\n)/g, ' ')
  )
}
