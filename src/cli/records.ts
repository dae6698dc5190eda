import {
  claimIds,
  getSource,
  getStudy,
  isCitable,
  isClaimId,
  isSourceId,
  isStudyId,
  sourceIds,
  sources,
  studies,
  studyIds,
  topicTerms,
  type ClaimId,
  type SourceId,
  type StudyId,
  type Topic,
} from '../index'
import { citationStyles, formatBibliography, type CitationStyle } from '../citations/index'
import { closest, InputError, oneOf, quote, UsageError, type Io } from './io'

/**
 * The ids given on the command line: each word may hold several separated by commas (`dore-2019,wilkinson-2021`),
 * as filter values do; spaces around a comma and empty items are dropped.
 * @throws UsageError when words were given but hold no id at all (`,`)
 */
export function idWords(words: readonly string[]): string[] {
  const ids = words.flatMap((w) => w.split(',')).flatMap((id) => (id.trim() === '' ? [] : [id.trim()]))
  if (words.length > 0 && ids.length === 0) throw new UsageError(`${quote(words.join(' '))} holds no id`)
  return ids
}

/**
 * Checks ids given on the command line: each must be a study or a source.
 * @throws InputError for a claim id (with what to cite instead) or an unknown id (with the closest id)
 */
export function citableIds(ids: readonly string[]): (StudyId | SourceId)[] {
  return ids.map((id) => {
    if (isStudyId(id) || isSourceId(id)) {
      if (!isCitable(isStudyId(id) ? getStudy(id) : getSource(id)))
        throw new InputError(
          `${quote(id)} is a lead, not a work you can cite: its authors, title or date are not confirmed; ` +
            `kap-literature show ${id} says what is missing`,
        )
      return id
    }
    if (isClaimId(id))
      throw new InputError(
        `${quote(id)} is a claim, not a work you can cite; cite the studies behind it (see kap-literature show ${id})`,
      )
    const hint = closest(id, [...studyIds, ...sourceIds, ...claimIds])
    throw new InputError(
      `unknown study or source ${quote(id)}${hint ? ` (did you mean "${hint}"?)` : '; list ids with kap-literature list studies'}`,
    )
  })
}

/**
 * Checks a --topic value (letter case aside) against the topics.
 * @throws InputError naming the closest topic and listing them all
 */
export function topicOption(value: string): Topic {
  const topic = topicTerms.find((t) => t === value.toLowerCase())
  if (topic !== undefined) return topic
  const hint = closest(value, topicTerms)
  throw new InputError(
    `unknown topic ${quote(value)}${hint ? ` (did you mean "${hint}"?)` : ''}; topics: ${topicTerms.join(', ')}`,
  )
}

/**
 * Checks a list of claim ids (`--claims a,b`): each must be a claim.
 * @throws InputError for a study or source id, or an unknown id (with the closest claim id)
 */
export function claimIdsOption(option: string, value: string): ClaimId[] {
  const ids = value.split(',').flatMap((id) => (id.trim() === '' ? [] : [id.trim()]))
  if (ids.length === 0)
    throw new InputError(`${option} ${quote(value)} holds no claim id; list them with kap-literature list claims`)
  return ids.map((id) => {
    if (isClaimId(id)) return id
    if (isStudyId(id) || isSourceId(id))
      throw new InputError(
        `${quote(id)} is a ${isStudyId(id) ? 'study' : 'source'}, not a claim; ${option} takes claim ids (list them with kap-literature list claims)`,
      )
    const hint = closest(id, claimIds)
    throw new InputError(
      `unknown claim ${quote(id)}${hint ? ` (did you mean "${hint}"?)` : '; list ids with kap-literature list claims'}`,
    )
  })
}

/** Every citable shipped study and source id, sorted: what `bib` and `export` cover by default (leads are left out). */
export function allCitableIds(): (StudyId | SourceId)[] {
  return [...studies, ...sources]
    .filter((r) => isCitable(r))
    .map((r) => r.id)
    .sort()
}

/**
 * The ids a bibliography lists when none were named: every citable record, numbered in a numeric style (AMA,
 * Vancouver) in the order of the author-date reference list, by author, then year, then title (APA's order, which its
 * precomputed table ranks), since the whole library has no order of citation; in the order of `allCitableIds` (by id)
 * otherwise, which an author-date style sorts itself. The order is read from the APA bibliography's `data-kap-id`s.
 */
export function bibliographyIds(style: CitationStyle): (StudyId | SourceId)[] {
  const ids = allCitableIds()
  if (citationStyles.find((s) => s.key === style)?.numeric !== true) return ids
  const html = formatBibliography(ids, { style: 'apa', format: 'html' })
  const order = [...html.matchAll(/ data-kap-id="([^"]+)"/g)].map((m) => m[1]!)
  const rank = new Map(order.map((id, i) => [id, i]))
  return [...ids].sort((a, b) => (rank.get(a) ?? order.length) - (rank.get(b) ?? order.length))
}

/**
 * Says on standard error which records `bib` and `export` leave out without ids: the leads, whose authors, title or
 * date are not confirmed, so they cannot be cited. Standard output stays the bibliography or export alone.
 */
export function noteLeadsLeftOut(io: Io): void {
  const leads = [...studies, ...sources]
    .filter((r) => !isCitable(r))
    .map((r) => r.id)
    .sort()
  if (leads.length === 0) return
  io.err(
    `kap-literature: ${leads.length} lead${leads.length === 1 ? '' : 's'} left out (${leads.join(', ')}): records ` +
      `whose authors, title or date are not confirmed, so they cannot be cited; kap-literature show <id> says what is missing`,
  )
}

/**
 * Checks a --style value against the six precomputed styles.
 * @throws InputError listing the styles
 */
export function styleOption(value: string | undefined): CitationStyle {
  return oneOf(
    '--style',
    value ?? 'apa',
    citationStyles.map((s) => s.key),
  )
}

/** The precomputed formats, with `md` accepted for markdown. */
export type TextFormat = 'text' | 'html' | 'markdown'

/**
 * Checks a --format value for citations: text, html, markdown (or md).
 * @throws InputError listing the formats
 */
export function textFormatOption(value: string | undefined): TextFormat {
  if (value?.toLowerCase() === 'md') return 'markdown'
  return oneOf('--format', value ?? 'text', ['text', 'html', 'markdown'] as const, '', ['md'])
}

/** The style list for help texts. */
export const styleList = citationStyles.map((s) => s.key).join('|')
