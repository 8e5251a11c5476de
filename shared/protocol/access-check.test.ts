import { describe, expect, it } from 'vitest'
import { accessCheckUrl, roomRequestOf } from './access-check'

describe('the access check route', () => {
  it('asks the relay behind a WebSocket address over HTTP, with the room and the token encoded', () => {
    expect(accessCheckUrl('wss://relay.example.com/chorus/', 'team:t1', 'a.b+c')).toBe(
      'https://relay.example.com/chorus/access/team%3At1?token=a.b%2Bc',
    )
    expect(accessCheckUrl('ws://127.0.0.1:1234', 'c1/review', 't')).toBe(
      'http://127.0.0.1:1234/access/c1%2Freview?token=t',
    )
  })

  it('turns a check back into the room request the upgrade would have seen', () => {
    expect(roomRequestOf('/access/team%3At1?token=a.b%2Bc')).toBe('/team%3At1?token=a.b%2Bc')
    expect(roomRequestOf('/access/c1%2Freview')).toBe('/c1%2Freview')
    expect(roomRequestOf('/media/c1/missing?token=t')).toBeNull()
    expect(roomRequestOf('/c1?token=t')).toBeNull()
  })
})
