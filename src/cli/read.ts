import { closeSync, constants, openSync, readSync, statSync } from 'node:fs'
import { InputError, quote, type Io } from './io'

/** The largest draft `check` reads, in bytes (5 MiB). Reading stops as soon as more has arrived. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024

const MB = MAX_INPUT_BYTES / 1048576
const tooLarge = (what: string) => new InputError(`${what} is larger than ${MB} MB; check reads drafts up to ${MB} MB`)
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Reads at most `limit + 1` bytes from an async iterable of chunks (standard input), counting as it goes, so an
 * endless or huge stream is never read past the limit.
 * @returns the bytes read; longer than `limit` when the stream holds more
 */
export async function readLimited(chunks: AsyncIterable<Uint8Array | string>, limit: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = []
  let total = 0
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk
    parts.push(bytes)
    total += bytes.length
    if (total > limit) break
  }
  return Buffer.concat(parts)
}

/**
 * Reads a file of any kind (regular file, FIFO, device, /proc entry) up to `limit + 1` bytes. The size from stat is
 * not trusted (it is 0 for devices, FIFOs and /proc); bytes are counted while reading. The file is opened without
 * blocking, so a FIFO with no writer reads as empty instead of hanging; a FIFO whose writer is slow is waited for.
 */
async function readFileLimited(path: string, limit: number): Promise<Uint8Array> {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  try {
    const parts: Uint8Array[] = []
    const buffer = Buffer.alloc(64 * 1024)
    let total = 0
    for (;;) {
      let n: number
      try {
        n = readSync(fd, buffer, 0, buffer.length, null)
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code
        if (code === 'EAGAIN' || code === 'EWOULDBLOCK') {
          await sleep(10)
          continue
        }
        throw e
      }
      if (n === 0) break
      parts.push(Buffer.from(buffer.subarray(0, n)))
      total += n
      if (total > limit) break
    }
    return Buffer.concat(parts)
  } finally {
    closeSync(fd)
  }
}

function cannotRead(path: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return new InputError(`cannot read ${quote(path)}: no such file; check the path`)
  if (code === 'EACCES' || code === 'EPERM') return new InputError(`cannot read ${quote(path)}: permission denied`)
  if (code === 'EISDIR') return new InputError(`${quote(path)} is a directory; give a Markdown or text file`)
  return new InputError(`cannot read ${quote(path)} (${code ?? 'unknown error'})`)
}

/**
 * Reads a text file, or standard input for `-`, and checks that it is non-empty UTF-8 text of at most
 * {@link MAX_INPUT_BYTES} bytes. Bytes are counted while reading, from files of any kind and from standard input, and
 * reading stops at the limit: `/dev/zero`, an endless pipe or a 1 GB file costs no more than 5 MB.
 * @returns the name to show (`<stdin>` for standard input) and the text, without a byte-order mark
 * @throws InputError with a one-line message saying what to do
 */
export async function readText(path: string, io: Io): Promise<{ name: string; text: string }> {
  let bytes: Uint8Array
  let name: string
  if (path === '-') {
    name = '<stdin>'
    if (io.stdinIsTTY)
      throw new InputError(
        'nothing is piped to standard input; use kap-literature check - < draft.md, or give a file name',
      )
    bytes = await io.readStdin(MAX_INPUT_BYTES)
    if (bytes.length > MAX_INPUT_BYTES) throw tooLarge('standard input')
    if (bytes.length === 0)
      throw new InputError('standard input is empty; pipe a draft in, e.g. kap-literature check - < draft.md')
  } else {
    name = path
    try {
      if (statSync(path).isDirectory())
        throw new InputError(`${quote(path)} is a directory; give a Markdown or text file`)
      bytes = await readFileLimited(path, MAX_INPUT_BYTES)
    } catch (e) {
      if (e instanceof InputError) throw e
      throw cannotRead(path, e)
    }
    if (bytes.length > MAX_INPUT_BYTES) throw tooLarge(quote(path))
    if (bytes.length === 0) throw new InputError(`${quote(path)} is empty; nothing to check`)
  }
  if (bytes.includes(0))
    throw new InputError(
      `${name === '<stdin>' ? 'standard input' : quote(name)} looks like a binary file (it contains NUL bytes); check ` +
        `reads Markdown or plain text, so export your document as .md or .txt first`,
    )
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new InputError(
      `${name === '<stdin>' ? 'standard input' : quote(name)} is not UTF-8 text; save it as UTF-8 Markdown or plain text`,
    )
  }
  text = text.replace(/^\uFEFF/, '')
  if (text.trim() === '')
    throw new InputError(
      `${name === '<stdin>' ? 'standard input' : quote(name)} contains only whitespace; nothing to check`,
    )
  return { name, text }
}
