// The details entry has two paths to a record's detail: the synchronous table (Node) and one chunk per record
// (`loadDetails`, browsers). They are separate modules on purpose (audit 36: a module shared by both made every
// record's chunk a static import of the entry), so this checks they hold the same details.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { claimIds, sourceIds, studyIds } from '../../src/index'
import { getDetails, getFullClaim, getFullStudy, loadDetails, loadFull } from '../../src/details/index'
import { root } from '../helpers/paths'

describe('details: the synchronous table and the per-record chunks', () => {
  it('give the same detail for every record', async () => {
    const ids = [...studyIds, ...claimIds, ...sourceIds]
    expect(ids.length).toBeGreaterThan(100)
    for (const id of ids) expect(await loadDetails(id), id).toEqual(getDetails(id))
  })

  it('give the same full record, merged once', async () => {
    expect(await loadFull('dore-2019')).toBe(getFullStudy('dore-2019'))
    const claim = await loadFull('without-therapy-ketamine-effects-fade-faster')
    expect(claim).toBe(getFullClaim('without-therapy-ketamine-effects-fade-faster'))
    expect(claim.verdictNote.length).toBeGreaterThan(40)
  })

  it('never share a module: the loaders import per-record files, the table one file of its own', () => {
    const generated = join(root, 'src', 'generated')
    const table = readFileSync(join(generated, 'details.ts'), 'utf8')
    expect(table).toContain("from './details-all.json'")
    expect(table).not.toMatch(/details\/(study|claim|source)\//)
    const loaders = readFileSync(join(generated, 'detail-loaders', 'study.ts'), 'utf8')
    expect(loaders).toContain("import('../details/study/dore-2019.json')")
    expect(loaders).not.toContain('details-all')
  })

  it('keep the details entry free of a static import of the table', () => {
    // index.ts and load.ts reach the table only through sync.ts, which a page that calls loadDetails never uses.
    for (const file of ['index.ts', 'load.ts', 'merge.ts', 'resolve.ts']) {
      const text = readFileSync(join(root, 'src', 'details', file), 'utf8')
      expect(text, file).not.toMatch(/from '\.\.\/generated\/details'/)
    }
  })
})
