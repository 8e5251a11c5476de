/**
 * Media travel between co-authors through a real relay process, beside the document: an image one author adds
 * appears for another who never had the file, also when it was added while the relay was down.
 */
import { expect } from '@playwright/test'
import { test } from './support/test'
import { mediaBlobUrl } from '../../shared/protocol/media'
import { startRelay, tokenFor, type RelayProcess } from '../integration/relay-harness'
import { openLesson } from './support/chorus'
import { decodedWidth, insertImage } from './support/lesson-image'
import { sha256, solidPng } from './support/media-fixtures'
import { restartRelay, stopRelaysAndClients } from './support/relay-lifecycle'
import { connection, joinAs, seedCourse, type SeededCourse } from './support/shared-course'

let relay: RelayProcess
let course: SeededCourse

test.beforeAll(async () => {
  relay = await startRelay()
  course = await seedCourse(relay, 'Field photos', { Basics: ['Gallery', 'Offline shots'] })
})

test.afterAll(stopRelaysAndClients)

/** The HTTP status of these bytes in the relay's media store (200: the relay holds them). */
async function heldByRelay(bytes: Buffer): Promise<number> {
  const token = await tokenFor(course.courseId, 'viewer')
  return (await fetch(mediaBlobUrl(relay.url, course.courseId, sha256(bytes), token))).status
}

test('an image one author adds loads for another who never had the file', async ({ browser, baseURL }) => {
  const png = solidPng(7, [200, 30, 30])
  const join = (user: string) => joinAs(browser, { relay, ...course, user, baseURL })
  const ann = await join('ann')
  await openLesson(ann, 'Gallery')
  await insertImage(ann, png)
  await expect.poll(() => decodedWidth(ann)).toBe(7)

  const ben = await join('ben')
  await openLesson(ben, 'Gallery')
  await expect.poll(() => decodedWidth(ben), { timeout: 20_000 }).toBe(7)

  // It went through the relay's media store, not the document.
  expect(await heldByRelay(png)).toBe(200)
})

test('an image added while the relay was down reaches a co-author once its author reconnects', async ({
  browser,
  baseURL,
}) => {
  // The app's reconnect back-off grows while the relay is down; on a loaded machine the restart takes seconds.
  test.setTimeout(120_000)
  const png = solidPng(11, [20, 90, 200])
  const join = (user: string) => joinAs(browser, { relay, ...course, user, baseURL })
  const cas = await join('cas')
  const dee = await join('dee')
  await openLesson(cas, 'Offline shots')

  await relay.kill()
  await expect(connection(cas)).not.toHaveText(/^Synced/)
  await insertImage(cas, png)
  await expect.poll(() => decodedWidth(cas)).toBe(11)

  relay = await restartRelay(relay)
  await expect(connection(cas)).toHaveText(/^Synced/, { timeout: 30_000 })
  await expect(connection(dee)).toHaveText(/^Synced/, { timeout: 30_000 })
  await openLesson(dee, 'Offline shots')
  await expect.poll(() => decodedWidth(dee), { timeout: 30_000 }).toBe(11)
  expect(await heldByRelay(png)).toBe(200)
})
