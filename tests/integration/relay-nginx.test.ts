/**
 * Two relay instances behind the real nginx running relay-server/deploy/nginx-chorus-relay.conf (see
 * nginx-server.ts): stock y-websocket clients sync through it, /healthz answers through it, and once the instance
 * serving a client is killed, connections through the same address reach the other one. Each instance has its own
 * SQLite store here: what is tested is the proxy, not the shared store.
 */
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { startNginx, NGINX_EXAMPLE, type NginxServer } from './nginx-server'
import {
  connectClient,
  destroyClients,
  health,
  killRelays,
  openRaw,
  startRelay,
  waitFor,
  type RelayProcess,
} from './relay-harness'

const proxies = new Set<NginxServer>()
const proxy = async (...args: Parameters<typeof startNginx>): Promise<NginxServer> => {
  const server = await startNginx(...args)
  proxies.add(server)
  return server
}

afterEach(async () => {
  destroyClients()
  await Promise.all([...proxies].map((server) => server.stop()))
  proxies.clear()
  await killRelays()
})

const connections = async (relay: RelayProcess): Promise<number> =>
  Number((await health(relay.url)).connections)

/** Opens a bare WebSocket and closes it again: 'open', or the HTTP status of a refused upgrade. */
const upgrade = async (url: string): Promise<'open' | number | undefined> => {
  const raw = openRaw(url, 'course-nginx', null)
  const outcome = await Promise.race([
    raw.opened.then(() => 'open' as const),
    raw.ended.then((ended) => ended.status),
  ])
  raw.ws.terminate()
  return outcome
}

const twoRelays = (): Promise<RelayProcess[]> =>
  Promise.all([startRelay({ args: ['--open'] }), startRelay({ args: ['--open'] })])

describe('relay instances behind nginx (relay-server/deploy/nginx-chorus-relay.conf)', () => {
  it('syncs stock clients, answers /healthz and fails over to the other instance', async () => {
    const relays = await twoRelays()
    const nginx = await proxy(relays.map((relay) => relay.port))
    expect(await health(nginx.url)).toMatchObject({ status: 'ok' })

    const proxied = connectClient(nginx.url, 'course-nginx', null)
    await waitFor(() => proxied.provider.synced, 10_000, 'a WebSocket sync through nginx')
    const counts = await Promise.all(relays.map(connections))
    const servingIndex = counts.indexOf(1)
    const [serving, other] = [relays[servingIndex], relays[1 - servingIndex]]
    if (serving === undefined || other === undefined) throw new Error(`no single relay serves it: ${counts}`)
    // Each instance keeps its own store here, so the other end of the sync connects to the same one directly.
    const direct = connectClient(serving.url, 'course-nginx', null)
    await direct.synced()
    proxied.text.insert(0, 'through nginx')
    await waitFor(() => direct.text.toString() === 'through nginx', 10_000, 'the update from nginx')
    direct.text.insert(0, 'and back ')
    await waitFor(() => proxied.text.toString() === 'and back through nginx', 10_000, 'the update to nginx')
    direct.destroy()

    await serving.kill()
    // New connections through the same address reach the survivor: whichever first tries the dead instance is
    // passed on to the next (nginx logs the refusal), and none gets a 502.
    for (let attempt = 0; attempt < 4; attempt++) expect(await upgrade(nginx.url)).toBe('open')
    const late = connectClient(nginx.url, 'course-nginx', null)
    await late.synced()
    expect(await health(nginx.url)).toMatchObject({ status: 'ok' })
    expect(nginx.logs().error).toMatch(
      /connect\(\) failed \(111: Connection refused\) while connecting to upstream/,
    )
    expect(nginx.logs().access).not.toMatch(/" 502 /)
    // The cut-off client reconnected through nginx by itself and gave the survivor what it had.
    await waitFor(() => late.text.toString() === 'and back through nginx', 10_000, 'the text on the survivor')
    expect(await connections(other)).toBe(2)
  })

  it('refuses the WebSocket upgrade with a config that does not pass Upgrade and Connection on', async () => {
    const example = readFileSync(NGINX_EXAMPLE, 'utf8')
    const withoutUpgrade = example.replace(/^\s*proxy_set_header (Upgrade|Connection) .*\n/gm, '')
    expect(withoutUpgrade).not.toBe(example)
    const relays = await twoRelays()
    const nginx = await proxy(
      relays.map((relay) => relay.port),
      { example: withoutUpgrade },
    )
    // The relay answers a plain GET of a room with 404, and nginx passes that on instead of a 101.
    expect(await upgrade(nginx.url)).toBe(404)
  })
})
