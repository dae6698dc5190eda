/**
 * Hostile-input timings (issue 13): how the time of `check` (its matcher, findMatches), `registerStyle` and narrative `formatCitation` grows with
 * the size of input built to be slow. Prints one Markdown table per function: input size → median time, and the
 * ratio to the previous row (linear growth doubles the time when the input doubles).
 *
 * Usage: npx tsx bench/security.ts [--quick]   (part of `npm run bench`; --quick stops at smaller sizes)
 * A case stops growing once one run takes longer than BENCH_CAP_MS (default 20,000 ms).
 */
import { findMatches } from '../src/check/match'
import { formatBibliography, formatCitation, formatReference, registerStyle } from '../src/cite/index'
import { isKapLiteratureError } from '../src/index'
import { median } from './lib'
import { drafts, nameHeavyRecords, prose, renderBomb, styles, userRecords } from './security-inputs'

const quick = process.argv.includes('--quick')
const CAP = Number(process.env.BENCH_CAP_MS ?? 20_000)

/** Median time of `runs` calls; a call refused with a KapLiteratureError is timed too (refusing must be fast). */
function time(fn: () => void, runs: number): { ms: number; refused?: string } {
  const times: number[] = []
  let refused: string | undefined
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    try {
      fn()
    } catch (e) {
      if (!isKapLiteratureError(e)) throw e
      refused = e.code
    }
    times.push(performance.now() - t0)
    if (times[i]! > CAP) break
  }
  return { ms: median(times), ...(refused === undefined ? {} : { refused }) }
}

function table(
  title: string,
  unit: string,
  sizes: readonly number[],
  run: (size: number) => () => void,
  runs = 3,
): void {
  console.log(`\n### ${title}\n\n| ${unit} | median ms | × previous | result |\n|---:|---:|---:|---|`)
  let previous: number | undefined
  for (const size of sizes) {
    const { ms, refused } = time(run(size), runs)
    console.log(
      `| ${size.toLocaleString('en-US')} | ${ms.toFixed(ms < 10 ? 2 : 0)} | ` +
        `${previous === undefined ? '' : (ms / Math.max(previous, 0.01)).toFixed(1)} | ${refused === undefined ? 'ok' : `refused (${refused})`} |`,
    )
    previous = ms
    if (ms > CAP) {
      console.log(`| … | stopped: over ${CAP} ms | | |`)
      break
    }
  }
}

const KB = 1024
const draftSizes = quick
  ? [80 * KB, 160 * KB, 320 * KB]
  : [80 * KB, 160 * KB, 320 * KB, 640 * KB, 1280 * KB, 2560 * KB, 5 * 1024 * KB]
console.log(`## Hostile-input timings (${new Date().toISOString().slice(0, 10)}, Node ${process.version})`)
findMatches(prose(20 * KB))
for (const [name, make] of Object.entries(drafts))
  table(`check: ${name}`, 'bytes', draftSizes, (size) => {
    const text = make(size)
    return () => void findMatches(text)
  })

let n = 0
for (const [name, make] of Object.entries(styles)) {
  const sizes = name.startsWith('macros')
    ? quick
      ? [8, 12, 16]
      : [8, 10, 12, 14, 16, 20]
    : quick
      ? [40, 80, 160]
      : [40, 80, 160, 290, 320, 1280]
  table(
    `registerStyle (then first use): ${name}`,
    name.startsWith('macros') ? 'macros' : 'KB',
    sizes,
    (size) => {
      const xml = make(size)
      return () => {
        const style = `bench-${++n}`
        registerStyle(style, xml)
        formatCitation(['dore-2019'], { style, format: 'text' })
      }
    },
    1,
  )
}

table(
  'registerStyle, then one reference: four macros each calling the next ten times, ending in n titles (audit 35/A 3)',
  'titles',
  quick ? [1, 300] : [1, 10, 100, 300],
  (size) => {
    const xml = renderBomb(size)
    return () => {
      const style = `bench-${++n}`
      registerStyle(style, xml)
      formatReference({ id: 'b', type: 'book', title: 'T' }, { style, format: 'text' })
    }
  },
  1,
)

table(
  'formatBibliography, APA: records of 21 authors and 21 editors, name parts of 500 one-letter words (audit 35/A 6)',
  'records',
  quick ? [1, 5] : [1, 2, 5, 10, 40],
  (size) => {
    const records = nameHeavyRecords(size)
    return () => void formatBibliography(records as never, { style: 'apa', format: 'text' })
  },
  1,
)

formatCitation(userRecords(2), { style: 'apa', format: 'text', narrative: true })
table(
  'formatCitation(records, { narrative: true }), APA',
  'records',
  quick ? [10, 20, 40] : [10, 20, 40, 80, 160, 320, 640, 1000, 1001],
  (size) => {
    const records = userRecords(size)
    return () => void formatCitation(records, { style: 'apa', format: 'text', narrative: true })
  },
  1,
)
