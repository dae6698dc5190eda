/**
 * Citation benchmarks: cold start against citation-js, warm per-reference cost, and browser bundle sizes.
 * Run after `npm run build`: `npx tsx bench/citations.ts`. Prints a Markdown table.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Cite } from '@citation-js/core'
import '@citation-js/plugin-csl'
import { formatReference } from '../src/citations/index'
import { getStudy } from '../src/index'
import { bundleSize, coldRuns, kb, median, ms, percentile } from './lib'

const root = join(import.meta.dirname, '..')
const ids = ['dore-2019', 'grunebaum-2018', 'wilkinson-2021'] as const
const runs = Number(process.env.BENCH_RUNS ?? 9)
const tmp = mkdtempSync(join(tmpdir(), 'kap-bench-'))
writeFileSync(join(tmp, 'records.json'), JSON.stringify(ids.map((id) => getStudy(id).csl)))

const ours = `import('kap-literature/citations').then((m) => console.log(m.formatBibliography(${JSON.stringify(ids)}, { style: 'apa' })))`
const theirs = `Promise.all([import('@citation-js/core'), import('@citation-js/plugin-csl'), import('node:fs')]).then(([{ Cite }, , fs]) => {
  const records = JSON.parse(fs.readFileSync(${JSON.stringify(join(tmp, 'records.json'))}, 'utf8'))
  console.log(new Cite(records, { forceType: '@csl/list+object' }).format('bibliography', { style: 'apa' }))
})`
const bare = coldRuns(['-e', '0'], runs, root)
const a = coldRuns(['--input-type=module', '-e', ours], runs, root)
const b = coldRuns(['--input-type=module', '-e', theirs], runs, root)
if (a.output.trim() !== b.output.trim()) throw new Error(`bench: outputs differ\n${a.output}\n---\n${b.output}`)

// Warm: per-reference cost, after warm-up.
const cite = new Cite(
  ids.map((id) => getStudy(id).csl),
  { forceType: '@csl/list+object' },
)
for (let i = 0; i < 20; i++) cite.format('bibliography', { style: 'apa', entry: [ids[i % 3]!] })
const warmTheirs: number[] = []
for (let i = 0; i < 300; i++) {
  const t0 = performance.now()
  cite.format('bibliography', { style: 'apa', format: 'html', entry: [ids[i % 3]!] })
  warmTheirs.push(performance.now() - t0)
}
for (let i = 0; i < 200; i++) formatReference(ids[i % 3]!, { format: 'html' })
const warmOurs: number[] = []
for (let i = 0; i < 5000; i++) {
  const t0 = performance.now()
  formatReference(ids[i % 3]!, { format: 'html' })
  warmOurs.push(performance.now() - t0)
}

const one = await bundleSize(
  `import { apa } from './src/citations/apa.ts'; console.log(apa.formatReference('dore-2019'))`,
  root,
)
const all = await bundleSize(
  `import * as c from './src/citations/index.ts'; console.log(c.formatReference('dore-2019', { style: 'mla' }))`,
  root,
)
const data = await bundleSize(`import * as k from './src/index.ts'; console.log(k.studies.length)`, root)
let citeSize: { min: number; gzip: number } | undefined
try {
  citeSize = await bundleSize(`import * as c from './src/cite/index.ts'; console.log(Object.keys(c))`, root, {
    'node-fetch': './src/cite/node-fetch-shim.ts',
  })
} catch {
  citeSize = undefined
}

const coldRow =
  `| cold: fresh process prints the APA bibliography of 3 page-cited studies ` +
  `| ${ms(a.median)} ms (${ms(a.min)}–${ms(a.max)}) | ${ms(b.median)} ms (${ms(b.min)}–${ms(b.max)}) ` +
  `| ${(b.median / a.median).toFixed(1)}× faster |`
const warmRow =
  `| warm: one reference, HTML (p50 / p99) | ${ms(median(warmOurs))} / ${ms(percentile(warmOurs, 99))} ms ` +
  `| ${ms(median(warmTheirs))} / ${ms(percentile(warmTheirs, 99))} ms ` +
  `| ${(median(warmTheirs) / median(warmOurs)).toFixed(0)}× faster |`

console.log(`## Citations (Node ${process.version}, ${runs} cold runs each, median)

| measure | kap-literature/citations | citation-js (core + plugin-csl 0.8.2) | ratio |
|---|---|---|---|
${coldRow}
| cold: against a bare \`node -e 0\` (${ms(bare.median)} ms) | ${(a.median / bare.median).toFixed(2)}× | ${(b.median / bare.median).toFixed(2)}× | |
${warmRow}

| browser bundle (esbuild, minified) | min | gzip |
|---|---|---|
| \`kap-literature/citations/apa\` (one style, all shipped records) | ${kb(one.min)} | ${kb(one.gzip)} |
| \`kap-literature/citations\` (all six styles) | ${kb(all.min)} | ${kb(all.gzip)} |
| \`kap-literature\` (data entry, for comparison) | ${kb(data.min)} | ${kb(data.gzip)} |
| \`kap-literature/cite\` (citation-js, node-fetch aliased) | ${citeSize ? kb(citeSize.min) : 'n/a'} | ${citeSize ? kb(citeSize.gzip) : 'n/a'} |
`)
