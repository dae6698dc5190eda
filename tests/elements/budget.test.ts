// The first-load budget of the script-tag build (issue 17): what a page with <kap-cite> and <kap-reference> in one
// style loads, gzip. The full table (and the all-elements figure) is printed by scripts/build-elements.ts --report.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildElements, gzipBytes, loadedFiles } from '../../scripts/build-elements'
import { root } from '../helpers/paths'

describe('script-tag build of the elements', () => {
  it('loads at most 25 KB gzip for <kap-cite> + <kap-reference> in one style, with no search index or cores', async () => {
    const dir = join(root, '.tmp', 'elements-budget')
    const meta = await buildElements(dir)
    const files = loadedFiles(meta, dir, [/citations[\\/]apa\.ts$/])
    const bytes = gzipBytes(dir, files)
    console.log(`<kap-cite> + <kap-reference> (apa): ${files.length} files, ${(bytes / 1024).toFixed(1)} KB gzip`)
    expect(bytes).toBeLessThanOrEqual(25 * 1024)
    expect(files[0]).toBe('kap-elements.js')
    // The lazy parts really are lazy: the search index and the record cores are not among the first files.
    const inputs = files.flatMap((f) =>
      Object.keys(meta.outputs[Object.keys(meta.outputs).find((p) => p.endsWith(f))!]!.inputs),
    )
    expect(inputs.filter((i) => /search-index\.json|generated[\\/]core\.ts/.test(i))).toEqual([])
  }, 60_000)
})
