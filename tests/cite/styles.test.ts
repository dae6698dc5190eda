import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { KapLiteratureError } from '../../src/index'
import {
  formatBibliography,
  formatCitation,
  formatReference,
  listStyles,
  loadSystemStyle,
  registerLocale,
  registerStyle,
} from '../../src/cite/index'
import { resolveStyle, styleKey } from '../../src/cite/styles'
import { compiledEngines } from '../../src/cite/engine'
import { reference } from '../helpers/paths'
import { kapError } from '../helpers/errors'
import { formatCitation as precomputedCitation } from '../../src/citations/index'

const DEBIAN = '/usr/share/citation-style-language/styles'
const haveDebian = existsSync(join(DEBIAN, 'american-medical-association.csl'))
// The Debian styles must be present in CI (.ci/run installs citation-style-language-styles); locally they may be absent.
const debianIt = it.skipIf(!haveDebian && process.env.CI === undefined)

const TINY = `<?xml version="1.0" encoding="utf-8"?>
<!-- a minimal test style -->
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Tiny</title><id>tiny</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout prefix="[" suffix="]"><text variable="title"/></layout></citation>
  <bibliography><layout><text variable="title" font-style="italic"/><text value=" / "/><text variable="DOI"/></layout></bibliography>
</style>`

const error = kapError

describe('registerStyle', () => {
  it('registers a style the formatting functions then accept, and lists it', () => {
    registerStyle('tiny', TINY)
    expect(listStyles()).toEqual(['apa', 'harvard', 'tiny', 'vancouver'])
    expect(formatCitation(['dore-2019'], { style: 'tiny', format: 'text' })).toBe(
      '[Ketamine Assisted Psychotherapy (KAP): Patient Demographics, Clinical Data and Outcomes in Three Large ' +
        'Practices Administering Ketamine with Psychotherapy]',
    )
    expect(formatReference('dore-2019', { style: 'tiny', format: 'html' })).toBe(
      '<div class="kap-ref kap-style-tiny" data-kap-id="dore-2019"><i>Ketamine Assisted Psychotherapy (KAP): Patient Demographics, Clinical Data and Outcomes in Three Large Practices Administering Ketamine with Psychotherapy</i> / <a class="kap-ref-doi" href="https://doi.org/10.1080/02791072.2019.1587556">10.1080/02791072.2019.1587556</a></div>',
    )
  })

  it('re-registering a name replaces the style (no stale compiled engine)', () => {
    registerStyle('swap', TINY)
    expect(formatCitation(['dore-2019'], { style: 'swap', format: 'text' }).startsWith('[Ketamine')).toBe(true)
    registerStyle('swap', TINY.replace('prefix="["', 'prefix="{"'))
    expect(formatCitation(['dore-2019'], { style: 'swap', format: 'text' }).startsWith('{Ketamine')).toBe(true)
  })

  it('a style without a bibliography formats citations but refuses bibliographies', () => {
    registerStyle('cite-only', TINY.replace(/<bibliography>[\s\S]*<\/bibliography>/, ''))
    expect(formatCitation(['dore-2019'], { style: 'cite-only', format: 'text' }).startsWith('[Ketamine')).toBe(true)
    const e = error(() => formatBibliography(['dore-2019'], { style: 'cite-only', format: 'text' }))
    expect([e.code, e.message]).toEqual([
      'INVALID_ARGUMENT',
      'kap-literature: style "cite-only" defines no bibliography, so formatBibliography cannot use it',
    ])
  })

  it.each([
    ['not xml at all', 'no XML element found'],
    ['<locale xmlns="http://purl.org/net/xbiblio/csl" xml:lang="en-US"></locale>', 'found <locale>'],
    ['<html><body>x</body></html>', 'found <html>'],
    ['<style><citation><layout/></citation></style>', 'lacks xmlns'],
    [
      '<style xmlns="http://purl.org/net/xbiblio/csl"><citation><layout><text variable="title"/>',
      'does not end with </style>',
    ],
    [
      '<style xmlns="http://purl.org/net/xbiblio/csl"><info><link href="http://www.zotero.org/styles/apa" rel="independent-parent"/></info></style>',
      'dependent style',
    ],
  ])('rejects %j with a clear message', (xml, message) => {
    const e = error(() => registerStyle('broken', xml))
    expect(e.code).toBe('INVALID_ARGUMENT')
    expect(e.message).toContain(message)
    expect(listStyles()).not.toContain('broken')
  })

  it('names the parent of a dependent style', () => {
    const e = error(() =>
      registerStyle(
        'dep',
        '<style xmlns="http://purl.org/net/xbiblio/csl"><info><link href="http://www.zotero.org/styles/apa" rel="independent-parent"/></info></style>',
      ),
    )
    expect(e.hint).toBe('register its parent style "apa" instead')
  })

  it('wraps a citeproc compile error with cause', () => {
    const e = error(() =>
      registerStyle(
        'mismatched',
        '<style xmlns="http://purl.org/net/xbiblio/csl"><citation><layout></citation></style>',
      ),
    )
    expect(e.message).toContain('could not be compiled by citeproc')
    expect(e.cause).toBeInstanceOf(Error)
    expect(listStyles()).not.toContain('mismatched')
  })

  it('wraps a citeproc error at format time with cause, and frees the engine it left behind (same key)', () => {
    registerStyle(
      'bad-date',
      '<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" class="in-text"><info><id>x</id></info><citation><layout><date variable="issued" form="bogus"/></layout></citation></style>',
    )
    const entry = resolveStyle('bad-date')
    const key = styleKey(entry)
    const engines = compiledEngines()
    const e = error(() => formatCitation(['dore-2019'], { style: 'bad-date', format: 'text' }))
    expect(e.code).toBe('INVALID_ARGUMENT')
    expect(e.message).toContain('citeproc could not format with style "bad-date"')
    expect(e.cause).toBeInstanceOf(TypeError)
    expect(styleKey(entry)).toBe(key)
    expect(compiledEngines()).toBe(engines - 1)
  })

  it('a style that compiles but prints nothing (an undefined macro) is an error at format time, not a placeholder', () => {
    registerStyle(
      'no-macro',
      '<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"><citation><layout><text macro="missing"/></layout></citation><bibliography><layout><text macro="gone"/></layout></bibliography></style>',
    )
    for (const fn of [
      () => formatCitation(['dore-2019'], { style: 'no-macro', format: 'text' }),
      () => formatReference('dore-2019', { style: 'no-macro', format: 'text' }),
    ]) {
      const e = error(fn)
      expect(e.code).toBe('INVALID_RECORD')
      expect(e.message).toBe('kap-literature: style "no-macro" prints nothing for record "dore-2019"')
    }
  })

  it('rejects bad names, built-in names and non-string XML', () => {
    expect(error(() => registerStyle('APA 2', TINY)).message).toContain('lower-case letters')
    expect(error(() => registerStyle('../x', TINY)).code).toBe('INVALID_ARGUMENT')
    expect(error(() => registerStyle('apa', TINY)).message).toContain('built-in style')
    expect(error(() => registerStyle('harvard1', TINY)).message).toContain('built-in style')
    expect(error(() => registerStyle('x', 42 as never)).message).toContain('CSL XML text')
  })

  it('accepts the official CSL style files used as yardsticks', () => {
    registerStyle('nlm-ref', readFileSync(join(reference, 'csl-styles', 'nlm-citation-sequence.csl'), 'utf8'))
    expect(
      formatReference('dore-2019', { style: 'nlm-ref', format: 'text' }).startsWith('1. Dore J, Turnipseed B'),
    ).toBe(true)
  })
})

describe('registerLocale', () => {
  const enUs = readFileSync(join(reference, 'locales-en-US.xml'), 'utf8')

  it('registers a locale for the lang option', () => {
    const gb = enUs
      .replace('xml:lang="en-US"', 'xml:lang="en-GB"')
      .replace(/<term name="available at">[^<]*<\/term>/, '<term name="available at">seen at</term>')
    registerLocale('en-GB', gb)
    expect(formatReference('samadhi-kap-vs-infusions', { style: 'harvard', format: 'text', lang: 'en-GB' })).toContain(
      'Seen at:',
    )
  })

  it('rejects a registered tag, a mismatched xml:lang, a bad tag and a non-locale', () => {
    expect(error(() => registerLocale('en-US', enUs)).message).toContain('already registered')
    expect(error(() => registerLocale('fi-FI', enUs)).hint).toBe("register it as 'en-US'")
    expect(error(() => registerLocale('not a tag', enUs)).code).toBe('INVALID_ARGUMENT')
    expect(error(() => registerLocale('sv-SE', TINY)).message).toContain('found <style>')
  })
})

describe('loadSystemStyle (Debian citation-style-language-styles)', () => {
  debianIt('loads AMA, Chicago author-date and MLA by their short names', () => {
    expect(loadSystemStyle('ama')).toBe('ama')
    expect(loadSystemStyle('chicago')).toBe('chicago')
    expect(loadSystemStyle('modern-language-association', { as: 'mla' })).toBe('mla')
    expect(formatCitation(['dore-2019'], { style: 'ama', format: 'html' })).toBe(
      '<span class="kap-citation kap-style-ama"><sup>1</sup></span>',
    )
    expect(formatCitation(['dore-2019'], { style: 'chicago', format: 'text' })).toBe('(Dore et al. 2019)')
    expect(formatCitation(['dore-2019'], { style: 'mla', format: 'text' })).toBe('(Dore et al.)')
    expect(formatReference('wilkinson-2021', { style: 'ama', format: 'text' })).toBe(
      '1. Wilkinson ST, Rhee TG, Joormann J, et al. Cognitive behavioral therapy to sustain the antidepressant ' +
        'effects of ketamine in treatment-resistant depression: a randomized clinical trial. Psychother Psychosom. 2021;90(5):318-327. doi:10.1159/000517074',
    )
    expect(formatCitation(['dore-2019', 'feder-2014'], { style: 'ama', format: 'html', narrative: true })).toBe(
      '<span class="kap-citation kap-style-ama">Dore et al.<sup>1</sup> and Feder et al.<sup>2</sup></span>',
    )
    // Plain text cannot raise a number: superscript digits, as kap-literature/citations writes them (a "1" glued to
    // "al." misread; audit of session 34).
    const four = ['dore-2019', 'wilkinson-2021', 'feder-2014', 'anand-2023'] as const
    expect(formatCitation([...four], { style: 'ama', format: 'text', narrative: true })).toBe(
      'Dore et al.¹, Wilkinson et al.², Feder et al.³, and Anand et al.⁴',
    )
    expect(formatCitation([...four], { style: 'ama', format: 'text' })).toBe('¹–⁴')
    expect(formatCitation([...four], { style: 'ama', format: 'text' })).toBe(
      precomputedCitation([...four], { style: 'ama', format: 'text' }),
    )
    // MLA citations without a page hold only the author, so the narrative form is the names.
    expect(formatCitation(['dore-2019', 'feder-2014'], { style: 'mla', format: 'text', narrative: true })).toBe(
      'Dore et al. and Feder et al.',
    )
  })

  debianIt('a record a style cannot print is an error, never a placeholder or a silently missing entry', () => {
    loadSystemStyle('mla')
    // A user record with neither names nor title: MLA can print nothing for it.
    const bare = { id: 'bare-1', type: 'article-journal' } as const
    for (const fn of [
      () => formatCitation(['dore-2019', bare], { style: 'mla', format: 'text' }),
      () => formatBibliography(['dore-2019', bare], { style: 'mla', format: 'text' }),
      () => formatReference(bare, { style: 'mla', format: 'html' }),
    ]) {
      const e = error(fn)
      expect([e.code, e.value]).toEqual(['INVALID_RECORD', 'bare-1'])
    }
  })

  it('reports a missing file with an install hint, and refuses path tricks', () => {
    const e = error(() => loadSystemStyle('no-such-style-anywhere'))
    expect(e.code).toBe('UNKNOWN_STYLE')
    expect(e.hint).toContain('citation-style-language-styles')
    expect(error(() => loadSystemStyle('../../etc/passwd')).code).toBe('INVALID_ARGUMENT')
    expect(error(() => loadSystemStyle('apa', { directory: '/nonexistent' })).hint).toBe('check options.directory')
  })

  it('reads from another folder when asked', () => {
    expect(loadSystemStyle('apa', { directory: join(reference, 'csl-styles'), as: 'apa-2022' })).toBe('apa-2022')
    expect(formatCitation(['dore-2019'], { style: 'apa-2022', format: 'text' })).toBe('(Dore et al., 2019)')
  })
})
