/**
 * Every refusal has a hint that says what to give instead (docs/limits.md), not one that repeats the message. The
 * hostile review of session 35 found records refused with no hint at all (a date range that ends before it starts,
 * bad `categories` or `custom`, a DOI with braces in BibTeX) and hints that only restated the message ("title must be
 * a string"). A source scan keeps new refusals from coming without one.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { formatReference, toBibTeX } from '../../src/cite/index'
import { kapError } from '../helpers/errors'
import { root } from '../helpers/paths'
import { sourceFiles } from '../helpers/source-files'

const base = {
  id: 'x-1',
  type: 'article-journal',
  title: 'T',
  author: [{ family: 'Smith', given: 'A' }],
  issued: { 'date-parts': [[2020]] },
}

/** The review's records, each refused with its code, and the hint each now has. */
const CASES: readonly (readonly [string, Record<string, unknown>, string])[] = [
  ['a title given as a number', { title: 5 }, "give title as text, e.g. 'Ketamine for depression'"],
  ['a name given as text', { author: ['Smith'] }, "write each name as an object: { family: 'Smith', given: 'Ana' }"],
  ['a name flag given as an object', { author: [{ family: 'S', 'parse-names': {} }] }, 'e.g. parse-names: true'],
  ['an empty date part', { issued: { 'date-parts': [[]] } }, "e.g. { 'date-parts': [[2019, 3, 27]] }"],
  ['a date given as text', { issued: '2020' }, "e.g. { 'date-parts': [[2019, 3, 27]] }"],
  ['a range that ends before it starts', { issued: { 'date-parts': [[2020], [2019]] } }, 'put the earlier date first'],
  ['a season of the wrong type', { issued: { 'date-parts': [[2020]], season: {} } }, 'a season is text or a number'],
  ['a volume given as a boolean', { volume: true }, "e.g. volume: 12 or volume: '12-14'"],
  ['categories holding a number', { categories: [1] }, "e.g. ['psychiatry', 'ketamine']"],
  ['custom given as a list', { custom: [] }, "e.g. custom: { note: 'read in 2024' }"],
  ['a month out of range', { issued: { 'date-parts': [[2020, 17]] } }, 'leave the month out if it is not known'],
  ['a day the month lacks', { issued: { 'date-parts': [[2021, 2, 29]] } }, 'leave the day out if it is not known'],
]

describe('refusals carry a hint of what to give instead (hostile review, session 35)', () => {
  it.each(CASES)('%s: INVALID_RECORD with its hint, in formatting and in BibTeX', (_, patch, hint) => {
    for (const refuse of [
      () => formatReference({ ...base, ...patch }, { style: 'apa', format: 'text' }),
      () => toBibTeX([{ ...base, ...patch }]),
    ]) {
      const e = kapError(refuse)
      expect(e.code).toBe('INVALID_RECORD')
      expect(e.hint).toContain(hint)
      // Not the message again: the hint adds what the message does not say.
      expect(e.message).not.toContain(e.hint!)
    }
  })

  it('a DOI holding braces is refused in BibTeX with a hint', () => {
    const e = kapError(() => toBibTeX([{ ...base, DOI: '10.1234/a{b}' }]))
    expect([e.code, e.hint]).toEqual([
      'INVALID_RECORD',
      'remove the braces and backslashes from DOI; no registered identifier holds them',
    ])
  })

  it('every refusal in the source gives a hint, or a message of the form "…, got …" that lends one', () => {
    const missing: string[] = []
    for (const file of sourceFiles()) {
      const text = readFileSync(file, 'utf8')
      for (
        let at = text.indexOf('new KapLiteratureError(');
        at !== -1;
        at = text.indexOf('new KapLiteratureError(', at + 1)
      ) {
        // The call, to its closing parenthesis.
        let depth = 0
        let end = at + 'new KapLiteratureError'.length
        for (; end < text.length; end++) {
          if (text[end] === '(') depth++
          else if (text[end] === ')' && --depth === 0) break
        }
        const call = text.slice(at, end + 1)
        if (/\bhint\b/.test(call) || /, got /.test(call)) continue
        missing.push(`${file.slice(root.length + 1)}: ${call.replace(/\s+/g, ' ')}`)
      }
    }
    expect(missing).toEqual([])
  })
})
