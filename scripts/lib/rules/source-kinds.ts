import { DERIVED_FIELDS } from './field-provenance.ts'
import { cslOf, type Finding, type RecordRule } from './rule.ts'

/** The kinds of verification page (`verification.sources[].kind`), strongest first. */
export const SOURCE_KINDS = ['publisher', 'index', 'registry', 'repository', 'mirror', 'secondary'] as const

/** One verification source as the rule reads it. */
interface SourceLike {
  url?: unknown
  kind?: unknown
  fields?: unknown
  secondaryFields?: unknown
  independentOf?: unknown
}

/**
 * The ways a source confirms fields: as its own kind for `fields`, and as a secondary page for `secondaryFields` (the
 * fields a registry citation the sponsor typed prints besides its identifiers; docs/data-policy.md, kind `registry`).
 */
function viewsOf(s: SourceLike): SourceLike[] {
  const extra = secondaryFieldsOf(s)
  return extra.length === 0 ? [s] : [s, { ...s, kind: 'secondary', fields: extra }]
}

/** A source's `secondaryFields`, or none. */
function secondaryFieldsOf(s: SourceLike): readonly unknown[] {
  return Array.isArray(s.secondaryFields) ? s.secondaryFields : []
}

/** Second-level labels under which a registrable name takes three labels (`dntb.gov.ua`, `pusan.ac.kr`). */
const SECOND_LEVEL = new Set(['ac', 'co', 'com', 'edu', 'gov', 'net', 'org', 'nhs', 'nih'])

/** Hosts where each account publishes its own material: there the site is the host plus the account. */
const ACCOUNT_HOSTS = new Set([
  'github.com',
  'raw.githubusercontent.com',
  'gitlab.com',
  'bitbucket.org',
  'codeberg.org',
])

/**
 * The site a URL belongs to, for telling independent pages apart: `qa00.mdedge.com` and `www.mdedge.com` are one site;
 * on a code host each account is its own site (`github.com/alice` and `github.com/bob` are independent authors).
 * @param url - an absolute URL
 */
export function siteOf(url: string): string {
  let host: string
  let path: string
  try {
    const u = new URL(url)
    host = u.hostname.toLowerCase()
    path = u.pathname
  } catch {
    return url
  }
  if (ACCOUNT_HOSTS.has(host.replace(/^www\./, ''))) {
    const account = path.split('/').filter(Boolean)[0]?.toLowerCase()
    return account === undefined
      ? host.replace(/^www\./, '')
      : `${host.replace(/^www\./, '').replace('raw.githubusercontent.com', 'github.com')}/${account}`
  }
  const labels = host.split('.')
  const take = labels.length >= 3 && labels.at(-1)!.length === 2 && SECOND_LEVEL.has(labels.at(-2)!) ? 3 : 2
  return labels.slice(-take).join('.')
}

/**
 * Sites whose record pages republish PubMed records (title, authors, citation line, PMID). A secondary page there is a
 * copy of the PubMed feed, so it must say so (`independentOf: pubmed`): two such pages never confirm a field together.
 */
const PUBMED_REPUBLISHERS = new Set(['qxmd.com', 'litmetric.com', 'metajournal.com'])

/** Whether two secondary pages count as independent: different sites, and neither declared a copy of the other or of one shared feed. */
function independent(a: SourceLike, b: SourceLike): boolean {
  const sa = siteOf(String(a.url))
  const sb = siteOf(String(b.url))
  if (sa === sb) return false
  const ca = typeof a.independentOf === 'string' ? a.independentOf.toLowerCase() : undefined
  const cb = typeof b.independentOf === 'string' ? b.independentOf.toLowerCase() : undefined
  if (ca !== undefined && (ca === cb || ca === sb)) return false
  if (cb !== undefined && cb === sa) return false
  return true
}

/**
 * What each kind of page may confirm (docs/data-policy.md, "Kinds of page"): a publisher, index, registry, repository or
 * mirror page confirms a field on its own; a secondary page (blog, aggregator, another paper's reference list) confirms a
 * field only together with a second, independent secondary page. Only a mirror (a verbatim copy of an index record) may be
 * served over plain http; `https-urls` enforces that half.
 */
export const sourceKinds: RecordRule = {
  name: 'source-kinds',
  kinds: ['study', 'source'],
  check(record) {
    const given = ((record.verification as { sources?: SourceLike[] } | undefined)?.sources ?? []).filter(
      (s) => typeof s === 'object' && s !== null,
    )
    const sources = given.flatMap(viewsOf)
    const csl = cslOf(record)
    const fields = [
      ...Object.keys(csl).filter((f) => !DERIVED_FIELDS.has(f)),
      ...(Array.isArray(record.registrations) && record.registrations.length > 0 ? ['registrations'] : []),
    ]
    const out: Finding[] = []
    given.forEach((s, i) => {
      const extra = secondaryFieldsOf(s)
      if (extra.length === 0) return
      if (s.kind === 'secondary') {
        out.push({
          field: `verification.sources[${i}].secondaryFields`,
          message: 'is set on a secondary page, which confirms every field only as a secondary page.',
          fix: 'Move those fields into fields.',
        })
      }
      const both = extra.filter((f) => Array.isArray(s.fields) && s.fields.includes(f))
      if (both.length > 0) {
        out.push({
          field: `verification.sources[${i}].secondaryFields`,
          message: `names ${both.map((f) => `"${String(f)}"`).join(', ')}, also in fields: a page confirms a field one way.`,
          fix: 'Keep each field in fields (the page confirms it on its own) or in secondaryFields (it needs a second page).',
        })
      }
    })
    for (const s of given) {
      const site = siteOf(String(s.url))
      if (
        s.kind === 'secondary' &&
        PUBMED_REPUBLISHERS.has(site) &&
        String(s.independentOf).toLowerCase() !== 'pubmed'
      ) {
        out.push({
          field: 'verification.sources',
          message: `lists a page of ${site}, which republishes PubMed records, without independentOf: pubmed.`,
          fix: 'Add independentOf: pubmed to that source (or, for a verbatim copy of the whole PubMed record, kind: mirror).',
        })
      }
    }
    for (const field of fields.sort()) {
      const confirming = sources.filter((s) => Array.isArray(s.fields) && s.fields.includes(field))
      if (confirming.length === 0 || confirming.some((s) => s.kind !== 'secondary')) continue
      const pairFound = confirming.some((a, i) => confirming.slice(i + 1).some((b) => independent(a, b)))
      if (!pairFound) {
        const where = confirming.map((s) => siteOf(String(s.url))).join(', ')
        out.push({
          field: `csl.${field}`.replace('csl.registrations', 'registrations'),
          message: `is confirmed only by secondary pages (${where}) without a second, independent one that agrees.`,
          fix:
            'Find a publisher, index (PubMed, PMC, Europe PMC, Crossref), registry, repository or mirror page that ' +
            'shows it, or a second independent secondary page; otherwise remove the field and list it under verification.missing.',
        })
      }
    }
    return out
  },
}
