/**
 * Precomputed Harvard (Cite Them Right) citations for every shipped study and source. Import this entry alone when a site uses one
 * style: it carries only this style's table.
 * @example
 * ```ts
 * import { harvard } from 'kap-literature/citations/harvard'
 * console.log(harvard.formatReference('dore-2019'))
 * ```
 * @packageDocumentation
 */
import { bindStyle, type StyleCitations } from './bind'
import type { StyleTable } from './engine'
import table from './data/harvard.json'

export type * from './style-types'
export { cslCredit } from './credit'

/**
 * Harvard (Cite Them Right) citations of the shipped records.
 * @example
 * ```ts
 * import { harvard } from 'kap-literature/citations/harvard'
 * const html = harvard.formatBibliography(['dore-2019', 'wilkinson-2021'], { format: 'html' })
 * ```
 */
export const harvard: StyleCitations = /* @__PURE__ */ bindStyle('harvard', table as unknown as StyleTable)
