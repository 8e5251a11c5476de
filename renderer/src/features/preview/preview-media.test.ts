import { describe, expect, it } from 'vitest'
import type { ContentNode } from '../../../../shared/course/content'
import { dataUrlMediaType, usedMediaHashes } from './preview-media'

const hash = (c: string) => c.repeat(64)

describe('usedMediaHashes', () => {
  it('finds images, videos and audio at any depth, once each', () => {
    const lesson: ContentNode = {
      type: 'doc',
      content: [
        { type: 'image', attrs: { hash: hash('a'), alt: '' } },
        { type: 'callout', content: [{ type: 'video', attrs: { hash: hash('b') } }] },
        { type: 'audio', attrs: { hash: hash('c') } },
      ],
    }
    const other: ContentNode = { type: 'doc', content: [{ type: 'image', attrs: { hash: hash('A') } }] }
    expect([...usedMediaHashes([lesson, other])]).toEqual([hash('a'), hash('b'), hash('c')])
  })

  it('ignores blocks without a valid hash and nodes that are not media', () => {
    const lesson: ContentNode = {
      type: 'doc',
      content: [
        { type: 'image', attrs: { hash: 'not-a-hash' } },
        { type: 'paragraph', attrs: { hash: hash('d') } },
      ],
    }
    expect(usedMediaHashes([lesson]).size).toBe(0)
  })
})

describe('dataUrlMediaType', () => {
  it('keeps image, video and audio types and replaces anything that could change the URL', () => {
    expect(dataUrlMediaType('image/PNG')).toBe('image/png')
    expect(dataUrlMediaType('image/svg+xml')).toBe('image/svg+xml')
    expect(dataUrlMediaType('video/mp4')).toBe('video/mp4')
    expect(dataUrlMediaType('image/png;base64,AAAA')).toBe('application/octet-stream')
    expect(dataUrlMediaType('text/html')).toBe('application/octet-stream')
    expect(dataUrlMediaType('')).toBe('application/octet-stream')
  })
})
