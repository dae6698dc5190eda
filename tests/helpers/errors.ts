import { isKapLiteratureError, type KapLiteratureError } from '../../src/index'

/** Runs `fn` and returns the KapLiteratureError it throws; fails when it throws anything else or nothing. */
export function kapError(fn: () => unknown): KapLiteratureError {
  try {
    fn()
  } catch (e) {
    if (isKapLiteratureError(e)) return e
    throw new Error(`expected a KapLiteratureError, got ${String(e)}`)
  }
  throw new Error('expected a KapLiteratureError, got no error')
}
