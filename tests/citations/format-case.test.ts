// A format named in another case is that format, as ids are read in any case (audit 36, item 10): `format: 'HTML'`
// used to be UNKNOWN_FORMAT with the hint "text".
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { citationFormats, createCitationSession, formatCitation, formatReference } from '../../src/citations/index'
import { apa } from '../../src/citations/apa'
import { kapError } from '../helpers/errors'

describe('format names', () => {
  it('are read in any case', () => {
    expect(apa.formatReference('dore-2019', { format: 'HTML' as never })).toBe(
      apa.formatReference('dore-2019', { format: 'html' }),
    )
    expect(formatCitation('dore-2019', { format: 'Markdown' as never, style: 'ama' })).toBe(
      formatCitation('dore-2019', { format: 'markdown', style: 'ama' }),
    )
    expect(createCitationSession({ format: 'HTML' as never }).format).toBe('html')
  })

  it('in any mix of cases give the same output as in lower case (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...citationFormats),
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        (format, upper) => {
          const mixed = [...format].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('')
          expect(formatReference('wilkinson-2021', { format: mixed as never })).toBe(
            formatReference('wilkinson-2021', { format }),
          )
        },
      ),
    )
  })

  it('that name no format are refused with every format as the hint', () => {
    const e = kapError(() => apa.formatReference('dore-2019', { format: 'htm' as never }))
    expect([e.code, e.value, e.hint]).toEqual(['UNKNOWN_FORMAT', 'htm', 'text, html, markdown'])
    expect(kapError(() => formatReference('dore-2019', { format: 7 as never })).code).toBe('UNKNOWN_FORMAT')
  })
})
