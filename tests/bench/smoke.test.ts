// The benchmarks in bench/ are how the size and speed goals are checked (they print tables, they assert nothing), and
// no other test runs them: two of them once stopped working unnoticed when the generated modules changed. This runs
// the quick ones end to end and checks that they print their tables. The slow search benchmark is left out.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { budgetCases } from '../package/budgets'
import { root } from '../helpers/paths'

const tsx = join(root, 'node_modules', '.bin', 'tsx')
const run = (args: string[]) => spawnSync(tsx, args, { cwd: root, encoding: 'utf8', timeout: 240_000 })

describe('the benchmarks run', () => {
  it('bench/growth.ts at 1× prints a row per page case (the budgets themselves are tests/package)', () => {
    const r = run(['bench/growth.ts', '1'])
    expect(r.status, r.stderr).toBe(0)
    for (const c of budgetCases) expect(r.stdout, c.label).toContain(`| ${c.label} |`)
    expect(r.stdout).not.toContain('NaN')
  }, 300_000)

  it('bench/eval/run.ts prints the held-out search and checker tables', () => {
    const r = run(['bench/eval/run.ts'])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/\| blind set \| 124 \| 0\.\d\d \|/)
    expect(r.stdout).toMatch(/\| blind set \| 26 \| 106 \|/)
  }, 120_000)
})
