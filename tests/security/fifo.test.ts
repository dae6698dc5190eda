/**
 * Audit 35 (A), finding 12: a FIFO never makes the library or the CLI wait without end. `loadSystemStyle` on a style
 * file that is a FIFO, and `kap-literature map --out <fifo>`, blocked in open() until killed. Each case runs the built
 * package in a child process with a hard timeout, so a regression fails the test instead of hanging the run.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { evidenceMap } from '../../src/map/index'
import { dist, root } from '../helpers/paths'

const work = mkdtempSync(join(tmpdir(), 'kap-fifo-'))
const children: ChildProcess[] = []
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
  rmSync(work, { recursive: true, force: true })
})

let fifos = 0
/** A new FIFO in the work folder, named `<name>.csl` in a folder of its own. */
function fifo(name = 'x'): { dir: string; path: string } {
  const dir = join(work, `f${++fifos}`)
  execFileSync('mkdir', [dir])
  const path = join(dir, `${name}.csl`)
  execFileSync('mkfifo', [path])
  return { dir, path }
}

/** Runs node with `args`, killed after 20 s; resolves with its exit code, output and whether it was killed. */
function runNode(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    children.push(child)
    let stdout = ''
    let stderr = ''
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, 20_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr, timedOut })
    })
  })
}

/** Keeps a FIFO open at its other end (for writing or reading) without ever using it, until the test ends. */
function holdOpen(path: string, mode: 'write' | 'read'): ChildProcess {
  const script = mode === 'write' ? 'exec 3>"$1"; sleep 60' : 'exec 3<"$1"; sleep 60'
  const child = spawn('sh', ['-c', script, 'sh', path], { stdio: 'ignore' })
  children.push(child)
  return child
}

/** Calls the built loadSystemStyle in a child process and prints the error's code and message. */
const loadStyle = (dir: string) =>
  runNode([
    '--input-type=module',
    '-e',
    `import { loadSystemStyle } from ${JSON.stringify(join(dist, 'cite.js'))}
     try { loadSystemStyle('x', { directory: ${JSON.stringify(dir)} }); console.log('loaded') }
     catch (e) { console.log(e.code, e.message) }`,
  ])

describe('loadSystemStyle never waits on a FIFO', () => {
  it('refuses a FIFO without a writer at once, with UNKNOWN_STYLE naming the path', async () => {
    const { dir, path } = fifo()
    const r = await loadStyle(dir)
    expect(r.timedOut).toBe(false)
    expect(r.stdout.trim()).toBe(`UNKNOWN_STYLE kap-literature: no CSL style file "${path}"`)
  }, 60_000)

  it('refuses a FIFO whose writer never writes', async () => {
    const { dir, path } = fifo()
    holdOpen(path, 'write')
    const r = await loadStyle(dir)
    expect(r.timedOut).toBe(false)
    expect(r.stdout.trim()).toBe(`UNKNOWN_STYLE kap-literature: no CSL style file "${path}"`)
  }, 60_000)
})

describe('kap-literature map --out never waits on a FIFO', () => {
  const bin = join(dist, 'cli.js')

  it('refuses a FIFO without a reader with exit 1 and one line', async () => {
    const { path } = fifo('map')
    const r = await runNode([bin, 'map', '--topic', 'onset', '--out', path])
    expect(r.timedOut).toBe(false)
    expect(r.code).toBe(1)
    expect(r.stderr).toBe(
      `kap-literature: cannot write "${path}": it is a FIFO (named pipe) or socket, not a file; give a file name, or ` +
        'leave out --out to write to standard output\n',
    )
  }, 60_000)

  it('refuses a FIFO with a reader too: --out writes files', async () => {
    const { path } = fifo('map')
    holdOpen(path, 'read')
    const r = await runNode([bin, 'map', '--topic', 'onset', '--out', path])
    expect(r.timedOut).toBe(false)
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('it is a FIFO (named pipe) or socket, not a file')
  }, 60_000)

  it('still writes a regular file, replacing what it held', async () => {
    const file = join(work, 'map.svg')
    for (let i = 0; i < 2; i++) {
      const r = await runNode([bin, 'map', '--topic', 'onset', '--out', file])
      expect([r.code, r.stderr]).toEqual([0, `kap-literature: wrote ${file}\n`])
    }
    expect(readFileSync(file, 'utf8')).toBe(evidenceMap({ topic: 'onset', format: 'svg' }))
  }, 60_000)
})
