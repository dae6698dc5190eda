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

/**
 * The UTF-16 byte order of text without a byte-order mark, from where its NUL bytes fall: text mostly in Latin
 * script has a NUL in one half of most code units, always the same half (the high byte: odd offsets in little-endian,
 * even in big-endian). Binary files have NULs at both parities. Looks at the first 64 KiB only.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 64 * 1024) & ~1
  if (n < 2 || bytes.length % 2 !== 0) return undefined
  let even = 0
  let odd = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++
    if (bytes[i + 1] === 0) odd++
  }
  const units = n / 2
  // At least a third of the code units have a NUL half, and every NUL lies in the same half.
  if (odd >= units / 3 && even === 0) return 'utf-16le'
  if (even >= units / 3 && odd === 0) return 'utf-16be'
  return undefined
}

/**
 * Decodes a draft: UTF-8 (with or without a byte-order mark), or UTF-16 with a byte-order mark, or UTF-16 without one
 * when its NUL bytes say so (Windows tools such as Notepad and PowerShell's `>` save UTF-16). The size limit has
 * already been applied to the bytes, so decoded UTF-16 text is at most half as many characters as the limit.
 * @param shown - the name to use in messages
 * @throws InputError for UTF-32, a binary file (NUL bytes that are not UTF-16) or bytes that are not valid text
 */
function decode(bytes: Uint8Array, shown: string): string {
  const [b0, b1, b2, b3] = bytes
  if ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) || (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff))
    throw new InputError(`${shown} is UTF-32 text; save it as UTF-8 (or UTF-16) Markdown or plain text`)
  const bom = b0 === 0xff && b1 === 0xfe ? 'utf-16le' : b0 === 0xfe && b1 === 0xff ? 'utf-16be' : undefined
  const encoding = bom ?? (bytes.includes(0) ? utf16WithoutBom(bytes) : 'utf-8')
  if (encoding === undefined)
    throw new InputError(
      `${shown} looks like a binary file (it contains NUL bytes); check reads Markdown or plain text, so export ` +
        `your document as .md or .txt first`,
    )
  let text: string
  try {
    // The decoder drops a leading byte-order mark of its own encoding.
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes)
  } catch {
    if (encoding === 'utf-8')
      throw new InputError(`${shown} is not UTF-8 text; save it as UTF-8 Markdown or plain text`)
    const why = bytes.length % 2 === 1 ? 'an odd number of bytes' : 'a broken character'
    throw new InputError(
      `${shown} looks like UTF-16 text but is not valid UTF-16 (${why}); save it as UTF-8 Markdown or plain text`,
    )
  }
  // UTF-16 found by its NULs alone must also read as text: control characters other than whitespace mean binary data.
  const binary =
    encoding === 'utf-8'
      ? undefined
      : text.includes('\u0000')
        ? 'NUL characters'
        : bom === undefined && /[\u0001-\u0008\u000e-\u001f]/.test(text)
          ? 'control characters'
          : undefined
  if (binary !== undefined)
    throw new InputError(
      `${shown} looks like a binary file (it contains ${binary}); check reads Markdown or plain text, so export ` +
        `your document as .md or .txt first`,
    )
  return text
}

function cannotRead(path: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code
  // A name that is not UTF-8 reaches Node with U+FFFD in place of its bytes, so no file of that name is found.
  if ((code === 'ENOENT' || code === 'ENOTDIR') && path.includes('\ufffd'))
    return new InputError(
      `cannot read ${quote(path)}: its name is not UTF-8 text, which cannot be passed on; rename the file, or pipe it: check - < file`,
    )
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return new InputError(`cannot read ${quote(path)}: no such file; check the path`)
  if (code === 'EACCES' || code === 'EPERM') return new InputError(`cannot read ${quote(path)}: permission denied`)
  if (code === 'EISDIR') return new InputError(`${quote(path)} is a directory; give a Markdown or text file`)
  return new InputError(`cannot read ${quote(path)} (${code ?? 'unknown error'})`)
}

/**
 * Reads a text file, or standard input for `-`, and checks that it is non-empty UTF-8 or UTF-16 text of at most
 * {@link MAX_INPUT_BYTES} bytes. Bytes are counted while reading, from files of any kind and from standard input, and
 * reading stops at the limit: `/dev/zero`, an endless pipe or a 1 GB file costs no more than 5 MB.
 * @returns the name to show (`<stdin>` for standard input) and the text, without a byte-order mark
 * @throws InputError with a one-line message saying what to do
 */
export async function readText(path: string, io: Io): Promise<{ name: string; text: string }> {
  let bytes: Uint8Array
  let name: string
  // Standard input from a terminal would wait for typing: said at once, whether it is named `-` or by its device file.
  if (io.stdinIsTTY && (path === '-' || path === '/dev/stdin' || path === '/dev/fd/0'))
    throw new InputError(
      'nothing is piped to standard input; use kap-literature check - < draft.md, or give a file name',
    )
  if (path === '-') {
    name = '<stdin>'
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
  const shown = name === '<stdin>' ? 'standard input' : quote(name)
  let text = decode(bytes, shown)
  text = text.replace(/^\uFEFF/, '')
  if (text.trim() === '') throw new InputError(`${shown} contains only whitespace; nothing to check`)
  return { name, text }
}
