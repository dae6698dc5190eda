import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  escapeHtml,
  markdownLinkTarget,
  runsToHtml,
  runsToMarkdown,
  runsToText,
  type Run,
} from '../../src/citations/runs'

const run: fc.Arbitrary<Run> = fc.oneof(
  fc.string(),
  fc.tuple(fc.constantFrom('i', 'b', 'ib', '^', '_', 'c'), fc.string()),
  fc.tuple(fc.constant('a' as const), fc.webUrl({ validSchemes: ['https'] }), fc.string()),
)

describe('run rendering', () => {
  it('HTML never contains markup that came from text (property)', () => {
    fc.assert(
      fc.property(fc.array(run), (runs) => {
        const html = runsToHtml(runs)
        const stripped = html.replace(
          /<\/?(i|b|sup|sub)>|<span class="kap-smallcaps">|<\/span>|<a class="kap-ref-(doi|url)" href="[^"]*">|<\/a>/g,
          '',
        )
        expect(stripped).not.toMatch(/[<>"]/)
      }),
    )
  })
  it('text is the concatenation of the runs', () => {
    expect(runsToText(['a ', ['i', 'b'], ['a', 'https://x.org', 'c']])).toBe('a bc')
  })
  it('escapes a hostile link target into a harmless attribute', () => {
    expect(runsToHtml([['a', 'https://x.org/"onmouseover="alert(1)', 'x']])).toBe(
      '<a class="kap-ref-url" href="https://x.org/&quot;onmouseover=&quot;alert(1)">x</a>',
    )
    expect(escapeHtml(`<script>&"'`)).toBe('&lt;script&gt;&amp;&quot;&#39;')
  })
  it('Markdown escapes its syntax and keeps emphasis tight', () => {
    expect(runsToMarkdown(['a*b_c ', ['i', 'Journal '], ', x'])).toBe('a\\*b\\_c *Journal* , x')
    expect(markdownLinkTarget('https://doi.org/10.1016/S0006-3223(99)00230-9')).toBe(
      'https://doi.org/10.1016/S0006-3223%2899%2900230-9',
    )
  })
})
