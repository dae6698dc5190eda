/**
 * Issue 13, finding 1: Markdown output must not run script in common renderers. Every Markdown output of the library
 * (shipped records in every style and form, the citation-js engine, hostile user records, citeProse, a handout) is
 * rendered with marked (GFM) and markdown-it (linkify), and the HTML may hold only plain-text markup: no element or
 * attribute that executes or loads anything. Before the fix, GFM autolinking turned `\<` escapes into live HTML.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as cite from '../../src/cite/index'
import { citationStyles, citeProse, createCitationSession } from '../../src/citations/index'
import { escapeMarkdown } from '../../src/escape'
import { markdownLinkTarget, renderStyledRuns } from '../../src/runs'
import { MAX_RATIO, growth } from './timing'
import {
  engineShippedMarkdown,
  FIELDS,
  foreignLinks,
  handoutMarkdown,
  hostileRecord,
  LINK_PAYLOADS,
  liveMarkup,
  PAYLOADS,
  refusedPayload,
  renderers,
  shippedMarkdown,
  userMarkdown,
} from './markdown-corpus'

/** The first link's address in rendered HTML, with the HTML's character references decoded as a browser would. */
const hrefIn = (html: string): string =>
  (/<a [^>]*href="([^"]*)"/.exec(html)?.[1] ?? '')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&(amp|lt|gt|quot);/g, (_, n: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[n]!)

/** No live markup, and no link but those the library built (audit 35, A-10: autolinked text). */
/** Pieces that an autolinking renderer could join into a link. */
const AUTOLINK_PIECES = [
  'http://',
  'HTTPS://',
  'ftp://',
  'mailto:',
  '//',
  '/',
  ':',
  '.',
  'www.',
  'WWW.',
  '@',
  'evil',
  '.com',
  '.co',
  '.org/x',
  'localhost',
  '127.0.0.1',
  'xn--p1ai',
  '.рф',
  'пример',
]

function expectInert(markdown: readonly string[]): void {
  for (const [name, render] of Object.entries(renderers)) {
    const problems = markdown.flatMap((md) => {
      const html = render(md)
      return [...liveMarkup(html), ...foreignLinks(md, html)].map((p) => `${name}: ${p}\n  from ${md.slice(0, 200)}`)
    })
    expect(problems.slice(0, 5)).toEqual([])
  }
}

describe('Markdown output renders inert in marked and markdown-it', () => {
  it('the checker itself flags live markup (so a pass means something)', () => {
    expect(liveMarkup('<p><img src=x onerror=alert(1)></p>')).not.toEqual([])
    expect(liveMarkup('<a href="javascript:alert(1)">x</a>')).not.toEqual([])
    expect(liveMarkup('<p>x <a href="https://x.org/a%3C">y</a></p>')).toEqual([])
    // The payload of the report, escaped the old way, is live in marked.
    expect(liveMarkup(renderers.marked!('http://x/\\<img src=x onerror=alert(1)//>'))).not.toEqual([])
  })

  it("the issue's reproduction: a URL with an <img> payload is refused (audit 35/A 16), and inert in a title", () => {
    const record = { id: 'u1', type: 'article-journal', title: 'T', author: [{ family: 'S' }] }
    const payload = 'http://x/<img src=x onerror=alert(1)//>'
    expect(() => cite.formatReference({ ...record, URL: payload }, { style: 'apa', format: 'markdown' })).toThrow(
      /URL holds a space, a quote or an angle bracket/,
    )
    const md = cite.formatReference({ ...record, title: payload }, { style: 'apa', format: 'markdown' })
    expect(md).toContain('&lt;img')
    expect(md).not.toMatch(/\\</)
    expectInert([md])
  })

  it('every shipped record in every precomputed style and form', () => {
    const md = shippedMarkdown()
    expect(md.length).toBeGreaterThan(300)
    expectInert(md)
  })

  it('every shipped record through the citation-js engine', () => {
    expectInert(engineShippedMarkdown())
  }, 120_000)

  it(`user records: ${PAYLOADS.length} payloads × ${FIELDS.length} fields × 3 styles`, () => {
    expectInert(userMarkdown())
  }, 120_000)

  it(`user records: ${LINK_PAYLOADS.length} autolink payloads × ${FIELDS.length} fields × 3 styles (audit 35, A-10)`, () => {
    expectInert(userMarkdown(LINK_PAYLOADS))
  }, 120_000)

  it("the audit's reproduction: bare addresses of other schemes, www. and e-mail are text, not links", () => {
    const title = 'see //evil.com/x and ftp://evil.com and http://evil.com and www.evil.com and a@b.co'
    for (const URL of [
      'ftp://evil.example/x',
      'http://evil.example/x',
      'www.evil.example/x',
      'mailto:a@evil.example',
    ]) {
      const md = cite.formatReference(
        { id: 'u', type: 'webpage', title, author: [{ family: 'S' }], URL },
        { style: 'apa', format: 'markdown' },
      )
      for (const render of Object.values(renderers)) {
        const html = render(md)
        expect(html).not.toContain('<a')
        // The text reads as it was given.
        expect(html).toContain(URL)
        expect(html).toContain('a@b.co')
      }
    }
  })

  it('a citeProse note: text around ids never joins a cited name into a link', () => {
    const notes = [
      'see evil.li-2010 and x.li-2010.',
      'www.dore-2019 and //dore-2019 and a@dore-2019',
      'ftp://x.org/dore-2019',
    ]
    const md = citationStyles.flatMap(({ key: style }) => {
      const session = createCitationSession({ style, format: 'markdown' })
      return notes.map((note) => citeProse(note, session, 'markdown'))
    })
    expectInert(md)
  })

  it('a full handout', async () => {
    expectInert([await handoutMarkdown()])
  }, 60_000)

  it('escapeMarkdown output is inert for any text (property)', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        ...PAYLOADS,
        '<',
        '>',
        '&',
        '\\',
        '`',
        '[',
        ']',
        '(',
        ')',
        '!',
        '*',
        '_',
        'http://',
        'https://',
        'www.',
        ' ',
        '\n',
        '#',
        '- ',
        '1. ',
        'on',
        '=',
        ...LINK_PAYLOADS,
        ...AUTOLINK_PIECES,
      ),
      fc.string(),
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const md = escapeMarkdown(parts.join(''))
        for (const render of Object.values(renderers)) {
          const html = render(md)
          expect(liveMarkup(html)).toEqual([])
          // Text is never a link (audit 35, A-10): only the links the library builds itself are.
          expect(html).not.toContain('<a')
        }
      }),
      { numRuns: 500 },
    )
  })

  it('escapeMarkdown runs in linear time on long runs of blanks (with and without line breaks) and of link joints', () => {
    for (const unit of [' ', ' \t', '  \n', 'a  ', 'www.', '/', 'a.b', '@', 'http://']) {
      const g = growth(
        (size) => {
          const text = unit.repeat(size)
          return () => escapeMarkdown(text)
        },
        10_000,
        80_000,
      )
      expect(g.ratio, JSON.stringify(unit)).toBeLessThanOrEqual(MAX_RATIO)
    }
  })

  it('escapeMarkdown output reads back as the same text (property), with `&` left bare unless it starts a reference', () => {
    const decode = (html: string): string =>
      html
        .replace(/<[^>]*>/g, '')
        .replace(
          /&(lt|gt|quot|#39|amp);/g,
          (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!,
        )
        .replace(/\s+/g, ' ')
        .trim()
    const piece = fc.oneof(
      fc.constantFrom(
        '&',
        '&amp;',
        '&copy;',
        '&#65;',
        '&#x41;',
        '&nbsp',
        '#',
        ';',
        '<',
        '>',
        ' ',
        '*',
        '_',
        'Johnson ',
        '- ',
        '+ ',
        '1. ',
        '1) ',
        '0.',
        '-',
        '=',
        '---',
        '\n',
        ...AUTOLINK_PIECES,
      ),
      fc.stringMatching(/^[A-Za-z0-9]{1,6}$/),
    )
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 10 }), (parts) => {
        const text = parts.join('')
        const md = escapeMarkdown(text)
        for (const render of Object.values(renderers)) expect(decode(render(md))).toBe(text.replace(/\s+/g, ' ').trim())
      }),
      { numRuns: 300 },
    )
    expect(escapeMarkdown('Fenton, L., & Sanacora, G.')).toBe('Fenton, L., & Sanacora, G.')
    // Blanks before a line break would be a hard break (found by this property): one space is left.
    expect(escapeMarkdown('Johnson  \n0')).toBe('Johnson \n0')
    expect(escapeMarkdown('+ \t \na  b')).toBe('\\+ \na  b')
    // A list marker at the end of a line, or with `)`, starts a list too (found by this property: "0." read back empty).
    expect(escapeMarkdown('0.')).toBe('0\\.')
    expect(escapeMarkdown('1) Ketamine\n-')).toBe('1\\) Ketamine\n\\-')
    // A line of `=` or `-` under text would make it a heading, and `---` a rule.
    expect(escapeMarkdown('Ketamine\n==\n--\n---')).toBe('Ketamine\n\\==\n\\--\n\\---')
    expect(escapeMarkdown('AT&T; &copy; &#65; R&D')).toBe('AT&amp;T; &amp;copy; &amp;\\#65; R&D')
  })

  it('user text in any field of a record renders inert (property)', () => {
    const payload = fc
      .array(
        fc.constantFrom(...PAYLOADS, ...LINK_PAYLOADS, '<', '>', '&', 'http://a.b/', 'www.c.de/', ' ', '"', "'", '\\'),
        {
          minLength: 1,
          maxLength: 5,
        },
      )
      .map((a) => a.join(''))
    let n = 0
    fc.assert(
      fc.property(
        fc.constantFrom(...FIELDS),
        payload,
        fc.constantFrom('apa', 'vancouver', 'harvard'),
        (field, text, style) => {
          let md: string
          try {
            md = cite.formatReference(hostileRecord(field, text, n++), { style, format: 'markdown' })
          } catch (e) {
            // A blank author name, or a DOI with a space, is refused as a bad record (a typed error), never rendered.
            expect([refusedPayload(field, text), (e as { code?: string }).code]).toEqual([true, 'INVALID_RECORD'])
            return
          }
          for (const render of Object.values(renderers)) {
            const html = render(md)
            expect(liveMarkup(html)).toEqual([])
            expect(foreignLinks(md, html)).toEqual([])
          }
        },
      ),
      { numRuns: 60 },
    )
  }, 120_000)
})

describe('link targets', () => {
  it('every renderer links to the address the record holds, character references included (hostile review, session 35)', () => {
    const record = { id: 'x-1', type: 'article-journal', title: 'T', author: [{ family: 'Smith', given: 'A' }] }
    for (const url of [
      'https://example.org/?a=1&amp;b=2',
      'https://example.org/?q=a&lt;b',
      'https://example.org/x&copy;y&#65;z&#x42;',
      'https://example.org/?a=1&b=2;c',
    ]) {
      const md = cite.formatReference({ ...record, URL: url }, { style: 'apa', format: 'markdown' })
      const html = cite.formatReference({ ...record, URL: url }, { style: 'apa', format: 'html' })
      for (const [name, render] of Object.entries(renderers))
        expect(decodeURI(hrefIn(render(md))), `${name}: ${md}`).toBe(decodeURI(encodeURI(url)))
      // The HTML output links to the same address.
      expect(hrefIn(html)).toBe(url)
    }
    const doi = cite.formatReference({ ...record, DOI: '10.1234/x&copy;y' }, { style: 'apa', format: 'markdown' })
    for (const render of Object.values(renderers))
      expect(decodeURI(hrefIn(render(doi)))).toBe('https://doi.org/10.1234/x&copy;y')
  })

  it('only a validated https URL becomes a Markdown link target', () => {
    expect(markdownLinkTarget('https://doi.org/10.1/a(b)')).toBe('https://doi.org/10.1/a%28b%29')
    expect(markdownLinkTarget('http://x.org/')).toBeUndefined()
    expect(markdownLinkTarget('javascript:alert(1)')).toBeUndefined()
    expect(markdownLinkTarget('https://')).toBeUndefined()
    expect(markdownLinkTarget('https://x.org/<img>')).toBe('https://x.org/%3Cimg%3E')
    // A plain `&` is kept; one that would start a character reference is written `&amp;` (hostile review, session 35).
    expect(markdownLinkTarget('https://x.org/?a=1&b=2')).toBe('https://x.org/?a=1&b=2')
    expect(markdownLinkTarget('https://x.org/?a=1&amp;b=2')).toBe('https://x.org/?a=1&amp;amp;b=2')
    const link = { href: 'http://x.org/a', kind: 'url' as const }
    // A link we do not build is its text alone, escaped so that no renderer links it either.
    expect(renderStyledRuns([{ text: 'http://x.org/a', flags: '', link }], 'markdown')).toBe('http:\\//x\\.org/a')
    expect(
      renderStyledRuns([{ text: 'x', flags: 'i', link: { href: 'https://x.org/a', kind: 'url' } }], 'markdown'),
    ).toBe('[*x*](https://x.org/a)')
  })
})
