import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import { closest } from '../../src/suggest.ts'
import type { Issue } from './issues.ts'
import type { LoadedFile } from './load.ts'

/** Vocabulary name → the set of term ids it defines. */
export type VocabSets = ReadonlyMap<string, ReadonlySet<string>>

function fieldOf(path: string): string {
  return path
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc === '' ? part : `${acc}.${part}`), '')
}

function describe(error: ErrorObject, file: string): Issue {
  const field = fieldOf(error.instancePath)
  const at = (extra: string) => (field === '' ? extra : `${field}.${extra}`)
  switch (error.keyword) {
    case 'required': {
      const missing = String(error.params.missingProperty)
      return {
        file,
        field: at(missing),
        rule: 'schema-required',
        message: 'is required but missing.',
        fix: `Add \`${missing}\` (see docs/record-format.md).`,
      }
    }
    case 'additionalProperties': {
      const extra = String(error.params.additionalProperty)
      const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {})
      const hint = closest(extra, known)
      return {
        file,
        field: at(extra),
        rule: 'schema-unknown-key',
        message: 'is not a field of this record.',
        fix:
          hint === undefined
            ? 'Remove it, or check docs/record-format.md for the allowed fields.'
            : `Did you mean \`${hint}\`? Otherwise remove it.`,
      }
    }
    case 'type':
      return {
        file,
        field,
        rule: 'schema-type',
        message: `must be of type ${String(error.params.type)}.`,
        fix:
          error.params.type === 'string'
            ? 'Write it as text; quote numbers such as volume: "51".'
            : `Write it as ${String(error.params.type)}.`,
      }
    case 'enum':
      return {
        file,
        field,
        rule: 'schema-enum',
        message: 'is not an allowed value.',
        fix: `Use one of: ${(error.params.allowedValues as unknown[]).join(', ')}.`,
      }
    case 'x-vocab':
      return {
        file,
        field,
        rule: 'vocab-term',
        message: error.message ?? 'is not a defined term.',
        fix: String(error.params.fix),
      }
    default:
      return {
        file,
        field,
        rule: `schema-${error.keyword}`,
        message: `${error.message ?? 'is invalid'}.`,
        fix: 'See the JSON Schema in data/schema/ and docs/record-format.md.',
      }
  }
}

/** Validates authored files against `data/schema/*.schema.json`, with vocabulary terms checked by the `x-vocab` keyword. */
export class SchemaLayer {
  private readonly validators = new Map<string, ValidateFunction>()

  constructor(
    schemaDir: string,
    private readonly vocab: () => VocabSets,
  ) {
    const ajv = new Ajv({ allErrors: true, strict: true, verbose: true })
    const self = this
    ajv.addKeyword({
      keyword: 'x-vocab',
      type: 'string',
      schemaType: 'string',
      errors: true,
      validate: function check(name: string, value: string): boolean {
        const terms = self.vocab().get(name)
        if (terms?.has(value) === true) return true
        const hint = terms === undefined ? undefined : closest(value, [...terms].sort())
        ;(check as unknown as { errors: Partial<ErrorObject>[] }).errors = [
          {
            keyword: 'x-vocab',
            message: `"${value}" is not a term of data/vocab/${name}.yaml.`,
            params: {
              fix:
                hint === undefined
                  ? `Use a term from data/vocab/${name}.yaml, or add it there with a description.`
                  : `Did you mean "${hint}"? Otherwise add the term to data/vocab/${name}.yaml.`,
            },
          },
        ]
        return false
      },
    })
    for (const name of ['study', 'claim', 'source', 'vocab']) {
      const schema = JSON.parse(readFileSync(join(schemaDir, `${name}.schema.json`), 'utf8')) as object
      this.validators.set(name, ajv.compile(schema))
    }
  }

  /** Returns the schema issues of one file (empty when it conforms). */
  check(file: LoadedFile): Issue[] {
    const validate = this.validators.get(file.kind)!
    if (validate(file.data)) return []
    const seen = new Set<string>()
    const issues: Issue[] = []
    for (const e of validate.errors ?? []) {
      const issue = describe(e, file.file)
      const key = `${issue.field}|${issue.rule}`
      if (!seen.has(key)) {
        seen.add(key)
        issues.push(issue)
      }
    }
    return issues
  }
}
