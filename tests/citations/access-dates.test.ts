// Web pages the project read on their own site carry the date of that check as their access date (scripts/lib/
// accessed.ts), and every style prints it as its manual asks: the tables and kap-literature/cite alike.
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { formatCitation as tableCitation, formatReference as tableReference } from '../../src/citations/index'
import { formatReference, loadSystemStyle } from '../../src/cite/index'

const haveDebian = existsSync('/usr/share/citation-style-language/styles/american-medical-association.csl')
const debianIt = it.skipIf(!haveDebian && process.env.CI === undefined)

const HOUSTON = 'https://www.houston-therapy.com/kap'
const JNJ =
  'https://jnj.com/media-center/press-releases/spravato-esketamine-approved-in-the-u-s-as-the-first-and-only-monotherapy-for-adults-with-treatment-resistant-depression'

describe('an undated clinic page, read on 22 November 2026', () => {
  it('prints the access date in all six styles', () => {
    expect(tableReference('houston-therapy-kap', { style: 'harvard' })).toBe(
      `Ketamine-assisted psychotherapy: a breakthrough in mental health treatment (no date). Available at: ${HOUSTON} (Accessed: 22 November 2026).`,
    )
    expect(tableReference('houston-therapy-kap', { style: 'vancouver' })).toBe(
      `Ketamine-assisted psychotherapy: a breakthrough in mental health treatment [Internet]. [cited 2026 Nov 22]. Available from: ${HOUSTON}`,
    )
    expect(tableReference('houston-therapy-kap', { style: 'apa' })).toBe(
      `Ketamine-assisted psychotherapy: A breakthrough in mental health treatment. (n.d.). Retrieved November 22, 2026, from ${HOUSTON}`,
    )
    expect(tableReference('houston-therapy-kap', { style: 'ama' })).toBe(
      `Ketamine-Assisted Psychotherapy: A Breakthrough in Mental Health Treatment. Accessed November 22, 2026. ${HOUSTON}`,
    )
    expect(tableReference('houston-therapy-kap', { style: 'chicago' })).toBe(
      `\u201cKetamine-Assisted Psychotherapy: A Breakthrough in Mental Health Treatment.\u201d n.d. Accessed November 22, 2026. ${HOUSTON}.`,
    )
    expect(tableReference('houston-therapy-kap', { style: 'mla' })).toBe(
      `Ketamine-Assisted Psychotherapy: A Breakthrough in Mental Health Treatment. ${HOUSTON}. Accessed 22 Nov. 2026.`,
    )
  })

  it('keeps the comma before "n.d." in a Chicago citation (CMOS), as for a page without an access date', () => {
    expect(tableCitation('houston-therapy-kap', { style: 'chicago' })).toBe(
      '(\u201cKetamine-Assisted Psychotherapy: A Breakthrough in Mental Health Treatment,\u201d n.d.)',
    )
  })
})

describe('a dated press release, read on 3 December 2026', () => {
  it('prints the access date where the style asks for it whatever the date: Harvard, Vancouver, AMA', () => {
    expect(tableReference('fda-esketamine-monotherapy-2025', { style: 'harvard' })).toMatch(
      / Available at: \S+ \(Accessed: 3 December 2026\)\.$/,
    )
    expect(tableReference('fda-esketamine-monotherapy-2025', { style: 'vancouver' })).toContain(
      '[Internet]. Johnson & Johnson; 2025 [cited 2026 Dec 3]. Available from: https://jnj.com/',
    )
    expect(tableReference('fda-esketamine-monotherapy-2025', { style: 'ama' })).toContain(
      `Published January 21, 2025. Accessed December 3, 2026. ${JNJ}`,
    )
  })

  it('does not where the page\u2019s own date is enough: APA, Chicago, MLA', () => {
    for (const style of ['apa', 'chicago', 'mla'] as const) {
      const text = tableReference('fda-esketamine-monotherapy-2025', { style })
      expect(text, style).not.toMatch(/Retrieved|Accessed|2026/)
      expect(text, style).toContain('jnj.com')
    }
  })
})

describe('no access date where the project did not read the page at its address', () => {
  it('an FDA statement known from news reports', () => {
    for (const style of ['apa', 'ama', 'vancouver', 'harvard', 'chicago', 'mla'] as const)
      expect(tableReference('fda-compounded-ketamine-2023', { style }), style).not.toMatch(
        /Retrieved|Accessed|cited 20|2026/,
      )
  })

  it('the Part 2 page, read at its own address on 6 December 2026, has that day', () => {
    expect(tableReference('kap-series-part-2-how-kap-works', { style: 'harvard' })).toContain(
      '(Accessed: 6 December 2026)',
    )
    expect(tableReference('kap-series-part-2-how-kap-works', { style: 'vancouver' })).toContain('[cited 2026 Dec 6]')
  })

  it('nor for a journal article', () => {
    expect(tableReference('wilkinson-2021', { style: 'harvard' })).not.toContain('Accessed')
    expect(tableReference('wilkinson-2021', { style: 'vancouver' })).not.toContain('cited')
  })
})

describe('kap-literature/cite prints the same', () => {
  it('in the built-in styles', () => {
    for (const style of ['apa', 'harvard', 'vancouver'] as const) {
      for (const id of ['houston-therapy-kap', 'fda-esketamine-monotherapy-2025', 'samadhi-kap-vs-infusions'] as const)
        expect(formatReference(id, { style, format: 'text' }).replace(/^1\. /, ''), `${style} ${id}`).toBe(
          tableReference(id, { style }),
        )
    }
  })

  debianIt('in AMA, Chicago and MLA loaded from the system', () => {
    for (const style of ['ama', 'chicago', 'mla'] as const) {
      const name = loadSystemStyle(style, { as: `${style}-access` })
      expect(formatReference('houston-therapy-kap', { style: name, format: 'text' }).replace(/^1\. /, '')).toBe(
        tableReference('houston-therapy-kap', { style }),
      )
    }
  })
})
