import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import { IPC } from '../../shared/ipc'
import { appMenuTemplate, type MenuItemSpec } from './menu-template'

const toElectron = (
  item: MenuItemSpec,
  window: () => BrowserWindow | undefined,
): MenuItemConstructorOptions => {
  const { command, submenu, ...rest } = item
  return {
    ...rest,
    ...(submenu ? { submenu: submenu.map((child) => toElectron(child, window)) } : {}),
    ...(command ? { click: () => window()?.webContents.send(IPC.menuCommand, command) } : {}),
  }
}

export const installAppMenu = (window: () => BrowserWindow | undefined, isPackaged: boolean): void => {
  const template = appMenuTemplate(process.platform, isPackaged).map((item) => toElectron(item, window))
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
