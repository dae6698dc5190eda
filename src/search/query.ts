/**
 * Turns whatever a visitor typed into a bounded query plan: exact identifiers (DOI, PMID, PMCID, NCT, URL, record
 * id) and at most {@link MAX_UNITS} sanitized search units. Nothing here interprets search syntax: `:`, `~`, `^`, `*`,
 * `+`, `-` and quotes are separators like any other punctuation.
 * @internal
 * @packageDocumentation
 */
import { normalizeDoi } from '../doi'
import { normalizeUrl } from './documents'
import { conceptTerms, greedyConcepts } from './synonyms'
import { isFillerWord, isStopWord, tokenize } from './text'

/** Characters of a query that are read; the rest is ignored. */
export const MAX_QUERY_LENGTH = 256
/** Search units (words or synonym groups) used from one query; later ones are ignored. */
export const MAX_UNITS = 12
/** Words longer than this are ignored: no real word is, and they would only slow typo matching. */
export const MAX_WORD_LENGTH = 40

/**
 * One thing the query asks for: a word (matched exactly, with typos and, for the last word, as a prefix) or a
 * synonym group (matched through its concept term only).
 * @internal
 */
export type QueryUnit =
  | { readonly kind: 'word'; readonly folded: string; readonly term: string; readonly prefix: boolean }
  | {
      readonly kind: 'concept'
      readonly concept: string
      /** The words of the query that named the group, folded. */
      readonly written: string
    }

/**
 * Identifiers found in a query, normalised for lookup.
 * @internal
 */
export interface QueryIdentifiers {
  readonly dois: readonly string[]
  readonly pmids: readonly string[]
  readonly pmcids: readonly string[]
  readonly registrations: readonly string[]
  readonly urls: readonly string[]
  /** The whole query, trimmed and lower-cased, when it could be a record id. */
  readonly recordId: string | undefined
}

/**
 * A parsed query.
 * @internal
 */
export interface ParsedQuery {
  readonly identifiers: QueryIdentifiers
  readonly units: readonly QueryUnit[]
}

function safeDecode(s: string): string {
  if (!/%[0-9a-f]{2}/i.test(s)) return s
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

const TRAILING_PUNCTUATION = /[.,;:)\]}'"’”>]+$/u

/**
 * Parses a query string. Never throws, for any string.
 * @internal
 */
export function parseQuery(input: string): ParsedQuery {
  let text = safeDecode(input.slice(0, MAX_QUERY_LENGTH))
  const dois: string[] = []
  const pmids: string[] = []
  const pmcids: string[] = []
  const registrations: string[] = []
  const urls: string[] = []
  const cut = (re: RegExp, take: (m: RegExpExecArray) => boolean): void => {
    text = text.replace(re, (...args: unknown[]) => {
      const m = args.slice(0, -2) as unknown as RegExpExecArray
      return take(m) ? ' ' : (args[0] as string)
    })
  }

  const trimmed = text.trim()
  const recordId = /^[a-z0-9]+(?:-[a-z0-9]+)+$/i.test(trimmed) ? trimmed.toLowerCase() : undefined
  // Every identifier has a digit or is a URL: most typed queries skip the identifier scan.
  if (!/\d|:\/\//.test(text))
    return { identifiers: { dois, pmids, pmcids, registrations, urls, recordId }, units: unitsOf(text) }

  // URLs first: a DOI, PubMed or PMC address is an identifier; any other address may be a record's URL.
  cut(/\bhttps?:\/\/[^\s<>"]+/giu, (m) => {
    const url = m[0].replace(TRAILING_PUNCTUATION, '')
    const doi = /^https?:\/\/(?:dx\.)?doi\.org\//i.test(url) ? normalizeDoi(url) : undefined
    const pubmed =
      /^https?:\/\/(?:www\.)?(?:pubmed\.ncbi\.nlm\.nih\.gov|ncbi\.nlm\.nih\.gov\/pubmed)\/(\d{1,9})\b/i.exec(url)
    const pmc =
      /^https?:\/\/(?:www\.)?(?:ncbi\.nlm\.nih\.gov\/pmc\/articles|pmc\.ncbi\.nlm\.nih\.gov\/articles)\/pmc(\d{1,9})\b/i.exec(
        url,
      )
    if (doi !== undefined) dois.push(doi)
    else if (pubmed !== null) pmids.push(pubmed[1]!.replace(/^0+/, ''))
    else if (pmc !== null) pmcids.push(`PMC${pmc[1]!}`)
    else if (/clinicaltrials\.gov/i.test(url) && /NCT\d{8}/i.test(url))
      registrations.push(/NCT\d{8}/i.exec(url)![0].toUpperCase())
    else {
      const u = normalizeUrl(url)
      if (u === undefined) return false
      urls.push(u)
    }
    return true
  })
  cut(/(?:\bdoi:?\s*)?\b10\.\d{4,9}\/[^\s"<>]+/giu, (m) => {
    // Punctuation after a pasted DOI is usually the sentence's, but a DOI may end in ")" itself: look up both.
    const found = [normalizeDoi(m[0].replace(TRAILING_PUNCTUATION, '')), normalizeDoi(m[0])].filter(
      (d): d is string => d !== undefined,
    )
    for (const d of found) if (!dois.includes(d)) dois.push(d)
    return found.length > 0
  })
  cut(/\bpmid\s*:?\s*0*(\d{1,9})\b/giu, (m) => {
    pmids.push(m[1]!)
    return true
  })
  cut(/\bpmc\s*:?\s*(\d{4,9})\b/giu, (m) => {
    pmcids.push(`PMC${m[1]!}`)
    return true
  })
  cut(/\bnct\s*:?\s*(\d{8})\b/giu, (m) => {
    registrations.push(`NCT${m[1]!}`)
    return true
  })
  // A bare number of six or more digits is read as a PMID; it is also searched as text.
  const bare = /^\s*(\d{6,9})\s*$/.exec(text)
  if (bare !== null) pmids.push(bare[1]!.replace(/^0+/, ''))

  return { identifiers: { dois, pmids, pmcids, registrations, urls, recordId }, units: unitsOf(text) }
}

/**
 * The search units of a text: synonym groups (found on the whole word sequence, stop words included, so
 * "food and drug administration" is one unit), then the remaining words without stop words, one-letter words and
 * over-long words; question and filler words ({@link isFillerWord}) only when nothing else is left; duplicates removed;
 * at most {@link MAX_UNITS}. Only the last word, if the text ends inside it
 * (search as you type), is marked for prefix matching.
 * @internal
 */
export function unitsOf(typed: string): QueryUnit[] {
  // A dotted abbreviation ("I.V.", "P.T.S.D.") is read as one word: its stops become soft hyphens, which a word holds
  // and folding drops (fold.ts), so every word keeps its offset; one that is no search term ("e.g.") matches nothing.
  const text = typed.replace(/(?<![\p{L}\p{N}])(?:\p{L}\.){2,}(?![\p{L}\p{N}])/gu, (d) => d.replace(/\./g, '\u00ad'))
  const tokens = tokenize(text)
  // "im" typed in lower or title case is "I'm" written without its apostrophe ("im bipolar"), not the abbreviation
  // for intramuscular, which is written "IM": it is read as the stop word it stands for.
  const contraction = tokens.map((t) => t.folded === 'im' && text.slice(t.start, t.end) !== 'IM')
  const concepts = greedyConcepts(conceptTerms(tokens, text).map((term, k) => (contraction[k] ? '' : term)))
  const conceptAt = new Map(concepts.map((c) => [c.from, c]))
  const units: QueryUnit[] = []
  const fillers: QueryUnit[] = []
  const seen = new Set<string>()
  const lastEnd = text.replace(/\s+$/u, '').length === text.length ? text.length : -1
  for (let i = 0; i < tokens.length && units.length < MAX_UNITS;) {
    const c = conceptAt.get(i)
    if (c !== undefined) {
      const written = tokens
        .slice(c.from, c.to)
        .map((t) => t.folded)
        .join(' ')
      if (!seen.has(c.concept)) units.push({ kind: 'concept', concept: c.concept, written })
      seen.add(c.concept)
      i = c.to
      continue
    }
    const t = tokens[i]!
    i++
    if (
      contraction[i - 1] ||
      t.folded.length > MAX_WORD_LENGTH ||
      isStopWord(t.folded) ||
      (t.folded.length === 1 && !/\d/.test(t.folded))
    )
      continue
    if (seen.has(t.term)) continue
    seen.add(t.term)
    const unit: QueryUnit = {
      kind: 'word',
      folded: t.folded,
      term: t.term,
      prefix: i === tokens.length && t.end === lastEnd,
    }
    // A filler word being typed may still become a real one ("help" → "helplessness"): it is kept as a prefix.
    if (isFillerWord(t.folded) && !unit.prefix) fillers.push(unit)
    else units.push(unit)
  }
  return units.length > 0 ? units : fillers.slice(0, MAX_UNITS)
}
