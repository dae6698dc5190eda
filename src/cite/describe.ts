/**
 * The one rule for naming a caller's value in an error message (src/errors.ts), for the cite entry's modules: a pure
 * function from a leaf module, so the browser build may bundle it while the error class still comes from the
 * package's `kap-literature` entry.
 * @internal
 * @packageDocumentation
 */
export { describeValue } from '../errors'
