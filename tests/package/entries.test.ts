import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { root } from '../helpers/paths'

function node(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: 30_000 })
  return { code: r.status ?? -1, out: r.stdout.trim(), err: r.stderr }
}

const entries = [
  'kap-literature',
  'kap-literature/citations',
  ...['apa', 'ama', 'vancouver', 'harvard', 'chicago', 'mla'].map((s) => `kap-literature/citations/${s}`),
  'kap-literature/search',
  'kap-literature/cite',
  'kap-literature/jsonld',
  'kap-literature/map',
]

describe('built package entries (self-referenced by name)', () => {
  it('loads the data entry from ESM', () => {
    const r = node([
      '--input-type=module',
      '-e',
      "import { getStudy, dataVersion, studies } from 'kap-literature'; " +
        "console.log(getStudy('wilkinson-2021').csl.PMID, typeof dataVersion, studies.length > 0)",
    ])
    expect(r.err).toBe('')
    expect(r.out).toBe('34186531 string true')
  })
  it('loads the data entry from CommonJS', () => {
    const r = node([
      '-e',
      "const k = require('kap-literature'); console.log(k.getStudy('wilkinson-2021').csl.PMID, k.KapLiteratureError.name, Object.isFrozen(k.studies))",
    ])
    expect(r.err).toBe('')
    expect(r.out).toBe('34186531 KapLiteratureError true')
  })
  it('isKapLiteratureError recognises errors of the ESM build from the CJS copy and back', () => {
    const r = node([
      '--input-type=module',
      '-e',
      "import { createRequire } from 'node:module'; import * as esm from 'kap-literature'; const cjs = " +
        "createRequire(import.meta.url)('kap-literature'); const err = (m) => { try { m.getStudy('x') } catch (e) { " +
        'return e } }; const a = err(esm), b = err(cjs); console.log(a instanceof cjs.KapLiteratureError, ' +
        'cjs.isKapLiteratureError(a), esm.isKapLiteratureError(b))',
    ])
    expect(r.err).toBe('')
    expect(r.out).toBe('false true true')
  })
  it('ESM and CJS report the same data version, fingerprint and records', () => {
    const esm = node([
      '--input-type=module',
      '-e',
      "import { dataVersion, dataFingerprint, studyIds } from 'kap-literature'; " +
        "console.log(dataVersion, dataFingerprint, studyIds.join(','))",
    ])
    const cjs = node([
      '-e',
      "const k = require('kap-literature'); console.log(k.dataVersion, k.dataFingerprint, k.studyIds.join(','))",
    ])
    expect(esm.out).toBe(cjs.out)
    expect(esm.out.split(' ')[1]).toMatch(/^[0-9a-f]{12}$/)
    expect(esm.out.length).toBeGreaterThan(10)
  })
  it('every subpath entry loads in ESM and CJS', () => {
    for (const e of entries) {
      expect(
        node(['--input-type=module', '-e', `import * as m from '${e}'; console.log(Object.keys(m).length > 0)`]).out,
        e,
      ).toBe('true')
      expect(node(['-e', `console.log(Object.keys(require('${e}')).length > 0)`]).out, e).toBe('true')
    }
  })
  it('the data entry has no runtime imports', async () => {
    const { readFileSync } = await import('node:fs')
    const { join } = await import('node:path')
    const text = readFileSync(join(root, 'dist', 'index.js'), 'utf8')
    expect(text).not.toMatch(/from ['"](?!\.)/)
  })
})
