import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  claims,
  dataFingerprint,
  dataVersion,
  KapLiteratureError,
  topicTerms,
  vocabularies,
  type ClaimId,
} from '../../src/index'
import { escapeHtml } from '../../src/escape'
import { evidenceMap } from '../../src/map/index'
import { kapError } from '../helpers/errors'

const error = kapError

/** A small well-formedness check: every tag closes in order, attributes are quoted, no stray `<` or `&`. */
function wellFormed(xml: string): boolean {
  const stack: string[] = []
  const body = xml.replace(/^<\?xml[^>]*>\s*/, '')
  for (const m of body.matchAll(
    /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|#39|#\d+);)/g,
  )) {
    if (m[2] === undefined) return false
    if (m[1] === '/') {
      if (stack.pop() !== m[2]) return false
    } else if (m[4] !== '/') stack.push(m[2])
  }
  return stack.length === 0
}

const ofTopic = (topic: string) => claims.filter((c) => (c.topics as readonly string[]).includes(topic))

describe('evidenceMap titles (review 29)', () => {
  it("wraps a long title onto lines of the picture's width and moves the rest down; a short one stays one line", () => {
    const title = 'Where the evidence for fast relief is strong and where it is thin, '.repeat(3).slice(0, 200).trim()
    const svg = evidenceMap({ topic: 'onset', format: 'svg', title })
    const lines = [...svg.matchAll(/<text x="16" y="(\d+)" font-size="20" font-weight="700"[^>]*>([^<]*)<\/text>/g)]
    expect(lines.map((m) => m[1])).toEqual(['30', '56', '82'])
    expect(lines.map((m) => m[2]).join(' ')).toBe(title)
    expect(svg).toContain('<g transform="translate(0 52)">')
    const height = (s: string) => Number(/viewBox="0 0 960 ([\d.]+)"/.exec(s)![1])
    const short = evidenceMap({ topic: 'onset', format: 'svg' })
    expect(height(svg) - height(short)).toBe(52)
    expect(short).not.toContain('<g transform="translate(0 ')
  })
})

describe('evidenceMap (SVG)', () => {
  const svg = evidenceMap({ topic: 'psychotherapy', format: 'svg' })

  it('counts in words that agree with the number: one claim, one study or record', () => {
    const one = evidenceMap({ claims: ['ketamine-relief-within-hours'], format: 'svg' })
    expect(one).toContain('>1 claim · ')
    expect(one).toContain('<desc id="')
    expect(one).toMatch(/1 claim made by clinic pages .* that bear on it\./)
    expect(evidenceMap({ topic: 'onset', format: 'svg' })).toMatch(/>\d+ claims · \d+ studies and records · /)
  })
  it('is deterministic: the same data gives the same bytes', () => {
    expect(evidenceMap({ topic: 'psychotherapy', format: 'svg' })).toBe(svg)
    expect(svg).not.toMatch(/NaN|undefined|Infinity/)
  })

  it('is a well-formed, self-contained SVG with a title, a description and ARIA', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 960 ')).toBe(true)
    expect(wellFormed(svg)).toBe(true)
    const [, ids] = /aria-labelledby="([^"]+)"/.exec(svg)!
    for (const id of ids!.split(' ')) expect(svg).toContain(`id="${id}"`)
    expect(svg).toMatch(/role="img"/)
    expect(svg).toMatch(/<title id="[^"]+-title">Evidence map: [^<]+<\/title>/)
    expect(svg).toMatch(/<desc id="[^"]+-desc">\d+ claims made by clinic pages/)
    // Nothing loaded from outside: no links, images, fonts, styles or scripts.
    expect(svg).not.toMatch(/href=|url\(|@import|<script|<image|<foreignObject|<style/i)
  })

  it('has one row per claim of the topic, grouped by verdict, each labelled with its verdict in words', () => {
    const expected = ofTopic('psychotherapy')
    const rows = [...svg.matchAll(/<g class="kap-map-row" data-claim="([^"]+)">/g)].map((m) => m[1])
    expect(rows.sort()).toEqual(expected.map((c) => c.id).sort())
    const order = vocabularies.verdicts.map((v) => v.id)
    const inOrder = [...svg.matchAll(/<g class="kap-map-row" data-claim="([^"]+)">/g)].map((m) =>
      order.indexOf(expected.find((c) => c.id === m[1])!.verdict),
    )
    expect(inOrder).toEqual([...inOrder].sort((a, b) => a - b))
    for (const c of expected) {
      const row = svg.slice(svg.indexOf(`data-claim="${c.id}"`))
      const label = vocabularies.verdicts.find((v) => v.id === c.verdict)!.label
      expect(row.slice(0, row.indexOf('</g>\n<g class="kap-map-row"') >>> 0)).toContain(`>${label}</text>`)
    }
  })

  it('draws one mark per evidence entry, shaped by relation', () => {
    const entries = ofTopic('psychotherapy').flatMap((c) => c.evidence)
    const marks = [...svg.matchAll(/<g class="kap-map-mark" data-study="([^"]+)" data-relation="([^"]+)">/g)]
    expect(marks).toHaveLength(entries.length)
    const shape = (relation: string) => svg.slice(svg.indexOf(`data-relation="${relation}"`)).split('</g>')[0]!
    if (entries.some((e) => e.relation === 'supports'))
      expect(shape('supports')).toMatch(/<circle [^>]*fill="#1a1a1a"\/>$/)
    if (entries.some((e) => e.relation === 'does-not-test')) expect(shape('does-not-test')).toMatch(/<rect /)
  })

  it('has a legend naming every relation and every verdict', () => {
    const legend = svg.slice(svg.indexOf('Marks: what a study shows'))
    for (const r of vocabularies.relations) expect(legend).toContain(`>${r.label}</text>`)
    for (const v of vocabularies.verdicts) expect(legend).toContain(`>${v.label}</text>`)
    expect(svg).toContain(`kap-literature data ${dataVersion} (fingerprint ${dataFingerprint})</text>`)
  })

  it('escapes every text it draws', () => {
    const out = evidenceMap({ topic: 'efficacy', format: 'svg', title: '<script>alert(1)</script> & "x"' })
    expect(out).not.toContain('<script>')
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;')
    expect(wellFormed(out)).toBe(true)
  })

  it('draws every topic, all claims, and any subset of claims as well-formed SVG', () => {
    for (const topic of topicTerms) expect(wellFormed(evidenceMap({ topic, format: 'svg' })), topic).toBe(true)
    const all = evidenceMap({ format: 'svg' })
    expect([...all.matchAll(/class="kap-map-row"/g)]).toHaveLength(claims.length)
    fc.assert(
      fc.property(fc.subarray(claims.map((c) => c.id)), (ids) => {
        const out = evidenceMap({ claims: ids as ClaimId[], format: 'svg' })
        return wellFormed(out) && [...out.matchAll(/class="kap-map-row"/g)].length === ids.length
      }),
      { numRuns: 40 },
    )
  })
})

describe('evidenceMap with no claim', () => {
  it('writes "No claims match." in a row of its own, clear of the legend below it', () => {
    // duration and this claim share no topic, so nothing is drawn.
    const out = evidenceMap({ topic: 'duration', claims: ['indication-anxiety'], format: 'svg' })
    expect(wellFormed(out)).toBe(true)
    expect(out).not.toContain('class="kap-map-row"')
    const y = (text: string) => Number(new RegExp(`<text x="[\\d.]+" y="([\\d.]+)"[^>]*>${text}`).exec(out)![1])
    const rule = [...out.matchAll(/<line x1="8" y1="([\d.]+)" x2="952"/g)].map((m) => Number(m[1]))
    // Baselines of 12-pixel text: the message sits below the header (136, with its two levels of column headings),
    // above the row's closing rule, and the legend heading's letters start below that rule.
    expect(y('No claims match\\.')).toBe(158)
    expect(rule).toEqual([172])
    expect(y('Marks: what a study shows')).toBe(196)
    expect(y('Marks: what a study shows') - 12).toBeGreaterThan(rule[0]!)
    expect(out).toMatch(/viewBox="0 0 960 292"/)
  })
})

describe('evidenceMap (HTML)', () => {
  it('is a figure with the SVG, a caption and the same facts as a table', () => {
    const html = evidenceMap({
      claims: ['ketamine-relief-within-hours', 'standalone-ketamine-relief-short-lived'],
      format: 'html',
    })
    expect(html.startsWith('<figure class="kap-evidence-map-figure">\n<div class="kap-map-picture"><svg ')).toBe(true)
    expect(html).toContain('<figcaption>')
    expect([...html.matchAll(/<tr><th scope="row">/g)]).toHaveLength(2)
    expect(wellFormed(html.replace(/<figure[^>]*>|<\/figure>/g, ''))).toBe(true)
  })
})

describe('evidenceMap for readers without sight or without a mouse (audit 37)', () => {
  /** The markup of each row of a map, by claim id. */
  const rowsOf = (markup: string) =>
    new Map(
      markup
        .split('<g class="kap-map-row" data-claim="')
        .slice(1)
        .map((chunk) => [chunk.slice(0, chunk.indexOf('"')), chunk] as const),
    )

  it('names the picture by its title alone and describes it with its description (A-12)', () => {
    const svg = evidenceMap({ topic: 'onset', format: 'svg' })
    const [, id] = /<title id="([^"]+)-title">/.exec(svg)!
    const root = svg.slice(0, svg.indexOf('>') + 1)
    expect(root).toContain(`aria-labelledby="${id}-title"`)
    expect(root).toContain(`aria-describedby="${id}-desc"`)
    expect(svg).toContain(`<desc id="${id}-desc">`)
  })

  it('declares its language, as a standalone SVG document needs to (A-15)', () => {
    for (const format of ['svg', 'html'] as const) {
      const out = evidenceMap({ topic: 'onset', format })
      const root = out.slice(out.indexOf('<svg'), out.indexOf('>', out.indexOf('<svg')) + 1)
      expect(root).toMatch(/ lang="en" xml:lang="en"/)
    }
  })

  it('draws every statement whole, on as many lines as it takes: nothing is left for a hover to show (A-3)', () => {
    const svg = evidenceMap({ format: 'svg' })
    expect(svg).not.toContain('…</text>')
    const rows = rowsOf(svg)
    expect(rows.size).toBe(claims.length)
    for (const c of claims) {
      const row = rows.get(c.id)!
      const lines = [...row.matchAll(/<text x="16" y="[\d.]+" fill="#1a1a1a">([^<]*)<\/text>/g)].map((m) => m[1])
      expect(lines.join(' '), c.id).toBe(escapeHtml(c.statement))
    }
  })

  it('gives as a table everything the picture shows: each claim whole, its verdict, and each study with how it bears on it (A-1, A-2)', () => {
    for (const topic of topicTerms) {
      const html = evidenceMap({ topic, format: 'html' })
      const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'))
      const table = html.slice(html.indexOf('<table'), html.indexOf('</table>'))
      const label = vocabularies.topics.find((t) => t.id === topic)!.label
      expect(table, topic).toContain(`<caption>Evidence map: ${escapeHtml(label)}</caption>`)
      const rows = table.split('<tr><th scope="row">').slice(1)
      const drawn = [...rowsOf(svg)]
      expect(rows, topic).toHaveLength(drawn.length)
      drawn.forEach(([id, row], i) => {
        const claim = claims.find((c) => c.id === id)!
        const verdict = vocabularies.verdicts.find((v) => v.id === claim.verdict)!.label
        expect(rows[i]!.startsWith(`${escapeHtml(claim.statement)}</th><td>${verdict}</td>`), id).toBe(true)
        // Each mark's study and relation (its tooltip, "Popova et al. 2019: partly supports") is an item of the row.
        const marks = [...row.matchAll(/<g class="kap-map-mark"[^>]*><title>([^<]+): ([^<:]+)<\/title>/g)]
        expect(marks.length, id).toBe(claim.evidence.length)
        expect([...rows[i]!.matchAll(/<li>/g)].length, id).toBe(marks.length)
        const items = rows[i]!.split('<li>').slice(1)
        for (const [, study, relation] of marks)
          expect(
            items.filter((li) => li.startsWith(`${study} (`) && li.includes(`): ${relation}</li>`)),
            `${id}: ${study}`,
          ).toHaveLength(1)
      })
    }
  })
})

describe('evidenceMap bad input', () => {
  it('names the closest topic for an unknown one', () => {
    const e = error(() => evidenceMap({ topic: 'efficacyy' as never, format: 'svg' }))
    expect([e.code, e.value, e.hint]).toEqual(['UNKNOWN_ID', 'efficacyy', 'efficacy'])
    expect(e.message).toBe('kap-literature: unknown topic "efficacyy" (did you mean "efficacy"?)')
  })
  it('rejects an unknown claim, format or option, and a non-object', () => {
    expect(error(() => evidenceMap({ claims: ['ketamine-relief-within-hour' as ClaimId], format: 'svg' })).hint).toBe(
      'ketamine-relief-within-hours',
    )
    expect(error(() => evidenceMap({ format: 'png' as never })).code).toBe('UNKNOWN_FORMAT')
    expect(error(() => evidenceMap({ format: 'svg', topc: 'efficacy' } as never)).hint).toBe('topic')
    expect(error(() => evidenceMap(null as never)).code).toBe('INVALID_ARGUMENT')
    expect(error(() => evidenceMap({ format: 'svg', claims: 'x' as never })).code).toBe('INVALID_ARGUMENT')
    expect(error(() => evidenceMap({ format: 'svg', title: 'x'.repeat(201) })).code).toBe('INVALID_ARGUMENT')
  })
  it('refuses a topic that is not a string as INVALID_ARGUMENT, not as an unknown topic (review 28)', () => {
    const e = error(() => evidenceMap({ topic: 42 as never, format: 'svg' }))
    expect([e.code, e.message]).toEqual([
      'INVALID_ARGUMENT',
      'kap-literature: evidenceMap topic must be a string, got number 42',
    ])
  })
  it('refuses a blank title, which would leave the picture without a name (review 28)', () => {
    // Only invisible characters is blank too (review 29): zero-width spaces, a joiner, a bidi mark.
    // And letters or symbols drawn as nothing (hostile review, session 35): Hangul fillers and the Braille blank.
    for (const title of [
      '',
      '   ',
      '\u00a0',
      '\u200b\u200b',
      '\u200d \u200e',
      '\ufeff',
      '\u3164\u3164',
      '\u2800',
      '\u115f\u1160 \uffa0',
    ]) {
      const e = error(() => evidenceMap({ topic: 'onset', format: 'svg', title }))
      expect([e.code, e.message], JSON.stringify(title)).toEqual([
        'INVALID_ARGUMENT',
        'kap-literature: evidenceMap title must not be blank',
      ])
    }
  })
  it('refuses bidirectional controls in a title, as the CLI does; keeps right-to-left text (hostile review, session 35)', () => {
    for (const c of ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069']) {
      const e = error(() => evidenceMap({ topic: 'onset', format: 'svg', title: `Safety ${c}evil` }))
      expect([e.code, e.hint]).toEqual([
        'INVALID_ARGUMENT',
        'remove control characters, bidirectional controls and line breaks from the title',
      ])
      expect(e.message).toContain(`it has U+${c.charCodeAt(0).toString(16).toUpperCase()} at position 7`)
    }
    // A title in a right-to-left script, and one letter beside a filler, are drawn.
    expect(evidenceMap({ topic: 'onset', format: 'svg', title: 'מפת ראיות' })).toContain('מפת ראיות')
    expect(evidenceMap({ topic: 'onset', format: 'svg', title: '\u3164A' })).toContain('\u3164A')
  })
  it('refuses a line or paragraph separator in a title, and counts an emoji as one character (review 29)', () => {
    for (const sep of ['\u2028', '\u2029']) {
      const e = error(() => evidenceMap({ topic: 'onset', format: 'svg', title: `Two${sep}lines` }))
      expect(e.code).toBe('INVALID_ARGUMENT')
      expect(e.message).toContain(`it has U+${sep.charCodeAt(0).toString(16).toUpperCase()} at position 3`)
    }
    expect(evidenceMap({ topic: 'onset', format: 'svg', title: '🙂'.repeat(200) })).toContain('🙂')
    expect(error(() => evidenceMap({ topic: 'onset', format: 'svg', title: '🙂'.repeat(201) })).code).toBe(
      'INVALID_ARGUMENT',
    )
  })
  it('quotes a long unknown topic or format shortened, as every other error does (review 28)', () => {
    const topic = 'a'.repeat(100_000)
    const e = error(() => evidenceMap({ topic: topic as never, format: 'svg' }))
    expect([e.code, e.value]).toEqual(['UNKNOWN_ID', topic])
    expect(e.message).toBe(`kap-literature: unknown topic "${'a'.repeat(77)}..."`)
    expect(error(() => evidenceMap({ format: 'p'.repeat(1000) as never })).message.length).toBeLessThan(150)
  })
})

/** Whether every character is one XML 1.0 allows (tab, line breaks, U+0020–U+D7FF, U+E000–U+FFFD, astral planes). */
const xmlChars = (xml: string) => !/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u.test(xml)

describe('evidenceMap title and options (audit 35, A-11 and A-7)', () => {
  it("refuses the audit's title with control characters, naming the first", () => {
    const e = error(() => evidenceMap({ topic: 'onset', format: 'svg', title: 'A\u0000B\u0001C\u001bD' }))
    expect(e.code).toBe('INVALID_ARGUMENT')
    expect(e.message).toContain('U+0000 at position 1')
    expect(e.value).toBe('A\u0000B\u0001C\u001bD')
    expect(e.hint).toMatch(/control characters/)
    for (const title of ['A\u0001B', 'line\nbreak', 'tab\there', 'del\u007f', 'csi\u009b31m', 'half\ud800', '\ufffe'])
      expect(error(() => evidenceMap({ format: 'html', title })).code, JSON.stringify(title)).toBe('INVALID_ARGUMENT')
  })

  it('any title is refused or drawn as well-formed XML holding only XML characters (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('svg', 'html'), (title, format) => {
        let out: string
        try {
          out = evidenceMap({ topic: 'onset', format: format as 'svg' | 'html', title })
        } catch (e) {
          expect((e as KapLiteratureError).code).toBe('INVALID_ARGUMENT')
          expect(
            /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufffe\uffff]/.test(title) ||
              !xmlChars(title) ||
              !/[\p{L}\p{N}\p{P}\p{S}]/u.test(title),
          ).toBe(true)
          return
        }
        expect(xmlChars(out)).toBe(true)
        expect(wellFormed(format === 'svg' ? out : out.slice(out.indexOf('<svg'), out.indexOf('</svg>') + 6))).toBe(
          true,
        )
      }),
      { numRuns: 300 },
    )
  })

  it('reads each option once: a getter cannot pass the check with one value and draw another', () => {
    let reads = 0
    const longer = {
      format: 'svg',
      get title() {
        return ++reads <= 1 ? 'ok' : 'x'.repeat(5_000_000)
      },
    }
    const svg = evidenceMap(longer as never)
    expect(reads).toBe(1)
    expect(svg).toContain('>ok</title>')
    expect(svg.length).toBeLessThan(1_000_000)
    let later = 0
    const typed = {
      format: 'svg',
      get title() {
        return ++later <= 1 ? 'ok' : 42
      },
    }
    expect(evidenceMap(typed as never)).toContain('>ok</title>')
    let topicReads = 0
    const topic = {
      format: 'svg',
      get topic() {
        return ++topicReads <= 1 ? 'onset' : 'nonsense'
      },
    }
    expect(evidenceMap(topic as never)).toBe(evidenceMap({ topic: 'onset', format: 'svg' }))
    // The claim list is copied when checked: changing it afterwards changes nothing.
    const ids: string[] = ['ketamine-relief-within-hours']
    const claimsReads = {
      format: 'svg',
      get claims() {
        return ids
      },
    }
    expect(evidenceMap(claimsReads as never)).toBe(
      evidenceMap({ claims: ['ketamine-relief-within-hours'], format: 'svg' }),
    )
  })
})
