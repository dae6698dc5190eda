// The checkout form of the CLI the docs recommend (`npm start --silent -- …`) writes only the command's output to
// standard output (audit 35 B, entry 3): without `--silent`, npm prints its "> kap-literature@0.2.0 start" banner
// there first, and a redirected SVG, handout, BibTeX or JSON file starts with it.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { root } from '../helpers/paths'

const docs = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`),
]

/** Every `npm start …` that passes arguments to the CLI, with its file and line. */
function npmStarts(): { where: string; command: string }[] {
  return docs.flatMap((f) =>
    readFileSync(join(root, f), 'utf8')
      .split('\n')
      .flatMap((l, k) =>
        [...l.matchAll(/npm start\b[^`|#\n]*--(?:\s|$)/g)].map((m) => ({ where: `${f}:${k + 1}`, command: m[0] })),
      ),
  )
}

const scratch = mkdtempSync(join(tmpdir(), 'kap-npm-start-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** Runs npm in a package whose start script prints its arguments, as scripts/start.mjs passes them to the CLI. */
function npm(args: string[]): { status: number | null; stdout: string } {
  writeFileSync(
    join(scratch, 'package.json'),
    JSON.stringify({ name: 'kap-literature', version: '0.2.0', scripts: { start: 'node start.mjs' } }),
  )
  writeFileSync(join(scratch, 'start.mjs'), "console.log(process.argv.slice(2).join(' '))\n")
  const r = spawnSync('npm', args, {
    cwd: scratch,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false', npm_config_offline: 'true' },
    timeout: 30_000,
  })
  return { status: r.status, stdout: r.stdout }
}

describe('npm start in the docs', () => {
  it('always passes --silent, so redirected output holds only what the CLI prints', () => {
    const starts = npmStarts()
    expect(starts.length).toBeGreaterThanOrEqual(6)
    expect(
      starts.filter((s) => !/^npm start --silent --/.test(s.command)).map((s) => `${s.where}: ${s.command}`),
    ).toEqual([])
  })

  it('npm start --silent -- prints only the command output; without --silent npm adds its banner', () => {
    expect(npm(['start', '--silent', '--', 'map', '--topic', 'onset'])).toEqual({
      status: 0,
      stdout: 'map --topic onset\n',
    })
    const loud = npm(['start', '--', 'map', '--topic', 'onset'])
    expect(loud.status).toBe(0)
    expect(loud.stdout).toBe(
      '\n> kap-literature@0.2.0 start\n> node start.mjs map --topic onset\n\nmap --topic onset\n',
    )
  })
})
