import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { root } from './paths'
import { valueComments } from './value-comments'

const src = join(root, 'src')

/** Package subpaths → the source module behind them (tsup.config.ts builds each from that file). */
export const ENTRIES: Record<string, string> = {
  'kap-literature': 'index.ts',
  'kap-literature/citations': 'citations/index.ts',
  'kap-literature/search': 'search/index.ts',
  'kap-literature/cite': 'cite/index.ts',
  'kap-literature/details': 'details/index.ts',
  'kap-literature/jsonld': 'jsonld/index.ts',
  'kap-literature/map': 'map/index.ts',
  'kap-literature/elements': 'elements/index.ts',
  ...Object.fromEntries(
    ['apa', 'ama', 'vancouver', 'harvard', 'chicago', 'mla'].map((s) => [
      `kap-literature/citations/${s}`,
      `citations/${s}.ts`,
    ]),
  ),
}

/**
 * The example as a module: package imports point at the sources, and value comments (`x // 'value'`) are checked
 * (`value-comments.ts`); `where` names the example in the message of a failed check.
 */
export function toModule(code: string, where: string): string {
  const rewritten = valueComments(code, where).replace(
    /from '(kap-literature(?:\/[\w/-]+)?)'/g,
    (whole, spec: string) => {
      const target = ENTRIES[spec]
      if (target === undefined) throw new Error(`example imports ${spec}, which is not a package entry`)
      return `from ${JSON.stringify(pathToFileURL(join(src, target)).href)}`
    },
  )
  return `${rewritten}\nexport {}\n`
}
