// The DOI and URL links of kap-literature/cite's references: the first place the address is printed becomes the link,
// matched in any case when the style prints it differently, and only the address itself.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { linkFirst } from '../../src/cite/render'

const DOI = 'https://doi.org/10.1000/abc'

describe('linkFirst', () => {
  it('links the address where it is printed, in any case, whatever precedes it ("İ" lower-cases to two code units)', () => {
    expect(linkFirst([{ text: 'İİ title. DOI:10.1000/ABC.', flags: '' }], ['doi:10.1000/abc'], DOI, 'doi')).toEqual([
      { text: 'İİ title. ', flags: '' },
      { text: 'DOI:10.1000/ABC', flags: '', link: { href: DOI, kind: 'doi' } },
      { text: '.', flags: '' },
    ])
    // Printed as given: the exact match, no regular expression; a needle with regex characters is literal.
    expect(linkFirst([{ text: 'see 10.1000/a(b)+c', flags: '' }], ['10.1000/A(B)+C'], DOI, 'doi')[1]).toEqual({
      text: '10.1000/a(b)+c',
      flags: '',
      link: { href: DOI, kind: 'doi' },
    })
    expect(linkFirst([{ text: 'no address here', flags: '' }], ['10.1000/abc'], DOI, 'doi')).toEqual([
      { text: 'no address here', flags: '' },
    ])
  })

  it('keeps every character and links exactly the address, for any text around it (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('İ', 'İİ ẞ ǅ', 'ΣΣ')),
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.boolean(),
        (before, after, upper) => {
          const address = '10.1000/Abc.Def'
          const printed = upper ? address.toUpperCase() : address
          const runs = linkFirst([{ text: `${before}${printed}${after}`, flags: '' }], [address], DOI, 'doi')
          expect(runs.map((r) => r.text).join('')).toBe(`${before}${printed}${after}`)
          const linked = runs.filter((r) => r.link !== undefined)
          expect(linked).toHaveLength(1)
          expect(linked[0]!.text.toLowerCase()).toBe(address.toLowerCase())
        },
      ),
      { numRuns: 300 },
    )
  })
})
