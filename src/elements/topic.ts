// What a `<kap-search topic="…">` keeps to, in a chunk of its own that only a page with such a box loads.
import { claimFacts } from '../generated/claim-facts'
import { claimSources, claimTopics } from '../generated/claim-topics'
import { claimIds, sourceIds } from '../generated/ids'

/**
 * The ids of a topic's claims, of the studies they rest on (their evidence) and of the clinic pages that make them.
 * Ids are unique across studies, claims and sources (the build checks it), so one set holds them all.
 * @param topic - a topic id
 * @returns the ids
 * @internal
 */
export function topicRecords(topic: string): Set<string> {
  const ids = new Set<string>()
  claimIds.forEach((id, i) => {
    if (!(claimTopics[i] as readonly string[]).includes(topic)) return
    ids.add(id)
    for (const [study] of claimFacts[id].evidence) ids.add(study)
    for (const page of claimSources[i]!) ids.add(sourceIds[page]!)
  })
  return ids
}
