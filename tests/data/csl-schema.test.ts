import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { sources, studies } from '../../src/index'
import { reference } from '../helpers/paths'

describe('CSL-JSON items', () => {
  const schema = JSON.parse(readFileSync(join(reference, 'csl-data.schema.json'), 'utf8')) as object
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema)
  it('validate against the official CSL-JSON schema (studies and sources together)', () => {
    const items = [...studies.map((s) => s.csl), ...sources.map((s) => s.csl)]
    const ok = validate(items)
    expect(validate.errors ?? []).toEqual([])
    expect(ok).toBe(true)
    expect(items.length).toBe(studies.length + sources.length)
  })
  it('carry the record id as csl.id', () => {
    for (const s of studies) expect(s.csl.id).toBe(s.id)
  })
})
