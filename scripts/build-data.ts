/**
 * Build step: data/ (YAML) → validated → src/generated/*.ts and docs/coverage.md.
 * Usage: tsx scripts/build-data.ts [--data DIR] [--out DIR] [--check]
 * With --check it validates only and writes nothing. Exits 1 (writing nothing) on any issue.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { coverageReport, idsModule, recordsModule } from './lib/generate.ts'
import { formatIssue } from './lib/issues.ts'
import { runPipeline } from './lib/pipeline.ts'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name)
  return i >= 0 && args[i + 1] !== undefined ? resolve(args[i + 1]!) : fallback
}
const dataDir = option('--data', join(root, 'data'))
const outDir = option('--out', join(root, 'src', 'generated'))
const docsDir = option('--docs', join(root, 'docs'))
const checkOnly = args.includes('--check')

const result = runPipeline(dataDir, { schemaDir: join(root, 'data', 'schema') })
if (result.dataset === undefined) {
  for (const issue of result.issues) console.error(formatIssue(issue))
  console.error(`build-data: ${result.issues.length} problem(s) in ${dataDir}; nothing was written.`)
  process.exit(1)
}
const data = result.dataset
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version
if (!checkOnly) {
  const write = (path: string, text: string) => {
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(`${path}.tmp`, text)
    renameSync(`${path}.tmp`, path)
  }
  write(join(outDir, 'ids.ts'), idsModule(data))
  write(join(outDir, 'records.ts'), recordsModule(data, version))
  write(join(docsDir, 'coverage.md'), coverageReport(data, version))
}
console.log(`build-data: ${data.studies.length} studies, ${data.claims.length} claims, ${data.sources.length} sources${checkOnly ? ' (checked, nothing written)' : ` → ${outDir}`}`)
