import { describe, expect, it } from 'vitest'
import type { CourseId } from '../../../../shared/course/types'
import { planJoin } from './join-plan'

const courseId = 'shared-course-1' as CourseId
const invite = { relay: 'wss://relay-b.example.org', courseId, token: 'a.b.c' }
const entry = { id: courseId, title: 'Rivers', createdAt: 1, updatedAt: 1 }
const linkTo = (relayUrl: string) => ({ courseId, relayUrl, token: 'x.y.z' })

describe('planJoin', () => {
  it('names a course new to this device by nothing but the invite', () => {
    expect(planJoin(invite, undefined, undefined)).toEqual({
      invite,
      relay: { host: 'relay-b.example.org', encrypted: true, privateNetwork: false },
      course: { kind: 'new' },
      unencrypted: false,
    })
  })

  it('tells a course on this device only from one shared through the same or another relay', () => {
    expect(planJoin(invite, entry, undefined)?.course).toEqual({ kind: 'local-only', title: 'Rivers' })
    expect(planJoin(invite, entry, linkTo('wss://relay-b.example.org/'))?.course).toEqual({
      kind: 'same-relay',
      title: 'Rivers',
    })
    expect(planJoin(invite, entry, linkTo('ws://127.0.0.1:4321'))?.course).toEqual({
      kind: 'other-relay',
      title: 'Rivers',
      currentHost: '127.0.0.1:4321',
    })
    // Another path on the same host is another relay.
    expect(planJoin(invite, entry, linkTo('wss://relay-b.example.org/other'))?.course.kind).toBe(
      'other-relay',
    )
  })

  it('warns about ws:// only outside loopback and private networks', () => {
    expect(planJoin({ ...invite, relay: 'ws://relay-b.example.org:8080' }, entry, undefined)).toMatchObject({
      relay: { host: 'relay-b.example.org:8080', encrypted: false },
      unencrypted: true,
    })
    expect(planJoin({ ...invite, relay: 'ws://192.168.1.5:8080' }, entry, undefined)?.unencrypted).toBe(false)
  })
})
