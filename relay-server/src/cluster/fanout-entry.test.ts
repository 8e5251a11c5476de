import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { decodeFanoutEntry, encodeFanoutEntry, type FanoutMessage } from './fanout-entry'

const instance = randomUUID()

describe('fan-out messages', () => {
  it('carry an update and presence across as they were sent, with the sender', () => {
    const messages: FanoutMessage[] = [
      { kind: 'update', seq: 1, update: new Uint8Array([1, 2, 3]) },
      { kind: 'update', seq: Number.MAX_SAFE_INTEGER, update: new Uint8Array(70_000).fill(7) },
      {
        kind: 'presence',
        entries: [
          { clientId: 42, clock: 3, json: '{"user":{"name":"Zoë ✓"}}', owner: 'zoe' },
          { clientId: 43, clock: 1, json: null, owner: 'rita' },
        ],
      },
    ]
    for (const message of messages)
      expect(decodeFanoutEntry(encodeFanoutEntry(instance, message))).toEqual({ instance, message })
  })

  it('are refused when no relay of ours wrote them', () => {
    const update = encodeFanoutEntry(instance, { kind: 'update', seq: 5, update: new Uint8Array([1]) })
    const zeroSeq = Buffer.from(update)
    zeroSeq.fill(0, 37, 45)
    const presence = (json: string) => Buffer.concat([Buffer.from(`p${instance}`), Buffer.from(json)])
    for (const bytes of [
      Buffer.from(''),
      Buffer.from('hello world'),
      update.subarray(0, 40),
      zeroSeq,
      Buffer.concat([Buffer.from('x'), update.subarray(1)]),
      presence('{"not":"a list"}'),
      presence('[{"clientId":1}]'),
      presence('[{'),
    ])
      expect(decodeFanoutEntry(bytes)).toBeNull()
  })
})
