// Every `@example` in the TSDoc of src/ runs: each fenced block is written to .tmp/examples as a module whose
// `kap-literature…` imports point at the sources, and imported. A block that throws fails its test, so the examples in
// the API reference cannot drift from the code, and a trailing comment that shows a value (`x // 'value'`) is
// checked against it (tests/helpers/value-comments.ts). Type-only blocks run too (their types are stripped).
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { ENTRIES, toModule } from '../helpers/examples'
import { reference, root } from '../helpers/paths'
import { sourceFiles } from '../helpers/source-files'

const src = join(root, 'src')
const out = join(root, '.tmp', 'examples')

interface Example {
  name: string
  code: string
}

function examples(): Example[] {
  const list: Example[] = []
  for (const file of sourceFiles(src)) {
    const text = readFileSync(file, 'utf8')
    for (const m of text.matchAll(
      /\/\*\*([\s\S]*?)\*\/\s*(?:export\s+)?(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type|enum|abstract class)?\s*([\w$]*)/g,
    )) {
      const body = m[1]!
        .split('\n')
        .map((l) => l.replace(/^\s*\* ?/, ''))
        .join('\n')
      const line = text.slice(0, m.index).split('\n').length
      let k = 0
      for (const e of body.matchAll(/@example[^\n]*\n```(?:ts|typescript|js)?\n([\s\S]*?)```/g)) {
        list.push({
          name: `${relative(root, file)}:${line} ${m[2] || '(module)'}${k > 0 ? ` #${k + 1}` : ''}`,
          code: e[1]!,
        })
        k++
      }
    }
  }
  return list
}

const all = examples()

/** Examples run with .tmp/examples as the working directory, which holds the files they read. */
beforeAll(() => {
  rmSync(out, { recursive: true, force: true })
  mkdirSync(out, { recursive: true })
  copyFileSync(
    join(reference, 'csl-styles', 'american-medical-association.csl'),
    join(out, 'american-medical-association.csl'),
  )
  const enGb = readFileSync(join(reference, 'locales-en-US.xml'), 'utf8').replace(
    'xml:lang="en-US"',
    'xml:lang="en-GB"',
  )
  writeFileSync(join(out, 'locales-en-GB.xml'), enGb)
})
const cwd = process.cwd()
afterAll(() => {
  process.chdir(cwd)
  vi.restoreAllMocks()
})

/** Examples that read Debian's citation-style-language-styles: skipped locally without it, never in CI (.ci/run installs it). */
const debian =
  existsSync('/usr/share/citation-style-language/styles/american-medical-association.csl') || process.env.CI === 'true'
const needsDebian = (code: string) => /loadSystemStyle\(/.test(code)

describe('TSDoc examples', () => {
  it('every package entry is mapped, and there are examples to run', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown> }
    const subpaths = Object.keys(pkg.exports)
      .filter((k) => k !== './package.json')
      .map((k) => (k === '.' ? 'kap-literature' : `kap-literature/${k.slice(2)}`))
    expect(subpaths.filter((s) => ENTRIES[s] === undefined)).toEqual([])
    expect(all.length).toBeGreaterThan(100)
  })

  it.each(all.map((e, i) => [e.name, i] as const))('%s', async (_name, i) => {
    if (needsDebian(all[i]!.code) && !debian) return
    const file = join(out, `example-${String(i).padStart(3, '0')}.ts`)
    writeFileSync(file, toModule(all[i]!.code, all[i]!.name))
    process.chdir(out)
    vi.spyOn(console, 'log').mockImplementation(() => {})
    vi.spyOn(console, 'table').mockImplementation(() => {})
    await import(pathToFileURL(file).href)
  })
})
