// Honest "et al." for partial author lists. A record whose `authorsComplete` is false holds only the first authors
// that could be confirmed; CSL has no way to say "and others", so the formatter is given three placeholder authors
// after them (so every style that shortens long lists uses its own "et al." form) and the placeholders are then
// replaced, wherever a style printed them in full, by "et al.". No reader ever sees a list that poses as complete.
import type { CslItem, CslName } from './types'

/**
 * The three placeholder authors added after a partial list. Their names cannot occur in real data, and they sort after
 * any real name, so a partial list (whose next author is unknown) follows the complete lists of the same first
 * author in the styles that sort by name (APA, Harvard, Chicago).
 * @internal
 */
export const ET_AL_PLACEHOLDERS: readonly CslName[] = Object.freeze(
  ['a', 'b', 'c'].map((x) => Object.freeze({ family: `Zzzetalplaceholder${x}`, given: 'Q' })),
)

/**
 * The item with placeholder authors after its partial list, for formatting; other items unchanged.
 * @internal
 */
export function withEtAlPlaceholders(item: CslItem, authorsComplete: boolean | undefined): CslItem {
  if (authorsComplete !== false || item.author === undefined || item.author.length === 0) return item
  return { ...item, author: [...item.author, ...ET_AL_PLACEHOLDERS] }
}

/** The placeholder family names as printed, in any case (a style may print them in capitals or small caps). */
const PLACEHOLDER = /zzzetalplaceholder[abc]/gi
/** A blank inside a printed name: whitespace (U+00A0 included) or citeproc's `&#160;`. */
const NBSP_ENTITY = '&#160;'
/** After a placeholder family name: its given name "Q", as in "Zzzetalplaceholdera, Q." or "Zzzetalplaceholdera Q". */
const GIVEN_AFTER = /,?(?:&#160;|\s)+Q(?![A-Za-z0-9_])\.?/iy
/** An "et al." a style prints after the placeholders, plain or in its own italics (`<i>`, `<em>`, a styled span). */
const ET_AL_AFTER = /,?\s*(et al\.?|(?:<i>|<em>|<span[^>]*>)et al\.?(?:<\/i>|<\/em>|<\/span>))/iy
/** The words and signs that join the last names of a list: "&", "and", "y", "et", "und". */
const JOINERS = ['&#38;', '&#x26;', '&amp;', '&', 'and', 'y', 'et', 'und']

const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c)
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_]/.test(c)

/** The start of the whitespace run that ends at `end` (no lower than `floor`). */
function spacesBefore(text: string, end: number, floor: number): number {
  let i = end
  while (i > floor && isSpace(text[i - 1])) i--
  return i
}

/** The start of the blanks (whitespace and `&#160;`) that end at `end`, no lower than `floor`. */
function blanksBefore(text: string, end: number, floor: number): number {
  let i = end
  for (;;) {
    if (i > floor && isSpace(text[i - 1])) i--
    else if (i - NBSP_ENTITY.length >= floor && text.startsWith(NBSP_ENTITY, i - NBSP_ENTITY.length))
      i -= NBSP_ENTITY.length
    else return i
  }
}

/**
 * Where one printed placeholder begins, `at` being where its family name begins: before an initial "Q." or "Q"
 * separated from it by blanks ("Q. Zzzetalplaceholdera"), or at the name itself.
 */
function nameStart(text: string, at: number, floor: number): number {
  const blanks = blanksBefore(text, at, floor)
  if (blanks === at) return at
  let q = blanks
  if (q > floor && text[q - 1] === '.') q--
  return q > floor && (text[q - 1] === 'Q' || text[q - 1] === 'q') ? q - 1 : at
}

/**
 * Where the separator before a name that begins at `at` begins (no lower than `floor`): spaces, then an optional
 * joiner ("and", "&", …: a word only after a non-letter) with spaces before it, then an optional comma or semicolon
 * with spaces before it. The same text as `(?:\s*[,;])?(?:\s*(?:&#38;|…|und))?\s*`, found by scanning backwards
 * from the name, so each character is read a bounded number of times.
 */
function separatorStart(text: string, at: number, floor: number): number {
  let i = spacesBefore(text, at, floor)
  const before = text.slice(Math.max(floor, i - 6), i).toLowerCase()
  const joiner = JOINERS.find(
    (j) => before.endsWith(j) && (!/^[a-z]/.test(j) || !isWordChar(text[i - j.length - 1]) || i - j.length === floor),
  )
  if (joiner !== undefined) i = spacesBefore(text, i - joiner.length, floor)
  if (i > floor && (text[i - 1] === ',' || text[i - 1] === ';')) i = spacesBefore(text, i - 1, floor)
  return i
}

/**
 * Replaces the printed placeholders (and the separators before them) with ", et al.", and removes the full stop a
 * style printed after the last author when "et al." already ends in one. Call it only on what citeproc printed for
 * a shipped record with a partial author list: user text is never rewritten. Linear in the text: each placeholder is
 * found with one literal pattern and its surroundings are read by bounded scans that never overlap.
 * @internal
 */
export function cleanEtAl(text: string): string {
  if (!/zzzetalplaceholder/i.test(text)) return text
  let out = ''
  let copied = 0
  PLACEHOLDER.lastIndex = 0
  let m = PLACEHOLDER.exec(text)
  while (m !== null) {
    // One run: a placeholder, then any placeholders that follow it with only a separator between.
    const start = separatorStart(text, nameStart(text, m.index, copied), copied)
    let end = m.index + m[0].length
    for (;;) {
      GIVEN_AFTER.lastIndex = end
      if (GIVEN_AFTER.test(text)) end = GIVEN_AFTER.lastIndex
      PLACEHOLDER.lastIndex = end
      m = PLACEHOLDER.exec(text)
      if (m === null || separatorStart(text, nameStart(text, m.index, end), end) !== end) break
      end = m.index + m[0].length
    }
    ET_AL_AFTER.lastIndex = end
    const etAl = ET_AL_AFTER.exec(text)
    if (etAl !== null) end = ET_AL_AFTER.lastIndex
    out += text.slice(copied, start) + (etAl?.[1]?.startsWith('<') === true ? `, ${etAl[1]}` : ', et al.')
    copied = end
  }
  out += text.slice(copied)
  return out.replace(/, et al\.\./g, ', et al.').replace(/^, et al\./, 'et al.')
}

/**
 * The short author label of a reference: "Nichols", "Krupitsky and Grinenko" or "Dore et al."; always the "et al."
 * form when the list is partial (`authorsComplete` false). The one rule for narrative labels outside the styles.
 * @returns the label, or `undefined` when no author has a name
 * @internal
 */
export function shortAuthors(authors: readonly CslName[] | undefined, authorsComplete?: boolean): string | undefined {
  const names = (authors ?? []).map((a) => a.family ?? a.literal ?? '').filter((n) => n !== '')
  if (names.length === 0) return undefined
  const complete = authorsComplete !== false
  if (names.length === 1 && complete) return names[0]
  if (names.length === 2 && complete) return `${names[0]} and ${names[1]}`
  return `${names[0]} et al.`
}

/**
 * "Dore et al. 2019": a record's short author label and year, with `noAuthor` in place of the authors when none is
 * named (a title, or a phrase). The one short label of a study outside the citation styles (evidence map, search
 * snippets).
 * @internal
 */
export function authorYear(csl: CslItem, authorsComplete: boolean | undefined, noAuthor: string): string {
  const who = shortAuthors(csl.author, authorsComplete) ?? noAuthor
  const year = csl.issued?.['date-parts'][0]?.[0]
  return typeof year === 'number' ? `${who} ${year}` : who
}
