/**
 * Precomputed APA 7th edition citations for every shipped study and source. Import this entry alone when a site uses one
 * style: it carries only this style's table.
 * @example
 * ```ts
 * import { apa } from 'kap-literature/citations/apa'
 * console.log(apa.formatReference('dore-2019'))
 * ```
 * @packageDocumentation
 */
import { bindStyle, type StyleCitations } from './bind'
import type { StyleTable } from './engine'
import table from './data/apa.json'

export type * from './style-types'
export { cslCredit } from './credit'

/**
 * APA 7th edition citations of the shipped records.
 * @example
 * ```ts
 * import { apa } from 'kap-literature/citations/apa'
 * const html = apa.formatBibliography(['dore-2019', 'wilkinson-2021'], { format: 'html' })
 * ```
 */
export const apa: StyleCitations = /* @__PURE__ */ bindStyle('apa', table as unknown as StyleTable)
