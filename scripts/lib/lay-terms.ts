/**
 * Checks data/search/lay-terms.json: every key names a record, every term is a short plain phrase, and a term that
 * names something (a capitalised word or a number: a person, place, product, trial, dose) names what the record's own
 * text names, so lay terms stay vocabulary and never add a fact about a study.
 */
import synonymData from '../../data/search/synonyms.json' with { type: 'json' }
import type { SearchCorpus } from '../../src/search/documents.ts'
import { closest } from '../../src/suggest.ts'
import type { Issue } from './issues.ts'
import { escapeRegExp } from './text.ts'

/** The file the issues name. */
export const LAY_TERMS_FILE = 'data/search/lay-terms.json'
/** Longest term in characters and in words. */
export const MAX_TERM_LENGTH = 60
export const MAX_TERM_WORDS = 8
/**
 * Common names a lay term may use for any record although its text does not: street and brand names of drug
 * classes, and the names of conditions and therapies people search by. Facts about a study are never on this list.
 */
export const COMMON_NAMES: ReadonlySet<string> = new Set([
  'i',
  'k',
  'special',
  'k-hole',
  'lsd',
  'dmt',
  'mdma',
  'ssri',
  'ssris',
  'snri',
  'snris',
  'prozac',
  'zoloft',
  'lexapro',
  'c-ptsd',
  'ifs',
])

/** A record as the check sees it: its key (`study:<id>`, `claim:<id>`, `source:<id>`) and all of its text. */
export interface LayRecord {
  readonly key: string
  readonly text: string
}

/** The records of a corpus as the check sees them, their text lower-cased. */
export function layRecords(corpus: Pick<SearchCorpus, 'studies' | 'claims' | 'sources'>): LayRecord[] {
  const of = (type: string, r: { id: string }): LayRecord => ({
    key: `${type}:${r.id}`,
    text: JSON.stringify(r).toLowerCase(),
  })
  return [
    ...corpus.studies.map((r) => of('study', r)),
    ...corpus.claims.map((r) => of('claim', r)),
    ...corpus.sources.map((r) => of('source', r)),
  ]
}

/** The synonym table's text, lower-cased: a name it lists is vocabulary. */
const SYNONYM_TEXT = JSON.stringify(synonymData).toLowerCase()

function issue(field: string, rule: string, message: string, fix: string): Issue {
  return { file: LAY_TERMS_FILE, field, rule, message, fix }
}

/** The capitalised or numbered words of a term that neither the record's text, the synonyms nor the common names hold. */
function unsupportedNames(term: string, text: string, synonyms: string): string[] {
  const out: string[] = []
  for (const word of term.split(/[^\p{L}\p{N}&'-]+/u)) {
    if (!/[\p{Lu}\p{N}]/u.test(word)) continue
    const w = word.toLowerCase()
    const escaped = escapeRegExp(w)
    const inText = new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(text)
    if (!inText && !COMMON_NAMES.has(w) && !synonyms.includes(`"${w}"`)) out.push(word)
  }
  return out
}

/**
 * The issues of a lay-terms file.
 * @param data - the parsed file
 * @param records - every record, with its text lower-cased ({@link layRecords})
 * @param synonyms - the synonym table's JSON text, lower-cased (data/search/synonyms.json by default)
 */
export function layTermIssues(data: unknown, records: readonly LayRecord[], synonyms = SYNONYM_TEXT): Issue[] {
  const issues: Issue[] = []
  const shape = (message: string): Issue[] => [
    issue(
      '',
      'lay-terms-shape',
      message,
      'Keep { "$comment", "formatVersion": 1, "records": { "<type>:<id>": [terms] } }.',
    ),
  ]
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return shape('is not a JSON object.')
  const file = data as Record<string, unknown>
  if (file.formatVersion !== 1) return shape(`has formatVersion ${JSON.stringify(file.formatVersion)}, not 1.`)
  const recordsField = file.records
  if (typeof recordsField !== 'object' || recordsField === null || Array.isArray(recordsField))
    return shape('has no "records" object.')
  const byKey = new Map(records.map((r) => [r.key, r.text]))
  const keys = [...byKey.keys()]
  for (const [key, terms] of Object.entries(recordsField as Record<string, unknown>)) {
    const field = `records.${key}`
    const text = byKey.get(key)
    if (text === undefined) {
      const near = closest(key, keys)
      issues.push(
        issue(
          field,
          'lay-terms-record',
          `names no record.`,
          near === undefined ? 'Use "<type>:<id>" of a record.' : `Did you mean "${near}"?`,
        ),
      )
      continue
    }
    if (!Array.isArray(terms) || terms.length === 0) {
      issues.push(issue(field, 'lay-terms-shape', 'is not a non-empty list of terms.', 'List the terms as strings.'))
      continue
    }
    const seen = new Set<string>()
    terms.forEach((term: unknown, i) => {
      const at = `${field}[${i}]`
      if (typeof term !== 'string' || term.trim() === '') {
        issues.push(issue(at, 'lay-terms-term', 'is not a non-empty string.', 'Write the term as text, or remove it.'))
        return
      }
      const words = term.trim().split(/\s+/)
      if (term.length > MAX_TERM_LENGTH || words.length > MAX_TERM_WORDS || /[<>{}\n]/.test(term)) {
        issues.push(
          issue(
            at,
            'lay-terms-term',
            `"${term.slice(0, 80)}" is not a short plain phrase.`,
            `Keep terms to ${MAX_TERM_WORDS} words and ${MAX_TERM_LENGTH} characters, without markup.`,
          ),
        )
        return
      }
      const folded = term.toLowerCase()
      if (seen.has(folded)) issues.push(issue(at, 'lay-terms-term', `repeats "${term}".`, 'Remove the repeat.'))
      seen.add(folded)
      const names = unsupportedNames(term, text, synonyms)
      if (names.length > 0)
        issues.push(
          issue(
            at,
            'lay-terms-named',
            `"${term}" names ${names.map((n) => `"${n}"`).join(', ')}, which the record's own text does not.`,
            'A lay term is vocabulary, never a fact: remove it, or confirm the fact in the record (with its source) first.',
          ),
        )
    })
  }
  return issues
}
