/**
 * The corpus the shipped search store is built from (scripts/build-search-index.ts), also read by tests and
 * benchmarks: every record, the vocabularies and the lay terms (data/search/lay-terms.json).
 */
import layTermData from '../../data/search/lay-terms.json' with { type: 'json' }
import { fullClaims, fullSources, fullStudies } from '../../src/details/index.ts'
import { vocabularies } from '../../src/index.ts'
import type { SearchCorpus } from '../../src/search/documents.ts'

/** The lay-terms file as shipped, for the build's check (scripts/lib/lay-terms.ts). */
export const layTermFile: unknown = layTermData

/** The shipped corpus, read fresh on each call. */
export function shippedCorpus(): SearchCorpus {
  return {
    studies: fullStudies(),
    claims: fullClaims(),
    sources: fullSources(),
    vocabularies,
    layTerms: layTermData.records,
  }
}
