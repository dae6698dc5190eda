/**
 * Lists the records added, changed and removed since a git ref (default: the latest tag; with no tag, everything
 * counts as added), as Markdown for CHANGELOG.md. Hand-written notes go above the generated lists.
 * Usage: tsx scripts/changelog-data.ts [REF]
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim()
let ref = process.argv[2]
if (ref === undefined) {
  try {
    ref = git('describe', '--tags', '--abbrev=0')
  } catch {
    ref = undefined
  }
}

const kinds = ['studies', 'claims', 'sources'] as const
const lines: string[] = [`### Data changes since ${ref ?? 'the start of the project'}`, '']
for (const kind of kinds) {
  const now = new Map(
    readdirSync(join(root, 'data', kind))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => [f.slice(0, -5), readFileSync(join(root, 'data', kind, f), 'utf8')]),
  )
  const before = new Map<string, string>()
  if (ref !== undefined) {
    for (const path of git('ls-tree', '--name-only', `${ref}:data/${kind}`)
      .split('\n')
      .filter((f) => f.endsWith('.yaml'))) {
      before.set(path.slice(0, -5), git('show', `${ref}:data/${kind}/${path}`))
    }
  }
  const added = [...now.keys()].filter((id) => !before.has(id)).sort()
  const removed = [...before.keys()].filter((id) => !now.has(id)).sort()
  const changed = [...now.keys()]
    .filter((id) => before.has(id) && before.get(id)!.trim() !== now.get(id)!.trim())
    .sort()
  lines.push(
    `- ${kind}: ${added.length} added, ${changed.length} changed, ${removed.length} removed${removed.length > 0 ? ' (BREAKING: removed ids)' : ''}`,
  )
  if (added.length > 0) lines.push(`  - added: ${added.map((i) => `\`${i}\``).join(', ')}`)
  if (changed.length > 0) lines.push(`  - changed: ${changed.map((i) => `\`${i}\``).join(', ')}`)
  if (removed.length > 0) lines.push(`  - removed: ${removed.map((i) => `\`${i}\``).join(', ')}`)
}
console.log(lines.join('\n'))
