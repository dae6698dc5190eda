// The script-tag build's source of citations for the elements (scripts/build-elements.ts swaps it in for
// ./style-source): a page pays only for the references it shows. Each style is a small head,
// `styles/<style>/index.js` (its citation rules, bound to the formatter), and one file per record,
// `styles/<style>/<id>.js` (its reference and in-text forms), each loaded by its address beside the script, once.
// The elements check ids against the record lists before they ask for them.
import type { CitationStyle, StyleCitations } from '../citations/index'
import type { Lazy } from './style-source'

/** A style's head: its citations, and the table of entries they format, filled as record files come. */
interface Head {
  readonly default: StyleCitations
  readonly entries: Record<string, unknown>
}

/**
 * The elements' source of citations in the script-tag build.
 * @param _whole - unused: the whole table is what this source avoids
 * @param lazy - the elements' loader (retries, `LOAD_FAILED` naming the file)
 * @returns for a style and the ids a page shows, citations that format those ids (and any loaded before)
 * @internal
 */
export function styleSource(
  _whole: (style: CitationStyle) => Promise<StyleCitations>,
  lazy: Lazy,
): (style: CitationStyle, ids: readonly string[]) => Promise<StyleCitations> {
  const files = new Map<string, () => Promise<unknown>>()
  const file = <T>(style: CitationStyle, name: string): Promise<T> => {
    const path = `styles/${style}/${name}.js`
    let load = files.get(path)
    if (load === undefined) {
      const url = new URL(path, import.meta.url).href
      files.set(path, (load = lazy(`the ${style} citations`, () => import(/* @vite-ignore */ url), url)))
    }
    return load() as Promise<T>
  }
  return async (style, ids) => {
    const [head, ...entries] = await Promise.all([
      file<Head>(style, 'index'),
      ...ids.map((id) => file<{ readonly default: unknown }>(style, id)),
    ])
    ids.forEach((id, i) => (head.entries[id] = entries[i]!.default))
    return head.default
  }
}
