import { expect, type Page } from '@playwright/test'
import { test } from './support/test'
import {
  addLesson,
  controlQuota,
  addSection,
  createCourse,
  expectLessons,
  expectSaved,
  expectSections,
  lessonBody,
  lessonButton,
  lessonRow,
  openLesson,
  outline,
  sectionButton,
  saveState,
  sectionRow,
  toolbarButton,
} from './support/chorus'
import { storeCourseFromNewerChorus } from './support/newer-course'

/** Two sections, four lessons: the course most tests start from. */
async function writeTwoSectionCourse(page: Page): Promise<void> {
  await page.goto('/')
  await createCourse(page, 'Soil Science')
  await addSection(page, 'Basics')
  await addSection(page, 'Advanced')
  await addLesson(page, 'Basics', 'What soil is')
  await addLesson(page, 'Basics', 'Texture')
  await addLesson(page, 'Advanced', 'Nutrients')
  await addLesson(page, 'Advanced', 'Erosion')
}

test('an author writes a two-section course, reorders it, and finds everything after a reload', async ({
  page,
}) => {
  await writeTwoSectionCourse(page)
  await expectSections(page, ['Basics', 'Advanced'])
  await expectLessons(page, 'Basics', ['What soil is', 'Texture'])
  await expectLessons(page, 'Advanced', ['Nutrients', 'Erosion'])

  // Formatted text through the toolbar and the keyboard.
  await openLesson(page, 'What soil is')
  const body = lessonBody(page)
  await body.click()
  await toolbarButton(page, 'H1 heading').click()
  await expect(toolbarButton(page, 'H1 heading')).toHaveAttribute('aria-pressed', 'true')
  await body.pressSequentially('Soil is alive')
  await body.press('Enter')
  await body.pressSequentially('It holds ')
  await toolbarButton(page, 'Bold').click()
  await body.pressSequentially('water and air')
  await expect(toolbarButton(page, 'Bold')).toHaveAttribute('aria-pressed', 'true')
  await body.press('ControlOrMeta+b')
  await body.pressSequentially(' for roots.')
  await body.press('Enter')
  await toolbarButton(page, 'Bullet list').click()
  await body.pressSequentially('sand')
  await body.press('Enter')
  await body.pressSequentially('clay')

  await openLesson(page, 'Erosion')
  await lessonBody(page).click()
  await lessonBody(page).pressSequentially('Wind and water carry soil away.')

  // Renames: a section inline, a lesson from its title field, the course from the header.
  await outline(page).getByRole('button', { name: 'Rename section “Advanced”' }).click()
  const sectionInput = outline(page).getByRole('textbox', { name: 'Rename section' })
  await sectionInput.fill('Going further')
  await sectionInput.press('Enter')
  const lessonTitle = page.getByRole('textbox', { name: 'Lesson title' })
  await lessonTitle.fill('Erosion and loss')
  await lessonTitle.press('Enter')
  const courseTitle = page.getByRole('textbox', { name: 'Course title' })
  await courseTitle.fill('Soil Science 101')
  await courseTitle.press('Enter')
  // Escape leaves the title as it was.
  await courseTitle.fill('Not this')
  await courseTitle.press('Escape')
  await expect(courseTitle).toHaveValue('Soil Science 101')

  // Drag "Texture" below "Erosion and loss", across sections.
  const target = lessonRow(page, 'Erosion and loss')
  const box = await target.boundingBox()
  if (!box) throw new Error('the drop target has no box')
  await lessonRow(page, 'Texture').dragTo(target, { targetPosition: { x: box.width / 2, y: box.height - 3 } })
  await expectLessons(page, 'Basics', ['What soil is'])
  await expectLessons(page, 'Going further', ['Nutrients', 'Erosion and loss', 'Texture'])

  // And by keyboard: Alt+↑ on the first lesson of a section crosses into the previous one; Alt+↓ moves it back down.
  await lessonButton(page, 'Nutrients').focus()
  await page.keyboard.press('Alt+ArrowUp')
  await expectLessons(page, 'Basics', ['What soil is', 'Nutrients'])
  await expect(lessonButton(page, 'Nutrients')).toBeFocused()
  await page.keyboard.press('Alt+ArrowUp')
  await expectLessons(page, 'Basics', ['Nutrients', 'What soil is'])
  await sectionButton(page, 'Going further').focus()
  await page.keyboard.press('Alt+ArrowUp')
  await expectSections(page, ['Going further', 'Basics'])
  await page.keyboard.press('Alt+ArrowDown')
  await expectSections(page, ['Basics', 'Going further'])
  // Sections drag too: "Going further" above "Basics".
  await sectionButton(page, 'Going further').dragTo(sectionRow(page, 'Basics'), {
    targetPosition: { x: 20, y: 3 },
  })
  await expectSections(page, ['Going further', 'Basics'])
  await expectSaved(page)

  await page.reload()

  await expect(page.getByRole('textbox', { name: 'Course title' })).toHaveValue('Soil Science 101')
  await expectSections(page, ['Going further', 'Basics'])
  await expectLessons(page, 'Going further', ['Erosion and loss', 'Texture'])
  await expectLessons(page, 'Basics', ['Nutrients', 'What soil is'])
  // The reload kept the open lesson.
  await expect(page.getByRole('textbox', { name: 'Lesson title' })).toHaveValue('Erosion and loss')
  await expect(lessonBody(page)).toHaveText('Wind and water carry soil away.')

  await openLesson(page, 'What soil is')
  await expect(lessonBody(page)).toMatchAriaSnapshot(`
    - textbox "Lesson body":
      - heading "Soil is alive" [level=1]
      - paragraph:
        - text: It holds
        - strong: water and air
        - text: for roots.
      - list:
        - listitem:
          - paragraph: sand
        - listitem:
          - paragraph: clay
  `)

  await page.getByRole('link', { name: 'Library' }).click()
  await expect(page.getByRole('link', { name: 'Soil Science 101' })).toBeVisible()
})

test('the last keystrokes typed right before a reload are kept', async ({ page }) => {
  await writeTwoSectionCourse(page)
  await openLesson(page, 'Texture')
  let expected = ''
  for (const words of ['Sand feels gritty.', ' Silt feels smooth.', ' Clay feels sticky.']) {
    await lessonBody(page).click()
    await page.keyboard.press('ControlOrMeta+End')
    await lessonBody(page).pressSequentially(words)
    expected += words
    // No waiting for "Saved locally": the reload comes straight after the last key.
    await page.reload()
    await expect(lessonBody(page)).toHaveText(expected)
  }
})

test('undo reverts the author’s own typing and redo brings it back', async ({ page }) => {
  await writeTwoSectionCourse(page)
  await openLesson(page, 'Nutrients')
  await expect(toolbarButton(page, 'Undo')).toBeDisabled()
  await lessonBody(page).click()
  // One input, so one undo step: keystrokes slowed past the undo grouping delay would rightly be separate steps.
  await page.keyboard.insertText('Nitrogen')
  await toolbarButton(page, 'Undo').click()
  await expect(lessonBody(page)).toHaveText('')
  await toolbarButton(page, 'Redo').click()
  await expect(lessonBody(page)).toHaveText('Nitrogen')
})

test('one editor serves every lesson: each switch shows that lesson, writes to it, and undoes only its own edits', async ({
  page,
}) => {
  await writeTwoSectionCourse(page)
  await openLesson(page, 'Nutrients')
  await lessonBody(page).click()
  await page.keyboard.insertText('Nitrogen')
  await openLesson(page, 'Erosion')
  await expect(lessonBody(page)).toHaveText('')
  // A lesson opens with nothing to undo, whatever was typed in the lesson before it.
  await expect(toolbarButton(page, 'Undo')).toBeDisabled()
  await lessonBody(page).click()
  await page.keyboard.insertText('Rain')
  await toolbarButton(page, 'Undo').click()
  await expect(lessonBody(page)).toHaveText('')
  await expect(toolbarButton(page, 'Undo')).toBeDisabled()
  await page.keyboard.insertText('Wind')
  await openLesson(page, 'Nutrients')
  await expect(lessonBody(page)).toHaveText('Nitrogen')
  await openLesson(page, 'Erosion')
  await expect(lessonBody(page)).toHaveText('Wind')
  await page.reload()
  await expect(lessonBody(page)).toHaveText('Wind')
  await openLesson(page, 'Nutrients')
  await expect(lessonBody(page)).toHaveText('Nitrogen')
})

test('outline items can be deleted after confirming', async ({ page }) => {
  await writeTwoSectionCourse(page)
  await outline(page).getByRole('button', { name: 'Delete lesson “Texture”' }).click()
  const dialog = page.getByRole('alertdialog', { name: 'Delete lesson “Texture”?' })
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expectLessons(page, 'Basics', ['What soil is', 'Texture'])

  await outline(page).getByRole('button', { name: 'Delete lesson “Texture”' }).click()
  await dialog.getByRole('button', { name: 'Delete lesson' }).click()
  await expectLessons(page, 'Basics', ['What soil is'])

  await outline(page).getByRole('button', { name: 'Delete section “Advanced”' }).click()
  await page
    .getByRole('alertdialog', { name: 'Delete section “Advanced”?' })
    .getByRole('button', { name: 'Delete section' })
    .click()
  await expectSections(page, ['Basics'])
  await page.reload()
  await expectSections(page, ['Basics'])
  await expectLessons(page, 'Basics', ['What soil is'])
})

test('the library lists, filters, renames and deletes courses', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'No courses yet' })).toBeVisible()
  for (const title of ['Intro to Chemistry', 'Biology Basics', 'Organic Chemistry']) {
    await createCourse(page, title)
    await page.getByRole('link', { name: 'Library' }).click()
  }
  const courses = page.getByRole('list', { name: 'Courses' })
  // Most recently edited first, each with when it was last edited.
  await expect(courses.getByRole('link')).toHaveText([
    'Organic Chemistry',
    'Biology Basics',
    'Intro to Chemistry',
  ])
  await expect(courses.getByRole('listitem').first()).toContainText('Edited just now')

  const filter = page.getByRole('searchbox', { name: 'Filter courses' })
  await filter.fill('chem')
  await expect(courses.getByRole('link')).toHaveText(['Organic Chemistry', 'Intro to Chemistry'])
  await filter.fill('physics')
  await expect(page.getByText('No course title contains “physics”.')).toBeVisible()
  await filter.fill('')

  await page.getByRole('button', { name: 'Rename course “Biology Basics”' }).click()
  const renameDialog = page.getByRole('dialog', { name: 'Rename course' })
  await renameDialog.getByRole('textbox', { name: 'Course title' }).fill('Cell Biology')
  await renameDialog.getByRole('button', { name: 'Rename' }).click()
  await expect(courses.getByRole('link', { name: 'Cell Biology' })).toBeVisible()

  // Cancelling keeps the course; confirming deletes it, also after a reload.
  await page.getByRole('button', { name: 'Delete course “Intro to Chemistry”' }).click()
  const confirm = page.getByRole('alertdialog', { name: 'Delete “Intro to Chemistry”?' })
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(confirm).toBeHidden()
  await expect(courses.getByRole('link', { name: 'Intro to Chemistry' })).toBeVisible()
  await page.getByRole('button', { name: 'Delete course “Intro to Chemistry”' }).click()
  await confirm.getByRole('button', { name: 'Delete course' }).click()
  await expect(courses.getByRole('link', { name: 'Intro to Chemistry' })).toBeHidden()

  await page.reload()
  await expect(courses.getByRole('link')).toHaveCount(2)
  await expect(courses.getByRole('link', { name: 'Cell Biology' })).toBeVisible()
  await expect(courses.getByRole('link', { name: 'Organic Chemistry' })).toBeVisible()

  await courses.getByRole('link', { name: 'Cell Biology' }).click()
  await expect(page.getByRole('textbox', { name: 'Course title' })).toHaveValue('Cell Biology')
})

test('a full disk is shown on the save indicator and saving resumes once there is room', async ({
  page,
  baseURL,
}) => {
  const quota = await controlQuota(page, baseURL ?? '')
  await writeTwoSectionCourse(page)
  await openLesson(page, 'Nutrients')
  await lessonBody(page).click()
  await lessonBody(page).pressSequentially('Plants need nitrogen')
  await expectSaved(page)

  await quota.exhaust()
  await lessonBody(page).pressSequentially(', phosphorus')
  await expect(saveState(page)).toContainText("this device's storage is full")
  // The text stays on screen while it cannot be saved.
  await expect(lessonBody(page)).toHaveText('Plants need nitrogen, phosphorus')

  await quota.restore()
  await lessonBody(page).pressSequentially(' and potassium.')
  await expectSaved(page)
  await page.reload()
  await expect(lessonBody(page)).toHaveText('Plants need nitrogen, phosphorus and potassium.')
})

test('changes a full disk kept from being saved survive a reload and are stored once there is room', async ({
  page,
  baseURL,
}) => {
  const quota = await controlQuota(page, baseURL ?? '')
  await writeTwoSectionCourse(page)
  await openLesson(page, 'Nutrients')
  await lessonBody(page).click()
  await lessonBody(page).pressSequentially('Plants need nitrogen')
  await expectSaved(page)

  await quota.exhaust()
  await lessonBody(page).pressSequentially(', phosphorus')
  await expect(saveState(page)).toContainText("this device's storage is full")
  // IndexedDB never took ", phosphorus"; the page kept it when it went away.
  await page.reload()
  await expect(lessonBody(page)).toHaveText('Plants need nitrogen, phosphorus')
  await expect(saveState(page)).toContainText("this device's storage is full")

  await quota.restore()
  await lessonBody(page).click()
  await page.keyboard.press('ControlOrMeta+End')
  await lessonBody(page).pressSequentially(' and potassium.')
  await expectSaved(page)
  await page.reload()
  await expect(lessonBody(page)).toHaveText('Plants need nitrogen, phosphorus and potassium.')
  // Stored in IndexedDB now: nothing is left waiting in localStorage.
  const kept = await page.evaluate(() =>
    Object.keys(localStorage).filter((key) => key.startsWith('chorus.unsaved.')),
  )
  expect(kept).toEqual([])
})

test('a course written by a newer Chorus opens read-only and is never changed', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'No courses yet' })).toBeVisible()
  await storeCourseFromNewerChorus(page, {
    title: 'From the future',
    section: 'Later',
    lesson: 'Hoverboards',
    text: 'Written with features this app does not know.',
  })
  await page.reload()
  await page.getByRole('link', { name: 'From the future' }).click()

  await expect(page.getByRole('alert')).toHaveText(
    'This course was written by a newer version of Chorus. Update Chorus to edit it.',
  )
  await expect(page.getByRole('textbox', { name: 'Course title' })).toBeDisabled()
  await expect(outline(page).getByRole('button', { name: 'Add section' })).toBeDisabled()
  await expect(outline(page).getByRole('button', { name: 'Add lesson to “Later”' })).toBeDisabled()
  await expect(outline(page).getByRole('button', { name: 'Rename section “Later”' })).toBeDisabled()
  await expect(outline(page).getByRole('button', { name: 'Delete section “Later”' })).toBeDisabled()

  await openLesson(page, 'Hoverboards')
  await expect(page.getByRole('textbox', { name: 'Lesson title' })).toBeDisabled()
  await expect(outline(page).getByRole('button', { name: 'Delete lesson “Hoverboards”' })).toBeDisabled()
  await expect(toolbarButton(page, 'Bold')).toBeDisabled()
  await expect(lessonBody(page)).toHaveText('Written with features this app does not know.')
  await expect(lessonBody(page)).not.toBeEditable()

  await lessonBody(page).click()
  await page.keyboard.type('typed anyway')
  await lessonButton(page, 'Hoverboards').press('F2')
  await expect(outline(page).getByRole('textbox', { name: 'Rename lesson' })).toHaveCount(0)
  await page.reload()
  await expect(lessonBody(page)).toHaveText('Written with features this app does not know.')
})

test('links never navigate the app; Ctrl/⌘-click opens them outside it', async ({ page, baseURL }) => {
  await writeTwoSectionCourse(page)
  await openLesson(page, 'Texture')
  await lessonBody(page).click()
  await lessonBody(page).pressSequentially('Read the guide')
  for (let i = 0; i < 'the guide'.length; i++) await page.keyboard.press('Shift+ArrowLeft')
  await toolbarButton(page, 'Link').click()
  const dialog = page.getByRole('dialog', { name: 'Add a link' })
  await dialog.getByRole('textbox', { name: 'Link address' }).fill('javascript:alert(1)')
  await dialog.getByRole('button', { name: 'Apply' }).click()
  await expect(dialog.getByRole('alert')).toHaveText('Enter a web address such as https://example.com.')
  // A loopback address stands in for the web: the test machine has no other network.
  const target = new URL('/guide.html', baseURL).href
  await dialog.getByRole('textbox', { name: 'Link address' }).fill(target)
  await dialog.getByRole('button', { name: 'Apply' }).click()
  const link = lessonBody(page).getByRole('link', { name: 'the guide' })
  await expect(link).toHaveAttribute('href', target)
  await expect(toolbarButton(page, 'Link')).toHaveAttribute('aria-pressed', 'true')

  const appUrl = page.url()
  let popups = 0
  page.on('popup', () => popups++)
  await link.click()
  await expect(lessonBody(page)).toBeFocused()
  expect(page.url()).toBe(appUrl)
  expect(popups).toBe(0)

  const popup = page.waitForEvent('popup')
  await link.click({ modifiers: ['ControlOrMeta'] })
  await expect.poll(async () => (await popup).url()).toBe(target)
  expect(page.url()).toBe(appUrl)
})

test('each lesson opened is an address: Back and Forward go between lessons, and a reload keeps the one open', async ({
  page,
}) => {
  await writeTwoSectionCourse(page)
  const lessonTitle = page.getByRole('textbox', { name: 'Lesson title' })
  await openLesson(page, 'Texture')
  await expect(page).toHaveURL(/#\/course\/[^/]+\/lesson\/[^/]+$/)
  const textureAddress = page.url()
  await openLesson(page, 'Nutrients')
  await openLesson(page, 'Erosion')
  await expect(page).not.toHaveURL(textureAddress)

  await page.goBack()
  await expect(lessonTitle).toHaveValue('Nutrients')
  await page.goBack()
  await expect(lessonTitle).toHaveValue('Texture')
  await expect(page).toHaveURL(textureAddress)
  await page.goForward()
  await expect(lessonTitle).toHaveValue('Nutrients')

  // Opened from a lesson that Back went to: a new entry after it, and the one it replaced is gone, as in a browser.
  await openLesson(page, 'What soil is')
  await page.reload()
  await expect(lessonTitle).toHaveValue('What soil is')
  await page.goBack()
  await expect(lessonTitle).toHaveValue('Nutrients')
})
