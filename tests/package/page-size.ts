/**
 * How the size budgets measure a page (tests/package/budgets.ts): its module bundled by esbuild for the browser (ESM,
 * minified), each output file compressed on its own with gzip level 9, as a server sends it. Shared by the package
 * test (from the installed, packed package) and bench/growth.ts (from synthetic copies of src/).
 */
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import type { BudgetCase } from './budgets'

/** What a page loads, measured. */
export interface PageSize {
  /** The bytes (gzip) the case's budget counts: see {@link BudgetCase.split}. */
  readonly gzip: number
  /** Gzip bytes of every file the page loads up front (the entry and its static imports, transitively). */
  readonly upFront: number
  /** Output files loaded up front, relative to the output folder. */
  readonly upFrontFiles: readonly string[]
  /** Their text. */
  readonly upFrontText: string
  /** For each `import()` of the page, the output files it adds (its chunk and the static imports that chunk adds). */
  readonly onDemand: readonly { readonly files: readonly string[]; readonly gzip: number; readonly text: string }[]
  /** Esbuild's warnings. */
  readonly warnings: readonly string[]
}

/**
 * Bundles `code` (the budget case's module, `PKG` already replaced) and measures it.
 * @param code - the page's module
 * @param split - the case's `split` (none: one file, as esbuild bundles without code splitting)
 * @param options - where imports resolve from, aliases, and the package.json conditions
 */
export async function pageSize(
  code: string,
  split: BudgetCase['split'],
  options: { readonly resolveDir: string; readonly alias?: Record<string, string>; readonly conditions?: string[] },
): Promise<PageSize> {
  const outdir = join(options.resolveDir, '.page-size-out')
  const result = await build({
    stdin: { contents: code, resolveDir: options.resolveDir, loader: 'ts' },
    absWorkingDir: options.resolveDir,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    ...(options.conditions === undefined ? {} : { conditions: options.conditions }),
    ...(options.alias === undefined ? {} : { alias: options.alias }),
    splitting: split !== undefined,
    outdir,
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  const gzipOf = new Map(
    result.outputFiles.map((f) => [f.path, { gzip: gzipSync(f.contents, { level: 9 }).length, text: f.text }]),
  )
  const outputs = result.metafile.outputs
  const abs = (key: string) => join(options.resolveDir, key)
  const rel = (path: string) => path.slice(outdir.length + 1)
  /** A file and its static imports, transitively, except those in `skip`. */
  const closure = (key: string, skip: ReadonlySet<string>): string[] => {
    const seen = new Set<string>()
    const visit = (k: string): void => {
      if (seen.has(k) || skip.has(k)) return
      seen.add(k)
      for (const imp of outputs[k]?.imports ?? []) if (imp.kind === 'import-statement') visit(imp.path)
    }
    visit(key)
    return [...seen]
  }
  const bytes = (keys: readonly string[]) => keys.reduce((sum, k) => sum + gzipOf.get(abs(k))!.gzip, 0)
  const entry = Object.keys(outputs).find((k) => /(^|\/)stdin\.js$/.test(k))!
  const first = closure(entry, new Set())
  const dynamic = [
    ...new Set(
      Object.values(outputs).flatMap((o) => o.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path)),
    ),
  ]
  const onDemand = dynamic.map((key) => {
    const files = closure(key, new Set(first))
    return {
      files: files.map((k) => rel(abs(k))),
      gzip: bytes(files),
      text: files.map((k) => gzipOf.get(abs(k))!.text).join('\n'),
    }
  })
  const upFront = bytes(first)
  return {
    gzip: split === 'largest-on-demand' ? Math.max(0, ...onDemand.map((d) => d.gzip)) : upFront,
    upFront,
    upFrontFiles: first.map((k) => rel(abs(k))),
    upFrontText: first.map((k) => gzipOf.get(abs(k))!.text).join('\n'),
    onDemand,
    warnings: result.warnings.map((w) => w.text),
  }
}
