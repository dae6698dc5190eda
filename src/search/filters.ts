/**
 * Validation of search and facet options, and filter matching. Options come from the developer, not the visitor,
 * so a bad option throws `INVALID_ARGUMENT` with a hint rather than silently returning wrong results.
 * @internal
 * @packageDocumentation
 */
import { describeValue, isList, KapLiteratureError } from '../errors'
import { certaintyTerms, conditionTerms, designTerms, routeTerms, topicTerms, verdictTerms } from '../generated/ids'
import type { DocFacets } from './documents'
import { searchableTypes } from './types'
import { checkOptionKeys, editDistance, idForm } from '../suggest'

/**
 * Default number of results.
 * @internal
 */
export const DEFAULT_LIMIT = 10

/**
 * The facets a filter can restrict, in output order.
 * @internal
 */
export const FACET_NAMES = [
  'type',
  'year',
  'design',
  'condition',
  'topic',
  'verdict',
  'route',
  'withPsychotherapy',
  'certainty',
] as const

/**
 * One of {@link FACET_NAMES}.
 * @internal
 */
export type FacetName = (typeof FACET_NAMES)[number]

/**
 * Validated filters: `undefined` means "not filtered".
 * @internal
 */
export interface CompiledFilter {
  readonly type: ReadonlySet<string> | undefined
  readonly yearFrom: number | undefined
  readonly yearTo: number | undefined
  readonly design: ReadonlySet<string> | undefined
  readonly condition: ReadonlySet<string> | undefined
  readonly topic: ReadonlySet<string> | undefined
  readonly verdict: ReadonlySet<string> | undefined
  readonly route: ReadonlySet<string> | undefined
  readonly withPsychotherapy: boolean | undefined
  readonly certainty: ReadonlySet<string> | undefined
}

/**
 * No filter at all.
 * @internal
 */
export const NO_FILTER: CompiledFilter = {
  type: undefined,
  yearFrom: undefined,
  yearTo: undefined,
  design: undefined,
  condition: undefined,
  topic: undefined,
  verdict: undefined,
  route: undefined,
  withPsychotherapy: undefined,
  certainty: undefined,
}

const listOptions = {
  types: searchableTypes,
  design: designTerms,
  condition: conditionTerms,
  topic: topicTerms,
  verdict: verdictTerms,
  route: routeTerms,
  certainty: certaintyTerms,
} as const satisfies Record<string, readonly string[]>

const FILTER_KEYS = [
  'types',
  'yearFrom',
  'yearTo',
  'design',
  'condition',
  'topic',
  'verdict',
  'route',
  'withPsychotherapy',
  'certainty',
] as const

function closest(value: string, candidates: readonly string[]): string | undefined {
  const needle = value.toLowerCase().slice(0, 100)
  let best: string | undefined
  let bestDistance = Infinity
  for (const c of candidates) {
    const d = editDistance(needle, c.toLowerCase())
    if (d < bestDistance) {
      best = c
      bestDistance = d
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(needle.length / 2)) ? best : undefined
}

function invalid(fn: string, message: string, value: unknown, hint?: string): KapLiteratureError {
  return new KapLiteratureError(
    'INVALID_ARGUMENT',
    `${fn}: ${message}${hint === undefined ? '' : ` (did you mean ${JSON.stringify(hint)}?)`}`,
    {
      value,
      ...(hint === undefined ? {} : { hint }),
    },
  )
}

function compileList(fn: string, key: keyof typeof listOptions, value: unknown): ReadonlySet<string> | undefined {
  if (value === undefined) return undefined
  const allowed = listOptions[key] as readonly string[]
  const values: readonly unknown[] = isList(value, 'a filter value') ? value : [value]
  // In any letter case and without surrounding spaces, as every entry reads an id or an option's value.
  const read: string[] = []
  for (const v of values) {
    const form = typeof v === 'string' ? idForm(v) : undefined
    if (form === undefined || !allowed.includes(form)) {
      const hint = typeof v === 'string' ? closest(v, allowed) : undefined
      throw invalid(fn, `option ${key} must be one of ${allowed.join(', ')}, got ${describeValue(v)}`, v, hint)
    }
    read.push(form)
  }
  return read.length === 0 ? undefined : new Set(read as string[])
}

function compileYear(fn: string, key: string, value: unknown): number | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw invalid(fn, `option ${key} must be a whole year such as 2018, got ${describeValue(value)}`, value)
  }
  return value
}

/**
 * Validates options for `search` (with `limit`) or `facets` (without).
 * @throws `KapLiteratureError` `INVALID_ARGUMENT` for a non-object, an unknown key, an unknown filter value, a
 * non-integer year, `yearFrom` after `yearTo`, or a `limit` that is not a positive integer
 * @internal
 */
export function compileOptions(fn: 'search' | 'facets', options: unknown): { filter: CompiledFilter; limit: number } {
  if (options === undefined) return { filter: NO_FILTER, limit: DEFAULT_LIMIT }
  if (options === null || typeof options !== 'object' || isList(options, `${fn} options`)) {
    throw invalid(fn, `options must be an object, got ${describeValue(options)}`, options)
  }
  const o = options as Record<string, unknown>
  const known: readonly string[] = fn === 'search' ? [...FILTER_KEYS, 'limit'] : FILTER_KEYS
  checkOptionKeys(fn, o, known)
  let limit = DEFAULT_LIMIT
  if (o.limit !== undefined) {
    if (typeof o.limit !== 'number' || !Number.isSafeInteger(o.limit) || o.limit < 1) {
      throw invalid(fn, `option limit must be a positive integer, got ${describeValue(o.limit)}`, o.limit)
    }
    limit = o.limit
  }
  const yearFrom = compileYear(fn, 'yearFrom', o.yearFrom)
  const yearTo = compileYear(fn, 'yearTo', o.yearTo)
  if (yearFrom !== undefined && yearTo !== undefined && yearFrom > yearTo) {
    throw new KapLiteratureError('INVALID_ARGUMENT', `${fn}: yearFrom (${yearFrom}) is after yearTo (${yearTo})`, {
      value: { yearFrom, yearTo },
      hint: 'swap yearFrom and yearTo',
    })
  }
  if (o.withPsychotherapy !== undefined && typeof o.withPsychotherapy !== 'boolean') {
    throw invalid(
      fn,
      `option withPsychotherapy must be true or false, got ${describeValue(o.withPsychotherapy)}`,
      o.withPsychotherapy,
    )
  }
  return {
    limit,
    filter: {
      type: compileList(fn, 'types', o.types),
      yearFrom,
      yearTo,
      design: compileList(fn, 'design', o.design),
      condition: compileList(fn, 'condition', o.condition),
      topic: compileList(fn, 'topic', o.topic),
      verdict: compileList(fn, 'verdict', o.verdict),
      route: compileList(fn, 'route', o.route),
      withPsychotherapy: o.withPsychotherapy as boolean | undefined,
      certainty: compileList(fn, 'certainty', o.certainty),
    },
  }
}

function one(set: ReadonlySet<string> | undefined, value: string | undefined): boolean {
  return set === undefined || (value !== undefined && set.has(value))
}

function any(set: ReadonlySet<string> | undefined, values: readonly string[]): boolean {
  if (set === undefined) return true
  for (const v of values) if (set.has(v)) return true
  return false
}

/**
 * Whether a record passes the filter, ignoring the filter of facet `skip` (for disjunctive facet counts).
 * @internal
 */
export function passes(f: DocFacets, filter: CompiledFilter, skip?: FacetName): boolean {
  if (skip !== 'type' && !one(filter.type, f.type)) return false
  if (skip !== 'year' && (filter.yearFrom !== undefined || filter.yearTo !== undefined)) {
    if (f.year === undefined) return false
    if (filter.yearFrom !== undefined && f.year < filter.yearFrom) return false
    if (filter.yearTo !== undefined && f.year > filter.yearTo) return false
  }
  if (skip !== 'design' && !one(filter.design, f.design)) return false
  if (skip !== 'condition' && !any(filter.condition, f.condition)) return false
  if (skip !== 'topic' && !any(filter.topic, f.topic)) return false
  if (skip !== 'verdict' && !one(filter.verdict, f.verdict)) return false
  if (skip !== 'route' && !any(filter.route, f.route)) return false
  if (
    skip !== 'withPsychotherapy' &&
    filter.withPsychotherapy !== undefined &&
    f.withPsychotherapy !== filter.withPsychotherapy
  )
    return false
  if (skip !== 'certainty' && !one(filter.certainty, f.certainty)) return false
  return true
}
