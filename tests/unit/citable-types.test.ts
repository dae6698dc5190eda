// The citable types: a lead is a compile error where an id to cite goes, as a typo is (audit of session 34).
import { describe, expect, it } from 'vitest'
import { formatReference, isCitableId, type CitableId } from '../../src/citations/index'
import { getClaim, getStudy, isCitable, studyIds, type CitableStudyId, type LeadId } from '../../src/index'

describe('CitableId and CitableStudyId', () => {
  it('leave out exactly the studies kept as leads', () => {
    const leads: LeadId[] = ['azhari-2021', 'fda-esketamine-2019', 'fda-mdma-decision-2024', 'glue-2019']
    expect(studyIds.filter((id) => !isCitable(getStudy(id))).sort()).toEqual(leads)
    // @ts-expect-error a lead is not an id to cite
    const lead: CitableId = 'azhari-2021'
    expect(isCitableId(lead)).toBe(false)
    // @ts-expect-error nor a study id that can be cited
    const study: CitableStudyId = 'glue-2019'
    expect(() => formatReference(study as CitableId)).toThrow(/cannot be cited/)
  })
  it('type the evidence of a claim, which never names a lead', () => {
    const id: CitableStudyId = getClaim('without-therapy-ketamine-effects-fade-faster').evidence[0]!.study
    expect(formatReference(id)).toMatch(/\(\d{4}\)/)
  })
})
