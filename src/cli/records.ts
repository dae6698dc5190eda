import { idForm, joinedIds } from '../suggest'
import {
  claimIds,
  findStudy,
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
import { normalizeDoi } from '../doi'
import { citationStyles, formatBibliography, type CitableId, type CitationStyle } from '../citations/index'
import { closest, InputError, oneOf, quote, UsageError, type Io } from './io'

/**
 * The ids given on the command line: each word may hold several separated by commas (`dore-2019,wilkinson-2021`),
 * as filter values do, or by blanks (a quoted list, `"dore-2019 wilkinson-2021"`); empty items are dropped.
 * @throws UsageError when words were given but hold no id at all (`,`)
 */
export function idWords(words: readonly string[]): string[] {
  // Commas or blanks (a quoted list) between ids; a semicolon is not read (a DOI may hold one), see citableIds.
  const ids = words.flatMap((w) => w.split(/[,\s]+/)).filter((id) => id !== '')
  if (words.length > 0 && ids.length === 0) throw new UsageError(`${quote(words.join(' '))} holds no id`)
  return ids
}

/** A PubMed id as people write it: `PMID:` (or `pmid `) and digits, or five to nine digits alone (not a year). */
const PMID = /^(?:pmid:?\s*(\d{1,9})|(\d{5,9}))$/i

/**
 * A study id for a DOI (any common form: `10.1080/…`, `doi:10.1080/…`, `https://doi.org/10.1080/…`) or a PubMed id
 * (`30917760`, `PMID:30917760`) of a shipped study, so that an id argument can be given as either; any other word is
 * returned as it is.
 * @throws InputError for a DOI or PubMed id that no shipped study has, saying that the command takes only shipped records
 */
export function recordWord(word: string): string {
  const doi = normalizeDoi(word)
  const digits = doi === undefined ? PMID.exec(word.trim()) : null
  const pmid = digits?.[1] ?? digits?.[2]
  // An id is read as in every entry: in any case, without surrounding spaces.
  if (doi === undefined && pmid === undefined) return idForm(word)
  // A DOI copied from the end of a reference ("… 10.1080/02791072.2019.1587556.") brings the sentence's full stop:
  // when no study has the DOI as given, it is looked up once more without closing punctuation.
  const bare = doi?.replace(/[.,;:]+$/, '')
  const study =
    doi !== undefined
      ? (findStudy({ doi }) ?? (bare !== doi ? findStudy({ doi: bare! }) : undefined))
      : findStudy({ pmid: pmid! })
  if (study !== undefined) return study.id
  throw new InputError(
    `no study in this library has the ${doi !== undefined ? `DOI ${quote(doi)}` : `PubMed id ${quote(pmid!)}`}; ` +
      `kap-literature cites and shows only its own records (find them with kap-literature search <words>)`,
  )
}

/**
 * Checks ids given on the command line: each must be a study or a source, or the DOI or PubMed id of a shipped study
 * ({@link recordWord}), which stands for its id.
 * @throws InputError for a claim id (with what to cite instead) or an unknown id (with the closest id)
 */
export function citableIds(words: readonly string[]): CitableId[] {
  return words.map(recordWord).map((id) => {
    if (isStudyId(id) || isSourceId(id)) {
      if (!isCitable(isStudyId(id) ? getStudy(id) : getSource(id)))
        throw new InputError(
          `${quote(id)} is a lead, not a work you can cite: its authors, title or date are not confirmed; ` +
            `kap-literature show ${id} says what is missing`,
        )
      return id as CitableId
    }
    if (isClaimId(id))
      throw new InputError(
        `${quote(id)} is a claim, not a work you can cite; cite the studies behind it (see kap-literature show ${id})`,
      )
    if (joinedIds(id, (part) => isStudyId(part) || isSourceId(part)) !== undefined)
      throw new InputError(`${quote(id)} holds several ids: separate them with commas or spaces`)
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
  const topic = topicTerms.find((t) => t === idForm(value))
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
  // Read as every id is read: in any case, without surrounding spaces.
  const ids = value.split(',').flatMap((id) => (id.trim() === '' ? [] : [idForm(id)]))
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
export function allCitableIds(): CitableId[] {
  return [...studies, ...sources]
    .filter((r) => isCitable(r))
    .map((r) => r.id as CitableId)
    .sort()
}

/**
 * The ids a bibliography lists when none were named: every citable record, numbered in a numeric style (AMA,
 * Vancouver) in the order of the author-date reference list, by author, then year, then title (APA's order, which its
 * precomputed table ranks), since the whole library has no order of citation; in the order of `allCitableIds` (by id)
 * otherwise, which an author-date style sorts itself. The order is read from the APA bibliography's `data-kap-id`s.
 */
export function bibliographyIds(style: CitationStyle): CitableId[] {
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

/**
 * Refuses `--format pdf` with how to get a PDF: the commands write HTML (and SVG), which a browser prints to PDF.
 * @param command - the command, for the message
 * @param value - the --format value given
 * @param topic - the --topic value, when it is known, for the example command
 * @throws InputError when `value` is `pdf` (any letter case)
 */
export function refusePdf(command: 'handout' | 'map', value: string | undefined, topic?: Topic): void {
  if (value?.toLowerCase() !== 'pdf') return
  const example =
    topic === undefined
      ? `kap-literature ${command} … --format html > ${command}.html`
      : `kap-literature ${command} --topic ${topic} --format html > ${topic}${command === 'map' ? '-map' : ''}.html`
  throw new InputError(
    `${command} writes no PDF itself: write the HTML (${example}), open it in a browser and print it to PDF on A4` +
      (command === 'handout'
        ? ' (the evidence map prints on pages of its own)'
        : `; a map taller than a page prints cut across pages, so for paper print the topic's handout, whose map ` +
          `pages each have the column headings (kap-literature handout --topic ${topic ?? '<topic>'} --format html)`),
  )
}

/** The style list for help texts. */
export const styleList = citationStyles.map((s) => s.key).join('|')
