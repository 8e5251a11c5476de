import type { MenuCommand } from '../../shared/platform'

/** The shape of Electron's MenuItemConstructorOptions that the app menu uses; kept here so it is tested without Electron. */
export interface MenuItemSpec {
  readonly label?: string
  readonly role?:
    | 'appMenu'
    | 'quit'
    | 'cut'
    | 'copy'
    | 'paste'
    | 'selectAll'
    | 'reload'
    | 'toggleDevTools'
    | 'togglefullscreen'
    | 'windowMenu'
    | 'about'
  readonly accelerator?: string
  /** false: show the shortcut but let the page handle the key (text fields and the editor undo natively). */
  readonly registerAccelerator?: boolean
  readonly type?: 'separator'
  readonly command?: MenuCommand
  readonly submenu?: readonly MenuItemSpec[]
}

/**
 * Undo and redo are app commands, not Electron's roles: the editor's Yjs undo manager must handle them so an
 * author's undo only reverts their own changes. Their keys stay with the page, which handles them itself.
 */
export const appMenuTemplate = (platform: NodeJS.Platform, isPackaged: boolean): readonly MenuItemSpec[] => [
  ...(platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
  {
    label: '&File',
    submenu: [
      { label: 'New Course', accelerator: 'CmdOrCtrl+N', command: 'new-course' },
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', command: 'open-course-file' },
      { label: 'Save a Copy…', accelerator: 'CmdOrCtrl+Shift+S', command: 'save-course-copy' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  },
  {
    label: '&Edit',
    submenu: [
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, command: 'undo' },
      {
        label: 'Redo',
        accelerator: platform === 'darwin' ? 'Shift+Cmd+Z' : 'Ctrl+Shift+Z',
        registerAccelerator: false,
        command: 'redo',
      },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  },
  {
    label: '&View',
    submenu: [
      { role: 'reload' },
      { role: 'togglefullscreen' },
      ...(isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
    ],
  },
  { role: 'windowMenu' },
]
