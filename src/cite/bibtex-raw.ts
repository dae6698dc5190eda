/**
 * Text that citation-js's BibTeX writer would lose, kept as it is. With `asciiOnly` the writer spells characters as
 * LaTeX (accents, ß, ø, dashes, quotes), which classic BibTeX needs; a character it has no spelling for (Chinese,
 * Cyrillic, Arabic, Hebrew, an emoji, an accent it does not know) it drops without a word, a Greek letter becomes a
 * math command that breaks under an accent ("έ"), and some accents come back wrong from the readers. Such text is
 * written as UTF-8, which biber, Pandoc and citation-js read: an ASCII mark stands in for it while citation-js writes,
 * and the text is put back afterwards.
 * @internal
 * @packageDocumentation
 */
import unicode from '@citation-js/plugin-bibtex/lib-mjs/input/unicode.json'

/** The characters of one of the writer's tables (a few entries have none). */
const values = (table: object): Set<string> =>
  new Set(Object.values(table).filter((c): c is string => typeof c === 'string'))
/** Characters the writer spells as LaTeX commands (its own table). */
const SPELLED = values(unicode.commands)
/**
 * The accents it writes on a letter (`{\' e}`) that BibTeX readers read back: not ring, dot below, bar below and tie
 * (`\r`, `\d`, `\b`, `\t`, which biblatex-csl-converter misreads: "˚a" for "å") or comma below (`\textcommabelow`,
 * which citation-js reads back as "null": Romanian "ș").
 */
const ACCENTS = values(
  Object.fromEntries(
    Object.entries(unicode.diacritics).filter(([command]) => !['r', 'd', 'b', 't', 'textcommabelow'].includes(command)),
  ),
)
/** A letter or mark with the accents on it, or accents alone. */
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gu

/**
 * Whether the writer spells `cluster` (it decomposes text first): ASCII or a character of its table, with at most one
 * accent it knows (stacked accents, as in Vietnamese "ế", come out as nested commands few readers parse).
 */
function spelled(cluster: string): boolean {
  const [base = '', ...accents] = cluster.normalize('NFKD')
  return (base.charCodeAt(0) < 128 || SPELLED.has(base)) && accents.length <= 1 && accents.every((c) => ACCENTS.has(c))
}

/** Keeps the text citation-js cannot spell out of its way, for one export. @internal */
export interface RawText {
  /**
   * `value` with each run of characters the writer cannot spell replaced by a mark. In a title a run with a capital
   * is put back in braces, as citation-js braces a capitalised word, so that BibTeX styles keep its case.
   */
  hide(value: string, title: boolean): string
  /** `bib` with every mark replaced by the text it stands for. */
  restore(bib: string): string
}

/**
 * A {@link RawText} whose marks occur nowhere in `text` (all the values of the export), so that putting the text back
 * cannot touch anything else.
 * @internal
 */
export function rawText(text: string): RawText {
  // "qzq" and one "z" more than follows any "qzq" of the text (overlapping ones too: one scan, linear, since the runs
  // of "z" after two occurrences never overlap), so the text holds no mark.
  let longest = -1
  for (const m of text.matchAll(/(?=qzq(z*))/g)) longest = Math.max(longest, m[1]!.length)
  const mark = `qzq${'z'.repeat(longest + 1)}`
  const kept: string[] = []
  return {
    hide(value, title) {
      let out = ''
      let run = ''
      const flush = () => {
        if (run === '') return
        out += `${mark}${kept.push(title && /\p{Lu}/u.test(run) ? `{${run}}` : run) - 1}${mark}`
        run = ''
      }
      for (const c of value.normalize('NFC').match(CLUSTER) ?? []) {
        if (spelled(c)) {
          flush()
          out += c
        } else run += c
      }
      flush()
      return out
    },
    // Marks come in pairs around an index ("qzq0qzq"): split on the mark, the pieces at odd places are indices.
    restore: (bib) =>
      kept.length === 0
        ? bib
        : bib
            .split(mark)
            .map((piece, i) => (i % 2 === 1 ? kept[Number(piece)]! : piece))
            .join(''),
  }
}
