/**
 * Regenerates src/search/shipped-index.json (the precomputed, versioned search index) from the built records.
 * Run by `npm run build:data` after scripts/build-data.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { claims, sources, studies, vocabularies } from '../src/index.ts'
import { buildDocuments } from '../src/search/documents.ts'
import { buildIndexData, serializeIndex } from '../src/search/store.ts'

const file = new URL('../src/search/shipped-index.json', import.meta.url)
const docs = buildDocuments({ studies, claims, sources, vocabularies })
const text = serializeIndex(buildIndexData(docs), docs)
if (readFileSync(file, 'utf8') !== text) {
  writeFileSync(file, text)
  console.log('build-search-index: wrote src/search/shipped-index.json')
}
