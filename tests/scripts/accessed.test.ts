import { describe, expect, it } from 'vitest'
import { accessedOf } from '../../scripts/lib/accessed'

const page = {
  csl: { type: 'webpage', URL: 'https://example.org/p' },
  verification: { checked: '2026-11-22', sources: [{ kind: 'publisher', fields: ['URL', 'title'] }] },
}

describe('accessedOf: the date the project read a web page', () => {
  it('is the date of the check when the page itself confirmed its address', () => {
    expect(accessedOf(page)).toEqual({ 'date-parts': [[2026, 11, 22]] })
  })

  it('is absent when no page of the publisher confirmed the address (it was known from other pages)', () => {
    const quoted = {
      ...page,
      verification: { ...page.verification, sources: [{ kind: 'secondary', fields: ['URL'] }] },
    }
    expect(accessedOf(quoted)).toBeUndefined()
    const titleOnly = {
      ...page,
      verification: { ...page.verification, sources: [{ kind: 'publisher', fields: ['title'] }] },
    }
    expect(accessedOf(titleOnly)).toBeUndefined()
  })

  it('is absent for a page without an address, for anything that is not a web page, and for a date it cannot read', () => {
    expect(accessedOf({ ...page, csl: { type: 'webpage' } })).toBeUndefined()
    expect(accessedOf({ ...page, csl: { type: 'article-journal', URL: 'https://example.org/p' } })).toBeUndefined()
    expect(accessedOf({ ...page, verification: { ...page.verification, checked: '22/11/2026' } })).toBeUndefined()
    expect(accessedOf({})).toBeUndefined()
  })
})
