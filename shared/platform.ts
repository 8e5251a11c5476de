import type { Result } from './errors'

/** A file type offered in save/open dialogs, e.g. { name: 'Chorus course', extensions: ['chorus'] }. */
export interface FileFilter {
  readonly name: string
  readonly extensions: readonly string[]
}

export interface SaveFileRequest {
  readonly suggestedName: string
  readonly bytes: Uint8Array
  readonly filters: readonly FileFilter[]
}

export interface OpenedFile {
  readonly name: string
  readonly bytes: Uint8Array
}

/** Commands the desktop app menu sends to the renderer. The browser build has no app menu. */
export type MenuCommand = 'new-course' | 'open-course-file' | 'save-course-copy' | 'undo' | 'redo'

export const MENU_COMMANDS: readonly MenuCommand[] = [
  'new-course',
  'open-course-file',
  'save-course-copy',
  'undo',
  'redo',
]

/**
 * Everything the renderer needs from its host, and nothing else. Chosen once at start-up
 * (renderer/src/platform): Electron's preload or the plain browser. IndexedDB and WebSocket are the
 * same in both and stay outside.
 */
export interface Platform {
  readonly kind: 'electron' | 'browser'
  /** Saves bytes where the user chooses. `saved: false` when the user cancelled. */
  saveFile(request: SaveFileRequest): Promise<Result<{ readonly saved: boolean }>>
  /** Lets the user pick one file. `null` when the user cancelled. */
  openFile(filters: readonly FileFilter[]): Promise<Result<OpenedFile | null>>
  /** Opens an http(s) link in the system browser, never inside the app. */
  openExternal(url: string): Promise<void>
  /** Subscribes to app-menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
  /**
   * Subscribes to invite links the operating system opened the app with (`chorus://join?…`, desktop only; the
   * browser build reads its `#/join?…` address instead). Returns the unsubscribe function.
   */
  onInviteLink(listener: (link: string) => void): () => void
}

export const isExternalHttpUrl = (url: string): boolean => {
  try {
    const { protocol } = new URL(url)
    return protocol === 'http:' || protocol === 'https:'
  } catch {
    return false
  }
}
