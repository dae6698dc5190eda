/**
 * Drop-in web components for pages that can only paste a script tag: `<kap-reference>`, `<kap-cite>`, `<kap-claim>`,
 * `<kap-search>` and `<kap-evidence-map>`. Standard custom elements with shadow DOM, no framework, no network.
 *
 * Importing this entry defines the elements when the page has a `customElements` registry, and does nothing at all
 * in Node (server rendering is safe). It is browser ESM only: there is no CommonJS build of it. The style tables, the
 * search index, the verdict notes and the evidence map are loaded on demand, each from its own chunk.
 *
 * Every piece of record text reaches the page as a text node or inside kap-literature's own escaped HTML (references
 * and the evidence map); nothing uses inline scripts or `style` attributes, and the elements' styles are constructed
 * stylesheets, so a strict Content-Security-Policy needs no `unsafe-inline`. Theme them with CSS custom properties
 * (`--kap-accent`, `--kap-font`, `--kap-radius`, `--kap-popover-bg`, `--kap-popover-color`) and `::part()`
 * (`citation`, `popover`, `badge`, `list`, `statement`, `note`, `input`, `filter`, `results`, `error`). A bad attribute (an unknown id, style or topic) shows a
 * visible one-line error in the element, sets its `error` property to the `KapLiteratureError` and fires a
 * `kap-error` event; it never throws into the page.
 * @example
 * ```ts
 * import { defineElements, elementNames } from 'kap-literature/elements'
 * defineElements() // already done on import in a browser; a no-op in Node
 * console.log(elementNames.join(', ')) // 'kap-reference, kap-cite, kap-claim, kap-search, kap-evidence-map'
 * ```
 * @packageDocumentation
 */
import { describeValue, KapLiteratureError } from '../errors'
import { factLabels, studyFacts } from '../generated/facts'
import {
  claimIds,
  sourceIds,
  studyIds,
  topicTerms,
  type ClaimId,
  type SourceId,
  type StudyId,
  type Topic,
} from '../generated/ids'
import type { CitationStyle, StyleCitations } from '../citations/index'
import type { ClaimDetail } from '../types'
import { closest } from '../suggest'
import { VERDICT_COLOURS } from '../verdict-colours'

/**
 * The tag names this entry defines.
 * @example
 * ```ts
 * import { elementNames } from 'kap-literature/elements'
 * elementNames.includes('kap-cite') // true
 * ```
 */
export const elementNames = Object.freeze([
  'kap-reference',
  'kap-cite',
  'kap-claim',
  'kap-search',
  'kap-evidence-map',
] as const)

/** The styles the elements' `style-name` attribute accepts. */
const STYLE_LOADERS: Readonly<Record<CitationStyle, () => Promise<StyleCitations>>> = {
  apa: () => import('../citations/apa').then((m) => m.apa),
  ama: () => import('../citations/ama').then((m) => m.ama),
  vancouver: () => import('../citations/vancouver').then((m) => m.vancouver),
  harvard: () => import('../citations/harvard').then((m) => m.harvard),
  chicago: () => import('../citations/chicago').then((m) => m.chicago),
  mla: () => import('../citations/mla').then((m) => m.mla),
}

/** The styles whose in-text citations are numbers, shared by every element of the page (see ./numbering). */
const NUMERIC: ReadonlySet<string> = new Set(['ama', 'vancouver'])

/** The error for an attribute naming no known style, study or claim, with the closest known one as hint. */
function unknownError(
  code: 'UNKNOWN_STYLE' | 'UNKNOWN_ID',
  kind: string,
  value: string,
  known: readonly string[],
): KapLiteratureError {
  // An id of the other kind (a claim in ids=, a study in claim=, a clinic page): say which element shows it.
  const other = claimIds.includes(value as ClaimId)
    ? 'a claim: use <kap-claim claim=…>'
    : studyIds.includes(value as StudyId)
      ? 'a study: use <kap-cite> or <kap-reference>'
      : sourceIds.includes(value as SourceId)
        ? 'a clinic page, which the elements do not show'
        : undefined
  if (other !== undefined && code === 'UNKNOWN_ID')
    return new KapLiteratureError('UNKNOWN_ID', `"${value}" is ${other}`, { value, hint: other })
  const hint = closest(value, known)
  return new KapLiteratureError(
    code,
    `unknown ${kind} "${value.slice(0, 60)}"${hint === undefined ? '' : ` (did you mean "${hint}"?)`}`,
    {
      value,
      // A style's list is short enough to offer; ids are too many, so an id without a close match gets no hint.
      hint: hint ?? (code === 'UNKNOWN_STYLE' ? `use one of ${known.join(', ')}` : undefined),
    },
  )
}

/**
 * Loads the citation table of a style for the elements, or fails with a typed error naming the closest style.
 * @param name - the `style-name` attribute (default `apa`)
 * @returns the style's formatter
 * @throws `KapLiteratureError` `UNKNOWN_STYLE` for a style the elements do not know
 * @example
 * ```ts
 * import { loadStyle } from 'kap-literature/elements'
 * const apa = await loadStyle('apa')
 * apa.formatCitation('dore-2019') // '(Dore et al., 2019)'
 * ```
 */
export async function loadStyle(name: string | null | undefined): Promise<StyleCitations> {
  if (name !== null && name !== undefined && typeof name !== 'string')
    throw new KapLiteratureError('INVALID_ARGUMENT', `a style name must be text, got ${describeValue(name)}`, {
      value: name,
    })
  const style = (name ?? 'apa').trim().toLowerCase() || 'apa'
  const loader = Object.hasOwn(STYLE_LOADERS, style) ? STYLE_LOADERS[style as CitationStyle] : undefined
  if (loader === undefined) throw unknownError('UNKNOWN_STYLE', 'style', style, Object.keys(STYLE_LOADERS))
  return loader()
}

/**
 * The study ids of an `ids` attribute (space- or comma-separated), each checked: a shipped study that can be cited.
 * @param value - the attribute's text
 * @returns the ids, in order, without repeats
 * @throws `KapLiteratureError` `UNKNOWN_ID` for an id that is no study (with the closest as hint), `INVALID_RECORD`
 * for a study kept as a lead, `INVALID_ARGUMENT` for an empty list
 * @example
 * ```ts
 * import { parseIds } from 'kap-literature/elements'
 * parseIds('dore-2019, wilkinson-2021') // ['dore-2019', 'wilkinson-2021']
 * ```
 */
export function parseIds(value: string | null | undefined): StudyId[] {
  if (value !== null && value !== undefined && typeof value !== 'string')
    throw new KapLiteratureError('INVALID_ARGUMENT', `the ids attribute must be text, got ${describeValue(value)}`, {
      value,
    })
  const words = (value ?? '').split(/[\s,]+/).filter((w) => w !== '')
  if (words.length === 0)
    throw new KapLiteratureError('INVALID_ARGUMENT', 'the ids attribute names no study', {
      value: value ?? '',
      hint: 'e.g. ids="dore-2019 wilkinson-2021"',
    })
  const out: StudyId[] = []
  for (const w of words.slice(0, 100)) {
    const id = w.toLowerCase()
    if (!Object.hasOwn(studyFacts, id)) {
      if ((studyIds as readonly string[]).includes(id))
        throw new KapLiteratureError('INVALID_RECORD', `study "${id}" cannot be cited: its details are incomplete`, {
          value: id,
        })
      throw unknownError('UNKNOWN_ID', 'study', id, Object.keys(studyFacts))
    }
    if (!out.includes(id as StudyId)) out.push(id as StudyId)
  }
  return out
}

// Links, citations and focus rings take the page's own text colour unless --kap-accent says otherwise: no one colour
// reads on both light and dark pages (#0b57d0 has 2.9:1 on #121212). Badges are coloured text on their own white.
const BASE_CSS = `:host{font-family:var(--kap-font,inherit);color:inherit}
.error{display:block;margin:0;padding:.25em .5em;border-left:3px solid #b3261e;background:#fdecea;color:#5f1411;font-size:.9em}
a{color:var(--kap-accent,inherit)}
.badge{display:inline-block;padding:.05em .5em;border-radius:var(--kap-radius,.75em);font-size:.8em;font-weight:600;
border:1px solid currentColor;background:#fff}
${Object.entries(VERDICT_COLOURS)
  .map(([verdict, colour]) => `.badge[data-verdict=${verdict}]{color:${colour}}`)
  .join('')}
button{font:inherit;cursor:pointer}
:focus-visible{outline:2px solid var(--kap-accent,currentColor);outline-offset:2px}
.kap-ref{margin:.25em 0 .5em}div.kap-ref{padding-left:2em;text-indent:-2em}`

let sheets: Map<string, CSSStyleSheet | undefined> | undefined

/** A constructed stylesheet (no `<style>` element, so no `unsafe-inline`), shared by every element of a kind. */
function sheet(key: string, css: string): CSSStyleSheet | undefined {
  sheets ??= new Map()
  if (!sheets.has(key)) {
    let s: CSSStyleSheet | undefined
    try {
      s = new CSSStyleSheet()
      s.replaceSync(`${BASE_CSS}\n${css}`)
    } catch {
      s = undefined
    }
    sheets.set(key, s)
  }
  return sheets.get(key)
}

/** Creates an element with attributes and text children (never HTML). */
function h(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const e = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v)
  e.append(...children)
  return e
}

/** Inserts HTML that kap-literature generated and escaped itself (references, the evidence map). */
function ownHtml(html: string): DocumentFragment {
  return document.createRange().createContextualFragment(html)
}

const label = (kind: keyof typeof factLabels, id: string | undefined): string =>
  id === undefined ? '' : (factLabels[kind][id] ?? id)

/**
 * What every element of this entry adds to `HTMLElement`. The tag names map to their elements in TypeScript's
 * `HTMLElementTagNameMap`, and `kap-error` to {@link KapErrorEvent} in its event maps, so `querySelector` and
 * `addEventListener` are typed once the entry is imported (`import 'kap-literature/elements'`, or
 * `import type {} from 'kap-literature/elements'` on a page that loads the script-tag build).
 * @example
 * ```ts
 * import type { KapElement } from 'kap-literature/elements'
 * const codeOf = (element: KapElement) => element.error?.code // e.g. 'UNKNOWN_ID' for an unknown study
 * ```
 */
export interface KapElement extends HTMLElement {
  /**
   * The error the element shows, or `undefined` while it shows what it should: a bad attribute (`UNKNOWN_ID`,
   * `UNKNOWN_STYLE`, `INVALID_ARGUMENT`, `INVALID_RECORD`).
   */
  readonly error: KapLiteratureError | undefined
}

/**
 * `<kap-reference ids="…" style-name="…">`: a reference list.
 * @example
 * ```ts
 * import type { KapReferenceElement } from 'kap-literature/elements'
 * const failed = (list: KapReferenceElement) => list.error !== undefined
 * ```
 */
export interface KapReferenceElement extends KapElement {}

/**
 * `<kap-cite ids="…" style-name="…">`: an in-text citation that opens the full references.
 * @example
 * ```ts
 * import type { KapCiteElement } from 'kap-literature/elements'
 * const hint = (cite: KapCiteElement) => cite.error?.hint
 * ```
 */
export interface KapCiteElement extends KapElement {}

/**
 * `<kap-claim claim="…" style-name="…">`: a claim with its verdict, its studies and the verdict note.
 * @example
 * ```ts
 * import type { KapClaimElement } from 'kap-literature/elements'
 * const unknown = (claim: KapClaimElement) => claim.error?.code === 'UNKNOWN_ID'
 * ```
 */
export interface KapClaimElement extends KapElement {}

/**
 * `<kap-search style-name="…" placeholder="…" topic="…" full-text>`: a search box.
 * @example
 * ```ts
 * import type { KapSearchElement } from 'kap-literature/elements'
 * const unknownTopic = (box: KapSearchElement) => box.error?.code === 'UNKNOWN_ID'
 * ```
 */
export interface KapSearchElement extends KapElement {}

/**
 * `<kap-evidence-map topic="…">`: the evidence map of a topic.
 * @example
 * ```ts
 * import type { KapEvidenceMapElement } from 'kap-literature/elements'
 * const message = (map: KapEvidenceMapElement) => map.error?.message
 * ```
 */
export interface KapEvidenceMapElement extends KapElement {}

/**
 * The `kap-error` event: `detail` is the element's error (as its `error` property). It bubbles from the element, out
 * of shadow roots, once the page has loaded, so a listener on `document` added by any script of the page hears it.
 * @example
 * ```ts
 * import type { KapErrorEvent } from 'kap-literature/elements'
 * const log = (event: KapErrorEvent) => console.warn(event.detail.code, event.detail.message, event.target)
 * ```
 */
export type KapErrorEvent = CustomEvent<KapLiteratureError>

declare global {
  interface HTMLElementTagNameMap {
    'kap-reference': KapReferenceElement
    'kap-cite': KapCiteElement
    'kap-claim': KapClaimElement
    'kap-search': KapSearchElement
    'kap-evidence-map': KapEvidenceMapElement
  }
  interface GlobalEventHandlersEventMap {
    'kap-error': KapErrorEvent
  }
}

let defined = false
/** Set by ./numbering once the page uses a numeric style: told when an element comes, goes or changes. */
let renumber: ((element: Element) => void) | undefined

/**
 * Defines the elements in the page's `customElements` registry; does nothing where there is none (Node, workers) or
 * when they are defined already. The entry calls it on import.
 * @returns whether the elements are defined now
 * @example
 * ```ts
 * import { defineElements } from 'kap-literature/elements'
 * defineElements() // false in Node: nothing to define into
 * ```
 */
export function defineElements(): boolean {
  if (typeof customElements === 'undefined' || typeof HTMLElement === 'undefined') return false
  if (defined) return true
  defined = true

  abstract class Base extends HTMLElement implements KapElement {
    /** The error of the last render, for programmatic use; `undefined` when it rendered. */
    error: KapLiteratureError | undefined
    protected readonly root: ShadowRoot
    private renderId = 0

    constructor(css: string, key: string) {
      super()
      this.root = this.attachShadow({ mode: 'open' })
      const s = sheet(key, css)
      if (s !== undefined) this.root.adoptedStyleSheets = [s]
    }
    private queued = false
    connectedCallback(): void {
      this.schedule()
      renumber?.(this)
    }
    disconnectedCallback(): void {
      renumber?.(this)
    }
    attributeChangedCallback(): void {
      if (this.isConnected) {
        this.schedule()
        renumber?.(this)
      }
    }
    /** One render for all the attribute changes of a task (an upgrade reports each attribute, then connects). */
    schedule(): void {
      if (this.queued) return
      this.queued = true
      queueMicrotask(() => {
        this.queued = false
        void this.update()
      })
    }
    /** Renders; a KapLiteratureError (or anything else) becomes the visible one-line error. */
    private async update(): Promise<void> {
      const mine = ++this.renderId
      try {
        const nodes = await this.render()
        if (mine !== this.renderId) return
        this.error = undefined
        this.root.replaceChildren(...nodes)
      } catch (e) {
        if (mine !== this.renderId) return
        const error =
          e instanceof KapLiteratureError
            ? e
            : new KapLiteratureError('INVALID_ARGUMENT', `${this.localName} could not render`, { value: undefined })
        this.error = error
        this.root.replaceChildren(h('p', { part: 'error', class: 'error', role: 'alert' }, error.message))
        this.dispatchEvent(new CustomEvent('kap-error', { detail: error, bubbles: true, composed: true }))
      }
    }
    protected abstract render(): Promise<Node[]>
  }

  /** The page's numbering in a numeric style (its own chunk, loaded only by a page that uses one). */
  const numbering = async (style: StyleCitations) =>
    (await import('./numbering')).pageNumbering(
      style,
      parseIds,
      (id) => studyFacts[id as StudyId] !== undefined,
      (hook) => (renumber = hook),
    )

  class KapReference extends Base {
    static readonly observedAttributes = ['ids', 'style-name']
    constructor() {
      super('', 'reference')
    }
    protected async render(): Promise<Node[]> {
      const ids = parseIds(this.getAttribute('ids'))
      const style = await loadStyle(this.getAttribute('style-name'))
      if (!NUMERIC.has(style.style))
        return [h('div', { part: 'list' }, ownHtml(style.formatBibliography(ids, { format: 'html' })))]
      // Numbered as the page cites them.
      const [page, { numberedList }] = await Promise.all([numbering(style), import('./numbering')])
      return [h('div', { part: 'list' }, numberedList(page, ids))]
    }
  }

  const POPOVER_CSS = `:host{display:inline;position:relative}
button.cite{background:none;border:0;padding:0;color:var(--kap-accent,inherit);text-decoration:underline dotted}
.popover{position:absolute;z-index:10;left:0;top:1.6em;width:min(32em,90vw);padding:.75em 1em;border:1px solid #999;
border-radius:var(--kap-radius,.5em);background:var(--kap-popover-bg,#fff);color:var(--kap-popover-color,#111);box-shadow:0 4px 16px #0003;font-size:.95em}
.popover a{color:inherit}.popover[hidden]{display:none}.meta{font-size:.9em;opacity:.8;margin:.25em 0 .75em}
@media(max-width:36em){.popover{position:fixed;left:.5em;right:.5em;top:auto;bottom:.5em;width:auto;max-height:70vh;overflow-y:auto}}
.close{float:right;background:none;border:0;font-size:1.1em;line-height:1}`

  class KapCite extends Base {
    static readonly observedAttributes = ['ids', 'style-name']
    private button: HTMLButtonElement | undefined
    private panel: HTMLElement | undefined
    constructor() {
      super(POPOVER_CSS, 'cite')
      this.root.addEventListener('keydown', (e) => {
        if ((e as KeyboardEvent).key === 'Escape' && this.panel !== undefined && !this.panel.hidden) {
          e.stopPropagation()
          this.toggle(false)
        }
      })
    }
    private toggle(open: boolean): void {
      if (this.button === undefined || this.panel === undefined) return
      this.panel.hidden = !open
      this.button.setAttribute('aria-expanded', String(open))
      if (open) this.panel.focus()
      else this.button.focus()
    }
    protected async render(): Promise<Node[]> {
      const ids = parseIds(this.getAttribute('ids'))
      const style = await loadStyle(this.getAttribute('style-name'))
      const popoverId = 'kap-cite-popover'
      const numbered = NUMERIC.has(style.style) ? (await numbering(style)).citations.get(this) : undefined
      const button = h(
        'button',
        { part: 'citation', class: 'cite', type: 'button', 'aria-expanded': 'false', 'aria-controls': popoverId },
        numbered === undefined ? style.formatCitation(ids) : ownHtml(numbered),
      ) as HTMLButtonElement
      const entries = ids.flatMap((id) => {
        const [design, n, certainty] = studyFacts[id]!
        const facts = [design, n === null ? '' : `n = ${n}`, `certainty: ${certainty}`].filter((x) => x !== '')
        return [
          h('div', { class: 'ref' }, ownHtml(style.formatReference(id, { format: 'html' }))),
          h('p', { class: 'meta' }, facts.join(' · ')),
        ]
      })
      const close = h('button', { class: 'close', type: 'button', 'aria-label': 'Close' }, '×')
      const panel = h(
        'div',
        { part: 'popover', class: 'popover', id: popoverId, role: 'dialog', 'aria-label': 'Reference', tabindex: '-1' },
        close,
        ...entries,
      )
      panel.hidden = true
      button.addEventListener('click', () => this.toggle(panel.hidden === true))
      close.addEventListener('click', () => this.toggle(false))
      this.button = button
      this.panel = panel
      return [button, panel]
    }
  }

  const CLAIM_CSS = `:host{display:block}.statement{margin:.25em 0}.studies{margin:.25em 0;padding-left:1.25em}
.note{margin:.5em 0;font-size:.95em}details summary{cursor:pointer}`

  class KapClaim extends Base {
    static readonly observedAttributes = ['claim', 'style-name']
    constructor() {
      super(CLAIM_CSS, 'claim')
    }
    protected async render(): Promise<Node[]> {
      const raw = (this.getAttribute('claim') ?? '').trim().toLowerCase()
      if (!(claimIds as readonly string[]).includes(raw)) throw unknownError('UNKNOWN_ID', 'claim', raw, claimIds)
      // Claims' statements and evidence links load only with the elements that show them (not the record cores).
      const [{ claimFacts, claimStatements }, style] = await Promise.all([
        import('./claim-data'),
        loadStyle(this.getAttribute('style-name')),
      ])
      const id = raw as ClaimId
      const claim = claimFacts[id]
      // In a numeric style, the page's numbers (the session has cited this claim's studies already).
      const numbered = NUMERIC.has(style.style) ? await numbering(style) : undefined
      const page = numbered?.session
      const studies = claim.evidence
        .filter(([study]) => studyFacts[study] !== undefined)
        .map(([study, relation]) =>
          h(
            'li',
            {},
            page === undefined
              ? style.formatCitation(study, { narrative: true })
              : ownHtml(page.cite(study, { narrative: true })),
            `: ${label('relations', relation).toLowerCase()}`,
          ),
        )
      const note = h('div', { part: 'note', class: 'note' })
      const details = h('details', {}, h('summary', {}, 'Why this verdict'), note)
      details.addEventListener(
        'toggle',
        () => {
          void (async () => {
            // Only this claim's detail chunk (and the claims' loader table), not the details entry.
            const [{ claimDetailLoaders }, { citeProse }] = await Promise.all([
              import('../generated/detail-loaders/claim'),
              import('../citations/prose'),
            ])
            const detail = (await claimDetailLoaders[id]!()).default as ClaimDetail
            const session = numbered?.fork() ?? style.createCitationSession({ format: 'html' })
            note.replaceChildren(ownHtml(citeProse(detail.verdictNote, session, 'html')))
          })()
        },
        { once: true },
      )
      return [
        h(
          'p',
          { part: 'statement', class: 'statement' },
          h('span', { part: 'badge', class: 'badge', 'data-verdict': claim.verdict }, label('verdicts', claim.verdict)),
          ' ',
          claimStatements[claimIds.indexOf(id)]!,
        ),
        details,
        ...(studies.length > 0 ? [h('ul', { part: 'list', class: 'studies' }, ...studies)] : []),
      ]
    }
  }

  class KapEvidenceMap extends Base {
    static readonly observedAttributes = ['topic']
    constructor() {
      super(':host{display:block;overflow-x:auto}svg{max-width:100%;min-width:45rem;height:auto}', 'map')
    }
    protected async render(): Promise<Node[]> {
      const { evidenceMap } = await import('../map/index')
      const topic = (this.getAttribute('topic') ?? '').trim().toLowerCase()
      return [h('div', { part: 'map' }, ownHtml(evidenceMap({ topic: topic as never, format: 'svg' })))]
    }
  }

  const SEARCH_CSS = `:host{display:block}input{font:inherit;padding:.3em .5em;width:100%;box-sizing:border-box}
ol{padding-left:1.25em}li{margin:.5em 0}.type{font-size:.8em;opacity:.75;text-transform:uppercase;letter-spacing:.04em}
mark{background:#fff3b0;color:#111}.status{font-size:.9em;opacity:.8}li .badge{margin-left:.5em}
.controls{display:flex;gap:.5em;align-items:center}select{font:inherit;padding:.25em}`

  class KapSearch extends Base {
    static readonly observedAttributes = ['style-name', 'placeholder', 'topic']
    constructor() {
      super(SEARCH_CSS, 'search')
    }
    protected async render(): Promise<Node[]> {
      // A page may keep the box to one topic (topic="safety"); the visitor narrows by kind of record.
      const topicAttr = this.getAttribute('topic')
      const topic = topicAttr === null ? undefined : topicAttr.trim().toLowerCase()
      if (topic !== undefined && !(topicTerms as readonly string[]).includes(topic))
        throw unknownError('UNKNOWN_ID', 'topic', topic, topicTerms)
      const style = await loadStyle(this.getAttribute('style-name'))
      const kind = h(
        'select',
        { part: 'filter', 'aria-label': 'Show' },
        h('option', { value: '' }, 'Everything'),
        h('option', { value: 'study' }, 'Studies'),
        h('option', { value: 'claim' }, 'Claims'),
        h('option', { value: 'source' }, 'Clinic pages'),
      ) as HTMLSelectElement
      const input = h('input', {
        part: 'input',
        type: 'search',
        'aria-label': 'Search the research',
        placeholder: this.getAttribute('placeholder') ?? 'e.g. PTSD, esketamine, Dore 2019',
        maxlength: '256',
      }) as HTMLInputElement
      const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' })
      const results = h('ol', { part: 'results' })
      let latest = 0
      const run = async (): Promise<void> => {
        const mine = ++latest
        const [{ search, didYouMean, loadFullText }, { claimFacts }] = await Promise.all([
          import('../search/index'),
          import('./claim-data'),
        ])
        // full-text: the rare words of every record's findings and notes as well (one more file, loaded once; from
        // then on every search box of the page uses them).
        if (this.hasAttribute('full-text')) await loadFullText()
        // Keystrokes outrun the first load of the index: only the newest query may render.
        if (mine !== latest) return
        const q = input.value
        // Studies kept as leads (their details are incomplete) are not listed: a page shows only what it can cite.
        const types = kind.value === '' ? undefined : (kind.value as 'study' | 'claim' | 'source')
        const options = {
          limit: 1000,
          ...(types === undefined ? {} : { types }),
          ...(topic === undefined ? {} : { topic: topic as Topic }),
        }
        // Every match is counted; the first ten are shown.
        const all = (q.trim() === '' ? [] : search(q, options)).filter(
          (r) => r.type !== 'study' || studyFacts[r.id] !== undefined,
        )
        const hits = all.slice(0, 10)
        results.replaceChildren(
          ...hits.map((r) => {
            const title = h('span', { class: 'title' })
            let at = 0
            for (const hl of r.highlights.filter((x) => x.field === 'title')) {
              title.append(r.title.slice(at, hl.start), h('mark', {}, r.title.slice(hl.start, hl.end)))
              at = hl.end
            }
            title.append(r.title.slice(at))
            const extra: Node[] = []
            if (r.type === 'study' && studyFacts[r.id] !== undefined)
              extra.push(h('div', {}, ownHtml(style.formatReference(r.id as StudyId, { format: 'html' }))))
            const verdict = r.type === 'claim' ? claimFacts[r.id].verdict : undefined
            if (verdict !== undefined)
              extra.push(h('span', { class: 'badge', 'data-verdict': verdict }, label('verdicts', verdict)))
            return h('li', {}, h('div', { class: 'type' }, r.type), title, ...extra)
          }),
        )
        const corrected = q.trim() === '' ? undefined : didYouMean(q)
        const count = `${all.length} result${all.length === 1 ? '' : 's'}`
        status.textContent =
          q.trim() === ''
            ? ''
            : `${count}${corrected === undefined ? '' : ` for “${corrected}”`}${all.length > 10 ? ', the first 10 shown' : ''}`
      }
      input.addEventListener('input', () => void run())
      kind.addEventListener('change', () => void run())
      return [h('div', { class: 'controls' }, input, kind), status, results]
    }
  }

  const classes: Record<(typeof elementNames)[number], CustomElementConstructor> = {
    'kap-reference': KapReference,
    'kap-cite': KapCite,
    'kap-claim': KapClaim,
    'kap-search': KapSearch,
    'kap-evidence-map': KapEvidenceMap,
  }
  for (const name of elementNames)
    if (customElements.get(name) === undefined) customElements.define(name, classes[name])
  return true
}

defineElements()
