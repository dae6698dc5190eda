// The bundle-size table of docs/clinic-sites.md shows the budgets tests/package/budgets.ts enforces: when a budget
// moves (with its reason in CHANGELOG.md), the page that clinic developers read moves with it. The sizes it shows are
// checked against a fresh measurement by pack.test.ts ("the sizes docs/clinic-sites.md shows are measured").
import { describe, expect, it } from 'vitest'
import { bundleSizeRows } from '../helpers/doc-table'
import { budgetCases } from './budgets'

describe('bundle sizes in docs/clinic-sites.md', () => {
  const rows = bundleSizeRows()

  it('lists every budget of budgets.ts, in its order', () => {
    expect(rows.map((r) => r.budget)).toEqual(budgetCases.map((c) => c.budget / 1024))
  })

  it('shows sizes within their budgets', () => {
    expect(rows.filter((r) => r.size > r.budget).map((r) => r.label)).toEqual([])
  })
})
