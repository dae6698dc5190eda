/**
 * Precomputed MLA 9th edition citations for every shipped study and source. Import this entry alone when a site uses one
 * style: it carries only this style's table.
 * @example
 * ```ts
 * import { mla } from 'kap-literature/citations/mla'
 * console.log(mla.formatReference('dore-2019'))
 * ```
 * @packageDocumentation
 */
import { bindStyle, type StyleCitations } from './bind'
import type { StyleTable } from './engine'
import table from './data/mla.json'

export type * from './style-types'
export { cslCredit } from './credit'

/**
 * MLA 9th edition citations of the shipped records.
 * @example
 * ```ts
 * import { mla } from 'kap-literature/citations/mla'
 * const html = mla.formatBibliography(['dore-2019', 'wilkinson-2021'], { format: 'html' })
 * ```
 */
export const mla: StyleCitations = /* @__PURE__ */ bindStyle('mla', table as unknown as StyleTable)
