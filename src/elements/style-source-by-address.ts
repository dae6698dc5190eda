// The script-tag build's source of citations for the elements (scripts/build-elements.ts swaps it in for
// ./style-source): a page pays only for the references it shows. Each style is a small head,
// `styles/<style>/index.js` (its citation rules, bound to the formatter), and one file per record,
// `styles/<style>/<id>.js` (its reference and in-text forms), each loaded by its address beside the script, once.
// When the elements of a page ask for WHOLE_AT or more records of a style in one turn (as they render), the style's
// `styles/<style>/all.js`, every study's entry (the build refuses an id `all` or `index`), loads instead, and serves
// every later record: past about that many, one file a record weighs more than the whole table (bench/README.md). If
// it does not load, the records' own files do. The elements check ids against the record lists before they ask.
import type { CitationStyle, StyleCitations } from '../citations/index'
import { byAddress } from './by-address'
import type { Lazy } from './style-source'

/**
 * A style's head: its citations, the table of entries they format, filled as record files come, and the in-text forms
 * that tell apart records whose first authors share a surname, which come with those records (`v` of their files).
 */
type Head = readonly [StyleCitations, Record<string, unknown>, Record<string, unknown>]

/**
 * How many records of a style a page must ask for in one turn for the style's whole table to load instead of a file
 * each (tests/elements/budget.test.ts checks it against the files' sizes).
 * @internal
 */
export const WHOLE_AT = 16

/**
 * The elements' source of citations in the script-tag build.
 * @param _whole - unused: the elements load the whole table as a file of entries beside the others
 * @param lazy - the elements' loader (retries, `LOAD_FAILED` naming the file)
 * @returns for a style and the ids a page shows, citations that format those ids (and any loaded before)
 * @internal
 */
export function styleSource(
  _whole: (style: CitationStyle) => Promise<StyleCitations>,
  lazy: Lazy,
): (style: CitationStyle, ids: readonly string[]) => Promise<StyleCitations> {
  const file = byAddress(lazy)
  const whole = new Set<CitationStyle>()
  // Each style's table of entries, once its head has loaded, and the records asked for before (`style/id`).
  const tables = new Map<CitationStyle, Record<string, unknown>>()
  const asked = new Set<string>()
  // The ids each style is asked for in this turn: the elements of a page render in one turn of microtasks, each asking
  // on its own, so the records a page asks for that no element asked for before are counted together, once, before
  // any file is asked for.
  const turns = new Map<CitationStyle, Set<string>>()
  const load = <T>(style: CitationStyle, name: string): Promise<T> =>
    file(`the ${style} citations`, `styles/${style}/${name}.js`)
  return async (style, ids) => {
    const turn = turns.get(style) ?? new Set<string>()
    if (!turns.has(style)) {
      turns.set(style, turn)
      // Queued after the renders already queued in this turn, so it counts what each of them asked for.
      queueMicrotask(() => {
        turns.delete(style)
        const fresh = [...turn].filter((id) => !asked.has(`${style}/${id}`))
        fresh.forEach((id) => asked.add(`${style}/${id}`))
        if (fresh.length >= WHOLE_AT) whole.add(style)
      })
    }
    ids.forEach((id) => turn.add(id))
    await null
    return get(style, ids)
  }
  /** Citations that format `ids`: the files of what the table lacks, or the whole table. */
  async function get(style: CitationStyle, ids: readonly string[]): Promise<StyleCitations> {
    // Only what the table lacks: nothing for a list of none or of records loaded before.
    const lacks = () => ids.filter((id) => tables.get(style)?.[id] === undefined)
    const missing = lacks()
    const all = missing.length > 0 && whole.has(style)
    try {
      const [[citations, table, variants], ...entries] = await Promise.all([
        load<Head>(style, 'index'),
        ...(all ? ['all'] : missing).map((name) => load<unknown>(style, name)),
      ])
      tables.set(style, table)
      const loaded = all
        ? (entries[0] as Record<string, unknown>)
        : Object.fromEntries(missing.map((id, i) => [id, entries[i]]))
      Object.assign(table, loaded)
      for (const entry of Object.values(loaded)) Object.assign(variants, (entry as { v?: object }).v)
      return citations
    } catch (e) {
      // A whole table that does not load (a host that leaves it out): each record's own file instead.
      if (all) {
        whole.delete(style)
        return get(style, ids)
      }
      // A record's own file that failed while another file brought its record (the whole table): nothing is missing.
      if (lacks().length === 0) return (await load<Head>(style, 'index'))[0]
      throw e
    }
  }
}
