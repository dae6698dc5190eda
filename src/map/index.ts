/**
 * kap-literature/map: one picture per topic of where the evidence for the clinic pages' claims is strong or thin.
 * Each claim is a row, grouped by verdict and labelled with it (colour is never the only signal); each study that
 * bears on it is a mark placed in the column of its design (strongest designs on the left, regulatory and consensus
 * records in a band of their own) and shaped by its relation to the claim. A claim's statement is drawn whole, and
 * every text has room for the letter and word spacing a reader may set (WCAG 1.4.12). The SVG is deterministic (same
 * data, same bytes), escapes all text, loads no fonts or scripts, and carries `<title>`, `<desc>` and ARIA for readers
 * without sight. No runtime dependencies.
 *
 * @example
 * ```ts
 * import { evidenceMap } from 'kap-literature/map'
 * const svg = evidenceMap({ topic: 'psychotherapy', format: 'svg' })
 * ```
 * @packageDocumentation
 */
import { escapeHtml } from '../escape'
import { describeValue, isList, KapLiteratureError } from '../errors'
import { claimFacts, type ClaimFact } from '../generated/claim-facts'
import {
  factTerms as vocabularies,
  mapDataFingerprint as dataFingerprint,
  mapDataVersion as dataVersion,
  studyMarks,
  type FactTerm,
} from '../generated/map-facts'
import { claimStatements } from '../generated/claim-statements'
import { claimTopics } from '../generated/claim-topics'
import {
  claimIds,
  topicTerms,
  type ClaimId,
  type Relation,
  type StudyId,
  type Topic,
  type Verdict,
} from '../generated/ids'
import { checkOptionKeys, closest, idForm } from '../suggest'
import { VERDICT_COLOURS as VERDICT_COLOUR } from '../verdict-colours'

/**
 * What to draw and in which form.
 * @example
 * ```ts
 * import type { EvidenceMapOptions } from 'kap-literature/map'
 * const byTopic: EvidenceMapOptions = { topic: 'efficacy', format: 'svg' }
 * const chosen: EvidenceMapOptions = { claims: ['ketamine-relief-within-hours'], format: 'html', title: 'How fast?' }
 * ```
 */
export interface EvidenceMapOptions {
  /** The claims of one topic (see `topicTerms`); without `topic` and `claims`, every claim. */
  readonly topic?: Topic
  /** These claims, in this set (combined with `topic`, the claims of the topic that are listed here). */
  readonly claims?: readonly ClaimId[]
  /** `svg`: an SVG document; `html`: a `<figure>` with the SVG and a table of the same facts for screen readers. */
  readonly format: 'svg' | 'html'
  /**
   * The heading; default "Evidence map: <topic label>" or "Evidence map". At most 200 characters of one line: a
   * control character (C0 such as a line break, DEL, C1), U+FFFE, U+FFFF or an unpaired surrogate, which XML cannot
   * hold, is refused (`INVALID_ARGUMENT`).
   */
  readonly title?: string
}

const OPTION_KEYS = ['topic', 'claims', 'format', 'title'] as const

const WIDTH = 960
const TEXT_X = 16
/** The width of a design column: three marks side by side. */
const COL = 46
/** The right edge of the grid of design columns. */
const GRID_RIGHT = WIDTH - 16
/** Wide enough for the longest verdict ("Oversimplified", 11px bold) with WCAG text spacing in a wide font. */
const BADGE_WIDTH = 116
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"
const LINE = 14
const MARK = 11
/** The font size and line height of the column headings. */
const HEAD_SIZE = 10
const HEAD_LINE = 11
/** The height of the one empty row that holds "No claims match." when no claim is drawn. */
const EMPTY_ROW = 36

interface Column {
  readonly key: string
  readonly heading: string
  readonly band: 'evidence' | 'record'
  readonly designs: ReadonlySet<string>
}

/** The columns: one per design rank in the evidence band, strongest first, then one per rank of the record band. */
function columns(designs: readonly FactTerm[]): Column[] {
  const out: Column[] = []
  for (const band of ['evidence', 'record'] as const) {
    const ranked = designs
      .filter((d) => d.band === band)
      .sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99) || a.id.localeCompare(b.id))
    for (const d of ranked) {
      const key = `${band}-${d.rank}`
      const existing = out.find((c) => c.key === key)
      if (existing !== undefined) (existing.designs as Set<string>).add(d.id)
      else out.push({ key, heading: d.group ?? d.label, band, designs: new Set([d.id]) })
    }
  }
  return out
}

/** The widths of a to z in hundredths of an em, as in DejaVu Sans: a wide sans-serif, so other fonts fit too. */
const LOWER = [61, 64, 55, 64, 62, 35, 64, 63, 28, 28, 58, 28, 97, 63, 61, 64, 64, 41, 52, 39, 63, 59, 82, 59, 59, 53]

/** A character's width in em, at most as wide as a wide sans-serif draws it. */
function em(ch: string): number {
  const c = ch.charCodeAt(0)
  if (c >= 97 && c <= 122) return LOWER[c - 97]! / 100
  if (c >= 65 && c <= 90) return ch === 'I' || ch === 'J' ? 0.3 : ch === 'M' || ch === 'W' ? 0.99 : 0.79
  if (c >= 48 && c <= 57) return 0.64
  if (ch === ' ') return 0.32
  if (",.:;'’!|".includes(ch)) return 0.34
  if ('-()/[]'.includes(ch)) return 0.4
  return 1
}

/**
 * The width of a line of text at `size` pixels with the text spacing a reader may set (WCAG 1.4.12: letters 0.12 em
 * further apart, words 0.16 em), so that text laid out by it never runs into what stands beside it.
 */
const spacedWidth = (text: string, size: number): number =>
  [...text].reduce((w, ch) => w + em(ch) + 0.12 + (ch === ' ' ? 0.16 : 0), 0) * size

/** Greedy word wrap into lines no wider than `width` pixels ({@link spacedWidth}); nothing is cut off. */
function wrap(text: string, size: number, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line === '' ? word : `${line} ${word}`
    if (line === '' || spacedWidth(next, size) <= width) line = next
    else {
      lines.push(line)
      line = word
    }
  }
  if (line !== '') lines.push(line)
  return lines
}

const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1))

/** The mark of a relation, centred on (x, y): shape carries the meaning, so it reads in black and white. */
function mark(relation: Relation, x: number, y: number): string {
  const r = MARK / 2
  const c = '#1a1a1a'
  switch (relation) {
    case 'supports':
      return `<circle cx="${fmt(x)}" cy="${fmt(y)}" r="${fmt(r)}" fill="${c}"/>`
    case 'partly-supports':
      return (
        `<circle cx="${fmt(x)}" cy="${fmt(y)}" r="${fmt(r - 0.75)}" fill="#fff" stroke="${c}" ` +
        `stroke-width="1.5"/><path d="M${fmt(x)} ${fmt(y - r + 0.75)}A${fmt(r - 0.75)} ${fmt(r - 0.75)} 0 0 0 ${fmt(x)} ${fmt(y + r - 0.75)}Z" fill="${c}"/>`
      )
    case 'contradicts':
      return (
        `<path d="M${fmt(x - r)} ${fmt(y - r)}L${fmt(x + r)} ${fmt(y + r)}M${fmt(x + r)} ` +
        `${fmt(y - r)}L${fmt(x - r)} ${fmt(y + r)}" stroke="${c}" stroke-width="3" stroke-linecap="round"/>`
      )
    case 'partly-contradicts':
      // Half of the cross: one stroke of it.
      return (
        `<path d="M${fmt(x - r)} ${fmt(y - r)}L${fmt(x + r)} ${fmt(y + r)}" stroke="${c}" stroke-width="3" ` +
        `stroke-linecap="round"/>`
      )
    case 'does-not-test':
      return (
        `<rect x="${fmt(x - r + 0.75)}" y="${fmt(y - r + 0.75)}" width="${fmt(MARK - 1.5)}" ` +
        `height="${fmt(MARK - 1.5)}" fill="#fff" stroke="${c}" stroke-width="1.5"/>`
      )
    case 'context':
      return (
        `<path d="M${fmt(x)} ${fmt(y - r)}L${fmt(x + r)} ${fmt(y)}L${fmt(x)} ${fmt(y + r)}L${fmt(x - r)} ` +
        `${fmt(y)}Z" fill="#fff" stroke="${c}" stroke-width="1.5"/>`
      )
  }
}

/**
 * A character a map title cannot hold: a control character (C0, DEL, C1: not allowed in XML 1.0 or discouraged, and
 * acted on by terminals), a bidirectional embedding, override or isolate (U+202A–U+202E, U+2066–U+2069: they can
 * show a title in an order other than the one it is written in; the CLI refuses them too), a line or paragraph
 * separator (U+2028, U+2029: a title is one line), U+FFFE and U+FFFF (not XML characters) or half of a surrogate pair.
 */
const TITLE_UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** Letters and symbols that show nothing: the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0) and Braille blank. */
const BLANK_GLYPHS = /[\u115f\u1160\u3164\uffa0\u2800]/g

/** The maximum length of a map title, in characters (code points). */
const MAX_TITLE_LENGTH = 200

/**
 * Checks the options and returns a fresh copy of them: each option is read once (a getter cannot hand the check one
 * value and the drawing another), and `claims` is copied.
 */
function checkOptions(options: unknown): EvidenceMapOptions {
  if (options === null || typeof options !== 'object' || isList(options, 'evidenceMap options')) {
    throw new KapLiteratureError(
      'INVALID_ARGUMENT',
      'evidenceMap needs an options object such as { topic: "efficacy", format: "svg" }',
      { value: options, hint: 'evidenceMap({ topic: "efficacy", format: "svg" })' },
    )
  }
  checkOptionKeys('evidenceMap', options, OPTION_KEYS)
  const { topic: topicGiven, claims, format: formatGiven, title } = options as Record<string, unknown>
  // Format, topic and claim ids are read as ids are everywhere: in any case, without surrounding spaces.
  const format = typeof formatGiven === 'string' ? idForm(formatGiven) : formatGiven
  const topic = typeof topicGiven === 'string' ? idForm(topicGiven) : topicGiven
  if (format !== 'svg' && format !== 'html') {
    throw new KapLiteratureError(
      'UNKNOWN_FORMAT',
      `evidenceMap format must be "svg" or "html", got ${describeValue(formatGiven)}`,
      { value: formatGiven, hint: 'svg or html' },
    )
  }
  const topics = `topics: ${topicTerms.join(', ')}`
  if (topic !== undefined && typeof topic !== 'string')
    throw new KapLiteratureError(
      'INVALID_ARGUMENT',
      `evidenceMap topic must be a string, got ${describeValue(topic)}`,
      {
        value: topicGiven,
        hint: topics,
      },
    )
  if (topic !== undefined && !(topicTerms as readonly string[]).includes(topic)) {
    const hint = closest(topic, topicTerms)
    throw new KapLiteratureError(
      'UNKNOWN_ID',
      `unknown topic ${describeValue(topicGiven)}${hint === undefined ? '' : ` (did you mean "${hint}"?)`}`,
      { value: topicGiven, hint: hint ?? topics },
    )
  }
  let ids: ClaimId[] | undefined
  if (claims !== undefined) {
    if (!isList(claims, 'evidenceMap claims'))
      throw new KapLiteratureError('INVALID_ARGUMENT', 'evidenceMap claims must be an array of claim ids', {
        value: claims,
        hint: "claims: ['without-therapy-ketamine-effects-fade-faster']",
      })
    ids = []
    for (const given of claims as unknown[]) {
      const id = typeof given === 'string' ? idForm(given) : given
      if (typeof id !== 'string' || !Object.hasOwn(claimFacts, id)) {
        const hint = typeof id === 'string' ? closest(id, claimIds) : undefined
        throw new KapLiteratureError(
          'UNKNOWN_ID',
          `unknown claim ${typeof given === 'string' ? describeValue(given) : typeof given}${hint === undefined ? '' : ` (did you mean "${hint}"?)`}`,
          { value: given, hint: hint ?? 'claims() of kap-literature lists the claim ids' },
        )
      }
      ids.push(id as ClaimId)
    }
  }
  if (title !== undefined) {
    // Counted in characters (code points): an emoji is one, not two UTF-16 units.
    if (
      typeof title !== 'string' ||
      (title.length > MAX_TITLE_LENGTH && [...title.slice(0, 4 * MAX_TITLE_LENGTH)].length > MAX_TITLE_LENGTH)
    ) {
      throw new KapLiteratureError(
        'INVALID_ARGUMENT',
        `evidenceMap title must be a string of at most ${MAX_TITLE_LENGTH} characters`,
        { value: title, hint: 'shorten the title; the picture names the topic and the counts itself' },
      )
    }
    // The title names the picture for screen readers (the SVG's <title>) and heads it: a blank one names nothing.
    // Blank, or only invisible characters (zero-width spaces, joiners, bidi marks, fillers): nothing a reader would see.
    if (!/[\p{L}\p{N}\p{P}\p{S}]/u.test(title.replace(BLANK_GLYPHS, ''))) {
      throw new KapLiteratureError('INVALID_ARGUMENT', 'evidenceMap title must not be blank', {
        value: title,
        hint: 'leave the title out for the default ("Evidence map: <topic>"), or give one with words in it',
      })
    }
    const bad = TITLE_UNSAFE.exec(title)
    if (bad !== null) {
      const code = `U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
      throw new KapLiteratureError(
        'INVALID_ARGUMENT',
        `evidenceMap title must be one line of text without control characters or unpaired surrogates; it has ${code} at position ${bad.index}`,
        { value: title, hint: 'remove control characters, bidirectional controls and line breaks from the title' },
      )
    }
  }
  return {
    format,
    ...(topic === undefined ? {} : { topic: topic as Topic }),
    ...(ids === undefined ? {} : { claims: ids }),
    ...(title === undefined ? {} : { title }),
  }
}

/** A claim as drawn: its facts, id, statement and topics. */
type Claim = ClaimFact & { readonly id: ClaimId; readonly statement: string; readonly topics: readonly Topic[] }

/** A study as a mark: its id, design and short label ("Dore et al. 2019"). */
interface Study {
  readonly id: StudyId
  readonly design: string
  readonly label: string
}

const studyOf = (id: StudyId): Study => {
  const [design, label] = studyMarks[id]!
  return { id, design, label }
}

interface Row {
  readonly claim: Claim
  readonly lines: readonly string[]
  readonly cells: ReadonlyMap<string, readonly { study: Study; relation: Relation }[]>
  readonly height: number
  readonly y: number
}

/** The claims drawn, grouped by verdict in the vocabulary's order, then by id. */
function selectClaims(o: EvidenceMapOptions): Claim[] {
  const wanted = o.claims === undefined ? undefined : new Set<string>(o.claims)
  const verdictOrder = vocabularies.verdicts.map((v) => v.id)
  return claimIds
    .map((id, i): Claim => ({ ...claimFacts[id], id, statement: claimStatements[i]!, topics: claimTopics[i]! }))
    .filter(
      (c) =>
        (o.topic === undefined || (c.topics as readonly string[]).includes(o.topic)) &&
        (wanted === undefined || wanted.has(c.id)),
    )
    .sort((a, b) => verdictOrder.indexOf(a.verdict) - verdictOrder.indexOf(b.verdict) || a.id.localeCompare(b.id))
}

/** Where the columns go: the grid of design columns on the right, the verdict badges before it, the claims first. */
interface Geometry {
  readonly gridX: number
  readonly badgeX: number
  /** The width a claim's lines may take, left of the badge. */
  readonly textWidth: number
  /** Marks side by side in a column. */
  readonly perLine: number
}

function geometry(cols: readonly Column[]): Geometry {
  const gridX = GRID_RIGHT - cols.length * COL
  const badgeX = gridX - 10 - BADGE_WIDTH
  return { gridX, badgeX, textWidth: badgeX - 8 - TEXT_X, perLine: Math.max(1, Math.floor((COL - 4) / (MARK + 3))) }
}

function layout(
  claims: readonly Claim[],
  cols: readonly Column[],
  g: Geometry,
  top: number,
): { rows: Row[]; bottom: number } {
  const rows: Row[] = []
  let y = top
  for (const claim of claims) {
    const cells = new Map<string, { study: Study; relation: Relation }[]>()
    for (const [id, relation] of claim.evidence) {
      const study = studyOf(id)
      const col = cols.find((c) => c.designs.has(study.design))
      if (col === undefined) continue
      const list = cells.get(col.key) ?? []
      list.push({ study, relation })
      cells.set(col.key, list)
    }
    for (const list of cells.values()) list.sort((a, b) => a.study.id.localeCompare(b.study.id))
    // The whole statement, on as many lines as it takes: a reader without a mouse cannot hover for the rest.
    const lines = wrap(claim.statement, 12, g.textWidth)
    const markRows = [...cells.values()].reduce((n, l) => Math.max(n, Math.ceil(l.length / g.perLine)), 1)
    const height = Math.max(lines.length * LINE + 12, markRows * (MARK + 4) + 12, 30)
    rows.push({ claim, lines, cells, height, y })
    y += height
  }
  return { rows, bottom: y }
}

/** An id prefix unique to this picture's content, so several maps on one page do not share ids. */
function idPrefix(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0
  return `kapmap-${h.toString(16).padStart(8, '0')}`
}

/** The map's heading: the given title, else "Evidence map: <topic label>" or "Evidence map". */
function titleOf(o: EvidenceMapOptions): string {
  const topicLabel = o.topic === undefined ? undefined : vocabularies.topics.find((t) => t.id === o.topic)?.label
  return o.title ?? (topicLabel === undefined ? 'Evidence map' : `Evidence map: ${topicLabel}`)
}

function svgOf(o: EvidenceMapOptions, claims: readonly Claim[]): string {
  const designs = vocabularies.designs
  const relations = vocabularies.relations
  const verdicts = vocabularies.verdicts
  const cols = columns(designs)
  const title = titleOf(o)
  const g = geometry(cols)
  // Column headings take two staggered levels, so each may be nearly two columns wide: wide enough for its words
  // with a reader's text spacing, where side by side they would run into each other.
  const headings = cols.map((c) => wrap(c.heading, HEAD_SIZE, 2 * COL - 8))
  const depth = headings.reduce((n, h) => Math.max(n, h.length), 1) * HEAD_LINE
  const headerBottom = 92 + 2 * depth
  const { rows, bottom: rowsBottom } = layout(claims, cols, g, headerBottom)
  // An empty map keeps one empty row for its "No claims match." line, so the line never runs into the legend.
  const bottom = rows.length === 0 ? headerBottom + EMPTY_ROW : rowsBottom
  const studyCount = new Set(claims.flatMap((c) => c.evidence.map(([id]) => id))).size
  const claimCount = claims.length === 1 ? '1 claim' : `${claims.length} claims`
  const studyWords = studyCount === 1 ? '1 study or record' : `${studyCount} studies and records`
  const counts = verdicts
    .map((v) => `${claims.filter((c) => c.verdict === v.id).length} ${v.label.toLowerCase()}`)
    .join(', ')
  const id = idPrefix(`${title}|${claims.map((c) => c.id).join(',')}|${dataVersion}|${dataFingerprint}`)
  // A long title wraps (200 characters at 20 px take three lines of the picture's width); what is below it moves
  // down by the lines it adds, drawn as one group, so a map with a one-line title is laid out as before.
  const titleLines = wrap(title, 20, WIDTH - 2 * TEXT_X)
  const drop = (Math.max(titleLines.length, 1) - 1) * 26
  const legendTop = bottom + 24
  const height = legendTop + 96 + drop
  const parts: string[] = []
  const text = (x: number, y: number, content: string, attrs = '') =>
    `<text x="${fmt(x)}" y="${fmt(y)}"${attrs}>${escapeHtml(content)}</text>`

  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${fmt(height)}" width="${WIDTH}" height="${fmt(height)}" role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc" lang="en" xml:lang="en" font-family="${escapeHtml(FONT)}" font-size="12" class="kap-evidence-map">`,
    `<title id="${id}-title">${escapeHtml(title)}</title>`,
    `<desc id="${id}-desc">${escapeHtml(
      `${claimCount} made by clinic pages about ketamine-assisted psychotherapy (${counts}), with the ` +
        `${studyWords} that bear on ${claims.length === 1 ? 'it' : 'them'}. Each row is a claim with its verdict; each mark is a ` +
        `study, placed in a column by design (strongest designs on the left; regulatory and consensus records on the ` +
        `right) and shaped by what it shows: filled circle supports, half-filled circle partly supports, cross ` +
        `contradicts, single stroke partly contradicts, open square does not test the claim, open diamond gives ` +
        `context. kap-literature data version ` +
        `${dataVersion} (fingerprint ${dataFingerprint}).`,
    )}</desc>`,
    `<rect width="${WIDTH}" height="${fmt(height)}" fill="#fff"/>`,
    ...titleLines.map((line, i) => text(TEXT_X, 30 + 26 * i, line, ' font-size="20" font-weight="700" fill="#1a1a1a"')),
    ...(drop > 0 ? [`<g transform="translate(0 ${drop})">`] : []),
    text(
      TEXT_X,
      50,
      `${claimCount} · ${studyWords} · kap-literature data ${dataVersion} (fingerprint ${dataFingerprint})`,
      ' fill="#444"',
    ),
  )
  // Column headings, with a band label over each band.
  const bandStart = (band: 'evidence' | 'record') => cols.findIndex((c) => c.band === band)
  for (const band of ['evidence', 'record'] as const) {
    const first = bandStart(band)
    const n = cols.filter((c) => c.band === band).length
    if (first < 0) continue
    const x0 = g.gridX + first * COL
    parts.push(
      `<rect x="${fmt(x0 + 1)}" y="62" width="${fmt(n * COL - 2)}" height="16" fill="${band === 'evidence' ? '#eef2f7' : '#f3eef7'}"/>`,
      text(
        x0 + (n * COL) / 2,
        74,
        band === 'evidence' ? 'Studies, strongest design first →' : 'Records',
        ' text-anchor="middle" fill="#333" font-size="11"',
      ),
    )
  }
  headings.forEach((lines, i) => {
    const cx = g.gridX + i * COL + COL / 2
    // Every other heading sits on the upper level, with a tick down to its column between its neighbours.
    const base = headerBottom - 6 - (i % 2) * (depth + 4)
    if (i % 2 === 1)
      parts.push(
        `<line x1="${fmt(cx)}" y1="${fmt(base + 4)}" x2="${fmt(cx)}" y2="${fmt(headerBottom)}" stroke="#bbb" stroke-width="1"/>`,
      )
    lines.forEach((l, k) =>
      parts.push(
        text(
          cx,
          base - (lines.length - 1 - k) * HEAD_LINE,
          l,
          ` text-anchor="middle" fill="#333" font-size="${HEAD_SIZE}"`,
        ),
      ),
    )
  })
  parts.push(
    text(TEXT_X, headerBottom - 8, 'Claim', ' font-weight="700" fill="#333"'),
    text(g.badgeX, headerBottom - 8, 'Verdict', ' font-weight="700" fill="#333"'),
  )
  // Rows.
  parts.push('<g class="kap-map-rows">')
  rows.forEach((row, i) => {
    const verdictLabel = verdicts.find((v) => v.id === row.claim.verdict)?.label ?? row.claim.verdict
    parts.push(`<g class="kap-map-row" data-claim="${escapeHtml(row.claim.id)}">`)
    if (i % 2 === 0)
      parts.push(`<rect x="8" y="${fmt(row.y)}" width="${WIDTH - 16}" height="${fmt(row.height)}" fill="#f7f7f7"/>`)
    parts.push(`<title>${escapeHtml(`${row.claim.statement} Verdict: ${verdictLabel}.`)}</title>`)
    row.lines.forEach((l, k) => parts.push(text(TEXT_X, row.y + 16 + k * LINE, l, ' fill="#1a1a1a"')))
    const colour = VERDICT_COLOUR[row.claim.verdict]
    parts.push(
      `<rect x="${g.badgeX}" y="${fmt(row.y + 6)}" width="${BADGE_WIDTH}" height="18" rx="9" fill="${colour}"/>`,
      text(
        g.badgeX + BADGE_WIDTH / 2,
        row.y + 19,
        verdictLabel,
        ' text-anchor="middle" fill="#fff" font-weight="700" font-size="11"',
      ),
    )
    cols.forEach((c, ci) => {
      const list = row.cells.get(c.key) ?? []
      const x0 = g.gridX + ci * COL + (COL - Math.min(list.length, g.perLine) * (MARK + 3) + 3) / 2 + MARK / 2
      list.forEach((m, k) => {
        const x = x0 + (k % g.perLine) * (MARK + 3)
        const y = row.y + 15 + Math.floor(k / g.perLine) * (MARK + 4)
        const relationLabel = relations.find((r) => r.id === m.relation)?.label ?? m.relation
        parts.push(
          `<g class="kap-map-mark" data-study="${escapeHtml(m.study.id)}" ` +
            `data-relation="${m.relation}"><title>${escapeHtml(`${m.study.label}: ${relationLabel.toLowerCase()}`)}</title>${mark(m.relation, x, y)}</g>`,
        )
      })
    })
    parts.push('</g>')
  })
  parts.push('</g>')
  // Grid lines between columns and around the bands, below the headings (which may be wider than their column).
  for (let i = 0; i <= cols.length; i++) {
    const x = g.gridX + i * COL
    const strong = i === 0 || i === bandStart('record') || i === cols.length
    parts.push(
      `<line x1="${fmt(x)}" y1="${fmt(headerBottom)}" x2="${fmt(x)}" y2="${fmt(bottom)}" stroke="${strong ? '#999' : '#ddd'}" stroke-width="1"/>`,
    )
  }
  parts.push(`<line x1="8" y1="${fmt(bottom)}" x2="${WIDTH - 8}" y2="${fmt(bottom)}" stroke="#999" stroke-width="1"/>`)
  if (rows.length === 0) parts.push(text(TEXT_X, headerBottom + 22, 'No claims match.', ' fill="#444"'))
  // Legend: relations (shapes) and verdicts (colours, always with their names).
  parts.push(text(TEXT_X, legendTop, 'Marks: what a study shows about the claim', ' font-weight="700" fill="#333"'))
  relations.forEach((r, i) => {
    const x = TEXT_X + 8 + i * 150
    parts.push(mark(r.id as Relation, x, legendTop + 18), text(x + 12, legendTop + 22, r.label, ' fill="#1a1a1a"'))
  })
  parts.push(text(TEXT_X, legendTop + 50, 'Verdicts', ' font-weight="700" fill="#333"'))
  verdicts.forEach((v, i) => {
    const x = TEXT_X + i * 150
    parts.push(
      `<rect x="${fmt(x)}" y="${fmt(legendTop + 58)}" width="${BADGE_WIDTH}" height="18" rx="9" fill="${VERDICT_COLOUR[v.id as Verdict]}"/>`,
      text(
        x + BADGE_WIDTH / 2,
        legendTop + 71,
        v.label,
        ' text-anchor="middle" fill="#fff" font-weight="700" font-size="11"',
      ),
    )
  })
  parts.push(
    text(
      WIDTH - 16,
      legendTop + 92,
      "Verdicts follow the written decision rules of kap-literature's data policy. Not medical advice.",
      ' text-anchor="end" fill="#666" font-size="10"',
    ),
  )
  if (drop > 0) parts.push('</g>')
  parts.push('</svg>')
  return `${parts.join('\n')}\n`
}

/**
 * A table of the same facts, for screen readers and for readers who prefer text: each claim in full with its verdict,
 * and each study that bears on it with its design and what it shows, in the map's order (strongest design first).
 */
function tableOf(claims: readonly Claim[], title: string): string {
  const relations = vocabularies.relations
  const verdicts = vocabularies.verdicts
  const cols = columns(vocabularies.designs)
  const place = (id: StudyId) => cols.findIndex((c) => c.designs.has(studyOf(id).design)) >>> 0
  const rows = claims.map((c) => {
    const evidence = [...c.evidence]
      .sort(([a], [b]) => place(a) - place(b) || a.localeCompare(b))
      .map(([id, relation]) => {
        const s = studyOf(id)
        const design = vocabularies.designs.find((d) => d.id === s.design)?.label ?? s.design
        return (
          `<li>${escapeHtml(s.label)} (${escapeHtml(design.toLowerCase())}): ` +
          `${escapeHtml((relations.find((r) => r.id === relation)?.label ?? relation).toLowerCase())}</li>`
        )
      })
      .join('')
    return (
      `<tr><th scope="row">${escapeHtml(c.statement)}</th>` +
      `<td>${escapeHtml(verdicts.find((v) => v.id === c.verdict)?.label ?? c.verdict)}</td>` +
      `<td>${evidence === '' ? 'No study is recorded.' : `<ul>${evidence}</ul>`}</td></tr>`
    )
  })
  return (
    `<table class="kap-map-table"><caption>${escapeHtml(title)}</caption><thead><tr><th scope="col">Claim</th><th ` +
    `scope="col">Verdict</th><th scope="col">Studies and what they show</th></tr></thead><tbody>${rows.join('')}` +
    `</tbody></table>`
  )
}

/**
 * Draws the evidence map of a topic (or of chosen claims) as deterministic SVG, or as HTML: a `<figure>` holding the
 * SVG, a caption, and the same facts as a table inside `<details>`.
 * @param options - `topic` and/or `claims` to choose the rows, `format`, and an optional `title`
 * @returns the SVG document or the HTML fragment, ending in a newline
 * @throws {@link index!KapLiteratureError} `UNKNOWN_ID` for an unknown topic or claim (with the closest as hint),
 * `UNKNOWN_FORMAT` for a format other than svg or html, `INVALID_ARGUMENT` for an unknown option or a bad value
 * (such as a title with a control character)
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs'
 * import { evidenceMap } from 'kap-literature/map'
 * writeFileSync('psychotherapy-map.svg', evidenceMap({ topic: 'psychotherapy', format: 'svg' }))
 * const figure = evidenceMap({ claims: ['ketamine-relief-within-hours', 'standalone-ketamine-relief-short-lived'], format: 'html' })
 * ```
 */
export function evidenceMap(options: EvidenceMapOptions): string {
  const o = checkOptions(options)
  const claims = selectClaims(o)
  const svg = svgOf(o, claims)
  if (o.format === 'svg') return svg
  const caption =
    'Each row is a claim with its verdict; each mark a study, placed by design and shaped by what it shows. ' +
    `Data version ${dataVersion} (fingerprint ${dataFingerprint}).`
  return (
    `<figure ` +
    `class="kap-evidence-map-figure">\n<div class="kap-map-picture">${svg}</div><figcaption>${escapeHtml(caption)}</figcaption>\n<details><summary>The ` +
    `same as a table</summary>${tableOf(claims, titleOf(o))}</details>\n</figure>\n`
  )
}
