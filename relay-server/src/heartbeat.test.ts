import { describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/protocol/close-codes'
import { beat, HEARTBEAT_GRACE_MS, HEARTBEAT_SLICES, type Beating } from './heartbeat'

const NOW = 1_000_000
/** Opened long enough ago to be visited. */
const SETTLED = NOW - HEARTBEAT_GRACE_MS

/** A connection whose socket records what the heartbeat did to it. */
const connection = (id: number, expiresAt = NOW + 60_000, alive = true, openedAt = SETTLED) => {
  const done: string[] = []
  const c: Beating = {
    id,
    expiresAt,
    openedAt,
    alive,
    socket: {
      close: (code: number) => void done.push(`close ${code}`),
      terminate: () => void done.push('terminate'),
      ping: () => void done.push('ping'),
    },
  }
  return { c, done }
}

describe('heartbeat', () => {
  it('visits every connection exactly once over a full round of slices', () => {
    const all = Array.from({ length: 950 }, (_, i) => connection(i + 1))
    for (let slice = 0; slice < HEARTBEAT_SLICES; slice++) {
      const before = all.filter(({ done }) => done.length > 0).length
      beat(
        all.map(({ c }) => c),
        slice,
        NOW,
      )
      const visited = all.filter(({ done }) => done.length > 0).length - before
      // Spread evenly: no slice pings more than its share (rounded up).
      expect(visited).toBeLessThanOrEqual(Math.ceil(all.length / HEARTBEAT_SLICES))
    }
    expect(all.map(({ done }) => done)).toEqual(all.map(() => ['ping']))
    expect(all.every(({ c }) => !c.alive)).toBe(true)
  })

  it('closes expired tokens, terminates connections that missed the last ping, pings the rest', () => {
    const expired = connection(HEARTBEAT_SLICES, NOW - 1)
    const silent = connection(2 * HEARTBEAT_SLICES, NOW + 60_000, false)
    const healthy = connection(3 * HEARTBEAT_SLICES)
    beat([expired.c, silent.c, healthy.c], 0, NOW)
    expect(expired.done).toEqual([`close ${CloseCode.TokenExpired}`])
    expect(silent.done).toEqual(['terminate'])
    expect(healthy.done).toEqual(['ping'])
  })

  it('leaves connections opened within the grace period alone, even if their token has expired', () => {
    const fresh = connection(HEARTBEAT_SLICES, NOW - 1, false, SETTLED + 1)
    const settled = connection(2 * HEARTBEAT_SLICES, NOW + 60_000, true, SETTLED)
    beat([fresh.c, settled.c], 0, NOW)
    expect(fresh.done).toEqual([])
    expect(settled.done).toEqual(['ping'])
  })
})
