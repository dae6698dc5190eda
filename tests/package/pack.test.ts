/**
 * The package as users meet it: `npm pack`, install the tarball into a fresh project (offline: its dependencies are
 * linked from this checkout's node_modules, so no registry is contacted), then import every entry from ESM and CJS,
 * typecheck consumers under node16 and bundler resolution, run the bin, bundle every entry for the browser, run
 * publint and attw, and check the size budgets.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, posix } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { beforeAll, describe, expect, it } from 'vitest'
import { writeConsumerTsconfig } from '../helpers/consumer-tsconfig'
import { root } from '../helpers/paths'
import { budgetCases, budgets } from './budgets'
import { pageSize } from './page-size'
import { bundleSizeRows } from '../helpers/doc-table'
import { getFullStudy } from '../../src/details/index'
import { claimIds, sourceIds, studyIds, type StudyId } from '../../src/index'

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string
  version: string
  exports: Record<string, unknown>
  dependencies?: Record<string, string>
}
const subpaths = Object.keys(pkg.exports).filter((k) => k !== './package.json')
const specifiers = subpaths.map((k) => (k === '.' ? pkg.name : `${pkg.name}/${k.slice(2)}`))
let consumer = ''
let packedFiles: string[] = []

function run(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } })
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` }
}

beforeAll(() => {
  const work = mkdtempSync(join(tmpdir(), 'kap-pack-'))
  const json = execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' })
  const info = JSON.parse(json) as [{ filename: string; files: { path: string }[] }]
  packedFiles = info[0].files.map((f) => f.path).sort()
  consumer = join(work, 'consumer')
  const installed = join(consumer, 'node_modules', pkg.name)
  mkdirSync(installed, { recursive: true })
  execFileSync('tar', ['-xzf', join(work, info[0].filename), '-C', installed, '--strip-components=1'])
  // Dependencies come from this checkout's install (offline); only what package.json declares is linked.
  for (const dep of Object.keys(pkg.dependencies ?? {})) {
    const target = join(consumer, 'node_modules', dep)
    mkdirSync(join(target, '..'), { recursive: true })
    symlinkSync(join(root, 'node_modules', dep), target, 'dir')
  }
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }))
}, 180_000)

describe('the packed tarball', () => {
  it('contains only what users need', () => {
    const tops = [...new Set(packedFiles.map((f) => f.split('/')[0]))].sort()
    expect(tops).toEqual([
      'CHANGELOG.md',
      'CONTRIBUTING.md',
      'DATA-LICENSE.md',
      'LICENSE',
      'NOTICE',
      'README.md',
      'SECURITY.md',
      'dist',
      'docs',
      'package.json',
    ])
    // The guides README links to ship; the generated API reference does not.
    expect(packedFiles.filter((f) => f.startsWith('docs/')).every((f) => /^docs\/[\w-]+\.md$/.test(f))).toBe(true)
    expect(packedFiles).toContain('docs/data-policy.md')
    expect(packedFiles.some((f) => f.startsWith('dist/') && f.endsWith('.map'))).toBe(false)
  })
  it('every relative link in a packed Markdown file points at a packed file (issue 16)', () => {
    const dead: string[] = []
    for (const file of packedFiles.filter((f) => f.endsWith('.md'))) {
      const text = readFileSync(join(root, file), 'utf8').replace(/```[\s\S]*?```|`[^`\n]*`/g, '')
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1]!.split('#')[0]!
        if (target === '' || /^[a-z]+:/i.test(target)) continue
        const resolved = posix.normalize(posix.join(posix.dirname(file), target)).replace(/\/$/, '')
        if (!packedFiles.some((f) => f === resolved || f.startsWith(`${resolved}/`))) dead.push(`${file} → ${m[1]}`)
      }
    }
    expect(dead).toEqual([])
  })
  it('has no runtime dependencies: citation-js is bundled into dist/cite.* with its unused fetch modules shimmed', () => {
    expect(pkg.dependencies ?? {}).toEqual({})
  })
  it('has no install scripts', () => {
    const scripts = (
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts
    for (const s of ['preinstall', 'install', 'postinstall', 'prepare', 'prepack', 'postpack'])
      expect(scripts[s], s).toBeUndefined()
  })
})

describe('installed package', () => {
  it('every entry imports from ESM and requires from CJS', () => {
    for (const spec of specifiers) {
      const esm = run(
        process.execPath,
        ['--input-type=module', '-e', `import * as m from '${spec}'; console.log(Object.keys(m).length)`],
        consumer,
      )
      expect(esm.code, `${spec} ESM: ${esm.out}`).toBe(0)
      expect(Number(esm.out.trim())).toBeGreaterThan(0)
      const cjs = run(process.execPath, ['-e', `console.log(Object.keys(require('${spec}')).length)`], consumer)
      expect(cjs.code, `${spec} CJS: ${cjs.out}`).toBe(0)
      expect(cjs.out.trim()).toBe(esm.out.trim())
    }
  })
  it('gives real results from the main entries', () => {
    const r = run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { getStudy } from 'kap-literature'; import { formatCitation } from 'kap-literature/citations'; ` +
          `console.log(getStudy('wilkinson-2021').csl.PMID, formatCitation('dore-2019'))`,
      ],
      consumer,
    )
    expect(r.out.trim()).toBe('34186531 (Dore et al., 2019)')
  })
  it('runs the bin', () => {
    const r = run(
      process.execPath,
      [join(consumer, 'node_modules', pkg.name, 'dist', 'cli.js'), 'show', 'dore-2019', '--json'],
      consumer,
    )
    expect(r.code, r.out).toBe(0)
    expect((JSON.parse(r.out) as { record: { id: string } }).record.id).toBe('dore-2019')
  })
  // node10 (the old `moduleResolution: node`) ignores the exports map; package.json's typesVersions gives it the subpaths.
  for (const resolution of ['node16', 'bundler', 'node10'] as const) {
    it(`typechecks consumers of every entry (moduleResolution ${resolution})`, () => {
      const dir = join(consumer, `ts-${resolution}`)
      mkdirSync(dir, { recursive: true })
      cpSync(join(consumer, 'node_modules'), join(dir, 'node_modules'), { recursive: true, verbatimSymlinks: true })
      const uses = `import type { StudyId, ClaimId, StudyCore, Study } from 'kap-literature'
import { getStudy, getClaim, studies } from 'kap-literature'
import { getFullStudy, loadDetails } from 'kap-literature/details'
import { formatReference, type CitationStyle } from 'kap-literature/citations'
import { apa } from 'kap-literature/citations/apa'
import * as search from 'kap-literature/search'
import * as cite from 'kap-literature/cite'
import { toJsonLd } from 'kap-literature/jsonld'
import { evidenceMap } from 'kap-literature/map'
const id: StudyId = 'dore-2019'
const claim: ClaimId = 'without-therapy-ketamine-effects-fade-faster'
const s: StudyCore = getStudy(id)
const full: Study = getFullStudy(id)
export const later = loadDetails(claim).then((d) => d.verdictNote)
const style: CitationStyle = 'vancouver'
// @ts-expect-error a typo in an id is a compile error
getStudy('dore-2091')
export const out = [
  s.csl.title, full.limitations, getClaim(claim).verdict, studies.length, formatReference(id, { style }),
  apa.formatReference(id), Object.keys(search).length, Object.keys(cite).length, toJsonLd(id),
  evidenceMap({ topic: 'efficacy', format: 'svg' }),
]
`
      const files = resolution === 'node10' ? ['index.ts'] : ['esm.mts', 'cjs.cts']
      for (const f of files) writeFileSync(join(dir, f), uses)
      const module = resolution === 'node16' ? 'node16' : resolution === 'node10' ? 'commonjs' : 'esnext'
      writeConsumerTsconfig(dir, files, {
        module,
        moduleResolution: resolution,
        ...(resolution === 'node10' ? { ignoreDeprecations: '6.0' } : {}),
      })
      const r = run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], dir)
      expect(r.out).toBe('')
      expect(r.code).toBe(0)
    })
  }
})

describe('browser bundles', () => {
  const sizes: Record<string, number> = {}
  it('every entry bundles for the browser with no Node built-ins and no warnings', async () => {
    for (const spec of specifiers) {
      const result = await build({
        stdin: { contents: `import * as m from '${spec}'; console.log(m)`, resolveDir: consumer, loader: 'js' },
        bundle: true,
        minify: true,
        format: 'esm',
        platform: 'browser',
        conditions: ['browser'],
        write: false,
        logLevel: 'silent',
      })
      expect(
        result.warnings.map((w) => w.text),
        spec,
      ).toEqual([])
      const code = result.outputFiles[0]!.text
      expect(code, spec).not.toMatch(/from\s*["']node:/)
      sizes[spec] = gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length
    }
    console.log('gzip sizes of whole entries (bytes):', JSON.stringify(sizes))
    expect(sizes['kap-literature']!, 'data entry').toBeLessThanOrEqual(budgets.data)
  })
  const measured: number[] = []
  it('what a page imports stays within its budget (issue 15)', async () => {
    const rows: string[] = []
    for (const c of budgetCases) {
      const page = await pageSize(c.code.replaceAll('PKG', pkg.name), c.split, {
        resolveDir: consumer,
        conditions: ['browser'],
      })
      measured.push(page.gzip)
      rows.push(`${c.label}: ${(page.gzip / 1024).toFixed(1)} KB (budget ${(c.budget / 1024).toFixed(0)} KB)`)
      expect(page.warnings, c.label).toEqual([])
      expect(page.gzip, c.label).toBeLessThanOrEqual(c.budget)
    }
    console.log(rows.join('\n'))
  })
  it('the sizes docs/clinic-sites.md shows are measured (within 0.5 KB or 2%)', () => {
    expect(measured).toHaveLength(budgetCases.length)
    const off = bundleSizeRows()
      .map((row, i) => ({ row, kb: measured[i]! / 1024 }))
      .filter(({ row, kb }) => Math.abs(row.size - kb) > Math.max(0.5, kb * 0.02))
      .map(({ row, kb }) => `${row.label}: the page says ${row.size} KB, measured ${kb.toFixed(1)} KB`)
    expect(off).toEqual([])
  })
  it('a page that loads details on demand loads one small chunk per record and nothing else (audit 36)', async () => {
    const code = `import { loadDetails } from '${pkg.name}/details'; loadDetails('dore-2019').then(console.log)`
    const page = await pageSize(code, 'up-front', { resolveDir: consumer, conditions: ['browser'] })
    const records = [...studyIds, ...claimIds, ...sourceIds]
    const findings = (id: StudyId) => getFullStudy(id).findings.slice(0, 40)
    // Up front: one file (the loader, the ids, the error helpers), with no record's detail in it.
    expect(page.upFrontFiles).toHaveLength(1)
    expect(page.upFront).toBeLessThanOrEqual(budgetCases.find((c) => c.split === 'up-front')!.budget)
    expect(page.upFrontText).not.toContain(getFullStudy('dore-2019').limitations.slice(0, 40))
    // On demand: one chunk per record, which holds that record's detail and no other's.
    expect(page.onDemand).toHaveLength(records.length)
    for (const d of page.onDemand) expect(d.files).toHaveLength(1)
    const dore = page.onDemand.filter((d) => d.text.includes(findings('dore-2019')))
    expect(dore).toHaveLength(1)
    expect(dore[0]!.text).not.toContain(findings('wilkinson-2021'))
    // Every chunk is small beside what the whole set of details weighs (which esbuild without splitting bundles).
    const total = page.onDemand.reduce((sum, d) => sum + d.gzip, 0)
    for (const d of page.onDemand) expect(d.gzip).toBeLessThan(total / 20)
    console.log(
      `loadDetails: ${(page.upFront / 1024).toFixed(1)} KB up front; dore-2019 ${(dore[0]!.gzip / 1024).toFixed(1)} KB ` +
        `on demand; records' chunks ${(Math.min(...page.onDemand.map((d) => d.gzip)) / 1024).toFixed(1)}–` +
        `${(Math.max(...page.onDemand.map((d) => d.gzip)) / 1024).toFixed(1)} KB (all ${(total / 1024).toFixed(0)} KB)`,
    )
  })
  it('each path to a record’s detail bundles that detail once: the table for getDetails, a chunk for loadDetails', async () => {
    const dore = getFullStudy('dore-2019').findings.slice(0, 40)
    for (const fn of ['getDetails', 'loadDetails']) {
      const code = `import { ${fn} } from '${pkg.name}/details'; console.log(${fn}('dore-2019'))`
      const page = await pageSize(code, undefined, { resolveDir: consumer, conditions: ['browser'] })
      expect(page.upFrontText.split(dore).length - 1, fn).toBe(1)
    }
  })
})

describe('package linting', () => {
  it('publint finds nothing', () => {
    const r = run(process.execPath, [join(root, 'node_modules', 'publint', 'src', 'cli.js'), '--strict'], root)
    expect(r.out, r.out).toMatch(/All good/)
  })
  it('attw (node16 profile) finds no problems', () => {
    const r = run(
      process.execPath,
      [
        join(root, 'node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js'),
        '--pack',
        '.',
        '--profile',
        'node16',
        '--format',
        'ascii',
      ],
      root,
    )
    expect(r.code, r.out).toBe(0)
  })
})

// Keep the list of files in dist/ honest: every entry in the exports map exists.
it('every exports target exists in dist', () => {
  const dist = readdirSync(join(root, 'dist'), { recursive: true }).map(String)
  for (const target of JSON.stringify(pkg.exports).match(/\.\/dist\/[^"]+/g) ?? [])
    expect(dist, target).toContain(target.slice('./dist/'.length))
})
