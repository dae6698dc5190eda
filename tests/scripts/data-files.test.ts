// The script-tag build writes each data file a page loads by address as one default export of its value
// (scripts/build-elements.ts, dataFiles), and refuses a file that holds anything else.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { dataFiles } from '../../scripts/build-elements'

const dir = mkdtempSync(join(tmpdir(), 'kap-data-files-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const write = (file: string, text: string) => (writeFileSync(join(dir, file), text), file)
const read = (file: string) => readFileSync(join(dir, file), 'utf8')

describe('dataFiles', () => {
  it("rewrites esbuild's `var e=…;export{e as default};` as `export default …;`", () => {
    const value = { ref: ['A; B', ['i', 'export{x}']], rank: 9 }
    const file = write('a.js', 'var e={ref:["A; B",["i","export{x}"]],rank:9};export{e as default};\n')
    dataFiles(dir, new Map([[file, value]]))
    expect(read(file)).toBe('export default{ref:["A; B",["i","export{x}"]],rank:9};\n')
    const text = write('b.js', 'var t="Statement; with a semicolon";export{t as default};\n')
    dataFiles(dir, new Map([[text, 'Statement; with a semicolon']]))
    expect(read(text)).toBe('export default"Statement; with a semicolon";\n')
  })

  it('fails the build on a file with other exports, other statements or another value', () => {
    const cases: [string, unknown][] = [
      ['var a="x",i={verdictNote:a};export{i as default,a as verdictNote};\n', { verdictNote: 'x' }],
      ['var e={a:1};globalThis.x=1;export{e as default};\n', { a: 1 }],
      ['var e={a:1};export{e as default};\n', { a: 2 }],
      ['export default {a:1};\n', { a: 1 }],
      // An expression that computes the value, not a literal: it would not stay one after the rewrite.
      ['var e=(function(){return {a:1}})();export{e as default};\n', { a: 1 }],
    ]
    for (const [i, [text, value]] of cases.entries()) {
      const file = write(`bad-${i}.js`, text)
      expect(() => dataFiles(dir, new Map([[file, value]]))).toThrow(`${file} is not one default export of its data`)
      expect(read(file)).toBe(text)
    }
  })
})
