import { describe, expect, it } from 'vitest'
import { classifyFailure } from './media-failure'

const refused = (status: number) => ({ kind: 'refused', status, reason: '' }) as const

describe('classifyFailure', () => {
  it('retries what waiting can change: an unreachable relay, 5xx, 429, a download not uploaded yet', () => {
    expect(classifyFailure('ask', { kind: 'unreachable', reason: 'offline' })).toMatchObject({
      retry: true,
      log: 'unreachable',
    })
    for (const status of [500, 503, 429]) expect(classifyFailure('upload', refused(status)).retry).toBe(true)
    expect(classifyFailure('download', refused(404))).toEqual({
      retry: true,
      stopUploads: false,
      refuseBlob: false,
      log: null,
    })
  })

  it('gives up on answers that will not change', () => {
    expect(classifyFailure('download', refused(401)).retry).toBe(false)
    expect(classifyFailure('ask', refused(400)).retry).toBe(false)
    expect(classifyFailure('upload', refused(404))).toMatchObject({ retry: false, log: 'refused' })
  })

  it('stops uploads on 403 and never re-sends a blob the relay refused for what it is', () => {
    expect(classifyFailure('upload', refused(403))).toMatchObject({ retry: false, stopUploads: true })
    expect(classifyFailure('download', refused(403))).toMatchObject({ retry: false, stopUploads: false })
    for (const status of [413, 415, 422])
      expect(classifyFailure('upload', refused(status))).toMatchObject({ retry: false, refuseBlob: true })
    expect(classifyFailure('download', refused(415)).refuseBlob).toBe(false)
  })
})
