// Private declarations for the parts of citation-js 0.8.2 that src/cite uses. citation-js 0.8 ships no types, and
// none of these types may appear in the public API (tsup's emitted .d.ts must not mention @citation-js).

declare module '@citation-js/core' {
  /** A citation-js register (styles, locales): a string-keyed store. */
  interface Register<T> {
    add(key: string, value: T): this
    set(key: string, value: T): this
    has(key: string): boolean
    get(key: string): T
    delete(key: string): this
    list(): string[]
  }

  /** The engine factory plugin-csl exposes as config: compiles (and caches) a citeproc engine. */
  type PrepareEngine = (data: readonly object[], style: string, locale: string | undefined, format: string) => unknown

  interface CslConfig {
    styles: Register<string>
    locales: Register<string>
    engine: PrepareEngine
  }

  interface CiteOptions {
    forceType?: string
  }

  interface CitationItem {
    id: string
    'author-only'?: boolean
    'suppress-author'?: boolean
  }

  interface CitationCluster {
    citationItems: CitationItem[]
    properties: { noteIndex: number; mode?: string }
  }

  interface FormatOptions {
    format?: 'text' | 'html' | 'rtf'
    style?: string
    lang?: string
    entry?: string | string[] | CitationItem[] | CitationCluster
    citationsPre?: (CitationItem[] | CitationCluster)[]
    citationsPost?: (CitationItem[] | CitationCluster)[]
    asEntryArray?: boolean
    nosort?: boolean
  }

  export class Cite {
    constructor(data: readonly object[], options?: CiteOptions)
    data: object[]
    format(name: 'bibliography', options: FormatOptions & { asEntryArray: true }): [string, string][]
    format(name: string, options?: FormatOptions): string
  }

  export const plugins: {
    input: { util: { clean(data: object[]): object[] } }
    list(): string[]
    has(name: string): boolean
    config: { get(name: '@csl'): CslConfig; get(name: string): unknown }
  }
}

declare module '@citation-js/plugin-csl'
declare module '@citation-js/plugin-bibtex'
declare module '@citation-js/plugin-ris'
