// The detection cues of the claim checker. Each claim's cues live in its YAML file (data/claims/<id>.yaml, `cues:`),
// compiled and checked by the build (rule claim-cues) into src/generated/cues.ts; the shared macros and the subject
// terms live in data/check/cues.json. The language is described in cue-syntax.ts and docs/claim-checker.md. Cues are
// short words and phrases written from the claim statements and the way clinic pages phrase them; they never quote a
// page. Only the checker imports this module, so the entries that pages import never carry the cues.
//
// Writing cues: prefer two or three slots that only co-occur when the claim is made (a subject, what is claimed about
// it, and a qualifier). Run `npx vitest run tests/check` to see precision and recall after any change.
import cueData from '../../data/check/cues.json'
import { claimCues, claimCuesYieldTo } from '../generated/cues'
import { withConcepts } from './concepts'

/** Named alternative lists, used in cues as `$NAME`: the checker's own and the synonym table's concepts. @internal */
export const cueMacros: Readonly<Record<string, string>> = withConcepts(cueData.macros)

/** A draft must name one of these somewhere before any claim is looked for. @internal */
export const subjectTerms: string = cueData.subject

/** The cue groups per claim: a passage makes the claim if any one group matches it. @internal */
export const cues = claimCues

/** Per claim, the more specific claims it yields to in a passage they both match. @internal */
export const cuesYieldTo = claimCuesYieldTo
