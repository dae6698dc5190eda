// Prints "N passed, N failed" from vitest's JSON report and exits 1 if anything failed or was skipped.
// In CI a skipped test counts as failed (a skipped browser or style check is not a pass).
import { readFileSync } from 'node:fs'

const file = process.argv[2] ?? '.tmp/vitest-results.json'
let report
try {
  report = JSON.parse(readFileSync(file, 'utf8'))
} catch {
  console.log('0 passed, 1 failed')
  process.exit(1)
}
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
// A test file that fails to load has no test results of its own: count it as one failure.
const brokenFiles = (report.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length
const failed = (report.numFailedTests ?? 0) + brokenFiles + skipped
if (skipped > 0) {
  for (const f of report.testResults ?? []) for (const a of f.assertionResults ?? []) if (a.status === 'pending' || a.status === 'skipped' || a.status === 'todo') console.log(`skipped (counted as failed in CI): ${a.fullName}`)
}
console.log(`${report.numPassedTests ?? 0} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
