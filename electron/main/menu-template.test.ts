import { describe, expect, it } from 'vitest'
import { appMenuTemplate, type MenuItemSpec } from './menu-template'

const flatten = (items: readonly MenuItemSpec[]): MenuItemSpec[] =>
  items.flatMap((item) => [item, ...flatten(item.submenu ?? [])])

describe('app menu', () => {
  it('offers the course file commands with their shortcuts', () => {
    const items = flatten(appMenuTemplate('linux', true))
    expect(items.filter((i) => i.command).map((i) => [i.command, i.accelerator])).toEqual([
      ['new-course', 'CmdOrCtrl+N'],
      ['open-course-file', 'CmdOrCtrl+O'],
      ['save-course-copy', 'CmdOrCtrl+Shift+S'],
      ['undo', 'CmdOrCtrl+Z'],
      ['redo', 'Ctrl+Shift+Z'],
    ])
  })

  it('leaves undo keys to the page so the editor undoes only its own changes', () => {
    const undo = flatten(appMenuTemplate('darwin', true)).filter(
      (i) => i.command === 'undo' || i.command === 'redo',
    )
    expect(undo.every((i) => i.registerAccelerator === false)).toBe(true)
  })

  it('hides developer tools in the packaged app', () => {
    expect(flatten(appMenuTemplate('win32', true)).some((i) => i.role === 'toggleDevTools')).toBe(false)
    expect(flatten(appMenuTemplate('win32', false)).some((i) => i.role === 'toggleDevTools')).toBe(true)
    expect(appMenuTemplate('darwin', true)[0]).toEqual({ role: 'appMenu' })
  })
})
