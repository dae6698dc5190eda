import { expect } from 'vitest'
import { formatIssue } from '../../../scripts/lib/issues.ts'
import type { PipelineResult } from '../../../scripts/lib/pipeline.ts'

/** Asserts the run failed with exactly the expected rule on the expected file and field, and returns its line. */
export function expectIssue(
  result: PipelineResult,
  rule: string,
  file: string,
  field: string,
  message: RegExp,
): string {
  expect(result.dataset).toBeUndefined()
  const hit = result.issues.find((i) => i.rule === rule && i.file === file && i.field === field)
  expect(hit, `expected ${rule} on ${file} ${field}; got:\n${result.issues.map(formatIssue).join('\n')}`).toBeDefined()
  const line = formatIssue(hit!)
  expect(line).toMatch(message)
  expect(hit!.fix.length).toBeGreaterThan(10)
  return line
}
