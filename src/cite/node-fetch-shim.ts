// Browser stand-in for `node-fetch`, which @citation-js/core 0.8.2 imports for its (unused here) URL fetching.
// Aliased in the browser build only (esbuild/tsup `alias: { 'node-fetch': './src/cite/node-fetch-shim.ts' }`), so
// browser bundles need no Node polyfills. kap-literature never fetches: this only satisfies the import.
/** @internal */
const nodeFetch = (...args: Parameters<typeof fetch>): Promise<Response> => globalThis.fetch(...args)
export default nodeFetch
/** @internal */
export const Headers = globalThis.Headers
