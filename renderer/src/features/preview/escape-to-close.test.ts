import { describe, expect, it } from 'vitest'
import { escapeScript, withEscapeToClose } from './escape-to-close'

describe('withEscapeToClose', () => {
  it('adds the Escape relay as the last script of the body, leaving the page otherwise as it was', () => {
    const page = '<html><body><script>player()</script></body></html>'
    expect(withEscapeToClose(page)).toBe(
      `<html><body><script>player()</script><script>${escapeScript}</script>\n</body></html>`,
    )
  })

  it('appends it to a page without a closing body tag, where the parser puts it in the body anyway', () => {
    expect(withEscapeToClose('<p>hi')).toBe(`<p>hi<script>${escapeScript}</script>\n`)
  })
})
