/**
 * Writes src/generated/search-index.json (the search store: versioned, fingerprinted) from the built records and the
 * lay terms (data/search/lay-terms.json, checked here: a bad term fails the build with file, field, rule and fix).
 * Run by `npm run build:data` after scripts/build-data.ts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { vocabularies } from '../src/index.ts'
import { compactDocuments } from '../src/search/documents.ts'
import { layTermFile, shippedCorpus } from './lib/search-corpus.ts'
import { serializeStore } from '../src/search/store.ts'
import { shippedSharedTexts } from '../src/search/shipped-texts.ts'
import { formatIssue } from './lib/issues.ts'
import { LAY_TERMS_FILE, layRecords, layTermIssues } from './lib/lay-terms.ts'

const file = new URL('../src/generated/search-index.json', import.meta.url)
const corpus = shippedCorpus()
const issues = layTermIssues(layTermFile, layRecords(corpus))
if (issues.length > 0) {
  for (const issue of issues) console.error(formatIssue(issue))
  console.error(
    `build-search-index: ${issues.length} problem(s) in ${LAY_TERMS_FILE}; the search store was not written.`,
  )
  process.exit(1)
}
const docs = compactDocuments(corpus)
const text = serializeStore(docs, vocabularies, shippedSharedTexts)
if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
  writeFileSync(file, text)
  console.log('build-search-index: wrote src/generated/search-index.json')
}
