import { claims, getClaim, studyIds, vocabularies, type ClaimId, type StudyId } from '../../index'
import { checkDraft, type CheckMatch, type Stance } from '../../check/index'
import {
  json,
  nameSafe,
  paint,
  terminalSafe,
  UsageError,
  verdictColor,
  type FlagSpec,
  type Io,
  type Parsed,
} from '../io'
import { readText } from '../read'
import { citeProse } from '../../citations/index'
import { renderDocument } from '../document'

export const summary =
  'Find passages of a draft that make a claim this library tracks, with verdicts and studies to cite.'

export const help = `Usage: kap-literature check <file|-> [--verbose] [--json]

Reads a draft (Markdown or plain text; - reads standard input) and finds each
passage that makes one of the ${claims.length} claims this library tracks. It prints a short
table first: the line, the claim, our verdict and what to cite (supporting
evidence, APA in-text; evidence that contradicts the claim follows "against:").

It finds the claims we track; it is not a fact checker. A passage it does not
report may still need a source. How it works: docs/claim-checker.md.

Options:
  --verbose  after the table, each passage in full: its lines, a short excerpt
             (at most 120 characters; nothing else of the draft is printed),
             the claim statement, our verdict on the claim as the clinic page
             put it, with its note (about that page, not about the draft), and
             the studies to cite (and those against it)
  --json     print a JSON array, one object per match:
             { claim, statement, verdict, verdictNote, verdictNoteStudies,
               lines: { start, end }, excerpt, cues, cite, citation, against,
               againstCitation, stance, runnersUp }
             verdict, verdictNote: our verdict on the claim as the clinic page
             made it, and its note with studies as APA citations (the ids
             the note cites are in verdictNoteStudies)
             cite/against: the evidence that supports or partly supports the
             claim, and the evidence that contradicts it
             stance: asserted, question, negated (denied or doubted) or
             reported (what others say); every passage is listed either way
             runnersUp: more general claims the passage also matches, which
             give way to the more specific claim (usually empty)

Examples:
  kap-literature check draft.md
  kap-literature check draft.md --verbose
  pandoc post.docx -t markdown | kap-literature check - --json`

export const flags: FlagSpec = { booleans: ['json', 'verbose'], values: [] }

const verdictLabel = new Map(vocabularies.verdicts.map((v) => [v.id, v.label]))

export async function run(args: Parsed, io: Io): Promise<number> {
  const [path, ...rest] = args.positional
  if (path === undefined) throw new UsageError('check needs a file name, or - to read standard input')
  if (rest.length > 0) throw new UsageError('check takes one file at a time')
  const read = await readText(path, io)
  const { text } = read
  // The file name and the excerpts come from the user's draft: control characters are shown, never acted on.
  const name = nameSafe(read.name)
  const matches = checkDraft(text)
  if (args.flags.has('json')) {
    await printJsonReport(matches, io)
    return 0
  }
  const footer = paint(
    io,
    'dim',
    'kap-literature check finds the claims this library tracks; it is not a fact checker. More: kap-literature show <claim-id>',
  )
  if (matches.length === 0) {
    io.out(`${name}: no tracked claims found.\n${footer}`)
    return 0
  }
  // Every study as one APA citation across the whole report: rows, notes and the lines to cite.
  const printed = printedForms(matches)
  const distinct = new Set(matches.map((m) => m.claim)).size
  const labelled = (['question', 'negated', 'reported'] as const)
    .map((st) => [matches.filter((m) => m.stance === st).length, STANCE_LABEL[st]] as const)
    .filter(([n]) => n > 0)
  const out = [
    `${name}: ${matches.length} passage${matches.length === 1 ? '' : 's'} make${matches.length === 1 ? 's' : ''} ` +
      `${distinct} tracked claim${distinct === 1 ? '' : 's'}.` +
      (labelled.length === 0
        ? ''
        : ` Not asserted by the draft: ${labelled.map(([n, label]) => `${n} ${label}`).join(', ')} (see "as written").`),
    '',
    ...summaryTable(matches, printed, io),
  ]
  if (!args.flags.has('verbose')) {
    out.push('', paint(io, 'dim', 'Each passage, the claim and the verdict note: add --verbose.'), footer)
    io.out(out.join('\n'))
    return 0
  }
  // A verdict note describes the clinic page that made the claim ("The page says…"), not the draft: say so once, and
  // on each verdict line.
  out.push('', paint(io, 'dim', ABOUT_THE_VERDICTS))
  // Printed a passage at a time, waiting for the output to drain: the report of a long draft can run to hundreds of
  // megabytes, never held whole in memory.
  io.out(out.join('\n'))
  for (const [i, m] of matches.entries()) {
    await paced(io, i)
    const block = [
      '',
      `${paint(io, 'bold', `${name}:${lineRange(m)}`)}  ${m.claim}`,
      `  > ${terminalSafe(m.excerpt)}`,
      ...(m.stance === 'asserted' ? [] : [`  As written: ${STANCE_NOTE[m.stance]}`]),
      `  Claim: ${m.statement}`,
      ...(m.runnersUp.length === 0 ? [] : [`  Also close: ${m.runnersUp.join(', ')} (more general; not listed apart)`]),
      `  ${verdictOn(m.claim)}: ${paint(io, verdictColor(m.verdict), verdictLabel.get(m.verdict) ?? m.verdict)}. ${printed[i]!.note}`,
      ...evidenceLines(m, printed[i]!),
    ]
    io.out(block.join('\n'))
  }
  io.out(`\n${footer}`)
  return 0
}

/**
 * Every 256 passages of a long report, waits for what was written to leave the process (`Io.drain`), so that a report
 * of hundreds of megabytes is never held whole in a pipe's buffer.
 */
async function paced(io: Io, i: number): Promise<void> {
  if (i % 256 === 255) await io.drain?.()
}

/** What the verdicts of a `--verbose` report are about, printed once before its passages. */
const ABOUT_THE_VERDICTS =
  'Verdicts and their notes below are about each claim as a clinic page made it (its wording, citations and years), ' +
  'not about your draft.'

/** The label of a passage's verdict line: the verdict is on the claim as the clinic page (or pages) put it. */
function verdictOn(claim: ClaimId): string {
  const pages = new Set(getClaim(claim).madeBy.map((m) => m.source)).size
  return `Verdict on this claim (as the clinic ${pages === 1 ? 'page' : 'pages'} put it)`
}

/** What a report prints of one match's claim: its verdict note and its evidence, every study as an APA citation. */
interface Printed {
  readonly note: string
  /** The ids of the studies the note cites, in the order it first names them. */
  readonly noteStudies: readonly StudyId[]
  readonly citation: string
  readonly againstCitation: string
  readonly cite: CheckMatch['cite']
  readonly against: CheckMatch['against']
}

/**
 * What a report prints of each match, from one citation session, so that a study reads the same in every row, note
 * and line of the report, told apart from the others cited in it as the style requires, as `show` prints
 * notes: the verdict note with its study ids as citations, and the evidence for and against the claim. A claim found
 * in many passages is rendered once.
 */
function printedForms(matches: readonly CheckMatch[]): Printed[] {
  return renderDocument('apa', 'text', (session) => {
    const done = new Map<ClaimId, Printed>()
    const each = (list: CheckMatch['cite']) => list.map((c) => ({ ...c, citation: session.cite(c.id) }))
    const all = (list: CheckMatch['cite']) => (list.length === 0 ? '' : session.cite(list.map((c) => c.id)))
    return matches.map((m) => {
      let p = done.get(m.claim)
      if (p === undefined)
        done.set(
          m.claim,
          (p = {
            note: citeProse(m.verdictNote, session, 'text'),
            noteStudies: studiesIn(m.verdictNote),
            citation: all(m.cite),
            againstCitation: all(m.against),
            cite: each(m.cite),
            against: each(m.against),
          }),
        )
      return p
    })
  })
}

/**
 * The `--verbose` lines of a match's evidence: what to cite for the claim and what against it, in the order the table
 * gives them (for a passage that denies the claim, the evidence against it first).
 */
function evidenceLines(m: CheckMatch, p: Printed): string[] {
  const studies = (list: CheckMatch['cite']) => `  Studies: ${list.map((c) => `${c.id} (${c.relation})`).join(', ')}`
  const against = p.against.length === 0 ? [] : [`  Against: ${p.againstCitation}`, studies(p.against)]
  if (p.cite.length === 0)
    return [
      `  Cite: no study in this library tests this claim directly; see the background evidence with kap-literature show ${m.claim}`,
      ...against,
    ]
  if (m.stance === 'negated' && against.length > 0)
    return [...against, `  For the claim: ${p.citation}`, studies(p.cite)]
  return [`  Cite: ${p.citation}`, studies(p.cite), ...against]
}

/** Every study id, longest first, so that `feder-2014` is never found inside a longer id. */
const STUDY_ID = new RegExp(
  `(?<![a-z0-9-])(?:${[...studyIds].sort((a, b) => b.length - a.length || a.localeCompare(b)).join('|')})(?![a-z0-9-])`,
  'g',
)

/** The studies a verdict note cites by id, in the order it first names them. */
function studiesIn(note: string): StudyId[] {
  return [...new Set([...note.matchAll(STUDY_ID)].map((m) => m[0] as StudyId))]
}

/** One match as `--json` prints it: the fields of {@link CheckMatch}, the note readable, its studies apart. */
interface JsonMatch extends Omit<CheckMatch, 'verdictNote'> {
  /** The verdict note with its study ids as APA citations, as `--verbose` prints it. */
  readonly verdictNote: string
  /** The ids of the studies the note cites, in the order it first names them. */
  readonly verdictNoteStudies: readonly StudyId[]
}

/**
 * Prints the `--json` report: the matches in document order, each note as readable as in `--verbose`. The array is
 * written one match at a time, exactly as `JSON.stringify(report, null, 2)` would lay it out, waiting for the output
 * to drain as it goes, so that a draft with a hundred thousand passages never holds its whole report (hundreds of
 * megabytes) in memory, as one string or in a pipe's buffer.
 */
async function printJsonReport(matches: readonly CheckMatch[], io: Io): Promise<void> {
  if (matches.length === 0) {
    io.out(json([]))
    return
  }
  const report = jsonReport(matches)
  io.out('[')
  for (let i = 0; i < report.length; i++) {
    io.out(`${json(report[i]).replace(/^/gm, '  ')}${i < report.length - 1 ? ',' : ''}`)
    await paced(io, i)
  }
  io.out(']')
}

/** The `--json` report's objects (see {@link printJsonReport}). */
function jsonReport(matches: readonly CheckMatch[]): JsonMatch[] {
  const printed = printedForms(matches)
  return matches.map((m, i) => ({
    claim: m.claim,
    statement: m.statement,
    verdict: m.verdict,
    verdictNote: printed[i]!.note,
    verdictNoteStudies: printed[i]!.noteStudies,
    lines: m.lines,
    excerpt: m.excerpt,
    cues: m.cues,
    cite: printed[i]!.cite,
    citation: printed[i]!.citation,
    against: printed[i]!.against,
    againstCitation: printed[i]!.againstCitation,
    stance: m.stance,
    runnersUp: m.runnersUp,
  }))
}

const STANCE_LABEL: Readonly<Record<Stance, string>> = {
  asserted: 'asserted',
  question: 'question',
  negated: 'denied',
  reported: 'reported',
}
const STANCE_NOTE: Readonly<Record<Exclude<Stance, 'asserted'>, string>> = {
  question: 'a question; the draft asks rather than asserts.',
  negated: 'the draft denies or doubts the claim; check that the denial is itself supported.',
  reported: 'reported speech: the draft attributes what it says here to others.',
}

function lineRange(m: CheckMatch): string {
  return m.lines.start === m.lines.end ? `line ${m.lines.start}` : `lines ${m.lines.start}-${m.lines.end}`
}

/**
 * The table's cite cell: supporting evidence, then what contradicts the claim after "against:". For a passage that
 * denies the claim, the evidence against it comes first (it is what backs the draft), and the supporting evidence
 * follows after "for the claim:", so a writer is never pointed at the side the draft argues against as if it backed it.
 */
function citeCell(m: CheckMatch, p: Printed): string {
  const against = p.against.length > 0 ? `against: ${p.againstCitation}` : ''
  if (m.stance === 'negated' && p.cite.length > 0)
    return against === '' ? `for the claim: ${p.citation}` : `${against}; for the claim: ${p.citation}`
  if (p.cite.length > 0) return against === '' ? p.citation : `${p.citation}; ${against}`
  return against === '' ? `no direct evidence (kap-literature show ${m.claim})` : against
}

/** One row per passage, columns padded to their widest cell (colour codes added after padding). */
function summaryTable(matches: readonly CheckMatch[], printed: readonly Printed[], io: Io): string[] {
  const rows = matches.map((m, i) => ({
    line: m.lines.start === m.lines.end ? String(m.lines.start) : `${m.lines.start}-${m.lines.end}`,
    claim: m.claim,
    as: STANCE_LABEL[m.stance],
    verdict: verdictLabel.get(m.verdict) ?? m.verdict,
    color: verdictColor(m.verdict),
    cite: citeCell(m, printed[i]!),
  }))
  // A loop, not Math.max(...rows): a long draft can have more rows than a call can take arguments.
  const width = (key: 'line' | 'claim' | 'as' | 'verdict', title: string): number =>
    rows.reduce((w, r) => Math.max(w, r[key].length), title.length)
  const [wl, wc, wv] = [width('line', 'line'), width('claim', 'claim'), width('verdict', 'verdict')]
  // The "as written" column appears only when some passage is not an assertion.
  const wa = rows.some((r) => r.as !== STANCE_LABEL.asserted) ? width('as', 'as written') : 0
  const as = (text: string): string => (wa === 0 ? '' : `${text.padEnd(wa)}  `)
  const header = `${'line'.padEnd(wl)}  ${'claim'.padEnd(wc)}  ${as('as written')}${'verdict'.padEnd(wv)}  cite`
  return [
    paint(io, 'bold', header),
    ...rows.map(
      (r) =>
        `${r.line.padEnd(wl)}  ${r.claim.padEnd(wc)}  ${as(r.as)}${paint(io, r.color, r.verdict)}${' '.repeat(wv - r.verdict.length)}  ${r.cite}`,
    ),
  ]
}
