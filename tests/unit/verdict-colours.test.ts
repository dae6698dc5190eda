// The verdict colours (audit 36, item 7): one colour per verdict in the evidence map, the web components, the handout
// and the example page, each readable (WCAG AA contrast, computed here from the colour values the outputs use) and
// told apart by readers with the common colour-vision deficiencies (simulated).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { topicTerms, verdictTerms } from '../../src/index'
import { evidenceMap } from '../../src/map/index'
import { VERDICT_COLOURS } from '../../src/verdict-colours'
import { root } from '../helpers/paths'
import { runCli } from '../helpers/run-cli'
import { contrast, DEFICIENCIES, deltaE, lab, luminance } from '../helpers/colours'

describe('the verdict colours', () => {
  it('name one colour per verdict', () => {
    expect(Object.keys(VERDICT_COLOURS).sort()).toEqual([...verdictTerms].sort())
    expect(new Set(Object.values(VERDICT_COLOURS)).size).toBe(verdictTerms.length)
  })

  it('each have at least 4.5:1 with white, as text on white and as a badge behind white text', () => {
    for (const [verdict, colour] of Object.entries(VERDICT_COLOURS))
      expect(contrast(colour, '#fff'), verdict).toBeGreaterThanOrEqual(4.5)
    // The check can fail: the Okabe–Ito orange of the old map had 2.25:1.
    expect(contrast('#E69F00', '#fff')).toBeLessThan(3)
  })

  it('stay apart for readers with protanopia, deuteranopia or tritanopia (simulated), not only for normal vision', () => {
    const verdicts = Object.keys(VERDICT_COLOURS) as (keyof typeof VERDICT_COLOURS)[]
    for (const deficiency of [undefined, ...Object.keys(DEFICIENCIES)]) {
      let nearest = Infinity
      for (const [i, a] of verdicts.entries())
        for (const b of verdicts.slice(i + 1))
          nearest = Math.min(nearest, deltaE(lab(VERDICT_COLOURS[a], deficiency), lab(VERDICT_COLOURS[b], deficiency)))
      // ΔE*ab ≥ 20: clearly different at a glance (2.3 is a just-noticeable difference).
      expect(nearest, deficiency ?? 'normal vision').toBeGreaterThanOrEqual(20)
    }
    // The check can fail: the old element colours for oversimplified (#7a4f00) and overstated (#8a3b00) were 1.1
    // apart for a reader with deuteranopia.
    expect(deltaE(lab('#7a4f00', 'deuteranopia'), lab('#8a3b00', 'deuteranopia'))).toBeLessThan(2)
  })
})

describe('the evidence map uses them, and every text in it is readable', () => {
  const svgs = topicTerms.map((topic) => evidenceMap({ topic, format: 'svg' }))

  it('fills each verdict badge with its verdict colour, with white bold text of at least 4.5:1', () => {
    const svg = evidenceMap({ format: 'svg' })
    const badges = [
      ...svg.matchAll(
        /<rect x="[\d.]+" y="[\d.]+" width="\d+" height="18" rx="9" fill="(#[0-9a-f]+)"\/>\n<text [^>]*fill="(#[0-9a-f]+)"[^>]*>([^<]+)<\/text>/gi,
      ),
    ]
    // Every claim's badge and the legend's five.
    expect(badges.length).toBeGreaterThan(verdictTerms.length)
    const labelled = new Map<string, string>()
    for (const [, fill, text, label] of badges) {
      expect(contrast(fill!, text!), label).toBeGreaterThanOrEqual(4.5)
      labelled.set(label!, fill!)
    }
    expect(Object.fromEntries(labelled)).toEqual({
      Accurate: VERDICT_COLOURS.accurate,
      Oversimplified: VERDICT_COLOURS.oversimplified,
      Overstated: VERDICT_COLOURS.overstated,
      Contested: VERDICT_COLOURS.contested,
      Inaccurate: VERDICT_COLOURS.inaccurate,
    })
  })

  it('draws every other text in a colour of at least 4.5:1 on each light background it may stand on', () => {
    for (const svg of svgs) {
      const backgrounds = [...svg.matchAll(/<rect [^>]*fill="(#[0-9a-f]+)"\/>/gi)]
        .map((m) => m[1]!)
        .filter((fill) => luminance(fill) > 0.5)
      expect(backgrounds).toContain('#fff')
      const texts = [...svg.matchAll(/<text [^>]*fill="(#[0-9a-f]+)"/gi)].map((m) => m[1]!).filter((f) => f !== '#fff')
      expect(texts.length).toBeGreaterThan(10)
      for (const text of new Set(texts))
        for (const background of new Set(backgrounds))
          expect(contrast(text, background), `${text} on ${background}`).toBeGreaterThanOrEqual(4.5)
    }
  })
})

describe('the handout and the example page use the same colours', () => {
  it('the handout colours each verdict as text and outline on white', async () => {
    const html = (await runCli(['handout', '--topic', 'efficacy', '--format', 'html'])).stdout
    expect(html).toMatch(/\.verdict \{[^}]*outline: 1px solid currentColor;[^}]*background: #fff;/)
    for (const [verdict, colour] of Object.entries(VERDICT_COLOURS))
      expect(html).toContain(`.verdict-${verdict} { color: ${colour}; }`)
    // The evidence map it carries fills its badges with the same colours.
    for (const colour of Object.values(VERDICT_COLOURS)) expect(html).toContain(`fill="${colour}"`)
  })

  it("the web components' badges (written out in their style sheet)", () => {
    const source = readFileSync(join(root, 'src', 'elements', 'index.ts'), 'utf8')
    const used = Object.fromEntries(
      [...source.matchAll(/\.badge\[data-verdict=([a-z]+)\]\{color:(#[0-9a-f]+)\}/g)].map((m) => [m[1]!, m[2]!]),
    )
    expect(used).toEqual(VERDICT_COLOURS)
  })

  it("the example clinic page's badges", () => {
    const css = readFileSync(join(root, 'examples', 'clinic-page', 'style.css'), 'utf8')
    const used = Object.fromEntries(
      [...css.matchAll(/\.badge-([a-z]+) \{ color: (#[0-9a-f]+); \}/g)].map((m) => [m[1]!, m[2]!]),
    )
    expect(used).toEqual(VERDICT_COLOURS)
    expect(css).toMatch(/\.badge \{[^}]*background: #fff;/)
  })
})
