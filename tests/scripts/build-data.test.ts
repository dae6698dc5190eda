import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeDataDir, validStudy, variant } from '../helpers/fixture-data.ts'
import { root } from '../helpers/paths.ts'

function build(dataDir: string) {
  const out = mkdtempSync(join(tmpdir(), 'kap-out-'))
  const docs = mkdtempSync(join(tmpdir(), 'kap-docs-'))
  try {
    const stdout = execFileSync(
      process.execPath,
      ['--import', 'tsx', join(root, 'scripts/build-data.ts'), '--data', dataDir, '--out', out, '--docs', docs],
      { cwd: root, encoding: 'utf8', stdio: 'pipe' },
    )
    return { code: 0, stdout, stderr: '', out, docs }
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string }
    return { code: err.status, stdout: err.stdout, stderr: err.stderr, out, docs }
  }
}

describe('scripts/build-data.ts', () => {
  it('writes typed modules and a coverage report for valid data', () => {
    const r = build(makeDataDir())
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/1 studies, 1 claims, 1 sources/)
    const ids = readFileSync(join(r.out, 'ids.ts'), 'utf8')
    expect(ids).toContain("export const studyIds = /* @__PURE__ */ Object.freeze([\n  'example-2020',\n] as const)")
    // API docs read as English.
    expect(ids).toContain('/** The id of a shipped study. A typo is a compile error. */')
    expect(ids).not.toContain('One of the')
    expect(ids).toContain('export type StudyId = (typeof studyIds)[number]')
    expect(readFileSync(join(r.out, 'core.ts'), 'utf8')).toContain('deepFreeze(')
    expect(readFileSync(join(r.docs, 'coverage.md'), 'utf8')).toMatch(/\| Overstated \(`overstated`\) \| 1 \|/)
  })
  it("keeps a study's look-ups in its data file: the details it writes leave them out", () => {
    const lookups = 'Round 2 (2026-12-03): searched the title and the DOI; no page printed the PMID.'
    const r = build(
      makeDataDir({
        'studies/example-2020.yaml': variant(validStudy(), (s) => {
          s.verification.lookups = lookups
        }),
      }),
    )
    expect(r.code).toBe(0)
    const detail = JSON.parse(readFileSync(join(r.out, 'details', 'study', 'example-2020.json'), 'utf8'))
    expect(detail.verification.checked).toBe((validStudy().verification as { checked: string }).checked)
    expect(Object.keys(detail.verification)).not.toContain('lookups')
    expect(readFileSync(join(r.out, 'details-all.json'), 'utf8')).not.toContain('searched the title')
    // A look-up log that is not text is refused like any other field.
    const bad = build(
      makeDataDir({ 'studies/example-2020.yaml': variant(validStudy(), (s) => void (s.verification.lookups = 3)) }),
    )
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/lookups/)
  })
  it('stops on a bad DOI, names file, field, rule and fix, and writes nothing', () => {
    const r = build(
      makeDataDir({
        'studies/example-2020.yaml': variant(validStudy(), (s) => (s.csl.DOI = 'doi:10.5555/example.2020')),
      }),
    )
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(
      'data/studies/example-2020.yaml: csl.DOI: [doi-format] "doi:10.5555/example.2020" is not a bare DOI',
    )
    expect(r.stderr).toContain('Fix: Write it without the prefix: 10.5555/example.2020')
    expect(r.stderr).toMatch(/1 problem\(s\) in .*; nothing was written\./)
    expect(readdirSync(r.out)).toEqual([])
    expect(existsSync(join(r.docs, 'coverage.md'))).toBe(false)
  })
})
