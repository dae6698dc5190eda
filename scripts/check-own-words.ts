/**
 * Lists every passage of a record's own text (everything but `csl`, URLs and `verification`, of which it reads the
 * `lookups`) that repeats 8 or more consecutive words of an abstract recorded with hash-abstract-runs. Exits 1 when
 * any is found.
 * Usage: tsx scripts/check-own-words.ts [study-or-claim-id …]   (no ids: every record)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { ABSTRACT_RUN_LENGTH, copiedRuns } from './lib/copy-runs.ts'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const runsDir = join(root, 'tests', 'fixtures', 'abstract-runs')
const hashes = new Set<string>()
if (existsSync(runsDir))
  for (const f of readdirSync(runsDir))
    for (const h of (JSON.parse(readFileSync(join(runsDir, f), 'utf8')) as { runs: string[] }).runs) hashes.add(h)
const wanted = new Set(process.argv.slice(2))
let found = 0
for (const kind of ['studies', 'claims']) {
  for (const f of readdirSync(join(root, 'data', kind)).sort()) {
    const record = parse(readFileSync(join(root, 'data', kind, f), 'utf8')) as Record<string, unknown>
    if (wanted.size > 0 && !wanted.has(String(record.id))) continue
    const walk = (where: string, v: unknown): void => {
      if (typeof v === 'string')
        for (const run of copiedRuns(v, hashes, ABSTRACT_RUN_LENGTH))
          (found++, console.log(`${kind}/${f}: ${where}: "${run}"`))
      else if (v !== null && typeof v === 'object')
        for (const [k, x] of Object.entries(v))
          if (k === 'verification')
            walk(`${where === '' ? k : `${where}.${k}`}.lookups`, (x as { lookups?: unknown }).lookups)
          else if (!['csl', 'url', 'URL'].includes(k)) walk(where === '' ? k : `${where}.${k}`, x)
    }
    walk('', record)
  }
}
console.log(
  `check-own-words: ${found} copied run(s) of ${ABSTRACT_RUN_LENGTH} words against ${hashes.size} recorded abstract runs`,
)
process.exit(found > 0 ? 1 : 0)
