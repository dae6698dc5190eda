/**
 * Prints the held-out evaluation: search MRR / nDCG@10 and checker precision / recall on the blind sets
 * (bench/eval/blind), next to the same figures on the sets used while tuning (tests/search/relevance-queries.ts,
 * tests/check/fixtures). Run: npx tsx bench/eval/run.ts   (part of `npm run bench`)
 */
import { claimsIn } from '../../src/check/index'
import { loadFullText, search } from '../../src/search/index'
import { blindDrafts, blindQueries, healthNegatives, scoreChecker, scoreSearch } from './metrics'

const f = (x: number) => (Number.isNaN(x) ? '–' : x.toFixed(2))
const s = scoreSearch((q) => search(q, { limit: 20 }).map((h) => `${h.type}:${h.id}`), blindQueries())
const c = scoreChecker((t) => claimsIn(t), blindDrafts(), healthNegatives())
await loadFullText()
const full = scoreSearch((q) => search(q, { limit: 20 }).map((h) => `${h.type}:${h.id}`), blindQueries())

console.log(`## Held-out evaluation (bench/eval/blind)

| search | queries | MRR | nDCG@10 | natural questions | natural MRR |
|---|---:|---:|---:|---:|---:|
| blind set | ${s.queries} | ${f(s.mrr)} | ${f(s.ndcg10)} | ${s.naturalQueries} | ${f(s.naturalMrr)} |
| blind set, after \`loadFullText()\` | ${full.queries} | ${f(full.mrr)} | ${f(full.ndcg10)} | ${full.naturalQueries} | ${f(full.naturalMrr)} |

| checker | drafts | expected claims | found | TP | precision | recall | alarms on negative drafts | alarms on health texts |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
| blind set | ${c.drafts} | ${c.expected} | ${c.found} | ${c.truePositives} | ${f(c.precision)} | ${f(c.recall)} | ${c.negativeAlarms} | ${c.healthAlarms} |
`)
if (process.argv.includes('--verbose')) {
  console.log('| query | RR | nDCG@10 | top 3 |\n|---|---:|---:|---|')
  for (const r of s.rows) console.log(`| ${r.id} ${r.query} | ${f(r.rr)} | ${f(r.ndcg)} | ${r.top.join(', ')} |`)
  console.log('\n| draft | expected | found | TP | missed | extra |\n|---|---:|---:|---:|---|---|')
  for (const r of c.rows)
    console.log(`| ${r.file} | ${r.expected} | ${r.found} | ${r.tp} | ${r.missed.join(', ')} | ${r.extra.join(', ')} |`)
}
