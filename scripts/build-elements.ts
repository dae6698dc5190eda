// Builds the script-tag form of `kap-literature/elements`: dist/elements/kap-elements.js, one browser ES module that a
// page includes with `<script type="module" src=".../kap-elements.js">`, and the sibling chunks it loads on demand
// (dist/elements/chunks/: the search index, the evidence map, the style tables `loadStyle` returns; styles/: each
// style's head, one file per record and one of every record's entry, which the elements load by address; claims/: each
// claim's statement; details/claim/: each verdict note).
// Usage: npx tsx scripts/build-elements.ts [--report]   (run after tsup, which empties dist/)
//   --report prints the gzip size of what each kind of page loads (the budgets of issue 17).
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runInNewContext } from 'node:vm'
import { gzipSync } from 'node:zlib'
import { build, type Metafile, type Plugin, type PluginBuild } from 'esbuild'
import type { StyleTable } from '../src/citations/engine'
import { citedIds } from '../src/citations/prose-core'
import { claimFacts } from '../src/generated/claim-facts'
import { claimStatements } from '../src/generated/claim-statements'
import { claimIds } from '../src/generated/ids'
import { studyFacts } from '../src/generated/facts'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const outdir = join(root, 'dist', 'elements')

const claimDetailDir = join(root, 'src', 'generated', 'details', 'claim')
const styleDir = join(root, 'src', 'citations', 'data')

/** Reads a style table's file: the file as shipped, or (tests) another text in its place. */
export type TableReader = (path: string) => string

/** Each style's table (src/citations/data/<style>.json), by style. */
function styleTables(read: TableReader = (path) => readFileSync(path, 'utf8')): Map<string, StyleTable> {
  return new Map(
    readdirSync(styleDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => [f.slice(0, -'.json'.length), JSON.parse(read(join(styleDir, f))) as StyleTable]),
  )
}

/**
 * Swaps `src/elements/<source>-by-address.ts` in for the elements' `./<source>` and resolves `<namespace>:<path>`, the
 * entry points of the files it loads by address, in the plugin's namespace.
 */
function byAddress(b: PluginBuild, source: string, namespace: string): void {
  b.onResolve({ filter: new RegExp(`^\\./${source}$`) }, (args) =>
    /elements[\\/]index\.ts$/.test(args.importer)
      ? { path: join(root, 'src', 'elements', `${source}-by-address.ts`) }
      : undefined,
  )
  b.onResolve({ filter: new RegExp(`^${namespace}:`) }, (args) => ({
    path: args.path.slice(namespace.length + 1),
    namespace,
  }))
}

/**
 * A style's table as the elements' head file holds it: without its entries (they come one file a record), its
 * in-text variants (they come with the records they tell apart) and what only a reader of the table's provenance uses,
 * which no element shows: the style's title, source, licence, date and format version (`loadStyle` and the
 * `kap-literature/citations` entries keep them; the version is checked by the tests). About 150 bytes of gzip on every
 * page that cites.
 */
function elementHead(table: StyleTable): Partial<StyleTable> {
  const {
    entries: _entries,
    variants: _variants,
    title: _title,
    updated: _updated,
    source: _source,
    license: _license,
    formatVersion: _version,
    ...head
  } = table
  return head
}

/**
 * A record's entry as its file holds it: with the in-text forms of the groups it belongs to (`v`), the forms that tell
 * apart records whose first authors share a surname (Krupitsky 1997, 2002, 2007 in APA). Only a page that cites two of
 * a group needs them, so they come with the group's records, not in the head every citing page loads (139 bytes).
 */
function entryFile(table: StyleTable, id: string): unknown {
  const groups = Object.entries(table.variants).filter(([key]) => key.split('+').includes(id))
  return groups.length === 0 ? table.entries[id] : { ...table.entries[id], v: Object.fromEntries(groups) }
}

/** The whole table's file: every record's entry, each as its own file holds it. */
const allFile = (table: StyleTable) =>
  Object.fromEntries(Object.keys(table.entries).map((id) => [id, entryFile(table, id)]))

/**
 * In the script-tag build the elements cite from small files loaded by address (src/elements/style-source-by-address.ts,
 * swapped in here for ./style-source): `styles/<style>/index.js`, the style's citation rules bound to the formatter,
 * with an empty table of entries, and `styles/<style>/<id>.js`, one record's entry. A page pays for the references it
 * shows, not for the 55 of the whole table (about 8.5 KB gzip in APA); `loadStyle` still returns the whole table.
 */
const stylesByAddress = (tables: ReadonlyMap<string, StyleTable>): Plugin => ({
  name: 'styles-by-address',
  setup(b) {
    byAddress(b, 'style-source', 'kap-style')
    b.onLoad({ filter: /.*/, namespace: 'kap-style' }, (args) => {
      const [style, id] = args.path.split('/') as [string, string]
      const table = tables.get(style)!
      if (id === 'all') return { contents: `export default ${JSON.stringify(allFile(table))}`, loader: 'js' }
      if (id !== 'index') return { contents: `export default ${JSON.stringify(entryFile(table, id))}`, loader: 'js' }
      return {
        contents:
          `import { bindStyle } from './src/citations/bind'\nconst entries = {}, variants = {}\n` +
          `export default [bindStyle(${JSON.stringify(style)}, { ...${JSON.stringify(elementHead(table))}, variants, entries }), entries, variants]`,
        resolveDir: root,
        loader: 'ts',
      }
    })
  },
})

/**
 * In the script-tag build `<kap-claim>` loads its claim's statement from `claims/<id>.js` and its verdict note from
 * `details/claim/<id>.js`, each by its address (src/elements/claim-source-by-address.ts, swapped in here for
 * ./claim-source): a page carries neither the chunk of all 71 statements nor a loader table naming 71 hashed note
 * files. Each note file holds only the verdict note. Ids are checked against the claim list before a file is asked for.
 */
const claimsByAddress = (statements: readonly string[]): Plugin => ({
  name: 'claims-by-address',
  setup(b) {
    byAddress(b, 'claim-source', 'kap-claim')
    b.onLoad({ filter: /.*/, namespace: 'kap-claim' }, (args) => ({
      contents: `export default ${JSON.stringify(statements[claimIds.indexOf(args.path as (typeof claimIds)[number])])}`,
      loader: 'js',
    }))
    // <kap-claim> shows only the verdict note: the files hold nothing else (a default export only, see dataFiles).
    b.onLoad({ filter: /details[\\/]claim[\\/][a-z0-9-]+\.json$/ }, (args) => ({
      contents: `export default ${JSON.stringify(verdictNote(args.path))}`,
      loader: 'js',
    }))
  },
})

/** What a claim's verdict-note file holds: its note alone. */
const verdictNote = (path: string) => ({
  verdictNote: (JSON.parse(readFileSync(path, 'utf8')) as { verdictNote: string }).verdictNote,
})

/**
 * Writes each data file a page loads by address (a record's reference, a style's whole table, a claim's statement, a
 * verdict note) as `export default <value>;`: esbuild writes `var e=<value>;export{e as default};`, about 10 bytes more a
 * file in gzip, and a page with a claim and a search loads 14 such files. Each file is checked to hold exactly the
 * value it was built from (the build fails otherwise), so the rewrite cannot change what a page shows.
 * @param dir - the build's directory
 * @param values - each data file (relative to `dir`) and the value it must hold
 * @internal
 */
export function dataFiles(dir: string, values: ReadonlyMap<string, unknown>): void {
  for (const [file, value] of values) {
    const path = join(dir, file)
    const match = /^var ([\w$]+)=([^;]*(?:;(?!export\{)[^;]*)*);export\{\1 as default\};\n?$/.exec(
      readFileSync(path, 'utf8'),
    )
    let held: string | undefined
    try {
      // A literal (an object, an array, a string in any quotes), not an expression that computes one.
      if (match !== null && /^[[{"'`]/.test(match[2]!))
        held = JSON.stringify(runInNewContext(`(${match[2]})`, {}, { timeout: 1000 }))
    } catch {
      // Not one expression: refused below.
    }
    if (held !== JSON.stringify(value)) throw new Error(`build-elements: ${file} is not one default export of its data`)
    writeFileSync(path, `export default${match![2]};\n`)
  }
}

/**
 * Builds the script-tag bundle into `dir`; returns esbuild's metafile. `plugins` and `readTable` (tests only) may swap
 * the content of generated modules and style tables, e.g. to build the bundle from records with hostile titles.
 */
export async function buildElements(
  dir = outdir,
  plugins: readonly Plugin[] = [],
  readTable?: TableReader,
  statements: readonly string[] = claimStatements,
): Promise<Metafile> {
  rmSync(dir, { recursive: true, force: true })
  const tables = styleTables(readTable)
  // A style's head and whole table sit beside its records' files, under names no record may take.
  for (const [style, table] of tables)
    for (const name of ['index', 'all'])
      if (Object.hasOwn(table.entries, name)) throw new Error(`build-elements: a ${style} record is named ${name}`)
  const result = await build({
    entryPoints: {
      'kap-elements': join(root, 'src', 'elements', 'index.ts'),
      ...Object.fromEntries(
        readdirSync(claimDetailDir)
          .filter((f) => f.endsWith('.json'))
          .map((f) => [`details/claim/${f.slice(0, -'.json'.length)}`, join(claimDetailDir, f)]),
      ),
      ...Object.fromEntries(claimIds.map((id) => [`claims/${id}`, `kap-claim:${id}`])),
      ...Object.fromEntries(
        [...tables].flatMap(([style, table]) =>
          ['index', 'all', ...Object.keys(table.entries)].map((id) => [
            `styles/${style}/${id}`,
            `kap-style:${style}/${id}`,
          ]),
        ),
      ),
    },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    outdir: dir,
    chunkNames: 'chunks/[name]-[hash]',
    legalComments: 'eof',
    metafile: true,
    plugins: [claimsByAddress(statements), stylesByAddress(tables), ...plugins],
    logLevel: 'error',
  })
  dataFiles(
    dir,
    new Map<string, unknown>([
      ...claimIds.map((id, i) => [`claims/${id}.js`, statements[i]] as const),
      ...readdirSync(claimDetailDir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => [`details/claim/${f.slice(0, -'.json'.length)}.js`, verdictNote(join(claimDetailDir, f))] as const),
      ...[...tables].flatMap(([style, table]) => [
        [`styles/${style}/all.js`, allFile(table)] as const,
        ...Object.keys(table.entries).map((id) => [`styles/${style}/${id}.js`, entryFile(table, id)] as const),
      ]),
    ]),
  )
  return result.metafile
}

/**
 * The files a page loads: the entry with its static imports, each dynamic import whose module (the chunk's entry point)
 * matches `dynamic` (e.g. the apa table), and each file it loads by address (`byAddress`, relative to `dir`: a style's
 * head, a record's reference, a verdict note), each with its static imports, transitively.
 */
export function loadedFiles(
  meta: Metafile,
  dir: string,
  dynamic: readonly RegExp[],
  byAddress: readonly string[] = [],
): string[] {
  const byPath = meta.outputs
  const key = (file: string) => relative(root, join(dir, file)).split('\\').join('/')
  const seen = new Set<string>()
  const visit = (path: string): void => {
    if (seen.has(path)) return
    seen.add(path)
    for (const imp of byPath[path]?.imports ?? []) {
      if (imp.kind === 'import-statement') visit(imp.path)
      else if (imp.kind === 'dynamic-import') {
        // The module the page imported on demand (the chunk's entry point), e.g. src/citations/apa.ts.
        const target = byPath[imp.path]?.entryPoint ?? ''
        if (dynamic.some((re) => re.test(target))) visit(imp.path)
      }
    }
  }
  for (const file of ['kap-elements.js', ...byAddress]) {
    if (byPath[key(file)] === undefined) throw new Error(`build-elements: no file ${file} in the build`)
    visit(key(file))
  }
  return [...seen].map((p) => relative(dir, join(root, p)))
}

/** Gzip bytes of files under `dir`, each compressed on its own (as a server sends them). */
export function gzipBytes(dir: string, files: readonly string[]): number {
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0)
}

const CLAIMS = [/elements[\\/]claim-data\.ts$/]
const SEARCH = /elements[\\/]search\.ts$/
const NOTE = [/citations[\\/]prose\.ts$/]
const MAP = /elements[\\/]map-view\.ts$/

/** The claim the budget pages show, and whose verdict note they open (docs/clinic-sites.md's example). */
const CLAIM = 'without-therapy-ketamine-effects-fade-faster'
/** The claim's statement, loaded by address. */
const STATED = `claims/${CLAIM}.js`
/** The references of `ids` in APA that a page loads by address, with the style's head. */
const apa = (ids: readonly string[]): string[] => ['styles/apa/index.js', ...ids.map((id) => `styles/apa/${id}.js`)]
const CITED = ['dore-2019', 'wilkinson-2021']
const CLAIMED = claimFacts[CLAIM].evidence.map(([id]) => id as string).filter((id) => studyFacts[id] !== undefined)
/** A result list shows at most ten studies' references: the ten largest, so the budget holds for any search. */
const SEARCHED = (() => {
  const entries = styleTables().get('apa')!.entries
  return Object.keys(studyFacts)
    .sort((a, b) => JSON.stringify(entries[b]).length - JSON.stringify(entries[a]).length || a.localeCompare(b))
    .slice(0, 10)
})()
const NOTED = citedIds(
  (JSON.parse(readFileSync(join(claimDetailDir, `${CLAIM}.json`), 'utf8')) as { verdictNote: string }).verdictNote,
)
const union = (...lists: (readonly string[])[]) => [...new Set(lists.flat())]

/**
 * The pages whose load the budgets of issue 17 count: each name, the modules it imports on demand, and the files it
 * loads by address. The citation and the reference list are docs/clinic-sites.md's (dore-2019; dore-2019 and
 * wilkinson-2021), the claim is its example, and a search shows the ten largest references a result list can show.
 */
export const BUDGET_PAGES: readonly (readonly [string, readonly RegExp[], readonly string[]])[] = [
  ['`<kap-cite>` + `<kap-reference>`, one style (apa)', [], apa(CITED)],
  ['the four elements, rendered (cite, reference, claim, search box)', CLAIMS, [...apa(union(CITED, CLAIMED)), STATED]],
  ['the four elements, after the first search', [...CLAIMS, SEARCH], [...apa(union(CITED, CLAIMED, SEARCHED)), STATED]],
  [
    'the four elements, after a search and a verdict note opened',
    [...CLAIMS, SEARCH, ...NOTE],
    [...apa(union(CITED, CLAIMED, SEARCHED, NOTED)), STATED, `details/claim/${CLAIM}.js`],
  ],
  [
    'all five with `<kap-evidence-map>`, after a search',
    [...CLAIMS, SEARCH, MAP],
    [...apa(union(CITED, CLAIMED, SEARCHED)), STATED],
  ],
]

/** The files of one budget page. */
export function pageFiles(meta: Metafile, dir: string, page: (typeof BUDGET_PAGES)[number]): string[] {
  return loadedFiles(meta, dir, page[1], page[2])
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const meta = await buildElements()
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
  if (process.argv.includes('--report')) {
    console.log(`| page | files | gzip |\n|---|---:|---:|`)
    for (const page of BUDGET_PAGES) {
      const files = pageFiles(meta, outdir, page)
      console.log(`| ${page[0]} | ${files.length} | ${kb(gzipBytes(outdir, files))} |`)
    }
  } else {
    console.log(
      `build-elements: wrote dist/elements/kap-elements.js (${kb(gzipBytes(outdir, ['kap-elements.js']))} gzip)`,
    )
  }
}
