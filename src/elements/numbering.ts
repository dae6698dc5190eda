// Page-wide numbers for the numeric styles (AMA, Vancouver). Each element renders on its own, but a numbered
// citation means something only against the page's reference list: the first study cited on the page is 1, the next
// new one 2, in the order the elements stand in the page. This chunk loads only on a page that uses such a style.
import type { CitationSession, StyleCitations } from '../citations/index'
import { studyLabels } from '../generated/study-labels'

/** One numbered style's citations on the page, built from every element that cites in it, in page order. */
export interface PageNumbering {
  /** The session every citation of the page went through: `numberOf`, narrative citations, the bibliography. */
  readonly session: CitationSession
  /**
   * Each `<kap-cite>`'s in-text citation (kap-literature's own escaped HTML), and the accessible name of its button,
   * which says what the number stands for: "Reference 1: Dore et al. 2019".
   */
  readonly citations: ReadonlyMap<Element, readonly [html: string, name: string]>
  /**
   * A new session that has cited what the page cites, in the same order: for a reference list or a verdict note,
   * which cite more without moving the page's numbers.
   */
  readonly fork: () => CitationSession
  /** The elements' parser of kap-literature's own escaped HTML (through their Trusted Types policy). */
  readonly parse: (html: string) => DocumentFragment
}

/** Counts changes of the page's elements: the numbering is worked out again after each. */
let version = 0
/** A numbering, and the studies it left out because their references did not load. */
interface Numbered {
  readonly numbering: PageNumbering
  readonly skipped: readonly string[]
}
/** Each style's numbering of the page as it stands (`version`), kept from when it starts, so that it is worked once. */
let cache: { version: number; style: string; value: Promise<Numbered> }[] = []

/** An element's style as `loadStyle` reads it. */
const styleOf = (e: Element): string => (e.getAttribute('style-name') ?? '').trim().toLowerCase() || 'apa'

/** The elements whose output depends on the page's numbering. */
const NUMBERED = /^(?:ama|vancouver)$/

/**
 * Numbers the page's citations in one numeric style: every `<kap-cite>` and `<kap-claim>` of the document in that
 * style, in document order, cites its studies through one session (elements inside another element's shadow root are
 * not seen and number on their own). Worked out once per change of the page: the first call hooks into the elements,
 * which from then on report every element that comes, goes or changes, and every numbered element renders again.
 * @param style - the style's citations
 * @param need - loads the references of the ids given (the script-tag build loads one file per record) and tells
 *   which loaded: an element whose references did not load is left out (it shows its own error), and once they load
 *   the page is numbered again
 * @param parseIds - reads a `<kap-cite>`'s `ids` (throws on a bad one, which then cites nothing)
 * @param citable - whether a study can be cited (a lead cannot)
 * @param hook - installs the elements' change report
 * @param claims - loads the claims' facts (the elements' loader, which turns a failed load into `LOAD_FAILED`)
 * @param parse - the elements' parser of their own escaped HTML (through their Trusted Types policy)
 * @returns the session and each `<kap-cite>`'s citation
 * @internal
 */
export async function pageNumbering(
  style: StyleCitations,
  need: (ids: readonly string[]) => Promise<ReadonlySet<string>>,
  parseIds: (value: string | null) => readonly string[],
  citable: (id: string) => boolean,
  hook: (report: (element: Element) => void) => void,
  claims: () => Promise<typeof import('./claim-data')>,
  parse: (html: string) => DocumentFragment,
): Promise<PageNumbering> {
  const report = (changed: Element | null): void => {
    version++
    for (const e of document.querySelectorAll<Element & { schedule?: () => void }>('kap-cite,kap-claim,kap-reference'))
      if (e !== changed && NUMBERED.test(styleOf(e))) e.schedule?.()
  }
  hook(report)
  const { claimFacts } = await claims()
  const hit = cache.find((c) => c.version === version && c.style === style.style)
  if (hit !== undefined) {
    const done = await hit.value
    if (done.skipped.length === 0) return done.numbering
    // Some references had not loaded when the page was numbered: once they have, it is numbered again, and every
    // numbered element renders again with it.
    if ((await need(done.skipped)).size < done.skipped.length) return done.numbering
    if (cache.some((c) => c.version === version && c.style === style.style && c.value === hit.value)) report(null)
    const again = cache.find((c) => c.version === version && c.style === style.style)
    if (again !== undefined) return (await again.value).numbering
  }
  // Worked once per change of the page and style: the elements that ask while it is worked wait for the same result.
  const value = numberPage(style, need, parseIds, citable, claimFacts, parse)
  cache = [...cache.filter((c) => c.version === version), { version, style: style.style, value }]
  return (await value).numbering
}

/** Numbers the page as it stands: each numbered element in document order, those whose references loaded. */
async function numberPage(
  style: StyleCitations,
  need: (ids: readonly string[]) => Promise<ReadonlySet<string>>,
  parseIds: (value: string | null) => readonly string[],
  citable: (id: string) => boolean,
  claimFacts: (typeof import('./claim-data'))['claimFacts'],
  parse: (html: string) => DocumentFragment,
): Promise<Numbered> {
  const idsOf = (e: Element): readonly string[] => {
    try {
      if (e.localName === 'kap-cite') return parseIds(e.getAttribute('ids'))
      const claim = (claimFacts as Record<string, (typeof claimFacts)[keyof typeof claimFacts] | undefined>)[
        (e.getAttribute('claim') ?? '').trim().toLowerCase()
      ]
      return (claim?.evidence ?? []).map(([study]) => study as string).filter(citable)
    } catch {
      return []
    }
  }
  const elements = [...document.querySelectorAll('kap-cite,kap-claim')]
    .filter((e) => styleOf(e) === style.style)
    .map((e) => [e, idsOf(e)] as const)
    .filter(([, ids]) => ids.length > 0)
  const wanted = [...new Set(elements.flatMap(([, ids]) => ids))]
  const loaded = await need(wanted)
  const session = style.createCitationSession({ format: 'html' })
  const citations = new Map<Element, readonly [string, string]>()
  for (const [element, ids] of elements) {
    if (!ids.every((id) => loaded.has(id))) continue
    const html = session.cite(ids)
    if (element.localName === 'kap-cite') citations.set(element, [html, citationName(parse(html), ids, session)])
  }
  const cited = session.cited()
  const fork = (): CitationSession => {
    const copy = style.createCitationSession({ format: 'html' })
    if (cited.length > 0) copy.cite(cited)
    return copy
  }
  return { numbering: { session, citations, fork, parse }, skipped: wanted.filter((id) => !loaded.has(id)) }
}

/**
 * The accessible name of a numbered citation: its numbers as shown (without brackets), then each study it cites by
 * author and year, in the order of their numbers: "Reference 1: Dore et al. 2019", "References 1,2: Wilkinson et al.
 * 2021; Dore et al. 2019". A number alone says nothing of what it cites.
 */
function citationName(citation: DocumentFragment, ids: readonly string[], session: CitationSession): string {
  const shown = citation.textContent!.replace(/[()[\]]/g, '')
  const studies = [...ids]
    .sort((a, b) => session.numberOf(a)! - session.numberOf(b)!)
    .map((id) => studyLabels[id] ?? id)
  return `Reference${ids.length > 1 ? 's' : ''} ${shown}: ${studies.join('; ')}`
}

/**
 * A numbered reference list of `ids` that keeps the page's numbers: the studies the page cites keep theirs, the
 * others follow, numbered on; only `ids` are listed.
 * @param page - the page's numbering in the list's style
 * @param ids - the studies to list
 * @returns the list, as a fragment of kap-literature's own escaped HTML
 * @internal
 */
export function numberedList(page: PageNumbering, ids: readonly string[]): DocumentFragment {
  const session = page.fork()
  const uncited = ids.filter((id) => session.numberOf(id) === undefined)
  if (uncited.length > 0) session.cite(uncited)
  const list = page.parse(session.bibliography())
  for (const li of list.querySelectorAll('li[data-kap-id]'))
    if (!ids.includes(li.getAttribute('data-kap-id') ?? '')) li.remove()
  return list
}
