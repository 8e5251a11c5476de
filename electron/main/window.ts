import { join } from 'node:path'
import { BrowserWindow, session, shell } from 'electron'
import { rendererUrl } from './renderer-url'
import { CONTENT_SECURITY_POLICY, decideWindowOpen, isNavigationAllowed } from './security-policy'

const here = import.meta.dirname

/** Applies the security checklist to the default session once: CSP on every response, no permissions. */
export const hardenSession = (): void => {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    })
  })
  session.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false))
}

export const createMainWindow = (isPackaged: boolean): BrowserWindow => {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    title: 'Chorus',
    show: false,
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  })

  const appUrl = rendererUrl({
    isPackaged,
    devServerUrl: process.env.ELECTRON_RENDERER_URL,
    indexHtmlPath: join(here, '../renderer/index.html'),
  })

  window.webContents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url)
    if (decision.kind === 'open-in-system-browser') void shell.openExternal(decision.url)
    return { action: 'deny' }
  })
  window.webContents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url, appUrl)) event.preventDefault()
  })
  window.webContents.on('will-attach-webview', (event) => event.preventDefault())
  window.once('ready-to-show', () => window.show())

  void window.loadURL(appUrl)
  return window
}
