// The checker behind value comments in examples (tests/helpers/value-comments.ts): a line whose comment shows a value
// must produce it, prose comments stay prose, and a wrong value fails with the example's name and line.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { root } from '../helpers/paths'
import { bracketDepth, valueComments } from '../helpers/value-comments'

const scratch = join(root, '.tmp', 'value-comments')
mkdirSync(scratch, { recursive: true })
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

let n = 0
/** Rewrites `code` and runs it as a module; resolves to the error message, or undefined when it ran. */
async function run(code: string): Promise<string | undefined> {
  const file = join(scratch, `case-${n++}.ts`)
  writeFileSync(file, `${valueComments(code, 'demo')}\nexport {}\n`)
  try {
    await import(pathToFileURL(file).href)
    return undefined
  } catch (e) {
    return (e as Error).message
  }
}

describe('value comments', () => {
  it('checks literals on expressions, declarations and one-argument console.log lines', async () => {
    const code = [
      'const two = 1 + 1 // 2',
      'two * 3 // 6: the comment may go on after the value',
      "'a' + 'b' // 'ab'",
      'console.log(two > 1) // true',
      'const none = [].find(() => true) // undefined',
    ].join('\n')
    expect(valueComments(code, 'demo')).toContain('__kapCheck(two, 2, false, "demo, line 1")')
    expect(await run(code)).toBeUndefined()
  })

  it('fails with the example, the line, the claimed and the actual value', async () => {
    expect(await run('const a = 1\na + 1 // 3')).toBe('demo, line 2: the comment says 3, the code gives 2')
    expect(await run("'x'.repeat(2) // 'xxx'")).toBe('demo, line 1: the comment says "xxx", the code gives "xx"')
    expect(await run('console.log(false) // true')).toBe('demo, line 1: the comment says true, the code gives false')
  })

  it('reads a statement that starts on earlier lines', async () => {
    const code = "[1, 2, 3]\n  .map((x) => x * 2)\n  .join(',') // '2,4,6'"
    expect(await run(code)).toBeUndefined()
    expect(await run(code.replace("'2,4,6'", "'2,4'"))).toBe(
      'demo, line 3: the comment says "2,4", the code gives "2,4,6"',
    )
  })

  it('treats … in a string as any text and a space as any white space', async () => {
    expect(await run("'1. One\\n2. Two' // '1. One … Two'")).toBeUndefined()
    expect(await run("'1. One\\n2. Two' // '1. One … Three'")).toMatch(/the comment says "1\. One … Three"/)
  })

  it('compares bracketed displays with util.inspect, … standing for further items', async () => {
    expect(await run("['a', 'b'] // ['a', 'b']")).toBeUndefined()
    expect(await run(';[1, 2, 3] // [1, 2, …]')).toBeUndefined()
    expect(await run(';[1, 2, 3] // […, 3]: the last')).toBeUndefined()
    expect(await run("({ kind: 'x', size: 2, extra: true }) // { kind: 'x', … }")).toBeUndefined()
    expect(await run(';[] // [] — never throws')).toBeUndefined()
    expect(await run("['a'] // ['a', 'b']")).toBe("demo, line 1: the comment says ['a', 'b'], the code gives [ 'a' ]")
  })

  it('leaves prose comments, multi-argument logs and // inside strings alone', () => {
    const code = [
      "const trial = getStudy('x') // the core: typed",
      "console.log(a, b) // 'a' 'b'",
      "const url = 'https://example.org/a' // where it lives",
      "const mgr0 = '^(' + C // [C]VC... is m>0",
      "// 'a comment on its own line'",
    ].join('\n')
    expect(valueComments(code, 'demo')).toBe(code)
  })

  it('checks the comment after a string that holds //', async () => {
    expect(await run("const url = 'https://example.org/a' // 'https://example.org/a'")).toBeUndefined()
    expect(await run("'https://x.org' // 'https://y.org'")).toMatch(/the comment says "https:\/\/y\.org"/)
  })

  it('keeps line numbers, so a later failure names the right line', async () => {
    const code = 'const s = [\n  1,\n  2,\n  3,\n].length // 3\nconst t = s // 4'
    const lines = valueComments(code, 'demo').split('\n')
    expect(lines.indexOf('const t = s; __kapCheck(t, 4, false, "demo, line 6")')).toBe(5)
    expect(await run(code)).toBe('demo, line 6: the comment says 4, the code gives 3')
  })

  it('returns code without value comments unchanged', () => {
    const prose = fc.stringMatching(/^[A-Za-z][A-Za-z ,.:]{0,30}$/)
    const statement = fc.constantFrom('const a = 1', 'f(x)', "g('y')", 'a.b[c]', 'const t = `x`')
    fc.assert(
      fc.property(fc.array(fc.tuple(statement, prose), { maxLength: 6 }), (rows) => {
        const code = rows.map(([s, p]) => `${s} // ${p}`).join('\n')
        expect(valueComments(code, 'demo')).toBe(code)
      }),
    )
  })

  it('measures bracket depth outside string literals', () => {
    expect(bracketDepth("f('(', [1])")).toBe(0)
    expect(bracketDepth('  1)')).toBe(-1)
    expect(bracketDepth("'open")).toBeNaN()
  })
})
