import { describeValue, KapLiteratureError } from './errors'

/**
 * The form every entry reads an id, a style key or a topic in: without surrounding spaces, in lower case
 * (`' Dore-2019 '` → `'dore-2019'`). Every shipped id is lower case, so an id typed with capitals or pasted with spaces
 * names the same record in `getStudy`, the citation entries, `evidenceMap`, the JSON-LD and the command line.
 * @internal
 */
export function idForm(id: string): string {
  return id.trim().toLowerCase()
}

/**
 * Levenshtein edit distance between two strings.
 * @internal
 */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1))
      diagonal = above
    }
  }
  return row[b.length]!
}

/**
 * The candidate closest to `value` by edit distance; when none is reasonably close, the first candidate that contains
 * `value` (of three characters or more), so a shortened id such as `without-therapy` still gets a suggestion; else
 * `undefined`. Ties go to the earlier candidate, so results are stable for a sorted candidate list.
 * @internal
 */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  const needle = value.toLowerCase().slice(0, 200)
  let best: string | undefined
  let bestDistance = Infinity
  let containing: string | undefined
  for (const candidate of candidates) {
    const d = editDistance(needle, candidate)
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
    if (containing === undefined && needle.length > 2 && candidate.includes(needle)) containing = candidate
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(needle.length / 2)) ? best : containing
}

/**
 * The ids in `value` when it holds several known ids joined by separators the caller does not read
 * ("dore-2019;wilkinson-2021", "dore-2019 wilkinson-2021"), so that its error can say how to give them instead of
 * suggesting one of them (which would drop the others); else `undefined`.
 * @param known - whether an id (in {@link idForm}) is one the caller takes
 * @internal
 */
export function joinedIds(value: string, known: (id: string) => boolean): string[] | undefined {
  const parts = value
    .split(/[\s,;]+/)
    .filter((p) => p !== '')
    .map(idForm)
  return parts.length > 1 && parts.every(known) ? parts : undefined
}

/**
 * Rejects an options object with a key the function does not take (a misspelt key such as `stlye` would otherwise be
 * ignored silently): a `KapLiteratureError` `INVALID_ARGUMENT` naming the key, the closest known key ("did you mean")
 * as `hint`, and the known keys. The one check every entry uses.
 * @param fn - the function's name, for the message
 * @param options - the options object (already known to be an object)
 * @param allowed - the keys the function takes
 * @internal
 */
export function checkOptionKeys(fn: string, options: object, allowed: readonly string[]): void {
  for (const key of Object.keys(options)) {
    if (allowed.includes(key)) continue
    const hint = closest(key, allowed)
    throw new KapLiteratureError(
      'INVALID_ARGUMENT',
      `${fn}: unknown option ${describeValue(key)}${hint === undefined ? '' : ` (did you mean "${hint}"?)`}; the options are ${allowed.join(', ')}`,
      { value: key, hint: hint ?? `use one of ${allowed.join(', ')}` },
    )
  }
}

/**
 * Edit distance between `a` and `b` counting insertions, deletions, substitutions and swaps of neighbouring letters
 * (optimal string alignment), or `limit + 1` as soon as it is known to exceed `limit`.
 * @internal
 */
export function boundedDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  let before: number[] = []
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let v = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2]! + 1)
      current.push(v)
      if (v < rowMin) rowMin = v
    }
    if (rowMin > limit) return limit + 1
    before = previous
    previous = current
  }
  return Math.min(previous[b.length]!, limit + 1)
}
