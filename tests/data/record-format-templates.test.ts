// The record templates in docs/record-format.md (audit 37, D-5 to D-7): a curator who copies one and fills in its
// placeholders gets a record the build accepts, so the page that build errors point to is itself a valid example.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runPipeline } from '../../scripts/lib/pipeline'
import { runOn, validClaim, variant } from '../helpers/fixture-data'
import { root } from '../helpers/paths'

const page = readFileSync(join(root, 'docs', 'record-format.md'), 'utf8')

/** The first YAML block after a heading, with its placeholders filled in as a curator would. */
function template(heading: string): string {
  const from = page.indexOf(heading)
  expect(from, heading).toBeGreaterThan(-1)
  const block = /```yaml\n([\s\S]*?)```/.exec(page.slice(from))![1]!
  return block.replaceAll('https://…', 'https://example.org/page').replaceAll('…', 'Example')
}

describe('the record templates of docs/record-format.md', () => {
  it('a claim copied from the page and filled in builds without an issue, in place of the real claim it shows', () => {
    // The claim template names shipped records, so it is checked in a copy of the shipped data.
    const dir = join(mkdtempSync(join(tmpdir(), 'kap-template-')), 'data')
    cpSync(join(root, 'data'), dir, { recursive: true })
    const text = template('## Claims')
    const id = /^id: (\S+)/m.exec(text)![1]!
    writeFileSync(join(dir, 'claims', `${id}.yaml`), text)
    const result = runPipeline(dir, { schemaDir: join(root, 'data', 'schema') })
    expect(result.issues.map((i) => `${i.file}: ${i.field}: [${i.rule}] ${i.message}`).join('\n')).toBe('')
  })
  it('a study copied from the page and filled in builds without an issue', () => {
    const result = runOn({ 'studies/smith-2020.yaml': template('## Studies') })
    expect(result.issues.map((i) => `${i.file}: ${i.field}: [${i.rule}] ${i.message}`).join('\n')).toBe('')
  })
  it('a source copied from the page and filled in builds without an issue', () => {
    const text = template('## Sources')
    const id = /^id: (\S+)/m.exec(text)![1]!
    // A source document is kept only while a claim is made by it, so the example claim names it.
    const claim = variant(validClaim(), (c) => c.madeBy.push({ source: id, section: 'Example' }))
    const result = runOn({ [`sources/${id}.yaml`]: text, 'claims/example-claim.yaml': claim })
    expect(result.issues.map((i) => `${i.file}: ${i.field}: [${i.rule}] ${i.message}`).join('\n')).toBe('')
  })
})
