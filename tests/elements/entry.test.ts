import { describe, expect, it } from 'vitest'
import { KapLiteratureError } from '../../src/index'
import { defineElements, elementNames, loadStyle, parseIds } from '../../src/elements/index'

const errorOf = async (fn: () => unknown): Promise<KapLiteratureError> => {
  try {
    await fn()
  } catch (e) {
    return e as KapLiteratureError
  }
  throw new Error('expected an error')
}

describe('kap-literature/elements in Node', () => {
  it('imports without defining or throwing anything (server rendering is safe)', () => {
    expect(typeof (globalThis as { customElements?: unknown }).customElements).toBe('undefined')
    expect(defineElements()).toBe(false)
    expect(elementNames).toEqual(['kap-reference', 'kap-cite', 'kap-claim', 'kap-search', 'kap-evidence-map'])
  })

  it('reads an ids attribute: spaces or commas, case folded, repeats dropped', () => {
    expect(parseIds('dore-2019 Wilkinson-2021, dore-2019')).toEqual(['dore-2019', 'wilkinson-2021'])
  })

  it('names a bad id with a typed error: unknown (with the closest id), a lead, or none at all', async () => {
    const unknown = await errorOf(() => parseIds('dore-2091'))
    expect([unknown.code, unknown.value, unknown.hint]).toEqual(['UNKNOWN_ID', 'dore-2091', 'dore-2019'])
    expect(unknown.message).toBe('kap-literature: unknown study "dore-2091" (did you mean "dore-2019"?)')
    const lead = await errorOf(() => parseIds('glue-2019'))
    // The same refusal, with its hint, as every entry gives for a lead (it had none here; audit of session 34).
    expect([lead.code, lead.value, lead.hint]).toEqual([
      'INVALID_RECORD',
      'glue-2019',
      'a lead; see its verification.missing',
    ])
    expect(lead.message).toBe(
      'kap-literature: record "glue-2019" cannot be cited: its authors, title or date could not be confirmed',
    )
    // An id of another kind says which element shows it.
    const claim = await errorOf(() => parseIds('indication-anxiety'))
    expect([claim.code, claim.message]).toEqual([
      'UNKNOWN_ID',
      'kap-literature: "indication-anxiety" is a claim: use <kap-claim claim=…>',
    ])
    const page = await errorOf(() => parseIds('rosadinelli-kap-unique'))
    expect(page.message).toBe(
      'kap-literature: "rosadinelli-kap-unique" is a clinic page, which the elements do not show',
    )
    // A DOI, bare or as a link, is named as one, with the way to its study id.
    for (const doi of ['10.1080/02791072.2019.1587556', 'https://doi.org/10.1080/02791072.2019.1587556']) {
      const e = await errorOf(() => parseIds(doi))
      expect([e.code, e.value, e.message, e.hint]).toEqual([
        'UNKNOWN_ID',
        doi,
        `kap-literature: "${doi}" is a DOI, not a study id`,
        'use its study id: kap-literature show <DOI> prints it',
      ])
    }
    expect((await errorOf(() => parseIds('  '))).code).toBe('INVALID_ARGUMENT')
    expect((await errorOf(() => parseIds(null))).code).toBe('INVALID_ARGUMENT')
  })

  it('loads one style table on demand, and names an unknown style with the closest', async () => {
    expect((await loadStyle(undefined)).formatCitation('dore-2019')).toBe('(Dore et al., 2019)')
    expect((await loadStyle('Vancouver')).style).toBe('vancouver')
    const bad = await errorOf(() => loadStyle('vancover'))
    expect([bad.code, bad.hint]).toEqual(['UNKNOWN_STYLE', 'vancouver'])
  })
})
