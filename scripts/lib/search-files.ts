/**
 * The generated search files of a corpus, by their name in src/generated: the search store and its full-text
 * supplement (the words `loadFullText()` adds), which names the store by its fingerprint. Written by
 * scripts/build-search-index.ts for the shipped data and by bench/growth.ts for synthetic datasets.
 */
import {
  compactDocuments,
  fullTextWords,
  type SearchCorpus,
  type SearchVocabularies,
} from '../../src/search/documents.ts'
import { serializeFullText } from '../../src/search/full-text-format.ts'
import { fingerprint, serializeStore, type SharedTexts } from '../../src/search/store.ts'

export function searchFiles(
  corpus: SearchCorpus,
  vocabularies: SearchVocabularies,
  shared: SharedTexts,
): readonly (readonly [name: string, text: string])[] {
  const docs = compactDocuments(corpus)
  return [
    ['search-index.json', serializeStore(docs, vocabularies, shared)],
    ['search-full-text.json', serializeFullText(fullTextWords(corpus, docs), fingerprint(docs, vocabularies))],
  ]
}
