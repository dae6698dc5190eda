// The small generated tables that let pages skip the record cores (src/generated/claim-facts.ts,
// claim-statements.ts, claim-topics.ts, map-facts.ts, lead-labels.ts) say exactly what the records say.
import { describe, expect, it } from 'vitest'
import {
  claimIds,
  claims,
  dataFingerprint,
  dataVersion,
  getStudy,
  sourceIds,
  studies,
  vocabularies,
} from '../../src/index'
import { claimFacts } from '../../src/generated/claim-facts'
import { claimStatements } from '../../src/generated/claim-statements'
import { claimSources, claimTopics } from '../../src/generated/claim-topics'
import { factTerms, mapDataFingerprint, mapDataVersion, studyMarks } from '../../src/generated/map-facts'
import { leadLabels } from '../../src/generated/lead-labels'
import { isCitable } from '../../src/data/citable'

describe('tables derived from the records', () => {
  it('hold every claim with its statement, verdict, topics, pages and evidence links, in order', () => {
    expect(Object.keys(claimFacts)).toEqual([...claimIds])
    expect(claimStatements.length).toBe(claimIds.length)
    for (const c of claims) {
      expect(claimStatements[claimIds.indexOf(c.id)]).toBe(c.statement)
      expect(claimFacts[c.id]).toEqual({ verdict: c.verdict, evidence: c.evidence.map((e) => [e.study, e.relation]) })
      expect(claimTopics[claimIds.indexOf(c.id)]).toEqual(c.topics)
      expect(claimSources[claimIds.indexOf(c.id)]!.map((i) => sourceIds[i])).toEqual([
        ...new Set(c.madeBy.map((m) => m.source)),
      ])
    }
  })

  it('hold each linked study with its design and a short label, and the map vocabularies', () => {
    const linked = new Set(claims.flatMap((c) => c.evidence.map((e) => e.study)))
    expect(Object.keys(studyMarks).sort()).toEqual([...linked].sort())
    expect(studyMarks['dore-2019']).toEqual(['retrospective-cohort', 'Dore et al. 2019'])
    for (const id of linked) expect(studyMarks[id]![0]).toBe(getStudy(id).design)
    expect(mapDataVersion).toBe(dataVersion)
    expect(mapDataFingerprint).toBe(dataFingerprint)
    for (const name of ['designs', 'relations', 'topics', 'verdicts'] as const)
      expect(factTerms[name].map((t) => [t.id, t.label])).toEqual(vocabularies[name].map((t) => [t.id, t.label]))
  })

  it('name every lead study (and only those) as a reader can be told of it', () => {
    const leads = studies.filter((s) => !isCitable(s)).map((s) => s.id)
    expect(Object.keys(leadLabels).sort()).toEqual([...leads].sort())
    for (const label of Object.values(leadLabels)) expect(label).not.toMatch(/undefined|\[object/)
  })
})
