// The claims' verdicts and evidence links, for `<kap-claim>` and the search box's badges (a chunk of its own, loaded
// with the first element that needs it). A claim's statement comes from ./statement-source.
export { claimFacts } from '../generated/claim-facts'
