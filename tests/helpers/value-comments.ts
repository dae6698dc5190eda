// Value comments in example code are checked, not just shown. In a runnable example (a TSDoc `@example` or a `ts run`
// block of the docs) a line whose trailing comment starts with a literal — `'text'`, `"text"`, a number, `true`,
// `false`, `null` or `undefined` — or with a bracketed display of a value (`['a', 'b']`, `{ a: 1, … }`) claims that
// the line's value is that:
//
//   findStudy({ pmid: '34186531' })?.id   // 'wilkinson-2021'
//   isCitable(getStudy('dore-2019'))      // true: it has authors, title, journal and date
//   const rating = verdictRatings.oversimplified // 4
//   parseIds('dore-2019, wilkinson-2021') // ['dore-2019', 'wilkinson-2021']
//
// `valueComments` rewrites such lines so that the module throws when the value differs. The value of a line is the
// expression itself, the variable a `const`/`let` line declares, or the argument of a one-argument `console.log(…)`;
// a statement may start on earlier lines (the comment sits on its last line). A literal is compared exactly; in a
// string that holds `…`, the `…` stands for any text (as in the docs' console blocks) and a space for any white space,
// so a one-line comment can show text that prints on several lines. A display is compared with util.inspect's
// one-line form, white space aside, and `…` in it stands for any further items. Comments that start with a word are
// prose and stay unchecked.

import { inspect } from 'node:util'
import { escapeRegExp } from '../../scripts/lib/text'

const LITERAL = /^('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false|null|undefined)(?=$|[\s:;,(—…])/
/** What may follow a bracketed display (`// ['a', 'b']`, `// { a: 1, … }`): the end, or a separator before prose. */
const AFTER_DISPLAY = /^(?:$|[\s:;,—])/

/** The net bracket depth of `code`, skipping string and template literals; NaN when a literal is left open. */
export function bracketDepth(code: string): number {
  let depth = 0
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!
    if (c === "'" || c === '"' || c === '`') {
      let j = i + 1
      while (j < code.length && code[j] !== c) j += code[j] === '\\' ? 2 : 1
      if (j >= code.length) return Number.NaN
      i = j
    } else if (c === '(' || c === '[' || c === '{') depth++
    else if (c === ')' || c === ']' || c === '}') depth--
  }
  return depth
}

/** The line split at its first `//` outside string literals, or undefined when it has none after some code. */
function splitComment(line: string): { code: string; comment: string } | undefined {
  for (let i = line.indexOf('//'); i > 0; i = line.indexOf('//', i + 1)) {
    const code = line.slice(0, i).trimEnd()
    if (code.trim() !== '' && !Number.isNaN(bracketDepth(code))) return { code, comment: line.slice(i + 2).trim() }
  }
  return undefined
}

/** The value a comment claims, as source text, and whether it is a literal or a bracketed display of one. */
function claimed(comment: string): { text: string; display: boolean } | undefined {
  const literal = LITERAL.exec(comment)
  if (literal !== null) return { text: literal[1]!, display: false }
  if (comment[0] !== '[' && comment[0] !== '{') return undefined
  for (let end = 1; end <= comment.length; end++) {
    const head = comment.slice(0, end)
    if (bracketDepth(head) === 0)
      return AFTER_DISPLAY.test(comment.slice(end)) ? { text: head, display: true } : undefined
  }
  return undefined
}

/** The top-level arguments of a call's argument text (commas inside brackets or strings do not split). */
function topLevelCommas(args: string): number {
  let n = 0
  for (let i = 1; i <= args.length; i++) if (args[i - 1] === ',' && bracketDepth(args.slice(0, i - 1)) === 0) n++
  return n
}

/** The code with every checked value comment turned into a runtime check; `where` names the example in errors. */
export function valueComments(code: string, where: string): string {
  const lines = code.split('\n')
  let checks = 0
  for (let i = 0; i < lines.length; i++) {
    const split = splitComment(lines[i]!)
    if (split === undefined) continue
    const value = claimed(split.comment)
    if (value === undefined) continue
    const indent = /^\s*/.exec(lines[i]!)![0]
    let start = i
    let statement = split.code.trim()
    // The statement may open on an earlier line: walk back while brackets are unbalanced or a line continues a chain.
    while ((bracketDepth(statement) < 0 || /^\??\./.test(statement)) && start > 0)
      statement = `${lines[--start]!.trim()}\n${statement}`
    if (bracketDepth(statement) !== 0) continue
    const guard = statement.startsWith(';') ? ';' : '' // a leading `;` guards a line that opens with ( or [
    statement = statement.replace(/^;/, '').replace(/;\s*$/, '')
    const expected = value.display ? JSON.stringify(value.text) : value.text
    const label = JSON.stringify(`${where}, line ${i + 1}`)
    const check = (actual: string) => `__kapCheck(${actual}, ${expected}, ${value.display}, ${label})`
    let rewritten: string
    const declared = /^(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=/.exec(statement)
    const logged = /^console\.log\(([\s\S]*)\)$/.exec(statement)
    if (declared !== null) rewritten = `${statement}; ${check(declared[1]!)}`
    else if (logged !== null) {
      if (bracketDepth(logged[1]!) !== 0 || topLevelCommas(logged[1]!) > 0) continue
      rewritten = `console.log(${check(logged[1]!)})`
    } else if (/^(?:import|export|return|if|for|while|type|interface)\b/.test(statement)) continue
    else rewritten = check(`(${statement})`)
    lines.splice(start, i - start + 1, ...`${indent}${guard}${rewritten}`.split('\n')) // as many lines as before
    checks++
  }
  if (checks === 0) return code
  return `${lines.join('\n')}\nimport { valueCheck as __kapCheck } from ${JSON.stringify(import.meta.url)}\n`
}

/**
 * The check the rewritten lines call (imported into each example as `__kapCheck`): the actual value, returned unchanged,
 * or an error naming the example's line, what its comment says and what the code gives.
 */
export function valueCheck(actual: unknown, expected: unknown, display: boolean, where: string): unknown {
  // A display is compared with util.inspect's one-line form, all white space aside.
  const inspected = inspect(actual, { breakLength: Infinity, depth: null })
  const shown = display ? inspected.replace(/\s+/g, '') : actual
  const wanted = display ? String(expected).replace(/\s+/g, '') : expected
  const ok =
    typeof wanted === 'string' && typeof shown === 'string' && (display || wanted.includes('…'))
      ? ellipsisPattern(wanted).test(shown)
      : Object.is(shown, wanted)
  const said = display ? String(expected) : JSON.stringify(expected)
  const gave = display ? inspected : JSON.stringify(actual)
  if (!ok) throw new Error(`${where}: the comment says ${said}, the code gives ${gave}`)
  return actual
}

/** `…` is any text (`, …` and `…,` also none at all), a space any white space; the rest is literal. */
function ellipsisPattern(text: string): RegExp {
  const part = (p: string) =>
    p === ',…'
      ? '(?:,[\\s\\S]*)?'
      : p === '…,'
        ? '(?:[\\s\\S]*,)?'
        : p === '…'
          ? '[\\s\\S]*'
          : escapeRegExp(p).replace(/ /g, '\\s+')
  return new RegExp(
    `^${text
      .split(/(,…|…,|…)/)
      .map(part)
      .join('')}$`,
  )
}
