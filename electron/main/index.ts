import { app, BrowserWindow } from 'electron'
import { createInviteForwarder } from './invite-forwarder'
import { inviteLinkFromArgv, inviteLinkFromUrl } from './invite-links'
import { registerIpcHandlers } from './ipc'
import { installAppMenu } from './menu'
import { createMainWindow, hardenSession } from './window'

// The main process stays thin: one window, the menu, a few validated IPC handlers, and invite links passed on.
let mainWindow: BrowserWindow | undefined
const currentWindow = (): BrowserWindow | undefined => mainWindow
const invites = createInviteForwarder()

const openMainWindow = (): void => {
  const window = createMainWindow(app.isPackaged)
  mainWindow = window
  invites.attach(window)
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = undefined
  })
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  // Windows and Linux: a chorus:// link starts the app with the link as an argument.
  invites.offer(inviteLinkFromArgv(process.argv))

  // macOS: links arrive as events, also the one that launched the app, so listen before `ready`.
  app.on('open-url', (event, url) => {
    event.preventDefault()
    invites.offer(inviteLinkFromUrl(url))
    if (app.isReady() && !mainWindow) openMainWindow()
  })

  // Windows and Linux: a link opened while the app runs starts a second instance, which quits and hands over argv.
  app.on('second-instance', (_event, argv) => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
    invites.offer(inviteLinkFromArgv(argv))
  })

  void app.whenReady().then(() => {
    hardenSession()
    registerIpcHandlers(currentWindow)
    installAppMenu(currentWindow, app.isPackaged)
    openMainWindow()

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openMainWindow()
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
