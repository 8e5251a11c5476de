/**
 * Settings and sharing, through a real relay: a first run has no name until one is given, and is told where;
 * a course made on this device is shared by pasting an invite for its id (an invite for another course is refused);
 * the invite the Share dialog asks for carries this device's user id and name; in a shared course co-authors see
 * the invite's name (identity is the relay's), not a name changed later in Settings.
 */
import { expect, type Page } from '@playwright/test'
import { test } from './support/test'
import { newCourseId } from '../../shared/course/ids'
import { readCourse } from '../../shared/course/read'
import type { CourseId } from '../../shared/course/types'
import { formatInvite } from '../../shared/protocol/invite'
import { startRelay, tokenFor, type RelayProcess } from '../integration/relay-harness'
import { addLesson, addSection, confirmJoin, createCourse } from './support/chorus'
import { stopRelaysAndClients } from './support/relay-lifecycle'
import { expectSynced, joinAs, relayAddress, relayCopy, relayHost } from './support/shared-course'

let relay: RelayProcess

test.beforeAll(async () => {
  relay = await startRelay()
})

test.afterAll(stopRelaysAndClients)

async function saveSettings(page: Page, name: string, colour: string): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Settings' })
  await dialog.getByRole('textbox', { name: 'Display name' }).fill(name)
  await dialog.getByRole('button', { name: `Use colour ${colour}` }).click()
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
}

test('a local course is shared by an invite for this user, and co-authors see the invite’s name', async ({
  browser,
  baseURL,
}) => {
  const dana = await (await browser.newContext()).newPage()
  await dana.goto(baseURL ?? '')
  // First run: no made-up name (first-run.spec.ts answers the question Chorus asks), and where to give one.
  await expect(
    dana.getByText(
      'Co-authors see you as Anonymous author, and in a shared course by the name on your invite. Give your name in Settings.',
      { exact: true },
    ),
  ).toBeVisible()
  await saveSettings(dana, 'Dana Field', '#15803d')
  await expect(dana.getByText('Co-authors see you as Dana Field,', { exact: false })).toBeVisible()

  await createCourse(dana, 'Made here first')
  await addSection(dana, 'Basics')
  await addLesson(dana, 'Basics', 'Erosion')
  const courseId = decodeURIComponent(/#\/course\/([^/]+)/.exec(dana.url())?.[1] ?? '') as CourseId
  // Not shared yet: no connection to show, but a way to share.
  await expect(dana.getByRole('status', { name: 'Connection' })).toHaveCount(0)
  await dana.getByRole('button', { name: 'Share…' }).click()
  const share = dana.getByRole('dialog', { name: 'Share this course' })
  await expect(share.getByText(courseId, { exact: true })).toBeVisible()
  const command = share.getByText(
    new RegExp(
      `^npm run relay -- token --course ${courseId} --role author --name 'Dana Field' --user (\\S+) --invite URL$`,
    ),
  )
  await expect(command).toBeVisible()
  const danaId = /--user (\S+)/.exec((await command.textContent()) ?? '')?.[1] ?? ''
  await expect(share.getByRole('button', { name: 'Copy course id' })).toBeVisible()

  // Minted as the dialog's command says: for Dana's device user id, under her name.
  const inviteFor = async (course: CourseId) =>
    formatInvite({
      relay: relayAddress(relay),
      courseId: course,
      token: await tokenFor(course, 'author', { user: danaId, name: 'Dana Field' }),
    })
  const field = share.getByRole('textbox', { name: 'Invite link for this course' })
  const other = newCourseId()
  await field.fill(await inviteFor(other))
  await share.getByRole('button', { name: 'Connect' }).click()
  await expect(share.getByRole('alert')).toContainText(`This invite is for another course (${other})`)

  await field.fill(await inviteFor(courseId))
  await share.getByRole('button', { name: 'Connect' }).click()
  await confirmJoin(dana, relayHost(relay))
  await expect(share).toBeHidden()
  await expectSynced(dana)
  await expect(dana.getByRole('button', { name: 'Share…' })).toHaveCount(0)

  // The relay now holds what was made on this device.
  const onRelay = readCourse(await relayCopy(relay, courseId))
  expect(onRelay.meta.title).toBe('Made here first')
  expect(onRelay.sections.flatMap((s) => s.lessons.map((l) => l.title))).toEqual(['Erosion'])

  // A co-author sees Dana under her invite's name; a name changed later in Settings does not override it.
  const eli = await joinAs(browser, { relay, courseId, title: 'Made here first', user: 'eli', baseURL })
  const online = eli.getByRole('list', { name: 'People online' })
  await expect(online.getByRole('listitem').filter({ hasText: 'Dana Field' })).toBeVisible()
  await saveSettings(dana, 'Dana F. Okafor', '#9333ea')
  await expect(
    dana.getByRole('list', { name: 'People online' }).getByRole('listitem').filter({ hasText: '(you)' }),
  ).toHaveText('Dana Field (you)')
  await expect(online.getByRole('listitem').filter({ hasText: 'Dana Field' })).toBeVisible()
  await expect(online.getByRole('listitem').filter({ hasText: 'Dana F. Okafor' })).toHaveCount(0)
})
