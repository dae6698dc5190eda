/**
 * Safe embedding of JSON in an HTML `<script>` element. Internal: the public surface is `toJsonLdScript` in ./index.
 */

const UNSAFE = /[<>&\u2028\u2029]/g

/**
 * Escapes JSON text for the inside of an HTML `<script>` element: `<`, `>`, `&`, U+2028 and U+2029 become `\u003c`,
 * `\u003e`, `\u0026`, `\u2028` and `\u2029`. JSON.stringify output has these characters only inside strings, where
 * the escapes mean the same characters, so the result parses to the same value; and with no `<` left, neither
 * `</script` nor `<!--` can appear, whatever the data holds.
 * @param json - JSON text (any string is made safe, but only JSON text keeps its meaning)
 * @returns the escaped text
 * @internal
 */
export function escapeJsonForHtml(json: string): string {
  return json.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/**
 * Serialises a value as a `<script type="application/ld+json">` element, escaped with {@link escapeJsonForHtml}.
 * @internal
 */
export function scriptElement(value: unknown): string {
  return `<script type="application/ld+json">${escapeJsonForHtml(JSON.stringify(value))}</script>`
}
