import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { claims, studyIds } from '../../src/index'
import { root } from '../helpers/paths'
import { main } from '../../src/cli/index'
import type { Io } from '../../src/cli/io'
import { runCli } from '../helpers/run-cli'

/** A draft made of every claim's statement, one paragraph each. */
const everyClaimDraft = claims.map((c) => c.statement).join('\n\n')

const dir = mkdtempSync(join(tmpdir(), 'kap-check-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const draft = join(dir, 'draft.md')
writeFileSync(
  draft,
  [
    '# My post about ketamine',
    '',
    'A private sentence about Aunt Philippa that must never be printed.',
    '',
    'Research suggests that without therapy, the effects of ketamine infusions may fade more quickly.',
    '',
    'Ketamine acts on NMDA receptors in the glutamate system.',
  ].join('\n'),
)

interface Match {
  claim: string
  statement: string
  verdict: string
  verdictNote: string
  verdictNoteStudies: string[]
  lines: { start: number; end: number }
  excerpt: string
  cues: string[]
  cite: { id: string; relation: string; citation: string }[]
  citation: string
  against: { id: string; relation: string; citation: string }[]
  againstCitation: string
  stance: string
  runnersUp: string[]
}

describe('kap-literature check', () => {
  it('leads with a short table: line, claim, verdict, what to cite', async () => {
    const r = await runCli(['check', draft])
    expect(r.code).toBe(0)
    expect(r.stdout.split('\n').slice(0, 5)).toEqual([
      `${draft}: 2 passages make 2 tracked claims.`,
      '',
      'line  claim                                         verdict     cite',
      '5     without-therapy-ketamine-effects-fade-faster  Overstated  (Wilkinson et al., 2021)',
      '7     ketamine-acts-on-nmda-glutamate               Accurate    (Autry et al., 2011; Zanos et al., 2018)',
    ])
    expect(r.stdout).toContain('add --verbose')
    expect(r.stdout).not.toContain('Verdict')
    expect(r.stdout).not.toContain('Philippa')
  })
  it('labels questions, denials and reported speech in an "as written" column', async () => {
    const text = [
      'Does ketamine relieve depression within hours?',
      '',
      'Clinics claim that ketamine relieves depression within hours.',
    ].join('\n')
    const r = await runCli(['check', '-'], { input: text })
    expect(r.code).toBe(0)
    expect(r.stdout.split('\n').slice(0, 5)).toEqual([
      '<stdin>: 2 passages make 1 tracked claim. Not asserted by the draft: 1 question, 1 reported (see "as written").',
      '',
      'line  claim                         as written  verdict         cite',
      '1     ketamine-relief-within-hours  question    Oversimplified  ' +
        '(Berman et al., 2000; Grunebaum et al., 2018; Murrough et al., 2013; Phillips et al., 2019; Wilkinson et al., 2018)',
      '3     ketamine-relief-within-hours  reported    Oversimplified  ' +
        '(Berman et al., 2000; Grunebaum et al., 2018; Murrough et al., 2013; Phillips et al., 2019; Wilkinson et al., 2018)',
    ])
    const verbose = await runCli(['check', '-', '--verbose'], { input: text })
    expect(verbose.stdout).toContain('  As written: a question; the draft asks rather than asserts.')
    expect(verbose.stdout).toContain('  As written: reported speech')
  })
  it('reports each passage with its lines, claim, verdict and studies to cite with --verbose', async () => {
    const r = await runCli(['check', draft, '--verbose'])
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout).toContain(`${draft}: 2 passages make 2 tracked claims.`)
    expect(r.stdout).toContain(
      `${draft}:line 5  without-therapy-ketamine-effects-fade-faster\n  > Research suggests that without therapy`,
    )
    // The verdict and its note are about the claim as the clinic page made it, not about the draft (audit 35 B,
    // entry 15): the report says so once, and on each verdict line.
    expect(r.stdout).toContain(
      '\nVerdicts and their notes below are about each claim as a clinic page made it (its wording, citations and ' +
        'years), not about your draft.\n',
    )
    expect(r.stdout).toContain(
      '  Verdict on this claim (as the clinic page put it): Overstated. The page credits the finding to a 2018 trial ',
    )
    // A claim several pages make says "pages".
    expect(r.stdout).toContain(
      '  Verdict on this claim (as the clinic pages put it): Accurate. Ketamine acts as an NMDA',
    )
    // The verdict note names its studies as citations, as show does, never by id.
    const verdicts = r.stdout.split('\n').filter((l) => l.startsWith('  Verdict on this claim '))
    expect(verdicts).toHaveLength(2)
    expect(verdicts.join('\n')).toContain('(Grunebaum et al., 2018)')
    expect(verdicts.join('\n')).not.toMatch(/\b[a-z]+-(19|20)\d\d\b/)
    expect(r.stdout).toContain('  Cite: (Wilkinson et al., 2021)')
    expect(r.stdout).toContain(`${draft}:line 7  ketamine-acts-on-nmda-glutamate`)
    expect(r.stdout).toContain('  Studies: zanos-2018 (supports), autry-2011 (partly-supports)')
    expect(r.stdout).toContain('it is not a fact checker')
    expect(r.stdout).not.toContain('Philippa')
  })
  it('for a denial, puts the evidence against the claim first and the supporting evidence after "for the claim:"', async () => {
    const text = 'Ketamine is only approved by the FDA as an anaesthetic; it is not approved for depression.\n'
    const r = await runCli(['check', '-'], { input: text })
    expect(r.stdout.split('\n')[4]).toBe(
      '1     only-fda-approved-psychedelic-adjacent-drug-for-mental-health  denied      Inaccurate  ' +
        'against: (U.S. Food and Drug Administration, 2023); for the claim: (Johnson & Johnson, 2025)',
    )
  })

  it('reads a Pandoc citation key as the words of the key, never as a claim of its own', async () => {
    const text =
      'Grunebaum et al. (2018) found that one infusion eased suicidal thoughts more than midazolam [@grunebaum-2018].\n\n' +
      'As @wilkinson-2021 showed, CBT after ketamine helped people hold on to their response.\n'
    const matches = JSON.parse((await runCli(['check', '-', '--json'], { input: text })).stdout) as Match[]
    expect(matches.map((m) => m.claim)).toEqual(['wilkinson-therapy-strengthens-ketamine-in-trd'])
    expect(matches[0]!.excerpt).toBe(
      'As wilkinson 2021 showed, CBT after ketamine helped people hold on to their response.',
    )
  })

  it('names the evidence against a claim after "against:" in the table, and as Against with --verbose and --json', async () => {
    const text = 'Ketamine is FDA approved for depression.\n\nKetamine is completely safe.\n'
    const r = await runCli(['check', '-'], { input: text })
    expect(r.stdout.split('\n').slice(2, 5)).toEqual([
      'line  claim                                                          as written  verdict     cite',
      '1     only-fda-approved-psychedelic-adjacent-drug-for-mental-health  asserted    Inaccurate  ' +
        '(Johnson & Johnson, 2025); against: (U.S. Food and Drug Administration, 2023)',
      '3     kap-has-risks-and-side-effects                                 denied      Accurate    ' +
        'for the claim: (Abdallah et al., 2022; Anand et al., 2023; Daly et al., 2019; Popova et al., 2019; ' +
        'Short et al., 2018; U.S. Food and Drug Administration, 2022, 2023)',
    ])
    const verbose = await runCli(['check', '-', '--verbose'], { input: text })
    expect(verbose.stdout).toContain(
      '  Against: (U.S. Food and Drug Administration, 2023)\n  Studies: fda-compounded-ketamine-2023 (contradicts)\n',
    )
    const [fda, risks] = JSON.parse((await runCli(['check', '-', '--json'], { input: text })).stdout) as Match[]
    expect(fda!.against).toEqual([
      {
        id: 'fda-compounded-ketamine-2023',
        relation: 'contradicts',
        citation: '(U.S. Food and Drug Administration, 2023)',
      },
    ])
    expect(fda!.againstCitation).toBe('(U.S. Food and Drug Administration, 2023)')
    expect([risks!.stance, risks!.against]).toEqual(['negated', []])
  })
  it('lists a study that partly contradicts the claim under against, after any that contradict it', async () => {
    const text = 'Ketamine-assisted psychotherapy can help people with PTSD process trauma.\n'
    const [ptsd] = JSON.parse((await runCli(['check', '-', '--json'], { input: text })).stdout) as Match[]
    expect(ptsd!.claim).toBe('indication-ptsd-and-trauma')
    expect(ptsd!.against).toEqual([
      { id: 'abdallah-2022', relation: 'partly-contradicts', citation: '(Abdallah et al., 2022)' },
    ])
    expect(ptsd!.cite.map((c) => c.id)).not.toContain('abdallah-2022')
    const table = (await runCli(['check', '-'], { input: text })).stdout
    expect(table).toContain('; against: (Abdallah et al., 2022)')
  })
  it('names the general claims a passage gave way to as "Also close" with --verbose', async () => {
    const text =
      'Proponents cite Wilkinson and colleagues, who found that adding psychotherapy makes ketamine work better in ' +
      'treatment-resistant depression.\n'
    const r = await runCli(['check', '-', '--verbose'], { input: text })
    expect(r.stdout).toContain('<stdin>: 1 passage makes 1 tracked claim.')
    expect(r.stdout).toContain(
      '  Also close: indication-treatment-resistant-depression (more general; not listed apart)',
    )
  })
  it('prints a JSON array, one object per match, with --json', async () => {
    const r = await runCli(['check', draft, '--json'])
    expect(r.code).toBe(0)
    const matches = JSON.parse(r.stdout) as Match[]
    expect(matches.map((m) => [m.claim, m.lines.start, m.lines.end])).toEqual([
      ['without-therapy-ketamine-effects-fade-faster', 5, 5],
      ['ketamine-acts-on-nmda-glutamate', 7, 7],
    ])
    const nmda = matches[1]!
    expect(Object.keys(nmda).sort()).toEqual([
      'against',
      'againstCitation',
      'citation',
      'cite',
      'claim',
      'cues',
      'excerpt',
      'lines',
      'runnersUp',
      'stance',
      'statement',
      'verdict',
      'verdictNote',
      'verdictNoteStudies',
    ])
    expect(nmda.stance).toBe('asserted')
    expect(nmda.runnersUp).toEqual([])
    expect(nmda.verdict).toBe('accurate')
    expect(nmda.excerpt).toBe('Ketamine acts on NMDA receptors in the glutamate system.')
    expect(nmda.cite.map((c) => c.id)).toEqual(['zanos-2018', 'autry-2011'])
    expect(nmda.citation).toMatch(/^\(.*\)$/)
    expect([nmda.against, nmda.againstCitation]).toEqual([[], ''])
    expect(r.stdout).not.toContain('Philippa')
  })
  it('gives the verdict note as --verbose prints it, studies as APA citations, and their ids apart, with --json', async () => {
    // Audit 35 B, entry 22: the JSON note held raw ids, "(krupitsky-2002)", where the text report prints citations.
    const input =
      'Ketamine-assisted therapy has three stages: preparation, dosing and integration.\n\n' +
      'Wilkinson and colleagues showed that therapy makes ketamine work better.\n'
    const [phases, wilkinson] = JSON.parse((await runCli(['check', '-', '--json'], { input })).stdout) as Match[]
    expect(phases!.verdictNote).toBe(
      'The preparation, dosing and integration sequence matches published KAP protocols, from the early Russian ' +
        'trials (Krupitsky et al., 2002) to recent clinic programmes (Yermus et al., 2023), but each documents one ' +
        'programme, and programmes differ greatly in route, dose, kind of therapy and length (Drozdz et al., 2022). ' +
        'The three-stage structure describes practice; it has not been tested against other ways of organising treatment.',
    )
    expect(phases!.verdictNoteStudies).toEqual(['krupitsky-2002', 'yermus-2023', 'drozdz-2022'])
    expect(wilkinson!.verdictNote).toMatch(
      /^The matching paper, Wilkinson et al\. \(2021\), appeared in 2021, not 2022,/,
    )
    expect(wilkinson!.verdictNoteStudies).toEqual(['wilkinson-2021'])
    // The same text as the verbose report, word for word.
    const verbose = (await runCli(['check', '-', '--verbose'], { input })).stdout
    for (const m of [phases!, wilkinson!])
      expect(verbose).toContain(
        `: ${m.verdict === 'oversimplified' ? 'Oversimplified' : 'Overstated'}. ${m.verdictNote}\n`,
      )
    // docs/cli.md shows the first object of this report in full, field for field.
    const doc = readFileSync(join(root, 'docs', 'cli.md'), 'utf8')
    const shown = /for `draft\.md` above, its first object is:\n\n```json\n([\s\S]*?)\n```/.exec(doc)
    expect(shown, 'docs/cli.md shows the --json object').not.toBeNull()
    expect(JSON.parse(shown![1]!)).toEqual(phases)
    // No note of any claim keeps a bare study id.
    const all = JSON.parse((await runCli(['check', '-', '--json'], { input: everyClaimDraft })).stdout) as Match[]
    expect(new Set(all.map((m) => m.claim)).size).toBeGreaterThan(40)
    expect(
      all
        .filter((m) => studyIds.some((id) => new RegExp(`(?<![a-z0-9-])${id}(?![a-z0-9-])`).test(m.verdictNote)))
        .map((m) => m.claim),
    ).toEqual([])
  })
  it('lists two sentences of one claim that share a line once, as one passage', async () => {
    // Audit 35 B, entry 19: "27 kap-has-risks-and-side-effects" and "27-29 kap-has-risks-and-side-effects".
    const input =
      'Ketamine is not risk-free. Side effects during a session include dissociation, nausea\n' +
      'and a rise in blood pressure.\n'
    const r = await runCli(['check', '-'], { input })
    expect(r.stdout.split('\n').slice(0, 5)).toEqual([
      '<stdin>: 1 passage makes 1 tracked claim.',
      '',
      'line  claim                           verdict   cite',
      '1-2   kap-has-risks-and-side-effects  Accurate  ' +
        '(Abdallah et al., 2022; Anand et al., 2023; Daly et al., 2019; Popova et al., 2019; Short et al., 2018; ' +
        'U.S. Food and Drug Administration, 2022, 2023)',
      '',
    ])
  })
  it('reads standard input with -', async () => {
    const r = await runCli(['check', '-'], { input: 'Ketamine is classed as a dissociative anaesthetic.\n' })
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^1     ketamine-is-anesthetic-dissociative-class  /m)
    const j = JSON.parse(
      (await runCli(['check', '-', '--json'], { input: 'Ketamine is classed as a dissociative anaesthetic.' })).stdout,
    ) as Match[]
    expect(j.map((m) => m.claim)).toEqual(['ketamine-is-anesthetic-dissociative-class'])
  })
  it('says so when a draft makes no tracked claim', async () => {
    const r = await runCli(['check', '-'], { input: 'Vaccines protect children from measles.\n' })
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^<stdin>: no tracked claims found\.\n/)
    expect((await runCli(['check', '-', '--json'], { input: 'Nothing here.' })).stdout.trim()).toBe('[]')
  })
  it('shows at most 120 characters of a long passage', async () => {
    const long = `Ketamine works on the glutamate system, ${'and this sentence keeps going with many more words about other things entirely, '.repeat(5)}end.`
    const [m] = JSON.parse((await runCli(['check', '-', '--json'], { input: long })).stdout) as Match[]
    expect(m!.excerpt.length).toBeLessThanOrEqual(120)
    expect(m!.excerpt.endsWith('…')).toBe(true)
    expect((await runCli(['check', '-'], { input: long })).stdout).not.toContain('end.')
  })
  it('reads a UTF-8 file with a byte-order mark and CRLF line endings', async () => {
    const file = join(dir, 'bom.txt')
    writeFileSync(file, '\uFEFFFirst line.\r\nKetamine acts on NMDA receptors.\r\n')
    const [m] = JSON.parse((await runCli(['check', file, '--json'])).stdout) as Match[]
    expect(m).toMatchObject({ claim: 'ketamine-acts-on-nmda-glutamate', lines: { start: 2, end: 2 } })
  })
  it('reads UTF-16 (little- or big-endian, with or without a byte-order mark) as it reads UTF-8', async () => {
    const text =
      'First line.\r\n\r\nKetamine acts on NMDA receptors.\r\nIt is a dissociative anaesthetic, café-tested.\r\n'
    const expected = (await runCli(['check', '-', '--json'], { input: text })).stdout
    expect((JSON.parse(expected) as Match[]).map((m) => [m.claim, m.lines.start])).toEqual([
      ['ketamine-acts-on-nmda-glutamate', 3],
      ['ketamine-is-anesthetic-dissociative-class', 4],
    ])
    const le = new Uint8Array(Buffer.from(text, 'utf16le'))
    const be = new Uint8Array(le.length)
    for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1]!, le[i]!]
    for (const [label, bytes] of [
      ['UTF-16LE with a mark', new Uint8Array([0xff, 0xfe, ...le])],
      ['UTF-16BE with a mark', new Uint8Array([0xfe, 0xff, ...be])],
      ['UTF-16LE without a mark', le],
      ['UTF-16BE without a mark', be],
    ] as const) {
      const file = join(dir, 'utf16.md')
      writeFileSync(file, bytes)
      const r = await runCli(['check', file, '--json'])
      expect([r.code, r.stdout, r.stderr], label).toEqual([0, expected, ''])
      expect(await runCli(['check', '-', '--json'], { input: bytes }), label).toEqual(r)
    }
    // The audit's case: a byte-order mark and "Ket" is a short draft with no claim, not a binary file.
    const short = await runCli(['check', '-'], { input: new Uint8Array([0xff, 0xfe, 0x4b, 0, 0x65, 0, 0x74, 0]) })
    expect([short.code, short.stdout.split('\n')[0], short.stderr]).toEqual([
      0,
      '<stdin>: no tracked claims found.',
      '',
    ])
  })
  it('never shows Markdown footnote or table syntax in an excerpt (the audit of 2026-12)', async () => {
    const excerpts = async (input: string) =>
      (JSON.parse((await runCli(['check', '-', '--json'], { input })).stdout) as Match[]).map((m) => [
        m.claim,
        m.lines.start,
        m.excerpt,
      ])
    expect(
      await excerpts('Ketamine is good.[^1]\n\n[^1]: Ketamine acts on NMDA receptors in the glutamate system.\n'),
    ).toEqual([['ketamine-acts-on-nmda-glutamate', 3, 'Ketamine acts on NMDA receptors in the glutamate system.']])
    expect(
      await excerpts('| Claim | Source |\n| --- | --- |\n| Ketamine acts on NMDA receptors. | Smith 2020 |\n'),
    ).toEqual([['ketamine-acts-on-nmda-glutamate', 3, 'Ketamine acts on NMDA receptors.']])
    expect(await excerpts('Ketamine acts on NMDA receptors^[in the brain].\n')).toEqual([
      ['ketamine-acts-on-nmda-glutamate', 1, 'Ketamine acts on NMDA receptors.'],
    ])
  })
  it('reads words split by invisible characters or written with HTML character references (the audit of 2026-12)', async () => {
    const claims = async (input: string) =>
      (JSON.parse((await runCli(['check', '-', '--json'], { input })).stdout) as Match[]).map((m) => [
        m.claim,
        m.lines.start,
      ])
    for (const c of ['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'])
      expect(
        await claims(
          `# Notes\n\nKeta${c}mine-assisted therapy has three stages: preparation, dosing and integration.\n`,
        ),
        JSON.stringify(c),
      ).toEqual([['kap-three-phase-structure', 3]])
    const r = await runCli(['check', '-'], {
      input: 'Keta\u00admine-assisted therapy has three stages: preparation, dosing and integration.\n',
    })
    expect(r.stdout.split('\n')[0]).toBe('<stdin>: 1 passage makes 1 tracked claim.')
    expect(await claims('Ketamine can ease depression within&nbsp;hours.\n')).toEqual(
      await claims('Ketamine can ease depression within hours.\n'),
    )
    expect((await claims('Ketamine can ease depression within hours.\n')).map(([c]) => c)).toContain(
      'ketamine-relief-within-hours',
    )
  })

  it('says at once that nothing is piped when standard input is a terminal, by - or by its device file (review 29)', async () => {
    for (const path of ['-', '/dev/stdin', '/dev/fd/0']) {
      const err: string[] = []
      const io: Io = {
        out: () => undefined,
        err: (t) => void err.push(t),
        color: false,
        readStdin: async () => {
          throw new Error('read from a terminal')
        },
        stdinIsTTY: true,
        today: '2026-12-07',
      }
      expect(await main(['check', path], io), path).toBe(1)
      expect(err, path).toEqual([
        'kap-literature: nothing is piped to standard input; use kap-literature check - < draft.md, or give a file name',
      ])
    }
  })

  it('writes a long --json or --verbose report a piece at a time, waiting for the output to drain, with the same bytes', async () => {
    // 300 lines of two claims each: 600 passages, the report written in pieces (a real 5 MB draft of such lines makes
    // 180,000 passages and 434 MB of JSON, which built as one string took 2.4 GB of memory).
    const text = 'Ketamine works within hours and is completely safe.\n'.repeat(300)
    const report = async (flag: string) => {
      const out: string[] = []
      let drains = 0
      const io: Io = {
        out: (t) => void out.push(`${t}\n`),
        err: () => undefined,
        drain: async () => void drains++,
        color: false,
        readStdin: async () => new TextEncoder().encode(text),
        stdinIsTTY: false,
        today: '2026-12-07',
      }
      expect(await main(['check', '-', flag], io)).toBe(0)
      return { stdout: out.join(''), pieces: out.length, drains }
    }
    const json = await report('--json')
    const parsed = JSON.parse(json.stdout) as Match[]
    expect(parsed).toHaveLength(600)
    expect(json.stdout).toBe(`${JSON.stringify(parsed, null, 2)}\n`)
    expect(json.pieces).toBe(602)
    expect(json.drains).toBe(2)
    const verbose = await report('--verbose')
    expect(verbose.drains).toBe(2)
    expect(verbose.stdout.match(/^  Claim: /gm)).toHaveLength(600)
    expect(verbose.stdout).toBe((await runCli(['check', '-', '--verbose'], { input: text })).stdout)
  }, 60_000)

  it('gives each study one form across the whole report: table, notes, Cite: lines and --json (review 28)', async () => {
    // The table's cite column printed "Krupitsky et al., 2002" while the notes of the same report printed
    // "E. Krupitsky et al., 2002" (told apart from E. M. Krupitsky et al., 2007). The two bylines are one person's
    // (data/vocab/people.yaml), so now no part of the report tells them apart; the one citation session that gives a
    // study one form everywhere is tested with MLA's titles in tests/citations/format.test.ts.
    const forms = (text: string) => new Set(text.match(/(?:E\. (?:M\. )?)?Krupitsky et al\., 2002/g) ?? [])
    const verbose = (await runCli(['check', '-', '--verbose'], { input: everyClaimDraft })).stdout
    expect([...forms(verbose)]).toEqual(['Krupitsky et al., 2002'])
    const table = (await runCli(['check', '-'], { input: everyClaimDraft })).stdout
    expect([...forms(table)]).toEqual(['Krupitsky et al., 2002'])
    const json = (await runCli(['check', '-', '--json'], { input: everyClaimDraft })).stdout
    expect([...forms(json)]).toEqual(['Krupitsky et al., 2002'])
  })

  it('lists, for a passage that denies its claim, the evidence against it first, as the table does (review 28)', async () => {
    const input = 'It is a myth that ketamine is the only psychedelic-type drug with FDA approval for mental health.\n'
    const out = (await runCli(['check', '-', '--verbose'], { input })).stdout
    const lines = out.split('\n').map((l) => l.trim())
    const against = lines.findIndex((l) => l.startsWith('Against: '))
    const forClaim = lines.findIndex((l) => l.startsWith('For the claim: '))
    expect(against).toBeGreaterThan(0)
    expect(forClaim).toBeGreaterThan(against)
    expect(lines.some((l) => l.startsWith('Cite: '))).toBe(false)
  })
})
