import { dataVersion, getStudy, vocabularies, type StudyId, type VocabularyTerm } from '../../index'
import { fullClaims } from '../../details/index'
import { createCitationSession, cslCredit, type CitationStyle } from '../../citations/index'
import { closest, flag, InputError, json, oneOf, quote, UsageError, type FlagSpec, type Io, type Parsed } from '../io'
import { styleList, styleOption } from '../records'

export const summary = "Write an educator's handout for a topic: claims, verdicts, evidence and a reading list."

const topicIds = vocabularies.topics.map((t) => t.id)

export const help = `Usage: kap-literature handout --topic <topic> [--format md|html] [--style ${styleList}] [--json]

${summary}
For each claim clinic pages make on the topic: our verdict, and every study that
bears on it (how, our note, and its in-text citation). Then a reading list, the
vocabulary terms used, the citation-style credit, the data version and the date.
HTML is one self-contained page (inline styles, no external requests).

Topics: ${topicIds.join(', ')}

Options:
  --topic    the topic (required)
  --format   md (default, Markdown) or html
  --style    citation style (default apa)
  --json     print the handout's content as JSON instead (citations as plain text)

The date is today's (UTC), or SOURCE_DATE_EPOCH's when that is set.

Examples:
  kap-literature handout --topic duration > duration.md
  kap-literature handout --topic psychotherapy --format html --style vancouver > psychotherapy.html`

export const flags: FlagSpec = { booleans: ['json'], values: ['topic', 'format', 'style'] }

interface EvidenceLine {
  study: StudyId
  relation: string
  relationLabel: string
  note: string
  citation: string
  design: string
  designLabel: string
  certainty: string
  certaintyLabel: string
}

interface ClaimSection {
  id: string
  statement: string
  verdict: string
  verdictLabel: string
  verdictNote: string
  pages: number
  evidence: EvidenceLine[]
}

interface Handout {
  title: string
  topic: VocabularyTerm
  style: CitationStyle
  date: string
  dataVersion: string
  claims: ClaimSection[]
  studies: string[]
  bibliography: string
  terms: { heading: string; terms: VocabularyTerm[] }[]
  credit: string
  licence: string
}

const label = (terms: readonly VocabularyTerm[], id: string) => terms.find((t) => t.id === id)?.label ?? id
const used = (terms: readonly VocabularyTerm[], ids: ReadonlySet<string>) => terms.filter((t) => ids.has(t.id))

function build(topic: VocabularyTerm, style: CitationStyle, format: 'text' | 'html' | 'markdown', date: string): Handout {
  const session = createCitationSession({ style, format })
  const chosen = fullClaims().filter((c) => (c.topics as readonly string[]).includes(topic.id))
  const sections: ClaimSection[] = chosen.map((c) => ({
    id: c.id,
    statement: c.statement,
    verdict: c.verdict,
    verdictLabel: label(vocabularies.verdicts, c.verdict),
    verdictNote: c.verdictNote,
    pages: new Set(c.madeBy.map((m) => m.source)).size,
    evidence: c.evidence.map((e) => {
      const study = getStudy(e.study)
      return {
        study: e.study,
        relation: e.relation,
        relationLabel: label(vocabularies.relations, e.relation),
        note: e.note,
        citation: session.cite(e.study),
        design: study.design,
        designLabel: label(vocabularies.designs, study.design),
        certainty: study.certainty,
        certaintyLabel: label(vocabularies.certainty, study.certainty),
      }
    }),
  }))
  const evidence = sections.flatMap((s) => s.evidence)
  return {
    title: `${topic.label}: what clinic pages claim about ketamine-assisted psychotherapy, and what the evidence shows`,
    topic,
    style,
    date,
    dataVersion,
    claims: sections,
    studies: [...session.cited()],
    bibliography: session.bibliography(),
    terms: [
      { heading: 'Verdicts', terms: used(vocabularies.verdicts, new Set(sections.map((s) => s.verdict))) },
      { heading: 'How a study bears on a claim', terms: used(vocabularies.relations, new Set(evidence.map((e) => e.relation))) },
      { heading: 'Study designs', terms: used(vocabularies.designs, new Set(evidence.map((e) => e.design))) },
      { heading: 'Certainty of the evidence', terms: used(vocabularies.certainty, new Set(evidence.map((e) => e.certainty))) },
    ].filter((g) => g.terms.length > 0),
    credit: cslCredit,
    licence: 'Claims, verdicts and notes: kap-literature (CC BY 4.0). For information; not medical advice.',
  }
}

function intro(h: Handout): string {
  const n = h.claims.length
  return n === 0
    ? 'None of the clinic pages this library records makes a claim on this topic yet.'
    : `The clinic pages this library records make ${n} claim${n === 1 ? '' : 's'} on this topic. For each: our verdict, and every study that bears on it, with how it bears on the claim and what it actually tested.`
}

const footerText = (h: Handout) => `kap-literature data ${h.dataVersion}, generated ${h.date}.`

/** Escapes text for Markdown inline content. */
function md(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, '\\$1').replace(/^([#+-]|\d+\.)(?=\s)/, '\\$1')
}

function toMarkdown(h: Handout): string {
  const out = [`# ${md(h.title)}`, '', `*${md(h.topic.description)}*`, '', md(intro(h))]
  h.claims.forEach((c, i) => {
    out.push('', `## ${i + 1}. ${md(c.statement)}`, '', `**Verdict: ${md(c.verdictLabel)}.** ${md(c.verdictNote)}`, '')
    out.push(`Made by ${c.pages} of the recorded clinic pages. Evidence:`, '')
    if (c.evidence.length === 0) out.push('- No study is recorded for this claim.')
    for (const e of c.evidence) out.push(`- **${md(e.relationLabel)}**: ${md(e.note)} ${e.citation} (${md(e.designLabel)}; certainty: ${md(e.certaintyLabel.toLowerCase())})`)
  })
  if (h.studies.length > 0) out.push('', '## Reading list', '', h.bibliography)
  out.push('', '## Terms used')
  for (const g of h.terms) {
    out.push('', `### ${md(g.heading)}`, '')
    for (const t of g.terms) out.push(`- **${md(t.label)}**: ${md(t.description)}`)
  }
  out.push('', '---', '', `${md(footerText(h))} ${md(h.credit)} ${md(h.licence)}`)
  return out.join('\n')
}

/** Escapes text for HTML content and attribute values. */
function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

const CSS = `
:root { color-scheme: light; --ink: #1d232a; --muted: #5b6670; --line: #d9dee3; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 46rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .5rem; }
h2 { font-size: 1.2rem; margin: 2.25rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.05rem; margin: 1.75rem 0 .4rem; }
h4 { font-size: .95rem; margin: 1rem 0 .25rem; color: var(--muted); }
.topic { color: var(--muted); font-style: italic; }
.verdict { display: inline-block; padding: 0 .45rem; border-radius: .25rem; font-weight: 600; }
.verdict-accurate { background: #e3f4e6; } .verdict-oversimplified, .verdict-overstated { background: #fdf1d8; }
.verdict-contested { background: #e8ecf7; } .verdict-inaccurate { background: #fbe2e0; }
ul { padding-left: 1.2rem; } li { margin: .35rem 0; }
.meta { color: var(--muted); font-size: .9em; }
.kap-bibliography .kap-ref { margin: .5rem 0 .5rem 1.5rem; text-indent: -1.5rem; }
dt { font-weight: 600; margin-top: .5rem; } dd { margin: 0 0 .25rem 0; }
footer { margin-top: 2.5rem; padding-top: .75rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .85rem; }
@media print { main { max-width: none; padding: 0; } a { color: inherit; } }
`.trim()

function toHtml(h: Handout): string {
  const out = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<meta name="generator" content="kap-literature ${esc(h.dataVersion)}">`,
    `<title>${esc(h.title)}</title>`,
    `<style>\n${CSS}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${esc(h.title)}</h1>`,
    `<p class="topic">${esc(h.topic.description)}</p>`,
    `<p>${esc(intro(h))}</p>`,
  ]
  if (h.claims.length > 0) out.push('<section>', '<h2>Claims</h2>')
  h.claims.forEach((c, i) => {
    out.push(
      `<article class="claim" id="claim-${esc(c.id)}">`,
      `<h3>${i + 1}. ${esc(c.statement)}</h3>`,
      `<p><span class="verdict verdict-${esc(c.verdict)}">${esc(c.verdictLabel)}</span> ${esc(c.verdictNote)}</p>`,
      `<h4>Evidence</h4>`,
      `<p class="meta">Made by ${c.pages} of the recorded clinic pages.</p>`,
      '<ul>',
      ...(c.evidence.length === 0 ? ['<li>No study is recorded for this claim.</li>'] : []),
      ...c.evidence.map(
        (e) =>
          `<li><strong>${esc(e.relationLabel)}</strong>: ${esc(e.note)} ${e.citation} <span class="meta">(${esc(e.designLabel)}; certainty: ${esc(e.certaintyLabel.toLowerCase())})</span></li>`,
      ),
      '</ul>',
      '</article>',
    )
  })
  if (h.claims.length > 0) out.push('</section>')
  if (h.studies.length > 0) out.push('<section>', '<h2>Reading list</h2>', h.bibliography, '</section>')
  out.push('<section>', '<h2>Terms used</h2>')
  for (const g of h.terms) {
    out.push(`<h3>${esc(g.heading)}</h3>`, '<dl>', ...g.terms.map((t) => `<dt>${esc(t.label)}</dt><dd>${esc(t.description)}</dd>`), '</dl>')
  }
  out.push('</section>', `<footer><p>${esc(footerText(h))}</p><p>${esc(h.credit)}</p><p>${esc(h.licence)}</p></footer>`, '</main>', '</body>', '</html>')
  return out.join('\n')
}

export function run(args: Parsed, io: Io): number {
  if (args.positional.length > 0) throw new UsageError(`handout takes --topic, not a word (got "${args.positional[0]}")`)
  const topicId = flag(args, 'topic')
  if (topicId === undefined) throw new UsageError(`handout needs --topic (topics: ${topicIds.join(', ')})`)
  const topic = vocabularies.topics.find((t) => t.id === topicId)
  if (topic === undefined) {
    const hint = closest(topicId, topicIds)
    throw new InputError(`unknown topic ${quote(topicId)}${hint ? ` (did you mean "${hint}"?)` : ''}; topics: ${topicIds.join(', ')}`)
  }
  const formatName = flag(args, 'format') ?? 'md'
  const format = oneOf('--format', formatName === 'markdown' ? 'md' : formatName, ['md', 'html'] as const)
  const style = styleOption(flag(args, 'style'))
  if (args.flags.has('json')) {
    io.out(json(build(topic, style, 'text', io.today)))
    return 0
  }
  const handout = build(topic, style, format === 'html' ? 'html' : 'markdown', io.today)
  io.out(format === 'html' ? toHtml(handout) : toMarkdown(handout))
  return 0
}
