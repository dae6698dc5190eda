/**
 * Records hashes (never text) of every 8-word run of an abstract a curator read, so `tests/data` can prove that no
 * summary repeats the paper's wording while the project never holds the abstract.
 * Usage: tsx scripts/hash-abstract-runs.ts <study-id> <page-url> < abstract.txt
 * Writes tests/fixtures/abstract-runs/<study-id>.json (merging with runs already recorded for that study).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ABSTRACT_RUN_LENGTH, runHashes } from './lib/copy-runs.ts'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const [id, url] = process.argv.slice(2)
if (id === undefined || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id) || url === undefined) {
  console.error('usage: tsx scripts/hash-abstract-runs.ts <study-id> <page-url> < abstract.txt')
  process.exit(2)
}
const text = readFileSync(0, 'utf8')
const runs = runHashes(text, ABSTRACT_RUN_LENGTH)
if (runs.length === 0) {
  console.error('hash-abstract-runs: the abstract on standard input has fewer than 8 words')
  process.exit(1)
}
const out = join(root, 'tests', 'fixtures', 'abstract-runs', `${id}.json`)
const before = existsSync(out)
  ? (JSON.parse(readFileSync(out, 'utf8')) as { pages: string[]; runs: string[] })
  : { pages: [], runs: [] }
const pages = [...new Set([...before.pages, url])].sort()
const all = [...new Set([...before.runs, ...runs])].sort()
writeFileSync(
  out,
  `${JSON.stringify({ study: id, runLength: ABSTRACT_RUN_LENGTH, hash: 'sha256, first 16 hex digits', pages, runs: all })}\n`,
)
console.log(`hash-abstract-runs: ${all.length} runs of ${ABSTRACT_RUN_LENGTH} words for ${id} → ${out}`)
