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
