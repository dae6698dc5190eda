// The code in the docs runs (issue 16). Every fenced block of README.md, CONTRIBUTING.md and docs/*.md in a language
// that can run (ts, js, sh, console) says whether it does: `ts run`, `console run`, `sh run`, or `… no-run` for
// install steps, network use and browser-only code. A `ts run` block is run as a module (package imports point at the
// sources; value comments like `x // 'value'` are checked); a `console run` block runs each `$ kap-literature …` line
// through the CLI's in-process `main(argv, io)` in a scratch folder and compares the lines that follow it with what
// the command prints (`…` stands for any text, and a line of only `…` for any number of lines); a `sh run` block runs
// each `kap-literature …` line and expects exit 0. A block tagged `file=<name>` (e.g. ```md file=draft.md) is written
// into the scratch folder first, so the commands that follow can read it. CONTRIBUTING.md ("Code in the docs")
// describes the convention.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { escapeRegExp } from '../../scripts/lib/text'
import { toModule } from '../helpers/examples'
import { root } from '../helpers/paths'
import { runCli } from '../helpers/run-cli'
import { claims, sources } from '../../src/index'

const RUNNABLE = new Set(['ts', 'typescript', 'js', 'javascript', 'sh', 'bash', 'shell', 'console'])
const scratch = join(root, '.tmp', 'docblocks')

interface Block {
  readonly file: string
  readonly line: number
  readonly lang: string
  readonly tags: readonly string[]
  readonly code: string
}

function docFiles(): string[] {
  const docs = readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md') && f !== 'coverage.md')
    .sort()
    .map((f) => `docs/${f}`)
  return ['README.md', 'CONTRIBUTING.md', ...docs]
}

/** The fenced blocks of a Markdown file, with their info strings split into language and tags. */
export function blocksOf(file: string, text: string): Block[] {
  const out: Block[] = []
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,}|~{3,})\s*(.*)$/.exec(lines[i]!)
    if (open === null) continue
    const fence = open[1]!
    const [lang = '', ...tags] = open[2]!.trim().split(/\s+/).filter(Boolean)
    const body: string[] = []
    let j = i + 1
    while (j < lines.length && !lines[j]!.startsWith(fence)) body.push(lines[j++]!)
    out.push({ file, line: i + 1, lang, tags, code: body.join('\n') })
    i = j
  }
  return out
}

const blocks = docFiles().flatMap((f) => blocksOf(f, readFileSync(join(root, f), 'utf8')))
const name = (b: Block) => `${b.file}:${b.line} ${b.lang} ${b.tags.join(' ')}`.trim()

/** Splits a shell command line into words: quotes group, backslash escapes; nothing else is interpreted. */
export function shellWords(line: string): string[] {
  const words: string[] = []
  let word = ''
  let quote: string | undefined
  let any = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!
    if (quote !== undefined) {
      if (c === quote) quote = undefined
      else word += c
    } else if (c === '"' || c === "'") {
      quote = c
      any = true
    } else if (c === '\\' && i + 1 < line.length) word += line[++i]
    else if (/\s/.test(c)) {
      if (any || word !== '') words.push(word)
      word = ''
      any = false
    } else word += c
  }
  if (any || word !== '') words.push(word)
  return words
}

/** Whether printed output matches the doc's expected lines (`…` is any text; a line of only `…` is any lines). */
export function outputMatches(expected: readonly string[], actual: readonly string[]): boolean {
  const line = (e: string) => new RegExp(`^${e.split('…').map(escapeRegExp).join('.*')}$`, 'u')
  const memo = new Map<string, boolean>()
  const go = (i: number, j: number): boolean => {
    const key = `${i},${j}`
    const hit = memo.get(key)
    if (hit !== undefined) return hit
    let ok: boolean
    if (i === expected.length) ok = j === actual.length
    else if (expected[i]!.trim() === '…') ok = go(i + 1, j) || (j < actual.length && go(i, j + 1))
    else ok = j < actual.length && line(expected[i]!.trimEnd()).test(actual[j]!.trimEnd()) && go(i + 1, j + 1)
    memo.set(key, ok)
    return ok
  }
  return go(0, 0)
}

const trimEnd = (lines: string[]) => {
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop()
  return lines
}

interface Command {
  readonly env: Record<string, string>
  readonly argv: string[]
  readonly redirect: string | undefined
}

/** A `kap-literature …` command line: leading VAR=value assignments, then the words, then an optional `> file`. */
function parseCommand(text: string): Command | undefined {
  const words = shellWords(text)
  // `npx kap-literature …` and `npx --no-install kap-literature …` run the installed bin: the same command.
  if (words[0] === 'npx') {
    words.shift()
    while (words[0]?.startsWith('-')) words.shift()
  }
  const env: Record<string, string> = {}
  while (words.length > 0 && /^[A-Z_][A-Z0-9_]*=/.test(words[0]!)) {
    const [k, ...v] = words.shift()!.split('=')
    env[k!] = v.join('=')
  }
  if (words[0] !== 'kap-literature' || words.some((w) => ['|', '<', '&&', ';'].includes(w))) return undefined
  const at = words.indexOf('>')
  const redirect = at >= 0 ? words[at + 1] : undefined
  return { env, argv: (at >= 0 ? words.slice(1, at) : words.slice(1)).filter((w) => w !== ''), redirect }
}

async function runCommand(c: Command): Promise<{ code: number; stdout: string; stderr: string }> {
  const r = await runCli(c.argv, { env: { SOURCE_DATE_EPOCH: '1767225600', ...c.env } })
  if (c.redirect !== undefined) {
    writeFileSync(c.redirect, r.stdout)
    return { ...r, stdout: '' }
  }
  return r
}

const cwd = process.cwd()
beforeAll(() => {
  rmSync(scratch, { recursive: true, force: true })
  mkdirSync(scratch, { recursive: true })
  process.chdir(scratch)
})
afterAll(() => {
  process.chdir(cwd)
  vi.restoreAllMocks()
})

describe('code in the docs', () => {
  it('every block in a runnable language says whether it runs', () => {
    const untagged = blocks
      .filter((b) => RUNNABLE.has(b.lang) && !b.tags.includes('run') && !b.tags.includes('no-run'))
      .map(name)
    expect(untagged).toEqual([])
    expect(blocks.filter((b) => b.tags.includes('run')).length).toBeGreaterThan(20)
  })

  it('counts of the shipped claims and clinic pages in the prose match the data', () => {
    // A count written into prose ("one of the 71 claims") goes stale when claims are added; the test names each one.
    const wrong = docFiles().flatMap((f) =>
      readFileSync(join(root, f), 'utf8')
        .split('\n')
        .flatMap((l, k) =>
          [...l.matchAll(/\b(\d+) (claims|clinic pages)\b/g)]
            .filter((m) => Number(m[1]) !== (m[2] === 'claims' ? claims.length : sources.length))
            .map((m) => `${f}:${k + 1}: ${m[0]}`),
        ),
    )
    expect(wrong).toEqual([])
  })

  it('the helpers read commands and compare output as documented', () => {
    expect(shellWords(`a 'b c' "d" e\\ f`)).toEqual(['a', 'b c', 'd', 'e f'])
    expect(outputMatches(['x…', '…', 'z'], ['xy', '1', '2', 'z'])).toBe(true)
    expect(outputMatches(['x'], ['y'])).toBe(false)
    expect(outputMatches(['a', '…'], ['a'])).toBe(true)
    expect(parseCommand('kap-literature cite dore-2019 | less')).toBeUndefined()
    expect(parseCommand('A=1 kap-literature bib > x.txt')).toEqual({
      env: { A: '1' },
      argv: ['bib'],
      redirect: 'x.txt',
    })
    expect(parseCommand('npx --no-install kap-literature list')?.argv).toEqual(['list'])
  })

  for (const [i, b] of blocks.entries()) {
    if (!b.tags.includes('run')) continue
    it(name(b), async () => {
      // Files the document provides for its commands (```md file=draft.md), written before its blocks run.
      for (const f of blocks.filter((x) => x.file === b.file && x.tags.some((t) => t.startsWith('file='))))
        writeFileSync(join(scratch, f.tags.find((t) => t.startsWith('file='))!.slice(5)), `${f.code}\n`)
      process.chdir(scratch)
      if (b.lang === 'ts' || b.lang === 'typescript' || b.lang === 'js' || b.lang === 'javascript') {
        const file = join(scratch, `block-${String(i).padStart(3, '0')}.ts`)
        writeFileSync(file, toModule(b.code, name(b)))
        vi.spyOn(console, 'log').mockImplementation(() => {})
        await import(pathToFileURL(file).href)
        return
      }
      if (b.lang === 'console') {
        const lines = b.code.split('\n')
        const starts = lines.flatMap((l, k) => (l.startsWith('$ ') ? [k] : []))
        expect(starts.length, 'a console block starts its commands with "$ "').toBeGreaterThan(0)
        for (const [n, k] of starts.entries()) {
          const command = parseCommand(lines[k]!.slice(2))
          expect(command, `${lines[k]} is not a kap-literature command: tag the block no-run`).toBeDefined()
          const r = await runCommand(command!)
          expect(r.code, `${lines[k]}\n${r.stderr}`).toBe(0)
          const expected = trimEnd(lines.slice(k + 1, starts[n + 1] ?? lines.length))
          if (expected.length === 0) continue
          const actual = trimEnd(r.stdout.split('\n'))
          expect(
            outputMatches(expected, actual),
            `${lines[k]}\n--- the doc shows:\n${expected.join('\n')}\n--- it prints:\n${actual.join('\n')}`,
          ).toBe(true)
        }
        return
      }
      const commands = b.code.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#'))
      for (const l of commands) {
        const command = parseCommand(l.replace(/\s+#.*$/, ''))
        expect(command, `${l} is not a kap-literature command: tag the block no-run`).toBeDefined()
        const r = await runCommand(command!)
        expect(r.code, `${l}\n${r.stderr}`).toBe(0)
      }
    })
  }
})
