// `npm start --silent -- <args>`: runs the CLI from source for development, rebuilding the generated data only when its
// inputs changed (a stamp of their paths, sizes and modification times is kept in src/generated/.inputs). `--silent`
// keeps npm's own "> kap-literature@… start" banner off standard output, so the output can be redirected to a file.
// The published bin (dist/cli.js, built by `npm run build`) is not involved.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const inputs = [
  'data',
  'scripts/build-data.ts',
  'scripts/build-search-index.ts',
  'scripts/lib',
  'src/search',
  'src/details',
  'package.json',
]

function walk(path, out) {
  const st = statSync(path)
  if (st.isDirectory()) for (const name of readdirSync(path).sort()) walk(join(path, name), out)
  else out.push(`${relative(root, path)}\t${st.size}\t${st.mtimeMs}`)
}

const lines = []
for (const p of inputs) if (existsSync(join(root, p))) walk(join(root, p), lines)
const stamp = createHash('sha256').update(lines.join('\n')).digest('hex')
const stampFile = join(root, 'src', 'generated', '.inputs')
const generated = ['ids.ts', 'core.ts', 'details.ts', 'search-index.json'].every((f) =>
  existsSync(join(root, 'src', 'generated', f)),
)
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs')

if (!generated || !existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stamp) {
  for (const script of ['scripts/build-data.ts', 'scripts/build-search-index.ts']) {
    const r = spawnSync(process.execPath, [tsx, join(root, script)], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    if (r.status !== 0) process.exit(r.status ?? 1)
  }
  writeFileSync(stampFile, stamp)
}

const r = spawnSync(
  process.execPath,
  ['--import', 'tsx', join(root, 'src', 'cli', 'bin.ts'), ...process.argv.slice(2)],
  { stdio: 'inherit' },
)
process.exit(r.status ?? 1)
