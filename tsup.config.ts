import { defineConfig } from 'tsup'

// citation-js (and citeproc-js, moo) are bundled into dist/cite.* and dist/cli.js rather than installed: the package
// then has no runtime dependencies, and citation-js's Node-only fetch dependencies (node-fetch, sync-fetch, ~9 MB
// with web-streams-polyfill), which kap-literature never calls, are replaced by the same shims as the browser build.
const bundled = [/^@citation-js\//, 'citeproc', 'moo']
const fetchShims = {
  'node-fetch': './src/cite/node-fetch-shim.ts',
  'sync-fetch': './src/cite/sync-fetch-shim.ts',
}

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      citations: 'src/citations/index.ts',
      'citations/apa': 'src/citations/apa.ts',
      'citations/ama': 'src/citations/ama.ts',
      'citations/vancouver': 'src/citations/vancouver.ts',
      'citations/harvard': 'src/citations/harvard.ts',
      'citations/chicago': 'src/citations/chicago.ts',
      'citations/mla': 'src/citations/mla.ts',
      search: 'src/search/index.ts',
      cite: 'src/cite/index.ts',
      details: 'src/details/index.ts',
      // Not a public entry (the exports map does not name it): a second entry point that reaches the table of every
      // record's detail makes esbuild put that table in a chunk of its own instead of inside dist/details.js, so a page
      // that imports only `loadDetails` from the details entry drops the whole chunk (package.json marks it free of
      // side effects) rather than relying on its bundler to tree-shake half a megabyte out of the entry file.
      'internal/details-table': 'src/generated/details.ts',
      jsonld: 'src/jsonld/index.ts',
      map: 'src/map/index.ts',
      elements: 'src/elements/index.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: false,
    target: 'es2022',
    platform: 'neutral',
    splitting: true,
    treeshake: false,
    // Shared code and the per-record detail chunks (dynamic imports of loadDetails) go under dist/chunks/.
    noExternal: bundled,
    esbuildOptions(options) {
      options.chunkNames = 'chunks/[name]-[hash]'
      options.alias = { ...options.alias, ...fetchShims }
      options.legalComments = 'eof'
    },
  },
  {
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    target: 'node20',
    platform: 'node',
    // One file: the CLI reads every record's detail synchronously, so per-record chunks would only add files.
    splitting: false,
    noExternal: bundled,
    esbuildOptions(options) {
      options.alias = { ...options.alias, ...fetchShims }
      options.legalComments = 'eof'
    },
    banner: { js: '#!/usr/bin/env node' },
  },
])
