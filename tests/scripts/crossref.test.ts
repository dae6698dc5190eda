import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  compareWithStudy,
  CrossrefFormatError,
  crossrefWorkUrl,
  formatFindings,
  formatSummary,
  lookupDoi,
  normalizePages,
  normalizeText,
  parseCrossrefWork,
  verifyStudies,
  type FetchLike,
  type Finding,
} from '../../scripts/lib/crossref.ts'
import { fullStudies } from '../../src/details/index.ts'

const studies = fullStudies()
import type { Study } from '../../src/types.ts'
import { root } from '../helpers/paths.ts'

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'crossref', `${name}.json`), 'utf8'))
/**
 * The Crossref fixtures were written against dore-2019 and anand-2023 as those records stood in data version 0.1.0
 * (commit 5383322). The live records have since dropped fields the stricter provenance rules could not keep, so the
 * tests of the comparison logic pin the 0.1.0 values: they test the tool, not today's data.
 */
const PINNED: Record<string, Partial<Study['csl']>> = {
  'dore-2019': {
    'container-title': 'Journal of Psychoactive Drugs',
    issued: { 'date-parts': [[2019]] },
    volume: '51',
    issue: '2',
    page: '189-198',
    PMID: '30917760',
  },
  'anand-2023': {
    'container-title': 'New England Journal of Medicine',
    issued: { 'date-parts': [[2023, 6, 22]] },
    volume: '388',
    issue: '25',
    page: '2315-2325',
    PMID: '37224232',
  },
}
const study = (id: string): Study => {
  const s = studies.find((x) => x.id === id)!
  return PINNED[id] === undefined ? s : { ...s, csl: { ...s.csl, ...PINNED[id] } }
}
const work = (message: Record<string, unknown>): unknown => ({
  status: 'ok',
  'message-type': 'work',
  message: { DOI: '10.5555/x', ...message },
})

/** A fictional study matching tests/fixtures/crossref/retracted.json apart from its retraction status. */
function exampleStudy(status: Study['status'] = { retracted: false, corrections: [] }): Study {
  const base = study('dore-2019')
  return {
    ...base,
    id: 'example-2020' as Study['id'],
    csl: {
      id: 'example-2020',
      type: 'article-journal',
      title: 'An example trial',
      author: [{ family: 'Example', given: 'Ann' }],
      'container-title': 'Journal of Examples',
      issued: { 'date-parts': [[2020]] },
      volume: '1',
      issue: '4',
      page: '1-10',
      DOI: '10.5555/example.2020',
    },
    status,
  }
}

const fields = (f: readonly Finding[]) => f.map((x) => `${x.severity}:${x.field}`)

describe('parseCrossrefWork', () => {
  it('reads a journal article (dore-2019 fixture)', () => {
    const w = parseCrossrefWork(fixture('dore-2019'))
    expect(w).toMatchObject({
      doi: '10.1080/02791072.2019.1587556',
      type: 'journal-article',
      title:
        'Ketamine Assisted Psychotherapy (KAP): Patient Demographics, Clinical Data and Outcomes in Three Large ' +
        'Practices Administering Ketamine with Psychotherapy',
      containerTitles: ['Journal of Psychoactive Drugs'],
      years: [2019],
      volume: '51',
      issue: '2',
      page: '189-198',
      updatedBy: [],
      updateTo: [],
      relations: [],
      titleSaysRetracted: false,
    })
    expect(w.authors).toHaveLength(10)
    expect(w.authors[0]).toEqual({ family: 'Dore', given: 'Jennifer', sequence: 'first' })
  })

  it('lower-cases the DOI and collects every year Crossref gives (anand-2023 fixture)', () => {
    const w = parseCrossrefWork(fixture('anand-2023'))
    expect(w.doi).toBe('10.1056/nejmoa2302399')
    expect(w.years).toEqual([2023])
    expect(w.containerTitles).toEqual(['New England Journal of Medicine', 'N Engl J Med'])
    expect(
      parseCrossrefWork(
        work({ issued: { 'date-parts': [[2018, 12, 1]] }, 'published-print': { 'date-parts': [[2019, 1]] } }),
      ).years,
    ).toEqual([2018, 2019])
  })

  it('reads a preprint: the server as container, the posted date, the published-version relation (yermus-2023 fixture)', () => {
    const w = parseCrossrefWork(fixture('yermus-2023'))
    expect(w.type).toBe('posted-content')
    expect(w.containerTitles).toEqual(['medRxiv'])
    expect(w.years).toEqual([2023])
    expect(w.relations).toEqual([{ type: 'is-preprint-of', idType: 'doi', id: '10.1089/psymed.2023.0021' }])
  })

  it('reads Crossmark and Retraction Watch updates (retracted fixture)', () => {
    const w = parseCrossrefWork(fixture('retracted'))
    expect(w.titleSaysRetracted).toBe(true)
    expect(w.updatedBy).toEqual([
      {
        doi: '10.5555/example.2020.retraction',
        type: 'retraction',
        label: 'Retraction',
        source: 'publisher',
        date: '2021-06-01',
      },
      {
        doi: '10.5555/example.2020.retraction',
        type: 'retraction',
        label: 'Retraction',
        source: 'retraction-watch',
        date: '2021-06-01',
        recordId: '12345',
      },
      {
        doi: '10.5555/example.2020.correction',
        type: 'correction',
        label: 'Correction',
        source: 'retraction-watch',
        date: '2020-09-15',
        recordId: '12001',
      },
      {
        doi: '10.5555/example.2020.eoc',
        type: 'expression_of_concern',
        label: 'Expression of concern',
        source: 'publisher',
        date: '2021-01-10',
      },
    ])
  })

  it('reads a notice (update-to), title variants with subtitles, group authors, and unknown dates', () => {
    const w = parseCrossrefWork(
      work({
        title: ['Main'],
        subtitle: ['A sub'],
        author: [{ name: 'The Example Consortium', sequence: 'first' }],
        issued: { 'date-parts': [[null]] },
        'update-to': [{ DOI: '10.5555/Original', type: 'Expression of Concern', updated: { 'date-parts': [[2022]] } }],
        'record-id': 7,
        volume: 12,
      }),
    )
    expect(w.titles).toEqual(['Main', 'Main: A sub'])
    expect(w.authors).toEqual([{ name: 'The Example Consortium', sequence: 'first' }])
    expect(w.years).toEqual([])
    expect(w.updateTo).toEqual([{ doi: '10.5555/original', type: 'expression_of_concern', date: '2022' }])
    expect(w.volume).toBe('12')
  })

  it('rejects the malformed fixture with a message naming the field', () => {
    expect(() => parseCrossrefWork(fixture('malformed'))).toThrow(CrossrefFormatError)
    expect(() => parseCrossrefWork(fixture('malformed'))).toThrow(
      /message\.title should be a list of strings, got number 42/,
    )
  })

  it('rejects every other malformed shape with a CrossrefFormatError', () => {
    const bad: [unknown, RegExp][] = [
      [null, /expected a JSON object, got null/],
      ['<html>Resource not found.</html>', /expected a JSON object/],
      [[], /expected a JSON object, got a list/],
      [{ status: 'failed', message: {} }, /status is "failed"/],
      [{ status: 'ok', 'message-type': 'work-list', message: { items: [] } }, /message-type is "work-list"/],
      [{ status: 'ok', message: [] }, /message should be an object/],
      [{ status: 'ok', message: { title: ['x'] } }, /message\.DOI is missing/],
      [work({ issued: '2019' }), /message\.issued should be a date object/],
      [work({ issued: { 'date-parts': [2019] } }), /date-parts should be a nested list/],
      [work({ issued: { 'date-parts': [['2019']] } }), /date-parts should hold integers/],
      [work({ author: [{ family: ['Dore'] }] }), /message\.author\[0\]\.family should be a string/],
      [work({ 'updated-by': [{ DOI: '10.5555/n' }] }), /updated-by\[0\] needs a DOI and a type/],
      [work({ 'updated-by': {} }), /updated-by should be a list of objects/],
      [work({ relation: [] }), /message\.relation should be an object/],
      [work({ relation: { 'is-preprint-of': ['10.1/x'] } }), /relation\.is-preprint-of\[0\] should be an object/],
      [work({ 'container-title': [1] }), /container-title should be a list of strings/],
    ]
    for (const [input, message] of bad) {
      expect(() => parseCrossrefWork(input), JSON.stringify(input)).toThrow(CrossrefFormatError)
      expect(() => parseCrossrefWork(input), JSON.stringify(input)).toThrow(message)
    }
  })

  it('never fails with anything but CrossrefFormatError, whatever the JSON (property)', () => {
    const messages = fc.record(
      {
        DOI: fc.oneof(fc.string(), fc.jsonValue()),
        title: fc.jsonValue(),
        author: fc.jsonValue(),
        issued: fc.jsonValue(),
        'updated-by': fc.jsonValue(),
        relation: fc.jsonValue(),
        page: fc.jsonValue(),
      },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          messages.map((message) => ({ status: 'ok', message })),
        ),
        (input) => {
          try {
            const w = parseCrossrefWork(input)
            expect(typeof w.doi).toBe('string')
            compareWithStudy(study('dore-2019'), w)
          } catch (e) {
            expect(e).toBeInstanceOf(CrossrefFormatError)
          }
        },
      ),
      { numRuns: 1000 },
    )
  })
})

describe('compareWithStudy', () => {
  it('finds nothing when Crossref agrees with the record (dore-2019, anand-2023)', () => {
    expect(compareWithStudy(study('dore-2019'), parseCrossrefWork(fixture('dore-2019')))).toEqual([])
    expect(compareWithStudy(study('anand-2023'), parseCrossrefWork(fixture('anand-2023')))).toEqual([])
  })

  it('notes the published version of a preprint without failing (yermus-2023)', () => {
    expect(compareWithStudy(study('yermus-2023'), parseCrossrefWork(fixture('yermus-2023')))).toEqual([
      {
        study: 'yermus-2023',
        field: 'relation',
        severity: 'info',
        record: 'article',
        crossref: 'is-preprint-of 10.1089/psymed.2023.0021',
        note: 'a published version exists',
      },
    ])
  })

  it('reports every differing field (mismatch fixture)', () => {
    const found = compareWithStudy(study('dore-2019'), parseCrossrefWork(fixture('mismatch-dore-2019')))
    expect(fields(found)).toEqual([
      'mismatch:title',
      'mismatch:issued',
      'mismatch:container-title',
      'mismatch:author[0]',
      'mismatch:author',
      'mismatch:volume',
      'mismatch:issue',
      'mismatch:page',
    ])
    const by = (field: string) => found.find((f) => f.field === field)!
    expect(by('issued')).toMatchObject({ record: '2019', crossref: '2020' })
    expect(by('author[0]')).toMatchObject({ record: 'Dore, Jennifer', crossref: 'Doe, Jane' })
    expect(by('author')).toMatchObject({ record: '10 authors', crossref: '2 authors' })
    expect(by('volume')).toMatchObject({ record: '51', crossref: '52' })
    expect(by('page')).toMatchObject({ record: '189-198', crossref: '201-210' })
    expect(by('container-title')).toMatchObject({
      record: 'Journal of Psychoactive Drugs / J Psychoactive Drugs',
      crossref: 'Journal of Psychoactive Substances / J Psychoact Subst',
    })
  })

  it('reports a retraction, an unrecorded correction and an expression of concern, each notice once (retracted fixture)', () => {
    const found = compareWithStudy(exampleStudy(), parseCrossrefWork(fixture('retracted')))
    expect(fields(found)).toEqual(['mismatch:status.retracted', 'mismatch:status.corrections', 'mismatch:status'])
    expect(found[0]).toMatchObject({
      record: 'false',
      crossref: 'retraction 10.5555/example.2020.retraction (2021-06-01) [publisher]',
    })
    expect(found[1]).toMatchObject({
      record: '0 listed',
      crossref: 'correction 10.5555/example.2020.correction (2020-09-15) [retraction-watch]',
    })
    expect(found[2]!.crossref).toMatch(/^expression_of_concern 10\.5555\/example\.2020\.eoc/)
  })

  it('is satisfied once the record marks the retraction and lists the correction; the concern still needs a note', () => {
    const found = compareWithStudy(
      exampleStudy({ retracted: true, corrections: ['Correction, 2020.'] }),
      parseCrossrefWork(fixture('retracted')),
    )
    expect(fields(found)).toEqual(['mismatch:status'])
  })

  it('treats a "RETRACTED:" title alone as a retraction, and a record marked retracted without any notice as a mismatch', () => {
    const titled = parseCrossrefWork(work({ DOI: '10.5555/example.2020', title: ['Retracted: An example trial'] }))
    expect(fields(compareWithStudy(exampleStudy(), titled))).toEqual(['mismatch:status.retracted'])
    const clean = parseCrossrefWork(work({ DOI: '10.5555/example.2020', title: ['An example trial'] }))
    expect(compareWithStudy(exampleStudy({ retracted: true, corrections: [] }), clean)).toEqual([
      {
        study: 'example-2020',
        field: 'status.retracted',
        severity: 'mismatch',
        record: 'true',
        crossref: 'no retraction notice',
        note: 'the record says retracted; Crossref has no notice',
      },
    ])
  })

  it('reports a DOI that is itself a notice, a different DOI, a different work type and other updates', () => {
    const notice = parseCrossrefWork(
      work({ DOI: '10.5555/example.2020', 'update-to': [{ DOI: '10.5555/orig', type: 'correction' }] }),
    )
    expect(compareWithStudy(exampleStudy(), notice)).toEqual([
      {
        study: 'example-2020',
        field: 'DOI',
        severity: 'mismatch',
        record: '10.5555/example.2020',
        crossref: 'a correction notice for 10.5555/orig',
        note: 'this DOI is a notice, not the work itself',
      },
    ])
    expect(fields(compareWithStudy(exampleStudy(), parseCrossrefWork(work({ DOI: '10.5555/other' }))))).toEqual([
      'mismatch:DOI',
    ])
    expect(
      fields(
        compareWithStudy(
          exampleStudy(),
          parseCrossrefWork(work({ DOI: '10.5555/example.2020', type: 'posted-content' })),
        ),
      ),
    ).toEqual(['mismatch:type'])
    const newVersion = parseCrossrefWork(
      work({ DOI: '10.5555/example.2020', 'updated-by': [{ DOI: '10.5555/v2', type: 'new_version' }] }),
    )
    expect(fields(compareWithStudy(exampleStudy(), newVersion))).toEqual(['info:status'])
  })

  it('notes fields Crossref has and the record lacks, without failing', () => {
    const bare: Study = {
      ...exampleStudy(),
      csl: { id: 'example-2020', type: 'article-journal', DOI: '10.5555/example.2020' },
    }
    const full = parseCrossrefWork(fixture('retracted'))
    const found = compareWithStudy({ ...bare, status: { retracted: true, corrections: ['x'] } }, full).filter(
      (f) => f.field !== 'status',
    )
    expect(fields(found)).toEqual([
      'info:title',
      'info:issued',
      'info:container-title',
      'info:author',
      'info:volume',
      'info:issue',
      'info:page',
    ])
    expect(found.every((f) => f.record === '—')).toBe(true)
    expect(found.find((f) => f.field === 'page')?.crossref).toBe('1-10')
  })

  it('ignores differences of case, punctuation, markup, diacritics, "The" and abbreviated page ranges', () => {
    const s: Study = {
      ...exampleStudy(),
      csl: {
        ...exampleStudy().csl,
        title: 'Ketamine & the brain: a “new” look',
        author: [{ family: 'Müller', given: 'Jörg' }],
        'container-title': 'New England Journal of Medicine',
        page: '189-198',
      },
    }
    const w = parseCrossrefWork(
      work({
        DOI: '10.5555/EXAMPLE.2020',
        type: 'journal-article',
        title: ['<i>Ketamine</i> and the Brain &#39;—&#39; A &quot;New&quot; Look.'],
        author: [{ family: 'Muller', given: 'J.', sequence: 'first' }],
        'container-title': ['The New England Journal of Medicine'],
        page: '189–98',
        issued: { 'date-parts': [[2019, 12]] },
        'published-print': { 'date-parts': [[2020, 1]] },
        volume: '1',
        issue: '4',
      }),
    )
    expect(compareWithStudy(s, w)).toEqual([])
  })

  it('accepts an article number for a single-number page and a first page only', () => {
    const s = study('moda-sava-2019')
    const w = parseCrossrefWork(work({ DOI: s.csl.DOI, 'article-number': 'eaat8078' }))
    expect(compareWithStudy(s, w).filter((f) => f.field === 'page')).toEqual([])
    const first = parseCrossrefWork(work({ DOI: '10.5555/example.2020', page: '1' }))
    expect(compareWithStudy(exampleStudy(), first)).toEqual([])
  })
})

describe('normalizers', () => {
  it('normalizePages unifies dashes and expands abbreviated ends', () => {
    expect(normalizePages('189–98')).toEqual({ start: '189', end: '198' })
    expect(normalizePages(' 1234 - 56 ')).toEqual({ start: '1234', end: '1256' })
    expect(normalizePages('e852-e857')).toEqual({ start: 'e852', end: 'e857' })
    expect(normalizePages('868103')).toEqual({ start: '868103' })
    expect(normalizePages('S1-S10')).toEqual({ start: 's1', end: 's10' })
  })
  it('normalizeText keeps words and drops everything else', () => {
    expect(normalizeText('<sub>N</sub>-Methyl-D-Aspartate &amp; Ketamine')).toBe('n methyl d aspartate and ketamine')
    expect(normalizeText('Señor  Ångström')).toBe('senor angstrom')
    expect(normalizeText('  ')).toBe('')
  })
})

// ── fetching, with a fake fetch: no test opens a socket ────────────────────────────────────────────────────────

interface Call {
  url: string
  headers: Record<string, string>
  signal: AbortSignal
}

function fakeFetch(
  answers: readonly ((url: string) => { status: number; body?: string; headers?: Record<string, string> } | Error)[],
) {
  const calls: Call[] = []
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, headers: init.headers, signal: init.signal })
    const answer = answers[Math.min(calls.length - 1, answers.length - 1)]!(url)
    if (answer instanceof Error) throw answer
    return {
      status: answer.status,
      headers: { get: (n: string) => answer.headers?.[n.toLowerCase()] ?? null },
      text: async () => answer.body ?? '',
    }
  }
  return { fetch, calls }
}
const ok = (name: string) => () => ({
  status: 200,
  body: readFileSync(join(root, 'tests', 'fixtures', 'crossref', `${name}.json`), 'utf8'),
})
const offline = () =>
  new TypeError('fetch failed', {
    cause: Object.assign(new Error('getaddrinfo ENOTFOUND api.crossref.org'), { code: 'ENOTFOUND' }),
  })
const base = { timeoutMs: 5000, userAgent: 'kap-literature-verify-online/test', sleep: async () => {} }

describe('lookupDoi', () => {
  it('asks the works endpoint politely, with a timeout signal', async () => {
    const { fetch, calls } = fakeFetch([ok('dore-2019')])
    const r = await lookupDoi('10.1080/02791072.2019.1587556', { ...base, fetch, mailto: 'maint@example.org' })
    expect(r.kind).toBe('ok')
    expect(calls).toHaveLength(1)
    expect(calls[0]!.url).toBe(
      'https://api.crossref.org/works/10.1080/02791072.2019.1587556?mailto=maint%40example.org',
    )
    expect(calls[0]!.headers).toEqual({ 'User-Agent': 'kap-literature-verify-online/test', Accept: 'application/json' })
    expect(calls[0]!.signal).toBeInstanceOf(AbortSignal)
  })

  it('encodes what would break the URL path but keeps the DOI slash', () => {
    expect(crossrefWorkUrl('10.1016/S0740-5472(02)00275-1')).toBe(
      'https://api.crossref.org/works/10.1016/S0740-5472(02)00275-1',
    )
    expect(crossrefWorkUrl('10.5555/a?b#c d')).toBe('https://api.crossref.org/works/10.5555/a%3Fb%23c%20d')
  })

  it('classifies 404, server errors, bad bodies, timeouts and network failures', async () => {
    const run = async (answer: Parameters<typeof fakeFetch>[0][number]) =>
      lookupDoi('10.5555/x', { ...base, fetch: fakeFetch([answer]).fetch })
    expect(await run(() => ({ status: 404, body: 'Resource not found.' }))).toEqual({ kind: 'not-found' })
    expect(await run(() => ({ status: 503 }))).toEqual({ kind: 'http-error', status: 503 })
    expect(await run(() => ({ status: 200, body: '<html>' }))).toMatchObject({
      kind: 'bad-response',
      message: expect.stringMatching(/^not JSON/),
    })
    expect(await run(() => ({ status: 200, body: JSON.stringify(fixture('malformed')) }))).toMatchObject({
      kind: 'bad-response',
      message: expect.stringMatching(/message\.title/),
    })
    expect(await run(() => new DOMException('The operation was aborted due to timeout', 'TimeoutError'))).toEqual({
      kind: 'unreachable',
      message: 'timed out',
    })
    expect(await run(offline)).toEqual({ kind: 'unreachable', message: 'fetch failed: ENOTFOUND' })
  })

  it('waits as told and retries once after 429', async () => {
    const sleep = vi.fn(async () => {})
    const { fetch, calls } = fakeFetch([() => ({ status: 429, headers: { 'retry-after': '3' } }), ok('dore-2019')])
    expect((await lookupDoi('10.1080/02791072.2019.1587556', { ...base, fetch, sleep })).kind).toBe('ok')
    expect(sleep).toHaveBeenCalledWith(3000)
    expect(calls).toHaveLength(2)
    const twice = fakeFetch([() => ({ status: 429 })])
    expect(await lookupDoi('10.5555/x', { ...base, fetch: twice.fetch, sleep })).toEqual({
      kind: 'http-error',
      status: 429,
    })
    expect(twice.calls).toHaveLength(2)
  })
})

describe('verifyStudies', () => {
  const three = [study('dore-2019'), study('fda-esketamine-2019'), study('anand-2023'), study('yermus-2023')]
  const byDoi = (url: string) => {
    if (url.includes('02791072')) return ok('dore-2019')()
    if (url.toLowerCase().includes('nejmoa2302399')) return ok('anand-2023')()
    return ok('yermus-2023')()
  }

  it('exits 0 when everything agrees, skips studies without a DOI and pauses between requests', async () => {
    const sleep = vi.fn(async () => {})
    const { fetch, calls } = fakeFetch([byDoi])
    const r = await verifyStudies(three, { ...base, fetch, sleep, delayMs: 250 })
    expect(r).toMatchObject({
      exitCode: 0,
      checked: ['dore-2019', 'anand-2023', 'yermus-2023'],
      withoutDoi: ['fda-esketamine-2019'],
      unreachable: [],
    })
    expect(fields(r.findings)).toEqual(['info:relation'])
    expect(calls).toHaveLength(3)
    expect(sleep.mock.calls).toEqual([[250], [250]])
  })

  it('exits 1 on a mismatch, and on a DOI Crossref does not know', async () => {
    const mismatch = await verifyStudies([study('dore-2019')], {
      ...base,
      fetch: fakeFetch([ok('mismatch-dore-2019')]).fetch,
      delayMs: 0,
    })
    expect(mismatch.exitCode).toBe(1)
    const missing = await verifyStudies([study('dore-2019')], {
      ...base,
      fetch: fakeFetch([() => ({ status: 404 })]).fetch,
      delayMs: 0,
    })
    expect(missing).toMatchObject({
      exitCode: 1,
      findings: [{ study: 'dore-2019', field: 'DOI', crossref: 'not found (404)' }],
    })
    const garbled = await verifyStudies([study('dore-2019')], {
      ...base,
      fetch: fakeFetch([() => ({ status: 200, body: '{' })]).fetch,
      delayMs: 0,
    })
    expect(garbled).toMatchObject({ exitCode: 1, findings: [{ field: 'response', crossref: 'unreadable response' }] })
  })

  it('exits 2 at once when the network is down from the start', async () => {
    const { fetch, calls } = fakeFetch([offline])
    const r = await verifyStudies(three, { ...base, fetch, delayMs: 0 })
    expect(r).toMatchObject({ exitCode: 2, networkDown: 'fetch failed: ENOTFOUND', checked: [], findings: [] })
    expect(r.unreachable).toEqual(['dore-2019', 'anand-2023', 'yermus-2023'])
    expect(calls).toHaveLength(1)
  })

  it('exits 2 when some DOIs could not be reached and nothing else is wrong; stops after three failures in a row', async () => {
    const partial = await verifyStudies(three, { ...base, fetch: fakeFetch([byDoi, offline, byDoi]).fetch, delayMs: 0 })
    expect(partial).toMatchObject({ exitCode: 2, checked: ['dore-2019', 'yermus-2023'], unreachable: ['anand-2023'] })
    expect(partial.networkDown).toBeUndefined()
    const many = [
      study('dore-2019'),
      ...studies.filter((s) => s.csl.DOI !== undefined && s.id !== 'dore-2019').slice(0, 5),
    ]
    const { fetch, calls } = fakeFetch([ok('dore-2019'), offline])
    const stopped = await verifyStudies(many, { ...base, fetch, delayMs: 0 })
    expect(calls).toHaveLength(4)
    expect(stopped.exitCode).toBe(2)
    expect(stopped.networkDown).toBe('fetch failed: ENOTFOUND')
    expect(stopped.unreachable).toHaveLength(5)
  })
})

describe('report formatting', () => {
  it('prints a markdown table, mismatches first, with pipes escaped', () => {
    const table = formatFindings([
      { study: 'b', field: 'relation', severity: 'info', record: 'article', crossref: 'x' },
      { study: 'b', field: 'title', severity: 'mismatch', record: 'A | B', crossref: 'A\nC' },
      { study: 'a', field: 'page', severity: 'mismatch', record: '1-2', crossref: '1-3', note: 'n' },
    ])
    expect(table.split('\n')).toEqual([
      '| severity | study | field | record | Crossref | note |',
      '|---|---|---|---|---|---|',
      '| mismatch | a | page | 1-2 | 1-3 | n |',
      '| mismatch | b | title | A \\| B | A C |   |',
      '| info | b | relation | article | x |   |',
    ])
    expect(formatFindings([])).toBe('')
  })
  it('summarises counts', () => {
    expect(formatSummary({ findings: [], checked: ['a'], withoutDoi: ['b'], unreachable: ['c'], exitCode: 2 })).toBe(
      'verify-online: 1 DOI(s) checked against Crossref; 0 mismatch(es); 0 note(s); 1 study without a DOI skipped; 1 not checked (network)',
    )
  })
})

describe('scripts/verify-online.ts', () => {
  afterEach(() => vi.restoreAllMocks())

  it('does nothing on import', async () => {
    const spy = vi.spyOn(globalThis, 'fetch')
    const mod = await import('../../scripts/verify-online.ts')
    expect(typeof mod.main).toBe('function')
    expect(spy).not.toHaveBeenCalled()
  })

  async function run(
    argv: string[],
    fetch: FetchLike = fakeFetch([ok('dore-2019')]).fetch,
    env: Record<string, string> = {},
  ) {
    const { main } = await import('../../scripts/verify-online.ts')
    const out: string[] = []
    const err: string[] = []
    const code = await main(argv, {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      fetch,
      env,
      sleep: async () => {},
    })
    return { code, out: out.join('\n'), err: err.join('\n') }
  }

  it('exits 0 when nothing contradicts the record, listing as notes the fields Crossref has and the record lacks', async () => {
    const r = await run(['wilkinson-2021'], fakeFetch([() => ({ status: 404 })]).fetch)
    expect(r.code).toBe(1) // a DOI Crossref does not know is a finding
    const live = await run(['anand-2023'], fakeFetch([ok('anand-2023')]).fetch)
    expect(live.code).toBe(0)
    expect(live.out).toContain(
      '| info | anand-2023 | volume | — | 388 | Crossref has this; the record does not (verify before adding) |',
    )
    expect(live.out.split('\n').at(-1)).toMatch(
      /^verify-online: 1 DOI\(s\) checked against Crossref; 0 mismatch\(es\); \d+ note\(s\); 0 studies without a DOI skipped$/,
    )
  })

  it('exits 1 and prints the table on mismatches', async () => {
    const r = await run(['dore-2019'], fakeFetch([ok('mismatch-dore-2019')]).fetch)
    expect(r.code).toBe(1)
    expect(r.out).toContain('| severity | study | field | record | Crossref | note |')
    expect(r.out).toContain('| mismatch | dore-2019 | author[0] | Dore, Jennifer | Doe, Jane | first author differs |')
  })

  it('exits 2 with a clear message when Crossref cannot be reached', async () => {
    const r = await run(['dore-2019', 'anand-2023'], fakeFetch([offline]).fetch)
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/cannot reach api\.crossref\.org \(fetch failed: ENOTFOUND\)\. Check the network connection/)
  })

  it('sends CROSSREF_MAILTO in the URL and the User-Agent', async () => {
    const f = fakeFetch([ok('dore-2019')])
    await run(['dore-2019'], f.fetch, { CROSSREF_MAILTO: 'maint@example.org' })
    expect(f.calls[0]!.url).toMatch(/\?mailto=maint%40example\.org$/)
    expect(f.calls[0]!.headers['User-Agent']).toMatch(
      /^kap-literature-verify-online\/\d+\.\d+\.\d+ \(.*mailto:maint@example\.org\)$/,
    )
  })

  it('prints help, and exits 3 on bad arguments without any request', async () => {
    const f = fakeFetch([ok('dore-2019')])
    expect((await run(['--help'], f.fetch)).out).toMatch(/^Usage: npm run verify:online/)
    const unknown = await run(['dore-2091'], f.fetch)
    expect(unknown).toMatchObject({
      code: 3,
      err: 'verify-online: unknown study "dore-2091" (did you mean "dore-2019"?)',
    })
    expect((await run(['--timeout', 'soon'], f.fetch)).code).toBe(3)
    expect((await run(['--delay'], f.fetch)).code).toBe(3)
    expect((await run(['--bogus'], f.fetch)).code).toBe(3)
    expect(f.calls).toHaveLength(0)
  })
})
