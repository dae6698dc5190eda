import { cslOf, type Finding, type RecordRule } from './rule.ts'

const URL_PATTERN = /^https:\/\/[^\s"<>'`]+$/

function checkUrl(field: string, value: unknown): Finding[] {
  if (typeof value === 'string' && URL_PATTERN.test(value)) {
    try {
      if (new URL(value).protocol === 'https:') return []
    } catch {
      /* reported below */
    }
  }
  return [{ field, message: `"${String(value)}" is not an https URL.`, fix: 'Use the https:// address of the page, without spaces or quotes.' }]
}

/** Every URL (`csl.URL` and each verification source) is an https address. */
export const httpsUrls: RecordRule = {
  name: 'https-urls',
  kinds: ['study', 'source'],
  check(record) {
    const out: Finding[] = []
    const url = cslOf(record).URL
    if (url !== undefined) out.push(...checkUrl('csl.URL', url))
    const sources = (record.verification as { sources?: { url?: unknown }[] } | undefined)?.sources ?? []
    sources.forEach((s, i) => out.push(...checkUrl(`verification.sources[${i}].url`, s.url)))
    return out
  },
}
