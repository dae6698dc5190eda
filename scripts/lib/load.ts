import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { basename, join } from 'node:path'
import { parseDocument } from 'yaml'
import type { Issue } from './issues.ts'

/** The kinds of authored file under `data/`. */
export type RecordKind = 'study' | 'claim' | 'source'

/** Folder under `data/` for each record kind. */
export const kindFolders: Record<RecordKind, string> = { study: 'studies', claim: 'claims', source: 'sources' }

/** One authored YAML file, parsed but not yet validated. */
export interface LoadedFile {
  kind: RecordKind | 'vocab'
  /** Display path, e.g. `data/studies/dore-2019.yaml`. */
  file: string
  /** The file name without `.yaml`. */
  name: string
  data: unknown
}

/** Everything read from a data folder, plus the problems met while reading. */
export interface Loaded {
  files: LoadedFile[]
  issues: Issue[]
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((f) => !f.startsWith('.'))
    .sort()
}

/** Reads every YAML file under `dataDir` (studies, claims, sources, vocab), in sorted order. */
export function loadDataDir(dataDir: string): Loaded {
  const files: LoadedFile[] = []
  const issues: Issue[] = []
  const root = basename(dataDir)
  const folders: [LoadedFile['kind'], string][] = [
    ['vocab', 'vocab'],
    ...Object.entries(kindFolders).map(([k, f]) => [k as RecordKind, f] as [RecordKind, string]),
  ]
  for (const [kind, folder] of folders) {
    for (const entry of yamlFiles(join(dataDir, folder))) {
      const file = `${root}/${folder}/${entry}`
      if (!entry.endsWith('.yaml')) {
        issues.push({
          file,
          field: '',
          rule: 'file-extension',
          message: 'is not a .yaml file.',
          fix: 'Rename it to end in .yaml, or move it out of the data folder.',
        })
        continue
      }
      const text = readFileSync(join(dataDir, folder, entry), 'utf8')
      const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true })
      if (doc.errors.length > 0) {
        for (const e of doc.errors) {
          const line = e.linePos?.[0]?.line
          issues.push({
            file,
            field: '',
            rule: 'yaml-syntax',
            message: `is not valid YAML${line === undefined ? '' : ` (line ${line})`}: ${e.message.split('\n')[0]}`,
            fix: 'Correct the YAML syntax; quote values that contain ": " or start with a special character.',
          })
        }
        continue
      }
      files.push({ kind, file, name: entry.slice(0, -'.yaml'.length), data: doc.toJS() })
    }
  }
  return { files, issues }
}
