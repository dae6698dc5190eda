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
const NAME_CHAR = /[\w:.-]/

/** Parses `name="value"` pairs of one tag's inside (without `<name` and `>`). Linear in its length. */
function parseAttrs(inside: string): Map<string, string> {
  const attrs = new Map<string, string>()
  let i = 0
  while (i < inside.length) {
    while (i < inside.length && !NAME_START.test(inside[i]!)) i++
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
    if (end === -1) break
    if (name !== '' && !attrs.has(name)) attrs.set(name, inside.slice(i + 1, end))
    i = end + 1
  }
  return attrs
}

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
  // Tags, in one forward pass: a tag ends at the first `>`; a `<` before it means broken markup, skipped.
  const tags: CslTag[] = []
  let i = 0
  while (i < root.length) {
    const lt = root.indexOf('<', i)
    if (lt === -1) break
    let j = lt + 1
    while (j < root.length && root[j] !== '>' && root[j] !== '<') j++
    if (j >= root.length || root[j] === '<') {
      i = j
      continue
    }
    const inside = root.slice(lt + 1, j)
    i = j + 1
    if (inside.startsWith('!') || inside.startsWith('?')) continue
    const closing = inside.startsWith('/')
    const text = closing ? inside.slice(1) : inside
    // An XML name starts with a letter or underscore: `<-->` or `<1>` is text, not a tag.
    if (text === '' || !NAME_START.test(text[0]!)) continue
    let n = 1
    while (n < text.length && NAME_CHAR.test(text[n]!)) n++
    tags.push({
      name: text.slice(0, n),
      attrs: closing ? new Map() : parseAttrs(text.slice(n)),
      closing,
      selfClosing: !closing && text.trimEnd().endsWith('/'),
    })
  }
  const rootTag = tags[0]
  if (rootTag === undefined || rootTag.closing || !root.startsWith('<'))
    return { ok: false, problem: `the root element must be <${kind}> (no XML element found)` }
  if (rootTag.name !== kind)
    return { ok: false, problem: `the root element must be <${kind}>, found <${rootTag.name}>` }
  return { ok: true, root, rootTag, tags, body: root }
}

/** What the macro graph of a style costs, or why it is refused. @internal */
export type MacroCost =
  { readonly ok: true; readonly expansions: number } | { readonly ok: false; readonly problem: string }

/**
 * Counts how many macro calls formatting one entry can make: each `macro="…"` reference in the citation, the
 * bibliography and their sort keys, expanded through the macros it calls. A macro that calls itself, directly or
 * through others, is refused; so is a style whose calls expand beyond `limit` (a 1.5 KB style whose 20 macros each
 * call the next twice expands to a million calls). Linear in the number of macros and references: each macro's
 * expansion count is computed once.
 * @internal
 */
export function macroCost(tags: readonly CslTag[], limit: number): MacroCost {
  const calls = new Map<string, string[]>()
  const roots: string[] = []
  let current: string | undefined
  for (const tag of tags) {
    if (tag.name === 'macro') {
      if (tag.closing) current = undefined
      else {
        const name = tag.attrs.get('name') ?? ''
        if (calls.has(name)) return { ok: false, problem: `macro "${name}" is defined twice` }
        calls.set(name, [])
        current = tag.selfClosing ? undefined : name
      }
      continue
    }
    const ref = tag.closing ? undefined : tag.attrs.get('macro')
    if (ref === undefined) continue
    if (current === undefined) roots.push(ref)
    else calls.get(current)!.push(ref)
  }
  const cost = new Map<string, number>()
  const state = new Map<string, 'visiting' | 'done'>()
  // Iterative depth-first walk (a style may chain thousands of macros; recursion could overflow the stack).
  const expand = (start: string): number | string => {
    const stack: { name: string; next: number; sum: number }[] = [{ name: start, next: 0, sum: 1 }]
    state.set(start, 'visiting')
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!
      // A macro that is called but never defined prints nothing (formatting reports that): it costs one call.
      const refs = calls.get(frame.name) ?? []
      if (frame.next < refs.length) {
        const ref = refs[frame.next++]!
        const done = cost.get(ref)
        if (done !== undefined) {
          frame.sum = Math.min(frame.sum + done, limit + 1)
          continue
        }
        if (state.get(ref) === 'visiting')
          return `macro "${ref}" calls itself (through ${stack.map((f) => f.name).join(' → ')} → ${ref})`
        state.set(ref, 'visiting')
        stack.push({ name: ref, next: 0, sum: 1 })
        continue
      }
      stack.pop()
      cost.set(frame.name, frame.sum)
      state.set(frame.name, 'done')
      const parent = stack[stack.length - 1]
      if (parent !== undefined) parent.sum = Math.min(parent.sum + frame.sum, limit + 1)
    }
    return cost.get(start)!
  }
  let total = 0
  for (const ref of roots) {
    const c = cost.get(ref) ?? expand(ref)
    if (typeof c === 'string') return { ok: false, problem: c }
    total = Math.min(total + c, limit + 1)
  }
  if (total > limit)
    return { ok: false, problem: `its macro calls expand to more than ${limit.toLocaleString('en-US')} per entry` }
  return { ok: true, expansions: total }
}
