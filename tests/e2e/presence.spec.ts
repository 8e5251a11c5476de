/**
 * Presence through a real relay process: two browser contexts with different display names join one shared course;
 * each sees the other online, in the outline and as a named caret in the lesson they share.
 */
import { expect, test, type Browser, type Page } from '@playwright/test'
import { addLesson, addSection, createCourse } from '../../shared/course/commands'
import { newCourseId } from '../../shared/course/ids'
import type { CourseId } from '../../shared/course/types'
import { formatInvite } from '../../shared/protocol/invite'
import {
  connectClient,
  destroyClients,
  killRelays,
  startRelay,
  tokenFor,
  type RelayProcess,
} from '../integration/relay-harness'
import { lessonBody, lessonRow, openLesson } from './support/chorus'

let relay: RelayProcess
const courseId: CourseId = newCourseId()

test.beforeAll(async () => {
  relay = await startRelay()
  const seeder = connectClient(relay.url, courseId, await tokenFor(courseId, 'author', { user: 'seeder' }))
  await seeder.synced()
  createCourse(seeder.doc, { id: courseId, title: 'Shared soil course' })
  const sectionId = addSection(seeder.doc, { title: 'Basics' })
  addLesson(seeder.doc, { sectionId, title: 'Erosion' })
  addLesson(seeder.doc, { sectionId, title: 'Compost' })
})

test.afterAll(async () => {
  destroyClients()
  await killRelays()
})

/** Sets the display name the sync code reads (there is no settings screen yet), then joins by invite link. */
async function joinAs(browser: Browser, name: string, colour: string, baseURL: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await page.goto(baseURL)
  await expect(page.getByRole('button', { name: 'New course', exact: true })).toBeVisible()
  await page.evaluate(
    ([displayName, colourValue]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('chorus')
        open.onerror = () => reject(open.error ?? new Error('could not open the database'))
        open.onsuccess = () => {
          const tx = open.result.transaction('settings', 'readwrite')
          tx.objectStore('settings').put({ key: 'displayName', value: displayName })
          tx.objectStore('settings').put({ key: 'colour', value: colourValue })
          tx.oncomplete = () => (open.result.close(), resolve())
          tx.onerror = () => reject(tx.error ?? new Error('could not write the settings'))
        }
      }),
    [name, colour],
  )
  const token = await tokenFor(courseId, 'author', { user: name })
  await page.goto(formatInvite({ relay: relay.url.replace(/\/+$/, ''), courseId, token }, baseURL))
  await expect(page.getByRole('textbox', { name: 'Course title' })).toHaveValue('Shared soil course')
  await expect(page.getByRole('status', { name: 'Connection' })).toHaveText('Synced')
  return page
}

test('co-authors see who is online, where they are and their named carets', async ({ browser, baseURL }) => {
  const ada = await joinAs(browser, 'Ada Lovelace', '#c2410c', baseURL ?? '')
  const ben = await joinAs(browser, 'Ben Okri', '#15803d', baseURL ?? '')

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
