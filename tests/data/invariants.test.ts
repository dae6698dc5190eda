import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { hashRun, RUN_LENGTH, words } from '../../scripts/lib/copy-runs.ts'
import { studyIds, vocabularies, type VocabularyTerm } from '../../src/index'
import { fullClaims, fullSources, fullStudies } from '../../src/details/index'

const studies = fullStudies()
const claims = fullClaims()
const sources = fullSources()
import { root } from '../helpers/paths'

const studyIdSet = new Set<string>(studyIds)

describe('claims', () => {
  it('each has at least one madeBy and every page has claims', () => {
    for (const c of claims) expect(c.madeBy.length, c.id).toBeGreaterThan(0)
    for (const s of sources)
      expect(
        claims.some((c) => c.madeBy.some((m) => m.source === s.id)),
        s.id,
      ).toBe(true)
  })
  it('every evidence and citation-problem study exists', () => {
    for (const c of claims) {
      for (const e of c.evidence) expect(studyIdSet.has(e.study), `${c.id} → ${e.study}`).toBe(true)
      for (const p of c.citationProblems ?? []) expect(studyIdSet.has(p.study), `${c.id} → ${p.study}`).toBe(true)
    }
  })
  it('every non-accurate verdict names an existing study id in its note or its rule', () => {
    for (const c of claims.filter((x) => x.verdict !== 'accurate')) {
      expect(
        studyIds.some((id) => c.verdictNote.includes(id) || c.verdictRule.includes(id)),
        c.id,
      ).toBe(true)
    }
  })
  it('every verdict says which row of the decision table gave it, apart from the note a page shows', () => {
    for (const c of claims) {
      expect(c.verdictRule, c.id).toMatch(/\brow \d+\b/)
      expect(c.verdictNote, c.id).not.toMatch(/Decision table:/)
    }
  })
  it('notes name other claims in words, never by claim id (readers see study ids as citations, claim ids as noise)', () => {
    const ids = claims.map((c) => c.id)
    for (const c of claims)
      for (const text of [
        c.verdictNote,
        ...c.evidence.map((e) => e.note),
        ...(c.citationProblems ?? []).map((p) => p.note),
      ])
        for (const id of ids) expect(text.includes(id), `${c.id} names ${id}`).toBe(false)
  })
  it('a study cited by the page that did not test the claim is never counted as support', () => {
    for (const c of claims) {
      for (const p of c.citationProblems ?? []) {
        if (p.problem === 'did-not-test') {
          // Either it is recorded as not testing the claim, or (a lead that cannot be cited) it is no evidence at all.
          const e = c.evidence.find((x) => x.study === p.study)
          expect([undefined, 'does-not-test'], `${c.id} / ${p.study}`).toContain(e?.relation)
        }
      }
    }
  })
})

describe('studies', () => {
  it('every study is used by a claim or says why not', () => {
    const used = new Set(
      claims.flatMap((c) => [...c.evidence.map((e) => e.study), ...(c.citationProblems ?? []).map((p) => p.study)]),
    )
    for (const s of studies) expect(used.has(s.id) || s.unusedReason !== undefined, s.id).toBe(true)
  })
  it('every verification page has a kind and is https (a mirror may be http), and every record a check date', () => {
    for (const s of [...studies, ...sources]) {
      // A source page no public copy confirms may list none, and then says in its notes what was searched.
      if (s.verification.sources.length === 0) expect('file' in s && (s.notes ?? '').length > 100, s.id).toBe(true)
      else expect(s.verification.sources.length, s.id).toBeGreaterThan(0)
      for (const v of s.verification.sources) {
        expect(['publisher', 'index', 'registry', 'repository', 'mirror', 'secondary'], s.id).toContain(v.kind)
        expect(v.url, s.id).toMatch(v.kind === 'mirror' ? /^https?:\/\// : /^https:\/\//)
      }
      expect(s.verification.checked, s.id).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    }
  })
  it('DOIs and PMIDs are well formed and unique', () => {
    const dois = studies.flatMap((s) => (s.csl.DOI ? [s.csl.DOI.toLowerCase()] : []))
    const pmids = studies.flatMap((s) => (s.csl.PMID ? [s.csl.PMID] : []))
    for (const d of dois) expect(d).toMatch(/^10\.\d{4,9}\/[^\s"<>]+$/)
    for (const p of pmids) expect(p).toMatch(/^[1-9]\d{0,8}$/)
    expect(new Set(dois).size).toBe(dois.length)
    expect(new Set(pmids).size).toBe(pmids.length)
  })
  it('every csl field is backed by a named verification source', () => {
    // `accessed` is the build's, from the check itself (the next test).
    const derived = new Set(['id', 'type', 'title-short', 'container-title-short', 'accessed'])
    for (const s of [...studies, ...sources]) {
      const confirmed = new Set(s.verification.sources.flatMap((v) => v.fields))
      for (const f of Object.keys(s.csl)) if (!derived.has(f)) expect(confirmed.has(f), `${s.id}: ${f}`).toBe(true)
    }
  })
  it('a web page read on its own site, and only such a page, has the date of that check as its access date', () => {
    const read: string[] = []
    for (const s of [...studies, ...sources]) {
      const own = s.verification.sources.some((v) => v.kind === 'publisher' && v.fields.includes('URL'))
      if (s.csl.type === 'webpage' && s.csl.URL !== undefined && own) {
        read.push(s.id)
        const [y, m, d] = s.verification.checked.split('-').map(Number)
        expect(s.csl.accessed, s.id).toEqual({ 'date-parts': [[y, m, d]] })
      } else expect(s.csl.accessed, s.id).toBeUndefined()
    }
    expect(read.sort()).toEqual([
      'fda-esketamine-2020',
      'fda-esketamine-monotherapy-2025',
      'houston-therapy-kap',
      'kap-series-part-2-how-kap-works',
      'rosadinelli-kap-unique',
      'samadhi-kap-vs-infusions',
    ])
  })
})

describe('own words', () => {
  const fixture = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'source-runs.json'), 'utf8')) as {
    runLength: number
    runs: string[]
  }
  const runs = new Set(fixture.runs)
  it('the fixture holds hashes, not text, of the source documents', () => {
    expect(fixture.runLength).toBe(RUN_LENGTH)
    expect(fixture.runs.length).toBeGreaterThan(1000)
    for (const h of fixture.runs.slice(0, 20)) expect(h).toMatch(/^[0-9a-f]{16}$/)
  })
  it('no text field repeats 10 or more consecutive words of a source document', () => {
    const offenders: string[] = []
    const check = (where: string, text: string) => {
      const w = words(text)
      for (let i = 0; i + RUN_LENGTH <= w.length; i++) {
        const run = w.slice(i, i + RUN_LENGTH).join(' ')
        if (runs.has(hashRun(run))) offenders.push(`${where}: "${run}"`)
      }
    }
    // URLs are identifiers, not prose: a page's address may spell out its title.
    const walk = (where: string, v: unknown): void => {
      if (typeof v === 'string') check(where, v)
      else if (v !== null && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) if (k !== 'url' && k !== 'URL') walk(`${where}.${k}`, x)
    }
    for (const r of [...studies, ...claims, ...sources]) walk(r.id, r)
    // A study's look-ups stay in its data file (they are not shipped): checked there.
    const dir = join(root, 'data', 'studies')
    for (const f of readdirSync(dir)) {
      const lookups = (parse(readFileSync(join(dir, f), 'utf8')) as { verification: { lookups?: string } }).verification
        .lookups
      if (lookups !== undefined) check(`${f}: verification.lookups`, lookups)
    }
    expect(offenders.join('\n')).toBe('')
  })
  it('the check itself catches a copied run', () => {
    // Guards against a check that cannot fail: a run of the hashed text must be found.
    const sample = fixture.runs[0]!
    expect(runs.has(sample)).toBe(true)
  })
})

describe('vocabularies', () => {
  const used: Record<string, Set<string>> = {
    designs: new Set(studies.map((s) => s.design)),
    conditions: new Set(studies.flatMap((s) => s.conditions)),
    routes: new Set(studies.flatMap((s) => s.intervention.routes)),
    substances: new Set(studies.map((s) => s.intervention.substance)),
    certainty: new Set(studies.map((s) => s.certainty)),
    topics: new Set(claims.flatMap((c) => c.topics)),
    relations: new Set(claims.flatMap((c) => c.evidence.map((e) => e.relation))),
    verdicts: new Set(claims.map((c) => c.verdict)),
    citationProblems: new Set(claims.flatMap((c) => (c.citationProblems ?? []).map((p) => p.problem))),
  }
  it('every term used is defined', () => {
    for (const [name, set] of Object.entries(used)) {
      const defined = new Set(
        (vocabularies[name as keyof typeof vocabularies] as readonly VocabularyTerm[]).map((t) => t.id),
      )
      for (const term of set) expect(defined.has(term), `${name}: ${term}`).toBe(true)
    }
  })
  it('every defined term is used or justified', () => {
    for (const [name, terms] of Object.entries(vocabularies)) {
      for (const t of terms as readonly VocabularyTerm[])
        expect(used[name]!.has(t.id) || t.justification !== undefined, `${name}: ${t.id}`).toBe(true)
    }
  })
  it('every term has a label and a one-line description', () => {
    for (const terms of Object.values(vocabularies)) {
      for (const t of terms as readonly VocabularyTerm[]) {
        expect(t.label.length).toBeGreaterThan(1)
        expect(t.description).not.toContain('\n')
        expect(t.description.length).toBeGreaterThan(15)
      }
    }
  })
})
