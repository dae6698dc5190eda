/**
 * Issue 13, findings 8 and 9: the CLI never prints a control character it was given (excerpts of a draft, file names,
 * echoed arguments), and output that cannot be written (`> /dev/full`) exits non-zero. Before the fix `check` printed
 * ESC sequences from a draft raw, `show`/`handout` echoed raw argv, and `bib > /dev/full` exited 0.
 */
import { spawnSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { dist, root } from '../helpers/paths'
import { runCli } from '../helpers/run-cli'

/** What a terminal would act on: C0 controls but tab and newline, DEL, C1, bidi overrides and isolates. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/
const HOSTILE = ['\u001b]0;pwned\u0007', '\u001b[2J', '\u009b31m', '\r', '\u202etxt.exe', '\u0008\u0008', '\u007f']

const work = mkdtempSync(join(tmpdir(), 'kap-cli-output-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('terminal output escapes control characters', () => {
  it('check: excerpts and the file name', async () => {
    const file = join(work, `draft\u001b[2J\u009b.md`)
    writeFileSync(
      file,
      `# Notes\n\nKetamine can lift depression within hours of a single infusion. \u001b]0;pwned\u0007 \u001b[31mred\u001b[0m\u202e\n`,
    )
    const r = await runCli(['check', file, '--verbose'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('infusion. \\u001b]0;pwned\\u0007 \\u001b[31mred\\u001b[0m\\u202e')
    expect(r.stdout).toContain('draft\\u001b[2J\\u009b.md')
    expect(r.stdout).not.toMatch(UNSAFE)
    const j = await runCli(['check', file, '--json'])
    expect(j.stdout).not.toMatch(UNSAFE)
    expect(JSON.parse(j.stdout)[0].excerpt).toContain('\u001b[31mred')
  })

  it('a file name with a line break or tab cannot start a report line of its own (review 29)', async () => {
    const file = join(work, 'a\nb\tc.md')
    writeFileSync(file, 'Ketamine can lift depression within hours of a single infusion.\n')
    const r = await runCli(['check', file])
    expect(r.stdout.split('\n')[0]).toBe(`${join(work, 'a\\u000ab\\u0009c.md')}: 1 passage makes 1 tracked claim.`)
    const out = join(work, 'map\nforged.svg')
    const m = await runCli(['map', '--topic', 'onset', '--out', out])
    expect([m.code, m.stderr]).toEqual([0, `kap-literature: wrote ${join(work, 'map\\u000aforged.svg')}\n`])
  })

  it('a dangling link names its target, and a name that is not UTF-8 says so (review 29: both said something else)', async () => {
    const link = join(work, 'dangling.svg')
    symlinkSync(join(work, 'no-such-folder', 'map.svg'), link)
    const m = await runCli(['map', '--topic', 'onset', '--out', link])
    const target = JSON.stringify(join(work, 'no-such-folder', 'map.svg'))
    expect([m.code, m.stderr]).toEqual([
      1,
      `kap-literature: cannot write ${JSON.stringify(link)}: it is a link to ${target}, whose folder does not exist; ` +
        'remove the link or choose another path\n',
    ])
    // Node hands a name whose bytes are not UTF-8 to the program with U+FFFD in their place.
    const c = await runCli(['check', join(work, 'n\ufffdo.md')])
    expect(c.code).toBe(1)
    expect(c.stderr).toContain('its name is not UTF-8 text, which cannot be passed on; rename the file, or pipe it')
  })

  it('a long stray word is quoted shortened in every usage error (review 29: claims, handout, list echoed it whole)', async () => {
    const word = 'a'.repeat(120_000)
    for (const command of ['claims', 'handout', 'list', 'show', 'cite']) {
      const r = await runCli([command, word])
      expect(r.code, command).toBeGreaterThan(0)
      expect(r.stderr.length, command).toBeLessThan(400)
      expect(r.stderr, command).toContain(`"${'a'.repeat(57)}..."`)
    }
  })

  it('echoed arguments in errors, for any argument (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('show', 'cite', 'search', 'handout', 'frobnicate', 'check', 'map'),
        fc.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string()), { minLength: 1, maxLength: 4 }),
        async (command, parts) => {
          const word = parts.join('')
          const args =
            command === 'handout'
              ? ['handout', '--topic', word]
              : command === 'map'
                ? ['map', '--topic', word]
                : [command, word]
          const r = await runCli(args)
          expect(r.stderr).not.toMatch(UNSAFE)
          expect(r.stdout).not.toMatch(UNSAFE)
        },
      ),
      { numRuns: 150 },
    )
  }, 120_000)
})

describe('output that cannot be written exits non-zero', () => {
  const bin = join(dist, 'cli.js')
  for (const args of [['bib', 'dore-2019'], ['export', 'dore-2019'], ['check', '--json', '-'], ['list']]) {
    it(`${args.join(' ')} > /dev/full`, () => {
      const full = openSync('/dev/full', 'w')
      try {
        const r = spawnSync(process.execPath, [bin, ...args], {
          cwd: root,
          input: 'A draft about nothing in particular.\n',
          stdio: ['pipe', full, 'pipe'],
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1' },
          timeout: 30_000,
        })
        expect(r.status).toBe(1)
        expect(r.stderr.trim()).toBe(
          'kap-literature: cannot write the output (ENOSPC); nothing, or only part, was written',
        )
      } finally {
        closeSync(full)
      }
    })
  }
  it('a closed pipe is still not an error', () => {
    const r = spawnSync(
      'bash',
      ['-c', `set -o pipefail; node ${JSON.stringify(bin)} export | head -c 10 > /dev/null`],
      { cwd: root, encoding: 'utf8', timeout: 30_000 },
    )
    expect(r.status).toBe(0)
  })
})
