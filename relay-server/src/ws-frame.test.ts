import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket, { WebSocketServer } from 'ws'
import { binaryFrame, keptBinaryFrame } from './ws-frame'

const servers: Server[] = []
afterEach(() => {
  for (const server of servers.splice(0)) server.close()
})

/** A ws server that hands over each accepted socket with the TCP stream under it, as the relay's upgrade does. */
const accepted = async (): Promise<{ server: WebSocket; wire: Duplex; client: WebSocket }> => {
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false })
  const http = createServer()
  servers.push(http)
  const upgraded = new Promise<{ server: WebSocket; wire: Duplex }>((done) =>
    http.on('upgrade', (request, wire: Duplex, head) =>
      wss.handleUpgrade(request, wire, head, (server) => done({ server, wire })),
    ),
  )
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done))
  const { port } = http.address() as AddressInfo
  const client = new WebSocket(`ws://127.0.0.1:${port}`)
  await new Promise((done) => client.once('open', done))
  return { ...(await upgraded), client }
}

const received = (client: WebSocket, count: number): Promise<Buffer[]> =>
  new Promise((done) => {
    const messages: Buffer[] = []
    client.on('message', (data: Buffer, isBinary: boolean) => {
      expect(isBinary).toBe(true)
      messages.push(data)
      if (messages.length === count) done(messages)
    })
  })

const payload = (length: number): Uint8Array => Uint8Array.from({ length }, (_, i) => (i * 31 + length) % 256)

describe('binaryFrame', () => {
  it('frames every payload length class so a stock client receives it intact', async () => {
    // The 7-bit, 16-bit and 64-bit length forms and their edges.
    const lengths = [0, 1, 125, 126, 65_535, 65_536, 1_000_000]
    const { wire, client } = await accepted()
    const messages = received(client, lengths.length)
    for (const length of lengths) wire.write(binaryFrame(payload(length)))
    expect((await messages).map((m) => Buffer.compare(m, payload(m.length)) === 0 && m.length)).toEqual(
      lengths,
    )
    client.close()
  })

  it('frames a kept frame byte for byte alike, in memory of its own so it pins no pool slab', () => {
    for (const length of [0, 5, 125, 126, 4_000, 70_000]) {
      const kept = keptBinaryFrame(payload(length))
      expect(Buffer.compare(kept, binaryFrame(payload(length)))).toBe(0)
      expect(kept.buffer.byteLength).toBe(kept.byteLength)
    }
    // The shared pool is what a kept frame avoids: a small frame from it sits in a larger buffer.
    expect(binaryFrame(payload(5)).buffer.byteLength).toBeGreaterThan(7)
  })

  it('interleaves with frames ws writes itself, in the order they were written', async () => {
    const { server, wire, client } = await accepted()
    const pinged = new Promise((done) => client.once('ping', done))
    const messages = received(client, 3)
    wire.write(binaryFrame(payload(10)))
    server.ping()
    server.send(payload(200))
    wire.write(binaryFrame(payload(70_000)))
    await pinged
    expect((await messages).map((m) => m.length)).toEqual([10, 200, 70_000])
    client.close()
  })
})
