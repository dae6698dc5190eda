// The shipped records as each of the six styles prints them. Some of what a style manual asks cannot be said in CSL, or
// is not said by the style files the project uses, and depends on the record rather than on the style's markup (that
// part is style-fixes.ts): titles in sentence case, an organisation that is both author and publisher named once, and
// (in every style) an initial in a given name with its full stop.
// One transform per style, applied wherever citeproc receives a shipped record: when the style tables are built
// (scripts/lib/citations-build.ts `styleItems`) and when kap-literature/cite formats one (format.ts `cslsFor`), so both
// print the same. Your own records are printed as you give them.
import { sentenceCase } from './sentence-case'

/** How a style writes titles: the item types it sentence-cases, and the case of a subtitle's first word. */
interface TitleCasing {
  /** CSL item types whose `title` is sentence-cased (undefined: every type). */
  readonly types?: readonly string[]
  /** APA capitalises the first word after a colon; AMA, Vancouver and Cite Them Right lower-case it. */
  readonly subtitle: 'capital' | 'lower'
}

/** What a style leaves out when one organisation is the work's only author and also its publisher or site. */
interface OrganisationAsPublisher {
  /** `publisher`: name it once, as author; `author`: begin with the title and name it as publisher only. */
  readonly omit: 'publisher' | 'author'
  /** CSL item types it applies to (undefined: every type). */
  readonly types?: readonly string[]
}

interface StyleRules {
  readonly titles?: TitleCasing
  readonly organisation?: OrganisationAsPublisher
  /** The style prints given names as initials (so each part of a hyphenated name gives one). */
  readonly initials?: true
}

/**
 * The rules of each style, by the name style-fixes.ts knows it by (a citation-js built-in or a Debian file name).
 *
 * Titles: AMA sentence-cases the titles of articles (AMA 11 §3.9.1) but writes documents and web pages in headline
 * case; MLA and Chicago use headline case, which the records keep.
 *
 * An organisation as author and publisher: APA 7 omits the publisher or site name when it is the author (§9.24);
 * MLA 9 begins the entry with the title and names the organisation as publisher only; Cite Them Right's web page has
 * no publisher at all ("Organisation (Year) Title. Available at: URL (Accessed: date)"), and Chicago names a site's
 * owner only when it is not the author, so Harvard and Chicago leave the repeated name out of a web page. Citing
 * Medicine (Vancouver) repeats the organisation as publisher, and AMA prints no publisher for a web page.
 */
const RULES: Readonly<Record<string, StyleRules>> = {
  apa: { titles: { subtitle: 'capital' }, organisation: { omit: 'publisher' }, initials: true },
  harvard1: { titles: { subtitle: 'lower' }, organisation: { omit: 'publisher', types: ['webpage'] }, initials: true },
  vancouver: { titles: { subtitle: 'lower' }, initials: true },
  'american-medical-association': {
    titles: { types: ['article-journal', 'article', 'chapter'], subtitle: 'lower' },
    initials: true,
  },
  'chicago-author-date': { organisation: { omit: 'publisher', types: ['webpage'] } },
  'modern-language-association': { organisation: { omit: 'author' } },
}

/** A CSL record as the rules read it. @internal */
export type CslFields = { readonly [key: string]: unknown }

/** A name compared for sameness: case, spacing and a leading "The" aside. */
const sameName = (a: unknown, b: unknown): boolean => {
  const norm = (s: unknown) =>
    typeof s === 'string' ? s.replace(/\s+/g, ' ').trim().replace(/^the /i, '').toLowerCase() : undefined
  const x = norm(a)
  return x !== undefined && x !== '' && x === norm(b)
}

function casedTitle(csl: CslFields, casing: TitleCasing | undefined): CslFields {
  if (casing === undefined || typeof csl.title !== 'string') return csl
  if (casing.types !== undefined && !casing.types.includes(String(csl.type))) return csl
  const cased = sentenceCase(csl.title, casing.subtitle)
  return cased === csl.title ? csl : { ...csl, title: cased }
}

function organisationOnce(csl: CslFields, rule: OrganisationAsPublisher | undefined): CslFields {
  if (rule === undefined || (rule.types !== undefined && !rule.types.includes(String(csl.type)))) return csl
  const authors = csl.author
  if (!Array.isArray(authors) || authors.length !== 1) return csl
  const organisation = (authors[0] as { literal?: unknown } | null)?.literal
  if (typeof organisation !== 'string') return csl
  if (rule.omit === 'author') {
    if (!sameName(organisation, csl.publisher)) return csl
    const { author: _author, ...rest } = csl
    return rest
  }
  const repeated = (['publisher', 'container-title'] as const).filter((k) => sameName(organisation, csl[k]))
  if (repeated.length === 0) return csl
  return Object.fromEntries(Object.entries(csl).filter(([k]) => !(repeated as readonly string[]).includes(k)))
}

/**
 * A record whose one author is an organisation without the publisher (or site) that repeats it: what APA does, and
 * what the exports do, since Pandoc's and Zotero's styles print both ("U.S. Food and Drug Administration. 2023. … U.S.
 * Food and Drug Administration.").
 * @internal
 */
export function withoutRepeatedOrganisation<T extends object>(csl: T): T {
  return organisationOnce(csl as CslFields, { omit: 'publisher' }) as T
}

/** A lone capital in a given name, between the start or a space or hyphen and the end or a space or hyphen. */
const BARE_INITIAL = /(^|[\s\u002d\u2010\u2011])(\p{Lu})(?=$|[\s\u002d\u2010\u2011])/gu

/**
 * Given names with an initial written without its full stop ("Jennifer W", "Lawrence T") as every style expects an
 * initial ("Jennifer W.", "Lawrence T."): the records keep each name as the source printed it (PubMed writes no
 * stops), and styles that print given names in full (Chicago, MLA) would print "Jennifer W" beside "Samuel T.".
 * Styles that initialise names print the same either way; citeproc does not double the stop before its own period.
 * The exports give shipped records the same stops (Zotero and Pandoc print the names as they get them).
 * @internal
 */
export function initialsWithStops(csl: CslFields): CslFields {
  return withGivenNames(csl, givenWithStops)
}

/** A given name with each bare initial given its full stop ("Carlos A" → "Carlos A."). @internal */
export function givenWithStops(given: string): string {
  return given.replace(BARE_INITIAL, '$1$2.')
}

/**
 * A person's name as the list of people (data/vocab/people.yaml) and its checks compare names: "family|given", with
 * the initials' stops ("Krupitsky|E. M." for "E. M" too).
 * @internal
 */
export function nameKey(family: unknown, given: string): string {
  return `${String(family)}|${givenWithStops(given)}`
}

/**
 * The record with each author's given name rewritten by `rewrite` (which also sees the family name), or the same
 * object when none changes.
 * @internal
 */
export function withGivenNames(csl: CslFields, rewrite: (given: string, family: unknown) => string): CslFields {
  const authors = csl.author
  if (!Array.isArray(authors)) return csl
  let changed = false
  const named = authors.map((name: unknown) => {
    const given = (name as { given?: unknown } | null)?.given
    if (typeof given !== 'string') return name
    const written = rewrite(given, (name as { family?: unknown }).family)
    if (written === given) return name
    changed = true
    return { ...(name as object), given: written }
  })
  return changed ? { ...csl, author: named } : csl
}

/** A lower-case letter that opens the second part of a hyphenated given name ("Peng-fei"). */
const HYPHEN_LOWER = /([\u002d\u2010\u2011])(\p{Ll})/gu

/**
 * Given names whose second part starts in lower case ("Peng-fei", as the Chinese given name is often romanised) with
 * that part capitalised, for the styles that print initials: citeproc-js takes a lower-case part for a particle and
 * printed "Cheng P fei" in Vancouver and "Cheng, P." in APA; NLM gives each part an initial ("Cheng PF"), APA and
 * Cite Them Right one with its stop ("Cheng, P.-F."). Styles that print given names in full keep the name as stored.
 */
function hyphenInitials(csl: CslFields): CslFields {
  return withGivenNames(csl, (given) =>
    given.replace(HYPHEN_LOWER, (_, hyphen: string, letter: string) => hyphen + letter.toUpperCase()),
  )
}

/**
 * A shipped record's CSL as a style prints it (see the rules above), or the same object when nothing changes.
 * `styleName` is the name style-fixes.ts knows the style by; a style registered by the user has no rules of its own,
 * but its initials get their stops as in every style.
 * @internal
 */
export function recordForStyle<T extends object>(csl: T, styleName: string | undefined): T {
  const rules = styleName === undefined ? undefined : RULES[styleName]
  const stopped = initialsWithStops(csl as CslFields)
  if (rules === undefined) return stopped as T
  const named = rules.initials === true ? hyphenInitials(stopped) : stopped
  return organisationOnce(casedTitle(named, rules.titles), rules.organisation) as T
}
