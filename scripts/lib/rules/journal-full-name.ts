import { cslOf, type RecordRule } from './rule.ts'

/** Words of NLM journal abbreviations ("J Clin Psychiatry", "Am J Psychiatry", "Arch Gen Psychiatry"). */
const ABBREVIATED_WORDS: ReadonlySet<string> = new Set(
  (
    'J Am Arch Gen Clin Psychiatry Psychiatr Biol Neurosci Psychopharmacol Pharmacol Br Eur Int Ann Rev ' +
    'Res Med Sci Nat Mol Ther Dis Nerv Ment Affect Disord Psychoactive Drugs Front Psychol Transl Curr ' +
    'Opin Adv Proc Natl Acad Soc Assoc Can Aust N Z Engl Lancet Pain Anesth Analg Neuropsychopharmacology ' +
    'Psychother Psychosom Subst Abuse Treat Addict Behav Cogn Neurol Neurosurg Pediatr Child Adolesc ' +
    'Gerontol Geriatr Hosp Emerg Crit Care Pract Prim Health Public Epidemiol Stat Pharm Chem Physiol ' +
    'Cell Brain Schizophr Bull Depress Anxiety Trauma Stress Psychedelic'
  ).split(' '),
)

/**
 * `csl.container-title` is the journal's full name, never its NLM abbreviation: not every word is an abbreviation
 * with one of J, Am, Arch or Clin among them. (A short name can be the full name: JAMA Psychiatry, Science.)
 */
export const journalFullName: RecordRule = {
  name: 'journal-full-name',
  kinds: ['study'],
  check(record) {
    const csl = cslOf(record)
    const full = csl['container-title']
    if (typeof full !== 'string') return []
    const words = full.split(/\s+/).filter((w) => w !== '')
    const abbreviated =
      words.length > 1 &&
      words.every((w) => ABBREVIATED_WORDS.has(w.replace(/\.$/, ''))) &&
      /\b(?:J|Am|Arch|Clin)\b/.test(full)
    if (!abbreviated) return []
    return [
      {
        field: 'csl.container-title',
        message: `"${full}" is the journal's abbreviation, not its full name.`,
        fix:
          'Put the full name in container-title and the abbreviation in container-title-short; where the article pages ' +
          "print only the abbreviation, take the full name from a page of the same publisher's site that names the " +
          'journal (docs/data-policy.md, journal names), or list container-title as missing.',
      },
    ]
  },
}
