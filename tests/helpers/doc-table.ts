import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { root } from './paths'

/**
 * The cells after the first of the Markdown table row in `docs/<file>` that starts with `start` (e.g. `| voices `),
 * trimmed and without emphasis markers, or `undefined` when the page has no such row. Tests that keep a page's
 * figures in step with what they measure compare against it.
 */
export function docTableRow(file: string, start: string): string[] | undefined {
  const line = readFileSync(join(root, 'docs', file), 'utf8')
    .split('\n')
    .find((l) => l.startsWith(start))
  return line
    ?.split('|')
    .slice(2, -1)
    .map((c) => c.trim().replace(/\*/g, ''))
}

/**
 * The rows of the bundle-size table of docs/clinic-sites.md ("## Bundle sizes"): what the page does, the size shown
 * (KB) and the budget (KB), in the page's order — one per case of tests/package/budgets.ts.
 */
export function bundleSizeRows(): { label: string; size: number; budget: number }[] {
  const text = readFileSync(join(root, 'docs', 'clinic-sites.md'), 'utf8')
  const section = text.slice(text.indexOf('## Bundle sizes'))
  return [...section.matchAll(/^\| (.+?) \| ([\d.]+) KB \| ≤ (\d+) KB \|$/gm)].map((r) => ({
    label: r[1]!,
    size: Number(r[2]),
    budget: Number(r[3]),
  }))
}

/**
 * The rows of the table of what a page of web components loads in docs/clinic-sites.md ("## Drop-in web
 * components"): what the page shows and the KB it loads (a `+` marks what it adds to the row it follows).
 */
export function elementSizeRows(): { label: string; size: number; added: boolean }[] {
  const text = readFileSync(join(root, 'docs', 'clinic-sites.md'), 'utf8')
  const start = text.indexOf('## Drop-in web components')
  const section = text.slice(start, text.indexOf('\n## ', start + 1))
  return [...section.matchAll(/^\| (.+?) \| (\+ )?([\d.]+) KB \|$/gm)].map((r) => ({
    label: r[1]!,
    size: Number(r[3]),
    added: r[2] !== undefined,
  }))
}
