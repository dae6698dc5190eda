/**
 * Issue 13, findings 6 and 7: no caller can change what another caller gets. Every collection an accessor returns is
 * frozen or a fresh copy, and the exported id and term arrays are frozen. Before the fix, after
 * `claimsCiting('grunebaum-2018').length = 0` every later call returned `[]`, and `studyIds` could be rewritten
 * (search validates its filters against it).
 */
import { describe, expect, it } from 'vitest'
import * as root from '../../src/index'
import * as citations from '../../src/citations/index'
import * as details from '../../src/details/index'
import * as jsonld from '../../src/jsonld/index'
import * as search from '../../src/search/index'
import * as cite from '../../src/cite/index'

/** Tries every way of changing a value in place, deeply; returns how many attempts took effect on a non-frozen part. */
function vandalise(value: unknown, seen = new Set<unknown>()): void {
  if (value === null || typeof value !== 'object' || seen.has(value)) return
  seen.add(value)
  const children = Object.values(value as Record<string, unknown>)
  if (!Object.isFrozen(value)) {
    try {
      if (Array.isArray(value)) {
        value.reverse()
        value.push('vandal')
      } else {
        for (const key of Object.keys(value)) (value as Record<string, unknown>)[key] = 'vandal'
        ;(value as Record<string, unknown>).vandal = true
      }
    } catch {
      // a frozen or read-only part
    }
  }
  for (const child of children) vandalise(child, seen)
}

const firstStudyCited = () => root.studyIds.find((id) => root.claimsCiting(id).length > 0)!

const accessors: Record<string, () => unknown> = {
  claimsCiting: () => root.claimsCiting(firstStudyCited()),
  'claimsCiting (none)': () =>
    root.claimsCiting(root.studyIds.find((id) => root.claimsCiting(id).length === 0) ?? root.studyIds[0]),
  evidenceFor: () => root.evidenceFor(root.claimIds[0]),
  getStudy: () => root.getStudy(root.studyIds[0]),
  getClaim: () => root.getClaim(root.claimIds[0]),
  getSource: () => root.getSource(root.sourceIds[0]),
  findStudy: () => root.findStudy({ doi: root.studies.find((s) => s.csl.DOI !== undefined)!.csl.DOI! }),
  citationCsl: () => root.citationCsl(root.studies[0]!),
  studies: () => root.studies,
  claims: () => root.claims,
  sources: () => root.sources,
  vocabularies: () => root.vocabularies,
  getDetails: () => details.getDetails(root.claimIds[0]),
  getFullStudy: () => details.getFullStudy(root.studyIds[0]),
  getFullClaim: () => details.getFullClaim(root.claimIds[0]),
  fullEvidenceFor: () => details.fullEvidenceFor(root.claimIds[0]),
  fullStudies: () => details.fullStudies(),
  fullClaims: () => details.fullClaims(),
  fullSources: () => details.fullSources(),
  citationStyles: () => citations.citationStyles,
  citationFormats: () => citations.citationFormats,
  'session.cited': () => {
    const s = citations.createCitationSession({ style: 'apa' })
    return s.cited()
  },
  search: () => search.search('ketamine depression'),
  facets: () => search.facets('ketamine'),
  toJsonLd: () => jsonld.toJsonLd(root.studyIds[0]),
  verdictRatings: () => jsonld.verdictRatings,
  listStyles: () => cite.listStyles(),
  exportFormats: () => cite.exportFormats,
}

describe('returned collections cannot be changed for other callers', () => {
  for (const [name, call] of Object.entries(accessors)) {
    it(name, () => {
      const before = JSON.stringify(call())
      vandalise(call())
      expect(JSON.stringify(call())).toBe(before)
    })
  }

  it('every list the data and details accessors return is frozen, as the README says (review 29)', () => {
    const lists = {
      claimsCiting: root.claimsCiting(firstStudyCited()),
      evidenceFor: root.evidenceFor(root.claimIds[0]),
      fullEvidenceFor: details.fullEvidenceFor(root.claimIds[0]),
      fullStudies: details.fullStudies(),
      fullClaims: details.fullClaims(),
      fullSources: details.fullSources(),
    }
    expect(
      Object.entries(lists)
        .filter(([, l]) => !Object.isFrozen(l))
        .map(([n]) => n),
    ).toEqual([])
    expect(Object.isFrozen(details.fullEvidenceFor(root.claimIds[0])[0])).toBe(true)
  })

  it('the report: claimsCiting(…).length = 0 and .sort() change nothing', () => {
    const id = firstStudyCited()
    const list = root.claimsCiting(id)
    const ids = list.map((c) => c.id)
    expect(Object.isFrozen(list)).toBe(true)
    expect(() => {
      ;(list as unknown as unknown[]).length = 0
    }).toThrow(TypeError)
    expect(() => [...list].sort()).not.toThrow()
    expect(root.claimsCiting(id).map((c) => c.id)).toEqual(ids)
  })
})

describe('exported id and term arrays are frozen', () => {
  const arrays = Object.entries(root).filter(([name, value]) => Array.isArray(value) && /(Ids|Terms)$/.test(name))
  it('there are the three id lists and the term lists', () => {
    expect(arrays.map(([n]) => n)).toEqual(
      expect.arrayContaining(['studyIds', 'claimIds', 'sourceIds', 'topicTerms', 'verdictTerms', 'designTerms']),
    )
  })
  for (const [name, value] of arrays) {
    it(name, () => {
      expect(Object.isFrozen(value)).toBe(true)
    })
  }
  it('search still validates filters against the true list after an attempt to change it', () => {
    expect(() => (root.verdictTerms as unknown as string[]).push('made-up')).toThrow(TypeError)
    expect(() => search.search('ketamine', { verdict: ['made-up' as never] })).toThrow(/unknown verdict|made-up/)
  })
})
