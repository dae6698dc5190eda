/**
 * Audit 35 (A), finding 17: the precomputed `citations` entry silently ignored bad option values. `narrative: 'yes'`
 * or `1` gave the parenthetical form, citeProse ignored `link: 'yes'` and a misspelt key (`lnk`), and a citeProse
 * format other than the session's returned the session's format (HTML from a call that asked for text). Each is now
 * `INVALID_ARGUMENT` with a hint, as `session.cite` and `kap-literature/cite` already were.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  citationFormats,
  citeProse,
  createCitationSession,
  formatCitation,
  styleCitations,
  type CitationFormat,
} from '../../src/citations/index'
import { apa } from '../../src/citations/apa'
import { kapError } from '../helpers/errors'

const thrown = kapError

/** Values that are not a boolean (undefined is "left out" and allowed). */
const notBoolean = fc.anything().filter((v) => v !== undefined && typeof v !== 'boolean')

describe("the audit's cases", () => {
  it('formatCitation refuses narrative: "yes"', () => {
    const e = thrown(() => formatCitation('dore-2019', { narrative: 'yes' as never }))
    expect([e.code, e.value]).toEqual(['INVALID_ARGUMENT', 'yes'])
    expect(e.message).toBe('kap-literature: options.narrative must be a boolean, got "yes"')
    expect(e.hint).toBe('narrative: true, or leave it out')
  })

  it("styleCitations('ama').formatCitation refuses narrative: 1", () => {
    const e = thrown(() => styleCitations('ama').formatCitation('dore-2019', { narrative: 1 as never }))
    expect([e.code, e.value]).toEqual(['INVALID_ARGUMENT', 1])
  })

  it('citeProse refuses link: "yes" and the misspelt key lnk', () => {
    const s = createCitationSession({ format: 'html' })
    expect(thrown(() => citeProse('See dore-2019.', s, 'html', { link: 'yes' as never })).message).toBe(
      'kap-literature: options.link must be a boolean, got "yes"',
    )
    const e = thrown(() => citeProse('See dore-2019.', s, 'html', { lnk: true } as never))
    expect([e.code, e.value, e.hint]).toEqual(['INVALID_ARGUMENT', 'lnk', 'link'])
  })

  it("citeProse refuses a format that is not the session's", () => {
    const e = thrown(() => citeProse('See dore-2019.', createCitationSession({ format: 'html' }), 'text'))
    expect([e.code, e.value]).toEqual(['INVALID_ARGUMENT', 'text'])
    expect(e.message).toBe('kap-literature: citeProse format "text" is not the session\'s format "html"')
    // A format that is no format at all is still UNKNOWN_FORMAT.
    expect(thrown(() => citeProse('x', createCitationSession(), 'pdf' as never)).code).toBe('UNKNOWN_FORMAT')
  })

  it('true, false and leaving an option out still work', () => {
    expect(formatCitation('dore-2019', { narrative: true })).toBe('Dore et al. (2019)')
    expect(formatCitation('dore-2019', { narrative: false })).toBe('(Dore et al., 2019)')
    const s = createCitationSession({ format: 'html' })
    expect(s.format).toBe('html')
    expect(citeProse('See dore-2019.', s, 'html', { link: false })).toBe(citeProse('See dore-2019.', s, 'html', {}))
  })
})

describe('every boolean option refuses every other value (property)', () => {
  const calls: readonly [string, (v: unknown) => unknown][] = [
    ['formatCitation narrative', (v) => formatCitation('dore-2019', { narrative: v as never })],
    ['apa.formatCitation narrative', (v) => apa.formatCitation('dore-2019', { narrative: v as never })],
    [
      'vancouver formatCitation narrative',
      (v) => styleCitations('vancouver').formatCitation('dore-2019', { narrative: v as never }),
    ],
    ['session.cite narrative', (v) => createCitationSession().cite('dore-2019', { narrative: v as never })],
    ['session.cite link', (v) => createCitationSession({ format: 'html' }).cite('dore-2019', { link: v as never })],
    ['citeProse link', (v) => citeProse('See dore-2019.', createCitationSession(), 'text', { link: v as never })],
  ]
  for (const [label, call] of calls) {
    it(label, () => {
      fc.assert(
        fc.property(notBoolean, (v) => {
          const e = thrown(() => call(v))
          expect(e.code).toBe('INVALID_ARGUMENT')
          expect(e.message).toMatch(/options\.(narrative|link) must be a boolean, got /)
        }),
        { numRuns: 100 },
      )
    })
  }

  it("citeProse refuses any key but link, and any format but the session's", () => {
    fc.assert(
      fc.property(
        fc.string().filter((k) => k !== 'link' && k !== '__proto__'),
        (key) => {
          const s = createCitationSession()
          expect(thrown(() => citeProse('See dore-2019.', s, 'text', { [key]: true } as never)).code).toBe(
            'INVALID_ARGUMENT',
          )
        },
      ),
      { numRuns: 100 },
    )
    for (const made of citationFormats)
      for (const asked of citationFormats) {
        const s = createCitationSession({ format: made })
        const call = () => citeProse('See dore-2019.', s, asked as CitationFormat)
        if (made === asked) expect(call()).toContain('Dore et al.')
        else expect(thrown(call).code).toBe('INVALID_ARGUMENT')
      }
  })
})
