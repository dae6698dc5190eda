/**
 * Safe embedding of JSON in an HTML `<script>` element. Internal: the public surface is `toJsonLdScript` in ./index.
 */
import { KapLiteratureError } from '../errors'
import { MAX_ESCAPED_LENGTH } from '../escape'

/** What a value JSON cannot hold should be instead. @internal */
export const PLAIN_JSON_HINT = 'pass plain JSON data: objects, arrays, strings, numbers, booleans and null'

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
  const json = JSON.stringify(value) as string | undefined
  // A value whose toJSON gives nothing has no JSON form (JSON.stringify returns undefined).
  if (json === undefined)
    throw new KapLiteratureError('INVALID_ARGUMENT', 'the value has no JSON form', {
      value,
      hint: PLAIN_JSON_HINT,
    })
  if (json.length > MAX_ESCAPED_LENGTH)
    throw new KapLiteratureError(
      'LIMIT_EXCEEDED',
      `the JSON-LD is ${json.length.toLocaleString('en-US')} characters long, more than ${MAX_ESCAPED_LENGTH.toLocaleString('en-US')}`,
      { value: `${json.length} characters`, hint: 'shorten the notes you pass, or split the document into several' },
    )
  return `<script type="application/ld+json">${escapeJsonForHtml(json)}</script>`
}
