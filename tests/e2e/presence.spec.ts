/**
 * Presence through a real relay process: two browser contexts with different display names join one shared course;
 * each sees the other online, in the outline and as a named caret in the lesson they share.
 */
import { expect, test } from '@playwright/test'
import { startRelay, type RelayProcess } from '../integration/relay-harness'
import { lessonBody, lessonRow, openLesson } from './support/chorus'
import { stopRelaysAndClients } from './support/relay-lifecycle'
import { joinAs, seedCourse, type SeededCourse } from './support/shared-course'

let relay: RelayProcess
let course: SeededCourse

test.beforeAll(async () => {
  relay = await startRelay()
  course = await seedCourse(relay, 'Shared soil course', { Basics: ['Erosion', 'Compost'] })
})

test.afterAll(stopRelaysAndClients)

test('co-authors see who is online, where they are and their named carets', async ({ browser, baseURL }) => {
  const join = (displayName: string, colour: string) =>
    joinAs(browser, { relay, ...course, user: displayName, displayName, colour, baseURL })
  const ada = await join('Ada Lovelace', '#c2410c')
  const ben = await join('Ben Okri', '#15803d')

  const online = ada.getByRole('list', { name: 'People online' })
  await expect(online.getByRole('listitem')).toHaveText(['Ada Lovelace (you)', 'Ben Okri'])

  await openLesson(ada, 'Erosion')
  await openLesson(ben, 'Erosion')
  await lessonBody(ben).click()
  await lessonBody(ben).pressSequentially('Rain loosens topsoil')

  // Ben's caret carries his name, in his colour, inside Ada's editor.
  await expect(lessonBody(ada)).toContainText('Rain loosens topsoil')
  // The name is CSS-generated (kept out of the lesson's text), so the label is found by the name it shows.
  const caretLabel = lessonBody(ada).locator('.collaboration-carets__label[data-name="Ben Okri"]')
  await expect(caretLabel).toBeVisible()
  await expect(caretLabel).toHaveCSS('background-color', 'rgb(21, 128, 61)')

  // The outline marks the lesson Ben has open, and follows him to another one.
  await expect(lessonRow(ada, 'Erosion').getByRole('note')).toHaveText('Ben Okri is here')
  await openLesson(ben, 'Compost')
  await expect(lessonRow(ada, 'Compost').getByRole('note')).toHaveText('Ben Okri is here')
  await expect(lessonRow(ada, 'Erosion').getByRole('note')).toHaveCount(0)
})
