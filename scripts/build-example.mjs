// Bundles the package's built entries (dist/) for the clinic-page example into examples/clinic-page/vendor/kap.js.
// Run after `npm run build`: node scripts/build-example.mjs
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, 'examples', 'clinic-page', 'vendor', 'kap.js')
mkdirSync(dirname(out), { recursive: true })
await build({
  stdin: {
    contents: `export { getClaim, getStudy, vocabularies, dataVersion } from 'kap-literature'
export { search, facets } from 'kap-literature/search'
export { apa } from 'kap-literature/citations/apa'
export { cslCredit } from 'kap-literature/citations'
export { toJsonLd } from 'kap-literature/jsonld'`,
    resolveDir: root,
    loader: 'js',
  },
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  outfile: out,
  logLevel: 'warning',
})
console.log(`build-example: wrote ${out}`)
