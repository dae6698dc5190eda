/**
 * Issue 13, findings 2 and 3: `check` is linear in its input and reads no more than its limit. Before the fix the
 * segmenter's regexes and the matcher's minimal-passage filter were quadratic (1 MB of prose 8.4 s, 80 KB of dots
 * 19 s), and `check /dev/zero` read without end.
 */
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { drafts } from '../../bench/security-inputs'
import { checkDraft, mergeOverlapping } from '../../src/check/index'
import { findMatches } from '../../src/check/match'
import { MAX_SENTENCE, segment } from '../../src/check/segment'
import { MAX_INPUT_BYTES } from '../../src/cli/read'
import { dist, root } from '../helpers/paths'
import { runCli } from '../helpers/run-cli'
import { MAX_RATIO, growth } from './timing'

const KB = 1024

describe('check runs in linear time', () => {
  for (const [name, make] of Object.entries(drafts)) {
    it(`${name}: 8× the input takes at most 20× the time`, () => {
      const g = growth(
        (size) => {
          const text = make(size)
          return () => findMatches(text)
        },
        32 * KB,
        256 * KB,
      )
      expect(g.ratio, `32 KB ${g.small.toFixed(1)} ms, 256 KB ${g.large.toFixed(1)} ms`).toBeLessThanOrEqual(MAX_RATIO)
    }, 120_000)
  }

  it('one long line that repeats a tracked claim: 8× the input takes at most 20× the time to check (review 29)', () => {
    // Every sentence shares the one line, so each passage merges with the claim's last one (it was quadratic).
    const unit = 'Ketamine-assisted therapy has three stages: preparation, dosing and integration. '
    const g = growth(
      (size) => {
        const text = unit.repeat(Math.ceil(size / unit.length))
        return () => checkDraft(text)
      },
      32 * KB,
      256 * KB,
    )
    expect(g.ratio, `32 KB ${g.small.toFixed(1)} ms, 256 KB ${g.large.toFixed(1)} ms`).toBeLessThanOrEqual(MAX_RATIO)
    expect(checkDraft(unit.repeat(50))).toHaveLength(1)
    // The merge alone, where the quadratic cost was: passages of one claim, all on line 1.
    const lines = () => ({ start: 1, end: 1 })
    const m = growth(
      (n) => {
        const passages = Array.from({ length: n }, (_, i) => ({
          claim: 'without-therapy-ketamine-effects-fade-faster' as const,
          sentences: [i],
          cues: [`cue ${i % 7}`],
          runnersUp: [],
          lines: { start: 1, end: 1 },
          stance: 'asserted' as const,
        }))
        return () => mergeOverlapping(passages, lines)
      },
      4000,
      32000,
    )
    expect(m.ratio, `4,000 passages ${m.small.toFixed(1)} ms, 32,000 ${m.large.toFixed(1)} ms`).toBeLessThanOrEqual(
      MAX_RATIO,
    )
  }, 120_000)

  it('a thematic-break line at the input limit is read without running out of stack (review 29)', () => {
    for (const mark of ['- ', '*', '_ '])
      expect(() => findMatches(mark.repeat(Math.floor(MAX_INPUT_BYTES / mark.length)))).not.toThrow()
    expect(segment('---').length).toBe(0)
  }, 120_000)

  it('any mix of Markdown syntax: 8× the input takes at most 20× the time (property)', () => {
    const piece = fc.constantFrom(
      '<!--',
      '-->',
      '![',
      '[',
      ']',
      '(',
      ')',
      '[^',
      '<a ',
      '<http:',
      '`',
      '*',
      '_',
      '.',
      '...',
      '!',
      '?',
      ' ',
      '\n',
      '# ',
      '- ',
      '1. ',
      '> ',
      '|',
      'ketamine ',
      'lasts weeks ',
      'e.g. ',
      'A',
      'http://x/',
      '"',
      '\u2026',
      '---\n',
      '```\n',
      // footnotes, tables, character references and invisible characters (read since the audit of 2026-12)
      '^[',
      '[^1]: ',
      '| --- |',
      '-|',
      ':',
      '&',
      '&#',
      '&#x',
      // Pandoc citation keys (read as their words since round 35)
      '@',
      '[@a-1',
      '-@',
      '@b.-',
      '&nbsp;',
      '123;',
      '\u00ad',
      '\u200b',
    )
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), (parts) => {
        const unit = parts.join('')
        const g = growth(
          (size) => {
            const text = unit.repeat(Math.ceil(size / unit.length)).slice(0, size)
            return () => findMatches(text)
          },
          16 * KB,
          128 * KB,
          3,
        )
        expect(g.ratio, JSON.stringify(unit)).toBeLessThanOrEqual(MAX_RATIO)
      }),
      { numRuns: 15 },
    )
  }, 300_000)

  it('tables, footnotes and character references: 8× the input takes at most 20× the time', () => {
    for (const [name, unit] of [
      ['table rows', '| Ketamine works within hours | Smith 2020 |\n'],
      ['delimiter rows', '| --- | :-: |\n'],
      ['one table row of pipes', '|'],
      ['footnote definitions', '[^1]: Murrough et al. found this.\n'],
      ['unclosed inline footnotes', 'ketamine ^[lasts '],
      ['references', 'ketamine&nbsp;lasts &#8217;&#x2019;&amp;&foo &#'],
      ['invisible characters', 'keta\u00admine\u200b '],
    ] as const) {
      const g = growth(
        (size) => {
          const text = unit.repeat(Math.ceil(size / unit.length)).slice(0, size)
          return () => findMatches(text)
        },
        32 * KB,
        256 * KB,
      )
      expect(g.ratio, `${name}: 32 KB ${g.small.toFixed(1)} ms, 256 KB ${g.large.toFixed(1)} ms`).toBeLessThanOrEqual(
        MAX_RATIO,
      )
    }
  }, 120_000)

  it('cuts text without punctuation into sentences of at most MAX_SENTENCE characters, keeping every word', () => {
    const text = 'ketamine helps depression fast '.repeat(2000)
    const sentences = segment(text)
    expect(Math.max(...sentences.map((s) => s.text.length))).toBeLessThanOrEqual(MAX_SENTENCE)
    expect(sentences.map((s) => s.text).join(' ')).toBe(text.trim())
  })
})

const bin = join(dist, 'cli.js')
const work = mkdtempSync(join(tmpdir(), 'kap-check-input-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** Runs the built CLI with stdin from a file (or /dev/zero), with a hard timeout; returns code, stderr and time. */
function runBinWith(
  args: string[],
  stdinFile?: string,
): Promise<{ code: number | null; stderr: string; ms: number; timedOut: boolean }> {
  return new Promise((resolve) => {
    const t0 = performance.now()
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: [stdinFile === undefined ? 'ignore' : 'pipe', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
    if (stdinFile !== undefined) {
      // An endless writer: stdin is fed until the child stops reading.
      const feed = spawn('cat', [stdinFile], { stdio: ['ignore', child.stdin!, 'ignore'] })
      child.on('exit', () => feed.kill())
    }
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, 30_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stderr, ms: performance.now() - t0, timedOut })
    })
  })
}

describe('check reads no more than its limit', () => {
  it('refuses /dev/zero (stat size 0) at the limit with exit 1 and one line', async () => {
    const r = await runBinWith(['check', '/dev/zero'])
    expect(r.timedOut).toBe(false)
    expect(r.code).toBe(1)
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      'kap-literature: "/dev/zero" is larger than 5 MB; check reads drafts up to 5 MB',
    ])
  }, 60_000)

  it('refuses an endless standard input at the limit', async () => {
    const r = await runBinWith(['check', '-'], '/dev/zero')
    expect(r.timedOut).toBe(false)
    expect(r.code).toBe(1)
    expect(r.stderr.trimEnd()).toBe('kap-literature: standard input is larger than 5 MB; check reads drafts up to 5 MB')
  }, 60_000)

  it('does not hang on a FIFO with no writer', async () => {
    const fifo = join(work, 'fifo')
    execFileSync('mkfifo', [fifo])
    const r = await runBinWith(['check', fifo])
    expect(r.timedOut).toBe(false)
    expect(r.code).toBe(1)
    expect(r.stderr.trimEnd()).toBe(`kap-literature: "${fifo}" is empty; nothing to check`)
  }, 60_000)

  it('counts bytes on standard input in-process too: one byte over the limit is refused, the limit itself is read', async () => {
    const over = await runCli(['check', '-'], { input: `ketamine ${'a'.repeat(MAX_INPUT_BYTES)}` })
    expect(over.code).toBe(1)
    expect(over.stderr.trim()).toBe('kap-literature: standard input is larger than 5 MB; check reads drafts up to 5 MB')
    const at = await runCli(['check', '-'], { input: 'a '.repeat(MAX_INPUT_BYTES / 2) })
    expect(at.code).toBe(0)
  }, 60_000)

  it('applies the limit to the bytes of a UTF-16 draft, before decoding: its text is at most half as many characters', async () => {
    const utf16 = (text: string) => new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))])
    // 2 bytes of mark + 2 per character: one character more than fits is refused.
    const fits = (MAX_INPUT_BYTES - 2) / 2
    const over = await runCli(['check', '-'], { input: utf16(`ketamine ${'a'.repeat(fits)}`) })
    expect([over.code, over.stderr]).toEqual([
      1,
      'kap-literature: standard input is larger than 5 MB; check reads drafts up to 5 MB\n',
    ])
    const at = await runCli(['check', '-', '--json'], { input: utf16('a '.repeat(fits / 2)) })
    expect([at.code, at.stdout, at.stderr]).toEqual([0, '[]\n', ''])
  }, 60_000)

  it('the built CLI exists (these tests run against dist/cli.js)', () => {
    expect(existsSync(bin)).toBe(true)
  })
})
