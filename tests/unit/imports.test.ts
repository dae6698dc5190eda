// The import rules between src/ folders (CONTRIBUTING.md, "Where code goes"): imports flow one way,
// shared leaf modules ← data ← entries (details, citations, search, cite, jsonld, check) ← cli, and an area imports another
// only through that area's index.ts. A new dependency between areas is a design decision: change this table with it.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { root } from '../helpers/paths'

const src = join(root, 'src')
/** Leaf modules at the top of src/ that any area may import. */
const LEAVES = new Set([
  'types',
  'errors',
  'escape',
  'suggest',
  'doi',
  'freeze',
  'etal',
  'runs',
  'fold',
  'verdict-colours',
  'trial-size',
])
/** Which areas each area may import (besides itself and the leaves); `root` is src/index.ts, the data entry. */
const ALLOWED: Record<string, readonly string[]> = {
  types: ['generated'], // the id unions are generated
  root: ['data', 'generated'],
  generated: [],
  data: ['generated'],
  details: ['root', 'data', 'generated'],
  citations: ['root', 'generated'],
  search: ['root', 'generated'],
  cite: ['root', 'citations', 'generated'], // generated/cite-names.ts: one name for each person in in-text citations
  jsonld: ['root', 'data', 'generated'],
  check: ['root', 'citations', 'details', 'generated'], // generated/cues.ts: the cues, for the checker only
  map: ['generated'], // claim-facts, claim-statements, map-facts: the map draws without the record cores
  cli: ['root', 'citations', 'search', 'cite', 'jsonld', 'check', 'details', 'map'],
  elements: ['root', 'citations', 'details', 'map', 'search', 'generated'], // generated/facts.ts: what <kap-cite> needs
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : []
  })
}

/** The area of a file under src/: its first folder, `root` for src/index.ts, or the leaf's name. */
function areaOf(path: string): string {
  const rel = relative(src, path).replace(/\.(ts|json)$/, '')
  const [first, ...rest] = rel.split('/')
  if (rest.length === 0) return first === 'index' ? 'root' : first!
  return first!
}

describe('import rules between src/ folders', () => {
  it('every cross-area import is allowed and goes through the area’s index', () => {
    const bad: string[] = []
    for (const file of files(src)) {
      const from = areaOf(file)
      for (const m of readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'"]*from '(\.[^']+)'/gm)) {
        const target = resolve(dirname(file), m[1]!)
        if (!target.startsWith(src)) continue // data/search/synonyms.json and similar inputs
        const to = areaOf(target)
        if (to === from || LEAVES.has(to)) continue
        const where = `${relative(root, file)} → ${m[1]}`
        if (!(ALLOWED[from] ?? []).includes(to)) bad.push(`${where}: ${from} may not import ${to}`)
        else if (
          !['root', 'generated'].includes(to) &&
          !/\/index$/.test(relative(src, target)) &&
          !(from === 'generated' && to === 'data') &&
          // The elements load one style's table (a package entry of its own) and the prose helper on demand.
          !(
            from === 'elements' &&
            /^citations\/(apa|ama|vancouver|harvard|chicago|mla|prose)$/.test(relative(src, target))
          )
        )
          bad.push(`${where}: import ${to} through its index.ts`)
      }
    }
    expect(bad).toEqual([])
  })

  it('the check above can fail', () => {
    expect(ALLOWED.data).not.toContain('cli')
    expect(areaOf(join(src, 'cli', 'commands', 'show.ts'))).toBe('cli')
    expect(areaOf(join(src, 'index.ts'))).toBe('root')
    expect(areaOf(join(src, 'escape.ts'))).toBe('escape')
  })
})
