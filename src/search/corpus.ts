/**
 * A search engine over a corpus of full records, for the build, tests and benchmarks. Kept out of the search entry:
 * the entry reads the shipped store and never needs the code that compacts records.
 * @internal
 * @packageDocumentation
 */
import { buildDocuments, type SearchCorpus } from './documents'
import { SearchEngine } from './engine'

/**
 * An engine over a corpus of full records.
 * @param corpus - the records to index
 * @returns the engine (its index is built on the first query)
 * @internal
 */
export function engineForCorpus(corpus: SearchCorpus): SearchEngine {
  return new SearchEngine(buildDocuments(corpus), corpus.vocabularies)
}
