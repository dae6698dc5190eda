// The elements in TypeScript (audit 36, item 9): a page's script that imports the entry gets typed elements from
// querySelector and createElement (`error` is a KapLiteratureError) and a typed `kap-error` event from
// addEventListener, through the declarations in dist/elements.d.ts (global HTMLElementTagNameMap and event map
// entries). Checked with tsc as a consumer sees the package: `kap-literature` resolved through package.json's exports
// map (bundler and node16 resolution) to the built declarations (run `npm run build` first).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { writeConsumerTsconfig } from '../helpers/consumer-tsconfig'
import { root } from '../helpers/paths'

const PAGE = `import type { KapCiteElement, KapElement, KapErrorEvent } from 'kap-literature/elements'
import 'kap-literature/elements'
import type { ErrorCode } from 'kap-literature'

const cite = document.querySelector('kap-cite')!
const code: ErrorCode | undefined = cite.error?.code
const hint: string | undefined = cite.error?.hint
const typed: KapCiteElement = cite
const created: KapElement = document.createElement('kap-claim')
const all: NodeListOf<KapElement> = document.querySelectorAll('kap-search')
document.addEventListener('kap-error', (e) => {
  const detail: { code: ErrorCode; message: string } = e.detail
  const event: KapErrorEvent = e
  console.log(detail, event.target)
})
cite.addEventListener('kap-error', (e) => e.detail.value)
window.addEventListener('kap-error', (e) => e.detail.cause)
// @ts-expect-error error is read-only: the element sets it
cite.error = undefined
// @ts-expect-error an error code is one of ErrorCode
const wrong: 'NO_SUCH_CODE' = cite.error!.code
// @ts-expect-error other tags stay plain elements, without error
document.querySelector('kap-nothing')!.error
export const used = [code, hint, typed, created, all, wrong]
`

let consumer = ''

beforeAll(() => {
  expect(existsSync(join(root, 'dist', 'elements.d.ts')), 'run npm run build first').toBe(true)
  consumer = mkdtempSync(join(tmpdir(), 'kap-element-types-'))
  mkdirSync(join(consumer, 'node_modules'))
  symlinkSync(root, join(consumer, 'node_modules', 'kap-literature'), 'dir')
})

/** Type-checks `source` as `file` of the consumer with these module settings; returns tsc's output. */
function check(file: string, source: string, module: string, moduleResolution: string): { code: number; out: string } {
  const dir = join(consumer, `${moduleResolution}-${file.replace(/\W/g, '-')}`)
  mkdirSync(dir, { recursive: true })
  symlinkSync(join(consumer, 'node_modules'), join(dir, 'node_modules'), 'dir')
  writeFileSync(join(dir, file), source)
  writeConsumerTsconfig(dir, [file], { module, moduleResolution, lib: ['es2022', 'dom'] })
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` }
}

describe('TypeScript declarations of the elements', () => {
  it('type querySelector, createElement and the kap-error event (moduleResolution bundler)', () => {
    const r = check('page.ts', PAGE, 'esnext', 'bundler')
    expect(r.out).toBe('')
    expect(r.code).toBe(0)
  }, 120_000)

  it('type them for node16 resolution too (an ES module page script)', () => {
    const r = check('page.mts', PAGE, 'node16', 'node16')
    expect(r.out).toBe('')
    expect(r.code).toBe(0)
  }, 120_000)

  it('the check can fail: without importing the entry, kap-cite has no error property (TS2339)', () => {
    const r = check(
      'plain.ts',
      `export const code = document.querySelector('kap-cite')!.error?.code\n`,
      'esnext',
      'bundler',
    )
    expect(r.code).not.toBe(0)
    expect(r.out).toMatch(/TS2339: Property 'error' does not exist on type 'Element'/)
  }, 120_000)
})
