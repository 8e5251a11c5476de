import { describe, expect, it } from 'vitest'
import { mediaSample, SCRIPTED_HTML, SCRIPTED_SVG } from '../../../tests/fixtures/media-bytes'
import { checkMediaFile, mediaKindOf, MEDIA_LIMITS } from './media-limits'

const MB = 1024 * 1024
const PNG = mediaSample('png')

describe('media limits', () => {
  it('knows the usual kind of each declared type, under any of its names', () => {
    expect(mediaKindOf('image/png')).toBe('image')
    expect(mediaKindOf('IMAGE/JPG')).toBe('image')
    expect(mediaKindOf('video/mp4; codecs="avc1"')).toBe('video')
    expect(mediaKindOf('audio/mp3')).toBe('audio')
    expect(mediaKindOf('image/svg+xml')).toBeNull()
    expect(mediaKindOf('')).toBeNull()
  })

  it('accepts a file within its limit and refuses one over it, saying both sizes', () => {
    expect(checkMediaFile({ name: 'a.png', size: MEDIA_LIMITS.image.maxBytes }, PNG, 'image')).toEqual({
      ok: true,
      kind: 'image',
      mime: 'image/png',
    })
    const big = checkMediaFile({ name: 'big.png', size: 25 * MB }, PNG, null)
    expect(big).toEqual({
      ok: false,
      message: '“big.png” is 25 MB; an image can be at most 20 MB. Make it smaller and try again.',
    })
    const mp4 = mediaSample('mp4')
    expect(checkMediaFile({ name: 'film.mp4', size: 150 * MB }, mp4, 'video').ok).toBe(true)
    expect(checkMediaFile({ name: 'film.mp4', size: 201 * MB }, mp4, 'video').ok).toBe(false)
  })

  it('takes a file for what its bytes are: the type is sniffed, an audio-only WebM fills an audio block', () => {
    expect(checkMediaFile({ name: 'photo.gif', size: 10 }, PNG, null)).toMatchObject({ mime: 'image/png' })
    expect(checkMediaFile({ name: 'talk.webm', size: 10 }, mediaSample('webm'), 'audio')).toEqual({
      ok: true,
      kind: 'audio',
      mime: 'video/webm',
    })
  })

  it('refuses a file of another kind than asked for, SVG and HTML whatever they are called, and an empty file', () => {
    const wrong = checkMediaFile({ name: 'song.mp3', size: 10 }, mediaSample('mp3'), 'image')
    expect(wrong.ok).toBe(false)
    expect(!wrong.ok && wrong.message).toMatch(
      /^“song.mp3” is not an image Chorus can use\. Choose a PNG, JPG/,
    )
    const svg = checkMediaFile({ name: 'logo.svg', size: 10 }, SCRIPTED_SVG, null)
    expect(!svg.ok && svg.message).toMatch(/or a video or audio file\.$/)
    expect(checkMediaFile({ name: 'logo.png', size: 10 }, SCRIPTED_SVG, 'image').ok).toBe(false)
    expect(checkMediaFile({ name: 'page.mp4', size: 10 }, SCRIPTED_HTML, 'video').ok).toBe(false)
    expect(checkMediaFile({ name: 'x.png', size: 0 }, PNG, null)).toEqual({
      ok: false,
      message: '“x.png” is empty.',
    })
  })
})
