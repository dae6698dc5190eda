/**
 * Writes src/generated/search-index.json (the search store: versioned, fingerprinted) from the built records and the
 * lay terms (data/search/lay-terms.json, checked here: a bad term fails the build with file, field, rule and fix),
 * and src/generated/search-full-text.json (the rare words of each record's full text, which `loadFullText()` adds).
 * Run by `npm run build:data` after scripts/build-data.ts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { vocabularies } from '../src/index.ts'
import { layTermFile, shippedCorpus } from './lib/search-corpus.ts'
import { searchFiles } from './lib/search-files.ts'
import { shippedSharedTexts } from '../src/search/shipped-texts.ts'
import { formatIssue } from './lib/issues.ts'
import { LAY_TERMS_FILE, layRecords, layTermIssues } from './lib/lay-terms.ts'

const corpus = shippedCorpus()
const issues = layTermIssues(layTermFile, layRecords(corpus))
if (issues.length > 0) {
  for (const issue of issues) console.error(formatIssue(issue))
  console.error(
    `build-search-index: ${issues.length} problem(s) in ${LAY_TERMS_FILE}; the search store was not written.`,
  )
  process.exit(1)
}
for (const [name, content] of searchFiles(corpus, vocabularies, shippedSharedTexts)) {
  const target = new URL(`../src/generated/${name}`, import.meta.url)
  if (!existsSync(target) || readFileSync(target, 'utf8') !== content) {
    writeFileSync(target, content)
    console.log(`build-search-index: wrote src/generated/${name}`)
  }
}
