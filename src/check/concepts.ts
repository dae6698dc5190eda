// The concept classes cues share with search: every group of the one synonym table (data/search/synonyms.json) is a
// cue macro named by its id, so `$ptsd` in a cue means every way the table writes PTSD. The macros of
// data/check/cues.json (upper case: `$K`, `$KAP`, `$ROUTE`…) are the checker's own; the two never share a name.
import { groups } from '../../data/search/synonyms.json'

/**
 * The cue macros: the synonym table's concept classes by id, and the checker's own macros.
 * @param own - the macros of data/check/cues.json
 * @returns the macros a cue may name with `$`
 * @internal
 */
export function withConcepts(own: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  // Cues match without regard to case, so an abbreviation that stands for its group only in capitals ("DID") is left
  // out of the macro: it would match the everyday word.
  const concepts = Object.fromEntries(
    groups.map((g) => {
      const capitalsOnly = new Set<string>('capitalsOnly' in g ? g.capitalsOnly : [])
      return [g.id, g.terms.filter((t) => !capitalsOnly.has(t)).join('|')]
    }),
  )
  for (const name of Object.keys(own))
    if (Object.hasOwn(concepts, name)) throw new Error(`check: macro $${name} is also a concept of the synonym table`)
  return { ...concepts, ...own }
}
