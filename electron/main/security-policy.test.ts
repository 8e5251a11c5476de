import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, decideWindowOpen, isNavigationAllowed } from './security-policy'

describe('desktop security policy', () => {
  it('sends http(s) links to the system browser and denies everything else', () => {
    expect(decideWindowOpen('https://example.com/a?b')).toEqual({
      kind: 'open-in-system-browser',
      url: 'https://example.com/a?b',
    })
    expect(decideWindowOpen('http://example.com')).toEqual({
      kind: 'open-in-system-browser',
      url: 'http://example.com',
    })
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'chorus://join',
      'data:text/html,hi',
      'not a url',
    ]) {
      expect(decideWindowOpen(url)).toEqual({ kind: 'deny' })
    }
  })

  it('allows only reloads of the app page itself', () => {
    const app = 'file:///opt/Chorus/resources/app.asar/out/renderer/index.html'
    expect(isNavigationAllowed(`${app}#/course/abc`, app)).toBe(true)
    expect(isNavigationAllowed('file:///etc/passwd', app)).toBe(false)
    expect(isNavigationAllowed('https://evil.example/', app)).toBe(false)
    expect(isNavigationAllowed('http://127.0.0.1:5173/other', 'http://127.0.0.1:5173/')).toBe(false)
  })

  it('forbids inline scripts, plugins and remote code', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'")
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-inline/)
  })
})
