import { describe, expect, it } from 'vitest'
import { normalizeLinkUrl } from './link-url'

describe('normalizeLinkUrl', () => {
  it('keeps web and mail links', () => {
    expect(normalizeLinkUrl(' https://example.com/a?b=1 ')).toBe('https://example.com/a?b=1')
    expect(normalizeLinkUrl('http://example.com')).toBe('http://example.com/')
    expect(normalizeLinkUrl('mailto:ada@example.com')).toBe('mailto:ada@example.com')
  })

  it('adds https to a bare address', () => {
    expect(normalizeLinkUrl('example.com/page')).toBe('https://example.com/page')
  })

  it('rejects empty input and other schemes', () => {
    expect(normalizeLinkUrl('   ')).toBeNull()
    expect(normalizeLinkUrl('javascript:alert(1)')).toBeNull()
    expect(normalizeLinkUrl('data:text/html,hi')).toBeNull()
    expect(normalizeLinkUrl('file:///etc/passwd')).toBeNull()
  })
})
