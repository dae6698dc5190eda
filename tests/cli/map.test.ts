import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { evidenceMap } from '../../src/map/index'
import { runCli } from '../helpers/run-cli'

describe('kap-literature map', () => {
  it('writes the topic map to --out, byte for byte what evidenceMap gives', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kap-map-')), 'map.svg')
    const r = await runCli(['map', '--topic', 'psychotherapy', '--out', file])
    expect(r.code).toBe(0)
    expect(r.stderr).toBe(`kap-literature: wrote ${file}\n`)
    expect(readFileSync(file, 'utf8')).toBe(evidenceMap({ topic: 'psychotherapy', format: 'svg' }))
  })
  it('prints HTML and chosen claims to standard output', async () => {
    const r = await runCli([
      'map',
      '--claims',
      'ketamine-relief-within-hours,standalone-ketamine-relief-short-lived',
      '--format',
      'html',
      '--title',
      'How fast?',
    ])
    expect(r.code).toBe(0)
    expect(r.stdout).toBe(
      evidenceMap({
        claims: ['ketamine-relief-within-hours', 'standalone-ketamine-relief-short-lived'],
        format: 'html',
        title: 'How fast?',
      }),
    )
  })
  it('an unknown topic exits 1 with the closest topic; a bad format or stray word is an error', async () => {
    const r = await runCli(['map', '--topic', 'efficacyy'])
    expect(r.code).toBe(1)
    expect(r.stderr).toBe(
      'kap-literature: unknown topic "efficacyy" (did you mean "efficacy"?); topics: efficacy, duration, onset, ' +
        'mechanism, neuroplasticity, psychotherapy, protocol, route-and-dose, subjective-effects, regulation, safety, ' +
        'indications, comparison, marketing-language\n',
    )
    expect((await runCli(['map', '--format', 'png'])).code).toBe(1)
    expect((await runCli(['map', 'efficacy'])).code).toBe(2)
  })
  it('takes option values and claim ids in any letter case, as the other commands do', async () => {
    const r = await runCli(['map', '--topic', 'Psychotherapy', '--format', 'SVG'])
    expect(r.code).toBe(0)
    expect(r.stdout).toBe(evidenceMap({ topic: 'psychotherapy', format: 'svg' }))
    // Ids too, as cite, bib, show and export read them.
    const ids = await runCli(['map', '--claims', ' KAP-Three-Phase-Structure ,ketamine-relief-within-hours'])
    expect(ids.code).toBe(0)
    expect(ids.stdout).toBe(
      evidenceMap({ claims: ['kap-three-phase-structure', 'ketamine-relief-within-hours'], format: 'svg' }),
    )
  })
  it('takes a --title of 200 emoji, as evidenceMap does (characters, not UTF-16 units; session 35)', async () => {
    const title = '🙂'.repeat(200)
    const r = await runCli(['map', '--topic', 'onset', '--title', title])
    expect(r.code).toBe(0)
    expect(r.stdout).toBe(evidenceMap({ topic: 'onset', format: 'svg', title }))
  })
  it('refuses a blank --title, which would leave the picture without a name (review 28)', async () => {
    for (const title of ['', '  ']) {
      const r = await runCli(['map', '--topic', 'onset', '--title', title])
      expect([r.code, r.stdout, r.stderr]).toEqual([
        1,
        '',
        'kap-literature: --title is blank; leave it out for the default heading ("Evidence map: <topic>")\n',
      ])
    }
  })
  it('refuses a --title with control or bidi characters, shown as visible escapes (audit 35, A-11)', async () => {
    const r = await runCli(['map', '--topic', 'onset', '--title', 'A\u0001B\u001b[31mRED'])
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe(
      'kap-literature: --title "A\\u0001B\\u001b[31mRED" contains U+0001, a control or bidirectional formatting ' +
        'character; a map title is one line of plain text\n',
    )
    for (const title of ['new\nline', 'tab\tx', 'del\u007f', 'csi\u009b', 'rtl\u202eevil', 'iso\u2066x']) {
      const bad = await runCli(['map', '--title', title])
      expect([bad.code, bad.stdout], JSON.stringify(title)).toEqual([1, ''])
      // No control character reaches the terminal: every one is written as a visible escape.
      expect(bad.stderr.trimEnd()).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/)
    }
  })
  it('without --topic or --claims draws every claim', async () => {
    expect((await runCli(['map'])).stdout).toBe(evidenceMap({ format: 'svg' }))
  })
})

describe('kap-literature map --out - (hostile review, session 35)', () => {
  it('writes to standard output, as check - reads standard input; ./- is a file named "-"', async () => {
    const r = await runCli(['map', '--topic', 'onset', '--out', '-'])
    expect([r.code, r.stderr]).toEqual([0, ''])
    expect(r.stdout).toBe(evidenceMap({ topic: 'onset', format: 'svg' }))
    const dir = mkdtempSync(join(tmpdir(), 'kap-map-dash-'))
    const named = await runCli(['map', '--topic', 'onset', '--out', join(dir, '-')])
    expect(named.code).toBe(0)
    expect(readFileSync(join(dir, '-'), 'utf8')).toBe(evidenceMap({ topic: 'onset', format: 'svg' }))
  })
})
