/**
 * Renders a caller's value for an error message: strings quoted and shortened, other types named. (The same rule
 * as the data entry's own; kept here so this entry imports the data entry only through its public index, which lets
 * the browser build import it as the package's `kap-literature` entry.)
 * @internal
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value)
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`
}
