// The generated-file policy (CONTRIBUTING.md): what reviewers must see in diffs is committed and checked here;
// everything else under src/generated is built and never committed.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { coverageReport } from '../../scripts/lib/generate.ts'
import { runPipeline } from '../../scripts/lib/pipeline.ts'
import { root } from '../helpers/paths'

describe('generated files', () => {
  it('docs/coverage.md is current with data/ (run `npm run build:coverage` and commit it)', () => {
    const result = runPipeline(join(root, 'data'), { schemaDir: join(root, 'data', 'schema') })
    expect(result.issues).toEqual([])
    const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version
    const fresh = coverageReport(result.dataset!, version)
    expect(
      readFileSync(join(root, 'docs', 'coverage.md'), 'utf8') === fresh,
      'docs/coverage.md is stale: run `npm run build:coverage` and commit it',
    ).toBe(true)
  })

  it('names a page without a confirmed title by its own heading, saying where that heading comes from', () => {
    const result = runPipeline(join(root, 'data'), { schemaDir: join(root, 'data', 'schema') })
    // Every shipped page now has a confirmed title: take one away, as a record whose page is not found would be.
    const dataset = structuredClone(result.dataset!) as unknown as {
      sources: { id: string; csl: Record<string, unknown>; documentTitle?: string }[]
    }
    const page = dataset.sources.find((s) => s.id === 'kap-series-part-2-how-kap-works')!
    page.documentTitle = page.csl.title as string
    delete page.csl.title
    const report = coverageReport(dataset as unknown as typeof result.dataset & object, '0.0.0')
    const row = report.split('\n').find((line) => line.startsWith('| `kap-series-part-2-how-kap-works` |'))
    const heading = 'Part 2: How Does Ketamine Assisted Psychotherapy (KAP) Work?'
    expect(row).toBe(
      `| \`kap-series-part-2-how-kap-works\` | ${heading} (the document's own heading; no public copy found) | 32 |`,
    )
    expect(report).not.toContain('title not confirmed')
  })

  it('splits journal articles into evidence and leads, listing what each lead still lacks', () => {
    const result = runPipeline(join(root, 'data'), { schemaDir: join(root, 'data', 'schema') })
    const studies = result.dataset!.studies as {
      id: string
      csl: { type: string; author?: unknown; PMID?: string }
      unusedReason?: string
      verification: { missing: string[] }
    }[]
    const report = coverageReport(result.dataset!, '0.0.0')
    const articles = studies.filter((s) => s.csl.type === 'article-journal')
    const evidence = articles.filter((s) => s.unusedReason === undefined)
    const leads = articles.filter((s) => s.unusedReason !== undefined)
    expect(leads.length).toBeGreaterThan(0)
    // Every study used as evidence has its authors (evidence-citable), so the evidence column is complete.
    expect(report).toContain(`| \`author\` | ${evidence.length}/${evidence.length} (100%) |`)
    for (const lead of leads) {
      expect(report).toContain(`| \`${lead.id}\` | ${lead.verification.missing.join(', ') || 'nothing'} |`)
    }
    const withoutPmid = articles.filter((s) => s.csl.PMID === undefined).map((s) => `\`${s.id}\``)
    expect(report).toContain(`Journal articles without a PMID: ${withoutPmid.length}/${articles.length}`)
    expect(report).toContain(withoutPmid.join(', '))
  })

  it('nothing built is tracked by git', () => {
    const tracked = execFileSync('git', ['ls-files', 'src/generated', 'dist', 'docs/api'], {
      cwd: root,
      encoding: 'utf8',
    })
    expect(tracked).toBe('')
  })
})
