// Builds the script-tag form of `kap-literature/elements`: dist/elements/kap-elements.js, one browser ES module that a
// page includes with `<script type="module" src=".../kap-elements.js">`, and the sibling chunks it loads on demand
// (dist/elements/chunks/: one per style table, the search index, the evidence map, each record's detail).
// Usage: npx tsx scripts/build-elements.ts [--report]   (run after tsup, which empties dist/)
//   --report prints the gzip size of what each kind of page loads (the budgets of issue 17).
import { readFileSync, rmSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, type Metafile } from 'esbuild'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const outdir = join(root, 'dist', 'elements')

/** Builds the script-tag bundle into `dir`; returns esbuild's metafile. */
export async function buildElements(dir = outdir): Promise<Metafile> {
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
    logLevel: 'error',
  })
  return result.metafile
}

/**
 * The files a page loads, from the entry: its static imports, and the static imports of each dynamic import whose
 * source matches `dynamic` (e.g. the apa table), transitively.
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
        const inputs = Object.keys(byPath[imp.path]?.inputs ?? {})
        if (dynamic.some((re) => inputs.some((i) => re.test(i)))) visit(imp.path)
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

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const meta = await buildElements()
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
  if (process.argv.includes('--report')) {
    const first = loadedFiles(meta, outdir, [/citations[\\/]apa\.ts$/])
    const all = loadedFiles(meta, outdir, [/citations[\\/]apa\.ts$/, /search[\\/]index\.ts$/, /map[\\/]index\.ts$/])
    console.log(`| page | files | gzip |\n|---|---:|---:|`)
    console.log(
      `| \`<kap-cite>\` + \`<kap-reference>\`, one style (apa) | ${first.length} | ${kb(gzipBytes(outdir, first))} |`,
    )
    console.log(`| all elements (apa, search, evidence map) | ${all.length} | ${kb(gzipBytes(outdir, all))} |`)
  } else {
    console.log(
      `build-elements: wrote dist/elements/kap-elements.js (${kb(gzipBytes(outdir, ['kap-elements.js']))} gzip)`,
    )
  }
}
