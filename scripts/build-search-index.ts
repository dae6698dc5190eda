/**
 * Writes src/generated/search-index.json (the search store: versioned, fingerprinted) from the built records.
 * Run by `npm run build:data` after scripts/build-data.ts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { vocabularies } from '../src/index.ts'
import { fullClaims, fullSources, fullStudies } from '../src/details/index.ts'
import { compactDocuments } from '../src/search/documents.ts'
import { serializeStore } from '../src/search/store.ts'
import { claimStatements } from '../src/generated/claim-statements.ts'

const file = new URL('../src/generated/search-index.json', import.meta.url)
const docs = compactDocuments({ studies: fullStudies(), claims: fullClaims(), sources: fullSources(), vocabularies })
const text = serializeStore(docs, vocabularies, claimStatements)
if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
  writeFileSync(file, text)
  console.log('build-search-index: wrote src/generated/search-index.json')
}
