import { describe, expect, it } from 'vitest'
import { rendererUrl } from './renderer-url'

const indexHtmlPath = '/opt/Chorus/resources/app.asar/out/renderer/index.html'
const devServerUrl = 'http://localhost:5173/'

describe('the renderer URL', () => {
  it('follows ELECTRON_RENDERER_URL while developing', () => {
    expect(rendererUrl({ isPackaged: false, devServerUrl, indexHtmlPath })).toBe(devServerUrl)
  })

  it('ignores ELECTRON_RENDERER_URL in a packaged app and loads the built page', () => {
    expect(rendererUrl({ isPackaged: true, devServerUrl: 'https://evil.example/', indexHtmlPath })).toBe(
      'file:///opt/Chorus/resources/app.asar/out/renderer/index.html',
    )
  })

  it('loads the built page when no dev server is set', () => {
    expect(rendererUrl({ isPackaged: false, devServerUrl: undefined, indexHtmlPath })).toMatch(/^file:\/\/\//)
    expect(rendererUrl({ isPackaged: false, devServerUrl: '', indexHtmlPath })).toMatch(/^file:\/\/\//)
  })
})
