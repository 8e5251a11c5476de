import { ipcMain, shell, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { INVOKE_METHODS, runHandler, type InvokeChannel, type InvokeHandlers } from '../../shared/ipc'
import { openFileWithDialog, saveFileWithDialog } from './files'
import { invokeValidators } from './ipc-validation'

/**
 * One handler per channel of the contract (shared/ipc.ts InvokeContract), typed by it: a channel without a
 * handler here, or a handler answering with another type, does not compile. Each checks its argument first.
 */
export const ipcHandlers: InvokeHandlers<BrowserWindow> = {
  'chorus:save-file': {
    parse: invokeValidators['chorus:save-file'],
    refuse: (error) => ({ ok: false, error }),
    handle: (window, args) => saveFileWithDialog(window, args),
  },
  'chorus:open-file': {
    parse: invokeValidators['chorus:open-file'],
    refuse: (error) => ({ ok: false, error }),
    handle: (window, filters) => openFileWithDialog(window, filters),
  },
  'chorus:open-external': {
    parse: invokeValidators['chorus:open-external'],
    // Anything but an http(s) link is ignored, as a click on it would be.
    refuse: () => undefined,
    handle: async (_window, url) => {
      await shell.openExternal(url)
      return undefined
    },
  },
}

/** Registers every handler; only the app's own window may call them. */
export const registerIpcHandlers = (getWindow: () => BrowserWindow | undefined): void => {
  const senderWindow = (event: IpcMainInvokeEvent): BrowserWindow => {
    const window = getWindow()
    if (!window || event.sender !== window.webContents)
      throw new Error('IPC from an unknown sender was refused.')
    return window
  }
  const register = <C extends InvokeChannel>(channel: C): void =>
    ipcMain.handle(channel, (event, raw: unknown) =>
      runHandler(ipcHandlers[channel], senderWindow(event), raw),
    )
  for (const channel of Object.values(INVOKE_METHODS)) register(channel)
}
