/**
 * The course header tells whether media are still on their way through the real relay: "Sending…" while an
 * author's image has not reached it, "Receiving…" while a co-author's has not arrived, and nothing once done.
 * Each pending state is held open by delaying that one request, not left to timing.
 */
import { expect, type Locator, type Page, type Route } from '@playwright/test'
import { test } from './support/test'
import { destroyClients, killRelays, startRelay } from '../integration/relay-harness'
import { openLesson } from './support/chorus'
import { decodedWidth, insertImage } from './support/lesson-image'
import { sha256, solidPng } from './support/media-fixtures'
import { joinIn, seedCourse } from './support/shared-course'

const mediaStatus = (page: Page): Locator => page.getByRole('status', { name: 'Media transfers' })

/** A gate for requests: each one waits at the gate until it opens, then goes on to the relay unchanged. */
const gate = () => {
  let open = (): void => {}
  const opened = new Promise<void>((resolve) => (open = resolve))
  let held = 0
  const hold = async (route: Route): Promise<void> => {
    held++
    await opened
    await route.continue()
  }
  return { hold, open, held: () => held }
}

test.afterEach(async () => {
  destroyClients()
  await killRelays()
})

test('the header shows media still being sent and received, and nothing once they are through', async ({
  browser,
  baseURL,
}) => {
  const relay = await startRelay()
  const course = await seedCourse(relay, 'Harbour survey', { Basics: ['Photos'] })
  const join = { relay, courseId: course.courseId, title: course.title, baseURL }
  const png = solidPng(13, [10, 120, 90])
  const blobPath = `/media/${course.courseId}/${sha256(png)}`

  // The author's upload is held: the header says the image has not reached the relay yet.
  const annContext = await browser.newContext()
  const upload = gate()
  await annContext.route((url) => url.pathname === blobPath, upload.hold)
  const ann = await joinIn(annContext, { ...join, user: 'ann' })
  await expect(mediaStatus(ann)).toHaveText('')
  await openLesson(ann, 'Photos')
  await insertImage(ann, png)
  await expect(mediaStatus(ann)).toHaveText(/^Sending 1 media file \(\d+ kB\)…$/)
  expect(upload.held()).toBe(1)
  upload.open()
  await expect(mediaStatus(ann)).toHaveText('')

  // A co-author's download is held: the header says it is arriving, and the image is not there yet.
  const benContext = await browser.newContext()
  const download = gate()
  await benContext.route((url) => url.pathname === blobPath, download.hold)
  const ben = await joinIn(benContext, { ...join, user: 'ben' })
  await openLesson(ben, 'Photos')
  await expect(mediaStatus(ben)).toHaveText('Receiving 1 media file…')
  expect(download.held()).toBe(1)
  await expect(ben.getByRole('group', { name: 'Image', exact: true }).getByRole('note')).toContainText(
    'not on this device yet',
  )
  download.open()
  await expect.poll(() => decodedWidth(ben)).toBe(13)
  await expect(mediaStatus(ben)).toHaveText('')
})
