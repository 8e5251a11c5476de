/**
 * Media travel between co-authors through a real relay process, beside the document: an image one author adds
 * appears for another who never had the file, also when it was added while the relay was down.
 */
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test'
import { addLesson, addSection, createCourse } from '../../shared/course/commands'
import { newCourseId } from '../../shared/course/ids'
import type { CourseId } from '../../shared/course/types'
import { formatInvite } from '../../shared/protocol/invite'
import { mediaBlobUrl } from '../../shared/protocol/media'
import {
  connectClient,
  destroyClients,
  killRelays,
  startRelay,
  tokenFor,
  type RelayProcess,
} from '../integration/relay-harness'
import { openLesson } from './support/chorus'
import { sha256, solidPng } from './support/media-fixtures'

let relay: RelayProcess
const courseId: CourseId = newCourseId()

test.beforeAll(async () => {
  relay = await startRelay()
  const seeder = connectClient(relay.url, courseId, await tokenFor(courseId, 'author', { user: 'seeder' }))
  await seeder.synced()
  createCourse(seeder.doc, { id: courseId, title: 'Field photos' })
  const sectionId = addSection(seeder.doc, { title: 'Basics' })
  addLesson(seeder.doc, { sectionId, title: 'Gallery' })
  addLesson(seeder.doc, { sectionId, title: 'Offline shots' })
})

test.afterAll(async () => {
  destroyClients()
  await killRelays()
})

const connection = (page: Page): Locator => page.getByRole('status', { name: 'Connection' })

async function joinAs(browser: Browser, user: string, baseURL: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  const token = await tokenFor(courseId, 'author', { user })
  await page.goto(formatInvite({ relay: relay.url.replace(/\/+$/, ''), courseId, token }, baseURL))
  await expect(page.getByRole('textbox', { name: 'Course title' })).toHaveValue('Field photos')
  await expect(connection(page)).toHaveText(/^Synced/)
  return page
}

async function insertImage(page: Page, png: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page
    .getByRole('group', { name: 'Insert' })
    .getByRole('button', { name: 'Image', exact: true })
    .click()
  await (await chooser).setFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png })
}

/** The width the browser decoded the lesson's image at: 0 until its bytes are here and valid. */
const decodedWidth = (page: Page): Promise<number> =>
  page
    .getByRole('group', { name: 'Image', exact: true })
    .locator('img')
    .first()
    .evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))
    .catch(() => 0)

test('an image one author adds loads for another who never had the file', async ({ browser, baseURL }) => {
  const png = solidPng(7, [200, 30, 30])
  const ann = await joinAs(browser, 'ann', baseURL ?? '')
  await openLesson(ann, 'Gallery')
  await insertImage(ann, png)
  await expect.poll(() => decodedWidth(ann)).toBe(7)

  const ben = await joinAs(browser, 'ben', baseURL ?? '')
  await openLesson(ben, 'Gallery')
  await expect.poll(() => decodedWidth(ben), { timeout: 20_000 }).toBe(7)

  // It went through the relay's media store, not the document.
  const held = await fetch(mediaBlobUrl(relay.url, courseId, sha256(png), await tokenFor(courseId, 'viewer')))
  expect(held.status).toBe(200)
})

test('an image added while the relay was down reaches a co-author once its author reconnects', async ({
  browser,
  baseURL,
}) => {
  // The app's reconnect back-off grows while the relay is down; on a loaded machine the restart takes seconds.
  test.setTimeout(120_000)
  const png = solidPng(11, [20, 90, 200])
  const cas = await joinAs(browser, 'cas', baseURL ?? '')
  const dee = await joinAs(browser, 'dee', baseURL ?? '')
  await openLesson(cas, 'Offline shots')

  const { dataDir, port } = relay
  await relay.kill()
  await expect(connection(cas)).not.toHaveText(/^Synced/)
  await insertImage(cas, png)
  await expect.poll(() => decodedWidth(cas)).toBe(11)

  relay = await startRelay({ dataDir, port })
  await expect(connection(cas)).toHaveText(/^Synced/, { timeout: 30_000 })
  await expect(connection(dee)).toHaveText(/^Synced/, { timeout: 30_000 })
  await openLesson(dee, 'Offline shots')
  await expect.poll(() => decodedWidth(dee), { timeout: 30_000 }).toBe(11)
  const held = await fetch(mediaBlobUrl(relay.url, courseId, sha256(png), await tokenFor(courseId, 'viewer')))
  expect(held.status).toBe(200)
})
