// Fixes to the six styles the project ships, applied wherever citeproc first receives one: when the style tables are
// built (scripts/lib/citations-build.ts) and when kap-literature/cite formats with a built-in style or loads one of the
// three Debian styles by name (styles.ts), so both print the same. A style registered with registerStyle is used as
// it is.

interface StyleFix {
  /** What the fix changes, as the style tables' `source` line names it. */
  readonly note: string
  /** The part of the XML the fix replaces. */
  readonly pattern: RegExp
  readonly replace: (found: string) => string
}

/** A regular expression for a run of XML tags, with any whitespace between them. */
const tags = (...parts: readonly string[]): RegExp => new RegExp(parts.join('\\s*'))

/**
 * The fixes, by the name of the style they apply to: a citation-js built-in (`apa`, `harvard1`, `vancouver`) or the
 * file name of a Debian style (`american-medical-association`, `chicago-author-date`).
 */
const FIXES: Readonly<Record<string, readonly StyleFix[]>> = {
  /*
   * APA's DOI-or-URL macro prints "Retrieved <date>, from <URL>" for an undated item, as APA 7 asks when the retrieval
   * date is known. Without one it should print the URL alone, but the group that drops out holds only the date and
   * "from", so the word stays: "Retrieved https://…". Wrapping the word and that group in one more group drops the
   * word with them. The style citation-js ships and the official apa.csl both have the pattern.
   */
  apa: [
    {
      note: 'no "Retrieved" without a retrieval date',
      pattern: tags(
        '<text term="retrieved" text-case="capitalize-first"/>',
        '<group delimiter=", ">',
        '<date form="text" variable="accessed"/>',
        '<text term="from"/>',
        '</group>',
      ),
      replace: (found) => `<group delimiter=" ">${found}</group>`,
    },
    /*
     * A preprint (CSL type article) whose server is its container-title falls to APA's monographic branch and prints
     * "In medRxiv.", as if the server were an edited book. APA 7 names the archive alone: "Title. medRxiv. https://…".
     */
    {
      note: 'a preprint\'s server without "In"',
      pattern: tags(
        '<else-if match="any" type="interview paper-conference">',
        '<text macro="source-serial"/>',
        '</else-if>',
        '<else>',
        '<text macro="source-monographic"/>',
      ),
      replace: (found) =>
        found.replace(
          /<else>(\s*)<text macro="source-monographic"\/>$/,
          (tail) => `<else-if type="article"><text variable="container-title"/></else-if>${tail}`,
        ),
    },
  ],
  /*
   * Cite Them Right labels an `article` or `article-journal` without volume and pages "[Preprint]". A journal article
   * whose volume or pages are not known to us is still a published article, so only an `article` (CSL's type for a
   * preprint) keeps the label.
   */
  harvard1: [
    {
      note: 'only a preprint (type article) is labelled "[Preprint]"',
      pattern: tags(
        '<if type="article article-journal" match="any">',
        '<choose>',
        '<if match="none" variable="page volume">',
        '<text value="Preprint" prefix="\\[" suffix="\\]"/>',
      ),
      replace: (found) => found.replace('<if type="article article-journal" match="any">', '<if type="article">'),
    },
    /*
     * Cite Them Right is a British style: 'Title', Journal — single quotation marks, the comma outside — and dates
     * day first, "(Accessed: 22 November 2026)". The style keeps its British terms in a `<locale xml:lang="en-GB">`
     * that applies only when the document's locale is British, and names no default locale, so it printed the
     * American “Title,” Journal and "(Accessed: November 22, 2026)" (its date asks for the locale's text form). The
     * fix makes that block apply whatever the locale and adds the British quotation marks, punctuation and date order.
     */
    {
      note: "British quotation marks and dates: 'Title', Journal; (Accessed: 22 November 2026)",
      pattern: /<locale xml:lang="en-GB">\s*<terms>/,
      replace: () =>
        '<locale><date form="text"><date-part name="day" suffix=" "/><date-part name="month" suffix=" "/>' +
        '<date-part name="year"/></date><style-options punctuation-in-quote="false"/><terms>' +
        '<term name="open-quote">\u2018</term><term name="close-quote">\u2019</term>' +
        '<term name="open-inner-quote">\u201c</term><term name="close-inner-quote">\u201d</term>',
    },
  ],
  /*
   * NLM ends each note with a period: "doi:10.1159/000517074. PubMed PMID: 34186531." The style joins the DOI and the
   * PubMed note with a space, so the DOI runs into "PubMed". Grouping the two with ". " puts the period between them
   * and still leaves none after a DOI that ends the reference. The built-in style and the official
   * nlm-citation-sequence.csl both have the pattern.
   */
  vancouver: [
    {
      note: 'a period between the DOI and "PubMed PMID"',
      pattern: tags('<text macro="availability"/>', '<text macro="notes"/>'),
      replace: () => '<group delimiter=". "><text macro="availability"/><text macro="notes"/></group>',
    },
    /*
     * Citing Medicine joins the first and last page with a hyphen: "2021;90(5):318-27". CSL prints a page range with
     * the locale's `page-range-delimiter` term (CSL 1.0.2), an en dash in every locale, and the style does not
     * override it. A locale block without xml:lang applies in every language, so "[cited 2026 Nov 22]" and the other
     * English terms of the style's own en block stay as they were; only the delimiter changes.
     */
    {
      note: 'page ranges with a hyphen, "318-27"',
      pattern: /<locale xml:lang="en">/,
      replace: (found) => `<locale><terms><term name="page-range-delimiter">-</term></terms></locale>${found}`,
    },
  ],
  /*
   * AMA prints "Published online <date>" for anything in its last branch without volume or issue: right for an article
   * published ahead of print, wrong for a journal article whose volume we could not confirm. A journal article gets the
   * year alone; a preprint (type article) gets AMA 11's "Preprint posted online", as the current official style does.
   */
  'american-medical-association': [
    {
      note: 'no "Published online" for a journal article; "Preprint posted online" for a preprint',
      pattern: tags(
        '<if variable="issue volume" match="any">',
        '<date variable="issued">',
        '<date-part name="year"/>',
        '</date>',
        '</if>',
        '<else>',
        '<group delimiter=" ">',
        '<text value="Published online"/>',
      ),
      replace: (found) =>
        found
          .replace(
            '<if variable="issue volume" match="any">',
            '<if type="article-journal" variable="issue volume" match="any">',
          )
          .replace(
            '<text value="Published online"/>',
            '<choose><if type="article"><text value="Preprint posted online"/></if>' +
              '<else><text value="Published online"/></else></choose>',
          ),
    },
    /*
     * AMA prints a web page's date only in the group it prints with the URL ("Published October 10, 2023. Accessed …
     * URL"). A dated statement whose address is not confirmed (the FDA's two safety warnings) then showed no date at
     * all, and two statements of one agency could not be told apart: without a URL the date is printed alone.
     */
    {
      note: "a web page's date printed also when it has no URL",
      pattern: tags('<text variable="URL"/>', '</group>', '</else-if>', '</choose>', '</if>', '</choose>', '</macro>'),
      replace: (found) =>
        found.replace(
          '</else-if>',
          '</else-if><else-if type="webpage post post-weblog" match="any">' +
            '<date variable="issued" prefix="Published " suffix="." form="text"/></else-if>',
        ),
    },
  ],
  /*
   * Chicago author-date joins the years of one author with a comma: "(Dakwar et al. 2019, 2020)" (CMOS 15.29). The
   * style sets no cite-group-delimiter (CSL's default is ", ") but sets after-collapse-delimiter="; ", the same as its
   * layout delimiter; citeproc-js then uses "; " between the years too, and ignores a cite-group-delimiter while an
   * after-collapse-delimiter is set. Dropping that redundant attribute (the default is the layout delimiter) and
   * setting cite-group-delimiter=", " gives the comma, and still "; " after the group.
   */
  'chicago-author-date': [
    /*
     * CMOS puts a comma before "n.d." in a text citation: ("Title," n.d.), (Smith, n.d.). The style does, except when
     * the item has an access date: its citation still tests `issued accessed`, from the time it printed the year
     * accessed for an undated page, but now prints "n.d." for it, so a clinic page read on a known day lost the comma:
     * ("Title" n.d.). Testing `issued` alone gives the comma to every undated item.
     */
    {
      note: 'a comma before "n.d." also for an undated page with an access date',
      pattern: tags(
        '<layout prefix="\\(" suffix="\\)" delimiter="; ">',
        '<group delimiter=", ">',
        '<choose>',
        '<if variable="issued accessed" match="any">',
      ),
      replace: (found) => found.replace('<if variable="issued accessed" match="any">', '<if variable="issued">'),
    },
    {
      note: 'years of one author joined by ", "',
      pattern: /<citation\b(?![^>]*\bcite-group-delimiter=)[^>]*\bcollapse="year"[^>]*>/,
      replace: (found) =>
        found
          .replace(/\s+after-collapse-delimiter="; "/, '')
          .replace(/^<citation\b/, '<citation cite-group-delimiter=", "'),
    },
  ],
  /*
   * MLA 9 tells two works of the same author apart by a short title: (Dakwar et al., "Single Ketamine Infusion Combined
   * with Mindfulness-Based"). The style asks citeproc to add names first (disambiguate-add-names, -add-givenname), which
   * printed co-authors the works-cited list never names ("Dakwar, Levin, et al.") and, after a partial author list,
   * "(Dakwar, et al.)". Without them citeproc goes straight to the style's own `disambiguate="true"` branch, which
   * prints the short title (the build gives every record one: scripts/lib/short-titles.ts).
   */
  'modern-language-association': [
    {
      note: 'same-author works told apart by a short title, not by more names',
      pattern: /<citation\b[^>]*\bdisambiguate-add-names="true"[^>]*>/,
      replace: (found) =>
        found.replace(/\s+disambiguate-add-names="true"/, '').replace(/\s+disambiguate-add-givenname="true"/, ''),
    },
  ],
}

/**
 * The XML of a style with this project's fixes applied: `name` is a citation-js built-in or a Debian style's file name.
 * Unchanged for a style without fixes, or for a fix whose pattern a later version of the style no longer has.
 * @internal
 */
export function fixStyle(name: string, xml: string): string {
  return (FIXES[name] ?? []).reduce((out, fix) => out.replace(fix.pattern, fix.replace), xml)
}

/** What the fixes to a style change, or an empty list when it has none. @internal */
export function styleFixNotes(name: string): string[] {
  return (FIXES[name] ?? []).map((fix) => fix.note)
}

/** Whether a style's XML still has every pattern its fixes replace (a test watches style upgrades). @internal */
export function styleFixesApply(name: string, xml: string): boolean {
  return (FIXES[name] ?? []).every((fix) => fix.pattern.test(xml))
}
