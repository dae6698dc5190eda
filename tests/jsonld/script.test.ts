import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { claimIds, KapLiteratureError, sourceIds, studyIds } from '../../src/index'
import { fullClaims, fullStudies, type Claim, type Study } from '../../src/details/index'

const studies = fullStudies()
const claims = fullClaims()
import { jsonLdToScript, toJsonLd, toJsonLdScript } from '../../src/jsonld/index'
import { claimNode, studyNode } from '../../src/jsonld/convert'
import { escapeJsonForHtml, scriptElement } from '../../src/jsonld/script'

const OPEN = '<script type="application/ld+json">'
const CLOSE = '</script>'

/** The element's content, after checking it is exactly one script element. */
function inner(html: string): string {
  expect(html.startsWith(OPEN)).toBe(true)
  expect(html.endsWith(CLOSE)).toBe(true)
  const content = html.slice(OPEN.length, -CLOSE.length)
  return content
}

/** What an HTML parser would treat as the end of, or a comment in, a script element's content. */
function expectNoBreakout(content: string): void {
  const lower = content.toLowerCase()
  expect(lower).not.toContain('</script')
  expect(lower).not.toContain('<!--')
  expect(lower).not.toContain('-->')
  expect(content).not.toMatch(/[<>&\u2028\u2029]/)
}

// Strings biased towards the characters that matter, mixed with any Unicode (including lone surrogates).
const nasty = fc.string({
  unit: fc.oneof(
    fc.constantFrom('<', '>', '&', '/', '!', '-', '\\', '"', "'", '\u2028', '\u2029', '\u0000', ' ', '\n'),
    fc.constantFrom('</script>', '</SCRIPT ', '<!--', '-->', '<script>', '</ScRiPt', '&lt;', '\\u003c', '\\'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 60,
})

describe('escapeJsonForHtml', () => {
  it('escapes exactly <, >, &, U+2028 and U+2029', () => {
    expect(escapeJsonForHtml('"a</script><!-- & \u2028\u2029 b"')).toBe(
      '"a\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\u2029 b"',
    )
    expect(escapeJsonForHtml('{"plain":"text é ✓"}')).toBe('{"plain":"text é ✓"}')
  })

  it('never leaves </script or <!-- in any string, in any case (property)', () => {
    fc.assert(
      fc.property(nasty, (s) => expectNoBreakout(escapeJsonForHtml(s))),
      { numRuns: 2000 },
    )
  })

  it('keeps JSON meaning: parse(escape(stringify(s))) === s for any string (property)', () => {
    fc.assert(
      fc.property(nasty, (s) => {
        expect(JSON.parse(escapeJsonForHtml(JSON.stringify(s)))).toBe(s)
      }),
      { numRuns: 2000 },
    )
  })

  it('keeps JSON meaning for any JSON value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = JSON.stringify(v)
        expect(JSON.parse(escapeJsonForHtml(text))).toEqual(JSON.parse(text))
      }),
      { numRuns: 500 },
    )
  })
})

describe('toJsonLdScript', () => {
  it('wraps every shipped record as one script element whose content parses back to toJsonLd', () => {
    for (const id of [...studyIds, ...claimIds, ...sourceIds]) {
      const html = toJsonLdScript(id)
      const content = inner(html)
      expectNoBreakout(content)
      expect(JSON.parse(content), id).toEqual(toJsonLd(id))
      expect(html.indexOf(CLOSE)).toBe(html.length - CLOSE.length)
    }
  })

  it('wraps a list as a @graph', () => {
    const ids = ['dore-2019', 'without-therapy-ketamine-effects-fade-faster'] as const
    expect(JSON.parse(inner(toJsonLdScript(ids)))).toEqual(toJsonLd(ids))
    expect(JSON.parse(inner(toJsonLdScript(ids)))['@graph']).toHaveLength(2)
  })

  it('escapes the ampersand in real data (fda-esketamine-2020 names Johnson & Johnson)', () => {
    const html = toJsonLdScript('fda-esketamine-2020')
    expect(html).toContain('Johnson \\u0026 Johnson')
    expect(html).not.toContain('Johnson & Johnson')
  })

  it("stays safe when a record's own text tries to close the script (property, study and claim)", () => {
    const baseStudy = studies.find((s) => s.id === 'dore-2019')!
    const baseClaim = claims.find((c) => c.id === 'without-therapy-ketamine-effects-fade-faster')!
    fc.assert(
      fc.property(nasty, nasty, nasty, (title, statement, note) => {
        const s: Study = {
          ...baseStudy,
          csl: { ...baseStudy.csl, title, author: [{ family: note, given: title }] },
          status: { retracted: false, corrections: [note] },
        }
        const c: Claim = { ...baseClaim, statement, verdictNote: note }
        for (const node of [studyNode(s), claimNode(c)]) {
          const html = scriptElement({ '@context': 'https://schema.org', ...node })
          const content = inner(html)
          expectNoBreakout(content)
          // Searched in the text itself: lower-casing "İ" adds a code unit and would move every index after it.
          expect(html.search(/<\/script/i)).toBe(html.length - CLOSE.length)
          expect(JSON.parse(content)).toEqual({ '@context': 'https://schema.org', ...node })
        }
      }),
      { numRuns: 300, examples: [['İ', '', '']] },
    )
  })
})

describe('jsonLdToScript', () => {
  it('serialises a caller-extended object with the same escaping', () => {
    const review = {
      ...toJsonLd('without-therapy-ketamine-effects-fade-faster'),
      url: 'https://example.org/x?a=1&b=</script>',
    }
    const html = jsonLdToScript(review)
    expectNoBreakout(inner(html))
    expect(JSON.parse(inner(html))).toEqual(review)
    expect(jsonLdToScript(toJsonLd('dore-2019'))).toBe(toJsonLdScript('dore-2019'))
    expect(jsonLdToScript([])).toBe(`${OPEN}[]${CLOSE}`)
  })

  it('throws INVALID_ARGUMENT for non-objects and for values JSON cannot hold', () => {
    const cyclic: Record<string, unknown> = { '@type': 'Thing' }
    cyclic.self = cyclic
    for (const bad of ['<script>', 42, null, undefined, cyclic, { n: 10n }]) {
      try {
        jsonLdToScript(bad as never)
        expect.unreachable(String(bad))
      } catch (e) {
        expect(e).toBeInstanceOf(KapLiteratureError)
        expect((e as KapLiteratureError).code).toBe('INVALID_ARGUMENT')
      }
    }
  })

  it('never lets caller text break out (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(nasty, nasty), (extra) => {
        const doc = { '@context': 'https://schema.org', '@type': 'Thing', ...extra }
        const content = inner(jsonLdToScript(doc))
        expectNoBreakout(content)
        expect(JSON.parse(content)).toEqual(JSON.parse(JSON.stringify(doc)))
      }),
      { numRuns: 300 },
    )
  })
})
