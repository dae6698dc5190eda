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

const MARKDOWN_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }

/**
 * Escapes text so every Markdown renderer (CommonMark, GFM with autolinks, markdown-it with linkify) shows it
 * literally and none can turn it into markup: `&`, `<` and `>` become entities (a backslash before `<` is not enough:
 * GFM autolinking ends a URL at the `<` and leaves the rest live), and the characters Markdown reads as syntax get a
 * backslash. A line-leading list or heading marker is escaped too. Linear time: no pattern can backtrack. The one
 * Markdown escaper of the library.
 * @internal
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[&<>]/g, (c) => MARKDOWN_ENTITIES[c]!)
    .replace(/[\\`*_[\]#|~^]/g, (c) => `\\${c}`)
    .replace(
      /^([ \t]*)([+-]|\d{1,9}\.)(?=\s)/gm,
      (_, indent: string, marker: string) => `${indent}${marker.replace(/([+-]|\.)$/, '\\$1')}`,
    )
}
