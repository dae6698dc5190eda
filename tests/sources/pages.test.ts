// Checks that need the four clinic pages themselves. They live in ../shared/source-documents, outside the repository,
// so these tests are not part of `npm test`: run them with `npm run test:sources` (`.ci/run` does when ../shared exists).
// The default tests use the committed hashes in tests/fixtures/source-runs.json instead of the pages.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RUN_LENGTH, runHashes } from '../../scripts/lib/copy-runs'
import { claimsIn } from '../../src/check/index'
import { claims } from '../../src/index'
import { fullSources } from '../../src/details/index'

const sources = fullSources()
import { docTableRow } from '../helpers/doc-table'
import { root } from '../helpers/paths'

const sourceDir = resolve(process.env.KAP_SOURCE_DOCUMENTS ?? join(root, '..', 'shared', 'source-documents'))

describe('the clinic pages', () => {
  it('are present (set KAP_SOURCE_DOCUMENTS to their folder if they are not beside the project)', () => {
    expect(existsSync(sourceDir), sourceDir).toBe(true)
  })

  it('are the pages the records point at, one record per page', () => {
    const files = readdirSync(sourceDir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
    expect(sources.map((s) => s.file).sort()).toEqual(files)
  })

  it('match the committed hashes of their 10-word runs (re-run `npm run hash-sources` if a page changed)', () => {
    const fixture = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'source-runs.json'), 'utf8')) as {
      runLength: number
      runs: string[]
    }
    const all = new Set<string>()
    for (const f of readdirSync(sourceDir).sort())
      for (const h of runHashes(readFileSync(join(sourceDir, f), 'utf8'))) all.add(h)
    expect(fixture.runLength).toBe(RUN_LENGTH)
    expect(fixture.runs).toEqual([...all].sort())
  })

  it('the checker finds at least 70% of each page’s own claims', () => {
    const lines: string[] = ['| page | expected | found | TP | recall |', '|---|---:|---:|---:|---:|']
    for (const s of sources) {
      const expected = new Set(claims.filter((c) => c.madeBy.some((m) => m.source === s.id)).map((c) => c.id))
      const found = new Set(claimsIn(readFileSync(join(sourceDir, s.file), 'utf8')))
      const tp = [...found].filter((c) => expected.has(c)).length
      lines.push(`| ${s.id} | ${expected.size} | ${found.size} | ${tp} | ${(tp / expected.size).toFixed(2)} |`)
      expect(tp / expected.size, s.id).toBeGreaterThanOrEqual(0.7)
    }
    console.log(
      `\nClaim checker on the clinic pages (in-sample: the cues were written from these pages)\n\n${lines.join('\n')}\n`,
    )
    // docs/claim-checker.md shows the same rows in its per-page table.
    for (const row of lines.slice(2)) {
      const [, id, ...figures] = row.split('|').map((c) => c.trim())
      expect(docTableRow('claim-checker.md', `| ${id} `), `docs/claim-checker.md per-page row for ${id}`).toEqual(
        figures.slice(0, -1),
      )
    }
  })
})
