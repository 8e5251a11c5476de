/**
 * axe-core on the screens this milestone changed or added, with real content: the course with the editor and its
 * toolbar, the comments panel with a thread and its reply box, the join confirmation (with its unencrypted-relay
 * warning), the Share dialog and the "Not syncing" header. Nothing critical or serious may be found.
 */
import { expect, test } from '@playwright/test'
import type { CourseId } from '../../shared/course/types'
import { formatInvite } from '../../shared/protocol/invite'
import { runCli, SECRET, startRelay, tokenFor, type RelayProcess } from '../integration/relay-harness'
import { expectNoSeriousAxeViolations } from './support/axe'
import {
  addLesson,
  addSection,
  createCourse,
  joinConfirmation,
  lessonBody,
  openLesson,
} from './support/chorus'
import { stopRelaysAndClients } from './support/relay-lifecycle'

let relay: RelayProcess

test.beforeAll(async () => {
  relay = await startRelay()
})

test.afterAll(stopRelaysAndClients)

test('the course, its comments, sharing and joining have no serious accessibility problems', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000)
  await page.goto(baseURL ?? '')
  await expectNoSeriousAxeViolations(page, 'the library')

  await createCourse(page, 'Accessible course')
  await addSection(page, 'Basics')
  await addLesson(page, 'Basics', 'Erosion')
  await openLesson(page, 'Erosion')
  await lessonBody(page).click()
  await lessonBody(page).pressSequentially('Rain loosens topsoil.')
  await expectNoSeriousAxeViolations(page, 'the course with the editor open')

  await lessonBody(page).press('ControlOrMeta+a')
  await page.keyboard.press('Control+Alt+KeyM')
  const panel = page.getByRole('complementary', { name: 'Comments' })
  await panel.getByRole('textbox', { name: 'New comment' }).fill('Needs a source.')
  await panel.getByRole('button', { name: 'Post comment' }).click()
  const reply = panel.getByRole('textbox', { name: 'Reply' })
  await reply.fill('@')
  await expectNoSeriousAxeViolations(page, 'the comments panel with a thread and a reply being written')
  await reply.fill('')

  await page.getByRole('button', { name: 'Share…' }).click()
  const share = page.getByRole('dialog', { name: 'Share this course' })
  await expect(share.getByText(/^npm run relay -- token/)).toBeVisible()
  await expectNoSeriousAxeViolations(page, 'the Share dialog')

  const courseId = decodeURIComponent(/#\/course\/([^/]+)/.exec(page.url())?.[1] ?? '') as CourseId
  const token = await tokenFor(courseId, 'author', { user: 'someone', name: 'Someone' })
  await share
    .getByRole('textbox', { name: 'Invite link for this course' })
    .fill(formatInvite({ relay: 'ws://relay.example.org:8080', courseId, token }))
  await share.getByRole('button', { name: 'Connect' }).click()
  await expect(joinConfirmation(page)).toBeVisible()
  await expectNoSeriousAxeViolations(page, 'the join confirmation with its unencrypted-relay warning')
  await joinConfirmation(page).getByRole('button', { name: 'Cancel' }).click()
  await page.keyboard.press('Escape')

  // A relay that ends the connection for good: the header says why.
  await page.goto(
    formatInvite(
      { relay: relay.url, courseId, token: await tokenFor(courseId, 'author', { user: 'to-revoke' }) },
      baseURL,
    ),
  )
  await joinConfirmation(page).getByRole('button', { name: 'Connect', exact: true }).click()
  await expect(page.getByRole('status', { name: 'Connection' })).toHaveText('Synced')
  const revoked = await runCli(['revoke', '--data', relay.dataDir, '--sub', 'to-revoke'], {
    CHORUS_RELAY_SECRET: SECRET,
  })
  expect(revoked.code, revoked.stderr).toBe(0)
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Not syncing', {
    timeout: 35_000,
  })
  await expectNoSeriousAxeViolations(page, 'the course header saying it is not syncing')
})
