// One rule for ids in every entry (review 29, finding 1): an id, a style key, a topic or a map format is read in any
// case and without surrounding spaces, so input one entry accepts is never refused by the next.
import { describe, expect, it } from 'vitest'
import { claimsCiting, getStudy, isStudyId, KapLiteratureError } from '../../src/index'
import { createCitationSession, formatCitation, formatReference } from '../../src/citations/index'
import { formatReference as engineReference, toBibTeX } from '../../src/cite/index'
import { getDetails } from '../../src/details/index'
import { toJsonLd } from '../../src/jsonld/index'
import { evidenceMap } from '../../src/map/index'
import { idForm } from '../../src/suggest'
import { runCli } from '../helpers/run-cli'

const typed = ' DORE-2019 ' as never

describe('the id form', () => {
  it('trims and lower-cases, and leaves a shipped id as it is', () => {
    expect(idForm(' Dore-2019\t')).toBe('dore-2019')
    expect(idForm('dore-2019')).toBe('dore-2019')
  })

  it('names the same record in the data, citation, engine, details, JSON-LD and map entries', () => {
    expect(getStudy(typed).id).toBe('dore-2019')
    expect(claimsCiting(typed)).toEqual(claimsCiting('dore-2019'))
    expect(getDetails(typed).id).toBe('dore-2019')
    expect(toJsonLd(typed)).toEqual(toJsonLd('dore-2019'))
    expect(formatReference(typed)).toBe(formatReference('dore-2019'))
    expect(formatCitation([typed, 'dore-2019'])).toBe('(Dore et al., 2019)')
    expect(engineReference(typed, { style: 'apa', format: 'text' })).toBe(
      engineReference('dore-2019', { style: 'apa', format: 'text' }),
    )
    const claim = 'without-therapy-ketamine-effects-fade-faster'
    expect(
      evidenceMap({ claims: [claim.toUpperCase() as never], topic: ' Duration ' as never, format: 'SVG' as never }),
    ).toBe(evidenceMap({ claims: [claim], topic: 'duration', format: 'svg' }))
    // The type guard stays exact: it says whether a string *is* an id, so that it can narrow the string's type.
    expect([isStudyId('dore-2019'), isStudyId(' DORE-2019 ')]).toEqual([true, false])
  })

  it('numbers a record once in a session however it is typed, and a session cannot be reassigned', () => {
    const session = createCitationSession({ style: 'vancouver' })
    expect([session.cite('dore-2019'), session.cite(typed), session.numberOf(' Dore-2019')]).toEqual(['(1)', '(1)', 1])
    expect(session.cited()).toEqual(['dore-2019'])
    expect(Object.isFrozen(session)).toBe(true)
    expect(() => {
      ;(session as { style: string }).style = 'apa'
    }).toThrow(TypeError)
    expect(session.style).toBe('vancouver')
  })

  it("refuses a record of one's own whose id differs from a shipped id only in case (one BibTeX key)", () => {
    let caught: unknown
    try {
      toBibTeX([{ id: 'DORE-2019', type: 'article-journal', title: 'Mine' }])
    } catch (e) {
      caught = e
    }
    expect(caught).toBeInstanceOf(KapLiteratureError)
    expect([(caught as KapLiteratureError).code, (caught as KapLiteratureError).hint]).toEqual([
      'INVALID_RECORD',
      "pass the id 'dore-2019' to use the shipped record, or give your record another id",
    ])
  })

  it('is the command line’s rule too', async () => {
    const [upper, lower] = await Promise.all([runCli(['cite', 'DORE-2019']), runCli(['cite', 'dore-2019'])])
    expect([upper.code, upper.stdout]).toEqual([0, lower.stdout])
    expect((await runCli(['show', ' Dore-2019 '])).stdout.split('\n')[0]).toMatch(/^dore-2019: Ketamine Assisted/)
  })
})

describe('isCitableId', () => {
  it('narrows to the ids the citation entries format: shipped, exact, not a lead', async () => {
    const { isCitableId } = await import('../../src/citations/index')
    expect(['dore-2019', 'samadhi-kap-vs-infusions'].map(isCitableId)).toEqual([true, true])
    expect(
      ['azhari-2021', 'DORE-2019', 'without-therapy-ketamine-effects-fade-faster', 42, null].map(isCitableId),
    ).toEqual([false, false, false, false, false])
  })
})
