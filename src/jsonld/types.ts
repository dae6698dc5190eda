import type { ClaimId, SourceId, StudyId } from '../types'

/**
 * Any shipped record id that {@link toJsonLd} converts: a study, a claim or a source id.
 * @example
 * ```ts
 * import type { JsonLdRecordId } from 'kap-literature/jsonld'
 * const ids: JsonLdRecordId[] = ['dore-2019', 'without-therapy-ketamine-effects-fade-faster', 'samadhi-kap-vs-infusions']
 * ```
 */
export type JsonLdRecordId = StudyId | ClaimId | SourceId

/**
 * A JSON value inside a JSON-LD node: text, a number, a nested node or a list. Never `undefined` or `null`.
 * @example
 * ```ts
 * import type { JsonLdValue } from 'kap-literature/jsonld'
 * const v: JsonLdValue = { '@type': 'PropertyValue', propertyID: 'DOI', value: '10.1080/02791072.2019.1587556' }
 * ```
 */
export type JsonLdValue = string | number | boolean | JsonLdNode | JsonLdValue[]

/**
 * A JSON-LD node: a plain object of schema.org properties (`@type`, `name`, `author`, …). Every object returned is
 * freshly built, so adding your own properties (such as `url`) does not affect other calls.
 * @example
 * ```ts
 * import type { JsonLdNode } from 'kap-literature/jsonld'
 * const org: JsonLdNode = { '@type': 'Organization', name: 'kap-literature' }
 * ```
 */
export interface JsonLdNode {
  [property: string]: JsonLdValue
}

/**
 * One record as a top-level JSON-LD document: a node with `@context` set to `https://schema.org` and a `@type`.
 * @example
 * ```ts
 * import { toJsonLd, type JsonLdDocument } from 'kap-literature/jsonld'
 * const doc: JsonLdDocument = toJsonLd('dore-2019')
 * console.log(doc['@type']) // 'MedicalScholarlyArticle'
 * ```
 */
export interface JsonLdDocument extends JsonLdNode {
  '@context': 'https://schema.org'
  '@type': string
}

/**
 * Several records as one JSON-LD document: the nodes (without their own `@context`) in `@graph`, in the order asked for.
 * @example
 * ```ts
 * import { toJsonLd, type JsonLdGraph } from 'kap-literature/jsonld'
 * const graph: JsonLdGraph = toJsonLd(['dore-2019', 'grunebaum-2018'])
 * console.log(graph['@graph'].length) // 2
 * ```
 */
export interface JsonLdGraph extends JsonLdNode {
  '@context': 'https://schema.org'
  '@graph': JsonLdNode[]
}
