/**
 * Synthetic corpora for the search benchmark: deterministic studies, claims and sources shaped like the shipped
 * records (same fields, same vocabularies, similar text lengths and mix), with text drawn from the shipped records'
 * own word distribution plus new words, so the vocabulary grows with the corpus as real text does. Also a query
 * workload drawn from the records: title words, author + year, typos, prefixes being typed, abbreviations and DOIs.
 * Not part of the library or the tests.
 */
import { vocabularies } from '../src/index'
import type { CslName } from '../src/index'
import { fullClaims, fullSources, fullStudies, type Claim, type Source, type Study } from '../src/details/index'

const shippedStudies = fullStudies()
const shippedClaims = fullClaims()
const shippedSources = fullSources()
import type { SearchCorpus } from '../src/search/documents'

/** A small, fast, seedable PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu
const SYLLABLES = [
  'ka',
  'ta',
  'mi',
  'ne',
  'ro',
  'su',
  'li',
  'pa',
  'do',
  've',
  'gra',
  'ton',
  'sel',
  'mar',
  'qui',
  'bre',
  'ist',
  'an',
  'or',
  'el',
  'cy',
  'thi',
  'zo',
  'pher',
]

/** Every word of the shipped texts, with repeats: sampling from it follows the real word distribution. */
function shippedWords(): string[] {
  const texts = [
    ...shippedStudies.flatMap((s) => [s.csl.title ?? '', s.findings, s.population, s.comparator, s.limitations]),
    ...shippedClaims.flatMap((c) => [c.statement, c.verdictNote]),
  ]
  return texts.flatMap((t) => t.match(WORD) ?? [])
}

/**
 * Builds a corpus of about `n` records (40% studies, 56% claims, 4% sources, like the shipped data), deterministic
 * for a given `n` and `seed`.
 */
export function syntheticCorpus(n: number, seed = 1): SearchCorpus {
  const random = rng(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const between = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1))
  const pool = shippedWords()
  const invented = Array.from({ length: 3 * n }, () =>
    Array.from({ length: between(2, 4) }, () => pick(SYLLABLES)).join(''),
  )
  // Zipf-like use of invented words: a few common, most rare.
  const word = (): string => (random() < 0.1 ? invented[Math.floor(invented.length * random() ** 2.5)]! : pick(pool))
  const words = (lo: number, hi: number): string => Array.from({ length: between(lo, hi) }, word).join(' ')
  const sentence = (lo: number, hi: number): string => {
    const s = words(lo, hi)
    return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`
  }
  const families = [
    ...new Set(shippedStudies.flatMap((s) => (s.csl.author ?? []).map((a) => a.family ?? '')).filter((f) => f !== '')),
  ]
  const givens = [
    ...new Set(shippedStudies.flatMap((s) => (s.csl.author ?? []).map((a) => a.given ?? '')).filter((g) => g !== '')),
  ]
  const family = (): string =>
    random() < 0.5 ? pick(families) : `${pick(SYLLABLES).toUpperCase().charAt(0)}${pick(SYLLABLES)}${pick(SYLLABLES)}`
  const ids = (prefix: string, count: number): string[] =>
    Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(5, '0')}`)

  const studyCount = Math.round(n * 0.4)
  const sourceCount = Math.max(1, Math.round(n * 0.04))
  const claimCount = Math.max(1, n - studyCount - sourceCount)
  const v = vocabularies
  const someOf = <T>(list: readonly T[], lo: number, hi: number): T[] => [
    ...new Set(Array.from({ length: between(lo, hi) }, () => pick(list))),
  ]

  const studies: Study[] = ids('s', studyCount).map((_, i) => {
    const template = shippedStudies[i % shippedStudies.length]!
    const authors: CslName[] = Array.from({ length: between(1, 12) }, () => ({ family: family(), given: pick(givens) }))
    const year = between(1990, 2025)
    const id = `${(authors[0]!.family ?? 'anon').toLowerCase().replace(/[^a-z]/g, '')}-${year}-${i}`
    return {
      ...template,
      id: id as Study['id'],
      csl: {
        id,
        type: 'article-journal',
        title: sentence(8, 18).replace(/\.$/, ''),
        author: authors,
        'container-title': `Journal of ${words(1, 3)}`,
        issued: { 'date-parts': [[year]] },
        DOI: `10.5555/synthetic.${year}.${i}`,
        PMID: String(40_000_000 + i),
      },
      design: pick(v.designs).id as Study['design'],
      conditions: someOf(v.conditions, 1, 3).map((t) => t.id) as Study['conditions'],
      intervention: {
        substance: pick(v.substances).id as Study['intervention']['substance'],
        routes: someOf(v.routes, 0, 2).map((t) => t.id) as Study['intervention']['routes'],
        withPsychotherapy: random() < 0.3,
      },
      certainty: pick(v.certainty).id as Study['certainty'],
      registrations: random() < 0.3 ? [`NCT${String(10_000_000 + i).padStart(8, '0')}`] : [],
      population: sentence(20, 45),
      comparator: sentence(5, 20),
      findings: `${sentence(40, 70)} ${sentence(20, 50)}`,
      limitations: sentence(20, 50),
    }
  })
  const sources: Source[] = ids('p', sourceCount).map((_, i) => {
    const template = shippedSources[i % shippedSources.length]!
    const id = `synthetic-page-${i}`
    return {
      ...template,
      id: id as Source['id'],
      csl: {
        id,
        type: 'webpage',
        title: sentence(5, 12).replace(/\.$/, ''),
        author: [{ family: family(), given: pick(givens) }],
        'container-title': `${words(1, 2)} clinic`,
        issued: { 'date-parts': [[between(2018, 2025)]] },
        URL: `https://clinic-${i}.example.org/${words(2, 4)
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')}`,
      },
      sections: Array.from({ length: between(3, 8) }, () => sentence(1, 4).replace(/\.$/, '')),
    }
  })
  const claims: Claim[] = ids('c', claimCount).map((_, i) => {
    const template = shippedClaims[i % shippedClaims.length]!
    const cited = studies[between(0, studies.length - 1)]!
    return {
      ...template,
      id: `synthetic-claim-${i}` as Claim['id'],
      statement: sentence(10, 30),
      topics: someOf(v.topics, 1, 3).map((t) => t.id) as Claim['topics'],
      verdict: pick(v.verdicts).id as Claim['verdict'],
      verdictNote: `${sentence(25, 50)} ${sentence(10, 30)}`,
      madeBy: [
        {
          source: sources[i % sources.length]!.id,
          section: 'Section',
          citedAs:
            random() < 0.3
              ? [`${cited.csl.author?.[0]?.family ?? 'Anon'} et al., ${cited.csl.issued?.['date-parts'][0]?.[0] ?? ''}`]
              : [],
        },
      ],
      evidence: [],
    }
  })
  return { studies, claims, sources, vocabularies }
}

/** Introduces one typo: a swap of neighbours, a dropped letter or a doubled one. */
function typo(w: string, random: () => number): string {
  const i = 1 + Math.floor(random() * (w.length - 2))
  const kind = Math.floor(random() * 3)
  if (kind === 0) return w.slice(0, i) + w[i + 1]! + w[i]! + w.slice(i + 2)
  if (kind === 1) return w.slice(0, i) + w.slice(i + 1)
  return w.slice(0, i) + w[i]! + w.slice(i)
}

/**
 * A query workload of `count` queries drawn from a corpus: one or two title words, author + year, a typo in a long
 * word, a word being typed (prefix), an abbreviation, and a pasted DOI, in a fixed mix.
 */
export function workload(corpus: SearchCorpus, count: number, seed = 7): string[] {
  const random = rng(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const titleWords = (s: Study): string[] => (s.csl.title ?? '').split(/\s+/).filter((w) => /^[\p{L}]{4,}$/u.test(w))
  const abbreviations = [
    'PTSD',
    'TRD',
    'IV ketamine',
    'Spravato',
    'OCD',
    'suicidal ideation',
    'KAP integration',
    'NMDA',
  ]
  const out: string[] = []
  for (let i = 0; out.length < count; i++) {
    const s = pick(corpus.studies)
    const words = titleWords(s)
    const w = words.length > 0 ? pick(words) : 'ketamine'
    switch (i % 8) {
      case 0:
        out.push(w)
        break
      case 1:
        out.push(`${w} ${words.length > 1 ? pick(words) : 'depression'}`)
        break
      case 2:
        out.push(`${s.csl.author?.[0]?.family ?? 'Dore'} ${s.csl.issued?.['date-parts'][0]?.[0] ?? 2019}`)
        break
      case 3: {
        const long = words.filter((x) => x.length >= 6)
        out.push(typo(long.length > 0 ? pick(long) : 'ketamine', random))
        break
      }
      case 4:
        out.push(
          `${pick(corpus.claims).statement.split(' ')[0] ?? 'ketamine'} ${w.slice(0, Math.min(w.length, 3 + Math.floor(random() * 3)))}`,
        )
        break
      case 5:
        out.push(pick(abbreviations))
        break
      case 6:
        out.push(`https://doi.org/${s.csl.DOI ?? '10.1080/02791072.2019.1587556'}`)
        break
      default:
        out.push(pick(corpus.claims).statement.split(' ').slice(0, 4).join(' '))
    }
  }
  return out
}
