import { ipcMain, shell, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { IPC } from '../../shared/ipc'
import { openFileWithDialog, saveFileWithDialog } from './files'
import { parseExternalUrl, parseFilters, parseSaveFileArgs } from './ipc-validation'

/** One validated handler per channel; only the app's own window may call them. */
export const registerIpcHandlers = (getWindow: () => BrowserWindow | undefined): void => {
  const senderWindow = (event: IpcMainInvokeEvent): BrowserWindow => {
    const window = getWindow()
    if (!window || event.sender !== window.webContents)
      throw new Error('IPC from an unknown sender was refused.')
    return window
  }

  ipcMain.handle(IPC.saveFile, async (event, raw: unknown) => {
    const window = senderWindow(event)
    const args = parseSaveFileArgs(raw)
    return args.ok ? saveFileWithDialog(window, args.value) : args
  })

  ipcMain.handle(IPC.openFile, async (event, raw: unknown) => {
    const window = senderWindow(event)
    const filters = parseFilters(raw)
    return filters.ok ? openFileWithDialog(window, filters.value) : filters
  })

  ipcMain.handle(IPC.openExternal, async (event, raw: unknown) => {
    senderWindow(event)
    const url = parseExternalUrl(raw)
    if (url.ok) await shell.openExternal(url.value)
  })
}
