// The CSL credit line, a module of its own: every style entry and the all-styles entry export it, so a page can show
// it with the one style it imports and no other style's table.

/**
 * The credit the CSL styles' licence asks for; show it wherever formatted citations are published. Every style entry
 * (`kap-literature/citations/<style>`) exports it too, so a page that uses one style imports it from there.
 * @example
 * ```ts
 * import { apa, cslCredit } from 'kap-literature/citations/apa'
 * const credit = `<p class="csl-credit">${cslCredit}</p>` // under your bibliography
 * cslCredit // 'Citation styles from the Citation Style Language project (https://citationstyles.org/), licensed CC BY-SA 3.0.'
 * ```
 */
export const cslCredit =
  'Citation styles from the Citation Style Language project (https://citationstyles.org/), licensed CC BY-SA 3.0.'
