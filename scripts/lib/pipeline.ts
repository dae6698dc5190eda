import { join } from 'node:path'
import { accessedOf } from './accessed.ts'
import { shortTitles } from './short-titles.ts'
import { crossRecordIssues, type CrossInput } from './cross.ts'
import { sortIssues, type Issue } from './issues.ts'
import { loadDataDir, type LoadedFile } from './load.ts'
import { peopleIssues, unlistedNameIssues, type Person } from './people.ts'
import { recordRules } from './rules/index.ts'
import { SchemaLayer, type VocabSets } from './schema.ts'

/** A vocabulary term as authored. */
export interface Term {
  id: string
  label: string
  description: string
  justification?: string
  /** People only (data/vocab/people.yaml): see ./people.ts. */
  family?: string
  given?: string
  forms?: string[]
}

/** The validated dataset, sorted by id, ready to generate from. */
export interface Dataset {
  studies: Record<string, unknown>[]
  claims: Record<string, unknown>[]
  sources: Record<string, unknown>[]
  /** Vocabulary file name (e.g. `designs`) → terms in file order. */
  vocab: Map<string, Term[]>
  /**
   * The people of data/vocab/people.yaml (see ./people.ts): read by the citation build, not a vocabulary of the
   * records, so not among `vocab` (and not shipped with the vocabularies).
   */
  people?: Person[]
}

/** What a pipeline run produced. `dataset` is present only when there are no issues. */
export interface PipelineResult {
  issues: Issue[]
  /** Issues of the rules named in `options.warnRules`: reported, but they do not stop the build. */
  warnings?: Issue[]
  dataset?: Dataset
}

/**
 * Fields that only one vocabulary's terms take, and each of its terms needs: the designs' place in the evidence map
 * and the people's names (./people.ts).
 */
const OWN_FIELDS = [
  {
    vocab: 'designs',
    noun: 'design',
    fields: ['rank', 'group', 'band'],
    needs: 'rank, group and band',
    rule: 'design-rank',
    fix: 'Give it a rank (1 = strongest), the evidence-map column heading (group) and a band (evidence or record).',
  },
  {
    vocab: 'people',
    noun: 'person',
    fields: ['family', 'given', 'forms'],
    needs: 'family, given and forms',
    rule: 'person-names',
    fix:
      'Give the family name, every given-name form the bylines print (forms), and the one in-text citations use ' +
      '(given).',
  },
] as const

const byId = (a: Record<string, unknown>, b: Record<string, unknown>) => String(a.id).localeCompare(String(b.id))

/**
 * Loads and validates a data folder in three layers — schema, per-record rules, cross-record rules — and
 * returns the dataset only if every layer passed. Rules run only on files whose shape passed the schema, so one
 * mistake is reported once.
 */
export function runPipeline(
  dataDir: string,
  options: { schemaDir?: string; today?: string; warnRules?: readonly string[] } = {},
): PipelineResult {
  const today = options.today ?? new Date().toISOString().slice(0, 10)
  const loaded = loadDataDir(dataDir)
  const issues: Issue[] = [...loaded.issues]
  const vocab = new Map<string, Term[]>()
  const vocabSets = new Map<string, Set<string>>()
  /**
   * The people of data/vocab/people.yaml and its path; `null` when the file is broken, which is reported once, not
   * again as every author it would list.
   */
  let people: { file: string; list: Person[] } | null | undefined
  const schema = new SchemaLayer(options.schemaDir ?? join(dataDir, 'schema'), (): VocabSets => vocabSets)

  for (const file of loaded.files.filter((f) => f.kind === 'vocab')) {
    const found = schema.check(file)
    if (found.length > 0) {
      issues.push(...found)
      if (file.name === 'people') people = null
      continue
    }
    const terms = file.data as Term[]
    const ids = new Set<string>()
    terms.forEach((t, i) => {
      if (ids.has(t.id))
        issues.push({
          file: file.file,
          field: `[${i}].id`,
          rule: 'unique-term',
          message: `term "${t.id}" is defined twice.`,
          fix: 'Remove or rename one of them.',
        })
      ids.add(t.id)
    })
    terms.forEach((t, i) => {
      for (const own of OWN_FIELDS) {
        const placed = own.fields.filter((k) => (t as unknown as Record<string, unknown>)[k] !== undefined)
        const mine = file.name === own.vocab
        if (mine ? placed.length < own.fields.length : placed.length > 0)
          issues.push({
            file: file.file,
            field: `[${i}]`,
            rule: own.rule,
            message: mine
              ? `${own.noun} "${t.id}" needs ${own.needs}.`
              : `term "${t.id}" has ${placed.join(', ')}, which only ${own.vocab} take.`,
            fix: mine ? own.fix : 'Remove them.',
          })
      }
    })
    if (file.name === 'people') {
      const whole = terms.every((t) => t.family !== undefined && t.given !== undefined && t.forms !== undefined)
      people = whole ? { file: file.file, list: terms as Person[] } : null
      continue
    }
    vocab.set(file.name, terms)
    vocabSets.set(file.name, ids)
  }

  const passed: Record<'study' | 'claim' | 'source', { file: LoadedFile; record: Record<string, unknown> }[]> = {
    study: [],
    claim: [],
    source: [],
  }
  for (const file of loaded.files) {
    if (file.kind === 'vocab') continue
    const schemaIssues = schema.check(file)
    if (schemaIssues.length > 0) {
      issues.push(...schemaIssues)
      continue
    }
    const record = file.data as Record<string, unknown>
    for (const rule of recordRules) {
      if (!rule.kinds.includes(file.kind)) continue
      for (const finding of rule.check(record, { fileName: file.name, today }))
        issues.push({ ...finding, file: file.file, rule: rule.name })
    }
    // Records with the right shape take part in the cross-record layer even if a per-record rule failed,
    // so a bad DOI does not also show up as a dangling reference elsewhere.
    passed[file.kind].push({ file, record })
  }

  const toCross = <T>(list: { file: LoadedFile; record: Record<string, unknown> }[]) =>
    list.map(({ file, record }) => ({ file: file.file, record: record as T }))
  issues.push(
    ...crossRecordIssues({
      studies: toCross<CrossInput['studies'][number]['record']>(passed.study),
      claims: toCross<CrossInput['claims'][number]['record']>(passed.claim),
      sources: toCross<CrossInput['sources'][number]['record']>(passed.source),
    }),
  )
  if (people !== null) {
    // Studies and source pages: both are cited in text.
    const named = [...passed.study, ...passed.source].map(({ file, record }) => ({ file: file.file, record }))
    issues.push(...unlistedNameIssues(people?.list ?? [], named))
    if (people !== undefined) issues.push(...peopleIssues(people.file, people.list, named))
  }
  const warnRules = new Set(options.warnRules ?? [])
  const warnings = sortIssues(issues.filter((i) => warnRules.has(i.rule)))
  const errors = issues.filter((i) => !warnRules.has(i.rule))
  if (errors.length > 0) return { issues: sortIssues(errors), warnings }

  // The shipped csl carries the record's id, a short title for in-text citations (short-titles.ts) and, for a web page
  // the project read, the date it read it (accessed.ts).
  const short = shortTitles(
    [...passed.study, ...passed.source].map((p) => p.record as { id: string; csl: { title?: unknown } }),
  )
  const withCslId = (r: Record<string, unknown>) => {
    const { csl, ...rest } = r
    const accessed = accessedOf(r)
    const titleShort = (csl as { 'title-short'?: string })['title-short'] ?? short.get(r.id as string)
    return {
      id: r.id,
      ...rest,
      csl: {
        id: r.id,
        ...(csl as object),
        ...(titleShort === undefined ? {} : { 'title-short': titleShort }),
        ...(accessed === undefined ? {} : { accessed }),
      },
    }
  }
  return {
    issues: [],
    warnings,
    dataset: {
      studies: passed.study.map((p) => withCslId(p.record)).sort(byId),
      claims: passed.claim.map((p) => p.record).sort(byId),
      sources: passed.source.map((p) => withCslId(p.record)).sort(byId),
      vocab,
      people: people?.list,
    },
  }
}
