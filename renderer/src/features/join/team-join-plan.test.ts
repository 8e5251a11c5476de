import { describe, expect, it } from 'vitest'
import type { TeamId } from '../../../../shared/team/types'
import { planTeamJoin } from './team-join-plan'

const teamId = 'sales' as TeamId
const invite = { relay: 'wss://relay.example.org', teamId, token: 'a.b.c' }
const row = (relayUrl: string, name?: string) => ({
  id: teamId,
  relayUrl,
  token: 'x.y.z',
  joinedAt: 1,
  ...(name === undefined ? {} : { name }),
})

describe('the team join plan', () => {
  it('says what joining changes: a new team, new access on the same relay, or a move to another relay', () => {
    expect(planTeamJoin(invite, undefined)).toMatchObject({
      relay: { host: 'relay.example.org', encrypted: true },
      team: { kind: 'new' },
      unencrypted: false,
    })
    expect(planTeamJoin(invite, row('wss://relay.example.org/', 'Sales'))?.team).toEqual({
      kind: 'same-relay',
      name: 'Sales',
    })
    expect(planTeamJoin(invite, row('ws://10.0.0.2:1234'))?.team).toEqual({
      kind: 'other-relay',
      name: 'sales',
      currentHost: '10.0.0.2:1234',
    })
  })

  it('warns about an unencrypted relay outside this machine and private networks', () => {
    expect(planTeamJoin({ ...invite, relay: 'ws://relay.example.org' }, undefined)?.unencrypted).toBe(true)
    expect(planTeamJoin({ ...invite, relay: 'ws://127.0.0.1:9' }, undefined)?.unencrypted).toBe(false)
  })
})
