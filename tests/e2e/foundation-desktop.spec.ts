import { expect } from '@playwright/test'
import { test } from './support/test'
import { addLesson, addSection, createCourse, lessonBody, openLesson, toolbarButton } from './support/chorus'
import { installDesktopStandIn } from './support/desktop-stand-in'

// The renderer in its desktop role: the platform is picked from the preload's API and the app menu drives it.

test('app-menu commands reach the renderer: New Course from anywhere, Undo and Redo in the editor', async ({
  page,
}) => {
  const desktop = await installDesktopStandIn(page)
  await page.goto('/')
  await createCourse(page, 'Desktop course')
  await addSection(page, 'One')
  await addLesson(page, 'One', 'First')
  await openLesson(page, 'First')
  await lessonBody(page).click()
  await lessonBody(page).pressSequentially('Typed on the desktop')

  await desktop.sendMenuCommand('undo')
  await expect(lessonBody(page)).toHaveText('')
  await desktop.sendMenuCommand('redo')
  await expect(lessonBody(page)).toHaveText('Typed on the desktop')

  // Undo from the menu leaves the editor alone while a title field has focus.
  await page.getByRole('textbox', { name: 'Lesson title' }).focus()
  await desktop.sendMenuCommand('undo')
  await expect(lessonBody(page)).toHaveText('Typed on the desktop')

  await desktop.sendMenuCommand('new-course')
  const dialog = page.getByRole('dialog', { name: 'New course' })
  await dialog.getByRole('textbox', { name: 'Course title' }).fill('Second desktop course')
  await dialog.getByRole('button', { name: 'Create course' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('textbox', { name: 'Course title' })).toHaveValue('Second desktop course')
})

test('Ctrl/⌘-click on a link asks the desktop host to open it, never a window of the app', async ({
  page,
}) => {
  const desktop = await installDesktopStandIn(page)
  await page.goto('/')
  await createCourse(page, 'Links')
  await addSection(page, 'One')
  await addLesson(page, 'One', 'Sources')
  await openLesson(page, 'Sources')
  await lessonBody(page).click()
  await lessonBody(page).pressSequentially('See example.org')
  for (let i = 0; i < 'example.org'.length; i++) await page.keyboard.press('Shift+ArrowLeft')
  await toolbarButton(page, 'Link').click()
  const dialog = page.getByRole('dialog', { name: 'Add a link' })
  await dialog.getByRole('textbox', { name: 'Link address' }).fill('example.org')
  await dialog.getByRole('button', { name: 'Apply' }).click()

  const link = lessonBody(page).getByRole('link', { name: 'example.org' })
  await expect(link).toHaveAttribute('href', 'https://example.org/')
  let popups = 0
  page.on('popup', () => popups++)
  await link.click()
  expect(await desktop.openedExternally()).toEqual([])
  await link.click({ modifiers: ['ControlOrMeta'] })
  await expect.poll(() => desktop.openedExternally()).toEqual(['https://example.org/'])
  expect(popups).toBe(0)
})
