import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stringify } from 'yaml'
import { runPipeline, type PipelineResult } from '../../scripts/lib/pipeline.ts'
import { root } from './paths.ts'

/** A minimal valid study record for fixtures (fictional identifiers in the 10.5555 test prefix). */
export function validStudy(): Record<string, unknown> {
  return {
    id: 'example-2020',
    csl: {
      type: 'article-journal',
      title: 'An example trial',
      author: [{ family: 'Example', given: 'Ann' }],
      'container-title': 'Journal of Examples',
      issued: { 'date-parts': [[2020]] },
      volume: '1',
      page: '1-10',
      DOI: '10.5555/example.2020',
      PMID: '12345',
    },
    design: 'randomized-controlled-trial',
    population: 'Adults with depression.',
    n: 10,
    conditions: ['depression'],
    intervention: { substance: 'ketamine', routes: ['intravenous'], withPsychotherapy: false },
    comparator: 'Placebo.',
    followUp: 'One week.',
    registrations: [],
    findings: 'Scores fell.',
    limitations: 'Small.',
    certainty: 'low',
    certaintyNote: 'Small trial.',
    status: { retracted: false, corrections: [] },
    verification: {
      checked: '2026-01-01',
      sources: [
        {
          url: 'https://example.org/record',
          kind: 'index',
          fields: ['title', 'author', 'container-title', 'issued', 'volume', 'page', 'DOI', 'PMID'],
        },
      ],
      missing: [],
    },
  }
}

/** A minimal valid claim that points at {@link validStudy} and {@link validSource}. */
export function validClaim(): Record<string, unknown> {
  return {
    id: 'example-claim',
    statement: 'Ketamine helps.',
    wording: 'plain',
    kind: 'effect',
    cues: ['$K + help*'],
    topics: ['efficacy'],
    madeBy: [{ source: 'example-page', section: 'Intro' }],
    evidence: [{ study: 'example-2020', relation: 'supports', note: 'It tested this.' }],
    verdict: 'overstated',
    verdictNote: 'Only example-2020, a small trial.',
  }
}

/** A minimal valid source document. */
export function validSource(): Record<string, unknown> {
  return {
    id: 'example-page',
    file: 'example.txt',
    csl: { type: 'webpage', title: 'Example page', URL: 'https://example.org/page' },
    sections: ['Intro'],
    verification: {
      checked: '2026-01-01',
      sources: [{ url: 'https://example.org/page', kind: 'publisher', fields: ['title', 'URL'] }],
      missing: [],
    },
  }
}

/** Files to write into a fixture data folder: relative path → YAML value, or raw text. */
export type FixtureFiles = Record<string, unknown>

/**
 * Makes a temporary data folder holding the real vocabularies plus the given records
 * (default: one valid study, claim and source), and returns its path. The people of data/vocab/people.yaml are left
 * out: they name the real records' authors (a fixture adds `vocab/people.yaml` of its own).
 */
export function makeDataDir(files: FixtureFiles = {}): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'kap-fixture-')), 'data')
  cpSync(join(root, 'data', 'vocab'), join(dir, 'vocab'), {
    recursive: true,
    filter: (path) => !path.endsWith('people.yaml'),
  })
  const all: FixtureFiles = {
    'studies/example-2020.yaml': validStudy(),
    'claims/example-claim.yaml': validClaim(),
    'sources/example-page.yaml': validSource(),
    ...files,
  }
  for (const [rel, value] of Object.entries(all)) {
    if (value === undefined) continue
    const path = join(dir, rel)
    mkdirSync(join(path, '..'), { recursive: true })
    writeFileSync(path, typeof value === 'string' ? value : stringify(value))
  }
  return dir
}

/** Runs the real pipeline (real schemas) over a fixture folder. */
export function runOn(files: FixtureFiles = {}): PipelineResult {
  return runPipeline(makeDataDir(files), { schemaDir: join(root, 'data', 'schema'), today: '2026-11-22' })
}

/** Returns a deep copy of `record` with `mutate` applied. */
export function variant(
  record: Record<string, unknown>,
  mutate: (r: Record<string, any>) => void,
): Record<string, unknown> {
  const copy = structuredClone(record)
  mutate(copy)
  return copy
}
