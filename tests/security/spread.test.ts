/**
 * A call spreads its arguments onto the stack: `Math.max(...rows)` throws "Maximum call stack size exceeded" once
 * `rows` holds some 120,000 values, which a long draft's report reached (a 4.7 MB draft, 180,000 passages). No source
 * file may spread a list into a call that takes any number of arguments; a loop or `reduce` has no such limit.
 */
import { readFileSync } from 'node:fs'
import { relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { root } from '../helpers/paths'
import { sourceFiles } from '../helpers/source-files'

/** Calls that take any number of arguments, written with a spread first argument. */
const SPREAD_CALL = /\b(?:Math\.(?:max|min|hypot)|String\.fromCharCode|String\.fromCodePoint)\(\s*\.\.\./

/** Whether a line of code (not a comment) spreads a list into such a call, as its first argument or a later one. */
function spreads(line: string): boolean {
  if (/^\s*(?:\/\/|\*)/.test(line)) return false
  return (
    SPREAD_CALL.test(line) ||
    /\b(?:Math\.(?:max|min|hypot)|String\.fromCharCode|String\.fromCodePoint)\([^()]*,\s*\.\.\./.test(line)
  )
}

describe('no argument spreads of unbounded lists', () => {
  it('finds none in src/ (and the pattern finds the one that crashed)', () => {
    expect(spreads('const w = Math.max(title.length, ...rows.map((r) => r.length))')).toBe(true)
    expect(spreads('const w = Math.max(...rows)')).toBe(true)
    expect(spreads('const w = rows.reduce((n, r) => Math.max(n, r.length), 0)')).toBe(false)
    expect(spreads('// a loop, not Math.max(...rows)')).toBe(false)
    const offending = sourceFiles().flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => [line, i] as const)
        .filter(([line]) => spreads(line))
        .map(([, i]) => `${relative(root, file)}:${i + 1}`),
    )
    expect(offending).toEqual([])
  })
})
