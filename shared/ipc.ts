import type { Result } from './errors'
import type { FileFilter, MenuCommand, OpenedFile } from './platform'

/** Each IPC channel is named once, here. */
export const IPC = {
  saveFile: 'chorus:save-file',
  openFile: 'chorus:open-file',
  openExternal: 'chorus:open-external',
  menuCommand: 'chorus:menu-command',
} as const

export interface SaveFileArgs {
  readonly suggestedName: string
  readonly bytes: Uint8Array
  readonly filters: readonly FileFilter[]
}

/** The whole surface the preload exposes on `window.chorus`: functions only, never ipcRenderer. */
export interface ChorusDesktopApi {
  saveFile(args: SaveFileArgs): Promise<Result<{ readonly saved: boolean }>>
  openFile(filters: readonly FileFilter[]): Promise<Result<OpenedFile | null>>
  openExternal(url: string): Promise<void>
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
}

export const DESKTOP_API_KEY = 'chorus'
