import { defineConfig } from 'tsup'

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
      jsonld: 'src/jsonld/index.ts',
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
    esbuildOptions(options) {
      options.chunkNames = 'chunks/[name]-[hash]'
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
    banner: { js: '#!/usr/bin/env node' },
  },
])
