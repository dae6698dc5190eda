// Joining a record's core with its detail into the full record, in the key order of the YAML records: shared by the
// synchronous API (sync.ts, every detail bundled) and loadFull (one detail loaded on demand).
import { getClaim, getSource, getStudy } from '../data/index'
import { deepFreeze } from '../freeze'
import type { Kind } from './resolve'
import type { Claim, ClaimCore, ClaimId, Source, SourceCore, SourceId, Study, StudyCore, StudyId } from '../types'

/** Full-record key order (the order of the YAML records and of every earlier release). */
const keyOrder: Readonly<Record<Kind, readonly string[]>> = {
  study: [
    'id',
    'csl',
    'authorsComplete',
    'design',
    'population',
    'n',
    'conditions',
    'intervention',
    'comparator',
    'followUp',
    'registrations',
    'findings',
    'limitations',
    'certainty',
    'certaintyNote',
    'status',
    'verification',
    'notes',
    'unusedReason',
  ],
  claim: [
    'id',
    'statement',
    'topics',
    'madeBy',
    'evidence',
    'verdict',
    'verdictNote',
    'verdictRule',
    'citationProblems',
  ],
  source: ['id', 'file', 'documentTitle', 'csl', 'sections', 'verification', 'notes'],
}

/** The core of a record of a kind. @internal */
export function coreOf(kind: Kind, id: string): StudyCore | ClaimCore | SourceCore {
  return kind === 'study'
    ? getStudy(id as StudyId)
    : kind === 'claim'
      ? getClaim(id as ClaimId)
      : getSource(id as SourceId)
}

const merged = new Map<string, Study | Claim | Source>()

/** The frozen full record (merged once per id, then reused). @internal */
export function merge(kind: Kind, core: object, detail: object): Study | Claim | Source {
  const id = (core as { id: string }).id
  const done = merged.get(id)
  if (done !== undefined) return done
  const c = core as Record<string, unknown>
  const d = detail as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const key of keyOrder[kind]) {
    const value = key in d ? d[key] : c[key]
    if (value !== undefined) out[key] = value
  }
  const full = deepFreeze(out) as unknown as Study | Claim | Source
  merged.set(id, full)
  return full
}
