// One colour per verdict for everything kap-literature draws: the evidence map's badges (white text on the colour),
// the web components' badges and the handout's (the colour as text and outline on white). Each has a contrast of at
// least 4.5:1 with white, so both uses pass WCAG AA for normal text (the map's badge labels are 11 px bold). The hues
// follow the Okabe–Ito colour-blind-safe set (green, blue, amber, magenta, red), darkened for contrast and chosen so
// that every pair stays apart in simulated protanopia, deuteranopia and tritanopia (tests/unit/verdict-colours.test.ts
// computes both from these values). Colour is never the only signal: every badge also writes its verdict out.
import type { Verdict } from './types'

/**
 * The colour of each verdict, as `#rrggbb`.
 * @internal
 */
export const VERDICT_COLOURS: Readonly<Record<Verdict, string>> = {
  accurate: '#00854d',
  oversimplified: '#0055aa',
  overstated: '#9a6700',
  contested: '#c80c7f',
  inaccurate: '#8b2e18',
}
