import { describe, expect, it } from 'vitest'
import { checkMediaFile, mediaKindOf, MEDIA_LIMITS } from './media-limits'

const MB = 1024 * 1024

describe('media limits', () => {
  it('knows the kind of each accepted type, under any of its names', () => {
    expect(mediaKindOf('image/png')).toBe('image')
    expect(mediaKindOf('IMAGE/JPG')).toBe('image')
    expect(mediaKindOf('video/mp4; codecs="avc1"')).toBe('video')
    expect(mediaKindOf('audio/mp3')).toBe('audio')
    expect(mediaKindOf('image/svg+xml')).toBeNull()
    expect(mediaKindOf('')).toBeNull()
  })

  it('accepts a file within its limit and refuses one over it, saying both sizes', () => {
    expect(
      checkMediaFile({ name: 'a.png', size: MEDIA_LIMITS.image.maxBytes, type: 'image/png' }, 'image'),
    ).toEqual({
      ok: true,
      kind: 'image',
      mime: 'image/png',
    })
    const big = checkMediaFile({ name: 'big.png', size: 25 * MB, type: 'image/png' }, null)
    expect(big).toEqual({
      ok: false,
      message: '“big.png” is 25 MB; an image can be at most 20 MB. Make it smaller and try again.',
    })
    expect(checkMediaFile({ name: 'film.mp4', size: 150 * MB, type: 'video/mp4' }, 'video').ok).toBe(true)
    expect(checkMediaFile({ name: 'film.mp4', size: 201 * MB, type: 'video/mp4' }, 'video').ok).toBe(false)
  })

  it('refuses a file of another kind than asked for, an unknown type and an empty file', () => {
    const wrong = checkMediaFile({ name: 'song.mp3', size: 10, type: 'audio/mpeg' }, 'image')
    expect(wrong.ok).toBe(false)
    expect(!wrong.ok && wrong.message).toMatch(
      /^“song.mp3” is not an image Chorus can use\. Choose a PNG, JPEG/,
    )
    const svg = checkMediaFile({ name: 'logo.svg', size: 10, type: 'image/svg+xml' }, null)
    expect(!svg.ok && svg.message).toMatch(/or a video or audio file\.$/)
    expect(checkMediaFile({ name: 'x.png', size: 0, type: 'image/png' }, null)).toEqual({
      ok: false,
      message: '“x.png” is empty.',
    })
  })
})
