/**
 * Short titles (`csl['title-short']`), which the styles print where a title stands in an in-text citation: MLA 9 after
 * the author when one author has several works ("(Dakwar et al., “Single Ketamine Infusion Combined with
 * Mindfulness-Based”)"), and APA, Chicago, Harvard and MLA for a work without an author ("(“Ketamine-Assisted
 * Psychotherapy”)"). Without one, citeproc printed the whole title, up to 250 characters, inside the parentheses.
 *
 * The curator writes no `title-short` in the YAML: the build derives it here, and nowhere else, from the confirmed
 * title, which it shortens and never rewords. The rule: the title before its subtitle (the first colon, question mark
 * or full stop; a series label such as "Part 2:" stays in front; a question of at most eight words is kept whole), without
 * a leading article, at most four words that are not small, ending before a small word that follows two of them ("FDA
 * warns patients and health care" → "FDA warns patients", "Effect of a Single Dose of …" → "Effect of a Single Dose"),
 * never on a small word or an auxiliary verb ("Cognitive Behavior Therapy May" → "Cognitive Behavior Therapy"). Works of
 * the same first author whose short titles would be the same are lengthened, word by word, until they differ.
 */

/** Words a short title never ends on: articles, conjunctions, prepositions, a bare verb "is". */
const SMALL_WORDS: ReadonlySet<string> = new Set([
  ...'a an the and or nor but of in on at to for with by from as vs versus via'.split(' '),
  ...'between among after before during into over under without within through about across is are'.split(' '),
])
const ARTICLES: ReadonlySet<string> = new Set(['a', 'an', 'the'])
/** Words a short title never ends on either: verbs that only help another, and participles used as prepositions. */
const AUXILIARIES: ReadonlySet<string> = new Set([
  ...'may might can could will would shall should must do does did has have had was were be been being'.split(' '),
  ...'underlying including following using regarding concerning involving versus'.split(' '),
])
/** How many words a short title keeps before it is trimmed. */
const WORDS = 4
/** A question title of at most this many words is kept whole. */
const QUESTION_WORDS = 8

interface Titled {
  readonly id: string
  readonly csl: { readonly title?: unknown; readonly author?: readonly { family?: unknown; literal?: unknown }[] }
}

const bare = (word: string): string => word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')

/** Whether a word ends the main title: a colon, question mark or full stop, but not an abbreviation's (U.S.). */
const endsMain = (word: string): boolean => /[:?.]$/.test(word) && !/^\(?(?:\p{L}\.){2,}$/u.test(word)

/**
 * The words of a title before its subtitle, without a leading article; a series label ("Part 2:") stays in front as one
 * word, since the reference list files the work under it (APA 8.14 and MLA begin the in-text title with the word the
 * entry begins with), but is not counted as the main title's end.
 */
export function mainWords(title: string): string[] {
  const label = /^((?:part|chapter|section|volume)\s+\S+:)\s+/i.exec(title)
  const all = title
    .slice(label === null ? 0 : label[0].length)
    .split(/\s+/)
    .filter((w) => w !== '')
  const labelled = (words: string[]): string[] =>
    label === null ? words : words.length === 1 ? [`${label[1]} ${words[0]!}`] : [label[1]!, ...words]
  const end = all.findIndex(endsMain)
  // A short question is its own short title: "How Does Ketamine Assisted Psychotherapy (KAP) Work?".
  if (end !== -1 && end < QUESTION_WORDS && all[end]!.endsWith('?')) return labelled([all.slice(0, end + 1).join(' ')])
  const words = end === -1 ? all : [...all.slice(0, end), all[end]!.replace(/[:?.]$/, '')]
  return labelled(words.length > 1 && ARTICLES.has(bare(words[0]!)) ? words.slice(1) : words)
}

/**
 * The short title from a title's main words: at most four words that are not small, ending before a small word that
 * follows two of them ("Default Mode Connectivity in Major" → "Default Mode Connectivity"), never on a small word or
 * an auxiliary, with no trailing comma; with `capital`, a capital first letter. With `at` (same-author works told
 * apart), the first `at` words, and on to a word that is neither.
 */
function shorten(words: readonly string[], capital: boolean, at?: number): string {
  const weak = (word: string) => SMALL_WORDS.has(bare(word)) || AUXILIARIES.has(bare(word))
  let end: number
  if (at !== undefined) {
    end = Math.min(at, words.length)
    while (end < words.length && weak(words[end - 1]!)) end++
  } else {
    // Up to four words that are not small, stopping before a small word that follows two of them: "Effect of a Single
    // Dose" (not "Effect"), "Default Mode Connectivity" (before "in").
    end = words.length
    let content = 0
    for (let i = 0; i < words.length; i++) {
      const small = SMALL_WORDS.has(bare(words[i]!))
      if (small && content >= 2) {
        end = i
        break
      }
      if (!small && ++content === WORDS) {
        end = i + 1
        break
      }
    }
    // Never ending on a small word or a bare auxiliary ("Cognitive Behavior Therapy May" → "Cognitive Behavior Therapy",
    // "Molecular and cellular mechanisms underlying" → "Molecular and cellular mechanisms").
    while (end > 1 && weak(words[end - 1]!)) end--
  }
  return words
    .slice(0, end)
    .join(' ')
    .replace(/[,;]+$/, '')
    .replace(/^\p{Ll}/u, (c) => (capital ? c.toUpperCase() : c))
}

/** The key two works share when one author wrote both: the first author's family name or organisation. */
function firstAuthor(record: Titled): string | undefined {
  const first = record.csl.author?.[0]
  const name = first?.family ?? first?.literal
  return typeof name === 'string' ? name.toLowerCase() : undefined
}

/**
 * The short title of each titled record, by id, for those whose short title differs from the title.
 * @param records - every shipped study and source (same-author works are told apart among them)
 */
export function shortTitles(records: readonly Titled[]): Map<string, string> {
  const words = new Map<string, string[]>()
  for (const r of records) if (typeof r.csl.title === 'string') words.set(r.id, mainWords(r.csl.title))
  // A title that began with a capital keeps one when its article is dropped ("A randomized trial" → "Randomized trial").
  const capital = new Map(records.map((r) => [r.id, typeof r.csl.title === 'string' && /^\p{Lu}/u.test(r.csl.title)]))
  const base = new Map<string, string>([...words].map(([id, w]) => [id, shorten(w, capital.get(id)!)]))
  // Same-author works whose short titles would be the same are lengthened past the words they share.
  const at = new Map<string, number>()
  const byAuthor = new Map<string, string[]>()
  for (const r of records) {
    const key = firstAuthor(r)
    if (key !== undefined && words.has(r.id)) byAuthor.set(key, [...(byAuthor.get(key) ?? []), r.id])
  }
  for (const ids of byAuthor.values()) {
    for (const a of ids) {
      for (const b of ids) {
        if (a === b || base.get(a)!.toLowerCase() !== base.get(b)!.toLowerCase()) continue
        const wa = words.get(a)!.map(bare)
        const wb = words.get(b)!.map(bare)
        let common = 0
        while (common < wa.length && common < wb.length && wa[common] === wb[common]) common++
        at.set(a, Math.max(at.get(a) ?? 0, common + 1))
      }
    }
  }
  const out = new Map<string, string>()
  for (const r of records) {
    const w = words.get(r.id)
    if (w === undefined) continue
    const n = at.get(r.id)
    const short = n === undefined ? base.get(r.id)! : shorten(w, capital.get(r.id)!, n)
    if (short !== '' && short !== r.csl.title) out.set(r.id, short)
  }
  return out
}
