const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/**
 * Escapes text for HTML element content and double- or single-quoted attribute values.
 * @internal
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!)
}

/**
 * Percent-encodes what would end or confuse a Markdown link destination: parentheses, spaces, angle brackets,
 * backslashes.
 * @internal
 */
export function markdownHref(href: string): string {
  return href.replace(/[()<> \\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
}

const MARKDOWN_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }

/**
 * Escapes text so every Markdown renderer (CommonMark, GFM with autolinks, markdown-it with linkify) shows it
 * literally and none can turn it into markup: `&`, `<` and `>` become entities (a backslash before `<` is not enough:
 * GFM autolinking ends a URL at the `<` and leaves the rest live), and the characters Markdown reads as syntax get a
 * backslash. A line-leading list or heading marker is escaped too. The one Markdown escaper of the library.
 * @internal
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[&<>]/g, (c) => MARKDOWN_ENTITIES[c]!)
    .replace(/[\\`*_[\]#|~^]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([+-]|\d+\.)(?=\s)/gm, (_, indent: string, marker: string) => `${indent}${marker.replace(/([+-]|\.)$/, '\\$1')}`)
}
