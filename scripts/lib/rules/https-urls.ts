import { cslOf, type Finding, type RecordRule } from './rule.ts'

const URL_PATTERN = /^https:\/\/[^\s"<>'`]+$/
const MIRROR_PATTERN = /^https?:\/\/[^\s"<>'`]+$/

function checkUrl(field: string, value: unknown, mirror = false): Finding[] {
  if (typeof value === 'string' && (mirror ? MIRROR_PATTERN : URL_PATTERN).test(value)) {
    try {
      const protocol = new URL(value).protocol
      if (protocol === 'https:' || (mirror && protocol === 'http:')) return []
    } catch {
      /* reported below */
    }
  }
  return [
    {
      field,
      message: `"${String(value)}" is not an https URL.`,
      fix: mirror
        ? 'Use the http(s):// address of the page, without spaces or quotes.'
        : 'Use the https:// address of the page, without spaces or quotes (only a page of kind `mirror` may be served over http).',
    },
  ]
}

/**
 * Every URL (`csl.URL` and each verification source) is an https address; a verification page of kind `mirror` (a
 * verbatim copy of an index record) may also be plain http.
 */
export const httpsUrls: RecordRule = {
  name: 'https-urls',
  kinds: ['study', 'source'],
  check(record) {
    const out: Finding[] = []
    const url = cslOf(record).URL
    if (url !== undefined) out.push(...checkUrl('csl.URL', url))
    const sources =
      (record.verification as { sources?: { url?: unknown; kind?: unknown }[] } | undefined)?.sources ?? []
    sources.forEach((s, i) => out.push(...checkUrl(`verification.sources[${i}].url`, s.url, s.kind === 'mirror')))
    return out
  },
}
