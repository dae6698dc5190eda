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

/** Hashes of every run of {@link RUN_LENGTH} consecutive words in `text`. */
export function runHashes(text: string): string[] {
  const w = words(text)
  const out: string[] = []
  for (let i = 0; i + RUN_LENGTH <= w.length; i++) out.push(hashRun(w.slice(i, i + RUN_LENGTH).join(' ')))
  return out
}
