/**
 * The full-text supplement at run time: loaded only through `loadFullText()` (a dynamic import), so a page that never
 * calls it never downloads the words or this code.
 * @internal
 * @packageDocumentation
 */
import supplement from '../generated/search-full-text.json'
import type { CompactDoc } from './documents'
import { KapLiteratureError } from '../errors'
import { FULL_TEXT_FORMAT, FULL_TEXT_FORMAT_VERSION, type SerializedFullText } from './full-text-format'

/**
 * The documents of a loaded store with the words of its full-text supplement.
 * @throws `KapLiteratureError` `FORMAT_VERSION_MISMATCH` when `json` is not a supplement of this format version, or
 * belongs to another store (its fingerprint or record count differs), or holds something other than strings
 * @internal
 */
export function withFullText(
  json: unknown,
  store: { readonly docs: readonly CompactDoc[]; readonly fingerprint: string },
): CompactDoc[] {
  const f = json as Partial<SerializedFullText> | null
  const bad = (message: string, value: unknown) =>
    new KapLiteratureError('FORMAT_VERSION_MISMATCH', `search full text: ${message}`, {
      value,
      hint:
        `this version reads ${FULL_TEXT_FORMAT} format ${FULL_TEXT_FORMAT_VERSION} built with the same search ` +
        'index; rebuild both with the same kap-literature version',
    })
  if (f === null || typeof f !== 'object' || f.format !== FULL_TEXT_FORMAT) throw bad(`not a ${FULL_TEXT_FORMAT}`, json)
  if (f.formatVersion !== FULL_TEXT_FORMAT_VERSION)
    throw bad(`format version ${String(f.formatVersion)} found, ${FULL_TEXT_FORMAT_VERSION} expected`, f.formatVersion)
  if (f.store !== store.fingerprint) throw bad('built for another search index', f.store)
  const words = f.words
  if (!Array.isArray(words) || words.length !== store.docs.length || words.some((w) => typeof w !== 'string'))
    throw bad(`expected ${store.docs.length} word lists`, undefined)
  return store.docs.map((d, i) => (words[i] === '' ? d : { ...d, words: words[i] as string }))
}

/**
 * The documents of a loaded store with the shipped supplement's words.
 * @internal
 */
export function shippedFullText(store: {
  readonly docs: readonly CompactDoc[]
  readonly fingerprint: string
}): CompactDoc[] {
  return withFullText(supplement, store)
}
