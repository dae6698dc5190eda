/**
 * Precomputed Chicago author-date 17th edition citations for every shipped study and source. Import this entry alone when a site uses one
 * style: it carries only this style's table.
 * @example
 * ```ts
 * import { chicago } from 'kap-literature/citations/chicago'
 * console.log(chicago.formatReference('dore-2019'))
 * ```
 * @packageDocumentation
 */
import { bindStyle, type StyleCitations } from './bind'
import type { StyleTable } from './engine'
import table from './data/chicago.json'

export type * from './style-types'
export { cslCredit } from './credit'

/**
 * Chicago author-date 17th edition citations of the shipped records.
 * @example
 * ```ts
 * import { chicago } from 'kap-literature/citations/chicago'
 * const html = chicago.formatBibliography(['dore-2019', 'wilkinson-2021'], { format: 'html' })
 * ```
 */
export const chicago: StyleCitations = /* @__PURE__ */ bindStyle('chicago', table as unknown as StyleTable)
