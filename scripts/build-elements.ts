// Builds the script-tag form of `kap-literature/elements`: dist/elements/kap-elements.js, one browser ES module that a
// page includes with `<script type="module" src=".../kap-elements.js">`, and the sibling chunks it loads on demand
// (dist/elements/chunks/: one per style table, the search index, the evidence map, each record's detail).
// Usage: npx tsx scripts/build-elements.ts [--report]   (run after tsup, which empties dist/)
//   --report prints the gzip size of what each kind of page loads (the budgets of issue 17).
import { readFileSync, rmSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, type Metafile, type Plugin } from 'esbuild'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const outdir = join(root, 'dist', 'elements')

/**
 * Builds the script-tag bundle into `dir`; returns esbuild's metafile. `plugins` (tests only) may swap the content of
 * generated modules, e.g. to build the bundle from records with hostile titles.
 */
export async function buildElements(dir = outdir, plugins: readonly Plugin[] = []): Promise<Metafile> {
  rmSync(dir, { recursive: true, force: true })
  const result = await build({
    entryPoints: { 'kap-elements': join(root, 'src', 'elements', 'index.ts') },
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
    plugins: [...plugins],
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
const CLAIMS = [/generated[\\/]claim-facts\.ts$/, /generated[\\/]claim-statements\.ts$/]
const SEARCH = /search[\\/]index\.ts$/
const NOTE = [
  /detail-loaders[\\/]claim\.ts$/,
  /citations[\\/]prose\.ts$/,
  /details[\\/]claim[\\/]ketamine-relief-within-hours\.json$/,
]
const MAP = /map[\\/]index\.ts$/

/** The pages whose load the budgets of issue 17 count: each name, and the modules it imports on demand. */
export const BUDGET_PAGES: readonly (readonly [string, readonly RegExp[]])[] = [
  ['`<kap-cite>` + `<kap-reference>`, one style (apa)', [APA]],
  ['the four elements, rendered (cite, reference, claim, search box)', [APA, ...CLAIMS]],
  ['the four elements, after the first search', [APA, ...CLAIMS, SEARCH]],
  ['the four elements, after a search and a verdict note opened', [APA, ...CLAIMS, SEARCH, ...NOTE]],
  ['all five with `<kap-evidence-map>`, after a search', [APA, ...CLAIMS, SEARCH, MAP]],
]

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const meta = await buildElements()
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
  if (process.argv.includes('--report')) {
    console.log(`| page | files | gzip |\n|---|---:|---:|`)
    for (const [name, dynamic] of BUDGET_PAGES) {
      const files = loadedFiles(meta, outdir, dynamic)
      console.log(`| ${name} | ${files.length} | ${kb(gzipBytes(outdir, files))} |`)
    }
  } else {
    console.log(
      `build-elements: wrote dist/elements/kap-elements.js (${kb(gzipBytes(outdir, ['kap-elements.js']))} gzip)`,
    )
  }
}
