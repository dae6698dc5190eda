/**
 * Stable error codes. Callers may branch on them; they never change meaning between releases. `LIMIT_EXCEEDED`
 * means an input passed one of the documented limits (docs/limits.md): too long, too many items, or a style whose
 * macros expand too far. `LOAD_FAILED` means a file the web components load on demand (a style table, the search
 * index, a verdict note) could not be loaded: the visitor is offline, or the file is missing or broken on the server;
 * `value` is its address when the browser names it, and `cause` the browser's error.
 * @example
 * ```ts
 * const code: ErrorCode = 'UNKNOWN_ID'
 * ```
 */
export type ErrorCode =
  | 'UNKNOWN_ID'
  | 'INVALID_ARGUMENT'
  | 'INVALID_RECORD'
  | 'UNKNOWN_STYLE'
  | 'UNKNOWN_FORMAT'
  | 'FORMAT_VERSION_MISMATCH'
  | 'LIMIT_EXCEEDED'
  | 'LOAD_FAILED'

/**
 * Options for {@link KapLiteratureError}.
 * @example
 * ```ts
 * const options: KapLiteratureErrorOptions = { value: 'dore-2091', hint: 'dore-2019' }
 * ```
 */
export interface KapLiteratureErrorOptions {
  /** The bad value the caller passed. */
  value?: unknown
  /** A suggestion, such as the closest valid id. */
  hint?: string
  /** The underlying error, when wrapping a third-party one. */
  cause?: unknown
}

/** A registry-wide symbol: the ESM and CommonJS builds (two copies of the class in one process) share it. */
const BRAND = Symbol.for('kap-literature.error')

/**
 * The one error class kap-literature throws. `code` is stable; `message` starts with `kap-literature:`.
 * @example
 * ```ts
 * import { getStudy, KapLiteratureError } from 'kap-literature'
 * let hint: string | undefined
 * try {
 *   getStudy('dore-2091' as never)
 * } catch (e) {
 *   if (e instanceof KapLiteratureError && e.code === 'UNKNOWN_ID') hint = e.hint
 * }
 * hint // 'dore-2019'
 * ```
 */
export class KapLiteratureError extends Error {
  /** Stable machine-readable code. */
  readonly code: ErrorCode
  /** The bad value, if any. */
  readonly value: unknown
  /** A suggestion for the fix, if any. */
  readonly hint: string | undefined

  /**
   * @param code - stable error code
   * @param message - human-readable message, without the `kap-literature:` prefix
   * @param options - the bad value, a hint and a cause
   */
  constructor(code: ErrorCode, message: string, options: KapLiteratureErrorOptions = {}) {
    super(`kap-literature: ${message}`, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'KapLiteratureError'
    this.code = code
    this.value = options.value
    // Every refusal says what to give: a message that states the expectation ("formatReference expects one id, got
    // number 42") lends it as the hint when the call site gave none.
    this.hint = options.hint ?? /(.*?), got /s.exec(message)?.[1]
    // The brand isKapLiteratureError checks, hidden from enumeration and JSON.
    Object.defineProperty(this, BRAND, { value: true })
  }
}

/**
 * Whether a value is an error thrown by kap-literature, from whichever copy of the package: `instanceof` fails when
 * a process loads both the ESM and the CommonJS build (two classes), this does not. A type guard.
 * @param value - anything caught
 * @returns true for a {@link KapLiteratureError} of any copy of the package
 * @example
 * ```ts
 * import { getStudy, isKapLiteratureError } from 'kap-literature'
 * let code: string | undefined
 * try {
 *   getStudy('dore-2091' as never)
 * } catch (e) {
 *   if (isKapLiteratureError(e)) code = e.code
 * }
 * code // 'UNKNOWN_ID'
 * ```
 */
export function isKapLiteratureError(value: unknown): value is KapLiteratureError {
  // Total: a revoked Proxy (or one whose traps throw) makes `instanceof` throw; it is no error of ours.
  try {
    return (
      value instanceof KapLiteratureError ||
      (value instanceof Error && (value as unknown as Record<symbol, unknown>)[BRAND] === true)
    )
  } catch {
    return false
  }
}

/**
 * Renders a caller's value for an error message: strings quoted and shortened, other types named. Never prints the
 * word "undefined": a missing value is "nothing". Never throws, whatever the value (a revoked Proxy is "a revoked
 * proxy").
 * @internal
 */
export function describeValue(value: unknown): string {
  // Invisible format characters (bidi overrides, zero-width spaces) are shown as escapes: a right-to-left override
  // would reverse the rest of the message where it is displayed (review 29, the web components' error line).
  if (typeof value === 'string')
    return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value).replace(
      /\p{Cf}/gu,
      (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`,
    )
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (typeof value === 'function') return 'a function'
  if (typeof value === 'symbol') return 'a symbol'
  if (typeof value !== 'object') return `${typeof value} ${String(value)}`
  // Total: Array.isArray throws on a revoked Proxy.
  try {
    return Array.isArray(value) ? 'an array' : 'an object'
  } catch {
    return 'a revoked proxy'
  }
}

/**
 * The hint of a refusal that no input explains: what kap-literature or citation-js did wrong, to report.
 * @internal
 */
export const FAULT_HINT =
  'this is a fault of kap-literature or citation-js, not of the input: please report it with the records and style'

/**
 * `Array.isArray` of a caller's value, made total: on a revoked Proxy, where it (like every other operation but
 * `typeof`) throws a raw TypeError, the value is refused with `INVALID_ARGUMENT` naming `what` instead. Entry points
 * call it before they read an argument.
 * @internal
 */
export function isList(value: unknown, what: string): value is readonly unknown[] {
  try {
    return Array.isArray(value)
  } catch {
    throw new KapLiteratureError('INVALID_ARGUMENT', `${what} is a revoked proxy, which cannot be read`, {
      value,
      hint: 'pass plain data',
    })
  }
}

/**
 * An option that is on or off: `true`, `false` or left out (false); anything else, such as `'yes'` or `1`, is an
 * `INVALID_ARGUMENT` naming the option, never read as one or the other.
 * @internal
 */
export function flagOption(value: unknown, name: string): boolean {
  if (value !== undefined && typeof value !== 'boolean')
    throw new KapLiteratureError('INVALID_ARGUMENT', `options.${name} must be a boolean, got ${describeValue(value)}`, {
      value,
      hint: `${name}: true, or leave it out`,
    })
  return value === true
}

/**
 * The error for a shipped study kept as a lead (its authors, title or date could not be confirmed): it is never
 * formatted, exported or printed as a placeholder. One wording for the precomputed citations and the cite engine.
 * @internal
 */
export function notCitableError(id: string): KapLiteratureError {
  return new KapLiteratureError(
    'INVALID_RECORD',
    `record "${id}" cannot be cited: its authors, title or date could not be confirmed`,
    {
      value: id,
      hint: 'a lead; see its verification.missing',
    },
  )
}
