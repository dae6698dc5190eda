// The budgets of the script-tag build (issue 17), gzip, as a page loads it: `<kap-cite>` + `<kap-reference>` in one
// style ≤ 25 KB; the four elements ≤ 60 KB once rendered, once the search index has loaded and once a verdict note has
// been opened (61.5 KB after audits 35 and 36, 60 KB again since references load one file per record). The full table
// (with a verdict note opened, and with the evidence map) is printed by `npx tsx scripts/build-elements.ts --report`.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { BUDGET_PAGES, buildElements, gzipBytes, pageFiles } from '../../scripts/build-elements'
import { WHOLE_AT } from '../../src/elements/style-source-by-address'
import { elementSizeRows } from '../helpers/doc-table'
import { root } from '../helpers/paths'

/** The claim the budget pages show (scripts/build-elements.ts). */
const CLAIM = 'without-therapy-ketamine-effects-fade-faster'
const dir = join(root, '.tmp', 'elements-budget')
let meta: Awaited<ReturnType<typeof buildElements>>

describe('script-tag build of the elements', () => {
  beforeAll(async () => {
    meta = await buildElements(dir)
  }, 60_000)

  it('keeps each page of the elements within its budget, and the heavy parts lazy', () => {
    const pages = BUDGET_PAGES.map((page) => {
      const files = pageFiles(meta, dir, page)
      return { name: page[0], files, bytes: gzipBytes(dir, files) }
    })
    for (const p of pages) console.log(`${p.name}: ${p.files.length} files, ${(p.bytes / 1024).toFixed(1)} KB gzip`)
    const [citeAndReference, rendered, searched, noteOpened, withMap] = pages
    expect(citeAndReference!.bytes).toBeLessThanOrEqual(25 * 1024)
    expect(rendered!.bytes).toBeLessThanOrEqual(60 * 1024)
    expect(searched!.bytes).toBeLessThanOrEqual(60 * 1024)
    // Each step only adds files: what a page already loaded is not loaded again in another form.
    expect(searched!.files).toEqual(expect.arrayContaining(rendered!.files))
    // A verdict note is its own file, loaded by address, holding only the note (no loader table in the page).
    // 60 KB → 60.5 KB (audit 35): the typed refusals of bad citeProse/cite options and of revoked proxies
    // and the autolink escapes of the Markdown escaper measure 61,684 bytes (60.2 KB) on this page.
    // 60.5 KB → 61.5 KB (audit 36): kap-elements.js grows by 1.1 KB (5,188 → 6,274 bytes) with the files that fail to
    // load (LOAD_FAILED, retries, errors in place of a note or results), kap-error sent after the page has loaded, the
    // popover in the top layer (outside click, Escape, focus, placement in the viewport), the topic search box, the
    // hints for mixed-up attributes and the fallback slot; this page measures 61,772 → 62,875 bytes (61.4 KB). Every
    // page of the elements pays the same 1.1 KB; this one alone had no room for it.
    // Audit 37 (A-5, A-7, A-8, A-9: DOIs that wrap, the map's named scroller, the search box's visible labels, the
    // numbered citations' names) adds 0.2 KB to kap-elements.js; the search box now loads only what it uses of the
    // search entry (not its facet counts, 0.4 KB), so this page measures 62,924 → 62,723 bytes (61.3 KB).
    // Since the elements load one reference file per record they show (styles/<style>/<id>.js), instead of the style's
    // whole table (8.4 KB in APA), this page measures 62,932 → 60,795 bytes (59.4 KB), back within issue 17's 60 KB;
    // the first page 22.5 → 15.7 KB. A reference that does not load taking only its own place (blind review): 61,019.
    // Session 25 (a search list shown before its references, what the visitor opened kept across a render, and that
    // review's fixes): 61,436, 4 bytes under; the next feature for this page needs a saving first.
    // Session 26: the evidence map's element code moved into the map's chunk (-223 bytes on every page without a map),
    // which paid for a claim's statement loaded by address (the rendered page 23,548 -> 19,143 bytes; the statements of
    // every claim now come with the search index instead) and for the whole-table rule of pages that ask for many
    // references: 61,284 bytes; an open note filled before a render shows it: 61,293; the blind review's fixes: 61,403; queueMicrotask for the turn: 61,394.
    // Session 27: failed elements render again when any file of the elements loads (+49 bytes), paid for by writing the
    // data files loaded by address as `export default …;` (-168 bytes over the page's 16 of them): 61,275. The blind
    // review's fixes (no retry of removed elements, a repeated error kept, the records' own files when the whole table
    // fails): 61,383; a reference list that shows the references that loaded, with an error line for the others:
    // 61,435; elements kept in the retry set until they render (no copy of the set at each retry): 61,414, 26 bytes
    // under: the next feature for this page needs a saving first.
    // Session 28: complete author lists (popova-2019's sixteen names make it one of the ten longest APA entries the page
    // loads; wilkinson-2017's seven) and the journal and names they add to the search store: 61,645. Paid for by a
    // style head without the table's title, source, licence and date, which no element shows (-165 bytes, on every page
    // that cites), a journal named once in the search tags when its abbreviation is its name, and lead labels without
    // parentheses of their own: 61,440, at the limit. The next saving to look at: Krupitsky's three name forms make
    // three disambiguation variants in the head (185 bytes).
    // Session 29: two more PMIDs and a registration in the search store (rodriguez-2013, krystal-1994): 61,468. Paid
    // for by tags without ClinicalTrials.gov numbers, which the query cuts out and looks up by identifier, never as
    // words (-58 bytes): 61,410. One rule for ids in every entry (any case, trimmed), frozen sessions and a hint on
    // every refusal of the citation entry (review 29): 61,494. Paid for by the in-text forms that tell Krupitsky 1997,
    // 2002 and 2007 apart coming with those records' files instead of in the head (-139 bytes): 61,380. Queries with
    // soft hyphens, zero-width characters or dotted abbreviations ("I.V.") read as people mean them: 61,423. A hint on
    // every refusal (+47 bytes), paid for by checking the tables' format version in the tests, where the tables are
    // built, instead of on every page (-121 bytes): 61,403. Quoted values with invisible format characters shown as
    // escapes (a right-to-left override reversed the elements' error line): 61,429. Style heads without the format
    // version and the empty provenance keys (-31), "post-traumatic" as PTSD, and a part's failure (a search box's
    // index, a note) kept and not announced again at each keystroke: 61,417.
    // Session 31: a new study, abdallah-2022 (32 authors: the longest APA entry, so one of the ten this page loads, and
    // 0.4 KB of search store), and the relation partly-contradicts: 61,967. Paid for by a search store written by field
    // instead of one object per record (-0.56 KB) and author names searched as far as a reference prints them (APA's
    // first 19 and the last; -0.1 KB): 61,299.
    // Session 32: the chronic-pain statement (+11): 61,310; a DOI in `ids` named as a DOI, with the way to the study id
    // (the hint was "check the id"; +83): 61,393.
    // Session 33: one name for each person in in-text citations (the Krupitsky and Zanos variants are gone): 61,343.
    // holmes-2022 citable and two verdicts contested: 61,697, as holmes-2019's file grew by the name of a group its
    // style tells no one apart in, into the ten longest. A group is now named only where the style has variants:
    // 61,275; a note reworded: 61,273. A load that fails after the browser came back online while it was under way
    // is tried once more (the retry had joined it, and the element stayed failed): 61,304.
    // Session 34: a claim's part whose load failed while the browser came back online renders again at once, and the
    // elements count every `online` event (not only once an element has failed): 61,320. The popover upright, left to right and at most 80%
    // of the window, its × in the card colour, a wrapped citation keeping its line's alignment, citeProse leaving ids in
    // addresses alone and reworded verdict notes: 61,387; a lead refused with the shared error (its hint): 61,349;
    // superscript digits in plain text (the one run renderer): 61,354.
    // Session 35: the elements' own HTML inserted through a Trusted Types policy, and a search's reference refused by
    // the page shown as the list's error line: 61,425; a Markdown link's `&` that would start a reference written
    // `&amp;` (the run renderer is on this page): 61,443, over; the policy made once at load instead of on first use
    // (a shorter test): 61,433, 7 bytes under. The elements' verdict notes then came through a module of citeProse's
    // work alone (src/citations/prose-core.ts), without its argument checks and messages and the shared chunk they
    // pulled in: 60,178 (-1,254). That paid for what the session's second hostile review asked: sheets made in each
    // document an element is moved into, a hint on "could not render", and lists of ids read by index within a
    // million entries: 60,425; search filter values read in any letter case: 60,452; one length limit for what the
    // escapers take, shared by citeProse and the JSON-LD script: 60,448.
    expect(noteOpened!.bytes, `${noteOpened!.bytes} bytes`).toBeLessThanOrEqual(60 * 1024)
    expect(noteOpened!.bytes - searched!.bytes).toBeLessThanOrEqual(3 * 1024)
    expect(withMap!.bytes - searched!.bytes).toBeLessThanOrEqual(8 * 1024)
    // The figures docs/clinic-sites.md gives clinic developers are these measurements (audit 36: the page said the
    // evidence map adds about 5 KB when it added 6.1 KB).
    const measured = [
      citeAndReference!.bytes,
      rendered!.bytes,
      searched!.bytes - rendered!.bytes,
      noteOpened!.bytes - searched!.bytes,
      withMap!.bytes - searched!.bytes,
    ].map((b) => b / 1024)
    const documented = elementSizeRows()
    expect(documented.map((r) => r.added)).toEqual([false, false, true, true, true])
    expect(
      documented
        .map((r, i) => ({ r, kb: measured[i]! }))
        .filter(({ r, kb }) => Math.abs(r.size - kb) > Math.max(0.5, kb * 0.02))
        .map(({ r, kb }) => `${r.label}: the page says ${r.size} KB, measured ${kb.toFixed(1)} KB`),
    ).toEqual([])
    expect(citeAndReference!.files[0]).toBe('kap-elements.js')
    const inputsOf = (files: readonly string[]) =>
      files.flatMap((f) => Object.keys(meta.outputs[Object.keys(meta.outputs).find((p) => p.endsWith(f))!]!.inputs))
    // The lazy parts really are lazy: no search index or record cores on first load, and never the record cores
    // (the claim and map elements use the claim facts, a verdict note loads its own chunk, not every detail).
    expect(inputsOf(rendered!.files).filter((i) => /search-index\.json/.test(i))).toEqual([])
    // No page loads a style's whole table (that is `loadStyle`'s): the references it shows, one file each.
    for (const p of pages) {
      expect(
        inputsOf(p.files).filter((i) => /citations[\\/]data[\\/]/.test(i)),
        p.name,
      ).toEqual([])
      expect(p.files.filter((f) => f.startsWith('styles/')).sort(), p.name).toEqual(
        expect.arrayContaining(['styles/apa/index.js', 'styles/apa/dore-2019.js', 'styles/apa/wilkinson-2021.js']),
      )
    }
    expect(citeAndReference!.files.filter((f) => f.startsWith('styles/'))).toHaveLength(3)
    for (const p of pages) {
      const inputs = inputsOf(p.files)
      expect(
        inputs.filter((i) => /generated[\\/](core\.ts|details\.ts)/.test(i)),
        p.name,
      ).toEqual([])
      expect(
        inputs.filter((i) => /details[\\/]study[\\/]/.test(i)),
        p.name,
      ).toEqual([])
    }
    // A claim's statement is its own file: the rendered page loads none of the other 70 (they come with the search).
    expect(rendered!.files).toContain(`claims/${CLAIM}.js`)
    expect(inputsOf(rendered!.files).filter((i) => /claim-statements/.test(i))).toEqual([])
    expect(inputsOf(searched!.files).filter((i) => /claim-statements/.test(i))).not.toEqual([])
  })

  it(`loads a style's whole table for a list of ${WHOLE_AT} references or more: about where one file a reference weighs more`, () => {
    // By bytes alone the record files of a list outweigh the table from about 19 to 24 records (gzip, each file
    // compressed on its own); each file also costs a request, so the rule switches earlier. When the records grow or
    // shrink past these bounds, WHOLE_AT (src/elements/style-source-by-address.ts) needs a new value.
    const breakEven = Object.fromEntries(
      ['apa', 'ama', 'vancouver', 'harvard', 'chicago', 'mla'].map((style) => {
        const files = readdirSync(join(dir, 'styles', style)).filter((f) => f !== 'index.js' && f !== 'all.js')
        const mean =
          gzipBytes(
            dir,
            files.map((f) => `styles/${style}/${f}`),
          ) / files.length
        return [style, Math.round((gzipBytes(dir, [`styles/${style}/all.js`]) / mean) * 10) / 10]
      }),
    )
    console.log(`records whose files weigh as much as the whole table: ${JSON.stringify(breakEven)}`)
    for (const [style, n] of Object.entries(breakEven)) {
      expect(n, style).toBeGreaterThanOrEqual(WHOLE_AT)
      expect(n, style).toBeLessThanOrEqual(WHOLE_AT * 1.6)
    }
  })
})
