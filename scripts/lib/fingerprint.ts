/**
 * The data fingerprint: a short hash of the shipped records, computed at data-build time, so that handouts, maps and
 * `--version` can say which data they were made from even while many data commits share one package version.
 */
import { createHash } from 'node:crypto'
import type { Dataset } from './pipeline.ts'

/** Hex digits of the fingerprint: 48 bits, enough to tell builds apart, short enough to read out. */
export const FINGERPRINT_LENGTH = 12

/** JSON with object keys sorted at every level, so that the order of fields in a YAML file does not count. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/**
 * The first {@link FINGERPRINT_LENGTH} hex digits of the SHA-256 of every validated record — studies, claims and
 * sources, in id order — every vocabulary and the people of data/vocab/people.yaml, as canonical JSON. Any change to
 * a field of any record or term changes it; the layout of the YAML files (key order, comments, line breaks) does not.
 */
export function dataFingerprint(data: Dataset): string {
  const vocab = [...data.vocab.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const text = canonicalJson({
    studies: data.studies,
    claims: data.claims,
    sources: data.sources,
    vocab,
    people: data.people,
  })
  return createHash('sha256').update(text).digest('hex').slice(0, FINGERPRINT_LENGTH)
}
