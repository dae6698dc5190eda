// Builds dist/cite.browser.js: the `kap-literature/cite` entry bundled for browsers (ESM, minified), with citation-js
// inlined and its Node-only `node-fetch` import aliased to a shim over globalThis.fetch, so no Node polyfills are
// needed. The data entry stays outside: src/cite imports it only as '../index', which becomes `import … from
// 'kap-literature'`, so an app that uses both entries has one copy of the records and one KapLiteratureError class.
// Usage: npx tsx scripts/build-cite-browser.ts [--check] [--report] [--out FILE]
//   (run after tsup, which empties dist/; --check bundles in memory and prints the sizes; --report writes and prints them)
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, type Message, type PluginBuild } from 'esbuild'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/**
 * The aliases of the browser build. citation-js 0.8.2 imports node-fetch, which needs node:http and friends (the build
 * fails without this alias); it also imports sync-fetch (a synchronous XMLHttpRequest in browsers), which we never
 * call and replace with a function that refuses.
 */
export const browserAlias: Readonly<Record<string, string>> = Object.freeze({
  'node-fetch': join(root, 'src/cite/node-fetch-shim.ts'),
  'sync-fetch': join(root, 'src/cite/sync-fetch-shim.ts'),
})

export interface BrowserBuild {
  /** esbuild errors; empty when the bundle built. */
  readonly errors: readonly Message[]
  readonly code: string
  readonly bytes: number
  readonly gzipBytes: number
}

/**
 * Bundles src/cite/index.ts for the browser. `alias: false` shows what happens without the shims; `standalone: true`
 * bundles the data entry too (a file that runs on its own, for tests and for measuring the whole).
 */
export async function bundleCiteForBrowser(
  options: { readonly alias?: boolean; readonly standalone?: boolean } = {},
): Promise<BrowserBuild> {
  try {
    const result = await build({
      entryPoints: [join(root, 'src/cite/index.ts')],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
      legalComments: 'eof',
      alias: options.alias === false ? {} : { ...browserAlias },
      plugins: [
        {
          // The BibTeX parser is never run (src/cite/bibtex-input-stub.ts): its place takes a module of no formats.
          name: 'no-bibtex-parser',
          setup: (b) =>
            b.onResolve({ filter: /^\.\/input\/index\.js$/ }, (a) =>
              /plugin-bibtex[\\/]lib(?:-mjs)?[\\/]index\.js$/.test(a.importer)
                ? { path: join(root, 'src/cite/bibtex-input-stub.ts') }
                : undefined,
            ),
        },
        ...(options.standalone === true
          ? []
          : [
              {
                name: 'data-entry-external',
                setup: (b: PluginBuild) =>
                  b.onResolve({ filter: /^\.\.\/index$/ }, (a) =>
                    a.importer.includes(`${join('src', 'cite')}`)
                      ? { path: 'kap-literature', external: true }
                      : undefined,
                  ),
              },
            ]),
      ],
    })
    const code = result.outputFiles[0]?.text ?? ''
    return { errors: [], code, bytes: Buffer.byteLength(code), gzipBytes: gzipSync(code, { level: 9 }).length }
  } catch (error) {
    const errors = (error as { errors?: Message[] }).errors ?? [{ text: String(error) } as Message]
    return { errors, code: '', bytes: 0, gzipBytes: 0 }
  }
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check')
  // The size report bundles citation-js twice more; only --report and --check pay for it, not every build.
  const report = check || process.argv.includes('--report')
  const built = await bundleCiteForBrowser()
  if (built.errors.length > 0) {
    for (const e of built.errors) console.error(e.text)
    process.exit(1)
  }
  if (!check) {
    const at = process.argv.indexOf('--out')
    const out =
      at > 0 && process.argv[at + 1] !== undefined
        ? resolve(process.argv[at + 1]!)
        : join(root, 'dist', 'cite.browser.js')
    mkdirSync(dirname(out), { recursive: true })
    writeFileSync(out, built.code)
  }
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`
  if (!report) {
    console.log(`build-cite-browser: wrote dist/cite.browser.js (${kb(built.gzipBytes)} gzip)`)
    return
  }
  const plain = await bundleCiteForBrowser({ alias: false })
  console.log('| browser bundle of src/cite/index.ts (esbuild, esm, minify) | result | minified | gzip -9 |')
  console.log('|---|---|---|---|')
  console.log(
    `| without node-fetch alias | ${plain.errors.length} errors ` +
      `(${[...new Set(plain.errors.map((e) => /"([^"]+)"/.exec(e.text)?.[1] ?? e.text))].join(', ')}) | – | – |`,
  )
  const standalone = await bundleCiteForBrowser({ standalone: true })
  console.log(
    `| with the shims, data entry imported from 'kap-literature' (dist/cite.browser.js) | ok | ${kb(built.bytes)} | ${kb(built.gzipBytes)} |`,
  )
  console.log(
    `| the same with the data entry bundled in (standalone) | ok | ${kb(standalone.bytes)} | ${kb(standalone.gzipBytes)} |`,
  )
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main()
