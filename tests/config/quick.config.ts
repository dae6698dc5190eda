// `npm run test:quick`: the inner loop — unit, data, script, search, checker, JSON-LD, precomputed-citation and CLI
// tests (the CLI in-process). Leaves out what needs the built package or a browser or compiles CSL styles live:
// tests/package, tests/browser, tests/cite, tests/citations/live.test.ts, tests/elements/types.test.ts (type-checks
// the built declarations), tests/bench (runs benchmarks) and the bin-spawning CLI tests.
// `npm test` runs everything.
import { defineConfig, mergeConfig } from 'vitest/config'
import base from '../../vitest.config'

export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [
        'tests/package/**',
        'tests/bench/**',
        'tests/browser/**',
        'tests/cite/**',
        'tests/citations/live.test.ts',
        'tests/elements/types.test.ts',
        'tests/sources/**',
        'node_modules/**',
      ],
      testNamePattern: '^(?!.*\\[bin\\])',
      outputFile: { json: '.tmp/vitest-quick.json' },
    },
  }),
)
