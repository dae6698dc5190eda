// The only module that loads citation-js. Importing it registers the csl, bibtex and ris plugins on the shared
// @citation-js/core instance (cheap: ~0.1 s); citeproc compiles a style only when it is first used.
// Rules: only our own validated CSL objects reach `new Cite`, always with forceType '@csl/list+object'; never a user
// string, never `hyperlinks: true`, never a fetching plugin.
import { Cite, plugins } from '@citation-js/core'
import '@citation-js/plugin-csl'
import '@citation-js/plugin-bibtex'
import '@citation-js/plugin-ris'
import type { CitationCluster, CitationItem } from '@citation-js/core'

/** A CSL-JSON object we built and validated; never user input as is. @internal */
export type CslObject = Readonly<Record<string, unknown>> & { readonly id: string }

/** An in-text citation item with citeproc's author flags. @internal */
export interface CiteItemFlags {
  readonly id: string
  readonly authorOnly?: boolean
  readonly suppressAuthor?: boolean
}

const csl = () => plugins.config.get('@csl')

/** Builds a Cite instance from our own CSL objects only. @internal */
export function makeCite(items: readonly CslObject[]): Cite {
  // Deep copies: citation-js annotates its input, and shipped records are frozen.
  return new Cite(
    items.map((item) => JSON.parse(JSON.stringify(item)) as object),
    { forceType: '@csl/list+object' },
  )
}

/** The parts of a citeproc-js engine that we call. */
interface CiteprocEngine {
  updateItems(ids: readonly string[], nosort?: boolean): string[]
  makeBibliography(): [unknown, string[]]
  rebuildProcessorState(citations: readonly CitationCluster[], format: string, uncited: readonly string[]): unknown[][]
  makeCitationCluster(items: readonly CitationItem[]): string
}

/**
 * The engines plugin-csl compiled for our style keys, by key and then locale. plugin-csl caches every engine it
 * compiles, by style key and locale, in a private object it never clears (a compiled APA engine holds about 95 MB),
 * so these references are how we free one.
 */
const compiled = new Map<string, Map<string, object>>()

/**
 * Frees an engine that plugin-csl's cache still holds: its own properties (the compiled style, the registry of items,
 * the output queues) are deleted, so everything it held can be collected, and it no longer counts as a citeproc
 * engine, so the next use of its style key and locale compiles a fresh one in its place. What stays in the cache is
 * an empty object.
 */
function free(engine: object): void {
  for (const key of Reflect.ownKeys(engine)) Reflect.deleteProperty(engine, key)
  Object.setPrototypeOf(engine, null)
}

/** Frees the engine of a style key and locale (every locale without `lang`), if one was compiled. */
function freeEngines(key: string, lang?: string): void {
  const byLang = compiled.get(key)
  if (byLang === undefined) return
  for (const [l, engine] of [...byLang]) {
    if (lang !== undefined && l !== lang) continue
    free(engine)
    byLang.delete(l)
  }
  if (byLang.size === 0) compiled.delete(key)
}

/**
 * Runs `use` with plugin-csl's engine for a style key and locale (compiled at first use, cached after). An engine
 * that threw midway may keep a broken state, so it is freed, and the next call compiles a fresh one under the same
 * key: a failure costs one recompile, never memory (issue 35: each failure left a 95 MB APA engine behind).
 */
function withEngine<T>(
  data: readonly object[],
  key: string,
  lang: string | undefined,
  use: (engine: CiteprocEngine) => T,
): T {
  const locale = lang ?? ''
  let engine: CiteprocEngine
  try {
    engine = csl().engine(data, key, lang, 'html') as CiteprocEngine
  } catch (error) {
    freeEngines(key, locale)
    throw error
  }
  let byLang = compiled.get(key)
  if (byLang === undefined) compiled.set(key, (byLang = new Map()))
  byLang.set(locale, engine)
  try {
    return use(engine)
  } catch (error) {
    freeEngines(key, locale)
    throw error
  }
}

/** How many citeproc engines are compiled and held (for tests of the cache). @internal */
export function compiledEngines(): number {
  let n = 0
  for (const byLang of compiled.values()) n += byLang.size
  return n
}

/** Adds a style to citation-js under an internal key; with `compile`, compiles it now so errors surface here. @internal */
export function engineAddStyle(key: string, xml: string, compile: boolean): void {
  csl().styles.add(key, xml)
  if (!compile) return
  try {
    withEngine([], key, undefined, () => undefined)
  } catch (error) {
    csl().styles.delete(key)
    throw error
  }
}

/** Removes a style key from citation-js's register and frees the engines compiled for it. @internal */
export function engineDeleteStyle(key: string): void {
  freeEngines(key)
  if (csl().styles.has(key)) csl().styles.delete(key)
}

/** The XML of a style citation-js has (its built-ins: apa, vancouver, harvard1). @internal */
export function engineStyleXml(key: string): string {
  return csl().styles.get(key)
}

/** Whether citation-js has a locale. @internal */
export function engineHasLocale(lang: string): boolean {
  return csl().locales.has(lang)
}

/** Adds a locale to citation-js. @internal */
export function engineAddLocale(lang: string, xml: string): void {
  csl().locales.add(lang, xml)
}

/** Removes a locale from citation-js, and frees the engines compiled with it for the given style keys. @internal */
export function engineDeleteLocale(lang: string, keys: readonly string[]): void {
  for (const key of keys) freeEngines(key, lang)
  if (csl().locales.has(lang)) csl().locales.delete(lang)
}

/** Frees the engines compiled for a style key in one locale (a probe's). @internal */
export function engineFree(key: string, lang: string): void {
  freeEngines(key, lang)
}

/** The locales citation-js has, sorted. @internal */
export function engineLocales(): string[] {
  return [...csl().locales.list()].sort()
}

/** Our CSL objects as citation-js hands them to citeproc (parsed as a CSL list, then cleaned), as `Cite.format` does. */
function citeprocData(items: readonly CslObject[]): object[] {
  return plugins.input.util.clean(makeCite(items).data)
}

/**
 * Bibliography entries in citeproc's HTML, in the style's order, as [id, html] pairs (as plugin-csl's
 * `bibliography` output with `asEntryArray` gives them, without the id attribute it adds).
 * @internal
 */
export function bibliographyHtml(
  items: readonly CslObject[],
  style: string,
  lang: string | undefined,
): [string, string][] {
  if (items.length === 0) return []
  return withEngine(citeprocData(items), style, lang, (engine) => {
    const sorted = engine.updateItems(
      items.map((item) => item.id),
      false,
    )
    const [, body] = engine.makeBibliography()
    return body.map((html, i): [string, string] => [sorted[i]!, html])
  })
}

const toCiteproc = (c: readonly CiteItemFlags[]): CitationItem[] =>
  c.map((f) => ({
    id: f.id,
    ...(f.authorOnly === true ? { 'author-only': true } : {}),
    ...(f.suppressAuthor === true ? { 'suppress-author': true } : {}),
  }))

/**
 * One in-text citation cluster in citeproc's HTML. `before` are earlier clusters (numbering and disambiguation
 * follow them), processed but not returned.
 * @internal
 */
export function citationHtml(
  items: readonly CslObject[],
  cluster: readonly CiteItemFlags[],
  before: readonly (readonly CiteItemFlags[])[],
  style: string,
  lang: string | undefined,
): string {
  const cluster_ = (c: readonly CiteItemFlags[]): CitationCluster => ({
    citationItems: toCiteproc(c),
    properties: { noteIndex: 0 },
  })
  return withEngine(citeprocData(items), style, lang, (engine) => {
    const output = engine.rebuildProcessorState([...before.map(cluster_), cluster_(cluster)], 'html', [])
    return output[before.length]![2] as string
  })
}

/**
 * Single in-text citations of many items from one citeproc engine: every item is registered once, in order (so
 * numbers follow the order given and disambiguation sees the whole list), and each requested cluster is rendered
 * without reprocessing the others. Linear in the number of clusters, where one citation-js call per cluster with all
 * earlier clusters as `citationsPre` was cubic (issue 13: 160 narrative records took 48 s).
 * @returns citeproc's HTML for each cluster, in the order given
 * @internal
 */
export function citationClustersHtml(
  items: readonly CslObject[],
  clusters: readonly (readonly CiteItemFlags[])[],
  style: string,
  lang: string | undefined,
): string[] {
  const copies = items.map((item) => JSON.parse(JSON.stringify(item)) as { id: string })
  return withEngine(copies, style, lang, (engine) => {
    engine.updateItems(copies.map((c) => c.id))
    return clusters.map((cluster) => engine.makeCitationCluster(toCiteproc(cluster)))
  })
}

/** citation-js's BibTeX, BibLaTeX or RIS output for our own CSL objects. @internal */
export function exportWith(items: readonly CslObject[], format: 'bibtex' | 'biblatex' | 'ris'): string {
  if (items.length === 0) return ''
  return makeCite(items).format(format, { format: 'text' })
}
