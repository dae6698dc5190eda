// The bundle-size table of docs/clinic-sites.md shows the budgets tests/package/budgets.ts enforces: when a budget
// moves (with its reason in CHANGELOG.md), the page that clinic developers read moves with it.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { root } from '../helpers/paths'
import { budgetCases } from './budgets'

describe('bundle sizes in docs/clinic-sites.md', () => {
  const text = readFileSync(join(root, 'docs', 'clinic-sites.md'), 'utf8')
  const section = text.slice(text.indexOf('## Bundle sizes'))
  const rows = [...section.matchAll(/^\| (.+?) \| ([\d.]+) KB \| ≤ (\d+) KB \|$/gm)]

  it('lists every budget of budgets.ts, in its order', () => {
    expect(rows.map((r) => Number(r[3]))).toEqual(budgetCases.map((c) => c.budget / 1024))
  })

  it('shows sizes within their budgets', () => {
    expect(rows.filter((r) => Number(r[2]) > Number(r[3])).map((r) => r[1])).toEqual([])
  })
})
