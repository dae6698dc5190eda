import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Writes the tsconfig.json of a consumer project that type-checks `files` against the package as a user would: strict,
 * no emit, the package's own declaration files checked (`skipLibCheck: false`), no ambient types; `options` adds or
 * overrides compiler options (`module`, `moduleResolution`, `lib`, …).
 */
export function writeConsumerTsconfig(
  dir: string,
  files: readonly string[],
  options: Readonly<Record<string, unknown>>,
): void {
  const compilerOptions = { strict: true, noEmit: true, skipLibCheck: false, target: 'es2022', types: [], ...options }
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files }))
}
