import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dist, root } from '../helpers/paths'
import { dataFingerprint, dataVersion } from '../../src/index'
import { runBin, runCli } from '../helpers/run-cli'

const commands = ['search', 'show', 'claims', 'cite', 'bib', 'export', 'check', 'handout', 'map', 'list']
const ESC = '\u001b['

describe('help and version', () => {
  it('lists every command in the main help', async () => {
    const r = await runCli(['--help'])
    expect(r.code).toBe(0)
    for (const c of commands) expect(r.stdout).toMatch(new RegExp(`^  ${c} +\\S`, 'm'))
    expect(r.stdout).toContain('Exit codes: 0 success, 1 not found or invalid input, 2 usage error.')
  })
  it('has --help, -h and help <command> for every command', async () => {
    for (const c of commands) {
      const r = await runCli([c, '--help'])
      expect(r.code, c).toBe(0)
      expect(r.stdout, c).toMatch(new RegExp(`^Usage: kap-literature ${c}\\b`))
      expect(r.stdout, c).toContain('Example')
      expect((await runCli(['help', c])).stdout).toBe(r.stdout)
      expect((await runCli([c, '-h'])).stdout).toBe(r.stdout)
    }
  })
  it('prints the main help on stderr and exits 2 without a command', async () => {
    const r = await runCli([])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^kap-literature \d/)
  })
  it('prints the version and the data fingerprint', async () => {
    // The version alone is shared by every data change until a release (audit 35 B, entry 16).
    expect((await runCli(['--version'])).stdout).toBe(`${dataVersion} (data fingerprint ${dataFingerprint})\n`)
    expect((await runCli(['-v'])).stdout).toMatch(/^\d+\.\d+\.\d+ \(data fingerprint [0-9a-f]{12}\)\n$/)
    // --json: machine-readable, as the common rule says (review 28: it printed the plain line).
    expect(JSON.parse((await runCli(['--version', '--json'])).stdout)).toEqual({
      version: dataVersion,
      fingerprint: dataFingerprint,
    })
  })
})

// What each command prints in colour when colour is on: one invocation per command that has coloured text output.
const coloured: string[][] = [
  ['search', 'grunebaum', '2018', '--limit', '1'],
  ['show', 'without-therapy-ketamine-effects-fade-faster'],
  ['claims', '--verdict', 'inaccurate'],
  ['list', 'claims'],
]

function envWithout(...names: string[]): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !names.includes(k)) env[k] = v
  return env
}

describe('colour', () => {
  it('is off when output is not a terminal', async () => {
    for (const args of coloured)
      expect((await runCli(args, { env: { NO_COLOR: '' } })).stdout, args[0]).not.toContain(ESC)
  })
  it('is on with FORCE_COLOR, except for JSON', async () => {
    for (const args of coloured.filter((a) => a[0] !== 'list'))
      expect((await runCli(args, { env: { NO_COLOR: '', FORCE_COLOR: '1' } })).stdout, args[0]).toContain(ESC)
    const check = await runCli(['check', '-'], {
      input: 'Ketamine acts on NMDA receptors.',
      env: { NO_COLOR: '', FORCE_COLOR: '1' },
    })
    expect(check.stdout).toContain(ESC)
    expect((await runCli(['claims', '--json'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } })).stdout).not.toContain(ESC)
  })
  it('shows each verdict in the hue it has in the maps, handouts and web components', async () => {
    const { stdout } = await runCli(['claims'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } })
    const shown = new Map([...stdout.matchAll(/\u001b\[(\d+)m([a-z]+)\u001b\[39m\]/g)].map((m) => [m[2], m[1]]))
    expect(Object.fromEntries([...shown].sort())).toEqual({
      accurate: '32', // green, as #00854d
      contested: '35', // magenta, as #c80c7f
      inaccurate: '31', // red, as #8b2e18
      oversimplified: '34', // blue, as #0055aa
      overstated: '33', // amber (yellow), as #9a6700
    })
  })
  it('is never on with NO_COLOR, even with FORCE_COLOR', async () => {
    for (const args of coloured)
      expect((await runCli(args, { env: { NO_COLOR: '1', FORCE_COLOR: '1' } })).stdout, args[0]).not.toContain(ESC)
    expect(
      (
        await runCli(['check', '-'], {
          input: 'Ketamine acts on NMDA receptors.',
          env: { NO_COLOR: '1', FORCE_COLOR: '1' },
        })
      ).stdout,
    ).not.toContain(ESC)
  })
  it.skipIf(!existsSync('/usr/bin/script'))('[bin] is on in a real terminal, and off there with NO_COLOR', () => {
    const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(join(dist, 'cli.js'))} claims --verdict inaccurate`
    const tty = (env: Record<string, string>) =>
      spawnSync('/usr/bin/script', ['-qec', cmd, '/dev/null'], { cwd: root, env, encoding: 'utf8', timeout: 30_000 })
    const on = tty(envWithout('NO_COLOR', 'FORCE_COLOR'))
    expect(on.status).toBe(0)
    expect(on.stdout).toContain(`${ESC}31minaccurate${ESC}39m`)
    const off = tty({ ...envWithout('FORCE_COLOR'), NO_COLOR: '1' })
    expect(off.status).toBe(0)
    expect(off.stdout).toContain('[inaccurate] only-fda-approved-psychedelic-adjacent-drug-for-mental-health')
    expect(off.stdout).not.toContain(ESC)
  })
})

// Most tests call main(argv, io) in-process; these run the built bin as a separate process, for what only a real
// process shows: exit codes, piped standard input, stack traces from the bundle.
describe('[bin] the built bin', () => {
  it('exits with the code main returns, and reads piped standard input', () => {
    expect(runBin(['--version']).stdout).toBe(`${dataVersion} (data fingerprint ${dataFingerprint})\n`)
    expect(runBin([]).code).toBe(2)
    expect(runBin(['show', 'no-such-claim']).code).toBe(1)
    const check = runBin(['check', '-', '--json'], { input: 'Ketamine acts on NMDA receptors.' })
    expect(check.code).toBe(0)
    expect(check.stdout).toContain('ketamine-acts-on-nmda-glutamate')
  })
})

describe('[bin] SOURCE_DATE_EPOCH', () => {
  it('a malformed value fails the command that prints a date with one line and exit 1, and no other', () => {
    const bad = runBin(['handout', '--topic', 'safety'], { env: { SOURCE_DATE_EPOCH: 'abc' } })
    expect(bad.code).toBe(1)
    expect(bad.stdout).toBe('')
    expect(bad.stderr).toMatch(/^kap-literature: SOURCE_DATE_EPOCH "abc" is not a date: use whole seconds since 1970/)
    expect(bad.stderr.trim().split('\n')).toHaveLength(1)
    expect(runBin(['--version'], { env: { SOURCE_DATE_EPOCH: 'abc' } }).code).toBe(0)
  })
})

describe('[bin] --debug', () => {
  it('adds a stack trace to an error message', () => {
    const plain = runBin(['cite', 'nonsense-1999'])
    expect(plain.stderr.trim().split('\n')).toHaveLength(1)
    const debug = runBin(['cite', 'nonsense-1999', '--debug'])
    expect(debug.code).toBe(1)
    expect(debug.stderr.split('\n')[0]).toBe(plain.stderr.split('\n')[0])
    expect(debug.stderr).toMatch(/\n\s+at .+\.js:\d+/)
  })
})
