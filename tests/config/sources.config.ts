// `npm run test:sources`: checks that need the four clinic pages (../shared/source-documents, outside the repository;
// set KAP_SOURCE_DOCUMENTS to read them from elsewhere). `.ci/run` runs this when ../shared exists.
import { defineConfig } from 'vitest/config'
import base from '../../vitest.config'

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['tests/sources/**/*.test.ts'],
    exclude: ['node_modules/**'],
    outputFile: { json: '.tmp/vitest-sources.json' },
  },
})
