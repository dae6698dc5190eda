import { describe, expect, it } from 'vitest'
import { siteOf } from '../../../scripts/lib/rules/source-kinds.ts'
import { runOn, validStudy, variant } from '../../helpers/fixture-data.ts'
import { expectIssue } from './expect-issue.ts'

const secondary = (url: string, fields: string[], extra: Record<string, unknown> = {}) => ({
  url,
  kind: 'secondary',
  fields,
  ...extra,
})
const FIELDS = ['title', 'author', 'container-title', 'issued', 'volume', 'page', 'DOI', 'PMID']

/** Asserts that these sources leave `field` confirmed by secondary pages without an independent pair. */
function expectUnpaired(sources: ReturnType<typeof secondary>[], field: string) {
  const r = runOn({
    'studies/example-2020.yaml': variant(validStudy(), (s) => (s.verification.sources = sources)),
  })
  expectIssue(r, 'source-kinds', 'data/studies/example-2020.yaml', field, /without a second, independent one/)
}

describe('source-kinds', () => {
  it('rejects a field confirmed by one secondary page only', () => {
    const r = runOn({
      'studies/example-2020.yaml': variant(
        validStudy(),
        (s) => (s.verification.sources = [secondary('https://blog.example.net/post', FIELDS)]),
      ),
    })
    const line = expectIssue(
      r,
      'source-kinds',
      'data/studies/example-2020.yaml',
      'csl.DOI',
      /confirmed only by secondary pages \(example\.net\)/,
    )
    expect(line).toContain('second independent secondary page')
  })
  it('rejects two secondary pages of one site, or a declared copy', () => {
    const sameSite = runOn({
      'studies/example-2020.yaml': variant(
        validStudy(),
        (s) =>
          (s.verification.sources = [
            secondary('https://qa00.mdedge.com/a', FIELDS),
            secondary('https://www.mdedge.com/b', FIELDS),
          ]),
      ),
    })
    expectIssue(sameSite, 'source-kinds', 'data/studies/example-2020.yaml', 'csl.title', /mdedge\.com, mdedge\.com/)
    expectUnpaired(
      [
        secondary('https://a.example.org/x', FIELDS),
        secondary('https://mirror.test/y', FIELDS, { independentOf: 'example.org' }),
      ],
      'csl.title',
    )
    expectUnpaired(
      [
        secondary('https://a.example.org/x', FIELDS, { independentOf: 'crossref' }),
        secondary('https://b.test/y', FIELDS, { independentOf: 'crossref' }),
      ],
      'csl.title',
    )
  })
  it('accepts two independent secondary pages, or one page of any other kind', () => {
    const two = runOn({
      'studies/example-2020.yaml': variant(
        validStudy(),
        (s) =>
          (s.verification.sources = [
            secondary('https://a.example.org/x', FIELDS),
            secondary('https://b.test/y', FIELDS),
          ]),
      ),
    })
    expect(two.issues).toEqual([])
    for (const kind of ['publisher', 'index', 'registry', 'repository', 'mirror']) {
      const one = runOn({
        'studies/example-2020.yaml': variant(
          validStudy(),
          (s) => (s.verification.sources = [{ url: 'https://x.test/r', kind, fields: FIELDS }]),
        ),
      })
      expect(one.issues, kind).toEqual([])
    }
  })
  it('requires a page of a site that republishes PubMed records to say it copies PubMed', () => {
    const unmarked = runOn({
      'studies/example-2020.yaml': variant(validStudy(), (s) =>
        s.verification.sources.push(secondary('https://read.qxmd.com/read/12345678/a-title', ['title'])),
      ),
    })
    const line = expectIssue(
      unmarked,
      'source-kinds',
      'data/studies/example-2020.yaml',
      'verification.sources',
      /a page of qxmd\.com, which republishes PubMed records, without independentOf: pubmed/,
    )
    expect(line).toContain('Add independentOf: pubmed')
    const marked = runOn({
      'studies/example-2020.yaml': variant(validStudy(), (s) =>
        s.verification.sources.push(
          secondary('https://litmetric.com/detail/12345678/a-title', ['title'], { independentOf: 'pubmed' }),
        ),
      ),
    })
    expect(marked.issues).toEqual([])
    // Two such copies never confirm a field together.
    expectUnpaired(
      [
        secondary('https://read.qxmd.com/read/1/t', FIELDS, { independentOf: 'pubmed' }),
        secondary('https://metajournal.com/articles/1/t', FIELDS, { independentOf: 'pubmed' }),
      ],
      'csl.PMID',
    )
  })
  it("counts a registry citation's secondaryFields as one secondary page", () => {
    // The index page confirms everything but the volume; a sponsor's registry citation prints the volume too.
    const withVolume = (extra: Record<string, unknown>[], registry: Record<string, unknown> = {}) =>
      runOn({
        'studies/example-2020.yaml': variant(validStudy(), (s) => {
          s.verification.sources[0].fields = FIELDS.filter((f) => f !== 'volume')
          s.verification.sources.push(
            {
              url: 'https://github.com/registry-copies/ctgov/blob/0123/NCT00000000.xml',
              kind: 'mirror',
              fields: ['PMID'],
              secondaryFields: ['volume'],
              independentOf: 'pubmed',
              ...registry,
            },
            ...extra,
          )
        }),
      })
    // Alone it does not confirm the volume, nor with another copy of PubMed's citation …
    expectIssue(
      withVolume([]),
      'source-kinds',
      'data/studies/example-2020.yaml',
      'csl.volume',
      /\(github\.com\/registry-copies\)/,
    )
    const copy = secondary('https://read.qxmd.com/read/12345/t', ['volume'], { independentOf: 'pubmed' })
    expectIssue(withVolume([copy]), 'source-kinds', 'data/studies/example-2020.yaml', 'csl.volume', /without a second/)
    // … but with an independent reference list it does.
    expect(withVolume([secondary('https://github.com/reviewer/refs/blob/0123/refs.md', ['volume'])]).issues).toEqual([])
    // A field is confirmed one way per page, and secondaryFields belong on pages of a stronger kind.
    const both = withVolume([], { fields: ['PMID', 'volume'] })
    expectIssue(
      both,
      'source-kinds',
      'data/studies/example-2020.yaml',
      'verification.sources[1].secondaryFields',
      /"volume", also in fields/,
    )
    const onSecondary = withVolume([secondary('https://b.test/y', ['volume'], { secondaryFields: ['volume'] })])
    expectIssue(
      onSecondary,
      'source-kinds',
      'data/studies/example-2020.yaml',
      'verification.sources[2].secondaryFields',
      /is set on a secondary page/,
    )
  })
  it('checks that secondaryFields name fields the record has, and counts them as provenance', () => {
    const r = runOn({
      'studies/example-2020.yaml': variant(validStudy(), (s) =>
        s.verification.sources.push({
          url: 'https://registry.test/NCT0',
          kind: 'registry',
          fields: [],
          secondaryFields: ['issue'],
        }),
      ),
    })
    expectIssue(
      r,
      'field-provenance',
      'data/studies/example-2020.yaml',
      'verification.sources[1].secondaryFields',
      /names "issue"/,
    )
    const onlyThere = runOn({
      'studies/example-2020.yaml': variant(validStudy(), (s) => {
        s.verification.sources[0].fields = FIELDS.filter((f) => f !== 'volume')
        s.verification.sources.push({
          url: 'https://registry.test/NCT0',
          kind: 'registry',
          fields: [],
          secondaryFields: ['volume'],
        })
      }),
    })
    expect(onlyThere.issues.map((i) => i.rule)).toEqual(['source-kinds'])
  })
  it('rejects an unknown or missing kind at the schema layer', () => {
    const r = runOn({
      'studies/example-2020.yaml': variant(validStudy(), (s) => (s.verification.sources[0].kind = 'blog')),
    })
    expect(r.issues.map((i) => i.field)).toContain('verification.sources[0].kind')
    const m = runOn({
      'studies/example-2020.yaml': variant(validStudy(), (s) => delete s.verification.sources[0].kind),
    })
    expect(m.issues.map((i) => i.field)).toContain('verification.sources[0].kind')
  })
  it('groups hosts into sites', () => {
    expect(siteOf('https://qa00.mdedge.com/x')).toBe('mdedge.com')
    expect(siteOf('https://ouci.dntb.gov.ua/en/works/1')).toBe('dntb.gov.ua')
    expect(siteOf('https://lib.pusan.ac.kr/x')).toBe('pusan.ac.kr')
    expect(siteOf('http://47.251.13.51:8081/23805864')).toBe('13.51')
    expect(siteOf('not a url')).toBe('not a url')
    expect(siteOf('https://github.com/alice/refs/blob/0123/refs.bib')).toBe('github.com/alice')
    expect(siteOf('https://raw.githubusercontent.com/Alice/refs/main/refs.bib')).toBe('github.com/alice')
    expect(siteOf('https://github.com/bob/notes')).not.toBe(siteOf('https://github.com/alice/notes'))
  })
})

describe('https-urls and mirrors', () => {
  it('accepts http only for a mirror page', () => {
    const mirror = runOn({
      'studies/example-2020.yaml': variant(validStudy(), (s) =>
        Object.assign(s.verification.sources[0], { url: 'http://mirror.test/123', kind: 'mirror' }),
      ),
    })
    expect(mirror.issues).toEqual([])
    const index = runOn({
      'studies/example-2020.yaml': variant(
        validStudy(),
        (s) => (s.verification.sources[0].url = 'http://mirror.test/123'),
      ),
    })
    const line = expectIssue(
      index,
      'https-urls',
      'data/studies/example-2020.yaml',
      'verification.sources[0].url',
      /is not an https URL/,
    )
    expect(line).toContain('only a page of kind `mirror` may be served over http')
  })
})
