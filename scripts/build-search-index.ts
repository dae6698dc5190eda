/**
 * Writes src/generated/search-index.json (the search store: versioned, fingerprinted) from the built records and the
 * lay terms (data/search/lay-terms.json, checked here: a bad term fails the build with file, field, rule and fix).
 * Run by `npm run build:data` after scripts/build-data.ts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { vocabularies } from '../src/index.ts'
import { compactDocuments } from '../src/search/documents.ts'
import { shippedCorpus } from './lib/search-corpus.ts'
import { serializeStore } from '../src/search/store.ts'
import { claimStatements } from '../src/generated/claim-statements.ts'
import { formatIssue } from './lib/issues.ts'
import { LAY_TERMS_FILE, layTermIssues } from './lib/lay-terms.ts'

const root = new URL('../', import.meta.url)
const file = new URL('src/generated/search-index.json', root)
const corpus = shippedCorpus()
const { studies, claims, sources } = corpus
const layTerms: unknown = JSON.parse(readFileSync(new URL(LAY_TERMS_FILE, root), 'utf8'))
const records = [
  ...studies.map((r) => ({ key: `study:${r.id}`, text: JSON.stringify(r).toLowerCase() })),
  ...claims.map((r) => ({ key: `claim:${r.id}`, text: JSON.stringify(r).toLowerCase() })),
  ...sources.map((r) => ({ key: `source:${r.id}`, text: JSON.stringify(r).toLowerCase() })),
]
const synonyms = readFileSync(new URL('data/search/synonyms.json', root), 'utf8').toLowerCase()
const issues = layTermIssues(layTerms, records, synonyms)
if (issues.length > 0) {
  for (const issue of issues) console.error(formatIssue(issue))
  console.error(
    `build-search-index: ${issues.length} problem(s) in ${LAY_TERMS_FILE}; the search store was not written.`,
  )
  process.exit(1)
}
const docs = compactDocuments(corpus)
const text = serializeStore(docs, vocabularies, claimStatements)
if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
  writeFileSync(file, text)
  console.log('build-search-index: wrote src/generated/search-index.json')
}
