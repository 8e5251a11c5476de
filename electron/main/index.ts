import { app, BrowserWindow } from 'electron'
import { registerIpcHandlers } from './ipc'
import { installAppMenu } from './menu'
import { createMainWindow, hardenSession } from './window'

// The main process stays thin: one window, the menu, and a few validated IPC handlers.
let mainWindow: BrowserWindow | undefined
const currentWindow = (): BrowserWindow | undefined => mainWindow

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  })

  void app.whenReady().then(() => {
    hardenSession()
    registerIpcHandlers(currentWindow)
    installAppMenu(currentWindow, app.isPackaged)
    mainWindow = createMainWindow()
    mainWindow.on('closed', () => (mainWindow = undefined))

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow()
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
