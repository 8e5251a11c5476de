import { contextBridge, ipcRenderer } from 'electron'
import {
  DESKTOP_API_KEY,
  IPC,
  readInviteLinkMessage,
  type ChorusDesktopApi,
  type InvokeArgs,
  type InvokeChannel,
  type InvokeResult,
} from '../../shared/ipc'
import { MENU_COMMANDS, type MenuCommand } from '../../shared/platform'

const isMenuCommand = (value: unknown): value is MenuCommand => MENU_COMMANDS.includes(value as MenuCommand)

// Main sends an invite link once the page has loaded, which may be before the app subscribes: keep it until then.
let inviteListener: ((link: string) => void) | null = null
const waitingInvites: string[] = []
ipcRenderer.on(IPC.inviteLink, (_event, message: unknown) => {
  const link = readInviteLinkMessage(message)
  if (link === null) return
  if (inviteListener) inviteListener(link)
  else if (waitingInvites.length < 5) waitingInvites.push(link)
})

/** The one call into main, typed by the contract (shared/ipc.ts InvokeContract). */
const invoke = <C extends InvokeChannel>(channel: C, args: InvokeArgs<C>): Promise<InvokeResult<C>> =>
  ipcRenderer.invoke(channel, args)

// Functions only: the renderer never sees ipcRenderer itself.
const api: ChorusDesktopApi = {
  saveFile: (args) => invoke(IPC.saveFile, args),
  openFile: (filters) => invoke(IPC.openFile, filters),
  openExternal: (url) => invoke(IPC.openExternal, url),
  onMenuCommand: (listener) => {
    const forward = (_event: Electron.IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) listener(command)
    }
    ipcRenderer.on(IPC.menuCommand, forward)
    return () => ipcRenderer.removeListener(IPC.menuCommand, forward)
  },
  onInviteLink: (listener) => {
    inviteListener = listener
    for (const link of waitingInvites.splice(0)) listener(link)
    return () => {
      if (inviteListener === listener) inviteListener = null
    }
  },
}

contextBridge.exposeInMainWorld(DESKTOP_API_KEY, api)
