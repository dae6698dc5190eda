import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The project root. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
/** Official CSL files the tests compare against, vendored with their licences (tests/fixtures/reference/README.md). */
export const reference = join(root, 'tests', 'fixtures', 'reference')
/** The built package output. */
export const dist = join(root, 'dist')
