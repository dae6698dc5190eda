// A linear-time scanner for the CSL XML a caller registers: it finds the root element, the elements the registry needs
// (citation, bibliography, the independent-parent link) and the macro call graph, visiting each character a bounded
// number of times. No regular expression here can backtrack over the document, so a hostile style cannot make
// registration slow (issue 13: the old `<!--` strip took 13 s on 320 KB, the independent-parent pattern 28 s).

/** One start or empty-element tag: its name and its attributes. @internal */
export interface CslTag {
  readonly name: string
  readonly attrs: ReadonlyMap<string, string>
  readonly closing: boolean
  readonly selfClosing: boolean
  /** Characters of text between the previous tag and this one (a term's text comes before its `</term>`). */
  readonly textBefore: number
}

/** What the scan found, or the first thing that makes the text unusable. @internal */
export type CslScan =
  | {
      readonly ok: true
      readonly root: string
      readonly rootTag: CslTag
      readonly tags: readonly CslTag[]
      readonly body: string
    }
  | { readonly ok: false; readonly problem: string }

const NAME_START = /[A-Za-z_]/
/** The attributes of every closing tag: shared, as nothing writes a tag's attributes. */
const NO_ATTRS: ReadonlyMap<string, string> = new Map()
const NAME_CHAR = /[\w:.-]/

/** Attributes whose value names something (a macro, a variable, a term): no character reference may spell it. */
const NAMING = new Set(['macro', 'name', 'variable', 'term'])

/**
 * Parses `name="value"` pairs of one tag's inside (without `<name` and `>`). Linear in its length. Returns why the
 * tag is refused where citeproc-js's own XML reader (in Node) or the browser's could read it otherwise than this
 * scan, so that what the limits count is what runs: a value left open, an attribute
 * given twice (citeproc takes the last), an `=` followed by a quote inside a value (citeproc's reader would find an
 * attribute there), or a character reference in a name (citeproc decodes some twice).
 */
function parseAttrs(inside: string): Map<string, string> | string {
  const attrs = new Map<string, string>()
  let i = 0
  while (i < inside.length) {
    const c = inside[i]!
    // A quote outside a value opens text that is not an attribute: it must close inside the tag too.
    if (c === '"' || c === "'") {
      const end = inside.indexOf(c, i + 1)
      if (end === -1) return OPEN_VALUE
      i = end + 1
      continue
    }
    if (!NAME_START.test(c)) {
      i++
      continue
    }
    const start = i
    while (i < inside.length && NAME_CHAR.test(inside[i]!)) i++
    const name = inside.slice(start, i)
    while (i < inside.length && /\s/.test(inside[i]!)) i++
    if (inside[i] !== '=') continue
    i++
    while (i < inside.length && /\s/.test(inside[i]!)) i++
    const quote = inside[i]
    if (quote !== '"' && quote !== "'") continue
    const end = inside.indexOf(quote, i + 1)
    if (end === -1) return OPEN_VALUE
    const value = inside.slice(i + 1, end)
    if (attrs.has(name)) return 'a tag gives the same attribute twice'
    if (/=\s*["']/.test(value)) return 'an attribute value holds an = followed by a quote (write &quot; or &apos;)'
    if (NAMING.has(name) && value.includes('&')) return 'a macro, variable or term name holds a character reference'
    attrs.set(name, value)
    i = end + 1
  }
  return attrs
}

const OPEN_VALUE = 'an attribute value holds a < or is never closed (write &lt;)'

/**
 * Scans CSL XML once: skips a BOM, the XML declaration, comments and a doctype before the root, removes every
 * comment (an unclosed one is an error), and lists the tags. Each character is read a bounded number of times.
 * @internal
 */
export function scanCsl(xml: string, kind: 'style' | 'locale'): CslScan {
  // Comments out, with indexOf only: an opening with no closing means the document is broken.
  let body = ''
  let at = xml.charCodeAt(0) === 0xfeff ? 1 : 0
  for (;;) {
    const open = xml.indexOf('<!--', at)
    if (open === -1) break
    const close = xml.indexOf('-->', open + 4)
    if (close === -1) return { ok: false, problem: 'it has a comment (<!--) that is never closed' }
    body += xml.slice(at, open)
    at = close + 3
  }
  body += xml.slice(at)
  // The prolog: declaration and doctype before the root element.
  let start = 0
  for (;;) {
    while (start < body.length && /\s/.test(body[start]!)) start++
    if (body.startsWith('<?', start)) {
      const end = body.indexOf('?>', start + 2)
      if (end === -1) return { ok: false, problem: 'its XML declaration is never closed' }
      start = end + 2
    } else if (body.startsWith('<!DOCTYPE', start) || body.startsWith('<!doctype', start)) {
      const end = body.indexOf('>', start)
      if (end === -1) return { ok: false, problem: 'its doctype is never closed' }
      start = end + 1
    } else break
  }
  const root = body.slice(start)
  // Tags, in one forward pass: a tag ends at the first `>` outside a value; a `<` before it means broken markup,
  // skipped. Every `>` outside a value must end a tag, and every value must close inside its tag: citeproc-js (in Node) splits
  // the document where `>` meets `<`, so a `>` in text would let it read a tag this scan does not, and a value is
  // read to its closing quote (a `>` in a value is text, as in `suffix=">"`).
  const tags: CslTag[] = []
  let i = 0
  let textStart = 0
  // The date parts of the open <date> (-1: none open).
  let dateParts = -1
  while (i < root.length) {
    const lt = root.indexOf('<', i)
    for (let k = i; k < (lt === -1 ? root.length : lt); k++)
      if (root[k] === '>') return { ok: false, problem: 'its text holds a > outside a tag (write &gt;)' }
    if (lt === -1) break
    // Comments are out; a declaration or processing instruction (`<!…>`, `<?…>`) has no values to skip.
    const plain = root[lt + 1] === '!' || root[lt + 1] === '?'
    let j = lt + 1
    let quote = ''
    while (j < root.length && (quote !== '' || (root[j] !== '>' && root[j] !== '<'))) {
      if (root[j] === '<') return { ok: false, problem: OPEN_VALUE }
      if (root[j] === quote) quote = ''
      else if (quote === '' && !plain && (root[j] === '"' || root[j] === "'")) quote = root[j]!
      j++
    }
    if (quote !== '') return { ok: false, problem: OPEN_VALUE }
    if (j >= root.length || root[j] === '<') {
      i = j
      continue
    }
    const inside = root.slice(lt + 1, j)
    i = j + 1
    if (plain) {
      if (/^!(?:DOCTYPE|ENTITY)/i.test(inside))
        return { ok: false, problem: 'it declares a doctype or an entity inside its root element' }
      continue
    }
    const closing = inside.startsWith('/')
    const text = closing ? inside.slice(1) : inside
    // An XML name starts with a letter or underscore: `<-->` or `<1>` is text, not a tag.
    if (text === '' || !NAME_START.test(text[0]!)) continue
    let n = 1
    while (n < text.length && NAME_CHAR.test(text[n]!)) n++
    const attrs = closing ? NO_ATTRS : parseAttrs(text.slice(n))
    if (typeof attrs === 'string') return { ok: false, problem: attrs }
    const tag: CslTag = {
      name: text.slice(0, n),
      attrs,
      closing,
      selfClosing: !closing && text.trimEnd().endsWith('/'),
      textBefore: lt - textStart,
    }
    tags.push(tag)
    textStart = i
    // A date names each of its parts at most once (CSL 1.0.2): more would multiply the work of every date printed
    // (a locale's date forms are not counted with a style's elements).
    if (tag.name === 'date') dateParts = tag.closing || tag.selfClosing ? -1 : 0
    else if (tag.name === 'date-part' && !tag.closing && dateParts >= 0 && ++dateParts > 3)
      return { ok: false, problem: 'a date has more than three date parts' }
  }
  const rootTag = tags[0]
  if (rootTag === undefined || rootTag.closing || !root.startsWith('<'))
    return { ok: false, problem: `the root element must be <${kind}> (no XML element found)` }
  if (rootTag.name !== kind)
    return { ok: false, problem: `the root element must be <${kind}>, found <${rootTag.name}>` }
  return { ok: true, root, rootTag, tags, body: root }
}

/**
 * What formatting one entry in a style can cost, counted over the expansion of its macros: macro calls (every call
 * in every branch), and along the costliest path through each `<choose>` (only one branch of a choose renders) the
 * rendering elements, the characters of text the style itself prints (`value`, `prefix`, `suffix`, a parent's
 * `delimiter`, terms) and how often each variable is printed. An upper bound of the work, whatever the record.
 * @internal
 */
export interface StyleWork {
  readonly calls: number
  readonly elements: number
  readonly text: number
  /** Variable name → how many elements print it, on the costliest path. */
  readonly vars: ReadonlyMap<string, number>
  /** The most text the style can print with each name beyond the name itself (delimiters, affixes, terms). */
  readonly perName: number
}

/** What the macro graph of a style costs, or why it is refused. @internal */
export type MacroCost =
  | { readonly ok: true; readonly work: StyleWork }
  | { readonly ok: false; readonly problem: string; readonly limit?: boolean }

/** Elements that print a variable's value (`label` prints a term, counted as text). */
const PRINTS_VARIABLE = new Set(['text', 'number', 'date', 'names'])
/** Elements that print terms of the locale (and, et al., month names, ordinals, labels). */
const PRINTS_TERMS = new Set(['text', 'number', 'date', 'date-part', 'names', 'name', 'et-al', 'label'])
const BRANCHES = new Set(['if', 'else-if', 'else'])
/** Caps every count, so that no sum can grow without bound (a chain of doubling macros). */
const CAP = 1e12

/**
 * A running count, owned by one open element while it is counted (then kept as that element's work). Most elements
 * print no variable: they share {@link NO_VARS} until {@link setVar} gives them a map of their own, so that deep
 * nesting allocates no map per element.
 */
type Count = { calls: number; elements: number; text: number; vars: Map<string, number>; perName: number }
/** The variables of a count that prints none: shared, never written (see {@link setVar}). */
const NO_VARS: ReadonlyMap<string, number> = new Map()
const NO_WORK: StyleWork = { calls: 0, elements: 0, text: 0, vars: NO_VARS, perName: 0 }

/** Sets how often `a` prints variable `k`, giving `a` a map of its own first if it still shares {@link NO_VARS}. */
function setVar(a: Count, k: string, n: number): void {
  if (a.vars === NO_VARS) a.vars = new Map()
  a.vars.set(k, n)
}

/** Adds `b` to `a` in place: the work of two things rendered one after the other. Costs the variables of `b`. */
function add(a: Count, b: StyleWork): void {
  a.calls = Math.min(a.calls + b.calls, CAP)
  a.elements = Math.min(a.elements + b.elements, CAP)
  a.text = Math.min(a.text + b.text, CAP)
  for (const [k, n] of b.vars) setVar(a, k, Math.min((a.vars.get(k) ?? 0) + n, CAP))
}

/** Makes `a` the costlier of two branches of a choose, part by part, in place (every call counts: the sum). */
function atLeast(a: Count, b: StyleWork): void {
  a.calls = Math.min(a.calls + b.calls, CAP)
  a.elements = Math.max(a.elements, b.elements)
  a.text = Math.max(a.text, b.text)
  for (const [k, n] of b.vars) setVar(a, k, Math.max(a.vars.get(k) ?? 0, n))
}

/**
 * Counts the work of formatting one entry (see {@link StyleWork}) in the citation and the bibliography (both
 * counted) and checks it against the limits: a macro that calls itself, directly or through others, is refused, and
 * so is a style past either limit: a 1.5 KB style whose 20 macros each call the next twice expands to a million
 * calls, and a chain of five macros that each call the next ten times, ending in 300 `<text variable="title"/>`,
 * renders three million elements per entry (25 s) with 11,111 calls. Linear in the number of tags: each macro's body
 * is evaluated once, after the macros it calls.
 * @internal
 */
export function macroCost(
  tags: readonly CslTag[],
  limits: { calls: number; elements: number },
  variables: ReadonlySet<string>,
): MacroCost {
  const bodies = new Map<string, CslTag[]>()
  const calls = new Map<string, string[]>()
  const root: CslTag[] = []
  let body: CslTag[] | undefined
  let name = ''
  let inLocale = false
  let termText = 32
  let nameAffixes = 0
  for (const tag of tags) {
    if (tag.name === 'locale') inLocale = !tag.closing && !tag.selfClosing
    if (inLocale && tag.closing) termText = Math.max(termText, tag.textBefore)
    if (/^(?:names?|name-part|et-al)$/.test(tag.name))
      nameAffixes = Math.max(
        nameAffixes,
        ['delimiter', 'prefix', 'suffix'].reduce((n, a) => n + (tag.attrs.get(a)?.length ?? 0), 0),
      )
    if (tag.name === 'macro') {
      if (tag.closing) body = undefined
      else {
        name = tag.attrs.get('name') ?? ''
        if (bodies.has(name)) return { ok: false, problem: `macro "${name}" is defined twice` }
        bodies.set(name, (body = []))
        calls.set(name, [])
        if (tag.selfClosing) body = undefined
      }
      continue
    }
    ;(body ?? root).push(tag)
    const ref = tag.closing ? undefined : tag.attrs.get('macro')
    if (ref !== undefined && body !== undefined) calls.get(name)!.push(ref)
  }
  /** One run of tags (a macro's body, or everything outside macros), with the macros it calls already counted. */
  const evaluate = (run: readonly CslTag[]): StyleWork => {
    // A frame per element: its own work and, while it is open, that of its content so far; a choose keeps its
    // costliest branch apart. One object per element, so that a deep style allocates no more than it must.
    type Frame = Count & {
      name: string
      best: Count | undefined
      kind: 'choose' | 'branch' | undefined
      delimiter: number
    }
    const frame = (name: string, kind: Frame['kind'], delimiter: number): Frame => ({
      calls: 0,
      elements: 0,
      text: 0,
      vars: NO_VARS as Map<string, number>,
      perName: 0,
      name,
      best: undefined,
      kind,
      delimiter,
    })
    const stack: Frame[] = [frame('', undefined, 0)]
    // How many elements of each name are open: a closing tag with none open is skipped without searching the stack,
    // so stray closing tags cannot make this quadratic.
    const open = new Map<string, number>()
    const close = () => {
      const top = stack.pop()!
      open.set(top.name, open.get(top.name)! - 1)
      const parent = stack[stack.length - 1]!
      if (top.kind === 'branch') {
        if (parent.best === undefined) parent.best = top
        else atLeast(parent.best, top)
      } else {
        add(parent, top)
        if (top.best !== undefined) add(parent, top.best)
      }
    }
    for (const tag of run) {
      if (tag.closing) {
        // Closes the innermost open element of that name and any left open inside it, each frame popped once.
        if ((open.get(tag.name) ?? 0) === 0) continue
        while (stack[stack.length - 1]!.name !== tag.name) close()
        close()
        continue
      }
      const top = stack[stack.length - 1]!
      const attrs = tag.attrs
      const ref = attrs.get('macro')
      const kind =
        tag.name === 'choose' ? 'choose' : top.kind === 'choose' && BRANCHES.has(tag.name) ? 'branch' : undefined
      // A delimiter is printed between the children of its element: each child counts its parent's once.
      const work = frame(tag.name, kind, kind === undefined ? (attrs.get('delimiter')?.length ?? 0) : top.delimiter)
      work.calls = ref === undefined ? 0 : 1
      work.elements = 1
      work.text =
        (attrs.get('value')?.length ?? 0) +
        (attrs.get('prefix')?.length ?? 0) +
        (attrs.get('suffix')?.length ?? 0) +
        top.delimiter +
        (PRINTS_TERMS.has(tag.name) && (tag.name !== 'text' || attrs.has('term')) ? termText : 0)
      // Only the variables a record can hold can print anything (and so a style naming thousands costs no more).
      if (PRINTS_VARIABLE.has(tag.name))
        for (const v of (attrs.get('variable') ?? '').split(/\s+/)) if (variables.has(v)) setVar(work, v, 1)
      if (ref !== undefined) add(work, cost.get(ref) ?? NO_WORK)
      if (!tag.selfClosing) {
        stack.push(work)
        open.set(tag.name, (open.get(tag.name) ?? 0) + 1)
      } else if (kind === 'branch') {
        if (top.best === undefined) top.best = work
        else atLeast(top.best, work)
      } else add(top, work)
    }
    // An element left open (the style would not compile) counts as closed.
    while (stack.length > 1) close()
    const { calls, elements, text, vars, perName } = stack[0]!
    return { calls, elements, text, vars, perName }
  }
  // Each macro is evaluated after the macros it calls (an iterative depth-first walk: a style may chain thousands).
  const cost = new Map<string, StyleWork>()
  const state = new Map<string, 'visiting' | 'done'>()
  for (const first of calls.keys()) {
    if (state.has(first)) continue
    const stack: { name: string; next: number }[] = [{ name: first, next: 0 }]
    state.set(first, 'visiting')
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!
      const refs = calls.get(frame.name) ?? []
      if (frame.next < refs.length) {
        const ref = refs[frame.next++]!
        if (!calls.has(ref) || state.get(ref) === 'done') continue
        if (state.get(ref) === 'visiting')
          return {
            ok: false,
            problem: `macro "${ref}" calls itself (through ${stack.map((f) => f.name).join(' → ')} → ${ref})`,
          }
        state.set(ref, 'visiting')
        stack.push({ name: ref, next: 0 })
        continue
      }
      stack.pop()
      cost.set(frame.name, evaluate(bodies.get(frame.name)!))
      state.set(frame.name, 'done')
    }
  }
  const work = { ...evaluate(root), perName: termText + nameAffixes }
  if (work.calls > limits.calls)
    return {
      ok: false,
      limit: true,
      problem: `its macro calls expand to more than ${limits.calls.toLocaleString('en-US')} per entry`,
    }
  if (work.elements > limits.elements)
    return {
      ok: false,
      limit: true,
      problem: `its macros expand to more than ${limits.elements.toLocaleString('en-US')} rendering elements per entry`,
    }
  return { ok: true, work }
}
