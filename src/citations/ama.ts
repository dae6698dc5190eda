/**
 * Precomputed AMA 11th edition citations for every shipped study and source. Import this entry alone when a site uses one
 * style: it carries only this style's table.
 * @example
 * ```ts
 * import { ama } from 'kap-literature/citations/ama'
 * console.log(ama.formatReference('dore-2019'))
 * ```
 * @packageDocumentation
 */
import { bindStyle, type StyleCitations } from './bind'
import type { StyleTable } from './engine'
import table from './data/ama.json'

export type * from './style-types'
export { cslCredit } from './credit'

/**
 * AMA 11th edition citations of the shipped records.
 * @example
 * ```ts
 * import { ama } from 'kap-literature/citations/ama'
 * const html = ama.formatBibliography(['dore-2019', 'wilkinson-2021'], { format: 'html' })
 * ```
 */
export const ama: StyleCitations = /* @__PURE__ */ bindStyle('ama', table as unknown as StyleTable)
