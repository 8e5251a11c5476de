/**
 * Comments follow a course the moment it is shared: an author comments on a course that lives on this device only,
 * shares it with the invite the Share dialog asks for (minted for her device's user id), and — without reopening it —
 * a co-author sees her comment and she sees the co-author's reply live. The relay accepts her earlier comment
 * because the invite is for the user who wrote it.
 */
import { expect, type Page } from '@playwright/test'
import { test } from './support/test'
import type { CourseId } from '../../shared/course/types'
import { formatInvite } from '../../shared/protocol/invite'
import { startRelay, tokenFor, type RelayProcess } from '../integration/relay-harness'
import { addLesson, addSection, confirmJoin, createCourse, lessonBody, openLesson } from './support/chorus'
import { stopRelaysAndClients } from './support/relay-lifecycle'
import { expectSynced, joinAs, relayAddress, relayHost } from './support/shared-course'

let relay: RelayProcess

test.beforeAll(async () => {
  relay = await startRelay()
})

test.afterAll(stopRelaysAndClients)

const panel = (page: Page) => page.getByRole('complementary', { name: 'Comments' })
const thread = (page: Page) => panel(page).getByRole('article', { name: /^Thread on “/ })

test('comments written before sharing reach co-authors at once, and replies come back live', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000)
  const dana = await (await browser.newContext()).newPage()
  await dana.goto(baseURL ?? '')
  await createCourse(dana, 'Shared later')
  await addSection(dana, 'Basics')
  await addLesson(dana, 'Basics', 'Erosion')
  await openLesson(dana, 'Erosion')
  await lessonBody(dana).click()
  await lessonBody(dana).pressSequentially('Rain loosens topsoil.')

  // A comment on the whole sentence, while the course is on this device only.
  await lessonBody(dana).press('ControlOrMeta+a')
  await dana.keyboard.press('Control+Alt+KeyM')
  const composer = panel(dana).getByRole('region', { name: 'New comment' })
  await composer.getByRole('textbox', { name: 'New comment' }).fill('Add a photo of a gully here.')
  await composer.getByRole('button', { name: 'Post comment' }).click()
  await expect(thread(dana)).toContainText('Add a photo of a gully here.')

  // Share it with the invite the dialog's command describes: this device's user id, under a name.
  const courseId = decodeURIComponent(/#\/course\/([^/]+)/.exec(dana.url())?.[1] ?? '') as CourseId
  await dana.getByRole('button', { name: 'Share…' }).click()
  const share = dana.getByRole('dialog', { name: 'Share this course' })
  const command = share.getByText(/^npm run relay -- token --course /)
  await expect(command).toBeVisible()
  const danaId = /--user (\S+)/.exec((await command.textContent()) ?? '')?.[1] ?? ''
  expect(danaId).not.toBe('')
  const token = await tokenFor(courseId, 'author', { user: danaId, name: 'Dana Field' })
  await share
    .getByRole('textbox', { name: 'Invite link for this course' })
    .fill(formatInvite({ relay: relayAddress(relay), courseId, token }))
  await share.getByRole('button', { name: 'Connect' }).click()
  await confirmJoin(dana, relayHost(relay))
  await expect(share).toBeHidden()
  await expectSynced(dana)

  // A co-author sees the comment without Dana reopening anything (it keeps the name Dana had when she wrote it).
  const eli = await joinAs(browser, {
    relay,
    courseId,
    title: 'Shared later',
    user: 'eli',
    displayName: 'Eli',
    baseURL,
  })
  await openLesson(eli, 'Erosion')
  await expect(thread(eli)).toContainText('Add a photo of a gully here.')

  // Eli's reply reaches Dana live, in the course she has had open all along.
  await thread(eli).getByRole('textbox', { name: 'Reply' }).fill('I have one from the field trip.')
  await thread(eli).getByRole('button', { name: 'Send reply' }).click()
  await expect(thread(dana)).toContainText('I have one from the field trip.')
  await expect(panel(dana).getByRole('status', { name: 'Comments sync' })).toHaveText('')
  expect(relay.logs.filter((line) => line.event === 'change-refused')).toEqual([])
})
