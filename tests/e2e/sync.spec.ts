/**
 * Live co-authoring through a real relay process: two browser contexts (separate IndexedDB, separate sockets)
 * join one shared course by its invite link and type into the same lesson at the same time.
 */
import { expect, test } from '@playwright/test'
import { lessonBody as storedLessonBody } from '../../shared/course/read'
import { startRelay, type RelayProcess } from '../integration/relay-harness'
import { lessonBody, openLesson } from './support/chorus'
import { stopRelaysAndClients } from './support/relay-lifecycle'
import { joinAs, seedCourse, type SeededCourse } from './support/shared-course'

let relay: RelayProcess
let course: SeededCourse

test.beforeAll(async () => {
  relay = await startRelay()
  course = await seedCourse(relay, 'Shared soil course', { Basics: ['Erosion'] })
})

test.afterAll(stopRelaysAndClients)

test('two authors type into the same lesson at once and both end with every keystroke', async ({
  browser,
  baseURL,
}) => {
  const ann = await joinAs(browser, { relay, ...course, user: 'ann', baseURL })
  const ben = await joinAs(browser, { relay, ...course, user: 'ben', baseURL })
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
  const relayed = () => storedLessonBody(course.seeder.doc, course.lessonId('Erosion'))?.toString() ?? ''
  await expect.poll(relayed).toContain(annText)
  await expect.poll(relayed).toContain(benText)
})
