/**
 * The relay's access check (GET /access/<room>?token=…) gives the WebSocket upgrade's own answer, status and reason,
 * where a browser can read it: that is how the app tells a wrong invite from an outage.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accessCheckUrl } from '../../shared/protocol/access-check'
import { killRelays, openRaw, startRelay, tokenFor, type RelayProcess } from './relay-harness'

const COURSE = 'accessCheckCourse1'
let relay: RelayProcess

beforeAll(async () => {
  relay = await startRelay()
})
afterAll(() => killRelays())

const check = async (room: string, token: string) => {
  const response = await fetch(accessCheckUrl(relay.url, room, token))
  return {
    status: response.status,
    cors: response.headers.get('access-control-allow-origin'),
    body: await response.json(),
  }
}

describe('the access check', () => {
  it('answers 200 for a token that opens the room, to any origin', async () => {
    const token = await tokenFor(COURSE, 'author')
    for (const room of [COURSE, `${COURSE}/review`, `${COURSE}/history`]) {
      expect(await check(room, token)).toEqual({ status: 200, cors: '*', body: { ok: true } })
    }
  })

  it('refuses exactly as the upgrade does: same status, same reason', async () => {
    const cases: [string, string][] = [
      [COURSE, 'not-a-jwt'],
      [COURSE, await tokenFor(COURSE, 'author', { secret: 'some-other-secret-which-is-also-32-chars-long' })],
      [COURSE, await tokenFor(COURSE, 'author', { nowSeconds: Math.floor(Date.now() / 1000) - 7200 })],
      [COURSE, await tokenFor('otherCourse', 'author')],
      [`${COURSE}/history`, await tokenFor(COURSE, 'learner')],
      ['not a room', await tokenFor(COURSE, 'author')],
    ]
    const statuses = new Set<number>()
    for (const [room, token] of cases) {
      const upgrade = await openRaw(relay.url, encodeURIComponent(room), token).ended
      const answer = await check(room, token)
      expect(upgrade.status, room).toBeGreaterThanOrEqual(400)
      expect(answer.status, room).toBe(upgrade.status)
      expect(answer.cors).toBe('*')
      expect(answer.body).toEqual({ ok: false, reason: upgrade.body?.trim() })
      statuses.add(answer.status)
    }
    expect([...statuses].sort()).toEqual([400, 401, 403])
  })

  it('answers a browser preflight, for an app served from a public origin reaching a relay on the LAN', async () => {
    const response = await fetch(accessCheckUrl(relay.url, COURSE, 'x'), {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example.com', 'access-control-request-method': 'GET' },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('access-control-allow-private-network')).toBe('true')
  })
})
