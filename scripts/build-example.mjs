// Bundles the package's built entries (dist/) for the clinic-page example into examples/clinic-page/vendor/kap.js,
// with each record's detail split into its own chunk under vendor/chunks/ (loaded only when the page asks for it).
// Run after `npm run build`: node scripts/build-example.mjs
import { mkdirSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const outdir = join(root, 'examples', 'clinic-page', 'vendor')
rmSync(outdir, { recursive: true, force: true })
mkdirSync(outdir, { recursive: true })
await build({
  stdin: {
    contents: `export { getClaim, getStudy, isCitable, vocabularies, dataVersion } from 'kap-literature'
export { search, facets, didYouMean } from 'kap-literature/search'
export { apa } from 'kap-literature/citations/apa'
export { cslCredit, citeProse } from 'kap-literature/citations'
export { toJsonLd } from 'kap-literature/jsonld'
export { loadDetails } from 'kap-literature/details'`,
    resolveDir: root,
    loader: 'js',
  },
  bundle: true,
  minify: true,
  // The package's entries import some shared chunks bare; package.json declares those chunks free of side effects,
  // so esbuild drops the import (as intended) and would say so once per import.
  logOverride: { 'ignored-bare-import': 'silent' },
  format: 'esm',
  platform: 'browser',
  splitting: true,
  outdir,
  entryNames: 'kap',
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
})
console.log(`build-example: wrote ${join(outdir, 'kap.js')} and its chunks`)
