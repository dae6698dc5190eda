// The only module that loads citation-js. Importing it registers the csl, bibtex and ris plugins on the shared
// @citation-js/core instance (cheap: ~0.1 s); citeproc compiles a style only when it is first used.
// Rules: only our own validated CSL objects reach `new Cite`, always with forceType '@csl/list+object'; never a user
// string, never `hyperlinks: true`, never a fetching plugin.
import { Cite, plugins } from '@citation-js/core'
import '@citation-js/plugin-csl'
import '@citation-js/plugin-bibtex'
import '@citation-js/plugin-ris'
import type { CitationItem } from '@citation-js/core'

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

/** Adds a style to citation-js under an internal key; with `compile`, compiles it now so errors surface here. @internal */
export function engineAddStyle(key: string, xml: string, compile: boolean): void {
  csl().styles.add(key, xml)
  if (!compile) return
  try {
    csl().engine([], key, undefined, 'html')
  } catch (error) {
    csl().styles.delete(key)
    throw error
  }
}

/** Removes a style key from citation-js's register. @internal */
export function engineDeleteStyle(key: string): void {
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

/** The locales citation-js has, sorted. @internal */
export function engineLocales(): string[] {
  return [...csl().locales.list()].sort()
}

/** Bibliography entries in citeproc's HTML, in the style's order, as [id, html] pairs. @internal */
export function bibliographyHtml(
  items: readonly CslObject[],
  style: string,
  lang: string | undefined,
): [string, string][] {
  if (items.length === 0) return []
  return makeCite(items).format('bibliography', { format: 'html', style, lang, asEntryArray: true })
}

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
  const toCiteproc = (c: readonly CiteItemFlags[]): CitationItem[] =>
    c.map((f) => ({
      id: f.id,
      ...(f.authorOnly === true ? { 'author-only': true } : {}),
      ...(f.suppressAuthor === true ? { 'suppress-author': true } : {}),
    }))
  return makeCite(items).format('citation', {
    format: 'html',
    style,
    lang,
    entry: { citationItems: toCiteproc(cluster), properties: { noteIndex: 0 } },
    citationsPre: before.map((c) => ({ citationItems: toCiteproc(c), properties: { noteIndex: 0 } })),
  })
}

interface CiteprocEngine {
  updateItems(ids: readonly string[]): void
  makeCitationCluster(items: readonly Record<string, unknown>[]): string
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
  const engine = csl().engine(copies, style, lang, 'html') as CiteprocEngine
  engine.updateItems(copies.map((c) => c.id))
  return clusters.map((cluster) =>
    engine.makeCitationCluster(
      cluster.map((f) => ({
        id: f.id,
        ...(f.authorOnly === true ? { 'author-only': true } : {}),
        ...(f.suppressAuthor === true ? { 'suppress-author': true } : {}),
      })),
    ),
  )
}

/** citation-js's BibTeX, BibLaTeX or RIS output for our own CSL objects. @internal */
export function exportWith(items: readonly CslObject[], format: 'bibtex' | 'biblatex' | 'ris'): string {
  if (items.length === 0) return ''
  return makeCite(items).format(format, { format: 'text' })
}
