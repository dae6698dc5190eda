// The hand-written TypeScript files under a folder of src/ (src/generated/ is built from data and left out), in a
// stable order: for the tests that read the source itself.
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { root } from './paths'

/** Every `.ts` file (not `.d.ts`) under `dir`, sorted, without the `generated` folder. */
export function sourceFiles(dir: string = join(root, 'src')): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n)
      return statSync(p).isDirectory()
        ? n === 'generated'
          ? []
          : sourceFiles(p)
        : p.endsWith('.ts') && !p.endsWith('.d.ts')
          ? [p]
          : []
    })
}
