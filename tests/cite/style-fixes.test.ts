import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatReference as tableReference } from '../../src/citations/index'
import { formatReference } from '../../src/cite/index'
import { engineStyleXml } from '../../src/cite/engine'
import { builtInFixApplies, builtInFixNote, fixBuiltInStyle } from '../../src/cite/style-fixes'
import { sources } from '../../src/index'
import { reference } from '../helpers/paths'

const undated = { id: 'page-1', type: 'webpage', title: 'A page', URL: 'https://example.org/p' } as const

describe('the APA fix: "Retrieved" only with a retrieval date', () => {
  it('still finds its pattern in the APA style citation-js ships and in the official apa.csl', () => {
    expect(builtInFixApplies('apa', engineStyleXml('apa'))).toBe(true)
    const official = readFileSync(join(reference, 'csl-styles', 'apa.csl'), 'utf8')
    expect(builtInFixApplies('apa', official)).toBe(true)
    expect(fixBuiltInStyle('apa', official)).not.toBe(official)
  })

  it('changes no other style', () => {
    const harvard = engineStyleXml('harvard1')
    expect(fixBuiltInStyle('harvard1', harvard)).toBe(harvard)
    expect(builtInFixNote('harvard1')).toBeUndefined()
    expect(builtInFixNote('apa')).toBe('no "Retrieved" without a retrieval date')
  })

  it('prints an undated page without a retrieval date as title, n.d. and URL', () => {
    expect(formatReference(undated, { style: 'apa', format: 'text' })).toBe('A page. (n.d.). https://example.org/p')
  })

  it('keeps "Retrieved <date>, from" when the retrieval date is known, and no phrase for a dated page', () => {
    const accessed = { ...undated, accessed: { 'date-parts': [[2026, 11, 22]] } }
    expect(formatReference(accessed, { style: 'apa', format: 'text' })).toBe(
      'A page. (n.d.). Retrieved November 22, 2026, from https://example.org/p',
    )
    const dated = { ...undated, issued: { 'date-parts': [[2020]] } }
    expect(formatReference(dated, { style: 'apa', format: 'text' })).toBe('A page. (2020). https://example.org/p')
  })

  it('reaches the shipped tables: no clinic page prints a bare "Retrieved"', () => {
    const withUrl = sources.filter((s) => s.csl.URL !== undefined)
    expect(withUrl.length).toBeGreaterThanOrEqual(3)
    for (const s of withUrl) {
      const text = tableReference(s.id, { style: 'apa', format: 'text' })
      expect(text).toContain(s.csl.URL)
      expect(text).not.toContain('Retrieved')
    }
  })
})
