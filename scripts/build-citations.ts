/**
 * Precomputes formatted citations for every shipped study and source in the six styles with citation-js, and writes
 * src/citations/data/<style>.json (committed, deterministic). AMA, Chicago and MLA need Debian's
 * citation-style-language-styles; without it those three are left as they are, with a message.
 * Usage: tsx scripts/build-citations.ts [--check]   (--check compares with the committed files and exits 1 on a difference)
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  computeStyleTable,
  serializeTable,
  shippedItems,
  STYLE_SOURCES,
  styleAvailable,
  type StyleKey,
} from './lib/citations-build.ts'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const check = process.argv.includes('--check')
const items = shippedItems()
let failed = false
for (const key of Object.keys(STYLE_SOURCES) as StyleKey[]) {
  const file = join(root, 'src', 'citations', 'data', `${key}.json`)
  if (!styleAvailable(key)) {
    console.log(
      `build-citations: ${key}: Debian style not installed (apt-get install citation-style-language-styles); kept the committed table`,
    )
    continue
  }
  const text = serializeTable(computeStyleTable(key, items))
  let current = ''
  try {
    current = readFileSync(file, 'utf8')
  } catch {
    /* new file */
  }
  if (check) {
    if (current !== text) {
      console.error(`build-citations: ${key}: committed table is out of date; run npm run build:citations`)
      failed = true
    }
  } else if (current !== text) {
    writeFileSync(file, text)
    console.log(`build-citations: ${key}: wrote ${file}`)
  } else console.log(`build-citations: ${key}: up to date`)
}
process.exit(failed ? 1 : 0)
