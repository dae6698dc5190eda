/**
 * Run by engine.test.ts in its own process, with `--expose-gc`: formats with a style that citeproc compiles but
 * throws on at every entry (APA with one bad `text-case`), and prints the heap after `small` and after `large`
 * failures as JSON.
 */
import { compiledEngines, engineStyleXml } from '../../src/cite/engine'
import { formatReference, registerStyle } from '../../src/cite/index'
import { isKapLiteratureError } from '../../src/index'

const [small, large] = process.argv.slice(2).map(Number) as [number, number]
const gc = (globalThis as { gc?: () => void }).gc
if (gc === undefined) throw new Error('run with --expose-gc')
const apa = engineStyleXml('apa')
registerStyle(
  'apa-broken',
  apa.replace(
    /<bibliography([^>]*)>\s*(<sort>[\s\S]*?<\/sort>)?\s*<layout([^>]*)>/,
    (all) => `${all}<text variable="title" text-case="no-such-case"/>`,
  ),
)
const record = { id: 'r1', type: 'book', title: 'T', author: [{ family: 'Smith' }] }
const codes = new Set<string>()
const heap = () => {
  gc()
  gc()
  return process.memoryUsage().heapUsed
}
const fail = () => {
  try {
    formatReference(record, { style: 'apa-broken', format: 'text' })
    codes.add('no error')
  } catch (e) {
    codes.add(isKapLiteratureError(e) ? e.code : String(e))
  }
}
for (let i = 0; i < small; i++) fail()
const afterSmall = heap()
for (let i = small; i < large; i++) fail()
const afterLarge = heap()
const engines = compiledEngines()
const valid = formatReference(record, { style: 'vancouver', format: 'text' })
console.log(JSON.stringify({ afterSmall, afterLarge, engines, codes: [...codes], valid }))
