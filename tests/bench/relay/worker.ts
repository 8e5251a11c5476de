/**
 * A client process of the relay benchmark: stock y-websocket providers, as many as it is told, each with
 * its own Y.Doc. Writers append [writer, seq, sentAt, writer's instance] to a shared array; every other client
 * timestamps what arrives, apart for updates sent through another relay instance. `process.hrtime` is the system-wide monotonic clock, so sender and receiver times compare
 * across processes.
 */
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { ClientSpec, Envelope, ReplyEnvelope, Request, WritePlan } from './messages'

interface Client {
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  readonly entries: Y.Array<number[]>
  readonly instance: number
}

const CONNECTS_IN_FLIGHT = 50
// Every provider adds a process 'exit' listener; hundreds per process are expected here.
process.setMaxListeners(0)
const clients = new Map<number, Client>()
let received = 0
let latenciesMs: number[] = []
let crossLatenciesMs: number[] = []

const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6

const open = (url: string, spec: ClientSpec): Client => {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(url, spec.room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token: spec.token },
    disableBc: true,
  })
  const entries = doc.getArray<number[]>('bench')
  entries.observe((event, transaction) => {
    if (transaction.local) return
    const at = nowMs()
    for (const change of event.changes.delta) {
      for (const entry of (change.insert as number[][] | undefined) ?? []) {
        received++
        const latency = at - (entry[2] ?? at)
        if ((entry[3] ?? spec.instance) === spec.instance) latenciesMs.push(latency)
        else crossLatenciesMs.push(latency)
      }
    }
  })
  return { doc, provider, entries, instance: spec.instance }
}

const synced = (client: Client): Promise<void> =>
  client.provider.synced
    ? Promise.resolve()
    : new Promise((done) => client.provider.once('sync', (state: boolean) => state && done()))

const connect = async (
  urls: readonly string[],
  specs: readonly ClientSpec[],
): Promise<{ connectMs: number[] }> => {
  const connectMs: number[] = []
  let next = 0
  const lane = async (): Promise<void> => {
    while (next < specs.length) {
      const spec = specs[next++] as ClientSpec
      const started = nowMs()
      const url = urls[spec.instance]
      if (url === undefined) throw new Error(`no relay instance ${spec.instance}`)
      const client = open(url, spec)
      clients.set(spec.id, client)
      await synced(client)
      connectMs.push(nowMs() - started)
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONNECTS_IN_FLIGHT, specs.length) }, lane))
  return { connectMs }
}

const write = async (plans: readonly WritePlan[]): Promise<{ sent: number }> => {
  let sent = 0
  await Promise.all(
    plans.map(async (plan) => {
      const client = clients.get(plan.clientId)
      if (client === undefined) throw new Error(`no client ${plan.clientId}`)
      await new Promise((done) => setTimeout(done, plan.startDelayMs))
      for (let seq = 0; seq < plan.count; seq++) {
        client.entries.push([[plan.clientId, seq, nowMs(), client.instance]])
        sent++
        await new Promise((done) => setTimeout(done, plan.intervalMs))
      }
    }),
  )
  return { sent }
}

const seed = async (url: string, spec: ClientSpec, bytes: number): Promise<{ chars: number }> => {
  const client = open(url, spec)
  clients.set(spec.id, client)
  await synced(client)
  const paragraph =
    'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore. '
  const text = client.doc.getText('body')
  // Many separate inserts, like a document typed over time, not one big string.
  client.doc.transact(() => {
    while (text.length < bytes) text.insert(text.length, paragraph)
  })
  return { chars: text.length }
}

const join = async (
  url: string,
  spec: ClientSpec,
  expectChars: number,
): Promise<{ ms: number; complete: boolean }> => {
  const started = nowMs()
  const client = open(url, spec)
  await synced(client)
  const ms = nowMs() - started
  const complete = client.doc.getText('body').length === expectChars
  client.provider.destroy()
  client.doc.destroy()
  return { ms, complete }
}

const reset = (): Record<string, never> => {
  for (const client of clients.values()) {
    client.provider.destroy()
    client.doc.destroy()
  }
  clients.clear()
  received = 0
  latenciesMs = []
  crossLatenciesMs = []
  return {}
}

const handle = async (request: Request): Promise<unknown> => {
  switch (request.op) {
    case 'connect':
      return connect(request.urls, request.clients)
    case 'write':
      return write(request.plans)
    case 'received': {
      const result = { count: received, latenciesMs, crossLatenciesMs }
      latenciesMs = []
      crossLatenciesMs = []
      return result
    }
    case 'seed':
      return seed(request.url, request.client, request.bytes)
    case 'join':
      return join(request.url, request.client, request.expectChars)
    case 'reset':
      return reset()
    default:
      return request satisfies never
  }
}

process.on('message', (envelope: Envelope) => {
  handle(envelope.request).then(
    (value) => process.send?.({ id: envelope.id, ok: true, value } satisfies ReplyEnvelope),
    (error: unknown) =>
      process.send?.({ id: envelope.id, ok: false, error: String(error) } satisfies ReplyEnvelope),
  )
})
process.on('disconnect', () => process.exit(0))
