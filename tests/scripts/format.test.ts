/**
 * House style: every TypeScript and JavaScript file that Prettier formats (see `.prettierignore`) is already formatted,
 * so CI fails on unformatted code. Fix with `npm run format`.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as prettier from 'prettier'
import { describe, expect, it } from 'vitest'

const root = join(__dirname, '..', '..')

function trackedFiles(): string[] {
  const out = execFileSync(
    'git',
    ['ls-files', '-co', '--exclude-standard', '*.ts', '*.mts', '*.mjs', '*.js', '*.cjs'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  )
  return out.split('\n').filter((f) => f !== '')
}

describe('Prettier formatting', () => {
  it('every formatted file matches `prettier --check` (run `npm run format` to fix)', async () => {
    const files = trackedFiles()
    expect(files.length).toBeGreaterThan(100)
    const unformatted: string[] = []
    let checked = 0
    for (const file of files) {
      const path = join(root, file)
      const info = await prettier.getFileInfo(path, { ignorePath: join(root, '.prettierignore') })
      if (info.ignored || info.inferredParser === null) continue
      const options = (await prettier.resolveConfig(path)) ?? {}
      checked++
      if (!(await prettier.check(readFileSync(path, 'utf8'), { ...options, filepath: path }))) unformatted.push(file)
    }
    expect(checked).toBeGreaterThan(100)
    expect(unformatted).toEqual([])
  }, 60_000)

  it('formats src/, scripts/, tests/ and bench/ (a bare `data` in .prettierignore once skipped every data/ folder)', async () => {
    for (const file of ['src/data/lookup.ts', 'tests/data/abstract-runs.test.ts', 'scripts/build-data.ts']) {
      const info = await prettier.getFileInfo(join(root, file), { ignorePath: join(root, '.prettierignore') })
      expect(info.ignored, file).toBe(false)
    }
  })

  it('no source line is longer than 160 characters, except one holding a URL (issue 16)', () => {
    const long: string[] = []
    for (const file of trackedFiles().filter((f) => /^(src|scripts|tests|bench|examples)\//.test(f))) {
      if (file.includes('/vendor/') || file.startsWith('src/generated/')) continue
      readFileSync(join(root, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if ([...line].length > 160 && !/https?:\/\//.test(line)) long.push(`${file}:${i + 1}`)
        })
    }
    expect(long).toEqual([])
  })

  it('the check notices an unformatted file', async () => {
    const options = (await prettier.resolveConfig(join(root, 'src', 'index.ts'))) ?? {}
    expect(await prettier.check('const  x = {a:1}\n', { ...options, filepath: 'x.ts' })).toBe(false)
    expect(await prettier.check('const x = { a: 1 }\n', { ...options, filepath: 'x.ts' })).toBe(true)
  })
})
