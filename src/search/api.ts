/**
 * `search` and `facets` over any {@link SearchEngine}: the shipped data (the entry's functions) or a benchmark corpus.
 * @internal
 * @packageDocumentation
 */
import { describeValue, KapLiteratureError } from '../errors'
import type { SearchDoc } from './documents'
import type { SearchEngine } from './engine'
import { compileOptions, passes } from './filters'
import { parseQuery, type ParsedQuery } from './query'
import { searchableTypes, type Facets, type FacetValue, type SearchableType, type SearchResult } from './types'

function hasAnything(parsed: ParsedQuery): boolean {
  const ids = parsed.identifiers
  return (
    parsed.units.length > 0 ||
    ids.recordId !== undefined ||
    ids.dois.length + ids.pmids.length + ids.pmcids.length + ids.registrations.length + ids.urls.length > 0
  )
}

// Four significant digits: short in JSON, and a small positive score never rounds to 0.
const round = (n: number): number => Number(n.toPrecision(4))

/**
 * {@link search} over an engine.
 * @internal
 */
export function searchWith(engine: SearchEngine, query: unknown, options: unknown): SearchResult[] {
  if (typeof query !== 'string') {
    throw new KapLiteratureError(
      'INVALID_ARGUMENT',
      `search expects the query as a string, got ${describeValue(query)}`,
      {
        value: query,
        hint: 'pass the text of the search box, e.g. search(input.value)',
      },
    )
  }
  const { filter, limit } = compileOptions('search', options)
  const parsed = parseQuery(query)
  if (!hasAnything(parsed)) return []
  const accept = (doc: SearchDoc): boolean => passes(doc.facets, filter)
  // A word no record contains (even allowing one slip) is searched as the closest word the records do contain.
  const corrected = engine.correct(parsed.units)
  const outcome = engine.run(corrected === undefined ? parsed : { ...parsed, units: corrected }, accept)
  const results: SearchResult[] = []
  for (const hit of outcome.hits.slice(0, limit)) {
    const doc = engine.docs[hit.doc]!
    const shown = engine.present(hit, outcome.expanded)
    results.push({ type: doc.type, id: doc.id, score: round(hit.score), ...shown } as SearchResult)
  }
  return results
}

const TYPE_LABELS: Readonly<Record<SearchableType, string>> = {
  study: 'Studies',
  claim: 'Claims',
  source: 'Source documents',
}

/**
 * {@link facets} over an engine.
 * @internal
 */
export function facetsWith(engine: SearchEngine, query: unknown, options: unknown): Facets {
  if (query !== undefined && typeof query !== 'string') {
    throw new KapLiteratureError(
      'INVALID_ARGUMENT',
      `facets expects the query as a string (or no query at all), got ${describeValue(query)}`,
      {
        value: query,
      },
    )
  }
  const { filter } = compileOptions('facets', options)
  const parsed = query === undefined ? undefined : parseQuery(query)
  const docs =
    parsed === undefined || !hasAnything(parsed)
      ? engine.docs.map((_, i) => i)
      : engine.run(parsed).hits.map((h) => h.doc)
  const counts = engine.count(docs, filter)

  const ordered = <V extends string | boolean>(
    name: keyof Facets,
    values: readonly { readonly id: V; readonly label: string }[],
  ): FacetValue<V>[] => {
    const map = counts[name]
    const out: FacetValue<V>[] = []
    for (const v of values) {
      const count = map.get(v.id) ?? 0
      if (count > 0) out.push({ value: v.id, label: v.label, count })
    }
    // Stable sort: equal counts keep vocabulary order.
    return out.sort((a, b) => b.count - a.count)
  }
  const vocab = <V extends string>(
    name: 'certainty' | 'conditions' | 'designs' | 'routes' | 'topics' | 'verdicts',
  ): readonly { readonly id: V; readonly label: string }[] =>
    engine.vocabularies[name] as readonly { readonly id: string; readonly label: string }[] as readonly {
      readonly id: V
      readonly label: string
    }[]

  const years = [...counts.year.entries()]
    .filter((e): e is [number, number] => typeof e[0] === 'number')
    .sort((a, b) => a[0] - b[0])
    .map(([value, count]) => ({ value, label: String(value), count }))

  return {
    type: ordered(
      'type',
      searchableTypes.map((id) => ({ id, label: TYPE_LABELS[id] })),
    ),
    year: years,
    design: ordered('design', vocab('designs')),
    condition: ordered('condition', vocab('conditions')),
    topic: ordered('topic', vocab('topics')),
    verdict: ordered('verdict', vocab('verdicts')),
    route: ordered('route', vocab('routes')),
    withPsychotherapy: ordered('withPsychotherapy', [
      { id: true, label: 'With psychotherapy' },
      { id: false, label: 'Without psychotherapy' },
    ]),
    certainty: ordered('certainty', vocab('certainty')),
  } as Facets
}

/**
 * {@link didYouMean} over an engine.
 * @internal
 */
export function didYouMeanWith(engine: SearchEngine, query: unknown): string | undefined {
  if (typeof query !== 'string') {
    throw new KapLiteratureError(
      'INVALID_ARGUMENT',
      `didYouMean expects the query as a string, got ${describeValue(query)}`,
      { value: query, hint: 'pass the text of the search box, e.g. didYouMean(input.value)' },
    )
  }
  const parsed = parseQuery(query)
  if (!hasAnything(parsed)) return undefined
  const units = engine.correct(parsed.units) ?? parsed.units
  let changed = units !== parsed.units
  const words = units.map((u) => {
    if (u.kind === 'concept') return u.written
    const spelled = engine.spelledAs(u)
    if (spelled === undefined || spelled === u.folded) return u.folded
    changed = true
    return spelled
  })
  if (!changed || engine.run({ ...parsed, units }).hits.length === 0) return undefined
  return words.join(' ')
}
