/**
 * Writes tests/fixtures/source-runs.json: hashes of every 10-word run in the source documents
 * (../shared/source-documents), so tests can prove no record copies the pages without the project holding their text.
 * Usage: tsx scripts/hash-source-runs.ts [sourceDir]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { RUN_LENGTH, runHashes } from './lib/copy-runs.ts'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const dir = resolve(process.argv[2] ?? join(root, '..', 'shared', 'source-documents'))
const all = new Set<string>()
for (const f of readdirSync(dir).sort()) for (const h of runHashes(readFileSync(join(dir, f), 'utf8'))) all.add(h)
const out = join(root, 'tests', 'fixtures', 'source-runs.json')
writeFileSync(
  out,
  `${JSON.stringify({ runLength: RUN_LENGTH, hash: 'sha256, first 16 hex digits', runs: [...all].sort() }, null, 0)}\n`,
)
console.log(`hash-source-runs: ${all.size} runs of ${RUN_LENGTH} words → ${out}`)
