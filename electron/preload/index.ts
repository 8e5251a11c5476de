import { contextBridge, ipcRenderer } from 'electron'
import { DESKTOP_API_KEY, IPC, type ChorusDesktopApi } from '../../shared/ipc'
import { MENU_COMMANDS, type MenuCommand } from '../../shared/platform'

const isMenuCommand = (value: unknown): value is MenuCommand => MENU_COMMANDS.includes(value as MenuCommand)

// Functions only: the renderer never sees ipcRenderer itself.
const api: ChorusDesktopApi = {
  saveFile: (args) => ipcRenderer.invoke(IPC.saveFile, args),
  openFile: (filters) => ipcRenderer.invoke(IPC.openFile, filters),
  openExternal: (url) => ipcRenderer.invoke(IPC.openExternal, url),
  onMenuCommand: (listener) => {
    const forward = (_event: Electron.IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) listener(command)
    }
    ipcRenderer.on(IPC.menuCommand, forward)
    return () => ipcRenderer.removeListener(IPC.menuCommand, forward)
  },
}

contextBridge.exposeInMainWorld(DESKTOP_API_KEY, api)
