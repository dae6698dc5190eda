// Builds the script-tag form of `kap-literature/elements`: dist/elements/kap-elements.js, one browser ES module that a
// page includes with `<script type="module" src=".../kap-elements.js">`, and the sibling chunks it loads on demand
// (dist/elements/chunks/: one per style table, the search index, the evidence map, each record's detail).
// Usage: npx tsx scripts/build-elements.ts [--report]   (run after tsup, which empties dist/)
//   --report prints the gzip size of what each kind of page loads (the budgets of issue 17).
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, type Metafile, type Plugin } from 'esbuild'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const outdir = join(root, 'dist', 'elements')

const claimDetailDir = join(root, 'src', 'generated', 'details', 'claim')

/**
 * In the script-tag build each claim's detail (its verdict note) is a file of its own, `details/claim/<id>.js`, which
 * `<kap-claim>` loads by its address, relative to the chunk that asks (every chunk sits in `chunks/`): the page carries
 * no loader table naming 71 hashed chunk files, and each file holds only the verdict note. Ids are checked against
 * the claim list before a note is asked for.
 */
const notesByAddress: Plugin = {
  name: 'claim-notes-by-address',
  setup(b) {
    b.onResolve({ filter: /generated[\\/]detail-loaders[\\/]claim$/ }, () => ({
      path: 'claim-notes',
      namespace: 'kap',
    }))
    // <kap-claim> shows only the verdict note: the files hold nothing else.
    b.onLoad({ filter: /details[\\/]claim[\\/][a-z0-9-]+\.json$/ }, (args) => ({
      contents: JSON.stringify({
        verdictNote: (JSON.parse(readFileSync(args.path, 'utf8')) as { verdictNote: string }).verdictNote,
      }),
      loader: 'json',
    }))
    b.onLoad({ filter: /^claim-notes$/, namespace: 'kap' }, () => ({
      contents:
        'export const claimDetailLoaders = new Proxy({}, { get: (_, id) => typeof id === "string" && /^[a-z0-9-]+$/.test(id)' +
        ' ? () => import(new URL("../details/claim/" + id + ".js", import.meta.url).href) : undefined })',
      loader: 'js',
    }))
  },
}

/**
 * Builds the script-tag bundle into `dir`; returns esbuild's metafile. `plugins` (tests only) may swap the content of
 * generated modules, e.g. to build the bundle from records with hostile titles.
 */
export async function buildElements(dir = outdir, plugins: readonly Plugin[] = []): Promise<Metafile> {
  rmSync(dir, { recursive: true, force: true })
  const result = await build({
    entryPoints: {
      'kap-elements': join(root, 'src', 'elements', 'index.ts'),
      ...Object.fromEntries(
        readdirSync(claimDetailDir)
          .filter((f) => f.endsWith('.json'))
          .map((f) => [`details/claim/${f.slice(0, -'.json'.length)}`, join(claimDetailDir, f)]),
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
    plugins: [notesByAddress, ...plugins],
    logLevel: 'error',
  })
  return result.metafile
}

/**
 * The files a page loads, from the entry: its static imports, and each dynamic import whose module (the chunk's entry
 * point) matches `dynamic` (e.g. the apa table) with its static imports, transitively.
 */
export function loadedFiles(meta: Metafile, dir: string, dynamic: readonly RegExp[]): string[] {
  const byPath = meta.outputs
  const entry = Object.keys(byPath).find((p) => /(^|\/)kap-elements\.js$/.test(p))!
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
  visit(entry)
  return [...seen].map((p) => relative(dir, join(root, p)))
}

/** Gzip bytes of files under `dir`, each compressed on its own (as a server sends them). */
export function gzipBytes(dir: string, files: readonly string[]): number {
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0)
}

const APA = /citations[\\/]apa\.ts$/
const CLAIMS = [/elements[\\/]claim-data\.ts$/]
const SEARCH = /elements[\\/]search\.ts$/
const NOTE = [/^kap:claim-notes$/, /citations[\\/]prose\.ts$/]
const MAP = /map[\\/]index\.ts$/

/**
 * The pages whose load the budgets of issue 17 count: each name, the modules it imports on demand, and the files it
 * loads by address (a verdict note).
 */
export const BUDGET_PAGES: readonly (readonly [string, readonly RegExp[], readonly string[]])[] = [
  ['`<kap-cite>` + `<kap-reference>`, one style (apa)', [APA], []],
  ['the four elements, rendered (cite, reference, claim, search box)', [APA, ...CLAIMS], []],
  ['the four elements, after the first search', [APA, ...CLAIMS, SEARCH], []],
  [
    'the four elements, after a search and a verdict note opened',
    [APA, ...CLAIMS, SEARCH, ...NOTE],
    ['details/claim/without-therapy-ketamine-effects-fade-faster.js'],
  ],
  ['all five with `<kap-evidence-map>`, after a search', [APA, ...CLAIMS, SEARCH, MAP], []],
]

/** The files of one budget page. */
export function pageFiles(meta: Metafile, dir: string, page: (typeof BUDGET_PAGES)[number]): string[] {
  return [...loadedFiles(meta, dir, page[1]), ...page[2]]
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
