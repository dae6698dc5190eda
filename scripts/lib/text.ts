/** Walks every string in a value, calling `visit` with its dotted path. */
export function eachString(value: unknown, visit: (path: string, text: string) => void, path = ''): void {
  if (typeof value === 'string') visit(path, value)
  else if (Array.isArray(value)) value.forEach((v, i) => eachString(v, visit, `${path}[${i}]`))
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) eachString(v, visit, path === '' ? k : `${path}.${k}`)
  }
}

/** Escapes the characters that have a meaning in a regular expression, so `text` matches only itself. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
