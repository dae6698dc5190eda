// Own words against the papers: no study or claim text repeats 8 or more consecutive words of an abstract a curator
// read. The abstracts never enter the repository; tests/fixtures/abstract-runs/<study>.json holds only hashes of
// their 8-word runs (written by scripts/hash-abstract-runs.ts). The clinic pages are checked at 10 words in
// tests/data/invariants.test.ts.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ABSTRACT_RUN_LENGTH, copiedRuns, hashRun, words } from '../../scripts/lib/copy-runs'
import { claims, isStudyId, studies } from '../../src/index'
import { root } from '../helpers/paths'

const dir = join(root, 'tests', 'fixtures', 'abstract-runs')
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({
    file: f,
    ...(JSON.parse(readFileSync(join(dir, f), 'utf8')) as {
      study: string
      runLength: number
      pages: string[]
      runs: string[]
    }),
  }))
const hashes = new Set(fixtures.flatMap((f) => f.runs))

/** Every own-words text of a record: everything but csl, URLs and the verification block. */
function texts(where: string, v: unknown, out: [string, string][] = []): [string, string][] {
  if (typeof v === 'string') out.push([where, v])
  else if (v !== null && typeof v === 'object')
    for (const [k, x] of Object.entries(v))
      if (!['csl', 'url', 'URL', 'verification'].includes(k)) texts(`${where}.${k}`, x, out)
  return out
}

describe('own words against the abstracts read', () => {
  it('the fixtures hold hashes of 8-word runs, named by study, with the pages they were read on', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(30)
    for (const f of fixtures) {
      expect(f.file).toBe(`${f.study}.json`)
      expect(isStudyId(f.study), f.study).toBe(true)
      expect(f.runLength).toBe(ABSTRACT_RUN_LENGTH)
      expect(f.pages.length).toBeGreaterThan(0)
      for (const h of f.runs.slice(0, 5)) expect(h).toMatch(/^[0-9a-f]{16}$/)
    }
  })
  it('no study or claim text repeats 8 consecutive words of an abstract', () => {
    const offenders: string[] = []
    for (const r of [...studies, ...claims])
      for (const [where, text] of texts(r.id, r))
        for (const run of copiedRuns(text, hashes, ABSTRACT_RUN_LENGTH)) offenders.push(`${where}: "${run}"`)
    expect(offenders).toEqual([])
  })
  it('the check catches a copied run (it can fail)', () => {
    const sample = 'ketamine was given to adults with depression in a trial'
    const w = words(sample)
    const planted = new Set([hashRun(w.slice(0, ABSTRACT_RUN_LENGTH).join(' '))])
    expect(copiedRuns(`Here ${sample} again.`, planted, ABSTRACT_RUN_LENGTH)).toEqual([
      w.slice(0, ABSTRACT_RUN_LENGTH).join(' '),
    ])
  })
})
