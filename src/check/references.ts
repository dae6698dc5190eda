// Finds the lines of a draft that belong to a reference list, so the checker skips them: a reference names a study's
// title, and a title is no claim of the draft. Recognises entries as `kap-literature bib` prints them in its six styles
// (APA, Harvard, Chicago, MLA, Vancouver, AMA) and as writers type them: numbered, bulleted or bare, with or without
// a heading such as "References", "Works Cited", "Bibliography" or "Sources". Every test below is linear in the line.

/** A list marker or entry number before an entry: "- ", "1. ", "1) ", "[3] ", "[^3]: ". */
/**
 * A thematic break ("---", "* * *", "___"): after at most three blanks, three or more of one of `-*_`, with blanks
 * between them and nothing else. A loop, not a regular expression: the expression's backreference in a repeated group
 * ran out of stack on a line of about 1.8 MB.
 * @internal
 */
export function isThematicBreak(line: string): boolean {
  let i = 0
  while (i < 3 && i < line.length && /\s/.test(line[i]!)) i++
  const mark = line[i]
  if (mark !== '-' && mark !== '*' && mark !== '_') return false
  let count = 0
  for (; i < line.length; i++) {
    const c = line[i]!
    if (c === mark) count++
    else if (!/\s/.test(c)) return false
  }
  return count >= 3
}

const MARKER = /^\s{0,3}(?:[-*+\u2022]\s+|\d{1,3}[.)]\s+|\[\d{1,3}\]\s*|\[\^[^\][]{1,20}\]:\s*)/
/** A numbered entry: "12. ", "12) ", "[12] ". */
const NUMBERED = /^\s{0,3}(?:\d{1,3}[.)]\s+|\[\d{1,3}\]\s*)/
const FENCE = /^\s{0,3}(`{3,}|~{3,})/
const ATX_HEADING = /^\s{0,3}#{1,6}(?:\s+|$)/
const SETEXT_UNDERLINE = /^\s{0,3}(?:=+|-+)\s*$/
/** A line in bold and nothing else, as many drafts set a heading: "**References**". */
const BOLD_LINE = /^\s{0,3}(?:\*\*|__)[^*_]{1,60}(?:\*\*|__):?\s*$/
/** The name of a reference list's heading, once its Markdown is removed. */
const LIST_NAME = new RegExp(
  [
    String.raw`^(?:(?:\d{1,2}|[IVX]{1,4})\.?\s*)?`,
    String.raw`(?:(?:selected |cited )?references?(?: list| cited)?|works cited|bibliography|sources?(?: cited)?`,
    String.raw`|literature(?: cited)?|citations|further reading|(?:notes|sources) and (?:references|sources|further reading))`,
    String.raw`\s*:?$`,
  ].join(''),
  'i',
)

/** A word of an author's name: capitalised ("Anand", "U.S.", "A.E.", "J.-P.", "O'Neil"), or initials ("SJ"). */
const NAME_WORD = /^[\p{Lu}][\p{L}\p{M}'\u2019.-]*$/u
/** The small words inside authors' and organisations' names, and the marks between names. */
const NAME_JOINERS = new Set([
  '&',
  'and',
  'et',
  'al',
  'al.',
  '\u2026',
  '...',
  'of',
  'the',
  'for',
  'de',
  'del',
  'van',
  'von',
  'der',
  'den',
  'da',
  'di',
  'du',
  'la',
  'le',
  'y',
])
/** Vancouver and AMA initials after a family name: "A", "SJ", "CA" (then "Jr"). */
const VANCOUVER_INITIALS = /^[\p{Lu}]{1,3}$/u
const YEAR = String.raw`(?:19|20)\d\d[a-z]?`
/** After the authors, APA and Harvard put the date in brackets: "(2019).", "(2025, April 17).", "(n.d.).", "(no date)". */
const BRACKETED_DATE = new RegExp(
  String.raw`^\((?:${YEAR}(?:, [^()]{1,30})?|n\.d\.|no date)\)(?:\.|\s+["'\u201c\u2018\p{Lu}\d]|$)`,
  'u',
)
/** After the authors and a full stop, Chicago puts the year: "2019.", "n.d.". */
const CHICAGO_DATE = new RegExp(String.raw`^(?:${YEAR}|n\.d\.)(?:\.|$)`)
/** After the authors and a full stop, MLA puts the title in quotation marks. */
const QUOTED_TITLE = /^["\u201c]/
/**
 * What only a reference says: a date in brackets between full stops (APA: "… Administration. (2022, February).",
 * "… treatment. (n.d.)."), where it was retrieved or accessed ("Retrieved November 22, 2026, from", "Available at:",
 * "Accessed 22 Nov. 2026", "[cited 2026 Nov 22]"), MLA's date before the address ("…, 3 Aug. 2020, https://"),
 * "[Internet]" (Vancouver), a PubMed id.
 */
const REFERENCE_PHRASE = new RegExp(
  [
    String.raw`(?<!\bal)\.\s\((?:${YEAR}(?:, [^()]{1,30})?|n\.d\.|no date)\)\.`,
    String.raw`\bRetrieved\b[^.]{0,60}\bfrom\s+(?:https?:|www\.)`,
    String.raw`\bAvailable (?:at|from):?\s`,
    String.raw`\bAccessed:?\s+(?:\d{1,2}\s+)?[A-Z][a-z]{2,8}\.?\s+(?:\d{1,2},?\s+)?\d{4}`,
    String.raw`\b\d{1,2}\s[A-Z][a-z]{2,4}\.?\s${YEAR},\s[[<(]?(?:https?:|www\.)`,
    String.raw`\[cited\s+\d{4}`,
    String.raw`\[Internet\]`,
    String.raw`\bPMID:?\s*\d`,
  ].join('|'),
)
/**
 * The details of a published source: volume and issue ("47(4)", "47 (4)"), Vancouver's year and volume ("2006;63:856"),
 * pages ("pp. 351", ": 351–54", ", 351–354"), a DOI, a web address, a publisher's year ("Administration; 2022").
 */
const SOURCE_DETAILS = new RegExp(
  [
    String.raw`\d\s?\(\d{1,4}\)`,
    String.raw`\b${YEAR}(?:\s[A-Z][a-z]{2}(?:\s\d{1,2})?)?;\s?\d`,
    String.raw`;\s?${YEAR}\b`,
    String.raw`\bp{1,2}\.\s?[eE]?\d`,
    String.raw`\b(?:vol|no)\.\s?\d`,
    String.raw`:\s?[eE]?\d{1,5}[\u2013-][eE]?\d`,
    String.raw`,\s[eE]?\d{1,5}[\u2013-][eE]?\d{1,5}\b`,
    String.raw`\bdoi\b`,
    String.raw`\b10\.\d{4,9}/`,
    String.raw`https?://|www\.`,
  ].join('|'),
  'i',
)
/**
 * What follows Vancouver and AMA authors: "2006;63:856", "2019 Nov 1;176(11)", "2020;81(6)", "doi:10.…", "; 2022.", or
 * "et al.", a title and a year.
 */
const VANCOUVER_DETAILS = new RegExp(
  String.raw`\b${YEAR}(?:\s[A-Z][a-z]{2}(?:\s\d{1,2})?)?;\s?\d|\bdoi:\s?10\.|;\s?${YEAR}\.|\d\(\d{1,4}\):\s?[eE]?\d|\bet al\.\s+[A-Z].{0,300}?\b${YEAR}\b`,
)
/** An entry's publisher and date at its end: "U.S. Food and Drug Administration, Feb. 2022.", "…; 2022.". */
const PUBLISHED_AT_END = new RegExp(String.raw`[,;]\s(?:\d{1,2}\s)?(?:[A-Z][a-z]{2,8}\.?\s)?(?:\d{1,2},\s)?${YEAR}\.?$`)

/** How a stretch of lines reads: an entry on its own (`entry`), an entry among others (`hint`), or neither. */
type Reading = 'entry' | 'hint' | undefined

/**
 * How a reference list entry opens: the length of its run of name words (authors, an organisation, or a capitalised
 * title), whether the run holds Vancouver initials ("Anand A, Mathew SJ"), whether its last word ends with a full
 * stop, and whether a name inside it does ("U.S. Food and Drug Administration. FDA …"). Walks the words once.
 */
function authorRun(body: string): {
  rest: string
  names: number
  initials: boolean
  stop: boolean
  fullStop: boolean
} {
  const words = body.split(/\s+/)
  let names = 0
  let initials = false
  let stop = false
  let fullStop = false
  let at = 0
  let previous = ''
  for (const word of words) {
    const bare = word.replace(/[,;:]+$/, '')
    const name = NAME_WORD.test(bare) || NAME_JOINERS.has(bare.toLowerCase())
    if (!name || word === '') break
    // "Anand A,", "Coleman S.": initials right after a family name; "Berman, R. M.," are APA's.
    if (names > 0 && !/[,.]$/.test(previous) && VANCOUVER_INITIALS.test(bare.replace(/\.$/, '')) && /[,.]$/.test(word))
      initials = true
    previous = word
    names++
    stop = word.endsWith('.')
    // "Administration." ends a name inside the run; "A." and "al." do not.
    if (/\p{L}{4}\.$/u.test(word)) fullStop = true
    at += word.length + 1
  }
  return { rest: body.slice(Math.min(at, body.length)).trimStart(), names, initials, stop, fullStop }
}

/**
 * Reads one entry's text (its lines joined; HTML tags, Markdown emphasis and escapes and the list marker removed). An
 * entry on its own opens with its authors and their date as the six styles set them, with the details of a source, or
 * carries what only a reference says; an entry among others opens so without those details, or ends with its
 * publisher and date. A sentence that cites a study ("Dore et al. (2019) found that ketamine …") is neither: its date
 * is followed by a verb in lower case, not a full stop or a title.
 * @internal
 */
export function readEntry(text: string): Reading {
  const body = text
    .replace(/<\/?[a-zA-Z][^<>]*>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/[*_]+/g, '')
    .replace(MARKER, '')
    .replace(/\\(?=[\\/.])/g, '')
    .trim()
  if (body === '') return undefined
  if (REFERENCE_PHRASE.test(body)) return 'entry'
  const run = authorRun(body)
  // APA and Harvard: "Dore, J., … (2019). Title. Journal, 51(2), …", "Anand, A. et al. (2023) ‘Title’, …"; Chicago:
  // "Andrade, Chittaranjan. 2017. “Title.” Journal 78 (7): …"; MLA: "Autry, Anita E., et al. “Title.” Nature, vol.
  // 475, …"; Vancouver and AMA: "Autry AE, Adachi M, et al. Title. Nature. 2011;475(7354):91-5.".
  const opens =
    run.names > 0 &&
    (BRACKETED_DATE.test(run.rest) || (run.stop && (CHICAGO_DATE.test(run.rest) || QUOTED_TITLE.test(run.rest))))
  if (opens && SOURCE_DETAILS.test(body)) return 'entry'
  if (run.names > 0 && run.initials && VANCOUVER_DETAILS.test(body)) return 'entry'
  // Without the details of a source the same openings are entries only among others ("U.S. Food and Drug
  // Administration (2022) FDA alerts …", which has no address): "Dore et al. (2019). This was a chart review." may be
  // a writer's note. So is an entry that ends with its publisher and date ("…, Feb. 2022.", "…; 2022."), and an AMA
  // entry with neither ("45. U.S. Food and Drug Administration. FDA alerts …").
  if (opens || (run.names > 0 && run.initials) || PUBLISHED_AT_END.test(body)) return 'hint'
  if (NUMBERED.test(text) && (run.stop || run.fullStop)) return 'hint'
  return undefined
}

/**
 * Whether a line is a heading: its level (1 to 6 for `#`, 1 or 2 for an underlined heading, 7 for a line in bold or
 * a bare "References"), and whether it names a reference list.
 */
function headingOf(line: string, next: string | undefined): { level: number; list: boolean } | undefined {
  const atx = /^\s{0,3}(#{1,6})(?:\s+|$)/.exec(line)
  const setext = next !== undefined && SETEXT_UNDERLINE.test(next) && line.trim() !== '' && !MARKER.test(line)
  const name = line
    .replace(ATX_HEADING, '')
    .replace(/\s#+\s*$/, '')
    .replace(/[*_]+/g, '')
    .trim()
  // A line that only says "References" or "Works Cited:" is a heading too.
  const list = LIST_NAME.test(name)
  if (atx) return { level: atx[1]!.length, list }
  if (setext) return { level: next.trim().startsWith('=') ? 1 : 2, list }
  return BOLD_LINE.test(line) || list ? { level: 7, list } : undefined
}

/** A stretch of lines read as one entry: a list item with the lines that continue it, or a line of a paragraph. */
interface Entry {
  readonly first: number
  readonly last: number
  readonly reading: Reading
  /** Whether the entry is a list item. */
  readonly item: boolean
  /** The paragraph (lines between blank lines, headings and fences) the entry belongs to. */
  readonly paragraph: number
  /** The reference list (a heading naming one) the entry lies under, or -1. */
  readonly section: number
}

/**
 * Which lines of a draft belong to a reference list, to be skipped like blank lines. A line is one when its entry
 * (the line, with the lines that continue it: a list item's wrapped lines, or the lines after one that does not end
 * a sentence) reads as a reference on its own; when its entry reads as one among others (see {@link readEntry}) next
 * to such an entry, with no blank line between; or when it lies under a heading that names a reference list
 * ("References", "Works Cited", "Bibliography", "Sources") holding an entry, and is a list item or in a paragraph
 * with an entry (a paragraph of prose there is read).
 * @param lines - the draft's lines
 * @returns for each line, whether it belongs to a reference list
 * @internal
 */
export function referenceLines(lines: readonly string[]): boolean[] {
  const skip = lines.map(() => false)
  const entries: Entry[] = []
  let fence: string | undefined
  let paragraph = 0
  let section = -1
  let sectionLevel = 0
  let sections = 0
  let open: { first: number; text: string; item: boolean } | undefined
  const close = (last: number) => {
    if (open === undefined) return
    entries.push({ first: open.first, last, reading: readEntry(open.text), item: open.item, paragraph, section })
    open = undefined
  }
  const breakParagraph = (i: number) => {
    close(i - 1)
    paragraph++
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (fence !== undefined) {
      if (line.trim().startsWith(fence)) fence = undefined
      continue
    }
    const fenceOpen = FENCE.exec(line)
    if (fenceOpen) {
      breakParagraph(i)
      fence = fenceOpen[1]!.slice(0, 3)
      continue
    }
    if (line.trim() === '' || line.includes('|') || isThematicBreak(line)) {
      breakParagraph(i)
      continue
    }
    const heading = headingOf(line, lines[i + 1])
    if (heading !== undefined) {
      breakParagraph(i)
      // A reference list runs to the next heading of its level or above; a heading below it ("### Web pages") is
      // part of it.
      if (heading.list) {
        section = sections++
        sectionLevel = heading.level
      } else if (heading.level <= sectionLevel) {
        section = -1
        sectionLevel = 0
      }
      // An underlined heading's underline is part of it.
      if (!ATX_HEADING.test(line) && !BOLD_LINE.test(line) && SETEXT_UNDERLINE.test(lines[i + 1] ?? '')) i++
      continue
    }
    const item = MARKER.test(line)
    // A new entry starts at a list item, and after a line that ends a sentence, an address or an HTML element.
    if (open !== undefined && (item || /[.!?:\u201d"')\]>]\s*$|https?:\/\/\S+\s*$/.test(lines[i - 1]!))) close(i - 1)
    if (open === undefined) open = { first: i, text: line, item }
    else open.text = `${open.text} ${line.trim()}`
  }
  close(lines.length - 1)

  const mark = (e: Entry) => {
    for (let l = e.first; l <= e.last; l++) skip[l] = true
  }
  const listed = new Set<number>()
  // Under a reference list's heading that holds an entry: every entry, except paragraphs with no date or entry.
  for (const e of entries) if (e.section >= 0 && e.reading === 'entry') listed.add(e.section)
  const quoting = new Set<number>()
  for (const e of entries) if (listed.has(e.section) && e.reading !== undefined) quoting.add(e.paragraph)
  const marked = entries.map(
    (e) => e.reading === 'entry' || (listed.has(e.section) && (e.item || quoting.has(e.paragraph))),
  )
  // Elsewhere, an entry with a date or address joins the entries next to it in its paragraph, both ways.
  const spread = (from: number, to: number, step: number) => {
    for (let n = from; step > 0 ? n < to : n > to; n += step) {
      const e = entries[n]!
      const prev = entries[n - step]
      if (
        !marked[n] &&
        e.reading === 'hint' &&
        prev !== undefined &&
        marked[n - step] &&
        prev.paragraph === e.paragraph
      )
        marked[n] = true
    }
  }
  spread(1, entries.length, 1)
  spread(entries.length - 2, -1, -1)
  entries.forEach((e, n) => {
    if (marked[n]) mark(e)
  })
  return skip
}
