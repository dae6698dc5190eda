import { describe, expect, it } from 'vitest'
import { boundedDistance } from '../../src/suggest'
import { isFillerWord } from '../../src/search/text'
import {
  MAX_QUERY_LENGTH,
  MAX_UNITS,
  MAX_WORD_LENGTH,
  parseQuery,
  unitsOf,
  type QueryUnit,
} from '../../src/search/query'

const words = (units: readonly QueryUnit[]) =>
  units.map((u) => (u.kind === 'word' ? `${u.folded}${u.prefix ? '*' : ''}` : u.concept))

describe('parseQuery: identifiers', () => {
  const doi = '10.1080/02791072.2019.1587556'
  it.each([
    doi,
    `https://doi.org/${doi}`,
    `http://dx.doi.org/${doi}`,
    `doi:${doi}`,
    `DOI: ${doi.toUpperCase()}`,
    `https://doi.org/${encodeURIComponent(doi)}`,
    `(${doi}).`,
    `see Dore (2019), ${doi}.`,
  ])('finds the DOI in %s', (q) => {
    expect(parseQuery(q).identifiers.dois).toContain(doi)
  })

  it('keeps a closing parenthesis that may belong to the DOI', () => {
    expect(parseQuery('10.1016/S0740-5472(02)00275-1)').identifiers.dois).toEqual([
      '10.1016/s0740-5472(02)00275-1',
      '10.1016/s0740-5472(02)00275-1)',
    ])
  })

  it.each([
    ['PMID: 30917760', '30917760'],
    ['pmid30917760', '30917760'],
    ['https://pubmed.ncbi.nlm.nih.gov/30917760/', '30917760'],
    ['30917760', '30917760'],
    ['PMID 0030917760', '30917760'],
  ])('finds the PMID in %s', (q, pmid) => {
    expect(parseQuery(q).identifiers.pmids).toEqual([pmid])
  })

  it('reads a short bare number as text, not as a PMID', () => {
    const p = parseQuery('2018')
    expect(p.identifiers.pmids).toEqual([])
    expect(words(p.units)).toEqual(['2018*'])
  })

  it.each([
    ['NCT03113968', 'NCT03113968'],
    ['nct 03113968', 'NCT03113968'],
    ['https://clinicaltrials.gov/study/NCT03113968', 'NCT03113968'],
  ])('finds the trial registration in %s', (q, nct) => {
    expect(parseQuery(q).identifiers.registrations).toEqual([nct])
  })

  it('finds PMCIDs and page URLs', () => {
    expect(parseQuery('PMC6123456').identifiers.pmcids).toEqual(['PMC6123456'])
    expect(parseQuery('https://www.ncbi.nlm.nih.gov/pmc/articles/PMC6123456/').identifiers.pmcids).toEqual([
      'PMC6123456',
    ])
    expect(parseQuery('https://www.houston-therapy.com/kap/').identifiers.urls).toEqual(['houston-therapy.com/kap'])
  })

  it('reads a query that looks like a record id as one', () => {
    expect(parseQuery(' Dore-2019 ').identifiers.recordId).toBe('dore-2019')
    expect(parseQuery('dore 2019').identifiers.recordId).toBeUndefined()
  })

  it('removes identifiers from the words it searches', () => {
    expect(words(parseQuery(`ketamine ${doi} trial`).units)).toEqual(['ketamine', 'trial*'])
    expect(parseQuery(`https://doi.org/${doi}`).units).toEqual([])
  })

  it('never throws on malformed percent-encoding', () => {
    expect(() => parseQuery('100% %E0%A4%A')).not.toThrow()
    expect(words(parseQuery('100% sure').units)).toEqual(['100', 'sure*'])
  })
})

describe('unitsOf', () => {
  it('drops stop words, one-letter words and duplicates', () => {
    expect(words(unitsOf('what is the ketamine a b 5 dose of Ketamine?'))).toEqual(['ketamine', '5', 'dose'])
  })

  it('reads a word with soft hyphens or zero-width characters in it as the word a reader sees (review 29)', () => {
    expect(words(unitsOf('keta\u00admine dis\u200bsociation '))).toEqual(['ketamine', 'dissociation'])
    expect(words(unitsOf('\u200bketamine\ufeff '))).toEqual(['ketamine'])
  })

  it('reads a dotted abbreviation as one word (review 29)', () => {
    expect(unitsOf('I.V. ketamine')).toEqual(unitsOf('IV ketamine'))
    expect(unitsOf('p.t.s.d.')).toEqual(unitsOf('PTSD'))
    // "e.g." becomes "eg", a stop word, left out as its two letters were.
    expect(words(unitsOf('e.g. ketamine '))).toEqual(['ketamine'])
    // Not a run of single letters with their stops: left as it is.
    expect(words(unitsOf('Ph.D. ketamine '))).toEqual(['ph', 'ketamine'])
  })

  it('marks only the last word for prefix matching, and only while it is being typed', () => {
    expect(words(unitsOf('ketamine psych'))).toEqual(['ketamine', 'psych*'])
    expect(words(unitsOf('ketamine psych '))).toEqual(['ketamine', 'psych'])
    expect(words(unitsOf('ketamine psych?'))).toEqual(['ketamine', 'psych'])
  })

  it('reads synonym-group terms as one unit, longest first, across hyphens and stop words', () => {
    expect(words(unitsOf('treatment-resistant depression ketamine'))).toEqual(['_trd', 'ketamine*'])
    expect(words(unitsOf('TRD'))).toEqual(['_trd'])
    expect(words(unitsOf('U.S. Food and Drug Administration approval'))).toEqual(['_fda', 'approval*'])
    expect(words(unitsOf('Spravato esketamine'))).toEqual(['_esketamine'])
    expect(words(unitsOf('IV vs IM'))).toEqual(['_iv', '_im'])
    expect(words(unitsOf('treatment resist'))).toEqual(['treatment', 'resist*'])
  })

  it('reads "im" as "I\'m" written without its apostrophe, and only "IM" as intramuscular', () => {
    expect(words(unitsOf('im bipolar, am i allowed to do ketamine'))).toEqual(['bipolar', 'allowed', 'ketamine*'])
    expect(words(unitsOf('Im scared of ketamine'))).toEqual(['scared', 'ketamine*'])
    expect(words(unitsOf('IM ketamine'))).toEqual(['_im', 'ketamine*'])
    expect(words(unitsOf('intramuscular ketamine'))).toEqual(['_im', 'ketamine*'])
  })

  it(`keeps at most ${MAX_UNITS} units`, () => {
    const many = Array.from({ length: 50 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${i}`).join(' ')
    expect(unitsOf(many)).toHaveLength(MAX_UNITS)
  })

  it(`ignores words longer than ${MAX_WORD_LENGTH} characters`, () => {
    expect(unitsOf('x'.repeat(MAX_WORD_LENGTH + 1))).toEqual([])
    expect(unitsOf('x'.repeat(MAX_WORD_LENGTH))).toHaveLength(1)
  })

  it('returns nothing for empty, punctuation-only or stop-word-only text', () => {
    for (const q of ['', '   ', '*', '?!', '"', 'foo:'.slice(3), 'the of and', '-', '~', '^', '💊'])
      expect(unitsOf(q), q).toEqual([])
  })
})

describe('parseQuery: bounds', () => {
  it(`reads only the first ${MAX_QUERY_LENGTH} characters`, () => {
    const p = parseQuery(`${'a '.repeat(MAX_QUERY_LENGTH)}ketamine`)
    expect(words(p.units)).not.toContain('ketamine')
    const huge = parseQuery(`ketamine ${'x'.repeat(100_000)}`)
    expect(words(huge.units)).toEqual(['ketamine'])
  })
})

describe('boundedDistance', () => {
  it.each([
    ['ketamine', 'ketamine', 0],
    ['ketamin', 'ketamine', 1],
    ['spary', 'spray', 1],
    ['tharapy', 'therapy', 1],
    ['psilocibyn', 'psilocybin', 2],
    ['abc', 'xyz', 3],
    ['', 'abcdef', 3],
  ])('%s → %s is %i (capped at 2 + 1)', (a, b, d) => {
    expect(boundedDistance(a, b, 2)).toBe(d)
  })
})

describe('question and filler words', () => {
  it('are dropped when the query has other words, kept when it has none', () => {
    expect(unitsOf('does ketamine help ptsd').map((u) => (u.kind === 'word' ? u.folded : u.written))).toEqual([
      'ketamine',
      'ptsd',
    ])
    expect(unitsOf('help ').map((u) => (u.kind === 'word' ? u.folded : ''))).toEqual(['help'])
    // A filler word still being typed may become a real word ("help" → "helplessness").
    expect(unitsOf('ketamine help').map((u) => (u.kind === 'word' ? u.folded : ''))).toEqual(['ketamine', 'help'])
  })
  it('never include negations, which change what is asked', () => {
    for (const w of ['not', 'no', 'never', 'without']) expect(isFillerWord(w)).toBe(false)
  })
})
