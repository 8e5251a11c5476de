import { describe, expect, it } from 'vitest'
import type { CourseId } from '../course/types'
import { mediaBlobUrl, mediaMissingUrl, parseMediaPath, relayHttpBase } from './media'

const HASH = 'ab'.repeat(32)

describe('media routes', () => {
  it('parses blob and missing paths, and tells other paths from malformed media paths', () => {
    expect(parseMediaPath(`/media/course_1/${HASH}`)).toEqual({
      kind: 'blob',
      courseId: 'course_1',
      hash: HASH,
    })
    expect(parseMediaPath('/media/course_1/missing')).toEqual({ kind: 'missing', courseId: 'course_1' })
    expect(parseMediaPath('/course_1')).toBeNull()
    expect(parseMediaPath('/healthz')).toBeNull()
    for (const bad of [
      `/media/course_1/${HASH.toUpperCase()}`,
      `/media/course_1/${HASH}/x`,
      `/media/bad%20id/${HASH}`,
      '/media/course_1',
      `/media//${HASH}`,
    ])
      expect(parseMediaPath(bad)).toEqual({ kind: 'invalid' })
  })

  it('maps the WebSocket address to the HTTP one on the same host, port and path', () => {
    expect(relayHttpBase('ws://127.0.0.1:1234')).toBe('http://127.0.0.1:1234')
    expect(relayHttpBase('wss://relay.example.org/chorus/')).toBe('https://relay.example.org/chorus')
    const course = 'c1' as CourseId
    expect(mediaBlobUrl('wss://r.example', course, HASH, 'a.b+c')).toBe(
      `https://r.example/media/c1/${HASH}?token=a.b%2Bc`,
    )
    expect(mediaMissingUrl('ws://r:1', course, 't')).toBe('http://r:1/media/c1/missing?token=t')
  })
})
