/**
 * Build step: data/ (YAML) → validated → src/generated/*.ts (built, never committed).
 * Usage: tsx scripts/build-data.ts [--data DIR] [--out DIR] [--docs DIR] [--check] [--check-coverage]
 * --docs DIR also writes DIR/coverage.md (`npm run build:coverage` writes the committed docs/coverage.md).
 * --check validates only and writes nothing; --check-coverage also fails when docs/coverage.md is stale.
 * --warn RULE[,RULE] reports those rules' issues as warnings instead of stopping (for curators part-way through a
 *   review; `npm run build` and CI never pass it).
 * Exits 1 (writing nothing) on any issue.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { coverageReport, detailFiles, generatedModules } from './lib/generate.ts'
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
const docsDir = args.includes('--docs') ? option('--docs', join(root, 'docs')) : undefined
const checkCoverage = args.includes('--check-coverage')
const checkOnly = args.includes('--check') || checkCoverage

const warnAt = args.indexOf('--warn')
const warnRules = warnAt >= 0 ? (args[warnAt + 1] ?? '').split(',').filter(Boolean) : []
const result = runPipeline(dataDir, { schemaDir: join(root, 'data', 'schema'), warnRules })
for (const issue of result.warnings ?? []) console.error(`warning: ${formatIssue(issue)}`)
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
  for (const [file, text] of generatedModules(data, version)) write(join(outDir, file), text)
  // Detail chunks: rewritten as a set, so a removed record leaves no stale file behind.
  rmSync(join(outDir, 'details'), { recursive: true, force: true })
  rmSync(join(outDir, 'detail-loaders'), { recursive: true, force: true })
  for (const [path, text] of detailFiles(data)) write(join(outDir, path), text)
  rmSync(join(outDir, 'records.ts'), { force: true })
  if (docsDir !== undefined) write(join(docsDir, 'coverage.md'), coverageReport(data, version))
}
if (checkCoverage) {
  const path = join(root, 'docs', 'coverage.md')
  if (!existsSync(path) || readFileSync(path, 'utf8') !== coverageReport(data, version)) {
    console.error('build-data: docs/coverage.md is stale: run `npm run build:coverage` and commit it.')
    process.exit(1)
  }
}
console.log(
  `build-data: ${data.studies.length} studies, ${data.claims.length} claims, ${data.sources.length} ` +
    `sources${checkOnly ? ' (checked, nothing written)' : ` → ${outDir}`}`,
)
