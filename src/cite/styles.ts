// The style and locale registry: built-in keys, styles the caller registers, locales, and the Debian style loader.
import { describeValue } from '../errors'
import { closest, idForm } from '../suggest'
import { KapLiteratureError } from '../index'
import { macroCost, scanCsl, type CslTag, type StyleWork } from './csl-scan'
import { CSL_VARIABLES } from './variables'
import { fixStyle } from './style-fixes'
import {
  bibliographyHtml,
  citationHtml,
  engineAddLocale,
  engineAddStyle,
  engineDeleteLocale,
  engineDeleteStyle,
  engineFree,
  engineHasLocale,
  engineLocales,
  engineStyleXml,
  type CslObject,
} from './engine'

/**
 * A style: our name, whether it can print a bibliography, its XML and the internal key citation-js knows it by.
 * Every style, built-in ones included, runs under a key of our own, so that a style registered again under its name
 * never reuses the engine compiled from its old XML (citation-js caches engines by key); the old key's engines are
 * freed then. An engine that throws mid-format is freed on its own (engine.ts) and its key reused.
 * @internal
 */
export interface StyleEntry {
  readonly name: string
  readonly hasBibliography: boolean
  /** The XML, or the citation-js built-in to take it from at first use. */
  xml: string | { readonly builtIn: string }
  /** The current internal key; undefined until first use. */
  key: string | undefined
  /** The name style-fixes.ts and style-records.ts know the style by, for the six styles the project ships. */
  readonly fixName?: string
  /** What formatting one entry can cost (csl-scan.ts); counted at registration, or at first use for a built-in. */
  work?: StyleWork
}

const builtIn: ReadonlyMap<string, StyleEntry> = new Map([
  ['apa', { name: 'apa', hasBibliography: true, xml: { builtIn: 'apa' }, key: undefined, fixName: 'apa' }],
  [
    'harvard',
    { name: 'harvard', hasBibliography: true, xml: { builtIn: 'harvard1' }, key: undefined, fixName: 'harvard1' },
  ],
  [
    'vancouver',
    { name: 'vancouver', hasBibliography: true, xml: { builtIn: 'vancouver' }, key: undefined, fixName: 'vancouver' },
  ],
])
const registered = new Map<string, StyleEntry>()
let generation = 0

const newKey = (name: string): string => `kap-literature/${name}/${++generation}`

/** A style's XML; a built-in's is taken from citation-js (with our fixes) at first use. */
function styleXml(entry: StyleEntry): string {
  if (typeof entry.xml !== 'string') entry.xml = fixStyle(entry.xml.builtIn, engineStyleXml(entry.xml.builtIn))
  return entry.xml
}

/** The internal citation-js key of a style, registering its XML on first use (compiled by citeproc when first formatted). @internal */
export function styleKey(entry: StyleEntry): string {
  if (entry.key !== undefined) return entry.key
  const key = newKey(entry.name)
  engineAddStyle(key, styleXml(entry), false)
  entry.key = key
  return key
}

/** What formatting one entry in a style can cost (see `macroCost`). @internal */
export function styleWork(entry: StyleEntry): StyleWork {
  if (entry.work === undefined) {
    const scan = scanCsl(styleXml(entry), 'style')
    const cost = scan.ok ? macroCost(scan.tags, { calls: Infinity, elements: Infinity }, CSL_VARIABLES) : undefined
    if (cost?.ok !== true)
      throw new KapLiteratureError('INVALID_ARGUMENT', `style "${entry.name}" cannot be read`, {
        value: entry.name,
        hint: 'register the style again; see docs/limits.md for what a style may hold',
      })
    entry.work = cost.work
  }
  return entry.work
}

/** Drops a style's key and frees its engines (when the name is registered again); the next use gets a new key. @internal */
export function retireStyle(entry: StyleEntry): void {
  if (entry.key !== undefined) engineDeleteStyle(entry.key)
  entry.key = undefined
}

const STYLE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const CSL_NS = 'http://purl.org/net/xbiblio/csl'
/**
 * The largest style or locale XML accepted, in characters: 4× the largest of the 2,549 styles Debian ships (70 KB).
 * citeproc's compile time grows faster than linearly with a style's size (a valid 850 KB style took 4.4 s to compile
 * and use), so the bound is kept near real styles: 300,000 characters compile in under a second.
 * @internal
 */
export const MAX_STYLE_CHARS = 300_000
/**
 * The most macro calls formatting one entry may make: 15× the most of any Debian style (1,328, `apa-cv`).
 * @internal
 */
export const MAX_MACRO_EXPANSIONS = 20_000
/**
 * The most rendering elements formatting one entry may expand to, along the costliest branch of each `<choose>`
 * (see `macroCost`): 5× the most of any Debian style (1,991, `apa-cv`; APA 1,473, Chicago author-date 368). A style
 * at the limit renders at most this many elements per entry, whatever its macros do.
 * @internal
 */
export const MAX_RENDER_ELEMENTS = 10_000

/** Every style name that formatting accepts, sorted. @internal */
export function styleNames(): string[] {
  return [...builtIn.keys(), ...registered.keys()].sort()
}

/** Looks a style name up, or throws UNKNOWN_STYLE listing the available ones. @internal */
export function resolveStyle(style: unknown): StyleEntry {
  // A built-in style's name is read as ids are: in any case, without surrounding spaces ('APA' is 'apa').
  const found =
    typeof style === 'string' ? (builtIn.get(style) ?? registered.get(style) ?? builtIn.get(idForm(style))) : undefined
  if (found !== undefined) return found
  const available = styleNames()
  const suggestion =
    typeof style !== 'string' ? undefined : style === 'harvard1' ? 'harvard' : closest(style, builtIn.keys())
  const system =
    typeof style === 'string' && STYLE_NAME.test(style)
      ? `, or load a CSL file with registerStyle('${style}', xml)`
      : ''
  throw new KapLiteratureError(
    'UNKNOWN_STYLE',
    `unknown style ${describeValue(style)}${suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`}; available: ${available.join(', ')}`,
    {
      value: style,
      hint: suggestion !== undefined ? `did you mean "${suggestion}"?` : `use one of ${available.join(', ')}${system}`,
    },
  )
}

/**
 * Checks that `xml` is a CSL document of `kind` within the size limit and returns its root text (from the root element
 * on, comments removed) and its tags. Linear in the text. `origin` (a file path) replaces the text as the error's
 * `value`, so a file that is not CSL is never echoed back.
 */
function checkXml(kind: 'style' | 'locale', xml: unknown, origin?: string): { root: string; tags: readonly CslTag[] } {
  if (typeof xml !== 'string') {
    throw new KapLiteratureError('INVALID_ARGUMENT', `the ${kind} must be CSL XML text, got ${describeValue(xml)}`, {
      value: xml,
    })
  }
  const value = (fallback: string) => origin ?? fallback
  if (xml.length > MAX_STYLE_CHARS) {
    throw new KapLiteratureError(
      'LIMIT_EXCEEDED',
      `the ${kind} XML${origin === undefined ? '' : ` in ${describeValue(origin)}`} is larger than ${MAX_STYLE_CHARS.toLocaleString('en-US')} characters`,
      {
        value: value(`${xml.length} characters`),
        hint: 'the largest published CSL styles are under 100 KB; see docs/limits.md',
      },
    )
  }
  const scan = scanCsl(xml, kind)
  if (!scan.ok) {
    throw new KapLiteratureError(
      'INVALID_ARGUMENT',
      `not a CSL ${kind} document${origin === undefined ? '' : ` (${describeValue(origin)})`}: ${
        // A file's first element name is its text: from a file, only that the root is wrong.
        origin === undefined ? scan.problem : scan.problem.replace(/, found <[^>]*>$/, '')
      }`,
      {
        value: value(xml.slice(0, 80)),
        hint:
          kind === 'style'
            ? 'pass the text of a .csl file, e.g. from https://citationstyles.org/'
            : 'pass the text of a CSL locales-xx-XX.xml file',
      },
    )
  }
  if (scan.rootTag.attrs.get('xmlns') !== CSL_NS) {
    throw new KapLiteratureError('INVALID_ARGUMENT', `not a CSL ${kind} document: <${kind}> lacks xmlns="${CSL_NS}"`, {
      value: value(`<${kind}>`),
      hint: `add xmlns="${CSL_NS}" to <${kind}>`,
    })
  }
  if (!scan.root.trimEnd().endsWith(`</${kind}>`)) {
    throw new KapLiteratureError(
      'INVALID_ARGUMENT',
      `not a complete CSL ${kind} document${origin === undefined ? '' : ` (${describeValue(origin)})`}: it does not end with </${kind}>`,
      {
        value: value(scan.root.slice(-80)),
        hint: `pass the whole ${kind === 'style' ? '.csl file' : 'locale file'}, up to its </${kind}>`,
      },
    )
  }
  return { root: scan.root, tags: scan.tags }
}

/**
 * Validates and registers a CSL style under `name`, compiling it now. See the public `registerStyle`.
 * @internal
 */
export function addStyle(name: unknown, xml: unknown, origin?: string, fixName?: string): void {
  if (typeof name !== 'string' || !STYLE_NAME.test(name) || name.length > 64) {
    throw new KapLiteratureError(
      'INVALID_ARGUMENT',
      `a style name must be lower-case letters, digits and hyphens, got ${describeValue(name)}`,
      { value: name, hint: "e.g. 'ama' or 'chicago-author-date'" },
    )
  }
  if (builtIn.has(name) || name === 'harvard1') {
    throw new KapLiteratureError('INVALID_ARGUMENT', `"${name}" is a built-in style and cannot be replaced`, {
      value: name,
      hint: `register it under another name, e.g. '${name}-custom'`,
    })
  }
  const { root, tags } = checkXml('style', xml, origin)
  const has = (element: string) => tags.some((t) => t.name === element && !t.closing)
  const parent = tags.find((t) => t.name === 'link' && !t.closing && t.attrs.get('rel') === 'independent-parent')
  if (!has('citation')) {
    const parentId = parent?.attrs.get('href')?.split('/').pop()
    throw new KapLiteratureError(
      'INVALID_ARGUMENT',
      `style "${name}" has no <citation> element${parent === undefined ? '' : ': it is a dependent style'}`,
      {
        value: name,
        hint:
          origin !== undefined
            ? 'load the independent style its <link rel="independent-parent"> names instead'
            : parentId === undefined || parentId === ''
              ? 'pass an independent CSL style'
              : `register its parent style "${parentId}" instead`,
      },
    )
  }
  const cost = macroCost(tags, { calls: MAX_MACRO_EXPANSIONS, elements: MAX_RENDER_ELEMENTS }, CSL_VARIABLES)
  if (!cost.ok) {
    throw new KapLiteratureError(
      cost.limit === undefined ? 'INVALID_ARGUMENT' : 'LIMIT_EXCEEDED',
      `style "${name}" cannot be used: ${
        // Macro names are a file's text: from a file, only what is wrong with them.
        origin === undefined || cost.limit === true
          ? cost.problem
          : cost.problem.includes('defined twice')
            ? 'a macro is defined twice'
            : 'a macro calls itself'
      }`,
      {
        value: name,
        hint:
          `published CSL styles make at most ~1,300 macro calls and ~2,000 rendering elements per entry and never ` +
          `call a macro from itself; the limits are ${MAX_MACRO_EXPANSIONS.toLocaleString('en-US')} and ` +
          `${MAX_RENDER_ELEMENTS.toLocaleString('en-US')} (docs/limits.md)`,
      },
    )
  }
  // A fresh internal key per registration: citation-js caches compiled engines by key, so re-registering a name
  // must not reuse an engine built from the old XML.
  const key = newKey(name)
  try {
    engineAddStyle(key, root, true)
  } catch (cause) {
    throw new KapLiteratureError(
      'INVALID_ARGUMENT',
      `style "${name}" could not be compiled by citeproc${
        // citeproc's message quotes the style; from a file, it is left out (and so is the cause that holds it).
        origin === undefined ? `: ${cause instanceof Error ? cause.message : String(cause)}` : ''
      }`,
      {
        ...(origin === undefined ? { value: name, cause } : { value: origin }),
        hint: 'check the style against the CSL 1.0.2 schema (e.g. with citationstyles.org validator)',
      },
    )
  }
  const previous = registered.get(name)
  if (previous !== undefined) retireStyle(previous)
  registered.set(name, { name, key, hasBibliography: has('bibliography'), xml: root, fixName, work: cost.work })
}

const LANG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/

/** Validates a `lang` option: undefined or a registered locale. @internal */
export function resolveLang(lang: unknown): string | undefined {
  if (lang === undefined) return undefined
  if (typeof lang === 'string' && engineHasLocale(lang)) return lang
  throw new KapLiteratureError(
    'INVALID_ARGUMENT',
    `unknown locale ${describeValue(lang)}; available: ${engineLocales().join(', ')}`,
    {
      value: lang,
      hint:
        typeof lang === 'string' && LANG.test(lang)
          ? `register it first with registerLocale('${lang}', xml)`
          : "e.g. 'en-US'",
    },
  )
}

/** Validates and registers a CSL locale. See the public `registerLocale`. @internal */
export function addLocale(lang: unknown, xml: unknown): void {
  if (typeof lang !== 'string' || !LANG.test(lang)) {
    throw new KapLiteratureError(
      'INVALID_ARGUMENT',
      `a locale must be a language tag such as 'en-GB', got ${describeValue(lang)}`,
      { value: lang },
    )
  }
  if (engineHasLocale(lang)) {
    throw new KapLiteratureError('INVALID_ARGUMENT', `locale "${lang}" is already registered`, {
      value: lang,
      hint: 'locales can be registered once, before formatting with them',
    })
  }
  const { root, tags } = checkXml('locale', xml)
  const declared = tags[0]!.attrs.get('xml:lang')
  if (declared !== lang) {
    throw new KapLiteratureError(
      'INVALID_ARGUMENT',
      `the locale XML declares xml:lang="${declared ?? ''}", not "${lang}"`,
      { value: lang, hint: declared === undefined ? undefined : `register it as '${declared}'` },
    )
  }
  engineAddLocale(lang, root)
  // citeproc reads a locale only when it formats with it: format with it now, in every built-in style, so that a
  // locale it cannot use fails here (and is taken out again) rather than on every later call in its language.
  const keys = [...builtIn.values()].map(styleKey)
  try {
    for (const key of keys) {
      bibliographyHtml(LOCALE_PROBE, key, lang)
      citationHtml(
        LOCALE_PROBE,
        LOCALE_PROBE.map((r) => ({ id: r.id })),
        [],
        key,
        lang,
      )
    }
  } catch (cause) {
    engineDeleteLocale(lang, keys)
    throw new KapLiteratureError(
      'INVALID_ARGUMENT',
      `locale "${lang}" cannot be used: citeproc failed with it (${cause instanceof Error ? cause.message : String(cause)})`,
      {
        value: lang,
        cause,
        hint: 'start from a published CSL locale file (https://github.com/citation-style-language/locales)',
      },
    )
  }
  // The probe's engines are not kept: a language is often used with one style only.
  for (const key of keys) engineFree(key, lang)
}

/** Records that use the common terms, dates and name forms of a locale, for checking one at registration. */
const LOCALE_PROBE: readonly CslObject[] = [
  {
    id: 'probe-1',
    type: 'article-journal',
    title: 'A',
    author: [
      { family: 'Smith', given: 'Ann' },
      { family: 'Jones', given: 'Bo' },
      { family: 'Lee', given: 'Cy' },
    ],
    'container-title': 'J',
    issued: { 'date-parts': [[2020, 5, 17]] },
    volume: '1',
    issue: '2',
    page: '3-4',
    DOI: '10.1/x',
  },
  {
    id: 'probe-2',
    type: 'chapter',
    title: 'B',
    author: [{ family: 'Smith', given: 'Ann' }],
    editor: [
      { family: 'Roe', given: 'Di' },
      { family: 'Poe', given: 'Ed' },
    ],
    'container-title': 'C',
    publisher: 'P',
    'publisher-place': 'Q',
    edition: '2',
    issued: { 'date-parts': [[2020], [2021]] },
    page: '5',
  },
  {
    id: 'probe-3',
    type: 'webpage',
    title: 'D',
    author: [{ literal: 'Org' }],
    URL: 'https://example.org/',
    accessed: { 'date-parts': [[2021, 3, 4]] },
  },
]

/** Where Debian's citation-style-language-styles package puts its styles. @internal */
export const DEBIAN_STYLES = '/usr/share/citation-style-language/styles'

/** Short names for the Debian styles the citations entry also uses. @internal */
export const systemStyleAliases: Readonly<Record<string, string>> = Object.freeze({
  ama: 'american-medical-association',
  chicago: 'chicago-author-date',
  mla: 'modern-language-association',
})

interface FsLike {
  openSync(path: string, flags: 'r'): number
  readSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: null): number
  closeSync(fd: number): void
}

/**
 * Reads at most `limit` bytes of a file, counting while reading (a path may name a device, whose size stat does not
 * know): undefined when the file holds more. Never waits: the file is opened without blocking (open() of a FIFO would
 * wait for a writer without end), a FIFO or socket is refused as no style file, and a device with nothing to read at
 * once is an error, not waited for.
 */
function readBounded(fs: FsLike, path: string, limit: number): string | undefined {
  const node = fs as unknown as {
    constants: { O_RDONLY: number; O_NONBLOCK?: number }
    openSync(path: string, flags: number): number
    fstatSync(fd: number): { isFIFO(): boolean; isSocket(): boolean }
  }
  const fd = node.openSync(path, node.constants.O_RDONLY | (node.constants.O_NONBLOCK ?? 0))
  try {
    const stat = node.fstatSync(fd)
    if (stat.isFIFO() || stat.isSocket()) throw new Error(`${path} is a FIFO or socket, not a style file`)
    const parts: Uint8Array[] = []
    let total = 0
    for (;;) {
      const chunk = new Uint8Array(64 * 1024)
      const n = fs.readSync(fd, chunk, 0, chunk.length, null)
      if (n === 0) break
      parts.push(chunk.subarray(0, n))
      total += n
      if (total > limit) return undefined
    }
    const all = new Uint8Array(total)
    let at = 0
    for (const p of parts) {
      all.set(p, at)
      at += p.length
    }
    return new TextDecoder().decode(all)
  } finally {
    fs.closeSync(fd)
  }
}

/**
 * Reads a style file from a local folder (Node only) and registers it. See the public `loadSystemStyle`.
 * @internal
 */
export function loadStyleFile(
  name: unknown,
  options: { readonly as?: string; readonly directory?: string } = {},
): string {
  if (typeof name !== 'string' || !STYLE_NAME.test(name)) {
    throw new KapLiteratureError(
      'INVALID_ARGUMENT',
      `a style file name must be lower-case letters, digits and hyphens, got ${describeValue(name)}`,
      { value: name, hint: "e.g. 'ama' or 'american-medical-association'" },
    )
  }
  if (options === null || typeof options !== 'object')
    throw new KapLiteratureError(
      'INVALID_ARGUMENT',
      `loadSystemStyle options must be an object, got ${describeValue(options)}`,
      { value: options },
    )
  const directory = options.directory ?? DEBIAN_STYLES
  if (typeof directory !== 'string' || directory === '')
    throw new KapLiteratureError('INVALID_ARGUMENT', 'options.directory must be a folder path', {
      value: directory,
      hint: "e.g. { directory: '/usr/share/citation-style-language/styles' }, or leave it out for that folder",
    })
  // Own properties only: 'constructor' or 'toString' must not resolve through Object.prototype.
  const file = Object.prototype.hasOwnProperty.call(systemStyleAliases, name) ? systemStyleAliases[name]! : name
  const as = options.as ?? name
  // process.getBuiltinModule (Node >= 20.16) reads node:fs without any import statement, so browser bundles never see
  // node:fs; elsewhere this function is simply unavailable.
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
  const fs = proc?.getBuiltinModule?.('node:fs') as FsLike | undefined
  if (fs === undefined) {
    throw new KapLiteratureError(
      'INVALID_ARGUMENT',
      'loadSystemStyle reads a local file and works only in Node (>= 20.16)',
      {
        value: name,
        hint: 'in a browser, get the CSL XML yourself and call registerStyle(name, xml)',
      },
    )
  }
  const path = `${directory.replace(/\/+$/, '')}/${file}.csl`
  let xml: string | undefined
  try {
    // UTF-8 takes at most 4 bytes per character (and 3 per UTF-16 unit): 4× the character limit bounds the read.
    xml = readBounded(fs, path, MAX_STYLE_CHARS * 4)
  } catch (cause) {
    throw new KapLiteratureError('UNKNOWN_STYLE', `no CSL style file ${describeValue(path)}`, {
      value: name,
      hint:
        directory === DEBIAN_STYLES
          ? 'on Debian or Ubuntu: apt-get install citation-style-language-styles'
          : 'check options.directory',
      cause,
    })
  }
  if (xml === undefined) {
    throw new KapLiteratureError(
      'LIMIT_EXCEEDED',
      `the CSL style file ${describeValue(path)} is larger than ${MAX_STYLE_CHARS.toLocaleString('en-US')} characters`,
      {
        value: path,
        hint: 'the largest published CSL styles are under 100 KB; see docs/limits.md',
      },
    )
  }
  // The three styles the citation tables use get the tables' fixes (src/cite/style-fixes.ts), so both print the same;
  // they print the shipped records as the tables do too (src/cite/style-records.ts).
  const shipped = Object.values(systemStyleAliases).includes(file)
  addStyle(as, shipped ? fixStyle(file, xml) : xml, path, shipped ? file : undefined)
  return as
}
