// Fixes to citation-js's built-in styles, applied wherever citeproc first receives one: when the style tables are
// built (scripts/lib/citations-build.ts) and when kap-literature/cite formats (styles.ts), so both print the same.

interface StyleFix {
  /** What the fix changes, as the style tables' `source` line names it. */
  readonly note: string
  /** The part of the XML the fix replaces. */
  readonly pattern: RegExp
  readonly replace: (found: string) => string
}

const FIXES: Readonly<Record<string, StyleFix>> = {
  /*
   * APA's DOI-or-URL macro prints "Retrieved <date>, from <URL>" for an undated item, as APA 7 asks when the retrieval
   * date is known. Without one it should print the URL alone, but the group that drops out holds only the date and
   * "from", so the word stays: "Retrieved https://…". Wrapping the word and that group in one more group drops the
   * word with them. The style citation-js ships and the official apa.csl both have the pattern.
   */
  apa: {
    note: 'no "Retrieved" without a retrieval date',
    pattern: new RegExp(
      [
        '<text term="retrieved" text-case="capitalize-first"/>',
        '<group delimiter=", ">',
        '<date form="text" variable="accessed"/>',
        '<text term="from"/>',
        '</group>',
      ].join('\\s*'),
    ),
    replace: (found) => `<group delimiter=" ">${found}</group>`,
  },
}

/**
 * The XML of a citation-js built-in style with this project's fix applied (unchanged for a style without one, or
 * when a later citation-js no longer has the pattern the fix replaces).
 * @internal
 */
export function fixBuiltInStyle(builtIn: string, xml: string): string {
  const fix = FIXES[builtIn]
  return fix === undefined ? xml : xml.replace(fix.pattern, fix.replace)
}

/** What the fix to a built-in style changes, or undefined when it has none. @internal */
export function builtInFixNote(builtIn: string): string | undefined {
  return FIXES[builtIn]?.note
}

/** Whether a built-in style's XML still has the pattern its fix replaces (a test watches citation-js upgrades). @internal */
export function builtInFixApplies(builtIn: string, xml: string): boolean {
  const fix = FIXES[builtIn]
  return fix === undefined || fix.pattern.test(xml)
}
