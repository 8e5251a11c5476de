/**
 * Joins that cannot be hijacked, through real relays: a course shared through relay A is opened with an invite for
 * the same course naming relay B. The app asks first, showing B's host and that the course is shared through A;
 * Cancel and Escape leave the course exactly as it was (same relay link, still synced with A, B never contacted),
 * and the invite's token leaves the address bar and history at once. Only Connect moves the course to B.
 */
import { expect, type Page } from '@playwright/test'
import { test } from './support/test'
import { addLesson } from '../../shared/course/commands'
import { readCourse } from '../../shared/course/read'
import type { CourseId } from '../../shared/course/types'
import { formatInvite } from '../../shared/protocol/invite'
import { startRelay, tokenFor, type RelayProcess } from '../integration/relay-harness'
import { confirmJoin, createCourse, expectLessons, joinConfirmation } from './support/chorus'
import { installDesktopStandIn } from './support/desktop-stand-in'
import { stopRelaysAndClients } from './support/relay-lifecycle'
import {
  connection,
  expectSynced,
  relayAddress,
  relayCopy,
  relayHost,
  seedCourse,
  type SeededCourse,
} from './support/shared-course'

let relayA: RelayProcess
let relayB: RelayProcess
let course: SeededCourse

test.beforeAll(async () => {
  ;[relayA, relayB] = await Promise.all([startRelay(), startRelay()])
  course = await seedCourse(relayA, 'Rivers', { Basics: ['Erosion'] })
})

test.afterAll(stopRelaysAndClients)

/** The course's relay link as the app stored it in IndexedDB, read straight from the database. */
const storedRelayLink = (page: Page, courseId: CourseId): Promise<unknown> =>
  page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('chorus')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    try {
      return await new Promise((resolve, reject) => {
        const read = db.transaction('relayLinks').objectStore('relayLinks').get(id)
        read.onsuccess = () => resolve(read.result)
        read.onerror = () => reject(read.error)
      })
    } finally {
      db.close()
    }
  }, courseId)

const webInvite = async (relay: string, courseId: CourseId, baseURL: string, user = 'ann'): Promise<string> =>
  formatInvite({ relay, courseId, token: await tokenFor(courseId, 'author', { user }) }, baseURL)

const openCourse = async (page: Page, baseURL: string, courseId: CourseId): Promise<void> => {
  await page.goto(`${baseURL}/#/course/${courseId}`)
  await expect(page.getByRole('textbox', { name: 'Course title' })).toHaveValue('Rivers')
}

test('an invite naming another relay asks first; Cancel and Escape leave the course as it was', async ({
  browser,
  baseURL: base,
}) => {
  const baseURL = base ?? ''
  const { courseId } = course
  const page = await (await browser.newContext()).newPage()

  // A course new to this device asks too, and the token is gone from the address before the question shows.
  await page.goto(await webInvite(relayAddress(relayA), courseId, baseURL))
  const dialog = joinConfirmation(page)
  await expect(dialog).toHaveAccessibleDescription(/not on this device yet/)
  expect(page.url()).not.toContain('token=')
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await confirmJoin(page, relayHost(relayA))
  await expect(page.getByRole('textbox', { name: 'Course title' })).toHaveValue('Rivers')
  await expectSynced(page)
  const linkToA = await storedRelayLink(page, courseId)
  expect(linkToA).toMatchObject({ courseId, relayUrl: relayAddress(relayA) })

  const quietB = relayB.logs.length
  const inviteToB = await webInvite(relayAddress(relayB), courseId, baseURL, 'mallory')
  for (const answer of ['Escape', 'Cancel'] as const) {
    await openCourse(page, baseURL, courseId)
    await page.goto(inviteToB)
    await expect(dialog).toBeVisible()
    // B's host and what the course is now, from this device's copy.
    await expect(dialog.getByRole('definition').filter({ hasText: relayHost(relayB) })).toBeVisible()
    await expect(dialog.getByRole('definition').filter({ hasText: 'Rivers' })).toBeVisible()
    await expect(
      dialog.getByText(`Shared through another relay, ${relayHost(relayA)}`, { exact: true }),
    ).toBeVisible()
    await expect(dialog).toHaveAccessibleDescription(/Connecting moves it/)
    await expect(dialog.getByRole('note', { name: 'Unencrypted connection' })).toHaveCount(0)
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()

    // The token left the address bar and this history entry at once; the previous entry is the course.
    expect(page.url()).toBe(`${baseURL}/#/`)
    await page.goBack()
    expect(page.url()).toBe(`${baseURL}/#/course/${courseId}`)
    await page.goForward()
    expect(page.url()).toBe(`${baseURL}/#/`)

    if (answer === 'Escape') await page.keyboard.press('Escape')
    else await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(dialog).toBeHidden()
    expect(await storedRelayLink(page, courseId)).toEqual(linkToA)
  }

  // Still synced with A, content unchanged, and B never heard from this app.
  await openCourse(page, baseURL, courseId)
  await expectSynced(page)
  await expectLessons(page, 'Basics', ['Erosion'])
  const basics = readCourse(course.seeder.doc).sections[0]
  if (basics === undefined) throw new Error('the seeded course has no section')
  addLesson(course.seeder.doc, { sectionId: basics.id, title: 'Floods' })
  await expectLessons(page, 'Basics', ['Erosion', 'Floods'])
  expect(relayB.logs.slice(quietB)).toEqual([])

  // A relay outside loopback and private networks over ws:// gets a warning (and Cancel, so nothing is tried).
  await page.goto(await webInvite('ws://relay.example.org:8080', courseId, baseURL))
  await expect(dialog.getByRole('note', { name: 'Unencrypted connection' })).toContainText(
    'Anyone on the network between you and relay.example.org:8080 can read the course',
  )
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  expect(await storedRelayLink(page, courseId)).toEqual(linkToA)

  // Connect is what moves the course: B now holds it, and the app syncs with B.
  await page.goto(inviteToB)
  await confirmJoin(page, relayHost(relayB))
  await expect(page.getByRole('textbox', { name: 'Course title' })).toHaveValue('Rivers')
  await expectSynced(page)
  expect(await storedRelayLink(page, courseId)).toMatchObject({ relayUrl: relayAddress(relayB) })
  await relayB.waitForLog((line) => line.event === 'connection-opened' && line.user === 'mallory')
  const onB = readCourse(await relayCopy(relayB, courseId))
  expect(onB.sections.flatMap((s) => s.lessons.map((l) => l.title))).toEqual(['Erosion', 'Floods'])
})

test('a desktop chorus:// link goes through the same confirmation, also for a course only on this device', async ({
  page,
}) => {
  const desktop = await installDesktopStandIn(page)
  await page.goto('/')
  await createCourse(page, 'Made on the desktop')
  const courseId = decodeURIComponent(/#\/course\/([^/]+)/.exec(page.url())?.[1] ?? '') as CourseId
  const quietB = relayB.logs.length

  const chorusLink = formatInvite({
    relay: relayAddress(relayB),
    courseId,
    token: await tokenFor(courseId, 'author'),
  })
  await desktop.openInviteLink(chorusLink)
  const dialog = joinConfirmation(page)
  await expect(dialog.getByText('Only on this device')).toBeVisible()
  await expect(dialog).toHaveAccessibleDescription(/“Made on the desktop” is on this device only/)
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()

  // A pasted invite asks the same question.
  await page.goto('/#/')
  await page.getByRole('button', { name: 'Join shared course' }).click()
  const paste = page.getByRole('dialog', { name: 'Join shared course' })
  await paste.getByRole('textbox', { name: 'Invite link' }).fill(chorusLink)
  await paste.getByRole('button', { name: 'Join' }).click()
  await expect(dialog.getByRole('definition').filter({ hasText: relayHost(relayB) })).toBeVisible()
  await expect(dialog.getByText('Only on this device')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  expect(await storedRelayLink(page, courseId)).toBeUndefined()
  await page.getByRole('link', { name: 'Made on the desktop' }).click()
  await expect(page.getByRole('button', { name: 'Share…' })).toBeVisible()
  await expect(connection(page)).toHaveCount(0)
  expect(relayB.logs.slice(quietB)).toEqual([])
})
