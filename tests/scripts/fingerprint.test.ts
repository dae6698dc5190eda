// The data fingerprint (scripts/lib/fingerprint.ts): handouts, maps and --version print it next to the version, which
// many data commits share until a release (audit 35 B, entry 16).
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { canonicalJson, dataFingerprint, FINGERPRINT_LENGTH } from '../../scripts/lib/fingerprint.ts'
import { runPipeline } from '../../scripts/lib/pipeline.ts'
import { dataFingerprint as shipped } from '../../src/index'
import { mapDataFingerprint } from '../../src/generated/map-facts'
import { runOn, validClaim, validStudy, variant } from '../helpers/fixture-data.ts'
import { root } from '../helpers/paths'

const fingerprintOf = (files: Record<string, unknown> = {}) => {
  const result = runOn(files)
  expect(result.issues).toEqual([])
  return dataFingerprint(result.dataset!)
}

describe('data fingerprint', () => {
  it('is the first 12 hex digits of a hash of the shipped records, the same in the data and map entries', () => {
    const result = runPipeline(join(root, 'data'), { schemaDir: join(root, 'data', 'schema') })
    expect(result.issues).toEqual([])
    expect(FINGERPRINT_LENGTH).toBe(12)
    expect(shipped).toMatch(/^[0-9a-f]{12}$/)
    // The built modules are current with data/ (npm run build:data wrote them).
    expect(shipped).toBe(dataFingerprint(result.dataset!))
    expect(mapDataFingerprint).toBe(shipped)
  })

  it('changes with any field of any record, and only then', () => {
    const base = fingerprintOf()
    expect(fingerprintOf()).toBe(base)
    const changed = [
      { 'studies/example-2020.yaml': variant(validStudy(), (s) => (s.n = 11)) },
      { 'studies/example-2020.yaml': variant(validStudy(), (s) => (s.findings = 'Scores fell a little.')) },
      { 'claims/example-claim.yaml': variant(validClaim(), (c) => (c.statement = 'Ketamine helps some people.')) },
      { 'claims/example-claim.yaml': variant(validClaim(), (c) => (c.verdictNote = 'Only example-2020.')) },
    ].map((files) => fingerprintOf(files))
    expect(new Set([base, ...changed]).size).toBe(5)
    // The layout of the YAML file does not count: the same record with its keys in another order and a comment.
    const reordered = Object.fromEntries(Object.entries(validStudy()).reverse())
    expect(fingerprintOf({ 'studies/example-2020.yaml': `# reviewed\n${stringify(reordered)}` })).toBe(base)
  })

  it('hashes canonical JSON: keys sorted at every level, array order kept', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: 'x' } })).toBe('{"a":{"c":"x","d":[2,1]},"b":1}')
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}')
  })
})
