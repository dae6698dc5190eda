/**
 * Writes src/generated/search-index.json (the precomputed, versioned search index) from the built records.
 * Run by `npm run build:data` after scripts/build-data.ts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { claims, sources, studies, vocabularies } from '../src/index.ts'
import { buildDocuments } from '../src/search/documents.ts'
import { buildIndexData, serializeIndex } from '../src/search/store.ts'

const file = new URL('../src/generated/search-index.json', import.meta.url)
const docs = buildDocuments({ studies, claims, sources, vocabularies })
const text = serializeIndex(buildIndexData(docs), docs)
if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
  writeFileSync(file, text)
  console.log('build-search-index: wrote src/generated/search-index.json')
}
