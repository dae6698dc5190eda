// Which kind of record an id names, from the id lists alone: the synchronous table (sync.ts) and the per-record
// loaders (load.ts) both need it, and neither should bring the other into a bundle.
import { describeValue, KapLiteratureError } from '../errors'
import { claimIds, sourceIds, studyIds } from '../generated/ids'
import { closest, idForm } from '../suggest'

/** @internal */
export type Kind = 'study' | 'claim' | 'source'

const kinds: readonly [Kind, readonly string[]][] = [
  ['study', studyIds],
  ['claim', claimIds],
  ['source', sourceIds],
]

/**
 * The kind and canonical id of a record id (trimmed and lower-cased, as the data entry accepts it).
 * @internal
 */
export function resolve(id: unknown, caller: string): { kind: Kind; id: string } {
  if (typeof id !== 'string') {
    throw new KapLiteratureError(
      'INVALID_ARGUMENT',
      `${caller} expects a record id as a string, got ${describeValue(id)}`,
      { value: id, hint: "pass the id as a string, such as 'dore-2019'" },
    )
  }
  for (const key of [id, idForm(id)]) for (const [kind, ids] of kinds) if (ids.includes(key)) return { kind, id: key }
  const hint = closest(id, [...studyIds, ...claimIds, ...sourceIds])
  throw new KapLiteratureError(
    'UNKNOWN_ID',
    `unknown record ${describeValue(id)}${hint === undefined ? '' : ` (did you mean "${hint}"?)`}`,
    { value: id, hint: hint ?? 'no record id is close; studies(), claims() and sources() of kap-literature list them' },
  )
}
