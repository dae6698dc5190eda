import dns from 'node:dns'
import net from 'node:net'
import { describe, expect, it } from 'vitest'
import { blocked } from '../setup/no-network'

describe('no-network guard', () => {
  it('refuses a socket to a non-loopback address', () => {
    expect(() => net.connect({ host: '93.184.216.34', port: 80 })).toThrow(/no-network guard/)
  })
  it('refuses DNS lookups of outside names', async () => {
    expect(() => dns.lookup('example.org', () => undefined)).toThrow(/no-network guard/)
    await expect(async () => dns.promises.lookup('example.org')).rejects.toThrow(/no-network guard/)
  })
  it('refuses fetch to an outside host, and it is the guard that refuses it (not an offline machine)', async () => {
    const before = blocked.length
    const error = (await fetch('https://doi.org/10.1080/02791072.2019.1587556').then(
      () => undefined,
      (e: unknown) => e,
    )) as (Error & { cause?: Error }) | undefined
    expect(error).toBeInstanceOf(Error)
    expect(`${error?.message} ${error?.cause?.message}`).toMatch(/no-network guard/)
    expect(blocked.slice(before).join(' ')).toMatch(/DNS lookup of doi\.org|connect to /)
  })
  it('allows loopback connections', async () => {
    const server = net.createServer((s) => s.end('ok'))
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const port = (server.address() as net.AddressInfo).port
    const text = await new Promise<string>((res, rej) => {
      const c = net.connect({ host: '127.0.0.1', port }, () => undefined)
      let buf = ''
      c.on('data', (d) => (buf += String(d)))
      c.on('end', () => res(buf))
      c.on('error', rej)
    })
    server.close()
    expect(text).toBe('ok')
  })
})
