/**
 * Growth: how the browser bundles of what a page imports (tests/package/budgets.ts) grow with the dataset. For 1×, 10×
 * and 100× today's records it builds a synthetic dataset (bench/synthetic.ts: same fields, vocabularies and text
 * lengths as the shipped records; claims get the evidence lists of the shipped claims they are modelled on), writes
 * the generated modules exactly as scripts/build-data.ts and scripts/build-search-index.ts would into a copy of src/,
 * gives every synthetic study an APA table entry the size of a shipped one, bundles each case with esbuild (browser,
 * ESM, minified) and prints min+gzip sizes and KB per 100 records. Usage: npx tsx bench/growth.ts [factors, e.g. 1,10,100]
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { detailFiles, generatedModules } from '../scripts/lib/generate.ts'
import { fullClaims, fullStudies } from '../src/details/index'
import { vocabularies, type CitableStudyId } from '../src/index'
import { searchFiles } from '../scripts/lib/search-files.ts'
import { budgetCases, type BudgetCase } from '../tests/package/budgets'
import { pageSize } from '../tests/package/page-size'
import { rng, syntheticCorpus } from './synthetic'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const shippedStudies = fullStudies()
const shippedClaims = fullClaims()
const today = shippedStudies.length + shippedClaims.length + 4
const factors = (process.argv[2] ?? '1,10,100').split(',').map(Number)
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version
const apa = JSON.parse(readFileSync(join(root, 'src', 'citations', 'data', 'apa.json'), 'utf8')) as {
  entries: Record<string, unknown>
}
const shippedEntries = Object.values(apa.entries)

/** A copy of src/ whose generated modules and APA table hold a synthetic dataset of about `n` records. */
function sourceTree(n: number): { dir: string; records: number } {
  const corpus = syntheticCorpus(n)
  const random = rng(n)
  const claims = corpus.claims.map((c, i) => ({
    ...c,
    evidence: shippedClaims[i % shippedClaims.length]!.evidence.map((e) => ({
      ...e,
      // Synthetic studies are all citable (the type excludes the shipped leads by name).
      study: corpus.studies[Math.floor(random() * corpus.studies.length)]!.id as CitableStudyId,
    })),
  }))
  const data = {
    studies: corpus.studies as unknown as Record<string, unknown>[],
    claims: claims as unknown as Record<string, unknown>[],
    sources: corpus.sources as unknown as Record<string, unknown>[],
    vocab: new Map(
      Object.entries({ ...vocabularies, 'citation-problems': vocabularies.citationProblems })
        .filter(([k]) => k !== 'citationProblems')
        .map(([k, v]) => [k, [...v]]),
    ) as never,
  }
  mkdirSync(join(root, '.tmp'), { recursive: true })
  const dir = mkdtempSync(join(root, '.tmp', `growth-${n}-`))
  cpSync(join(root, 'src'), join(dir, 'src'), { recursive: true })
  cpSync(join(root, 'data', 'search'), join(dir, 'data', 'search'), { recursive: true })
  const gen = join(dir, 'src', 'generated')
  rmSync(gen, { recursive: true, force: true })
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, text)
  }
  // Every module scripts/build-data.ts generates, so each entry bundles as it does from the shipped data.
  for (const [file, text] of generatedModules(data, version)) write(join(gen, file), text)
  for (const [path, text] of detailFiles(data)) write(join(gen, path), text)
  // Written as the shipped store is: without what the page already has — the ids and claim statements of the
  // generated modules above, which list the records in the dataset's order.
  const shared = {
    claimStatements: claims.map((c) => c.statement),
    ids: {
      study: corpus.studies.map((r) => r.id),
      claim: claims.map((r) => r.id),
      source: corpus.sources.map((r) => r.id),
    },
  }
  // The full-text supplement too (loaded only by loadFullText(), so no page case below pays for it).
  for (const [file, text] of searchFiles({ ...corpus, claims }, vocabularies, shared)) write(join(gen, file), text)
  // Each entry keeps a shipped entry's shape (italics, links, ranks) with this record's own authors, year and title,
  // so the table compresses like real references rather than like copies.
  const entries = Object.fromEntries(
    [...corpus.studies, ...corpus.sources].map((r, i) => {
      const model = shippedEntries[i % shippedEntries.length] as { ref: unknown[] } & Record<string, unknown>
      const names = (r.csl.author ?? []).map((a) => `${a.family ?? a.literal ?? ''}, ${(a.given ?? '').slice(0, 1)}.`)
      const year = String(r.csl.issued?.['date-parts'][0]?.[0] ?? 'n.d.')
      const first = r.csl.author?.[0]?.family ?? 'Anon'
      const lead = `${names.join(', ')} (${year}). ${r.csl.title ?? ''}. `
      return [
        r.id,
        {
          ...model,
          ref: [lead, ...model.ref.slice(1)],
          cite: [`${first} et al., ${year}`],
          author: [`${first} et al.`],
          year,
        },
      ]
    }),
  )
  write(join(dir, 'src', 'citations', 'data', 'apa.json'), JSON.stringify({ ...apa, entries }))
  return { dir, records: corpus.studies.length + claims.length + corpus.sources.length }
}

async function gzipOf(c: BudgetCase, dir: string): Promise<number> {
  const src = join(dir, 'src')
  const alias: Record<string, string> = {
    'kap-literature/citations/apa': join(src, 'citations', 'apa.ts'),
    'kap-literature/citations': join(src, 'citations', 'index.ts'),
    'kap-literature/details': join(src, 'details', 'index.ts'),
    'kap-literature/search': join(src, 'search', 'index.ts'),
    'kap-literature/jsonld': join(src, 'jsonld', 'index.ts'),
    'kap-literature/cite': join(src, 'cite', 'index.ts'),
    'kap-literature': join(src, 'index.ts'),
    'node-fetch': join(src, 'cite', 'node-fetch-shim.ts'),
    'sync-fetch': join(src, 'cite', 'sync-fetch-shim.ts'),
  }
  return (await pageSize(c.code.replaceAll('PKG', 'kap-literature'), c.split, { resolveDir: root, alias })).gzip
}

const kb = (bytes: number): string => (bytes / 1024).toFixed(1)
const rows: { label: string; budget: number; sizes: number[] }[] = budgetCases.map((c) => ({
  label: c.label,
  budget: c.budget,
  sizes: [],
}))
const counts: number[] = []
for (const f of factors) {
  const tree = sourceTree(f * today)
  counts.push(tree.records)
  for (const [i, c] of budgetCases.entries()) rows[i]!.sizes.push(await gzipOf(c, tree.dir))
  rmSync(tree.dir, { recursive: true, force: true })
}
console.log(
  `## Growth (synthetic datasets; esbuild browser ESM, minified, gzip; ${new Date().toISOString().slice(0, 10)})\n`,
)
console.log(
  `| import | ${factors.map((f, i) => `${f}× (${counts[i]} records)`).join(' | ')} | KB per 100 records (1× → ${factors.at(-1)}×) | budget at 1× |`,
)
console.log(`|---|${factors.map(() => '---|').join('')}---|---|`)
for (const r of rows) {
  // One factor alone gives no growth to report.
  const per100 = counts.length < 2 ? undefined : ((r.sizes.at(-1)! - r.sizes[0]!) / (counts.at(-1)! - counts[0]!)) * 100
  const ok = r.sizes[0]! <= r.budget ? '✓' : '✗'
  console.log(
    `| ${r.label} | ${r.sizes.map((s) => `${kb(s)} KB`).join(' | ')} | ${per100 === undefined ? '—' : `${kb(per100)} KB`} | ${kb(r.budget)} KB ${ok} |`,
  )
}
