/**
 * Structural checks shared by the JSON-LD tests: what every node we emit must satisfy, whatever record it came from.
 */
import { expect } from 'vitest'
import type { JsonLdNode, JsonLdValue } from '../../src/jsonld/index'

/** Paths of every `undefined`, `null`, blank string, empty list, non-finite number or non-plain object in a value. */
export function problems(value: unknown, path = '$'): string[] {
  if (value === undefined) return [`${path} is undefined`]
  if (value === null) return [`${path} is null`]
  if (typeof value === 'string') return value.trim() === '' ? [`${path} is a blank string`] : []
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} is ${value}`]
  if (typeof value === 'boolean') return []
  if (Array.isArray(value))
    return value.length === 0 ? [`${path} is an empty list`] : value.flatMap((v, i) => problems(v, `${path}[${i}]`))
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value)
    if (entries.length === 0) return [`${path} is an empty object`]
    return entries.flatMap(([k, v]) => problems(v, `${path}.${k}`))
  }
  return [`${path} is a ${typeof value}`]
}

/** Every value of a property anywhere in a tree (for URL checks). */
export function collect(value: unknown, key: string): JsonLdValue[] {
  if (Array.isArray(value)) return value.flatMap((v) => collect(v, key))
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [
      ...(k === key ? (Array.isArray(v) ? v : [v]) : []),
      ...collect(v, key),
    ])
  }
  return []
}

/** Asserts the invariants every emitted node keeps: clean values, typed nodes, https URLs, JSON-safe. */
export function expectWellFormed(node: JsonLdNode, label: string): void {
  expect(problems(node), label).toEqual([])
  expect(typeof node['@type'], `${label} @type`).toBe('string')
  expect(JSON.parse(JSON.stringify(node)), `${label} survives JSON`).toEqual(node)
  for (const key of ['url', 'sameAs', '@id']) {
    for (const url of collect(node, key)) {
      expect(typeof url, `${label} ${key}`).toBe('string')
      expect(() => new URL(url as string), `${label} ${key} ${String(url)}`).not.toThrow()
      expect(url as string, `${label} ${key}`).toMatch(/^https:\/\//)
    }
  }
  // every nested object is a typed node
  const walk = (v: unknown, path: string): void => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`))
    else if (v !== null && typeof v === 'object') {
      expect(typeof (v as JsonLdNode)['@type'], `${label} ${path} has @type`).toBe('string')
      for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`)
    }
  }
  walk(node, '$')
}
