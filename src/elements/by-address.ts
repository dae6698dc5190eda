// The script-tag build's loader of the files beside the script (styles/, claims/, details/claim/): each by its
// address, once, through the elements' loader (retries, `LOAD_FAILED` naming the file).
import type { Lazy } from './style-source'

/** Loads a module beside the script under `what`, once, and gives its default export. */
export type ByAddress = <T>(what: string, path: string) => Promise<T>

/**
 * The loader of files beside the script.
 * @param lazy - the elements' loader
 * @returns a function that loads `path`, relative to the script, once
 * @internal
 */
export function byAddress(lazy: Lazy): ByAddress {
  const files = new Map<string, () => Promise<unknown>>()
  return (what, path) => {
    let load = files.get(path)
    if (load === undefined) {
      const url = new URL(path, import.meta.url).href
      files.set(path, (load = lazy(what, () => import(/* @vite-ignore */ url), url)))
    }
    return load().then((m) => (m as { readonly default: never }).default)
  }
}
