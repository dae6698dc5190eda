/**
 * Drop-in web components for pages that can only paste a script tag: `<kap-reference>`, `<kap-cite>`, `<kap-claim>`,
 * `<kap-search>` and `<kap-evidence-map>`. Standard custom elements with shadow DOM, no framework, no network.
 *
 * Importing this entry defines the elements when the page has a `customElements` registry, and does nothing at all
 * in Node (server rendering is safe); its CommonJS build exists only so that such code can `require` it. The references, the
 * search index, the verdict notes and the evidence map are loaded on demand, each from its own chunk (the script-tag
 * build loads one file per reference shown).
 *
 * Every piece of record text reaches the page as a text node or inside kap-literature's own escaped HTML (references
 * and the evidence map); nothing uses inline scripts or `style` attributes, and the elements' styles are constructed
 * stylesheets, so a strict Content-Security-Policy needs no `unsafe-inline`. Theme them with CSS custom properties
 * (`--kap-accent`, `--kap-font`, `--kap-radius`, `--kap-popover-bg`, `--kap-popover-color`) and `::part()`
 * (`citation`, `popover`, `badge`, `list`, `statement`, `note`, `label`, `input`, `filter`, `results`, `error`,
 * `map`). A bad attribute (an unknown id, style or topic, or a mixed-up one such as `id` for `claim`) or a file that
 * could not be loaded (`LOAD_FAILED`: offline, or missing on the server; tried again on the next attempt) shows a
 * visible one-line error in the element, sets its `error` property to the `KapLiteratureError` and fires a `kap-error`
 * event once the page has loaded; it never throws into the page. Text written inside an element shows until it
 * renders (and without JavaScript).
 * @example
 * ```ts
 * import { defineElements, elementNames } from 'kap-literature/elements'
 * defineElements() // already done on import in a browser; a no-op in Node
 * console.log(elementNames.join(', ')) // 'kap-reference, kap-cite, kap-claim, kap-search, kap-evidence-map'
 * ```
 * @packageDocumentation
 */
import { describeValue, KapLiteratureError, notCitableError } from '../errors'
import { factLabels, studyFacts } from '../generated/facts'
import { claimIds, sourceIds, studyIds, topicTerms, type ClaimId, type SourceId, type StudyId } from '../generated/ids'
import type { CitableStudyId } from '../types'
import type { CitationStyle, StyleCitations } from '../citations/index'
import { closest } from '../suggest'
import { claimSource } from './claim-source'
import { styleSource } from './style-source'

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

/** What a `LOAD_FAILED` error advises. */
const LOAD_HINT = 'check the connection, and that all of dist/elements/ is on the server'

/**
 * The error for a file of the elements that did not load: `LOAD_FAILED`, with the browser's error as `cause` and the
 * file's address as `value` when the browser's message names it (Chromium's and Firefox's do). A kap-literature
 * error (a bad file's format version) is passed on as it is.
 */
function loadError(what: string, cause: unknown, address?: string): KapLiteratureError {
  if (cause instanceof KapLiteratureError) return cause
  const url = /\bhttps?:\/\/\S+\.js\b/.exec(String((cause as Error | undefined)?.message))?.[0] ?? address
  return new KapLiteratureError('LOAD_FAILED', `could not load ${what}${url === undefined ? '' : ` (${url})`}`, {
    value: url,
    hint: LOAD_HINT,
    cause,
  })
}

/**
 * One of the files the elements load on demand (a style table, the search index, the claims, a verdict note): loaded
 * once and kept; a load that fails is a `LOAD_FAILED` error and the next call tries again. Browsers remember a module
 * that failed to load and refuse it for the rest of the page's life, so the next try asks for the address the error
 * named with `?retry=<n>` (a file it imports that failed too stays refused until the page is reloaded). A file loaded by
 * its address (`address`) is retried there whatever the browser's message names.
 */
function lazy<T>(what: string, load: () => Promise<T>, address?: string): () => Promise<T> {
  let kept: Promise<T> | undefined
  let url: string | undefined
  let tries = 0
  /** How often the browser had come back online when this attempt started. */
  let at = 0
  return () =>
    (kept ??= ((at = onlines),
    url === undefined
      ? load()
      : (import(/* @vite-ignore */ /* webpackIgnore: true */ `${url}?retry=${++tries}`) as Promise<T>)).then(
      (value) => (setTimeout(retry), value),
      (e: unknown) => {
        kept = undefined
        // Elements that retried because the browser came back online while this attempt was under way joined it
        // instead of starting their own: they try again once more, with a fresh attempt. (Retries after a file loads
        // do not count, or two files that keep failing would set each other off for ever.)
        if (at !== onlines) setTimeout(retry)
        const error = loadError(what, e, address)
        if (error !== e) url = (error.value as string | undefined) ?? url
        throw error
      },
    ))
}

/** An element as the retries see it. */
type Retrying = { schedule(): void; readonly isConnected: boolean }
/** The elements whose files did not load (see {@link retry}). */
const retries = new Set<Retrying>()
/**
 * How often the browser came back online: a load that fails after it did tries again (see {@link lazy}), and so does
 * an element's part that failed while it did (see `failedPart`).
 */
let onlines = 0
/**
 * What the elements whose files did not load do to try again (render), run when the browser comes back online (then
 * counted) or a file of the elements loads (after whoever asked for it has used it): the server answers again, or the
 * file brought what the failed one would have (a style's whole table holds every reference whose own file failed).
 */
const retry = (online?: Event): void => (
  online && onlines++,
  // An element stays until it renders (a retry that comes while one is under way starts it again); one no longer in
  // the page is dropped (it renders again if it is put back).
  retries.forEach((e) => (e.isConnected ? e.schedule() : retries.delete(e)))
)

/** The styles the elements' `style-name` attribute accepts: each loads its module, which exports it by its name. */
const STYLE_LOADERS: Readonly<Record<CitationStyle, () => Promise<Record<string, unknown>>>> = {
  apa: () => import('../citations/apa'),
  ama: () => import('../citations/ama'),
  vancouver: () => import('../citations/vancouver'),
  harvard: () => import('../citations/harvard'),
  chicago: () => import('../citations/chicago'),
  mla: () => import('../citations/mla'),
}
const styleLoads = new Map<string, () => Promise<Record<string, unknown>>>()

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
  // A DOI where a study id goes: the page has the record, under its own id.
  if (code === 'UNKNOWN_ID' && kind === 'study' && /\b10\.\d{4,}\//.test(value))
    return new KapLiteratureError('UNKNOWN_ID', `${describeValue(value)} is a DOI, not a study id`, {
      value,
      hint: 'use its study id: kap-literature show <DOI> prints it',
    })
  const hint = closest(value, known)
  return new KapLiteratureError(
    code,
    `unknown ${kind} ${describeValue(value)}${hint === undefined ? '' : ` (did you mean "${hint}"?)`}`,
    {
      value,
      // A style's list is short enough to offer; ids are too many to list, so an id without a close match is to check.
      hint: hint ?? (code === 'UNKNOWN_STYLE' ? `use one of ${known.join(', ')}` : 'check the id'),
    },
  )
}

/**
 * Loads the citation table of a style for the elements, or fails with a typed error naming the closest style.
 * @param name - the `style-name` attribute (default `apa`)
 * @returns the style's formatter
 * @throws `KapLiteratureError` `UNKNOWN_STYLE` for a style the elements do not know, `LOAD_FAILED` when its table
 * could not be loaded (the next call tries again)
 * @example
 * ```ts
 * import { loadStyle } from 'kap-literature/elements'
 * const apa = await loadStyle('apa')
 * apa.formatCitation('dore-2019') // '(Dore et al., 2019)'
 * ```
 */
export async function loadStyle(name: string | null | undefined): Promise<StyleCitations> {
  const style = styleName(name)
  let load = styleLoads.get(style)
  if (load === undefined) styleLoads.set(style, (load = lazy(`the ${style} citations`, STYLE_LOADERS[style])))
  return (await load())[style] as StyleCitations
}

/** The style a `style-name` attribute names (default `apa`), or the typed error for one the elements do not know. */
function styleName(name: string | null | undefined): CitationStyle {
  if (name !== null && name !== undefined && typeof name !== 'string')
    throw new KapLiteratureError('INVALID_ARGUMENT', `a style name must be text, got ${describeValue(name)}`, {
      value: name,
    })
  const style = (name ?? 'apa').trim().toLowerCase() || 'apa'
  if (!Object.hasOwn(STYLE_LOADERS, style))
    throw unknownError('UNKNOWN_STYLE', 'style', style, Object.keys(STYLE_LOADERS))
  return style as CitationStyle
}

let source: ReturnType<typeof styleSource> | undefined
/**
 * Loads the references of `ids`, each on its own, and tells which loaded and the error of the first that did not: one
 * that does not load (offline, or missing on the server) leaves the others shown.
 */
const settle = async (
  style: string | null,
  ids: readonly string[],
): Promise<{ readonly loaded: ReadonlySet<string>; readonly failure?: unknown }> => {
  const results = await Promise.allSettled(ids.map((id) => styleFor(style, [id])))
  const failed = results.find((r) => r.status === 'rejected')
  return {
    loaded: new Set(ids.filter((_, i) => results[i]!.status === 'fulfilled')),
    ...(failed === undefined ? {} : { failure: failed.reason as unknown }),
  }
}
/**
 * A style's citations for the records an element shows: in the script-tag build only their files (./style-source).
 * Every id is checked against the record lists before it is asked for.
 */
const styleFor = (name: string | null, ids: readonly string[]): Promise<StyleCitations> =>
  (source ??= styleSource(loadStyle, lazy))(styleName(name), ids)

/**
 * The study ids of an `ids` attribute (space- or comma-separated), each checked: a shipped study that can be cited.
 * @param value - the attribute's text
 * @returns the ids, in order, without repeats
 * @throws `KapLiteratureError` `UNKNOWN_ID` for an id that is no study (with the closest as hint; a DOI is named as
 * one, with the way to its study id), `INVALID_RECORD`
 * for a study kept as a lead, `INVALID_ARGUMENT` for an empty list
 * @example
 * ```ts
 * import { parseIds } from 'kap-literature/elements'
 * parseIds('dore-2019, wilkinson-2021') // ['dore-2019', 'wilkinson-2021']
 * ```
 */
export function parseIds(value: string | null | undefined): CitableStudyId[] {
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
  const out: CitableStudyId[] = []
  for (const w of words.slice(0, 100)) {
    const id = w.toLowerCase()
    if (!Object.hasOwn(studyFacts, id)) {
      if ((studyIds as readonly string[]).includes(id)) throw notCitableError(id)
      throw unknownError('UNKNOWN_ID', 'study', id, Object.keys(studyFacts))
    }
    if (!out.includes(id as CitableStudyId)) out.push(id as CitableStudyId)
  }
  return out
}

/**
 * An element's attribute, or the error for a likely mix-up when it is missing: another attribute of the element (only
 * `among`, when given) holds a value this one takes, as in `<kap-claim id="…">` for `claim="…"`, or
 * `style="vancouver"` (which is CSS) for `style-name="vancouver"`.
 */
function read(element: Element, name: string, takes: (value: string) => boolean, among?: string): string | null {
  const value = element.getAttribute(name)
  if (value !== null) return value
  for (const { name: other, value: held } of element.attributes)
    if ((among ?? other) === other && takes(held.trim().toLowerCase()))
      throw new KapLiteratureError(
        'INVALID_ARGUMENT',
        `<${element.localName}> takes ${name}="${held.trim().slice(0, 60)}", not ${other}="…"`,
        { value: held, hint: `${name}="${held.trim()}"` },
      )
  return null
}
const isStudies = (value: string): boolean => value.split(/[\s,]+/).every((id) => Object.hasOwn(studyFacts, id))
const isStyle = (value: string): boolean => Object.hasOwn(STYLE_LOADERS, value)
const isClaim = (value: string): boolean => (claimIds as readonly string[]).includes(value)

// Links, citations and focus rings take the page's own text colour unless --kap-accent says otherwise: no one colour
// reads on both light and dark pages (#0b57d0 has 2.9:1 on #121212). Badges are coloured text on their own white, in
// the verdict colours of src/verdict-colours.ts, written out here (tests/unit/verdict-colours.test.ts compares): the
// import would cost the page a file of its own.
const BASE_CSS = `:host{font-family:var(--kap-font,inherit);color:inherit}
.error{display:block;margin:0;padding:.25em .5em;border-left:3px solid #b3261e;background:#fdecea;color:#5f1411;font-size:.9em}
a{color:var(--kap-accent,inherit)}
.badge{display:inline-block;padding:.05em .5em;border-radius:var(--kap-radius,.75em);font-size:.8em;font-weight:600;
border:1px solid currentColor;background:#fff}
.badge[data-verdict=accurate]{color:#00854d}.badge[data-verdict=oversimplified]{color:#0055aa}
.badge[data-verdict=overstated]{color:#9a6700}.badge[data-verdict=contested]{color:#c80c7f}
.badge[data-verdict=inaccurate]{color:#8b2e18}
button{font:inherit;cursor:pointer}
:focus-visible{outline:2px solid var(--kap-accent,currentColor);outline-offset:2px}
.kap-ref{margin:.25em 0 .5em;overflow-wrap:anywhere}ul.kap-bibliography{list-style:none;margin:0;padding:0}ul>.kap-ref{padding-left:2em;text-indent:-2em}`

/** Each document's constructed stylesheets, by kind of element. */
const sheets = new WeakMap<Document, Map<string, CSSStyleSheet | undefined>>()

/**
 * A constructed stylesheet (no `<style>` element, so no `unsafe-inline`), shared by every element of a kind in `doc`.
 * A sheet belongs to the document of the window that made it, so an element moved into another window's document (an
 * iframe, a print window) gets one made by that window; a document without a window gets none.
 */
function sheet(doc: Document, key: string, css: string): CSSStyleSheet | undefined {
  let mine = sheets.get(doc)
  if (mine === undefined) sheets.set(doc, (mine = new Map()))
  if (!mine.has(key)) {
    let s: CSSStyleSheet | undefined
    try {
      s = new (doc.defaultView as typeof globalThis).CSSStyleSheet()
      s.replaceSync(`${BASE_CSS}\n${css}`)
    } catch {
      s = undefined
    }
    mine.set(key, s)
  }
  return mine.get(key)
}

/** Creates an element with attributes and text children (never HTML). */
function h(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const e = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v)
  e.append(...children)
  return e
}

/**
 * The Trusted Types policy `kap-literature`, which passes only the elements' own escaped HTML ({@link ownHtml}):
 * undefined where the browser has no Trusted Types or the page's policy does not allow the name.
 */
let policy: { createHTML(html: string): string } | undefined
try {
  policy = (
    globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): typeof policy } }
  ).trustedTypes?.createPolicy('kap-literature', { createHTML: (s: string) => s })
} catch {
  // Not allowed by the page: its elements that insert HTML show their error line where it enforces Trusted Types.
}

/**
 * Inserts HTML that kap-literature generated and escaped itself (references, the evidence map), through the policy
 * `kap-literature` where the browser has Trusted Types, so that a page enforcing them (`require-trusted-types-for
 * 'script'`) needs only to allow that name (`trusted-types kap-literature`).
 */
function ownHtml(html: string): DocumentFragment {
  return document.createRange().createContextualFragment(policy?.createHTML(html) ?? html)
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
   * `UNKNOWN_STYLE`, `INVALID_ARGUMENT`, `INVALID_RECORD`), or a file that did not load (`LOAD_FAILED`), also when
   * only a part loaded later failed (a verdict note, the search index); cleared when a later attempt succeeds.
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
 * `<kap-search style-name="…" placeholder="…" label="…" topic="…" full-text>`: a search box and a filter, each with
 * a visible label (`part="label"`; `label` renames the box's).
 * @example
 * ```ts
 * import type { KapSearchElement } from 'kap-literature/elements'
 * const offline = (box: KapSearchElement) => box.error?.code === 'LOAD_FAILED'
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

/** What can hold the focus in an element: found again across a render by its address or its place. */
const FOCUSABLE = 'a[href],button,summary,input,select,[tabindex]'

/** Whether a popover is showing (false in a browser without the Popover API, where none is). */
const isOpen = (panel: Element): boolean => {
  try {
    return panel.matches(':popover-open')
  } catch {
    return false
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
  // Counts the browser's coming back online for every element, not only for those that failed, so an element whose
  // part failed can tell it came while it rendered (see failedPart), and retries those that failed.
  addEventListener('online', retry)

  abstract class Base extends HTMLElement implements KapElement {
    /** The error shown (of the last render, or of a part loaded later); `undefined` when it shows what it should. */
    error: KapLiteratureError | undefined
    protected readonly root: ShadowRoot
    private renderId = 0
    /** How often the browser had come back online when the last render started (see {@link failedPart}). */
    private onlineAt = 0
    /** The message of the error shown in place of the element, if any. */
    private shown: string | undefined

    constructor(
      private css: string,
      private key: string,
    ) {
      super()
      this.root = this.attachShadow({ mode: 'open' })
      this.adopt(key, css)
      // What the page wrote inside the element (a citation for readers without JavaScript) shows until it renders.
      this.root.append(h('slot'))
    }
    /** Styles the element with its kind's sheet, in the document it is in. */
    protected adopt(key: string, css: string): void {
      this.key = key
      this.css = css
      this.root.adoptedStyleSheets = [sheet(this.ownerDocument, key, css)].filter((s) => s !== undefined)
    }
    /** Moved into another document (an iframe, a print window): styled by that document's sheet. */
    adoptedCallback(): void {
      this.adopt(this.key, this.css)
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
      this.onlineAt = onlines
      try {
        const nodes = await this.render()
        if (mine !== this.renderId) return
        this.error = this.shown = undefined
        retries.delete(this)
        const restore = this.keep()
        this.root.replaceChildren(...nodes)
        restore()
      } catch (e) {
        if (mine === this.renderId) this.fail(e)
      }
    }
    /**
     * Shows an error as one line in place of the element's content, or in `into` (where a part that loads later, a
     * verdict note or search results, would have gone), sets `error` and fires `kap-error`. The event bubbles from the
     * element (and out of shadow roots) once the page has loaded, in a task of its own, so a listener added by any of
     * the page's scripts hears it, wherever the script stands; it is not sent if the element has rendered since. An
     * element whose files did not load renders again when the browser comes back online or a file of the elements
     * loads.
     */
    protected fail(e: unknown, into: ParentNode = this.root): void {
      const error =
        e instanceof KapLiteratureError
          ? e
          : new KapLiteratureError('INVALID_ARGUMENT', `${this.localName} could not render`, {
              cause: e,
              hint: 'see error.cause; a page that enforces Trusted Types must allow the policy kap-literature',
            })
      this.error = error
      if (into === this.root) {
        // An element that could not load its files renders again when the browser is back online or a file of the
        // elements loads (or on any change).
        if (error.code === 'LOAD_FAILED') retries.add(this)
        // The same error again (a retry that failed): its line stays, and is not announced again.
        if (this.shown === error.message) return
        this.shown = error.message
        this.closePopover()
      } else if (into.firstElementChild?.textContent === error.message) return // a part's line, likewise (each keystroke)
      // In place of the whole element, the page's own fallback text (if any) still follows the error.
      into.replaceChildren(
        h('p', { part: 'error', class: 'error', role: 'alert' }, error.message),
        ...(into === this.root ? [h('slot')] : []),
      )
      const send = () =>
        setTimeout(
          () =>
            this.error === error &&
            this.dispatchEvent(new CustomEvent('kap-error', { detail: error, bubbles: true, composed: true })),
        )
      if (document.readyState === 'complete') send()
      else addEventListener('load', send, { once: true })
    }
    /**
     * The place of a part that did not load (a claim's or a list's study references), if one did not: its one-line
     * error there once the render is shown, and the element renders again when the browser comes back online (not at
     * each file that loads: the rest of the element shows, and would be rendered again for nothing); at once if it
     * came back online while this render was under way (its load may have failed before, or joined an attempt that
     * had started before).
     */
    protected failedPart(e: unknown): HTMLElement[] {
      if (e === undefined) return []
      const part = h('div')
      const mine = this.renderId
      setTimeout(() => {
        if (mine !== this.renderId) return
        this.fail(e, part)
        if (this.onlineAt !== onlines) this.schedule()
        else addEventListener('online', () => this.schedule(), { once: true })
      })
      return [part]
    }
    /**
     * What the visitor had open or focused in the element, given back after a render replaces its content (the page's
     * numbering changed, a file came, the browser came back online): an open "Why this verdict" stays open and the
     * focus stays on the part it was on. Returns what to do once the new content is in.
     */
    protected keep(): () => void {
      const open = [...this.root.querySelectorAll('details')].map((d) => d.open)
      const active = this.root.activeElement
      const focusables = () => [...this.root.querySelectorAll<HTMLElement>(FOCUSABLE)]
      const at = active === null ? -1 : focusables().indexOf(active as HTMLElement)
      const href = active?.getAttribute('href')
      return () => {
        this.root.querySelectorAll('details').forEach((d, i) => open[i] && (d.open = true))
        // The same link (by its address), else the part in the same place, if it is of the same kind; without
        // scrolling the page to it.
        const now = focusables()
        const same = href ? now.find((e) => e.getAttribute('href') === href) : now[at]
        if (same?.localName === active?.localName) same?.focus({ preventScroll: true })
      }
    }
    /**
     * Closes an open popover (so that it stops following the page) before its element's content is replaced.
     * @returns whether one was open
     */
    protected closePopover(): boolean {
      const panel = this.root.querySelector<HTMLElement>('.popover')
      const open = panel !== null && isOpen(panel)
      if (open) panel.hidePopover()
      return open
    }
    protected abstract render(): Promise<Node[]>
  }

  // The parts loaded on demand, each once (a failed load is tried again on the next call).
  const loadNumbering = lazy('the numbering', () => import('./numbering'))
  const loadClaims = lazy('the claims', () => import('./claim-data'))
  let claims: ReturnType<typeof claimSource> | undefined
  const loadProse = lazy('the note citations', () => import('../citations/prose-core'))
  const loadMap = lazy('the evidence map', () => import('./map-view'))
  const loadSearch = lazy('the search index', () => import('./search'))
  const loadTopic = lazy('the topics', () => import('./topic'))

  /** The page's numbering in a numeric style (its own chunk, loaded only by a page that uses one). */
  const numbering = async (style: StyleCitations) =>
    (await loadNumbering()).pageNumbering(
      style,
      async (ids) => (await settle(style.style, ids)).loaded,
      parseIds,
      (id) => studyFacts[id as StudyId] !== undefined,
      (hook) => (renumber = hook),
      loadClaims,
      ownHtml,
    )

  class KapReference extends Base {
    static readonly observedAttributes = ['ids', 'style-name']
    constructor() {
      super('', 'reference')
    }
    protected async render(): Promise<Node[]> {
      const all = parseIds(read(this, 'ids', isStudies))
      const name = read(this, 'style-name', isStyle, 'style')
      // A reference that does not load is left out, with an error line under the list; none loading is the error.
      const [style, { loaded, failure }] = await Promise.all([styleFor(name, []), settle(name, all)])
      const ids = all.filter((id) => loaded.has(id))
      if (!ids[0] && failure) throw failure
      if (!NUMERIC.has(style.style))
        return [
          h('div', { part: 'list' }, ownHtml(style.formatBibliography(ids, { format: 'html' }))),
          ...this.failedPart(failure),
        ]
      // Numbered as the page cites them.
      const [page, { numberedList }] = await Promise.all([numbering(style), loadNumbering()])
      return [h('div', { part: 'list' }, numberedList(page, ids)), ...this.failedPart(failure)]
    }
  }

  // The popover is an "auto" popover (the Popover API) in the top layer: never clipped by an ancestor's overflow, one
  // open at a time, closed by a click outside or by Escape wherever the focus is. The script places it under the
  // citation (over it when there is no room below) and inside the viewport; narrow screens get a sheet along the
  // bottom. It resets what it would inherit from the text around the citation (alignment, emphasis, indent). A browser
  // without the Popover API (before Chrome 114, Firefox 125, Safari 17) shows the citation, which does not open.
  const POPOVER_CSS = `:host{display:inline}
button.cite{background:none;border:0;padding:0;text-align:inherit;color:var(--kap-accent,inherit);text-decoration:underline dotted}
.popover{position:absolute;inset:auto;left:var(--x,0);top:var(--y,0);margin:0;box-sizing:border-box;
width:min(34em,calc(100vw - 1em));max-height:80vh;overflow-y:auto;padding:.75em 1em;border:1px solid #999;border-radius:var(--kap-radius,.5em);
background:var(--kap-popover-bg,#fff);color:var(--kap-popover-color,#111);box-shadow:0 4px 16px #0003;font-size:.95em;
text-align:left;direction:ltr;writing-mode:horizontal-tb;text-transform:none;letter-spacing:normal;font-style:normal;
font-weight:400;text-indent:0;white-space:normal;overflow-wrap:anywhere}
.popover{display:none}.popover:popover-open{display:block}.popover a{color:inherit}.meta{font-size:.9em;opacity:.8;margin:.25em 0 .75em}
@media(max-width:36em){.popover{position:fixed;left:.5em;right:.5em;top:auto;bottom:.5em;width:auto;max-height:70vh;overflow-y:auto}}
.close{float:right;background:none;border:0;color:inherit;font-size:1.1em;line-height:1}`

  /** Places an open popover under `anchor`, or over it when there is room above but not below, within the viewport. */
  const place = (anchor: Element, panel: HTMLElement): void => {
    const r = anchor.getBoundingClientRect()
    const height = panel.offsetHeight + 8
    const left = Math.max(4, Math.min(r.left, document.documentElement.clientWidth - panel.offsetWidth - 4))
    panel.style.setProperty('--x', `${scrollX + left}px`)
    panel.style.setProperty(
      '--y',
      `${scrollY + (r.bottom + height > innerHeight && r.top > height ? r.top - height + 4 : r.bottom + 4)}px`,
    )
  }

  class KapCite extends Base {
    static readonly observedAttributes = ['ids', 'style-name']
    constructor() {
      super(POPOVER_CSS, 'cite')
      // Escape closes the popover wherever the focus is (the browser does that); from inside it, focus goes back to the
      // citation.
      this.root.addEventListener('keydown', (e) => {
        if ((e as KeyboardEvent).key === 'Escape') this.root.querySelector<HTMLElement>('.cite')?.focus()
      })
      // Focus moving on past the citation and its popover (Tab) closes the popover, once it has moved (so that closing
      // does not send it back to the citation).
      this.root.addEventListener('focusout', (e) => {
        const to = (e as FocusEvent).relatedTarget as Node | null
        const panel = this.root.querySelector<HTMLElement>('.popover')
        if (to !== null && !this.root.contains(to) && panel !== null) setTimeout(() => panel.togglePopover?.(false))
      })
    }
    /** An open popover stays open over the new citation (the old one is closed first, so it stops following). */
    protected override keep(): () => void {
      const restore = super.keep()
      const open = this.closePopover()
      // (A citation that rendered has both its button and its popover.)
      return () => {
        if (open) {
          const panel = this.root.querySelector<HTMLElement>('.popover')!
          panel.showPopover()
          place(this.root.querySelector('.cite')!, panel)
        }
        restore()
      }
    }
    protected async render(): Promise<Node[]> {
      const ids = parseIds(read(this, 'ids', isStudies))
      const style = await styleFor(read(this, 'style-name', isStyle, 'style'), ids)
      const popoverId = 'kap-cite-popover'
      // In a numeric style, the page's number, and a name that says what it cites ("Reference 1: Dore et al. 2019").
      const [numbered, name] = (NUMERIC.has(style.style) && (await numbering(style)).citations.get(this)) || []
      const button = h(
        'button',
        {
          part: 'citation',
          class: 'cite',
          type: 'button',
          'aria-expanded': 'false',
          'aria-controls': popoverId,
          // Tells light dismiss that a click on the citation belongs to its popover; the click handler toggles it.
          popovertarget: popoverId,
          ...(name && { 'aria-label': name }),
        },
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
        {
          part: 'popover',
          class: 'popover',
          id: popoverId,
          role: 'dialog',
          'aria-label': 'Reference',
          tabindex: '-1',
          popover: 'auto',
        },
        close,
        ...entries,
      )
      // Toggled here rather than by popovertarget, so that the popover is placed before it is first painted.
      button.addEventListener('click', (e) => {
        e.preventDefault()
        if (panel.togglePopover?.()) {
          place(button, panel)
          panel.focus()
        }
      })
      close.addEventListener('click', () => {
        panel.hidePopover()
        button.focus()
      })
      // However it closes (the ×, Escape, a click outside, focus moving on), the citation says whether it is open.
      // While open, it follows the citation when a box the citation sits in scrolls (scroll events reach the document
      // only in the capture phase) or the window changes size.
      // A popover taken out of the page while open closes without a toggle event: the next scroll or resize stops it.
      const follow = (): void => {
        if (isOpen(panel)) return place(button, panel)
        removeEventListener('scroll', follow, true)
        removeEventListener('resize', follow)
      }
      panel.addEventListener('toggle', (e) => {
        const open = (e as ToggleEvent).newState === 'open'
        button.setAttribute('aria-expanded', String(open))
        if (open) {
          addEventListener('scroll', follow, true)
          addEventListener('resize', follow)
        } else {
          removeEventListener('scroll', follow, true)
          removeEventListener('resize', follow)
        }
      })
      return [button, panel]
    }
  }

  const CLAIM_CSS = `:host{display:block}.statement{margin:.25em 0}.studies{margin:.25em 0;padding-left:1.25em}
.note{margin:.5em 0;font-size:.95em}details summary{cursor:pointer}`

  class KapClaim extends Base {
    static readonly observedAttributes = ['claim', 'style-name']
    /** The claim whose verdict note the element showed last. */
    private noted: ClaimId | undefined
    constructor() {
      super(CLAIM_CSS, 'claim')
    }
    protected async render(): Promise<Node[]> {
      const raw = (read(this, 'claim', isClaim) ?? '').trim().toLowerCase()
      if (raw === '')
        throw new KapLiteratureError('INVALID_ARGUMENT', 'the claim attribute names no claim', {
          value: raw,
          hint: 'e.g. claim="indication-anxiety"',
        })
      if (!isClaim(raw)) throw unknownError('UNKNOWN_ID', 'claim', raw, claimIds)
      // Claims' statements and evidence links load only with the elements that show them (not the record cores).
      const name = read(this, 'style-name', isStyle, 'style')
      const id = raw as ClaimId
      // The claims, this claim's statement and the style's head come together; then the references of its studies.
      const [{ claimFacts }, statement] = await Promise.all([
        loadClaims(),
        (claims ??= claimSource(lazy)).statement(id),
        styleFor(name, []),
      ])
      const claim = claimFacts[id]
      const cited = claim.evidence.map(([study]) => study).filter((study) => studyFacts[study] !== undefined)
      // A study whose reference does not load is left out of the list, which says so; the claim and its verdict show.
      const [style, { loaded, failure }] = await Promise.all([styleFor(name, []), settle(name, cited)])
      // In a numeric style, the page's numbers (the session has cited this claim's studies already).
      const numbered = NUMERIC.has(style.style) ? await numbering(style) : undefined
      const page = numbered?.session
      const studies = claim.evidence
        .filter(([study]) => loaded.has(study))
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
      const details = h('details', {}, h('summary', {}, 'Why this verdict'), note) as HTMLDetailsElement
      let opened = false
      const fill = async (): Promise<void> => {
        opened = true
        try {
          // Only this claim's note, not the details entry.
          const [{ verdictNote }, { proseCitations, citedIds }] = await Promise.all([claims!.note(id), loadProse()])
          await styleFor(name, citedIds(verdictNote))
          const session = numbered?.fork() ?? style.createCitationSession({ format: 'html' })
          note.replaceChildren(ownHtml(proseCitations(verdictNote, session, 'html')))
          // (An error line of the studies, if any, still shows.)
          if (failure === undefined) this.error = undefined
          this.noted = id
        } catch (e) {
          opened = false
          this.noted = undefined
          this.fail(e, note)
        }
      }
      // Loaded when first opened; after a failure, when opened again; and, when this claim's note showed before, ahead
      // of a render that keeps it open (keep()), so that it never shows empty (its file is loaded already).
      details.addEventListener('toggle', () => void (opened || !details.open || fill()))
      if (this.noted === id && this.root.querySelector('details')?.open) await fill()
      return [
        h(
          'p',
          { part: 'statement', class: 'statement' },
          h('span', { part: 'badge', class: 'badge', 'data-verdict': claim.verdict }, label('verdicts', claim.verdict)),
          ' ',
          statement,
        ),
        details,
        ...(studies.length > 0 ? [h('ul', { part: 'list', class: 'studies' }, ...studies)] : []),
        ...this.failedPart(failure),
      ]
    }
  }

  // Its styles and its figure come with the map (./map-view).
  class KapEvidenceMap extends Base {
    static readonly observedAttributes = ['topic']
    constructor() {
      super(':host{display:block}', 'map-base')
    }
    protected async render(): Promise<Node[]> {
      const { MAP_CSS, mapView } = await loadMap()
      this.adopt('map', MAP_CSS)
      return [mapView((this.getAttribute('topic') ?? '').trim().toLowerCase(), ownHtml)]
    }
  }

  const SEARCH_CSS = `:host{display:block}input{font:inherit;padding:.3em .5em;width:100%;box-sizing:border-box}
ol{padding-left:1.25em}li{margin:.5em 0}.type{font-size:.8em;opacity:.75;text-transform:uppercase;letter-spacing:.04em}
mark{background:#fff3b0;color:#111}.status{font-size:.9em;opacity:.8}li .badge{margin-left:.5em}
.controls{display:flex;flex-wrap:wrap;gap:.5em}select{font:inherit;padding:.25em}
label{display:flex;flex-direction:column;justify-content:space-between;gap:.2em}label:first-child{flex:1 1 12em}[part=label]{font-size:.9em}`

  /**
   * A control with its visible label above it (`part="label"`). The control's accessible name is the same text, also
   * when a page that labels the box itself hides the label (`kap-search::part(label) { display: none }`).
   */
  const field = (text: string, control: HTMLElement): HTMLElement => {
    control.setAttribute('aria-label', text)
    return h('label', {}, h('span', { part: 'label' }, text), control)
  }

  class KapSearch extends Base {
    static readonly observedAttributes = ['style-name', 'placeholder', 'topic', 'label']
    constructor() {
      super(SEARCH_CSS, 'search')
    }
    /** The visitor's query and filter stay, and are searched again, when the box renders again. */
    protected override keep(): () => void {
      const restore = super.keep()
      const [input, select] = [this.root.querySelector('input'), this.root.querySelector('select')]
      const [query, kind] = [input?.value, select?.value]
      return () => {
        restore()
        const now = this.root.querySelector('input')
        if (!now || !(query || kind)) return
        now.value = query!
        this.root.querySelector('select')!.value = kind!
        now.dispatchEvent(new Event('input'))
      }
    }
    protected async render(): Promise<Node[]> {
      // A page may keep the box to one topic (topic="safety"): the topic's claims, the studies they rest on and the
      // clinic pages that make them (the search entry's own topic filter keeps claims only). The visitor narrows by
      // kind of record.
      const topicAttr = this.getAttribute('topic')
      const topic = topicAttr === null ? undefined : topicAttr.trim().toLowerCase()
      if (topic !== undefined && !(topicTerms as readonly string[]).includes(topic))
        throw unknownError('UNKNOWN_ID', 'topic', topic, topicTerms)
      const name = read(this, 'style-name', isStyle, 'style')
      await styleFor(name, [])
      const kind = h(
        'select',
        { part: 'filter' },
        h('option', { value: '' }, 'Everything'),
        h('option', { value: 'study' }, 'Studies'),
        h('option', { value: 'claim' }, 'Claims'),
        h('option', { value: 'source' }, 'Clinic pages'),
      ) as HTMLSelectElement
      const input = h('input', {
        part: 'input',
        type: 'search',
        placeholder: this.getAttribute('placeholder') ?? 'e.g. PTSD, esketamine, Dore 2019',
        maxlength: '256',
      }) as HTMLInputElement
      const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' })
      // Where a file that failed to load is named (the search index: the box stays, and the next keystroke retries).
      const problem = h('div')
      const results = h('ol', { part: 'results' })
      let latest = 0
      const run = async (): Promise<void> => {
        const mine = ++latest
        try {
          await show(mine)
        } catch (e) {
          if (mine !== latest) return
          status.textContent = ''
          results.replaceChildren()
          this.fail(e, problem)
        }
      }
      const show = async (mine: number): Promise<void> => {
        const [{ search, didYouMean, loadFullText }, { claimFacts }, inTopic] = await Promise.all([
          loadSearch(),
          loadClaims(),
          topic === undefined ? undefined : loadTopic().then((m) => m.topicRecords(topic)),
        ])
        // full-text: the rare words of every record's findings and notes as well (one more file, loaded once; from
        // then on every search box of the page uses them). Without it the box still searches, and says so.
        let partial: KapLiteratureError | undefined
        if (this.hasAttribute('full-text'))
          await loadFullText().catch((e: unknown) => (partial = loadError('the full-text words', e)))
        // Keystrokes outrun the first load of the index: only the newest query may render.
        if (mine !== latest) return
        const q = input.value
        // Studies kept as leads (their details are incomplete) are not listed: a page shows only what it can cite.
        const types = kind.value === '' ? undefined : (kind.value as 'study' | 'claim' | 'source')
        const options = { limit: 1000, ...(types === undefined ? {} : { types }) }
        // Every match is counted; the first ten are shown.
        const all = (q.trim() === '' ? [] : search(q, options)).filter(
          (r) => (r.type !== 'study' || studyFacts[r.id] !== undefined) && (inTopic?.has(r.id) ?? true),
        )
        const hits = all.slice(0, 10)
        // The list shows at once; the reference of each study it lists follows as its file loads (at once when it
        // is loaded already), each on its own: one that does not load leaves its study listed without it, the others
        // with theirs, and an error line above.
        const style = await styleFor(name, [])
        if (mine !== latest) return
        this.error = undefined
        problem.replaceChildren()
        if (partial !== undefined) this.fail(partial, problem)
        // One error line (and one kap-error) per list: the first reference that does not load.
        let reported = false
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
            if (r.type === 'study') {
              const reference = h('div')
              extra.push(reference)
              // Into its own item, wherever that list is (one a newer query replaced is out of the page); a file
              // that does not load, or a reference the page refuses to insert, is the list's error line.
              void styleFor(name, [r.id])
                .then(() =>
                  reference.append(ownHtml(style.formatReference(r.id as CitableStudyId, { format: 'html' }))),
                )
                .catch((e: unknown) => {
                  // Not for a list the box no longer shows (a newer query, or the element rendered again).
                  if (mine !== latest || !problem.isConnected || reported) return
                  reported = true
                  this.fail(e, problem)
                })
            }
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
      return [
        h(
          'div',
          { class: 'controls' },
          field(this.getAttribute('label')?.trim() || 'Search the research', input),
          field('Show', kind),
        ),
        status,
        problem,
        results,
      ]
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
