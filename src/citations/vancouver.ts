/**
 * Precomputed Vancouver / NLM citations for every shipped study and source. Import this entry alone when a site uses one
 * style: it carries only this style's table.
 * @example
 * ```ts
 * import { vancouver } from 'kap-literature/citations/vancouver'
 * console.log(vancouver.formatReference('dore-2019'))
 * ```
 * @packageDocumentation
 */
import { bindStyle, type StyleCitations } from './bind'
import type { StyleTable } from './engine'
import table from './data/vancouver.json'

export type * from './style-types'
export { cslCredit } from './credit'

/**
 * Vancouver / NLM citations of the shipped records.
 * @example
 * ```ts
 * import { vancouver } from 'kap-literature/citations/vancouver'
 * const html = vancouver.formatBibliography(['dore-2019', 'wilkinson-2021'], { format: 'html' })
 * ```
 */
export const vancouver: StyleCitations = /* @__PURE__ */ bindStyle('vancouver', table as unknown as StyleTable)
