import { describe, expect, it } from 'vitest'
import { mediaSample, SCRIPTED_HTML, SCRIPTED_SVG } from '../../tests/fixtures/media-bytes'
import { makePng } from '../../tests/fixtures/png'
import {
  declaredNamesFor,
  MEDIA_TYPES,
  mediaTypeDeclaredAs,
  mediaTypeOfMime,
  SNIFF_BYTES,
  sniffMediaType,
} from './media-types'

const text = (value: string): Uint8Array => new TextEncoder().encode(value)

describe('sniffMediaType', () => {
  it('recognises each allowed format by its leading bytes', () => {
    expect(sniffMediaType(makePng(3, 2, () => [1, 2, 3]))).toBe(MEDIA_TYPES.png)
    const expected = {
      jpeg: 'image/jpeg',
      gif: 'image/gif',
      webp: 'image/webp',
      avif: 'image/avif',
      mp4: 'video/mp4',
      m4a: 'audio/mp4',
      webm: 'video/webm',
      mp3: 'audio/mpeg',
      mp3Frame: 'audio/mpeg',
      ogg: 'audio/ogg',
      wav: 'audio/wav',
    } as const
    for (const [format, mime] of Object.entries(expected))
      expect(sniffMediaType(mediaSample(format as keyof typeof expected))?.mime, format).toBe(mime)
  })

  it('needs no more than SNIFF_BYTES', () => {
    for (const format of ['png', 'webm', 'wav', 'mp4'] as const)
      expect(sniffMediaType(mediaSample(format, 4096).subarray(0, SNIFF_BYTES))).not.toBeNull()
  })

  it('refuses SVG, HTML, XML, text, random and empty bytes whatever they are called', () => {
    expect(sniffMediaType(SCRIPTED_SVG)).toBeNull()
    expect(sniffMediaType(SCRIPTED_HTML)).toBeNull()
    expect(sniffMediaType(text('<?xml version="1.0"?><svg/>'))).toBeNull()
    expect(sniffMediaType(text('\uFEFF<svg onload="alert(1)"/>'))).toBeNull()
    expect(sniffMediaType(text('hello, world'))).toBeNull()
    expect(sniffMediaType(text('%PDF-1.7'))).toBeNull()
    expect(sniffMediaType(new Uint8Array(0))).toBeNull()
    let state = 12345
    const random = Uint8Array.from({ length: 512 }, () => (state = (state * 1103515245 + 12345) >>> 0) >>> 24)
    random[0] = 0x00 // not a 0xff sync byte, nor any signature's first byte
    expect(sniffMediaType(random)).toBeNull()
  })

  it('refuses an SVG renamed .png and declared image/png: the name and the declared type count for nothing', () => {
    const renamed = new File([SCRIPTED_SVG], 'logo.png', { type: 'image/png' })
    expect(mediaTypeDeclaredAs(renamed.type)).toBe(MEDIA_TYPES.png)
    expect(sniffMediaType(SCRIPTED_SVG)).toBeNull()
  })

  it('refuses near misses: Matroska that is not WebM, HEIC, QuickTime, RIFF AVI, truncated signatures', () => {
    const mkv = mediaSample('webm')
    mkv.set(text('matr'), 12)
    expect(sniffMediaType(mkv)).toBeNull()
    const heic = mediaSample('mp4')
    heic.set(text('heic'), 8)
    expect(sniffMediaType(heic)).toBeNull()
    const mov = mediaSample('mp4')
    mov.set(text('qt  '), 8)
    expect(sniffMediaType(mov)).toBeNull()
    const avi = mediaSample('wav')
    avi.set(text('AVI '), 8)
    expect(sniffMediaType(avi)).toBeNull()
    expect(sniffMediaType(mediaSample('png').subarray(0, 7))).toBeNull()
    expect(sniffMediaType(Uint8Array.of(0xff, 0xf1, 0x50, 0x80))).toBeNull() // AAC ADTS, not MP3
  })

  it('never lists a document format, and maps canonical and declared names', () => {
    const mimes = Object.values(MEDIA_TYPES).flatMap((type) => [type.mime, ...type.declaredAs])
    expect(mimes.filter((mime) => /svg|html|xml|pdf|javascript/.test(mime))).toEqual([])
    expect(Object.values(MEDIA_TYPES).map((type) => type.extension)).not.toContain('svg')
    expect(mediaTypeOfMime('IMAGE/PNG; charset=x')).toBe(MEDIA_TYPES.png)
    expect(mediaTypeOfMime('image/svg+xml')).toBeNull()
    expect(mediaTypeDeclaredAs('audio/x-wav')).toBe(MEDIA_TYPES.wav)
    expect(declaredNamesFor('video')).toContain('video/ogg')
    expect(declaredNamesFor('image')).not.toContain('image/svg+xml')
  })
})
