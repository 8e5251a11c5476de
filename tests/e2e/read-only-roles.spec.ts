/**
 * Access in the browser: a viewer and a reviewer join the same course as an author. Whatever they try on the
 * content — typing into the lesson, renaming the course, the lesson or a section — never reaches the author nor the
 * document the relay stores (read back by a fresh y-websocket client with an author token). Whether the UI stops
 * them or the relay drops their updates, the outcome must be the same.
 */
import { expect, type Page } from '@playwright/test'
import { test } from './support/test'
import { lessonBody as storedLessonBody, readCourse } from '../../shared/course/read'
import { startRelay, type RelayProcess } from '../integration/relay-harness'
import { lessonBody, openLesson, outline } from './support/chorus'
import { stopRelaysAndClients } from './support/relay-lifecycle'
import {
  expectSynced,
  joinAs,
  relayCopy,
  seedCourse,
  typeAtEnd,
  type SeededCourse,
} from './support/shared-course'

const TITLE = 'Guarded course'
let relay: RelayProcess
let course: SeededCourse

test.beforeAll(async () => {
  relay = await startRelay()
  course = await seedCourse(relay, TITLE, { Basics: ['Erosion'] })
})

test.afterAll(stopRelaysAndClients)

/** Everything a person might try on the content; steps the UI does not offer are skipped, not failed. */
async function tryToEdit(page: Page, who: string): Promise<void> {
  await lessonBody(page)
    .click({ timeout: 2000 })
    .catch(() => {})
  await page.keyboard.type(` ${who}wrote`)
  for (const [name, value] of [
    ['Course title', `${who} course`],
    ['Lesson title', `${who} lesson`],
  ] as const) {
    const field = page.getByRole('textbox', { name, exact: true })
    if (!(await field.isEditable())) continue
    await field.fill(value)
    await field.press('Enter')
  }
  const renameSection = outline(page).getByRole('button', { name: 'Rename section “Basics”', exact: true })
  if ((await renameSection.isVisible()) && (await renameSection.isEnabled())) {
    await renameSection.click()
    const input = outline(page).getByRole('textbox', { name: 'Rename section' })
    if (await input.isEditable()) {
      await input.fill(`${who} section`)
      await input.press('Enter')
    }
  }
}

test('a viewer and a reviewer cannot change the content, in the browser or on the relay', async ({
  browser,
  baseURL,
}) => {
  const join = (user: string, role: 'author' | 'reviewer' | 'viewer') =>
    joinAs(browser, { relay, ...course, user, role, baseURL })
  const author = await join('ann', 'author')
  const viewer = await join('vic', 'viewer')
  const reviewer = await join('rita', 'reviewer')
  for (const page of [author, viewer, reviewer]) await openLesson(page, 'Erosion')

  await tryToEdit(viewer, 'viewer')
  await tryToEdit(reviewer, 'reviewer')

  // The author keeps writing, and both others receive it: the channel works, only their writes go nowhere.
  await typeAtEnd(lessonBody(author), 'Author line.')
  for (const page of [viewer, reviewer]) await expect(lessonBody(page)).toContainText('Author line.')
  // Nothing of theirs waits for the relay either: the attempts changed nothing, even locally.
  for (const page of [viewer, reviewer]) await expectSynced(page)

  const authorText = (await lessonBody(author).textContent()) ?? ''
  expect(authorText).not.toMatch(/viewer|reviewer/)
  await expect(author.getByRole('textbox', { name: 'Course title' })).toHaveValue(TITLE)
  await expect(author.getByRole('textbox', { name: 'Lesson title' })).toHaveValue('Erosion')
  await expect(
    outline(author).getByRole('button', { name: 'Rename section “Basics”', exact: true }),
  ).toBeVisible()

  // The relay's document, as a fresh author client receives it.
  const onRelay = await relayCopy(relay, course.courseId)
  const stored = readCourse(onRelay)
  const body = storedLessonBody(onRelay, course.lessonId('Erosion'))?.toString() ?? ''
  expect(body).toContain('Author line.')
  expect(body).not.toMatch(/viewer|reviewer/)
  expect(stored.meta.title).toBe(TITLE)
  expect(stored.sections.map((section) => section.title)).toEqual(['Basics'])
  expect(stored.sections.flatMap((section) => section.lessons.map((lesson) => lesson.title))).toEqual([
    'Erosion',
  ])
})
