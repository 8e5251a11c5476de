/**
 * Issue 15, interface: outline titles use the outline's whole width. The row buttons, hidden until hover or
 * focus, used to keep their room, so a 30-character title was cut short ("Choosing cover spe…") at 1280 px.
 */
import { expect } from '@playwright/test'
import { test } from './support/test'
import { addLesson, addSection, createCourse, lessonButton, lessonRow, outline } from './support/chorus'

const THIRTY = 'Choosing cover species to sow.'
const LONG = 'Choosing cover species for heavy clay soils that stay waterlogged until late spring'

test.use({ viewport: { width: 1280, height: 800 } })

test('a 30-character lesson title shows in full, and a longer one in full as its tooltip', async ({
  page,
}) => {
  expect(THIRTY).toHaveLength(30)
  await page.goto('/')
  await createCourse(page, 'Cover crops')
  await addSection(page, 'Planning')
  await addLesson(page, 'Planning', THIRTY)
  await addLesson(page, 'Planning', LONG)
  // Nothing hovered or focused in the outline: the row buttons are hidden.
  await page.getByRole('textbox', { name: 'Course title' }).focus()
  await page.mouse.move(1200, 700)

  const title = lessonButton(page, THIRTY)
  const fits = await title.evaluate((element) => element.scrollWidth <= element.clientWidth)
  expect(fits).toBe(true)
  await expect(title).toHaveAttribute('title', THIRTY)
  await expect(lessonButton(page, LONG)).toHaveAttribute('title', LONG)

  // The buttons still show on hover and work by pointer.
  const rename = outline(page).getByRole('button', { name: `Rename lesson “${THIRTY}”` })
  const buttons = rename.locator('xpath=..')
  const glyph = rename.locator('span')
  await expect(glyph).toHaveCSS('visibility', 'hidden')
  await expect(buttons).toHaveCSS('background-color', 'rgba(0, 0, 0, 0)')
  await lessonRow(page, THIRTY).hover()
  await expect(glyph).toHaveCSS('visibility', 'visible')
  await expect(buttons).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)')
  await rename.click()
  await expect(outline(page).getByRole('textbox', { name: 'Rename lesson' })).toHaveValue(THIRTY)
})

test('opened from its address, the outline shows its titles first and the row buttons follow at once', async ({
  page,
}) => {
  await page.goto('/')
  await createCourse(page, 'Cover crops')
  await addSection(page, 'Planning')
  await addLesson(page, 'Planning', 'Soil tests')
  await addLesson(page, 'Planning', 'Seed mixes')
  await page.reload()

  await expect(lessonButton(page, 'Soil tests')).toBeVisible()
  const moveDown = outline(page).getByRole('button', { name: 'Move lesson “Soil tests” down' })
  await expect(moveDown).toBeEnabled({ timeout: 2_000 })
  await moveDown.click()
  await expect(outline(page).locator('li.outline-lesson .outline-label')).toHaveText([
    'Seed mixes',
    'Soil tests',
  ])
})
