/**
 * Live co-authoring through a real relay process: two browser contexts (separate IndexedDB, separate sockets)
 * join one shared course by its invite link and type into the same lesson at the same time.
 */
import { expect, test, type Browser, type Page } from '@playwright/test'
import { addLesson, addSection, createCourse } from '../../shared/course/commands'
import { newCourseId } from '../../shared/course/ids'
import { lessonBody as storedLessonBody } from '../../shared/course/read'
import type { CourseId, LessonId } from '../../shared/course/types'
import { formatInvite } from '../../shared/protocol/invite'
import {
  connectClient,
  destroyClients,
  killRelays,
  startRelay,
  tokenFor,
  type Client,
  type RelayProcess,
} from '../integration/relay-harness'
import { lessonBody, openLesson } from './support/chorus'

let relay: RelayProcess
let seeder: Client
let lessonId: LessonId
const courseId: CourseId = newCourseId()

test.beforeAll(async () => {
  relay = await startRelay()
  // The course's first author, as a plain y-websocket client: it puts the outline on the relay.
  seeder = connectClient(relay.url, courseId, await tokenFor(courseId, 'author', { user: 'seeder' }))
  await seeder.synced()
  createCourse(seeder.doc, { id: courseId, title: 'Shared soil course' })
  const sectionId = addSection(seeder.doc, { title: 'Basics' })
  lessonId = addLesson(seeder.doc, { sectionId, title: 'Erosion' })
})

test.afterAll(async () => {
  destroyClients()
  await killRelays()
})

const connection = (page: Page) => page.getByRole('status', { name: 'Connection' })

async function joinAs(browser: Browser, user: string, baseURL: string): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  const token = await tokenFor(courseId, 'author', { user })
  await page.goto(formatInvite({ relay: relay.url.replace(/\/+$/, ''), courseId, token }, baseURL))
  await expect(page.getByRole('textbox', { name: 'Course title' })).toHaveValue('Shared soil course')
  await expect(connection(page)).toHaveText('Synced')
  return page
}

test('two authors type into the same lesson at once and both end with every keystroke', async ({
  browser,
  baseURL,
}) => {
  const ann = await joinAs(browser, 'ann', baseURL ?? '')
  const ben = await joinAs(browser, 'ben', baseURL ?? '')
  await openLesson(ann, 'Erosion')
  await openLesson(ben, 'Erosion')
  await lessonBody(ann).click()
  await lessonBody(ben).click()

  const annText = 'Rain loosens topsoil on bare slopes'
  const benText = 'Roots of cover crops hold the ground'
  await Promise.all([
    lessonBody(ann).pressSequentially(annText, { delay: 15 }),
    lessonBody(ben).pressSequentially(benText, { delay: 15 }),
  ])
  for (const page of [ann, ben]) {
    await expect(lessonBody(page)).toContainText(annText)
    await expect(lessonBody(page)).toContainText(benText)
  }
  expect(await lessonBody(ann).textContent()).toBe(await lessonBody(ben).textContent())

  // One keystroke, timed from the key press in one browser to the text appearing in the other.
  const marker = 'Z'
  const started = Date.now()
  await lessonBody(ann).press(marker)
  await ben.waitForFunction(
    (text) => document.querySelector('[aria-label="Lesson body"]')?.textContent?.includes(text) ?? false,
    marker,
    { polling: 'raf' },
  )
  console.log(`typing-to-remote-visible latency: ${Date.now() - started} ms`)

  // The relay also kept every keystroke for anyone who joins later.
  const relayed = () => storedLessonBody(seeder.doc, lessonId)?.toString() ?? ''
  await expect.poll(relayed).toContain(annText)
  await expect.poll(relayed).toContain(benText)
})
