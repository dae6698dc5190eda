/**
 * DOI normalisation: a leaf shared by the data entry and search (which must not pull in the records).
 * @packageDocumentation
 */

/**
 * Normalises a DOI as written by people: trims, drops `https://doi.org/`, `dx.doi.org`, `doi:` and URL encoding, lower-cases.
 * Returns `undefined` for anything that is not a DOI, including a value that is not a string or is longer than 2,048
 * characters.
 * @param input - a DOI in any common form
 * @returns the bare lower-case DOI, or `undefined`
 * @example
 * ```ts
 * import { normalizeDoi } from 'kap-literature'
 * normalizeDoi('https://doi.org/10.1080/02791072.2019.1587556') // '10.1080/02791072.2019.1587556'
 * normalizeDoi('doi: 10.1176/APPI.AJP.2017.17060647') // '10.1176/appi.ajp.2017.17060647'
 * normalizeDoi('not a doi') // undefined
 * ```
 */
export function normalizeDoi(input: string): string | undefined {
  // Anything that is not a string is not a DOI either (documented: undefined); a DOI is never longer than this.
  if (typeof input !== 'string' || input.length > 2048) return undefined
  let s = input.trim()
  try {
    if (/%[0-9a-f]{2}/i.test(s)) s = decodeURIComponent(s)
  } catch {
    return undefined
  }
  s = s
    .replace(/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//i, '')
    .replace(/^doi:\s*/i, '')
    .trim()
  return /^10\.\d{4,9}\/[^\s"<>]+$/.test(s) ? s.toLowerCase() : undefined
}

/**
 * The DOI in a value written as a DOI, in its bare form (`10.…/…`) with its case kept: trims, drops `https://doi.org/`
 * (or `http://`, `dx.doi.org`, no scheme) and undoes that URL's percent-encoding, or drops `doi:`. Returns `undefined`
 * when what is left is not a DOI: `10.`, a registrant code (digits, possibly in dot-separated parts), `/` and a suffix
 * of at least one character, without whitespace (the DOI Handbook's syntax; `normalizeDoi` asks for 4 to 9 digits).
 * Unlike {@link normalizeDoi} it does not lower-case, so a DOI is printed as it was written.
 * @internal
 */
export function bareDoi(input: string): string | undefined {
  if (typeof input !== 'string' || input.length > 2048) return undefined
  let s = input.trim()
  const url = /^(?:https?:\/\/)?(?:dx\.)?doi\.org\//i.exec(s)
  if (url !== null) {
    s = s.slice(url[0].length)
    try {
      s = decodeURIComponent(s)
    } catch {
      return undefined
    }
  } else s = s.replace(/^doi:\s*/i, '')
  return /^10\.\d+(?:\.\d+)*\/\S+$/.test(s) ? s : undefined
}
