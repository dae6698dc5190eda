/**
 * The layout of the full-text supplement (src/generated/search-full-text.json): written by the build, read by
 * `loadFullText()`. Its own module, so that neither side pulls in the other.
 * @internal
 * @packageDocumentation
 */

/** Format name of the full-text supplement (src/generated/search-full-text.json). */
export const FULL_TEXT_FORMAT = 'kap-literature-search-full-text'
/** Version of the supplement's layout; a reader accepts only its own. */
export const FULL_TEXT_FORMAT_VERSION = 1

/**
 * A serialized full-text supplement: per record of one search store (in the store's order), the rare words of its
 * full text that `loadFullText()` adds to the index.
 * @internal
 */
export interface SerializedFullText {
  readonly format: typeof FULL_TEXT_FORMAT
  readonly formatVersion: number
  /** The fingerprint of the store the words belong to. */
  readonly store: string
  readonly words: readonly string[]
}

/**
 * Serializes a full-text supplement (one record per line, so a data change shows as a small diff).
 * @param words - per record of the store, in its order ({@link fullTextWords})
 * @param store - the fingerprint of that store
 * @internal
 */
export function serializeFullText(words: readonly string[], store: string): string {
  const head = `{\n "format": ${JSON.stringify(FULL_TEXT_FORMAT)},\n "formatVersion": ${FULL_TEXT_FORMAT_VERSION},\n`
  return `${head} "store": ${JSON.stringify(store)},\n "words": [\n${words.map((w) => `  ${JSON.stringify(w)}`).join(',\n')}\n ]\n}\n`
}
