// Browser stand-in for `sync-fetch`, which @citation-js/core 0.8.2 imports for synchronous URL fetching (a
// synchronous XMLHttpRequest in browsers). kap-literature never fetches, so the browser build replaces it with a
// function that refuses; aliased in the browser build only, like node-fetch-shim.ts.
/** @internal */
export default function syncFetch(): never {
  throw new Error('kap-literature: fetching is disabled in the cite entry')
}
