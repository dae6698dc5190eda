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

/** One placeholder as a style may print it: "Zzzetalplaceholdera, Q.", "Q. Zzzetalplaceholdera", "Zzzetalplaceholdera Q", "ZZZETALPLACEHOLDERA". */
const ONE = String.raw`(?:Q\.?(?:&#160;|\u00a0|\s)+)?Zzzetalplaceholder[abc](?:,?(?:&#160;|\u00a0|\s)+Q\b\.?)?`
/** A separator before a name: an optional comma or semicolon, then an optional "and" in any form or language. */
const SEP = String.raw`(?:\s*(?:,|;))?(?:\s*(?:&#38;|&#x26;|&amp;|&|and|y|et|und))?`
/** An "et al." a style set in italics in HTML output: `<i>et al.</i>`, `<em>et al.</em>` or a styled span. */
const TAGGED = String.raw`(?:<i>|<em>|<span[^>]*>)et al\.?(?:<\/i>|<\/em>|<\/span>)`
/** The run of placeholders with the separators before and between them, and an "et al." a style may already add. */
const RUN = new RegExp(String.raw`${SEP}\s*${ONE}(?:${SEP}\s*${ONE})*(?:,?\s*(et al\.?|${TAGGED}))?`, 'gi')

/**
 * Replaces the printed placeholders (and the separators before them) with ", et al.", and removes the full stop a
 * style printed after the last author when "et al." already ends in one.
 * @internal
 */
export function cleanEtAl(text: string): string {
  if (!/zzzetalplaceholder/i.test(text)) return text
  return text
    .replace(RUN, (_run, etAl: string | undefined) => (etAl?.startsWith('<') === true ? `, ${etAl}` : ', et al.'))
    .replace(/, et al\.\./g, ', et al.')
    .replace(/^, et al\./, 'et al.')
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
