import type { Result } from './errors'
import type { FileFilter, MenuCommand, OpenedFile } from './platform'
import { parseInvite } from './protocol/invite'

/** Each IPC channel is named once, here. */
export const IPC = {
  saveFile: 'chorus:save-file',
  openFile: 'chorus:open-file',
  openExternal: 'chorus:open-external',
  menuCommand: 'chorus:menu-command',
  /** Main to renderer: a `chorus://join?…` link the operating system opened the app with. */
  inviteLink: 'chorus:invite-link',
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
  /**
   * Subscribes to `chorus://join?…` links opened with the app; links that arrived before the first subscriber
   * are delivered to it. Each link still goes through the join confirmation. Returns unsubscribe.
   */
  onInviteLink(listener: (link: string) => void): () => void
}

const APP_INVITE_PREFIX = 'chorus://join?'
const MAX_INVITE_LINK_LENGTH = 8192

/** The payload of an {@link IPC.inviteLink} message: a well-formed `chorus://join?…` link, or null for anything else. */
export const readInviteLinkMessage = (value: unknown): string | null =>
  typeof value === 'string' &&
  value.length <= MAX_INVITE_LINK_LENGTH &&
  value.startsWith(APP_INVITE_PREFIX) &&
  parseInvite(value).ok
    ? value
    : null

export const DESKTOP_API_KEY = 'chorus'
