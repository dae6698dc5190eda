// One person, one name in in-text citations. A record prints its byline's form of each author's name (reference lists
// keep it), but a person whose bylines differ ("E. M. Krupitsky", "Evgeny Krupitsky") would read as two people in
// styles that add initials to tell authors with one surname apart: APA printed "(E. Krupitsky et al., 2002;
// E. M. Krupitsky et al., 2007)". data/vocab/people.yaml lists such people; their in-text citations use one form.
// Applied wherever citeproc makes an in-text citation of shipped records: the style tables' build
// (scripts/lib/citations-build.ts) and kap-literature/cite's formatCitation, so both print the same.
import { citeNames } from '../generated/cite-names'
import { nameKey, withGivenNames, type CslFields } from './style-records'

/**
 * A shipped record as in-text citations name its authors: each author that data/vocab/people.yaml lists under another
 * form is given that person's in-text form. The same object when no author is listed.
 * @internal
 */
export function withCiteNames<T extends object>(csl: T): T {
  const cited = (given: string, family: unknown) => citeNames[nameKey(family, given)] ?? given
  return withGivenNames(csl as CslFields, cited) as T
}
