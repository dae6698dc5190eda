// What `<kap-claim>` shows of a claim, in one chunk: its verdict and evidence links, and its statement (one file to
// load instead of two, each with its own overhead).
export { claimFacts } from '../generated/claim-facts'
export { claimStatements } from '../generated/claim-statements'
