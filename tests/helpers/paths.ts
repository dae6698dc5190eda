import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The project root. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
/** The read-only shared folder beside the project. */
export const shared = resolve(root, '..', 'shared')
/** The built package output. */
export const dist = join(root, 'dist')
