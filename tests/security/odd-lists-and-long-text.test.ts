/**
 * A hostile review (session 35) found inputs that still escaped as a raw TypeError or ended the process:
 * - a list of ids whose own iterator is broken (`ids[Symbol.iterator] = 5`) gave "list is not iterable" in the
 *   precomputed citations, while every other entry read it; a Proxy claiming a length of 10^12 was read for ever;
 * - tens of millions of characters to escape (`citeProse` in HTML or Markdown, `jsonLdToScript`, `toJsonLdScript`
 *   through a verdict note) aborted the JavaScript engine itself: no try/catch could stop it;
 * - `jsonLdToScript` of a value whose `toJSON` gives nothing put an internal TypeError's text in its message.
 */
import { describe, expect, it } from 'vitest'
import {
  citeProse,
  createCitationSession,
  formatBibliography,
  formatCitation,
  type CitableId,
} from '../../src/citations/index'
import { MAX_IDS } from '../../src/citations/ids'
import { jsonLdToScript, toJsonLdScript } from '../../src/jsonld/index'
import { MAX_ESCAPED_LENGTH } from '../../src/escape'
import { kapError } from '../helpers/errors'

describe('lists of ids are read by index, within a bound', () => {
  it('a list whose iterator is broken is read as the list it is', () => {
    const ids: CitableId[] = ['dore-2019']
    ;(ids as unknown as Record<symbol, unknown>)[Symbol.iterator] = 5
    expect(formatCitation(ids)).toBe('(Dore et al., 2019)')
    expect(formatBibliography(ids)).toContain('Dore, J., Turnipseed, B.')
    expect(createCitationSession().cite(ids)).toBe('(Dore et al., 2019)')
    // An iterator that yields nothing does not hide the entries the list holds.
    const empty: CitableId[] = ['wilkinson-2021']
    ;(empty as unknown as Record<symbol, unknown>)[Symbol.iterator] = function* () {}
    expect(formatCitation(empty)).toBe('(Wilkinson et al., 2021)')
  })

  it('a list that claims more than a million entries is refused at once (LIMIT_EXCEEDED)', () => {
    const huge = new Proxy([], { get: (_, k) => (k === 'length' ? 1e12 : 'dore-2019') })
    const started = performance.now()
    const e = kapError(() => formatCitation(huge as never))
    expect([e.code, e.value, e.message]).toEqual([
      'LIMIT_EXCEEDED',
      1e12,
      `kap-literature: a list of more than ${MAX_IDS.toLocaleString('en-US')} ids`,
    ])
    expect(performance.now() - started).toBeLessThan(1000)
    // A million repeats are fine.
    expect(formatCitation(new Array<CitableId>(MAX_IDS).fill('dore-2019'))).toBe('(Dore et al., 2019)')
  })
})

describe('text too long to escape in one call is refused before it is escaped', () => {
  it(`citeProse takes at most ${MAX_ESCAPED_LENGTH.toLocaleString('en-US')} characters`, () => {
    const text = '<'.repeat(MAX_ESCAPED_LENGTH + 1)
    for (const format of ['html', 'markdown', 'text'] as const) {
      const e = kapError(() => citeProse(text, createCitationSession({ format }), format))
      expect([e.code, e.value, e.hint]).toEqual([
        'LIMIT_EXCEEDED',
        `${MAX_ESCAPED_LENGTH + 1} characters`,
        'cite the text in parts, a section or a paragraph at a time',
      ])
    }
    // A long note within the limit is cited and escaped.
    const note = `${'<b> '.repeat(100_000)}dore-2019`
    const cited = /^(&lt;b&gt; ){100000}<span class="kap-cite kap-cite-narrative">Dore et al. \(2019\)<\/span>$/
    expect(citeProse(note, createCitationSession({ format: 'html' }), 'html')).toMatch(cited)
  })

  it(`a script element holds at most ${MAX_ESCAPED_LENGTH.toLocaleString('en-US')} characters of JSON`, () => {
    const e = kapError(() => jsonLdToScript({ '@type': 'Thing', name: '<'.repeat(MAX_ESCAPED_LENGTH) }))
    expect([e.code, e.hint]).toEqual([
      'LIMIT_EXCEEDED',
      'shorten the notes you pass, or split the document into several',
    ])
    // Through the documented path for a curator's own note too.
    const id = 'without-therapy-ketamine-effects-fade-faster'
    const long = kapError(() => toJsonLdScript(id, { details: [{ id, verdictNote: '<'.repeat(MAX_ESCAPED_LENGTH) }] }))
    expect(long.code).toBe('LIMIT_EXCEEDED')
    expect(jsonLdToScript({ '@type': 'Thing', name: '<'.repeat(1000) })).toContain('\\u003c'.repeat(1000))
  })

  it('a value with no JSON form is refused in words of the library, not of the engine', () => {
    const e = kapError(() => jsonLdToScript({ toJSON: () => undefined } as never))
    expect([e.code, e.message, e.hint]).toEqual([
      'INVALID_ARGUMENT',
      'kap-literature: the value has no JSON form',
      'pass plain JSON data: objects, arrays, strings, numbers, booleans and null',
    ])
  })
})
