// A writer's own records in any script: BibTeX and BibLaTeX keep text citation-js cannot spell as LaTeX (it dropped
// Chinese, Cyrillic and emoji without a word, and wrote Greek as math that broke under an accent), and both
// parsers read it back as it was.
import { Cite } from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import { BibLatexParser } from 'biblatex-csl-converter'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toBibLaTeX, toBibTeX } from '../../src/cite/index'
import { rawText } from '../../src/cite/bibtex-raw'

type Name = { family: string; given: string }
const record = (title: string, author: Name[], journal = 'Journal of Tests') => ({
  id: 'own-2024',
  type: 'article-journal',
  title,
  author,
  'container-title': journal,
  issued: { 'date-parts': [[2024]] },
})

/** What citation-js reads back: title, "family|given" names and journal. */
function viaCitationJs(bib: string) {
  const [item] = new Cite(bib as never).data as { title: string; author: Name[]; 'container-title': string }[]
  return {
    title: item!.title,
    authors: item!.author.map((n) => `${n.family}|${n.given}`),
    journal: item!['container-title'],
  }
}

/** The plain text of a biblatex-csl-converter rich-text field. */
const text = (nodes: unknown): string => ((nodes ?? []) as { text?: string }[]).map((n) => n.text ?? '').join('')

/** What biblatex-csl-converter reads back, with its errors. */
function viaConverter(bib: string) {
  const result = new BibLatexParser(bib, { processUnexpected: true, processUnknown: true }).parse()
  const [entry] = Object.values(result.entries) as { fields: Record<string, unknown> }[]
  const names = (entry!.fields.author ?? []) as { family: unknown; given: unknown }[]
  return {
    errors: result.errors,
    title: text(entry!.fields.title),
    authors: names.map((n) => `${text(n.family)}|${text(n.given)}`),
  }
}

const SCRIPTS: [string, string, Name[], string][] = [
  ['Chinese', '氯胺酮治疗抑郁症的随机对照试验', [{ family: '李', given: '小龙' }], '中华精神科杂志'],
  ['Cyrillic', 'Кетамин в психотерапии зависимостей', [{ family: 'Иванов', given: 'Иван' }], 'Наркология'],
  ['Greek with accents', 'Κεταμίνη και έρευνα', [{ family: 'Παπαδόπουλος', given: 'Γιώργος' }], 'Ψυχιατρική'],
  ['Arabic', 'الكيتامين والاكتئاب', [{ family: 'حسن', given: 'علي' }], 'مجلة الطب النفسي'],
  [
    'Vietnamese (stacked accents)',
    'Nghiên cứu tiếng Việt',
    [{ family: 'Nguyễn', given: 'Thị Hương' }],
    'Tạp chí Y học',
  ],
  [
    'an emoji and Latin accents',
    'Ketamine 💊 trial in Zürich and Łódź',
    [{ family: 'Müller', given: 'Zoë' }],
    'Ærø Medicine',
  ],
]

describe('BibTeX and BibLaTeX of text in any script', () => {
  for (const [label, title, author, journal] of SCRIPTS)
    it(`${label}: written and read back as it was`, () => {
      for (const exporter of [toBibTeX, toBibLaTeX]) {
        const bib = exporter([record(title, author, journal)])
        expect(viaCitationJs(bib), bib).toEqual({
          title,
          authors: author.map((n) => `${n.family}|${n.given}`),
          journal,
        })
        const converted = viaConverter(bib)
        expect(converted.errors, bib).toEqual([])
        expect(converted.title.replace(/[{}]/g, '')).toBe(title)
        expect(converted.authors).toEqual(author.map((n) => `${n.family}|${n.given}`))
      }
    })

  it('keeps the LaTeX spellings classic BibTeX needs for Latin letters, and braces a capitalised word of a title', () => {
    const bib = toBibTeX([record('Zürich, Łódź and Кетамин', [{ family: 'Łukasz', given: 'Ørsted' }])])
    expect(bib).toContain("title = {Z{\\\"u}rich, \\L{}{\\'o}d{\\'z} and {Кетамин}}")
    expect(bib).toContain('author = {\\L{}ukasz, \\O{}rsted}')
  })

  it('writes each accent either as LaTeX both readers read back, or as it is', () => {
    // Every accent of citation-js's table, on a letter: ring (å), dot below, bar below, tie and comma below (ș) are
    // among those the readers got wrong.
    for (const letter of 'àáâãāăżäåőǎḇḍçęșt͡s'.match(/\p{L}\p{M}*/gu)!) {
      const title = `x${letter}y`
      const bib = toBibTeX([record(title, [{ family: `F${letter}`, given: 'G' }])])
      expect(viaCitationJs(bib).title, bib).toBe(title)
      const converted = viaConverter(bib)
      expect(converted.title, bib).toBe(title)
      expect(converted.authors, bib).toEqual([`F${letter}|G`])
    }
  })

  it('leaves a text that looks like its marks alone, and finds a free mark in linear time', () => {
    for (const title of ['qzq0qzq and qzqz1qzqz 氯胺酮', 'qzqzqzzzzz0qzqzzzzz 氯胺酮', 'qzq 氯 qzqz 胺 qzqzz0qzqzz 酮'])
      expect(viaCitationJs(toBibTeX([record(title, [{ family: 'Qzq', given: 'Q' }])])).title).toBe(title)
    // A long run of "z" after "qzq" costs one scan, not one scan per "z": 8× the run takes at most 20× the time.
    const timed = (n: number) => {
      const text = `qzq${'z'.repeat(n)}`
      const started = performance.now()
      const raw = rawText(text)
      expect(raw.restore(raw.hide('氯', false))).toBe('氯')
      return performance.now() - started
    }
    timed(10_000)
    const small = Math.max(timed(25_000), 0.5)
    expect(timed(200_000)).toBeLessThan(20 * small)
  })

  it('loses no letter of any script (property)', () => {
    // Words of letters from several scripts (no LaTeX specials, which have tests of their own), one space apart.
    const letter = fc.constantFrom(...'abcXYZéñçøßЖжΩωέأبא中文😀ếờ'.match(/\p{L}\p{M}*|\p{Extended_Pictographic}/gu)!)
    const word = fc.array(letter, { minLength: 1, maxLength: 8 }).map((l) => l.join(''))
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), word, (words, family) => {
        const title = words.join(' ')
        const back = viaCitationJs(toBibLaTeX([record(title, [{ family, given: 'Ann' }])]))
        expect(back.title).toBe(title)
        expect(back.authors).toEqual([`${family}|Ann`])
      }),
      { numRuns: 200 },
    )
  })
})
