import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { escapeRegExp } from '../../scripts/lib/text'
import { runCli } from '../helpers/run-cli'

const dir = mkdtempSync(join(tmpdir(), 'kap-bad-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}
const binary = file('image.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d, 0x0a, 0x6b, 0x65, 0x74]))
const latin1 = file(
  'latin1.txt',
  new Uint8Array([0x4b, 0x65, 0x74, 0x61, 0x6d, 0x69, 0x6e, 0x65, 0x20, 0xe9, 0x74, 0xe9, 0x0a]),
)
const utf32 = file('utf32.md', new Uint8Array([0xff, 0xfe, 0, 0, 0x4b, 0, 0, 0]))
const oddUtf16 = file('odd.md', new Uint8Array([0xff, 0xfe, 0x4b, 0, 0x65]))
const loneSurrogate = file('lone.md', new Uint8Array([0xff, 0xfe, 0x4b, 0, 0x00, 0xd8, 0x65, 0]))
// NULs at odd offsets only, as in UTF-16 without a mark, but decoding to control characters: binary data.
const utf16Shaped = file('data.bin', new Uint8Array([0x01, 0, 0x02, 0, 0x03, 0, 0x4b, 0]))
const utf16Nul = file('nul16.md', new Uint8Array([0xff, 0xfe, 0x4b, 0, 0, 0, 0x65, 0]))
const empty = file('empty.md', '')
const blank = file('blank.md', '  \n\n\t\n')
const unreadable = file('secret.md', 'Ketamine.')
chmodSync(unreadable, 0o000)
const canChmod = process.getuid?.() !== 0

/** A message that must be exactly `text` (one line). */
const exactly = (text: string) => new RegExp(`^${escapeRegExp(text)}$`)

interface Case {
  args: string[]
  code: 1 | 2
  message: RegExp
  input?: string
}

const cases: Case[] = [
  // check: files and standard input
  {
    args: ['check', join(dir, 'missing.md')],
    code: 1,
    message: /cannot read ".*missing\.md": no such file; check the path$/,
  },
  { args: ['check', dir], code: 1, message: /is a directory; give a Markdown or text file$/ },
  {
    args: ['check', binary],
    code: 1,
    message: /looks like a binary file \(it contains NUL bytes\); check reads Markdown or plain text/,
  },
  {
    args: ['check', '-'],
    input: 'Ketamine\u0000\u0001\u0002',
    code: 1,
    message: /^kap-literature: standard input looks like a binary file/,
  },
  { args: ['check', latin1], code: 1, message: /is not UTF-8 text; save it as UTF-8 Markdown or plain text$/ },
  {
    args: ['check', utf32],
    code: 1,
    message: /utf32\.md" is UTF-32 text; save it as UTF-8 \(or UTF-16\) Markdown or plain text$/,
  },
  {
    args: ['check', oddUtf16],
    code: 1,
    message:
      /odd\.md" looks like UTF-16 text but is not valid UTF-16 \(an odd number of bytes\); save it as UTF-8 Markdown or plain text$/,
  },
  {
    args: ['check', loneSurrogate],
    code: 1,
    message: /lone\.md" looks like UTF-16 text but is not valid UTF-16 \(a broken character\); save it as UTF-8/,
  },
  {
    args: ['check', utf16Shaped],
    code: 1,
    message: /data\.bin" looks like a binary file \(it contains control characters\)/,
  },
  { args: ['check', utf16Nul], code: 1, message: /nul16\.md" looks like a binary file \(it contains NUL characters\)/ },
  { args: ['check', empty], code: 1, message: /empty\.md" is empty; nothing to check$/ },
  { args: ['check', blank], code: 1, message: /contains only whitespace; nothing to check$/ },
  {
    args: ['check', '-'],
    input: '',
    code: 1,
    message: /^kap-literature: standard input is empty; pipe a draft in, e\.g\. kap-literature check - < draft\.md$/,
  },
  {
    args: ['check'],
    code: 2,
    message: /check needs a file name, or - to read standard input\. See kap-literature check --help\.$/,
  },
  { args: ['check', 'a.md', 'b.md'], code: 2, message: /check takes one file at a time/ },
  {
    args: ['check', '--jsn', 'a.md'],
    code: 2,
    message: /unknown option --jsn \(this command takes --json, --verbose\)/,
  },
  // show
  {
    args: ['show', 'grunebaum-2081'],
    code: 1,
    message: /no study, claim or source has the id "grunebaum-2081" \(did you mean "grunebaum-2018"\?\)$/,
  },
  { args: ['show', 'zzzzzzzzzzzzzzzzzzzz'], code: 1, message: /list ids with kap-literature list/ },
  { args: ['show'], code: 2, message: /show takes exactly one id/ },
  // cite and bib
  {
    args: ['cite', 'dore-2091'],
    code: 1,
    message: /unknown study or source "dore-2091" \(did you mean "dore-2019"\?\)$/,
  },
  {
    args: ['cite', 'without-therapy-ketamine-effects-fade-faster'],
    code: 1,
    message:
      /is a claim, not a work you can cite; cite the studies behind it \(see kap-literature show without-therapy-ketamine-effects-fade-faster\)$/,
  },
  {
    args: ['cite', 'dore-2019', '--style', 'apa7'],
    code: 1,
    message:
      /unknown --style value "apa7" \(did you mean "apa"\?\) \(use apa, ama, vancouver, harvard, chicago, mla\)$/,
  },
  {
    args: ['cite', 'dore-2019', '--format', 'pdf'],
    code: 1,
    message: /unknown --format value "pdf" \(use text, html, markdown, md\)$/,
  },
  // several ids in one word: a comma separates them, as in filter values; a word of commas holds none
  {
    args: ['cite', 'dore-2019,dore-2091'],
    code: 1,
    message: /unknown study or source "dore-2091" \(did you mean "dore-2019"\?\)$/,
  },
  // a semicolon (Pandoc's separator) is not read: the error says how to separate them, instead of suggesting one id
  {
    args: ['cite', 'dore-2019;wilkinson-2021'],
    code: 1,
    message: /"dore-2019;wilkinson-2021" holds several ids: separate them with commas or spaces$/,
  },
  {
    args: ['cite', ',', '--json'],
    code: 2,
    message: /^kap-literature: "," holds no id\. See kap-literature cite --help\.$/,
  },
  { args: ['bib', ' , '], code: 2, message: /" , " holds no id\./ },
  {
    args: ['show', 'dore-2019,wilkinson-2021'],
    code: 2,
    message:
      /^kap-literature: show takes one id at a time \(got 2: "dore-2019", "wilkinson-2021"\); run it once for each\. See kap-literature show --help\.$/,
  },
  { args: ['cite'], code: 2, message: /cite needs at least one study or source id/ },
  { args: ['cite', 'dore-2019', '--style'], code: 2, message: /option --style needs a value/ },
  { args: ['bib', 'dore-2091'], code: 1, message: /unknown study or source "dore-2091"/ },
  { args: ['bib', '--style', 'nature'], code: 1, message: /unknown --style value "nature"/ },
  { args: ['bib', '--format', 'docx'], code: 1, message: /unknown --format value "docx"/ },
  // export
  {
    args: ['export', '--format', 'endnote'],
    code: 1,
    message: /unknown --format value "endnote" \(use csljson, bibtex, biblatex, ris\)$/,
  },
  { args: ['export', 'dore-2091', '--format', 'ris'], code: 1, message: /unknown study or source "dore-2091"/ },
  // search
  { args: ['search'], code: 2, message: /search needs a query/ },
  { args: ['search', 'ketamine', '--design', 'rct'], code: 1, message: /unknown --design value "rct"/ },
  {
    args: ['search', 'ketamine', '--design', 'randomised-controlled-trial'],
    code: 1,
    message: /\(did you mean "randomized-controlled-trial"\?\)$/,
  },
  { args: ['search', 'ketamine', '--verdict', 'wrong'], code: 1, message: /unknown --verdict value "wrong"/ },
  {
    args: ['search', 'ketamine', '--year', '19'],
    code: 1,
    message: /bad --year value "19"; use a year \(2019\) or a range/,
  },
  { args: ['search', 'ketamine', '--year', '2020-2010'], code: 1, message: /the first year is after the second/ },
  {
    args: ['search', 'ketamine', '--limit', '0'],
    code: 1,
    message: /bad --limit value "0"; use a positive whole number/,
  },
  {
    args: ['search', 'ketamine', '--psychotherapy', 'maybe'],
    code: 1,
    message: /unknown --psychotherapy value "maybe" \(use yes, no\)/,
  },
  {
    args: ['search', 'ketamine', '--type', 'paper'],
    code: 1,
    message: /unknown --type value "paper" \(use study, claim, source\)/,
  },
  { args: ['search', 'ketamine', '--sort', 'year'], code: 2, message: /unknown option --sort/ },
  // claims
  { args: ['claims', '--verdict', 'false'], code: 1, message: /unknown --verdict value "false"/ },
  { args: ['claims', '--topic', 'dosage'], code: 1, message: /unknown --topic value "dosage"/ },
  { args: ['claims', '--source', 'samadhi'], code: 1, message: /unknown --source value "samadhi"/ },
  { args: ['claims', 'inaccurate'], code: 2, message: /claims takes no arguments/ },
  // handout
  {
    args: ['handout', '--topic', 'dosing'],
    code: 1,
    message: /unknown topic "dosing"; topics: efficacy, duration, onset,/,
  },
  { args: ['handout'], code: 2, message: /handout needs --topic \(topics: efficacy,/ },
  // No PDF: say how to make one (audit 35 B, entry 23), not "did you mean md?".
  {
    args: ['handout', '--topic', 'duration', '--format', 'pdf'],
    code: 1,
    message: exactly(
      'kap-literature: handout writes no PDF itself: write the HTML (kap-literature handout --topic duration --format ' +
        'html > duration.html), open it in a browser and print it to PDF on A4 (the evidence map prints on pages of ' +
        'its own)',
    ),
  },
  {
    args: ['map', '--topic', 'onset', '--format', 'PDF'],
    code: 1,
    message: exactly(
      'kap-literature: map writes no PDF itself: write the HTML (kap-literature map --topic onset --format html > ' +
        'onset-map.html), open it in a browser and print it to PDF on A4; a map taller than a page prints cut across ' +
        "pages, so for paper print the topic's handout, whose map pages each have the column headings " +
        '(kap-literature handout --topic onset --format html)',
    ),
  },
  {
    args: ['map', '--format', 'pdf'],
    code: 1,
    message:
      /^kap-literature: map writes no PDF itself: write the HTML \(kap-literature map … --format html > map\.html\),/,
  },
  // A DOI or PubMed id that no shipped study has (a shipped one stands for its id: tests/cli/cite.test.ts).
  {
    args: ['cite', '10.1000/not-here'],
    code: 1,
    message: exactly(
      'kap-literature: no study in this library has the DOI "10.1000/not-here"; kap-literature cites and shows only ' +
        'its own records (find them with kap-literature search <words>)',
    ),
  },
  {
    args: ['show', 'PMID:123'],
    code: 1,
    message: /^kap-literature: no study in this library has the PubMed id "123";/,
  },
  { args: ['cite', '2019'], code: 1, message: /^kap-literature: unknown study or source "2019"; list ids with/ },
  { args: ['handout', '--topic', 'duration', '--style', 'ieee'], code: 1, message: /unknown --style value "ieee"/ },
  {
    args: ['handout', '--topic', 'duration', '--format', 'txt'],
    code: 1,
    message: /^kap-literature: unknown --format value "txt" \(use md, html, markdown\)$/,
  },
  // map
  {
    args: ['map', '--topic', 'foo'],
    code: 1,
    message:
      /^kap-literature: unknown topic "foo"; topics: efficacy, duration, onset, mechanism, neuroplasticity, .*, marketing-language$/,
  },
  {
    args: ['map', '--claims', 'ketamine-relief-withn-hours'],
    code: 1,
    message:
      /^kap-literature: unknown claim "ketamine-relief-withn-hours" \(did you mean "ketamine-relief-within-hours"\?\)$/,
  },
  {
    args: ['map', '--claims', 'zzzzzzzzzzzzzzzz'],
    code: 1,
    message: /^kap-literature: unknown claim "zzzzzzzzzzzzzzzz"; list ids with kap-literature list claims$/,
  },
  {
    args: ['map', '--claims', 'dore-2019'],
    code: 1,
    message:
      /^kap-literature: "dore-2019" is a study, not a claim; --claims takes claim ids \(list them with kap-literature list claims\)$/,
  },
  { args: ['map', '--claims', ','], code: 1, message: /^kap-literature: --claims "," holds no claim id; list them/ },
  {
    args: ['map', '--format', 'png'],
    code: 1,
    message: /^kap-literature: unknown --format value "png" .*\(use svg, html\)$/,
  },
  {
    args: ['map', '--title', 'x'.repeat(201)],
    code: 1,
    message: /^kap-literature: --title is 201 characters long; a map title has at most 200$/,
  },
  {
    // Counted in characters, as evidenceMap counts them (an emoji is one, not two UTF-16 units).
    args: ['map', '--title', '🙂'.repeat(201)],
    code: 1,
    message: /^kap-literature: --title is 201 characters long; a map title has at most 200$/,
  },
  { args: ['map', '--out='], code: 1, message: /^kap-literature: --out needs a file name, e\.g\. --out map\.svg$/ },
  {
    args: ['map', '--topic', 'safety', '--out', join(dir, 'no-such-folder', 'x.svg')],
    code: 1,
    message:
      /^kap-literature: cannot write ".*no-such-folder\/x\.svg": the folder ".*no-such-folder" does not exist; create it or choose another path$/,
  },
  {
    args: ['map', '--topic', 'safety', '--out', dir],
    code: 1,
    message:
      /^kap-literature: cannot write ".*": it is a folder; give a file name, e\.g\. --out ".*\/safety-map\.svg"$/,
  },
  {
    args: ['map', '--format', 'html', '--out', dir],
    code: 1,
    message: /e\.g\. --out ".*\/evidence-map\.html"$/,
  },
  {
    args: ['map', '--out', join(empty, 'x.svg')],
    code: 1,
    message:
      /^kap-literature: cannot write ".*empty\.md\/x\.svg": part of the path is a file, not a folder; choose another path$/,
  },
  // the dispatcher
  {
    args: ['frobnicate'],
    code: 2,
    message:
      /unknown command "frobnicate" \(commands: search, show, claims, cite, bib, export, check, handout, map, list\)/,
  },
  { args: ['help', 'frobnicate'], code: 2, message: /no help for "frobnicate"/ },
  // Names an object has by inheritance are no commands (review 29: they crashed with "reading 'booleans'").
  { args: ['__proto__'], code: 2, message: /^kap-literature: unknown command "__proto__" \(commands: search,/ },
  { args: ['constructor', 'x'], code: 2, message: /^kap-literature: unknown command "constructor"/ },
  { args: ['help', 'toString'], code: 2, message: /^kap-literature: no help for "toString"/ },
  { args: ['help', 'check', 'extra'], code: 2, message: /^kap-literature: help takes one command name, got 2 words/ },
  // After `--`, --help and --debug are file names; as an option's value, -h is the value (review 29).
  { args: ['check', '--', '--help'], code: 1, message: /^kap-literature: cannot read "--help": no such file/ },
  {
    args: ['check', '--', '--debug'],
    code: 1,
    message: /^kap-literature: cannot read "--debug": no such file; check the path$/,
  },
  { args: ['map', '--title', '--help'], code: 2, message: /^kap-literature: option --title needs a value/ },
  { args: ['list', '-x'], code: 2, message: /unknown option -x \(options start with --\)/ },
  { args: ['cite', 'dore-2019', '--narrative=yes'], code: 2, message: /option --narrative takes no value/ },
  {
    args: ['cite', 'dore-2019', '--style', 'apa', '--style', 'ama'],
    code: 2,
    message: /option --style is given twice/,
  },
]

describe('bad input', () => {
  it.each(cases)('$args.0 $args.1 exits $code with a one-line message', async ({ args, code, message, input }) => {
    const r = await runCli(args, input === undefined ? {} : { input })
    expect(r.code).toBe(code)
    expect(r.stdout).toBe('')
    const lines = r.stderr.trimEnd().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^kap-literature: /)
    expect(lines[0]).toMatch(message)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })
  // As root (CI) permissions cannot make a file unreadable, so the unreadable case runs only for other users; a
  // directory is unreadable as a draft for everyone and always runs.
  it('reports a file it cannot read', async () => {
    if (canChmod) {
      const r = await runCli(['check', unreadable])
      expect(r.code).toBe(1)
      expect(r.stderr.trim()).toMatch(/cannot read ".*secret\.md": permission denied$/)
    }
    const d = await runCli(['check', tmpdir()])
    expect(d.code).toBe(1)
    expect(d.stderr.trim()).toMatch(/is a directory; give a Markdown or text file$/)
  })
})
