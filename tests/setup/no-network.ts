/**
 * Test guard: any attempt to open a socket to, or resolve, anything but the loopback address fails the test.
 * Installed for every test file by vitest.config.ts (setupFiles).
 */
import dns from 'node:dns'
import net from 'node:net'

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '::ffff:127.0.0.1'])

/** The attempts the guard blocked in this worker, for assertions. */
export const blocked: string[] = []

function deny(what: string): never {
  blocked.push(what)
  throw new Error(`no-network guard: ${what} is not allowed in tests`)
}

const originalConnect = net.Socket.prototype.connect
net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const first = args[0]
  let host: unknown
  let path: unknown
  if (Array.isArray(first)) {
    const opts = first[0] as { host?: string; path?: string } | undefined
    host = opts?.host
    path = opts?.path
  } else if (first !== null && typeof first === 'object') {
    host = (first as { host?: string }).host
    path = (first as { path?: string }).path
  } else if (typeof first === 'string' && !/^\d+$/.test(first)) path = first
  else host = typeof args[1] === 'string' ? args[1] : 'localhost'
  if (path === undefined && !LOOPBACK.has(String(host ?? 'localhost'))) deny(`connect to ${String(host)}`)
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args)
} as typeof net.Socket.prototype.connect

const originalLookup = dns.lookup
;(dns as { lookup: unknown }).lookup = function guardedLookup(host: string, ...rest: unknown[]) {
  if (!LOOPBACK.has(host)) deny(`DNS lookup of ${host}`)
  return (originalLookup as (...a: unknown[]) => unknown)(host, ...rest)
}
const originalPromiseLookup = dns.promises.lookup
;(dns.promises as { lookup: unknown }).lookup = function guardedPromiseLookup(host: string, ...rest: unknown[]) {
  if (!LOOPBACK.has(host)) deny(`DNS lookup of ${host}`)
  return (originalPromiseLookup as (...a: unknown[]) => unknown)(host, ...rest)
}
for (const name of [
  'resolve',
  'resolve4',
  'resolve6',
  'resolveAny',
  'resolveTxt',
  'resolveMx',
  'resolveCname',
  'resolveSrv',
  'resolveNs',
] as const) {
  ;(dns as Record<string, unknown>)[name] = (host: string) => deny(`DNS ${name} of ${host}`)
  ;(dns.promises as Record<string, unknown>)[name] = (host: string) => deny(`DNS ${name} of ${host}`)
}
