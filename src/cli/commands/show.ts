import {
  claimIds,
  claims,
  claimsCiting,
  isCitable,
  isClaimId,
  isSourceId,
  isStudyId,
  sourceIds,
  studyIds,
} from '../../index'
import { fullEvidenceFor, getFullClaim, getFullSource, getFullStudy, type Claim, type Study } from '../../details/index'
import {
  citeProse,
  createCitationSession,
  formatReference,
  type CitableId,
  type CitationSession,
} from '../../citations/index'
import { renderDocument } from '../document'
import {
  closest,
  InputError,
  json,
  paint,
  quote,
  UsageError,
  verdictColor,
  type FlagSpec,
  type Io,
  type Parsed,
} from '../io'
import { recordWord } from '../records'

export const summary = 'Show one study, claim or source record.'

export const help = `Usage: kap-literature show <id> [--json]

Shows one record: a study with the claims that cite it, a claim with its evidence
and verdict, or a source document with its claims. A study's DOI or PubMed id
stands for its id.

Options:
  --json   print { type, record, ... } as JSON

Examples:
  kap-literature show dore-2019
  kap-literature show without-therapy-ketamine-effects-fade-faster --json`

function studyText(io: Io, study: Study): string {
  const c = study.csl
  // A citable study shows its APA reference (the one renderer, which says "et al." after a partial author list); a
  // lead shows what it is and why it is not cited, never a reference with placeholders or "n.d.".
  const citable = isCitable(study)
  const lines = [
    // Without a title, the label prose gives a study ("U.S. Food and Drug Administration (2019)" for a lead).
    paint(
      io,
      'bold',
      `${study.id}: ${c.title ?? citeProse(study.id, createCitationSession({ style: 'apa' }), 'text')}`,
    ),
    citable
      ? `Reference (APA): ${formatReference(study.id as CitableId, { style: 'apa', format: 'text' })}`
      : `Status: ${study.unusedReason ?? 'kept as a lead, not cited as evidence: its authors, title or date could not be confirmed.'}`,
    c.DOI ? `DOI: https://doi.org/${c.DOI}` : c.URL ? `URL: ${c.URL}` : '',
    `Design: ${study.design}${study.n ? `, n = ${study.n}` : ''}; certainty: ${study.certainty}`,
    `Findings: ${study.findings}`,
    `Limitations: ${study.limitations}`,
    `Checked ${study.verification.checked}${study.verification.missing.length ? `; not confirmed: ${study.verification.missing.join(', ')}` : ''}`,
  ].filter((l) => l !== '')
  const citing = claimsCiting(study.id)
  if (citing.length > 0) {
    lines.push('', paint(io, 'bold', 'Claims that cite it:'))
    for (const claim of citing) lines.push(`  [${claim.verdict}] ${claim.id}`)
  }
  return lines.join('\n')
}

function claimText(io: Io, claim: Claim): string {
  // Study ids in notes are printed as APA citations, with the id after each study in the evidence list for look-ups;
  // the claim is one finished document, so same-author, same-year studies are told apart from their first citation.
  return renderDocument('apa', 'text', (session) => claimTextWith(io, claim, session))
}

function claimTextWith(io: Io, claim: Claim, session: CitationSession): string {
  const prose = (text: string) => citeProse(text, session, 'text')
  const lines = [
    paint(io, 'bold', claim.id),
    claim.statement,
    `Verdict: ${paint(io, verdictColor(claim.verdict), claim.verdict)} - ${prose(claim.verdictNote)}`,
    `Decision rule (docs/data-policy.md): ${prose(claim.verdictRule)}.`,
    '',
    paint(io, 'bold', 'Made by:'),
    ...claim.madeBy.map((m) => `  ${m.source}, ${m.section}${m.citedAs ? ` (cites ${m.citedAs.join('; ')})` : ''}`),
  ]
  const evidence = fullEvidenceFor(claim.id)
  if (evidence.length > 0) {
    lines.push('', paint(io, 'bold', 'Evidence:'))
    for (const e of evidence) lines.push(`  [${e.relation}] ${prose(e.study.id)} [${e.study.id}]: ${prose(e.note)}`)
  }
  for (const p of claim.citationProblems ?? [])
    lines.push(`Citation problem (${p.problem}, ${prose(p.study)}): ${prose(p.note)}`)
  return lines.join('\n')
}

function sourceText(io: Io, id: Parameters<typeof getFullSource>[0]): string {
  const source = getFullSource(id)
  const made = claims.filter((c) => c.madeBy.some((m) => m.source === id))
  return [
    `${paint(io, 'bold', source.id)}: ${source.csl.title ?? source.documentTitle ?? '(title not confirmed)'}`,
    source.csl.URL ?? '(URL not identified)',
    '',
    paint(io, 'bold', `Claims it makes (${made.length}):`),
    ...made.map((c) => `  [${paint(io, verdictColor(c.verdict), c.verdict)}] ${c.id}`),
  ].join('\n')
}

export const flags: FlagSpec = { booleans: ['json'], values: [] }

export function run(args: Parsed, io: Io): number {
  const ids = args.positional.flatMap((w) => w.split(',')).filter((w) => w.trim() !== '')
  if (ids.length > 1)
    throw new UsageError(
      `show takes one id at a time (got ${ids.length}: ${ids.map(quote).join(', ')}); run it once for each`,
    )
  const word = ids[0]?.trim()
  if (word === undefined) throw new UsageError('show takes exactly one id')
  // A DOI or PubMed id of a shipped study stands for its id.
  const id = recordWord(word)
  const asJson = args.flags.has('json')
  if (isStudyId(id)) {
    const study = getFullStudy(id)
    io.out(
      asJson ? json({ type: 'study', record: study, claims: claimsCiting(id).map((c) => c.id) }) : studyText(io, study),
    )
  } else if (isClaimId(id)) {
    const claim = getFullClaim(id)
    io.out(asJson ? json({ type: 'claim', record: claim, evidence: fullEvidenceFor(id) }) : claimText(io, claim))
  } else if (isSourceId(id)) {
    io.out(
      asJson
        ? json({
            type: 'source',
            record: getFullSource(id),
            claims: claims.filter((c) => c.madeBy.some((m) => m.source === id)).map((c) => c.id),
          })
        : sourceText(io, id),
    )
  } else {
    const hint = closest(id, [...studyIds, ...claimIds, ...sourceIds])
    throw new InputError(
      `no study, claim or source has the id ${quote(id)}${hint ? ` (did you mean "${hint}"?)` : '; list ids with kap-literature list studies|claims|sources'}`,
    )
  }
  return 0
}
