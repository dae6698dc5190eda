// The paraphrases issue 14 names as missed (written in the issue, not taken from the held-out sets): each is now
// found, and as the claim it makes.
import { describe } from 'vitest'
import { itFindsEach } from '../helpers/check-cases'

describe('paraphrases named in issue 14', () => {
  itFindsEach([
    [
      'Ketamine therapy is also offered to people troubled by intrusive thoughts or rituals.',
      'indication-obsessive-thoughts-or-behaviours',
    ],
    [
      'Ketamine can be a tablet that dissolves under the tongue, a shot into a muscle or a nasal spray.',
      'kap-routes-lozenge-im-nasal-iv',
    ],
    [
      'Ketamine with talk therapy beats ketamine on its own, the clinic says.',
      'ketamine-plus-therapy-stronger-outcomes',
    ],
    [
      'Ketamine is the only psychedelic-type drug the FDA has signed off on for mental health.',
      'only-fda-approved-psychedelic-adjacent-drug-for-mental-health',
    ],
  ])
})
