// Splits a draft (Markdown or plain text) into sentences that remember their line numbers. Markdown syntax is
// dropped (headings, list markers, emphasis, links keep their text, code blocks and front matter are skipped, each
// table row is a block of its own, footnotes are dropped or read apart), invisible format characters are removed and
// HTML character references decoded, as a reader sees them. List items remember the sentence that introduced the
// list, and a line that ends a sentence or looks like a heading ends a sentence even without a blank line after it
// (pasted web pages put one paragraph per line).
import { isThematicBreak, referenceLines } from './references'

/** One sentence of the draft. @internal */
export interface Sentence {
  /** The sentence with Markdown syntax removed and whitespace collapsed. */
  readonly text: string
  /** First and last line (1-based) the sentence spans. */
  readonly startLine: number
  readonly endLine: number
  /** Index of the block (paragraph, heading or list item) it belongs to. */
  readonly block: number
  readonly kind: 'paragraph' | 'heading' | 'item'
  /** For a list item's sentences: the index of the sentence that introduced the list, if any. */
  readonly lead?: number
  /**
   * For a statement of a true-or-false quiz: `true` or `false` as its answer key gives it, `open` when no key does (the
   * learners are asked to judge it).
   */
  readonly quiz?: Quiz
  /** For the cells of a table of sources that say what a study or someone else found or says: reported speech. */
  readonly reported?: true
}

/** How a true-or-false quiz puts a statement: keyed true, keyed false, or left to the learners. */
export type Quiz = 'true' | 'false' | 'open'

interface Block {
  kind: 'paragraph' | 'heading' | 'item'
  lines: { text: string; line: number }[]
  /** A numbered list item's number. */
  number?: number
  /**
   * A true-or-false statement: marked for an answer ("… T / F", "____ …"), or set after "True or false:"; its stance
   * once keyed.
   */
  quiz?: Quiz | 'marked' | 'prefixed'
  /** A multiple-choice option's letter ("c" for "c) …"). */
  option?: string
  /** A table row of an answer key ("| 4 | False | … |"): the answer it gives the statement numbered `number`. */
  answers?: Quiz
  /** A quiz table's statement with its answer in its own row ("| 4 | KAP is … | False |"). */
  own?: Quiz
  /** Cells of a table of sources that report what others found or say. */
  reported?: true
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/
const ATX_HEADING = /^\s{0,3}#{1,6}(\s+|$)/
const SETEXT_UNDERLINE = /^\s{0,3}(=+|-+)\s*$/
const LIST_ITEM = /^\s*(?:[-*+\u2022\u2023\u25e6\u25aa\u25cf\u2043]|\d{1,3}[.)])\s+/
/** A true-or-false statement's mark at the end of its line: "T / F", "(True/False)", "T or F". */
const TF_MARK = /\s*[*_]*[([]?\s*(?:T\s*\/\s*F|True\s*\/\s*False|T or F)\s*[)\]]?[*_]*\s*$/i
/** A blank to write the answer in, before a statement: "____", "[ ]", "( )". */
const TF_BLANK = /^(?:_{2,}|\[\s?\]|\(\s?\))\s*/
/** Words that make a document a true-or-false quiz. */
const TF_QUIZ = /\btrue\s*(?:or|\/)\s*false\b|\bT\s*(?:or|\/)\s*F\b/i
/** A statement set as a true-or-false item where it starts: "True or false: …", "**3.** T/F: …". */
const TF_PREFIX = /^(?:(\d{1,3})[.)]\s*)?(?:true\s*(?:or|\/)\s*false|T\s*(?:or|\/)\s*F)\s*[:?.—–-]\s*(?=\S)/i
/** A line that opens with a blank for the answer, then perhaps its number: "___ 4. KAP is …". */
const TF_LINE_BLANK = /^\s*_{2,}\s*(?:(\d{1,3})[.)]\s+)?(?=\S)/
/** A multiple-choice option: "a) …", "(b) …", "C. …", also as a list item ("- a) …"). */
const OPTION = /^\s*\(?([a-dA-D])[.)]\s+(?=\S)/
/** An option marked as the right answer where it stands: "✓", "(correct)". */
const MARKED_RIGHT = /\s*(?:[\u2713\u2714\u2705]|\((?:correct|right answer)\)|\[(?:correct|right answer)\])\s*/giu
/** A question's number where its text starts: "1. Which …", "Q1: …", "Question 3 of 8". */
const QUESTION_NUMBER = /^(?:Q\s*|Question\s+)?(\d{1,3})(?:[.):]|\s+of\s+\d)/i
/** A stem that asks for the false one: "Which is a MYTH?", "NOT supported", "FALSE", "a misconception". */
const NEGATIVE_STEM =
  /\b(?:myths?|misconceptions?|false|incorrect|untrue|not (?:supported|established|true|accurate|correct|shown|proven)|except)\b/i
/** A multiple-choice answer: "Correct answer: B", "Answer: (c)". */
const CHOICE_ANSWER = /^(?:correct\s+)?answer\s*[:—–-]\s*[*_]*\(?([a-d])\)?[*_]*(?![a-z])/i
/** A line of an answer key for a multiple-choice question: "1 – **c**.", "2. b — …", "Q3: (a)". */
const CHOICE_KEY = /^(?:Q\s*)?(\d{1,3})\s*[.):—–-]*\s*[*_]*\(?([a-d])\)?[*_]*(?![a-z])/i
/** An answer given right under a statement: "Answer: False.", "Correct answer: True". */
const ANSWER_LINE = /^(?:correct\s+)?answer\s*[:—–-]\s*[*_]*(true|false|t|f)\b/i
/** A heading or line that opens an answer key. */
const ANSWER_KEY = /^(?:[*_]*)?(?:answer\s+key|answers|key)\b/i
/** A keyed answer at the start of a numbered item: "**False.** …", "T —", "True:". */
const KEYED = /^[*_]*(true|false|t|f)\b[*_.:;,)\s—–-]/i
/** A table cell that gives an answer: "True", "**F** — …", "False. Trials …" (never "False memories …"). */
const TRUTH_CELL = /^[*_]*(true|false|t|f)[*_]*(?:$|[.:;,)—–-]|\s+[—–-])/i
/** A table cell to write an answer in: "____", "[ ]", "T / F", "True / False". */
const BLANK_CELL = /^(?:_{2,}|\[\s?\]|\(\s?\)|[*_]*[([]?\s*(?:T\s*\/\s*F|True\s*\/\s*False|T or F)\s*[)\]]?[*_]*)$/i
/** A header cell naming the column of answers: "Answer", "T/F", "Correct?", "Verdict", "Fact or fiction?". */
const ANSWER_HEADER =
  /^[*_]*(?:answers?|key|correct\??|right\??|true\??|t\s*\/\s*f|true\s*(?:\/|or)\s*false\??|verdict|fact or (?:fiction|myth)\??)[*_]*$/i
/**
 * In a column of answers, "Yes" and "No" answer too ("Yes", "No. Infusions …"), and a fact-checker's verdict word:
 * "Wrong: only esketamine is approved", "Not supported; relief fades …", "Myth", "Correct".
 */
const ANSWER_WORD_CELL =
  /^[*_]*(yes|no|wrong|myth|unsupported|not supported|inaccurate|misleading|correct|right|accurate|supported)[*_]*(?:$|[.:;,)!—–-]|\s+[—–-])/i
/** A table's first cell that numbers its row: "4", "4.", "Q4", "**4**". */
/** Words that name a source of findings in a table's header (a study, a trial, the research). */
const SOURCE_WORDS =
  'stud(?:y|ies)|trials?|papers?|sources?|references?|citations?|evidence|research|readings?|publications?'
/**
 * A header cell of a table of sources: it names studies, sources or what they found ("Study", "Source", "Trial",
 * "Key result", "What the studies show", "What the research says").
 */
const SOURCES_HEADER = new RegExp(`\\b(?:${SOURCE_WORDS}|findings?|results?)\\b`, 'i')
/** A header that names whose findings a column gives: a study, a trial, the research ("What the trial found"). */
const NAMED_SOURCE = new RegExp(`\\b(?:${SOURCE_WORDS})\\b`, 'i')
/**
 * A header cell of a column of what others say, claim or promise ("What they promise", "Headline promise", "What she
 * said", "What they were told", "I read that…"): reported, even in the first person. A table with such a column sets
 * others' words against the author's: its other columns that hold prose are the author's own (see `voicesOf`).
 */
const SAID_HEADER =
  /\b(?:says?|said|tells?|told|claimed|promises?|promised|advertis(?:es|ed|ing)|pitch|heard|read that|quotes?|quoted|marketing)\b/i
/** "What … claims": looked for after the first "what" only, so a cell of many "what"s is read once (linear). */
function saidHeader(cell: string): boolean {
  if (SAID_HEADER.test(cell)) return true
  const what = /\bwhat\b/i.exec(cell)
  return what !== null && /\bclaims?\b/i.test(cell.slice(what.index))
}
/** A header cell of a column in the table's author's own voice: "Our take", "Why it matters to us", "How I do it". */
const OWN_HEADER =
  /\b(?:our|my|we|i|us)\b|\b(?:verdict|take|bottom line|comment|opinion|caveats?|limitations?|watch out|gaps?|rating|reality|actually)\b/i
/**
 * Whose voice each column of a table is, from its header, or `undefined` for a table that reports nothing. A column
 * of what others say, claim or promise reports; so does a column of what a named source found ("What the trial
 * found"), unless its header speaks in the author's voice ("Our take", "Where the evidence actually is"). Any other
 * column is the author's own in a table of others' words ("Rating", "Why", a regulator's "Finding": the author's
 * reading of them), and goes with the row's report in a table of sources ("Why it's here": what a reading says).
 */
function voicesOf(heads: readonly string[]): ('reported' | 'own')[] | undefined {
  // "What I tell clients", "What we say": the author's words, not others'.
  const others = (c: string) => saidHeader(c) && !/\b(?:i|we)\s+(?:say|tell|said|told)\b/i.test(c)
  const said = heads.some(others)
  if (!said && !heads.some((c) => SOURCES_HEADER.test(c))) return undefined
  return heads.map((c) => {
    if (others(c)) return 'reported'
    if (OWN_HEADER.test(c)) return 'own'
    // Beside others' words only a named source's findings report; in a table of sources everything else does.
    return !said || NAMED_SOURCE.test(c) ? 'reported' : 'own'
  })
}
const ROW_NUMBER = /^[*_]*(?:Q\s*)?(\d{1,3})[.)]?[*_]*$/i
const TERMINAL = /[.!?:;\u2026]["'\u201d\u2019)\]*_]*$/
/**
 * A line that opens a new turn of a chat log or transcript: a time stamp (`[21:02] name:`, `21:02 name`) or a
 * speaker's name of up to four capitalised words and a colon (`**ANCHOR (DANA PRICE):**`, `Dr Lee:`), after optional
 * bold marks. Each turn is its own block, so a passage never runs from one speaker into the next. Linear: every part
 * is a bounded run of one character class.
 */
const TURN =
  /^\s{0,3}(?:\*\*)?(?:\[?\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp][Mm])?\]|\d{1,2}:\d{2}\s|[A-Z][\w'.-]{0,30}(?:\s[A-Z(][\w'.()-]{0,30}){0,3}:(?:\*\*)?\s)/

const ABBREVIATIONS = new Set([
  'al',
  'e.g',
  'i.e',
  'eg',
  'ie',
  'etc',
  'vs',
  'cf',
  'dr',
  'mr',
  'mrs',
  'ms',
  'prof',
  'approx',
  'no',
  'fig',
  'st',
  'vol',
  'pp',
  'ca',
  'jr',
  'sr',
  'inc',
  'ltd',
  'co',
])

/** Replaces every closed `<!--…-->` on a line with a space; indexOf only, so linear in the line. */
function dropComments(line: string): string {
  let out = ''
  let at = 0
  for (;;) {
    const open = line.indexOf('<!--', at)
    if (open === -1) break
    const close = line.indexOf('-->', open + 4)
    // No closing after this opening means none after any later opening either.
    if (close === -1) break
    out += `${line.slice(at, open)} `
    at = close + 3
  }
  return out + line.slice(at)
}

// Every pattern below runs in linear time: a repeated part never matches the character that starts another attempt
// (bracket text excludes `[`, a destination excludes `(`, a tag excludes `<`), so no text is scanned twice over.
const IMAGE = /!\[([^\][]*)\]\([^()\s]*\)/g
const FOOTNOTE = /\[\^[^\][]*\]/g
/** An inline footnote, `^[the note's text]`: the note is not part of the sentence. */
const INLINE_FOOTNOTE = /\^\[[^\][]*\]/g

/**
 * A link reference definition, `[1]: https://…` or `[label]: <url> "title"`: Markdown shows nothing of it, so neither
 * does the checker. Anchored, and the label excludes brackets, so one attempt per line.
 */
const LINK_DEFINITION = /^\s{0,3}\[[^\]\[^][^\][]*\]:\s*<?(?:https?:\/\/|\/|#|mailto:|www\.)\S*/
/** The label that opens a footnote definition, `[^1]: `; anchored, so one attempt per line. */
const FOOTNOTE_DEFINITION = /^\s{0,3}\[\^[^\][]*\]:\s*/
const INLINE_LINK = /\[([^\][]*)\]\([^()\s]*\)/g
const REFERENCE_LINK = /\[([^\][]*)\]\[[^\][]*\]/g
const AUTOLINK = /<https?:[^<>\s]*>/g
const BARE_URL = /https?:\/\/\S+/g
/**
 * A Pandoc citation key, `[@grunebaum-2018]`, `[see @dore-2019, p. 3]` or `@wilkinson-2021 found`: read as the words of
 * the key ("grunebaum 2018"), as a reader sees the rendered citation's author and year, never as an e-mail address.
 */
const PANDOC_KEY = /(^|[\s([;])-?@([\p{L}\p{N}_](?:[\p{L}\p{N}_:.#$%&+?<>~/-]*[\p{L}\p{N}_])?)/gu
const TAG = /<\/?[a-zA-Z][^<>]*>/g
const CODE = /`+([^`]*)`+/g
/** A line of a block quotation: up to three spaces, then `>`. */
const BLOCK_QUOTE = /^ {0,3}>/

/** Any character that starts inline syntax cleanInline removes (`h` for a bare URL, `>` for a quote). */
const INLINE_SYNTAX = /[<[\]!`*_>|@]|https?:/

/**
 * Unicode format characters that web pages leave inside words, invisible on screen: soft hyphen, Mongolian vowel
 * separator, zero-width space, non-joiner and joiner, word joiner and the invisible operators, and the byte-order
 * mark (zero-width no-break space). `Keta\u00admine` is ketamine to a reader, so it is to the checker.
 */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff]/g

/** An HTML character reference: named, decimal or hexadecimal. Bounded runs, so one attempt is at most 12 characters. */
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,9}));/g

/** The named references pasted web text carries; others are left as written. */
const NAMED_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['nbsp', ' '],
  ['ensp', ' '],
  ['emsp', ' '],
  ['thinsp', ' '],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
  ['lt', '<'],
  ['gt', '>'],
  ['lsquo', '\u2018'],
  ['rsquo', '\u2019'],
  ['ldquo', '\u201c'],
  ['rdquo', '\u201d'],
  ['sbquo', '\u201a'],
  ['bdquo', '\u201e'],
  ['ndash', '\u2013'],
  ['mdash', '\u2014'],
  ['hellip', '\u2026'],
  ['middot', '\u00b7'],
  ['bull', '\u2022'],
  ['deg', '\u00b0'],
  ['plusmn', '\u00b1'],
  ['times', '\u00d7'],
  ['le', '\u2264'],
  ['ge', '\u2265'],
  ['micro', '\u00b5'],
  ['copy', '\u00a9'],
  ['reg', '\u00ae'],
  ['trade', '\u2122'],
  ['shy', ''],
  ['zwsp', ''],
  ['zwj', ''],
  ['zwnj', ''],
])

/** What browsers show for `&#128;`…`&#159;`: the Windows-1252 characters of those bytes (WHATWG HTML). */
const WINDOWS_1252 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'

/** One character reference as the text a browser shows; an unknown name stays as written. */
function decodeEntity(whole: string, decimal?: string, hex?: string, name?: string): string {
  if (name !== undefined) return NAMED_ENTITIES.get(name) ?? NAMED_ENTITIES.get(name.toLowerCase()) ?? whole
  const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex!, 16)
  if (code >= 0x80 && code <= 0x9f) return WINDOWS_1252[code - 0x80]!
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd'
  return String.fromCodePoint(code).replace(INVISIBLE, '')
}

/** A plus sign after a word and before a word. */
const PLUS = /([\p{L}\p{N}])\s*\+\s*(?=\p{L})/gu

/** Removes inline Markdown and HTML from one line, keeping the words people read. Linear in the line's length. */
function cleanInline(line: string): string {
  // Most lines of prose hold no inline syntax at all: only their whitespace needs collapsing.
  const text = INLINE_SYNTAX.test(line) ? dropMarkup(line) : line
  // Character references last, so that `&lt;b&gt;` is read as the text "<b>", never as a tag to drop.
  const decoded = text.includes('&') ? text.replace(ENTITY, decodeEntity) : text
  // A plus sign between words reads "plus": "ketamine + psychotherapy", "CBT+ketamine".
  return (decoded.includes('+') ? decoded.replace(PLUS, '$1 plus ') : decoded).replace(/\s+/g, ' ').trim()
}

/** Drops the Markdown and HTML of a line that has some (every replacement linear, see above). */
function dropMarkup(line: string): string {
  return (
    dropComments(line)
      .replace(FOOTNOTE_DEFINITION, '')
      .replace(INLINE_FOOTNOTE, '')
      .replace(IMAGE, '$1')
      .replace(FOOTNOTE, '')
      .replace(INLINE_LINK, '$1')
      .replace(REFERENCE_LINK, '$1')
      // An inline footnote whose note held a link: the link is text now.
      .replace(INLINE_FOOTNOTE, '')
      .replace(AUTOLINK, ' ')
      .replace(BARE_URL, ' ')
      .replace(
        PANDOC_KEY,
        (_, before: string, key: string) => `${before}${key.replace(/[-_:.#$%&+?<>~/]+/g, ' ').trim()}`,
      )
      .replace(TAG, ' ')
      .replace(CODE, '$1')
      .replace(/(^|[\s(])[*_]{1,3}(?=\S)/g, '$1')
      .replace(/(?<=\S)[*_]{1,3}(?=[\s).,;:!?]|$)/g, '')
      .replace(/^\s{0,3}>\s?/, '')
      .replace(/\|/g, ' ')
  )
}

/**
 * Whether a line is a table's delimiter row (`| --- | :-: |`, `---|---`): cells of dashes with optional colons, at
 * least one pipe. Split and tested cell by cell, each test linear in its cell.
 */
function isTableDelimiter(line: string): boolean {
  if (!line.includes('|') || !line.includes('-')) return false
  return tableCells(line).every((cell) => /^:?-+:?$/.test(cell))
}

/**
 * The blocks of a table row: its text, and what it does in a true-or-false quiz set as a table. A numbered row with a
 * blank cell or a "T / F" cell is a statement marked for an answer (the blank left out); a numbered row whose first
 * cell after the number is an answer is a key row for that number (in a table headed as answers, or under an answer
 * key's heading: `keyTable`); a row whose answer follows its statement is answered in place, and what follows the
 * answer (its reason) is read as a paragraph of its own. Linear in the row.
 */
function tableRow(
  raw: string,
  line: number,
  keyTable: boolean,
  answerColumn: number,
  voices: readonly ('reported' | 'own')[] | undefined,
): Block[] {
  const cells = tableCells(raw)
  const numbered = ROW_NUMBER.exec(cells[0] ?? '')?.[1]
  const rest = numbered === undefined ? cells : cells.slice(1)
  // The column the header names as the answers' (-1 for none): there an empty cell is a blank, and "Yes" answers.
  const column = answerColumn - (cells.length - rest.length)
  const number = numbered === undefined ? {} : { number: Number(numbered) }
  const block = (parts: readonly string[], extra: Partial<Block> = {}): Block[] => {
    const text = cleanInline(parts.join(' | '))
    return text === '' ? [] : [{ kind: 'paragraph', lines: [{ text, line }], ...extra }]
  }
  const blank = rest.findIndex((c, i) => BLANK_CELL.test(c) || (i === column && c === ''))
  if (numbered !== undefined && blank > 0)
    return block(
      rest.filter((_, i) => i !== blank),
      { ...number, quiz: 'marked' },
    )
  const answerOf = (c: string, i: number) => TRUTH_CELL.exec(c) ?? (i === column ? ANSWER_WORD_CELL.exec(c) : null)
  const answer = rest.findIndex((c, i) => answerOf(c, i) !== null)
  if (answer === 0 && numbered !== undefined && keyTable) {
    // The key's reason is read without the answer's word ("F Classic psychedelics …" would be one sentence).
    const word = answerOf(rest[0]!, 0)!
    const reason = [rest[0]!.slice(word[0].length).replace(/^[\s—–-]+/, ''), ...rest.slice(1)]
    const said = reason.filter((c) => c !== '')
    return block(said.length > 0 ? said : rest, { ...number, answers: truth(word[1]!) })
  }
  if (answer > 0 && rest.slice(0, answer).join(' ').split(/\s+/).length >= 4) {
    const word = answerOf(rest[answer]!, answer)!
    const reason = [rest[answer]!.slice(word[0].length).replace(/^[\s—–-]+/, ''), ...rest.slice(answer + 1)]
    return [
      ...block(rest.slice(0, answer), { ...number, quiz: 'marked', own: truth(word[1]!) }),
      ...block(reason.filter((c) => c !== '')),
    ]
  }
  if (voices === undefined) return block(cells)
  // A row of a table of sources: what its sources found or say is reported speech, read apart from the cells in the
  // author's own voice ("Our take"), each of those on its own.
  return [
    ...block(
      cells.filter((_, i) => voices[i] !== 'own'),
      { reported: true },
    ),
    ...cells.flatMap((c, i) => (voices[i] === 'own' ? block([c]) : [])),
  ]
}

/** The cells of a table row, trimmed, without the outer pipes. */
function tableCells(raw: string): string[] {
  let inner = raw.trim()
  if (inner.startsWith('|')) inner = inner.slice(1)
  if (inner.endsWith('|')) inner = inner.slice(0, -1)
  return inner.split('|').map((c) => c.trim())
}

function toBlocks(text: string): Block[] {
  // Invisible characters go first, from the whole text: none is a line break, so line numbers stay as they are.
  const lines = text.replace(INVISIBLE, '').replace(/\r\n?/g, '\n').split('\n')
  // The lines of a reference list, read as breaks: the titles they name are no claims of the draft.
  const references = referenceLines(lines)
  const blocks: Block[] = []
  let current: Block | undefined
  let fence: string | undefined
  let inComment = false
  let indentedCode = false
  // Inside a table (after its delimiter row): each row is a block of its own, until a blank line.
  let table = false
  // The table is an answer key: its header names answers, or an answer key's heading comes just before it.
  let keyTable = false
  // The column of answers its header names, or -1.
  let answerColumn = -1
  // In a table of sources (its header names studies, sources or findings), whose voice each column is.
  let voices: ('reported' | 'own')[] | undefined
  const close = () => {
    if (current && current.lines.length > 0) blocks.push(current)
    current = undefined
  }
  let i = 0
  // YAML front matter at the very top.
  if (/^---\s*$/.test(lines[0] ?? '')) {
    const end = lines.findIndex((l, n) => n > 0 && /^(---|\.\.\.)\s*$/.test(l))
    if (end > 0) i = end + 1
  }
  for (; i < lines.length; i++) {
    const raw = lines[i]!
    const lineNo = i + 1
    if (fence !== undefined) {
      if (raw.trim().startsWith(fence)) fence = undefined
      continue
    }
    const fenceOpen = FENCE.exec(raw)
    if (fenceOpen) {
      close()
      fence = fenceOpen[1]!.slice(0, 3)
      continue
    }
    if (inComment) {
      if (raw.includes('-->')) inComment = false
      continue
    }
    if (/<!--/.test(raw) && !/-->/.test(raw)) {
      close()
      inComment = true
      continue
    }
    if (indentedCode) {
      // An indented code block runs until a line that is neither blank nor indented by four spaces or a tab.
      if (raw.trim() === '' || /^(?: {4}|\t)/.test(raw)) continue
      indentedCode = false
    }
    if (raw.trim() === '') {
      close()
      table = false
      continue
    }
    // An indented code block (four spaces or a tab after a blank line, not under a list item) is code, skipped as a
    // fenced block is (hostile review, session 35).
    if (
      /^(?: {4}|\t)\S/.test(raw) &&
      current === undefined &&
      blocks[blocks.length - 1]?.kind !== 'item' &&
      (i === 0 || lines[i - 1]!.trim() === '')
    ) {
      indentedCode = true
      continue
    }
    if (isTableDelimiter(raw)) {
      // The header row is the line just before: it leaves the paragraph it was read into, as a block of its own.
      const header = current?.lines[current.lines.length - 1]
      // (A delimiter row may open the text, or follow a line that is no header.)
      const headerLine = header?.line === lineNo - 1 && lines[i - 1]!.includes('|') ? lines[i - 1]! : ''
      if (headerLine !== '') {
        current!.lines.pop()
        close()
        blocks.push({ kind: 'paragraph', lines: [header!] })
      } else close()
      // What stands before the table (its header set aside): an answer key's heading makes it a key.
      const before = blocks[blocks.length - (headerLine === '' ? 1 : 2)]?.lines[0]?.text ?? ''
      keyTable = /\b(?:answers?|key|correct)\b/i.test(headerLine) || ANSWER_KEY.test(before)
      answerColumn = headerLine === '' ? -1 : tableCells(headerLine).findIndex((c) => ANSWER_HEADER.test(c))
      const heads = headerLine === '' ? [] : tableCells(headerLine)
      voices = answerColumn < 0 ? voicesOf(heads) : undefined
      table = true
      continue
    }
    if (table) {
      if (!ATX_HEADING.test(raw) && !LIST_ITEM.test(raw) && !isThematicBreak(raw)) {
        close()
        blocks.push(...tableRow(raw, lineNo, keyTable, answerColumn, voices))
        continue
      }
      table = false
    }
    if (SETEXT_UNDERLINE.test(raw) && current?.kind === 'paragraph' && current.lines.length === 1) {
      current.kind = 'heading'
      close()
      continue
    }
    if (isThematicBreak(raw)) {
      close()
      continue
    }
    if (ATX_HEADING.test(raw)) {
      close()
      const heading = cleanInline(raw.replace(ATX_HEADING, '').replace(/\s#+\s*$/, ''))
      if (heading !== '') blocks.push({ kind: 'heading', lines: [{ text: heading, line: lineNo }] })
      continue
    }
    if (references[i]) {
      close()
      continue
    }
    const item = LIST_ITEM.exec(raw)
    if (item) {
      close()
      // A true-or-false statement loses its answer blank and its "T / F" mark, and keeps its number.
      const body = raw.slice(item[0].length)
      const letter = OPTION.exec(body)
      const unmarked = (letter ? body.slice(letter[0].length) : body).replace(TF_BLANK, '').replace(TF_MARK, '')
      const text = cleanInline(unmarked)
      const number = /^\s*(\d{1,3})[.)]/.exec(item[0])?.[1]
      current = {
        kind: 'item',
        lines: text === '' ? [] : [{ text, line: lineNo }],
        ...(number === undefined ? {} : { number: Number(number) }),
        ...(number !== undefined && unmarked !== body && !letter ? { quiz: 'marked' as const } : {}),
        ...(letter ? { option: letter[1]!.toLowerCase() } : {}),
      }
      continue
    }
    if (LINK_DEFINITION.test(raw)) {
      close()
      continue
    }
    // A multiple-choice option ("c) KAP unites …") is an item of its own, led by its question.
    const option = OPTION.exec(raw)
    if (option && current !== undefined) {
      close()
      const text = cleanInline(raw.slice(option[0].length))
      current = { kind: 'item', lines: text === '' ? [] : [{ text, line: lineNo }], option: option[1]!.toLowerCase() }
      continue
    }
    // A line that opens with an answer blank ("___ 4. KAP is …") is a statement of its own.
    const blank = TF_LINE_BLANK.exec(raw)
    if (blank) {
      close()
      const text = cleanInline(raw.slice(blank[0].length))
      current = {
        kind: 'paragraph',
        lines: text === '' ? [] : [{ text, line: lineNo }],
        quiz: 'marked',
        ...(blank[1] === undefined ? {} : { number: Number(blank[1]) }),
      }
      continue
    }
    const cleaned = cleanInline(raw)
    if (cleaned === '') continue
    // A block quotation (`> …`) introduced by a line that ends in a colon ("A clinic told me:") quotes someone else:
    // its sentences are reported speech (hostile review, session 35). Without such a lead-in, or under a mail
    // client's "On …, X wrote:", a quotation is read as any paragraph: forum threads and e-mail replies quote the
    // conversation's earlier messages that way, and those are the text being checked.
    if (BLOCK_QUOTE.test(raw) && current?.reported !== true) {
      const before = current ?? blocks[blocks.length - 1]
      const lead = before?.lines[before.lines.length - 1]?.text ?? ''
      if (
        before?.kind === 'paragraph' &&
        /:$/.test(lead) &&
        !/\bwrote:$/i.test(lead) &&
        before.lines[before.lines.length - 1]!.line >= lineNo - 2
      ) {
        close()
        current = { kind: 'paragraph', lines: [{ text: cleaned, line: lineNo }], reported: true }
        continue
      }
    } else if (current?.reported === true && current.kind === 'paragraph' && !TURN.test(raw)) {
      // The quotation goes on, with `>` or as a lazy continuation line.
      current.lines.push({ text: cleaned, line: lineNo })
      continue
    }
    // A footnote definition (`[^1]: Murrough et al. …`) is a note of its own, never the end of the sentence before it.
    if (FOOTNOTE_DEFINITION.test(raw)) {
      close()
      current = { kind: 'paragraph', lines: [{ text: cleaned, line: lineNo }] }
      continue
    }
    // Plain text from web pages puts a paragraph (or a heading) on each line: a line that ends a sentence, or a
    // short line without end punctuation followed by a capitalised line, ends the sentence. A quiz's "True or false:"
    // statement and the "Answer: …" under it are paragraphs of their own, also without a blank line between.
    if (
      current === undefined ||
      current.kind === 'heading' ||
      TURN.test(raw) ||
      TF_PREFIX.test(cleaned) ||
      ANSWER_LINE.test(cleaned)
    ) {
      close()
      current = { kind: 'paragraph', lines: [] }
    }
    current.lines.push({ text: cleaned, line: lineNo })
  }
  close()
  return keyChoices(keyQuiz(blocks.map(prefixed)))
}

/**
 * Reads a multiple-choice quiz. A question (a block whose text ends with "?" or ":", numbered "1.", "Q1", "Question 1
 * of 8") is followed by its options ("a) …"). The right option is the one marked where it stands ("✓", "(correct)"),
 * named under the options ("Correct answer: B") or by the question's number in a key after it ("1 – c"). It is asserted
 * and the others denied, or the other way round when the question asks for the false one ("Which is a MYTH?"); with no
 * answer, every option is asked. Linear in the blocks.
 */
function keyChoices(blocks: Block[]): Block[] {
  if (!blocks.some((b) => b.option !== undefined)) return blocks
  interface Question {
    readonly number: number | undefined
    readonly negative: boolean
    readonly options: Block[]
    right?: string
  }
  const questions: Question[] = []
  const byNumber = new Map<number, Question>()
  let current: Question | undefined
  for (const b of blocks) {
    const first = b.lines[0]?.text ?? ''
    const last = b.lines[b.lines.length - 1]?.text ?? ''
    if (b.option !== undefined) {
      if (current === undefined) continue
      // (search, not test: the pattern is global, for the replace below, and test would move on from the last hit.)
      if (b.lines.some((l) => l.text.search(MARKED_RIGHT) >= 0)) {
        current.right = b.option
        b.lines = b.lines.map((l) => ({ ...l, text: l.text.replace(MARKED_RIGHT, ' ').trim() }))
      }
      current.options.push(b)
      continue
    }
    const answer = CHOICE_ANSWER.exec(first)?.[1]
    if (answer !== undefined && current !== undefined && current.options.length > 0) {
      current.right ??= answer.toLowerCase()
      continue
    }
    // A key's line: "1 – c" in a paragraph, or a numbered item "1. **c** — …" (its number read as the item's).
    const keyed =
      b.kind === 'item' && b.number !== undefined ? CHOICE_KEY.exec(`${b.number}. ${first}`) : CHOICE_KEY.exec(first)
    const keyedQuestion = keyed === null ? undefined : byNumber.get(Number(keyed[1]))
    if (keyedQuestion !== undefined && keyedQuestion.options.length > 0 && b.kind !== 'heading') {
      keyedQuestion.right ??= keyed![2]!.toLowerCase()
      continue
    }
    if (/[?:]["'”’*_)\s]*$/u.test(last)) {
      const number = b.number ?? Number(QUESTION_NUMBER.exec(first)?.[1] ?? NaN)
      current = {
        number: Number.isNaN(number) ? undefined : number,
        negative: b.lines.some((l) => NEGATIVE_STEM.test(l.text)),
        options: [],
      }
      questions.push(current)
      if (current.number !== undefined && !byNumber.has(current.number)) byNumber.set(current.number, current)
    } else if (b.kind !== 'item') current = undefined
  }
  for (const q of questions)
    for (const o of q.options)
      o.quiz = q.right === undefined ? 'open' : (o.option === q.right) !== q.negative ? 'true' : 'false'
  return blocks
}

/** A key's word as the stance it gives: "True", "T", "Yes" → `true`; "False", "F", "No" → `false`. */
const truth = (word: string): Quiz =>
  /^(?:t|true|y|yes|correct|right|accurate|supported)$/i.test(word.trim()) ? 'true' : 'false'

/**
 * Reads a true-or-false quiz. Its statements: numbered items marked for an answer ("… T / F", "____ …") and lines
 * that open with a blank ("___ 4. …"), in a document that says it is a quiz ("True or false?"), and anything set after
 * "True or false:". Each is keyed `true` or `false` by an answer right under it ("Answer: False.") or by the numbered
 * item of the same number in an answer key after it ("Answer key" then "4. **False.** …"), or stays `open`. Linear in
 * the blocks.
 */
function keyQuiz(blocks: Block[]): Block[] {
  const marked = blocks.some((b) => b.quiz !== undefined)
  const isQuiz = blocks.some((b) => b.quiz === 'prefixed' || b.lines.some((l) => TF_QUIZ.test(l.text)))
  if (!marked && !isQuiz) return blocks
  const key = new Map<number, Quiz>()
  const answered = new Map<Block, Quiz>()
  // Numbered items before the key, in a quiz whose statements carry no mark ("Decide whether each is true or false").
  const unmarked: Block[] = []
  let inKey = false
  let last: Block | undefined
  for (const b of blocks) {
    const first = b.lines[0]?.text ?? ''
    if (b.quiz !== undefined) {
      last = b
      continue
    }
    const answer = ANSWER_LINE.exec(first)?.[1]
    if (answer !== undefined && last !== undefined && !answered.has(last)) {
      answered.set(last, truth(answer))
      continue
    }
    if (b.answers !== undefined && b.number !== undefined) {
      if (!key.has(b.number)) key.set(b.number, b.answers)
    } else if (b.kind !== 'item') inKey = ANSWER_KEY.test(first) || (inKey && b.kind === 'paragraph')
    else if (inKey && b.number !== undefined) {
      const keyed = KEYED.exec(first)?.[1]
      if (keyed !== undefined && !key.has(b.number)) key.set(b.number, truth(keyed))
    } else if (b.number !== undefined && b.option === undefined && key.size === 0 && !inKey) unmarked.push(b)
  }
  if (!marked) for (const b of unmarked) b.quiz = key.get(b.number!)
  for (const b of blocks) {
    if (b.quiz === undefined) continue
    // A table row answered in place ("| … | False |") is a fact check in any document.
    if (!isQuiz && b.own === undefined) delete b.quiz
    else b.quiz = answered.get(b) ?? b.own ?? (b.number === undefined ? undefined : key.get(b.number)) ?? 'open'
  }
  return blocks
}

/** A block that starts "True or false: …" is a statement of a quiz: it loses the words and keeps its number. */
function prefixed(b: Block): Block {
  const first = b.lines[0]
  const m = first === undefined || b.kind === 'heading' ? null : TF_PREFIX.exec(first.text)
  if (m === null) return b
  const lines = [{ ...first!, text: first!.text.slice(m[0].length) }, ...b.lines.slice(1)]
  return { ...b, lines, quiz: 'prefixed', ...(m[1] === undefined ? {} : { number: Number(m[1]) }) }
}

/** Whether a line break inside a block also ends a sentence. */
function lineEndsSentence(line: string, next: string | undefined): boolean {
  if (TERMINAL.test(line)) return true
  if (next === undefined) return true
  return line.length <= 80 && /^["'\u201c\u2018(]?[A-Z0-9]/.test(next) && !/[,(\-\u2013\u2014]$/.test(line)
}

/**
 * The longest sentence the checker matches as one; longer ones (text without punctuation, such as an auto-transcribed
 * voicemail) are cut at spaces, so that words far apart in a run-on message do not pair up as one passage. 400
 * characters hold the longest sentences of the evaluation drafts whole (1,000 let a 2,000-character voicemail pair a
 * "Prozac" with a "weeks" many lines later).
 */
export const MAX_SENTENCE = 400

/**
 * A sentence boundary: end punctuation, closing quotes or brackets, space, then a capital or digit, or after a
 * question mark any letter (informal writing runs on after a question: "does that rule her out? like surely…"). The
 * lookbehind and the lookahead-with-backreference (an atomic group) make a run of end punctuation one attempt that
 * never backtracks, so 80 KB of dots is linear.
 */
const BOUNDARY_RE =
  /(?<![.!?\u2026])(?=([.!?\u2026]+))\1(["'\u201d\u2019)\]]*)(\s+)(?=["'\u201c\u2018(\[]?([A-Za-z0-9]))/g

/** The word (letters and dots) that ends `text` before `end`, lower-cased: a backwards scan, not a `$`-anchored regex. */
function lastWordBefore(text: string, end: number): string | undefined {
  let i = end
  while (i > 0 && /[A-Za-z.]/.test(text[i - 1]!)) i--
  // The word must start with a letter: skip leading dots.
  while (i < end && text[i] === '.') i++
  return i < end ? text.slice(i, end).toLowerCase() : undefined
}

/** Cuts a sentence longer than MAX_SENTENCE at spaces into pieces of at most that length. */
function cutLong(sentence: string): string[] {
  if (sentence.length <= MAX_SENTENCE) return [sentence]
  const out: string[] = []
  let at = 0
  while (sentence.length - at > MAX_SENTENCE) {
    // The last space inside the window (a bounded backwards scan; lastIndexOf would run back to the start).
    let cut = at + MAX_SENTENCE
    while (cut > at && sentence[cut] !== ' ') cut--
    if (cut <= at) cut = at + MAX_SENTENCE
    out.push(sentence.slice(at, cut).trim())
    at = cut
  }
  const rest = sentence.slice(at).trim()
  if (rest !== '') out.push(rest)
  return out.filter((p) => p !== '')
}

/** Splits one stretch of text (one line's worth or a joined run of lines) into sentences at end punctuation. */
function splitSentences(text: string): string[] {
  const out: string[] = []
  const re = new RegExp(BOUNDARY_RE.source, 'g')
  let start = 0
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    // A lower-case letter starts a new sentence only after a question mark.
    if (/[a-z]/.test(m[4]!) && !m[1]!.includes('?')) continue
    const lastWord = lastWordBefore(text, m.index)
    // An abbreviation or an initial ("J. Smith") does not end a sentence; the letter after an apostrophe ("isn't.")
    // is not an initial.
    const initial = lastWord !== undefined && /^[a-z]$/.test(lastWord) && !/['\u2019]/.test(text[m.index - 2] ?? '')
    if (m[1] === '.' && lastWord !== undefined && (ABBREVIATIONS.has(lastWord) || initial)) continue
    const end = m.index + m[1]!.length + m[2]!.length
    out.push(...cutLong(text.slice(start, end).trim()))
    start = end + m[3]!.length
  }
  const rest = text.slice(start).trim()
  if (rest !== '') out.push(...cutLong(rest))
  return out
}

/**
 * Splits a draft into sentences with their line ranges.
 * @param text - the draft, Markdown or plain text
 * @returns the sentences in document order
 * @internal
 */
export function segment(text: string): Sentence[] {
  const sentences: Sentence[] = []
  let lead: number | undefined
  toBlocks(text).forEach((block, blockIndex) => {
    // Group the block's lines into runs that end at a sentence-ending line break.
    const runs: { text: string; startLine: number; endLine: number; charLines: { offset: number; line: number }[] }[] =
      []
    let run: (typeof runs)[number] | undefined
    block.lines.forEach((l, n) => {
      if (run === undefined) run = { text: '', startLine: l.line, endLine: l.line, charLines: [] }
      run.charLines.push({ offset: run.text.length + (run.text === '' ? 0 : 1), line: l.line })
      run.text = run.text === '' ? l.text : `${run.text} ${l.text}`
      run.endLine = l.line
      if (block.kind === 'heading' || lineEndsSentence(l.text, block.lines[n + 1]?.text)) {
        runs.push(run)
        run = undefined
      }
    })
    if (run !== undefined) runs.push(run)
    const first = sentences.length
    for (const r of runs) {
      let searchFrom = 0
      // Sentences come in order, so the line of an offset is found by walking forward once through the run's lines.
      let lineIndex = 0
      const lineAt = (offset: number) => {
        while (lineIndex + 1 < r.charLines.length && r.charLines[lineIndex + 1]!.offset <= offset) lineIndex++
        return r.charLines[lineIndex]?.line ?? r.startLine
      }
      for (const s of block.kind === 'heading' ? cutLong(r.text) : splitSentences(r.text)) {
        const at = r.text.indexOf(s, searchFrom)
        searchFrom = at + s.length
        sentences.push({
          text: s,
          startLine: lineAt(Math.max(0, at)),
          endLine: lineAt(Math.max(0, at) + s.length - 1),
          block: blockIndex,
          kind: block.kind,
          ...(block.kind === 'item' && lead !== undefined ? { lead } : {}),
          ...(block.quiz === 'true' || block.quiz === 'false' || block.quiz === 'open' ? { quiz: block.quiz } : {}),
          ...(block.reported ? { reported: true as const } : {}),
        })
      }
    }
    if (block.kind !== 'item' && sentences.length > first) lead = sentences.length - 1
  })
  return sentences
}
