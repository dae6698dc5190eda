// Maintainer tool, run after `npm install` changes the lockfile: `node scripts/lock-platform-optionals.mjs`.
// The registry this project installs from serves only some platform builds of a few packages (rollup's
// @rollup/rollup-<os>-<cpu> binaries). npm then leaves those optional dependencies out of package-lock.json and
// `npm ci` refuses the lockfile as out of sync. This adds a lock entry for each missing platform package, with the
// os/cpu/libc its name declares, so `npm ci` skips it on other platforms without fetching anything.
import { readFileSync, writeFileSync } from 'node:fs'

const file = process.argv[2] ?? 'package-lock.json'
const lock = JSON.parse(readFileSync(file, 'utf8'))
const pkgs = lock.packages
const OS = ['android', 'darwin', 'freebsd', 'linux', 'openbsd', 'openharmony', 'win32', 'sunos', 'aix', 'netbsd']
const CPU = {
  arm: 'arm',
  'arm-eabi': 'arm',
  arm64: 'arm64',
  x64: 'x64',
  ia32: 'ia32',
  loong64: 'loong64',
  ppc64: 'ppc64',
  riscv64: 'riscv64',
  s390x: 's390x',
}

function platformOf(name) {
  const m = /^@[^/]+\/[a-z]+-([a-z0-9]+)-([a-z0-9]+)(?:-(eabi|gnueabihf|musleabihf|gnu|musl|msvc))?$/.exec(name)
  if (!m || !OS.includes(m[1])) return undefined
  const cpu = CPU[m[3] === 'eabi' ? 'arm-eabi' : m[2]]
  if (!cpu) return undefined
  const libc =
    m[3] === 'musl' || m[3] === 'musleabihf' ? 'musl' : m[3] === 'gnu' || m[3] === 'gnueabihf' ? 'glibc' : undefined
  return { os: m[1], cpu, libc }
}

let added = 0
for (const [path, entry] of Object.entries(pkgs)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${dep}`
    if (pkgs[key] || pkgs[`${path}/${key}`]) continue
    const p = platformOf(dep)
    if (!p) continue
    pkgs[key] = {
      version,
      cpu: [p.cpu],
      ...(entry.dev ? { dev: true } : {}),
      ...(p.libc ? { libc: [p.libc] } : {}),
      optional: true,
      os: [p.os],
    }
    added++
  }
}
lock.packages = Object.fromEntries(
  Object.entries(pkgs).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
)
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`)
console.log(`lock-platform-optionals: added ${added} platform entries to ${file}`)
