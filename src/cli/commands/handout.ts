import {
  dataFingerprint,
  dataVersion,
  getStudy,
  vocabularies,
  type ClaimId,
  type StudyId,
  type Topic,
  type VocabularyTerm,
} from '../../index'
import { fullClaims } from '../../details/index'
import {
  citeProse,
  cslCredit,
  type CitationFormat,
  type CitationSession,
  type CitationStyle,
} from '../../citations/index'
import { renderDocument } from '../document'
import { escapeHtml, escapeMarkdown } from '../../escape'
import { evidenceMap } from '../../map/index'
import { VERDICT_COLOURS } from '../../verdict-colours'
import { flag, json, oneOf, quote, UsageError, type FlagSpec, type Io, type Parsed } from '../io'
import { refusePdf, styleList, styleOption, topicOption } from '../records'
import { whyOf } from '../why'
import { fullSized } from '../../trial-size'

export const summary = "Write an educator's handout for a topic: claims, verdicts, evidence and a reading list."

const topicIds = vocabularies.topics.map((t) => t.id)

export const help = `Usage: kap-literature handout --topic <topic> [--full] [--format md|html] [--style ${styleList}] [--json]

${summary}
By default a brief handout of at most two A4 pages: each claim clinic pages make on the topic, our verdict, why in
a sentence (the first of the verdict note, whole), and the key studies, then a compact reading list and, in HTML,
the topic's evidence map on pages of its own (on screen with the same facts as a table). With --full: every study that bears on each claim (how, our note and
its citation), the full verdict notes, a reading list, the vocabulary terms used, and the evidence map. Study ids in
notes are printed as citations in the chosen style, linked to the reading list. HTML is one self-contained page (no
external requests).

Topics: ${topicIds.join(', ')}

Options:
  --topic    the topic (required)
  --full     the full handout instead of the brief one
  --format   md (default, Markdown) or html
  --style    citation style (default apa)
  --json     print the full handout's content as JSON instead (citations as plain text)

The date is today's (UTC), or SOURCE_DATE_EPOCH's when that is set: whole seconds since 1970-01-01 UTC, as
date +%s prints; any other value is an error (exit 1).

Examples:
  kap-literature handout --topic duration --format html > duration.html
  kap-literature handout --topic psychotherapy --full --format html --style vancouver > psychotherapy.html`

export const flags: FlagSpec = { booleans: ['json', 'full'], values: ['topic', 'format', 'style'] }

interface EvidenceLine {
  study: StudyId
  relation: string
  relationLabel: string
  /** Our note, with study ids as citations (escaped for the handout's format). */
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
  /** The verdict note, with study ids as citations (escaped for the handout's format). */
  verdictNote: string
  /** The row of the decision table that gave the verdict, with citations (full handout only). */
  verdictRule: string
  /** The first sentence of the verdict note ({@link whyOf}), with citations: the brief handout's "why". */
  why: string
  pages: number
  evidence: EvidenceLine[]
  /**
   * The key studies and how they bear on the claim ("for (Anand et al., 2023; Short et al., 2018); against (U.S. Food
   * and Drug Administration, 2023)"), or '' when none: at most two of the studies that support, contradict or partly
   * support the claim, strongest design first (a trial too small to count at its design's grade after the others of its
   * design), then the larger study.
   */
  keyStudies: string
}

interface Handout {
  title: string
  topic: VocabularyTerm
  style: CitationStyle
  date: string
  dataVersion: string
  /** {@link dataFingerprint}: pins the data where many data changes share one version. */
  dataFingerprint: string
  claims: ClaimSection[]
  studies: string[]
  bibliography: string
  terms: { heading: string; terms: VocabularyTerm[] }[]
  credit: string
  licence: string
}

const label = (terms: readonly VocabularyTerm[], id: string) => terms.find((t) => t.id === id)?.label ?? id
const used = (terms: readonly VocabularyTerm[], ids: ReadonlySet<string>) => terms.filter((t) => ids.has(t.id))
const RELATION_WEIGHT: Readonly<Record<string, number>> = {
  supports: 0,
  contradicts: 1,
  'partly-supports': 2,
  'partly-contradicts': 3,
  'does-not-test': 4,
  context: 5,
}
/** The relations that speak against a claim. */
const AGAINST: ReadonlySet<string> = new Set(['contradicts', 'partly-contradicts'])
/**
 * How much weight a study can bear, most first: its design's rank, a trial too small to count at its design's grade
 * (the decision table's rule) after the full-sized ones of its design, records after studies; then the larger study.
 */
const byWeight = (a: { design: string; n?: number }, b: { design: string; n?: number }) => {
  const rank = (s: { design: string; n?: number }) => {
    const d = vocabularies.designs.find((t) => t.id === s.design)
    return d === undefined ? 99 : (d.band === 'record' ? 10 : 0) + (d.rank ?? 9) + (fullSized(s.design, s.n) ? 0 : 0.5)
  }
  return rank(a) - rank(b) || (b.n ?? 0) - (a.n ?? 0)
}

/** How key studies bear on a claim, as the word before their citation (short: the brief handout has two pages). */
const KEY_LABELS = {
  supports: 'for',
  'partly-supports': 'partly for',
  contradicts: 'against',
  'partly-contradicts': 'partly against',
} as const

/**
 * The key studies as one citation per relation, each after its label, in the order supports, partly supports,
 * contradicts, partly contradicts: "for (Anand et al., 2023); against (U.S. Food and Drug Administration, 2023)".
 */
function keyStudiesLine(
  key: readonly { readonly study: string; readonly relation: string }[],
  citeGroup: (ids: readonly string[]) => string,
): string {
  return (Object.keys(KEY_LABELS) as (keyof typeof KEY_LABELS)[])
    .map((relation) => [relation, key.filter((e) => e.relation === relation).map((e) => e.study)] as const)
    .filter(([, ids]) => ids.length > 0)
    .map(([relation, ids]) => `${KEY_LABELS[relation]} ${citeGroup(ids)}`)
    .join('; ')
}

/**
 * The handout's content. In the brief form only the key studies are cited (so the reading list stays short); the
 * full form cites every study of every claim. Notes are escaped for `format` with their study ids as citations. A
 * handout is a finished document, so its citations are told apart across all of it ({@link renderDocument}).
 */
function build(
  topic: VocabularyTerm,
  style: CitationStyle,
  format: CitationFormat,
  date: string,
  full: boolean,
  session?: CitationSession,
): Handout {
  if (session === undefined) return renderDocument(style, format, (s) => build(topic, style, format, date, full, s))
  const prose = (text: string) => citeProse(text, session, format, { link: true })
  // Evidence never uses a study that cannot be cited (the build enforces it); should one slip through, its id is shown.
  const citeGroup = (ids: readonly string[]) => {
    try {
      return session.cite(ids, { link: true })
    } catch {
      return ids.map((id) => citeProse(id, session, format)).join('; ')
    }
  }
  const chosen = fullClaims().filter((c) => (c.topics as readonly string[]).includes(topic.id))
  const sections: ClaimSection[] = chosen.map((c) => {
    const ranked = [...c.evidence]
      .filter((e) => e.relation !== 'context' && e.relation !== 'does-not-test')
      .sort(
        (a, b) =>
          RELATION_WEIGHT[a.relation]! - RELATION_WEIGHT[b.relation]! ||
          byWeight(getStudy(a.study), getStudy(b.study)) ||
          a.study.localeCompare(b.study),
      )
    // Two key studies; when the evidence disagrees, the strongest on each side, so a brief handout is never one-sided.
    const against = ranked.filter((e) => AGAINST.has(e.relation))
    const forIt = ranked.filter((e) => !AGAINST.has(e.relation))
    const key = against.length > 0 && forIt.length > 0 ? [forIt[0]!, against[0]!] : ranked.slice(0, 2)
    const whyText = whyOf(c.verdictNote)
    const why = prose(whyText)
    // Key studies the "why" does not already cite.
    const keyStudies = keyStudiesLine(
      key.filter((e) => !new RegExp(`(^|[^a-z0-9-])${e.study}([^a-z0-9-]|$)`).test(whyText)),
      citeGroup,
    )
    const evidence = full
      ? c.evidence.map((e) => {
          const study = getStudy(e.study)
          return {
            study: e.study,
            relation: e.relation,
            relationLabel: label(vocabularies.relations, e.relation),
            note: prose(e.note),
            citation: citeGroup([e.study]),
            design: study.design,
            designLabel: label(vocabularies.designs, study.design),
            certainty: study.certainty,
            certaintyLabel: label(vocabularies.certainty, study.certainty),
          }
        })
      : []
    return {
      id: c.id,
      statement: c.statement,
      verdict: c.verdict,
      verdictLabel: label(vocabularies.verdicts, c.verdict),
      verdictNote: full ? prose(c.verdictNote) : '',
      verdictRule: full ? prose(c.verdictRule) : '',
      why,
      pages: new Set(c.madeBy.map((m) => m.source)).size,
      evidence,
      keyStudies,
    }
  })
  const evidence = sections.flatMap((s) => s.evidence)
  const bibliography = session.bibliography().replace(/ data-kap-id="([^"]+)"/g, ' id="ref-$1" data-kap-id="$1"')
  return {
    title: `${topic.label}: what clinic pages claim about ketamine-assisted psychotherapy, and what the evidence shows`,
    topic,
    style,
    date,
    dataVersion,
    dataFingerprint,
    claims: sections,
    studies: [...session.cited()],
    bibliography,
    terms: [
      { heading: 'Verdicts', terms: used(vocabularies.verdicts, new Set(sections.map((s) => s.verdict))) },
      {
        heading: 'How a study bears on a claim',
        terms: used(vocabularies.relations, new Set(evidence.map((e) => e.relation))),
      },
      { heading: 'Study designs', terms: used(vocabularies.designs, new Set(evidence.map((e) => e.design))) },
      {
        heading: 'Certainty of the evidence',
        terms: used(vocabularies.certainty, new Set(evidence.map((e) => e.certainty))),
      },
    ].filter((g) => g.terms.length > 0),
    credit: cslCredit,
    licence: 'Claims, verdicts and notes: kap-literature (CC BY 4.0). For information; not medical advice.',
  }
}

function intro(h: Handout, full: boolean): string {
  const n = h.claims.length
  if (n === 0) return 'None of the clinic pages this library records makes a claim on this topic yet.'
  return full
    ? `The clinic pages this library records make ${n} claim${n === 1 ? '' : 's'} on this topic. For each: our ` +
        `verdict, and every study that bears on it, with how it bears on the claim and what it actually tested.`
    : `The clinic pages this library records make ${n} claim${n === 1 ? '' : 's'} on this topic. For each: our ` +
        `verdict, why in a sentence, and the key studies. Verdicts follow written decision rules; the full version of this handout gives every study and note.`
}

const footerText = (h: Handout) =>
  `kap-literature data ${h.dataVersion} (fingerprint ${h.dataFingerprint}), generated ${h.date}.`
const md = escapeMarkdown

function toMarkdown(h: Handout, full: boolean): string {
  const out = [`# ${md(h.title)}`, '', `*${md(h.topic.description)}*`, '', md(intro(h, full))]
  h.claims.forEach((c, i) => {
    if (!full) {
      out.push(
        '',
        `**${i + 1}. ${md(c.statement)}** — *${md(c.verdictLabel)}.* ${c.why}${c.keyStudies !== '' ? ` Key studies: ${c.keyStudies}.` : ''}`,
      )
      return
    }
    out.push(
      '',
      `## ${i + 1}. ${md(c.statement)}`,
      '',
      `**Verdict: ${md(c.verdictLabel)}.** ${c.verdictNote}`,
      '',
      `*Decision rule:* ${c.verdictRule}.`,
      '',
    )
    out.push(`Made by ${c.pages} of the recorded clinic pages. Evidence:`, '')
    if (c.evidence.length === 0) out.push('- No study is recorded for this claim.')
    for (const e of c.evidence)
      out.push(
        `- **${md(e.relationLabel)}**: ${e.note} ${e.citation} (${md(e.designLabel)}; certainty: ${md(e.certaintyLabel.toLowerCase())})`,
      )
  })
  if (h.studies.length > 0) out.push('', '## Reading list', '', h.bibliography)
  if (full) {
    out.push('', '## Terms used')
    for (const g of h.terms) {
      out.push('', `### ${md(g.heading)}`, '')
      for (const t of g.terms) out.push(`- **${md(t.label)}**: ${md(t.description)}`)
    }
  }
  out.push(
    '',
    `The evidence map of this topic: \`kap-literature map --topic ${h.topic.id} --out ${h.topic.id}-map.svg\`.`,
  )
  out.push('', '---', '', `${md(footerText(h))} ${md(h.credit)} ${md(h.licence)}`)
  return out.join('\n')
}

const CSS = `
:root { color-scheme: light; --ink: #1d232a; --muted: #5b6670; --line: #d9dee3; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 46rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .5rem; }
h2 { font-size: 1.2rem; margin: 2.25rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.05rem; margin: 1.75rem 0 .4rem; }
h4 { font-size: .95rem; margin: 1rem 0 .25rem; color: var(--muted); }
a { color: #1f4f8b; }
.topic { color: var(--muted); font-style: italic; }
.verdict { display: inline-block; padding: 0 .45rem; border-radius: .25rem; font-weight: 600; white-space: nowrap;
  outline: 1px solid currentColor; outline-offset: -1px; background: #fff; }
${Object.entries(VERDICT_COLOURS)
  .map(([verdict, colour]) => `.verdict-${verdict} { color: ${colour}; }`)
  .join(' ')}
ul { padding-left: 1.2rem; } li { margin: .35rem 0; }
.meta { color: var(--muted); font-size: .9em; }
ul.kap-bibliography { list-style: none; margin: 0; padding-left: 0; }
ul.kap-bibliography .kap-ref { margin: .5rem 0 .5rem 1.5rem; text-indent: -1.5rem; }
.kap-ref { overflow-wrap: anywhere; }
ol.kap-bibliography { padding-left: 2.2rem; } ol.kap-bibliography .kap-ref { margin: .4rem 0; }
.brief { width: 100%; border-collapse: collapse; font-size: .9rem; }
.brief th, .brief td { text-align: left; vertical-align: top; padding: .3rem .4rem; border-bottom: 1px solid var(--line); }
.brief tbody th { font-weight: normal; }
.vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.brief td.n { color: var(--muted); width: 1.5rem; }
.brief .why { color: var(--ink); }
.brief .key { color: var(--muted); font-size: .95em; }
.reading-brief .kap-ref { font-size: .85rem; margin-top: .2rem; margin-bottom: .2rem; }
dt { font-weight: 600; margin-top: .5rem; } dd { margin: 0 0 .25rem 0; }
.map { margin-top: 2rem; } .map figure { margin: 0; } .map details { margin: 0 3px; } .kap-map-picture { overflow-x: auto; }
.map svg { display: block; width: 100%; min-width: 46rem; height: auto; }
.map figcaption { color: var(--muted); font-size: .85rem; margin: .35rem 0; }
.map summary { cursor: pointer; color: #1f4f8b; }
.kap-map-table { border-collapse: collapse; font-size: .9rem; margin-top: .5rem; width: 100%; }
.kap-map-table caption { text-align: left; font-weight: 600; }
.kap-map-table th, .kap-map-table td { text-align: left; vertical-align: top; padding: .3rem .4rem; border-bottom: 1px solid var(--line); }
.kap-map-table ul { margin: 0; padding-left: 1rem; } .kap-map-table li { margin: 0 0 .15rem; }
footer { margin-top: 2.5rem; padding-top: .75rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .85rem; }
@page { size: A4; margin: 10mm; }
/* On paper and on a narrow screen each claim is one paragraph (number, claim in bold, verdict, why, key studies): on
   paper columns would leave blank space beside the shorter cells, and the brief handout must fit on two pages; four
   columns do not fit a phone's width (320 px) without scrolling sideways. */
@media print, (max-width: 36em) {
  .brief, .brief tbody, .brief tr { display: block; }
  .brief tr { border-bottom: 1px solid var(--line); }
  .brief td, .brief tbody th { display: inline; border: 0; } .brief tbody th { font-weight: 600; }
}
@media screen and (max-width: 36em) {
  /* The column headers stay for a screen reader, which names each cell's column by them. */
  .brief thead, .kap-map-table thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  /* The map's table, likewise: each claim a paragraph, its verdict and its studies under it. */
  .kap-map-table, .kap-map-table caption, .kap-map-table tbody, .kap-map-table tr, .kap-map-table tbody th,
  .kap-map-table td { display: block; }
  .kap-map-table tbody th, .kap-map-table td { border: 0; padding: .2rem 0; } .kap-map-table tr { border-bottom: 1px solid var(--line); }
  .brief tr { padding: .4rem 0; } .brief td, .brief tbody th { padding: 0 .3rem 0 0; }
}
@media print {
  .brief thead { display: none; }
  body { font-size: 9.5pt; line-height: 1.35; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 14pt; } h2 { font-size: 11pt; margin-top: 1rem; }
  a { color: inherit; text-decoration: none; }
  .brief-handout h1 { font-size: 12pt; } .brief-handout .topic, .brief-handout > p { font-size: 8pt; margin: 2pt 0; }
  .brief { font-size: 7.4pt; line-height: 1.12; }
  .print-large .brief { font-size: 9.5pt; line-height: 1.15; } .print-medium .brief { font-size: 8.5pt; line-height: 1.15; }
  .print-large .reading-brief, .print-large .reading-brief .kap-ref { font-size: 8.5pt; }
  .print-medium .reading-brief, .print-medium .reading-brief .kap-ref { font-size: 7.6pt; }
  .brief tr { padding: .25pt 0; } .print-large .brief tr, .print-medium .brief tr { padding: .5pt 0; }
  .brief td, .brief tbody th { padding: 0 2pt 0 0; }
  .verdict { padding: 0 2pt; }
  .reading-brief { columns: 2; column-gap: 5mm; font-size: 6.6pt; } .reading-brief h2 { column-span: all; margin: 4pt 0 2pt; }
  .reading-brief .kap-ref { font-size: 6.6pt; line-height: 1.1; margin-top: .5pt; margin-bottom: .5pt; orphans: 2; widows: 2; }
  .map { break-before: page; margin-top: 0; overflow: visible; }
  .map svg { display: block; width: auto; min-width: 0; max-width: 100%; max-height: 255mm; margin: 0 auto; }
  .map figcaption, .map details { display: none; }
  footer { margin-top: 4pt; padding-top: 3pt; font-size: 6.6pt; } footer p { margin: 0; }
}
`.trim()

/**
 * How large a brief handout prints: its table and reading list at the body's 9.5 pt (reading list 8.5 pt) when the
 * topic's text is short, smaller only as far as two A4 pages need. The text's length stands for its area (the reading
 * list, set smaller, counts four fifths); the limits leave a margin below what Chromium fits on two pages (measured for
 * every topic: `tests/browser/handout.test.ts`). Topics at 7.4/6.6 pt: the two largest (efficacy, psychotherapy), whose
 * claims are also set a little closer (line height 1.12, not 1.15): efficacy's reading list gained abdallah-2022, the
 * longest APA entry (twenty names), which ran its footer onto a third page.
 */
function printSize(h: Pick<Handout, 'claims' | 'bibliography'>): 'large' | 'medium' | 'small' {
  const text = (html: string) => html.replace(/<[^>]*>/g, '').length
  let length = 0.8 * text(h.bibliography)
  for (const c of h.claims) length += c.statement.length + c.verdictLabel.length + text(c.why) + text(c.keyStudies)
  return length <= 10_500 ? 'large' : length <= 13_000 ? 'medium' : 'small'
}

function toHtml(h: Handout, full: boolean): string {
  const out = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<meta name="generator" content="kap-literature ${escapeHtml(h.dataVersion)} (data fingerprint ${escapeHtml(h.dataFingerprint)})">`,
    `<title>${escapeHtml(h.title)}</title>`,
    `<style>\n${CSS}\n</style>`,
    '</head>',
    '<body>',
    `<main class="${full ? 'full' : `brief-handout print-${printSize(h)}`}">`,
    `<h1>${escapeHtml(h.title)}</h1>`,
    `<p class="topic">${escapeHtml(h.topic.description)}</p>`,
    `<p>${escapeHtml(intro(h, full))}</p>`,
  ]
  if (!full && h.claims.length > 0) {
    out.push(
      '<table class="brief">',
      // The table's name, and each claim as its row's header, for a screen reader moving from cell to cell.
      `<caption class="vh">${escapeHtml(h.topic.label)}: the claims, our verdicts and why</caption>`,
      '<thead><tr><th scope="col"><span class="vh">Number</span></th><th scope="col">Claim</th>' +
        '<th scope="col">Verdict</th><th scope="col">Why, and the key studies</th></tr></thead>',
      '<tbody>',
    )
    h.claims.forEach((c, i) =>
      out.push(
        `<tr id="claim-${escapeHtml(c.id)}"><td class="n">${i + 1} </td><th scope="row">${escapeHtml(c.statement)}</th><td><span ` +
          `class="verdict verdict-${escapeHtml(c.verdict)}">${escapeHtml(c.verdictLabel)}</span></td><td><span ` +
          `class="why">${c.why}</span>${c.keyStudies !== '' ? ` <span class="key">Key: ${c.keyStudies}</span>` : ''}</td></tr>`,
      ),
    )
    out.push('</tbody>', '</table>')
  }
  if (full && h.claims.length > 0) out.push('<section>', '<h2>Claims</h2>')
  if (full) {
    h.claims.forEach((c, i) => {
      out.push(
        `<article class="claim" id="claim-${escapeHtml(c.id)}">`,
        `<h3>${i + 1}. ${escapeHtml(c.statement)}</h3>`,
        `<p><span class="verdict verdict-${escapeHtml(c.verdict)}">${escapeHtml(c.verdictLabel)}</span> ${c.verdictNote}</p>`,
        `<p class="meta">Decision rule: ${c.verdictRule}.</p>`,
        `<h4>Evidence</h4>`,
        `<p class="meta">Made by ${c.pages} of the recorded clinic pages.</p>`,
        '<ul>',
        ...(c.evidence.length === 0 ? ['<li>No study is recorded for this claim.</li>'] : []),
        ...c.evidence.map(
          (e) =>
            `<li><strong>${escapeHtml(e.relationLabel)}</strong>: ${e.note} ${e.citation} <span ` +
            `class="meta">(${escapeHtml(e.designLabel)}; certainty: ${escapeHtml(e.certaintyLabel.toLowerCase())})</span></li>`,
        ),
        '</ul>',
        '</article>',
      )
    })
    if (h.claims.length > 0) out.push('</section>')
  }
  if (h.studies.length > 0)
    out.push(
      `<section class="${full ? 'reading' : 'reading-brief'}">`,
      '<h2>Reading list</h2>',
      h.bibliography,
      '</section>',
    )
  if (full) {
    out.push('<section>', '<h2>Terms used</h2>')
    for (const g of h.terms)
      out.push(
        `<h3>${escapeHtml(g.heading)}</h3>`,
        '<dl>',
        ...g.terms.map((t) => `<dt>${escapeHtml(t.label)}</dt><dd>${escapeHtml(t.description)}</dd>`),
        '</dl>',
      )
    out.push('</section>')
  }
  out.push(`<footer><p>${escapeHtml(footerText(h))} ${escapeHtml(h.credit)} ${escapeHtml(h.licence)}</p></footer>`)
  // Each map page is the map's figure: the picture, and the same facts as a table for readers who cannot see it. On
  // a narrow screen the picture keeps a width in rem, so its text grows with the reader's zoom, and the picture alone
  // scrolls sideways (the caption and the table keep the page's width): it takes the keyboard focus for that, named as
  // its region.
  for (const { label, html } of mapPages(h.topic.id as Topic, h.topic.label))
    out.push(
      '<section class="map">',
      html.replace(
        '<div class="kap-map-picture">',
        `<div class="kap-map-picture" role="region" aria-label="${escapeHtml(label)}" tabindex="0">`,
      ),
      '</section>',
    )
  out.push('</main>', '</body>', '</html>')
  return out.join('\n')
}

/** The tallest map page, as a multiple of its width: on A4 with 10 mm margins a map is 190 mm wide and 255 mm tall. */
export const MAP_PAGE_ASPECT = 255 / 190

/**
 * The topic's evidence map as printed pages: the whole map when it fits a page at the page's full width, else its
 * claims (in the order the map draws them) in as few consecutive runs as keep every page within
 * {@link MAP_PAGE_ASPECT}, each titled "(1 of 2)" and so on. A 26-claim map on one page printed at two-thirds of the
 * page width, its text about 5 pt. Each page is given as its SVG and as its HTML figure (the SVG, a caption and the
 * same facts as a table).
 */
export function mapPages(topic: Topic, topicLabel: string): { label: string; svg: string; html: string }[] {
  const whole = evidenceMap({ topic, format: 'svg' }).trimEnd()
  // The claims in the order the map draws them: one row per claim, each marked with its id.
  const ordered = [...whole.matchAll(/ data-claim="([^"]+)"/g)].map((m) => m[1] as ClaimId)
  if (ordered.length === 0) return []
  const title = `Evidence map: ${topicLabel}`
  if (aspect(whole) <= MAP_PAGE_ASPECT)
    return [{ label: title, svg: whole, html: evidenceMap({ topic, format: 'html' }).trimEnd() }]
  for (let pages = Math.max(2, Math.ceil(aspect(whole) / MAP_PAGE_ASPECT)); ; pages++) {
    const size = Math.ceil(ordered.length / pages)
    const runs = Array.from({ length: Math.ceil(ordered.length / size) }, (_, i) =>
      ordered.slice(i * size, (i + 1) * size),
    )
    const labels = runs.map((_, i) => `${title} (${i + 1} of ${runs.length})`)
    const svgs = runs.map((ids, i) => evidenceMap({ topic, claims: ids, format: 'svg', title: labels[i] }).trimEnd())
    // A page of one claim is as small as a map gets; stop there whatever its shape.
    if (svgs.every((svg) => aspect(svg) <= MAP_PAGE_ASPECT) || size === 1)
      return svgs.map((svg, i) => ({
        label: labels[i]!,
        svg,
        html: evidenceMap({ topic, claims: runs[i], format: 'html', title: labels[i] }).trimEnd(),
      }))
  }
}

/** An SVG's height over its width, from its viewBox. */
function aspect(svg: string): number {
  const box = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)
  return box === null ? 0 : Number(box[2]) / Number(box[1])
}

export function run(args: Parsed, io: Io): number {
  if (args.positional.length > 0)
    throw new UsageError(`handout takes --topic, not a word (got ${quote(args.positional[0]!)})`)
  const topicId = flag(args, 'topic')
  if (topicId === undefined) throw new UsageError(`handout needs --topic (topics: ${topicIds.join(', ')})`)
  const topicKey = topicOption(topicId)
  const topic = vocabularies.topics.find((t) => t.id === topicKey)!
  const formatName = flag(args, 'format') ?? 'md'
  refusePdf('handout', formatName, topicKey)
  const format = oneOf(
    '--format',
    formatName.toLowerCase() === 'markdown' ? 'md' : formatName,
    ['md', 'html'] as const,
    '',
    ['markdown'],
  )
  const style = styleOption(flag(args, 'style'))
  const full = args.flags.has('full')
  if (args.flags.has('json')) {
    io.out(json(build(topic, style, 'text', io.today, true)))
    return 0
  }
  const handout = build(topic, style, format === 'html' ? 'html' : 'markdown', io.today, full)
  io.out(format === 'html' ? toHtml(handout, full) : toMarkdown(handout, full))
  return 0
}
