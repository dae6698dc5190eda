// Prints "N passed, N failed" from one or more vitest JSON reports and exits 1 if anything failed or was skipped.
// In CI a skipped test counts as failed (a skipped browser or style check is not a pass); a missing report counts as
// one failure (the suite never ran).
// Usage: node scripts/ci-summary.mjs .tmp/vitest-results.json [.tmp/vitest-sources.json …]
import { readFileSync } from 'node:fs'

const files = process.argv.length > 2 ? process.argv.slice(2) : ['.tmp/vitest-results.json']
let passed = 0
let failed = 0
for (const file of files) {
  let report
  try {
    report = JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    console.log(`ci-summary: no report at ${file} (counted as one failure)`)
    failed += 1
    continue
  }
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
  // A test file that fails to load has no test results of its own: count it as one failure.
  const brokenFiles = (report.testResults ?? []).filter(
    (f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0,
  ).length
  if (skipped > 0) {
    for (const f of report.testResults ?? [])
      for (const a of f.assertionResults ?? [])
        if (a.status === 'pending' || a.status === 'skipped' || a.status === 'todo')
          console.log(`skipped (counted as failed in CI): ${a.fullName}`)
  }
  passed += report.numPassedTests ?? 0
  failed += (report.numFailedTests ?? 0) + brokenFiles + skipped
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
