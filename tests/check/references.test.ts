import { describe, expect, it } from 'vitest'
import { formatBibliography } from '../../src/citations/index'
import { checkDraft, claimsIn } from '../../src/check/index'
import { readEntry, referenceLines } from '../../src/check/references'
import { bibliographyIds } from '../../src/cli/records'

const STYLES = ['apa', 'harvard', 'chicago', 'mla', 'vancouver', 'ama'] as const
/** A sentence that makes a claim, so a draft is read at all (the topic gate) and prose is shown to be still read. */
const CLAIM = 'Ketamine can relieve depression within hours of a single infusion.'

/** Review 28, finding 2: `kap-literature bib` pasted into a draft raised 4 to 43 false alarms. */
describe('a reference list as `kap-literature bib` prints it', () => {
  for (const style of STYLES) {
    const text = formatBibliography(bibliographyIds(style), { style })
    const markdown = formatBibliography(bibliographyIds(style), { style, format: 'markdown' })
    it(`${style}: every shipped study under a heading, or without one, makes no passage`, () => {
      expect(text.split('\n').length).toBeGreaterThanOrEqual(50)
      for (const list of [text, markdown]) {
        for (const draft of [
          `${CLAIM}\n\n## References\n\n${list}\n`,
          `${CLAIM}\n\n**Works Cited**\n\n${list}\n`,
          `${CLAIM}\n\n${list}\n`,
        ])
          expect(checkDraft(draft).map((m) => [m.claim, m.lines.start])).toEqual([['ketamine-relief-within-hours', 1]])
      }
    })
    it(`${style}: as a writer types it, numbered or bulleted, one entry a paragraph`, () => {
      const entries = text.split('\n').map((l) => l.replace(/^\d+\. /, ''))
      for (const list of [
        entries.map((l, n) => `${n + 1}. ${l}`).join('\n'),
        entries.map((l) => `- ${l}`).join('\n'),
        entries.map((l, n) => `[${n + 1}] ${l}`).join('\n\n'),
      ])
        expect(claimsIn(`${CLAIM}\n\n### Bibliography\n\n${list}\n`)).toEqual(['ketamine-relief-within-hours'])
    })
  }
})

describe('referenceLines', () => {
  it('skips an entry whose title wraps onto the next line, and a note in the list without a date', () => {
    const lines = [
      'Ketamine works fast.',
      '',
      '## Sources',
      '',
      '1. Hull, T. D., Malgaroli, M., & Paleos, C. (2022). At-home, sublingual ketamine telehealth is a safe and',
      '   effective treatment for moderate to severe anxiety and depression. Journal of Affective Disorders, 314, 59–67.',
      '2. Spravato (esketamine) prescribing information. Janssen Pharmaceuticals.',
      '',
      'I also read what my clinic told me.',
      '',
      '## Next steps',
      '',
      '1. Ask whether ketamine is right for you.',
    ]
    expect(referenceLines(lines)).toEqual(lines.map((_, i) => i >= 4 && i <= 6))
  })

  it('reads an entry apart from a sentence that cites a study', () => {
    expect(
      readEntry(
        'Dore, J., et al. (2019). Ketamine assisted psychotherapy (KAP). J Psychoactive Drugs, 51(2), 189–198.',
      ),
    ).toBe('entry')
    expect(readEntry('Autry AE, Adachi M, et al. NMDA receptor blockade at rest. Nature. 2011;475(7354):91-5.')).toBe(
      'entry',
    )
    expect(readEntry('Domino, Edward F. 2010. “Taming the Ketamine Tiger.” Anesthesiology 113 (3): 678–84.')).toBe(
      'entry',
    )
    expect(
      readEntry('Domino, Edward F. “Taming the Ketamine Tiger.” Anesthesiology, vol. 113, no. 3, 2010, pp. 678–84.'),
    ).toBe('entry')
    expect(
      readEntry('Part 2: How does KAP work? (n.d.). Retrieved December 6, 2026, from https://example.org/kap'),
    ).toBe('entry')
    // Without the details of a source the same opening is an entry only among others.
    expect(readEntry('U.S. Food and Drug Administration (2022) FDA alerts health care professionals.')).toBe('hint')
    expect(readEntry('Dore et al. (2019) found that ketamine helped.')).toBeUndefined()
    expect(
      readEntry('Berman, R. M., et al. (2000) reported that ketamine relieved depression within hours.'),
    ).toBeUndefined()
    expect(readEntry('Zarate CA, et al. showed in 2006 that ketamine relieves depression.')).not.toBe('entry')
    expect(readEntry('In 2019, a chart review found lasting improvements.')).toBeUndefined()
  })
})

describe('prose that names authors and years is still read', () => {
  const dore =
    'Dore et al. (2019) found that ketamine-assisted psychotherapy produced significant and lasting improvements.'
  const entry =
    'Dore, J., Turnipseed, B., Dwyer, S., & Wolfson, P. (2019). Ketamine assisted psychotherapy (KAP): Patient ' +
    'demographics, clinical data and outcomes in three large practices administering ketamine with psychotherapy. ' +
    'Journal of Psychoactive Drugs, 51(2), 189–198. https://doi.org/10.1080/02791072.2019.1587556'
  it.each([
    ['a narrative citation', dore, 'dore-2019-significant-lasting-improvements'],
    ['right after an entry', `${entry}\n${dore}`, 'dore-2019-significant-lasting-improvements'],
    ['under a "Sources" heading', `## Sources\n\n${dore}`, 'dore-2019-significant-lasting-improvements'],
    ['after a reference list', `## References\n\n${entry}\n\n${dore}`, 'dore-2019-significant-lasting-improvements'],
    [
      'a parenthetical citation',
      'According to Dore et al. (2019), KAP produced significant and lasting improvements.',
      'dore-2019-significant-lasting-improvements',
    ],
    [
      'APA authors opening a sentence',
      'Berman, R. M., et al. (2000) reported that ketamine relieved depression within hours.',
      'ketamine-relief-within-hours',
    ],
    [
      'Vancouver authors opening a sentence',
      'Zarate CA, et al. showed in 2006 that ketamine relieves depression within hours.',
      'ketamine-relief-within-hours',
    ],
    [
      'a numbered list of claims with citations',
      '1. Ketamine relieves depression within hours (Berman et al., 2000).\n2. Ketamine is used for PTSD (Feder et al., 2014).',
      'ketamine-relief-within-hours',
    ],
  ])('%s', (_, draft, claim) => {
    expect(claimsIn(draft)).toContain(claim)
  })
})
