import { readFileSync, statSync } from 'node:fs'
import { InputError, quote, type Io } from './io'

/** The largest draft `check` reads. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024

/**
 * Reads a text file, or standard input for `-`, and checks that it is non-empty UTF-8 text.
 * @returns the name to show (`<stdin>` for standard input) and the text, without a byte-order mark
 * @throws InputError with a one-line message saying what to do
 */
export async function readText(path: string, io: Io): Promise<{ name: string; text: string }> {
  let bytes: Uint8Array
  let name: string
  if (path === '-') {
    name = '<stdin>'
    if (io.stdinIsTTY) throw new InputError('nothing is piped to standard input; use kap-literature check - < draft.md, or give a file name')
    bytes = await io.readStdin()
    if (bytes.length === 0) throw new InputError('standard input is empty; pipe a draft in, e.g. kap-literature check - < draft.md')
  } else {
    name = path
    let size: number
    try {
      const st = statSync(path)
      if (st.isDirectory()) throw new InputError(`${quote(path)} is a directory; give a Markdown or text file`)
      size = st.size
    } catch (e) {
      if (e instanceof InputError) throw e
      const code = (e as NodeJS.ErrnoException).code
      if (code === 'ENOENT' || code === 'ENOTDIR') throw new InputError(`cannot read ${quote(path)}: no such file; check the path`)
      if (code === 'EACCES' || code === 'EPERM') throw new InputError(`cannot read ${quote(path)}: permission denied`)
      throw new InputError(`cannot read ${quote(path)} (${code ?? 'unknown error'})`)
    }
    if (size > MAX_INPUT_BYTES) throw new InputError(`${quote(path)} is too large (${(size / 1048576).toFixed(1)} MB); check reads drafts up to ${MAX_INPUT_BYTES / 1048576} MB`)
    try {
      bytes = readFileSync(path)
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      throw new InputError(`cannot read ${quote(path)}${code === 'EACCES' ? ': permission denied' : ` (${code ?? 'unknown error'})`}`)
    }
    if (bytes.length === 0) throw new InputError(`${quote(path)} is empty; nothing to check`)
  }
  if (bytes.length > MAX_INPUT_BYTES) throw new InputError(`${name} is too large; check reads drafts up to ${MAX_INPUT_BYTES / 1048576} MB`)
  if (bytes.includes(0)) throw new InputError(`${name === '<stdin>' ? 'standard input' : quote(name)} looks like a binary file (it contains NUL bytes); check reads Markdown or plain text, so export your document as .md or .txt first`)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new InputError(`${name === '<stdin>' ? 'standard input' : quote(name)} is not UTF-8 text; save it as UTF-8 Markdown or plain text`)
  }
  text = text.replace(/^\uFEFF/, '')
  if (text.trim() === '') throw new InputError(`${name === '<stdin>' ? 'standard input' : quote(name)} contains only whitespace; nothing to check`)
  return { name, text }
}
