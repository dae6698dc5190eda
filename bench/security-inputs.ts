/**
 * Inputs built to be slow, shared by bench/security.ts (timings) and tests/security (ratio assertions): drafts for
 * `check`, CSL styles for `registerStyle`, and user records for narrative citations.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')

/** Realistic prose: the held-out drafts of the checker's evaluation, repeated up to `bytes`. */
export function prose(bytes: number): string {
  const dir = join(root, 'tests', 'check', 'fixtures', 'holdout')
  const text = readdirSync(dir)
    .filter((f) => /\.(md|txt)$/.test(f))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n\n')
  return text.repeat(Math.ceil(bytes / text.length)).slice(0, bytes)
}

/** Hostile drafts of about `bytes` bytes. */
export const drafts: Readonly<Record<string, (bytes: number) => string>> = {
  prose,
  'dots (`.` only)': (bytes) => '.'.repeat(bytes),
  // Review 29: a table header cell of many "what"s (the "what … claims" header rule read it quadratically).
  'one table header cell of many "what"s': (bytes) =>
    `| ${'what '.repeat(Math.ceil(bytes / 5))} | Our take |\n|---|---|\n| Ketamine works fast. | No. |\n`,
  // Review 29: one long thematic-break line (the break's expression ran out of stack at about 1.8 MB).
  'one line of `- ` marks': (bytes) => '- '.repeat(Math.ceil(bytes / 2)),
  headings: (bytes) => '# Ketamine works fast\n'.repeat(Math.ceil(bytes / 22)).slice(0, bytes),
  'one line of unclosed `<!--`, `![`, `[^`, `<a`, `<http:`': (bytes) =>
    `ketamine --> ${'<!-- ![x [^y <a <http:z '.repeat(Math.ceil(bytes / 28))}`.slice(0, bytes),
  'Pandoc keys with long runs of key punctuation': (bytes) =>
    `ketamine [@${'a-.'.repeat(Math.ceil(bytes / 6))} @${'-'.repeat(Math.ceil(bytes / 2))}`.slice(0, bytes),
  'one line of words, no punctuation': (bytes) =>
    'ketamine helps depression fast '.repeat(Math.ceil(bytes / 31)).slice(0, bytes),
  'list under one long lead': (bytes) =>
    `${'ketamine lasts weeks '.repeat(Math.ceil(bytes / 42))}:\n${'- ketamine lasts\n'.repeat(Math.ceil(bytes / 34))}`.slice(
      0,
      bytes,
    ),
  'quizzes: multiple-choice options, keys, blanks and answers': (bytes) => {
    const block = 'a) ketamine works fast ✓ (correct)\n1 – **a**.\n___ 2. ketamine lasts weeks\nAnswer: False\n'
    return `True or false?\n**1. Which of these is a MYTH?**\n${block.repeat(Math.ceil(bytes / 80))}`.slice(0, bytes)
  },
  'quiz tables: numbered rows with blanks, answers and long cells, and an answer key': (bytes) => {
    const rows = `| 1 | ketamine works fast | ____ |\n| 2 | ketamine ${'lasts '.repeat(40)}| False — short |\n`
    const table = `True or false?\n\n| # | Statement | T / F |\n|---|---|---|\n${rows.repeat(Math.ceil(bytes / 260))}`
    return `${table}\n## Answers\n\n| # | Answer |\n|---|---|\n${'| 1 | **T** |\n'.repeat(Math.ceil(bytes / 20))}`.slice(
      0,
      bytes,
    )
  },
  'one table row of many pipes, underscores and "T / F" cells': (bytes) =>
    `True or false?\n\n| a | b |\n|---|---|\n| 1 ${'| __ | T / F | **F** '.repeat(Math.ceil(bytes / 20))}`.slice(
      0,
      bytes,
    ),
  'plus signs between words and long runs of blanks': (bytes) =>
    `${'ketamine + therapy +'.repeat(Math.ceil(bytes / 40))}${' '.repeat(Math.ceil(bytes / 2))}+ k`.slice(0, bytes),
}

/** CSL styles built to be slow to register or to use. */
export const styles: Readonly<Record<string, (n: number) => string>> = {
  'unclosed `<!--` (n KB)': (n) => `${'<!--'.repeat(n * 256)}<style xmlns="http://purl.org/net/xbiblio/csl"/>`,
  '`<link` without rel (n KB)': (n) =>
    `<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0">${'<link '.repeat(n * 170)}</style>`,
  '`<-->` runs, no element names (n KB)': (n) =>
    `<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0">${'<-->'.repeat(n * 256)}</style>`,
  'valid style, one macro per 100 bytes, each called once (n KB)': (n) => wideStyle(n * 10),
  'open elements and stray closing tags, `</style><citation>>` (n KB)': (n) =>
    `<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0">${'</style><citation>>'.repeat(n * 54)}</style>`,
  'macros calling the next twice (n macros)': (n) => macroBomb(n),
}

/** A small style whose n macros each call the next one twice: 2^n expansions at first use. */
export function macroBomb(n: number): string {
  const macros = Array.from({ length: n }, (_, i) =>
    i === n - 1
      ? `<macro name="m${i}"><text variable="title"/></macro>`
      : `<macro name="m${i}"><text macro="m${i + 1}"/><text macro="m${i + 1}"/></macro>`,
  ).join('')
  return `<?xml version="1.0" encoding="utf-8"?><style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"><info><title>bomb</title><id>bomb</id><updated>2020-01-01T00:00:00+00:00</updated></info>${macros}<citation><layout><text macro="m0"/></layout></citation><bibliography><layout><text macro="m0"/></layout></bibliography></style>`
}

/**
 * The style of audit 35/A finding 3: four macros that each call the next ten times (11,111 calls, within the call
 * limit) ending in a macro of `titles` `<text variable="title"/>`: 10,000 × titles elements per entry (8.5 KB for
 * 300 titles, which took 25 s per reference).
 */
export function renderBomb(titles: number, fan = 10, depth = 4): string {
  const macros = Array.from(
    { length: depth },
    (_, d) => `<macro name="m${d + 1}"><group>${`<text macro="m${d + 2}"/>`.repeat(fan)}</group></macro>`,
  ).join('')
  const last = `<macro name="m${depth + 1}"><group>${'<text variable="title"/>'.repeat(titles)}</group></macro>`
  return (
    `<?xml version="1.0" encoding="utf-8"?><style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" ` +
    `version="1.0"><info><title>Boom</title><id>boom</id><updated>2020-01-01T00:00:00+00:00</updated></info>` +
    `${macros}${last}<citation><layout><text variable="title"/></layout></citation><bibliography><layout>` +
    `<text macro="m1"/></layout></bibliography></style>`
  )
}

/**
 * The records of audit 35/A finding 6, each within every record limit: 21 authors and 21 editors whose name parts are
 * 999 characters of one-letter words (`a a a …`), identical across records (40 took 90 s in one APA bibliography).
 */
export function nameHeavyRecords(n: number, names = 21): { id: string; type: string; title: string }[] {
  const part = Array.from({ length: 500 }, () => 'a')
    .join(' ')
    .slice(0, 999)
  const list = () => Array.from({ length: names }, () => ({ family: part, given: part }))
  return Array.from({ length: n }, (_, i) => ({
    id: `b${i}`,
    type: 'book',
    title: `T${i}`,
    author: list(),
    editor: list(),
  }))
}

/** n distinct user records for citations. */
export function userRecords(n: number): {
  id: string
  type: string
  title: string
  author: { family: string; given: string }[]
  issued: { 'date-parts': number[][] }
}[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `u${i}`,
    type: 'article-journal',
    title: `Title ${i}`,
    author: [{ family: `Family${i % 97}`, given: `Given${i}` }],
    issued: { 'date-parts': [[1950 + (i % 70)]] },
  }))
}

/** A valid style whose citation calls `count` macros once each, with a comment before each: large but harmless. */
export function wideStyle(count: number): string {
  const macros = Array.from(
    { length: count },
    (_, i) => `<!-- ${i} --><macro name="m${i}"><text variable="title"/></macro>`,
  ).join('')
  const calls = Array.from({ length: count }, (_, i) => `<text macro="m${i}"/>`).join('')
  return `<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"><info><title>w</title><id>w</id><updated>2020-01-01T00:00:00+00:00</updated></info>${macros}<citation><layout><group delimiter=" ">${calls}</group></layout></citation></style>`
}
