import { createHash } from 'node:crypto'

/** Length of the word runs compared: ten or more shared consecutive words count as copying. */
export const RUN_LENGTH = 10

/** Lower-cases, strips accents and punctuation and splits into words, like the project's copy-check tool. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
}

/** Short sha256 of one run of words. */
export function hashRun(run: string): string {
  return createHash('sha256').update(run).digest('hex').slice(0, 16)
}

/** Length of the word runs compared against the abstracts a curator read: eight shared consecutive words count as copying. */
export const ABSTRACT_RUN_LENGTH = 8

/** Hashes of every run of `length` (default {@link RUN_LENGTH}) consecutive words in `text`. */
export function runHashes(text: string, length = RUN_LENGTH): string[] {
  const w = words(text)
  const out: string[] = []
  for (let i = 0; i + length <= w.length; i++) out.push(hashRun(w.slice(i, i + length).join(' ')))
  return out
}

/** The runs of `length` words in `text` whose hashes are in `hashes`: the copied passages, as words. */
export function copiedRuns(text: string, hashes: ReadonlySet<string>, length: number): string[] {
  const w = words(text)
  const out: string[] = []
  for (let i = 0; i + length <= w.length; i++) {
    const run = w.slice(i, i + length).join(' ')
    if (hashes.has(hashRun(run))) out.push(run)
  }
  return out
}
