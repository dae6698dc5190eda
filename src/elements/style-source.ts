// How the elements get a style's citations for the records a page shows. Here, as a bundler builds the package: the
// style's whole table, from the chunk `loadStyle` loads. The script-tag build swaps in ./style-source-by-address
// (scripts/build-elements.ts), which loads one small file per record the page shows.
import type { CitationStyle, StyleCitations } from '../citations/index'

/** Loads, once, a file of the elements under `what` (the elements' own loader: retries, `LOAD_FAILED`). */
export type Lazy = <T>(what: string, load: () => Promise<T>, address?: string) => () => Promise<T>

/**
 * The elements' source of citations.
 * @param whole - the style's whole table (`loadStyle`)
 * @returns for a style and the ids a page shows, citations that format at least those ids
 * @internal
 */
export function styleSource(
  whole: (style: CitationStyle) => Promise<StyleCitations>,
  _lazy: Lazy,
): (style: CitationStyle, ids: readonly string[]) => Promise<StyleCitations> {
  return (style) => whole(style)
}
