import {
  claimIds,
  isCitable,
  isClaimId,
  isSourceId,
  isStudyId,
  sourceIds,
  sources,
  studies,
  studyIds,
  type SourceId,
  type StudyId,
} from '../index'
import { citationStyles, type CitationStyle } from '../citations/index'
import { closest, InputError, oneOf, quote } from './io'

/**
 * Checks ids given on the command line: each must be a study or a source.
 * @throws InputError for a claim id (with what to cite instead) or an unknown id (with the closest id)
 */
export function citableIds(ids: readonly string[]): (StudyId | SourceId)[] {
  return ids.map((id) => {
    if (isStudyId(id) || isSourceId(id)) return id
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

/** Every citable shipped study and source id, sorted: what `bib` and `export` cover by default (leads are left out). */
export function allCitableIds(): (StudyId | SourceId)[] {
  return [...studies, ...sources]
    .filter((r) => isCitable(r))
    .map((r) => r.id)
    .sort()
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
  if (value === 'md') return 'markdown'
  return oneOf('--format', value ?? 'text', ['text', 'html', 'markdown'] as const)
}

/** The style list for help texts. */
export const styleList = citationStyles.map((s) => s.key).join('|')
