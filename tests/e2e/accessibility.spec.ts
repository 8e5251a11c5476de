/**
 * axe-core on every screen and dialog, with real content: the library, the course with the editor and its toolbar,
 * each kind of block (question, image, video, audio, callout), the comments panel with a thread and its reply box,
 * the join confirmation (with its unencrypted-relay warning), the Share, Export, Settings and Course settings
 * dialogs, the learner preview (the app's dialog and the player inside its frame) and the "Not syncing" header.
 * Nothing critical or serious may be found.
 */
import { expect, type Page } from '@playwright/test'
import { test } from './support/test'
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
import { mediaSample } from '../fixtures/media-bytes'
import { solidPng, toneWav } from './support/media-fixtures'
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

const insertButton = (page: Page, name: string) =>
  page.getByRole('group', { name: 'Insert' }).getByRole('button', { name, exact: true })

async function insertFile(
  page: Page,
  kind: string,
  file: { name: string; mimeType: string; buffer: Buffer },
) {
  const choosing = page.waitForEvent('filechooser')
  await insertButton(page, kind).click()
  await (await choosing).setFiles(file)
  await expect(page.getByRole('group', { name: kind, exact: true })).toBeVisible()
}

/** Opens a dialog from a button, checks it with axe, and closes it with Escape. */
async function checkDialog(page: Page, button: string, dialogName: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click()
  const dialog = page.getByRole('dialog', { name: dialogName })
  await expect(dialog).toBeVisible()
  await expectNoSeriousAxeViolations(page, `the ${dialogName} dialog`)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
}

test('every kind of block, the export, settings and course settings dialogs and the learner preview have no serious accessibility problems', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await page.goto('/')
  await createCourse(page, 'Blocks for everyone')
  await addSection(page, 'Basics')
  await addLesson(page, 'Basics', 'Colours')
  await openLesson(page, 'Colours')
  await lessonBody(page).click()
  await lessonBody(page).pressSequentially('Colours mix.')

  await insertButton(page, 'Question').click()
  const question = page.getByRole('group', { name: 'Question', exact: true })
  await question.getByLabel('Question prompt').fill('Which colour is primary?')
  await question.getByLabel('Choice 1', { exact: true }).fill('Red')
  await question.getByLabel('Choice 2', { exact: true }).fill('Green')
  await question.getByLabel('Choice 1 is correct').check()
  await question.getByLabel('Feedback when correct').fill('Red is primary.')
  await expectNoSeriousAxeViolations(page, 'the editor with a question')

  await lessonBody(page).press('ControlOrMeta+End')
  await insertButton(page, 'Callout').click()
  await expect(page.getByRole('note', { name: 'Info callout' })).toBeVisible()
  await expectNoSeriousAxeViolations(page, 'the editor with a callout')

  await insertFile(page, 'Image', {
    name: 'red.png',
    mimeType: 'image/png',
    buffer: solidPng(12, [200, 30, 30]),
  })
  await expectNoSeriousAxeViolations(page, 'the editor with an image')
  await insertFile(page, 'Video', {
    name: 'clip.webm',
    mimeType: 'video/webm',
    buffer: Buffer.from(mediaSample('webm')),
  })
  await expectNoSeriousAxeViolations(page, 'the editor with a video')
  await insertFile(page, 'Audio', { name: 'tone.wav', mimeType: 'audio/wav', buffer: toneWav(0.2) })
  await expectNoSeriousAxeViolations(page, 'the editor with an audio block')

  await checkDialog(page, 'Export…', 'Export course')
  await checkDialog(page, 'Settings', 'Settings')
  await checkDialog(page, 'Course settings…', 'Course settings')

  await page.getByRole('button', { name: 'Preview as learner' }).click()
  const preview = page.getByRole('dialog', { name: 'Learner preview' })
  const frame = page.frameLocator('iframe[title="Learner preview of Blocks for everyone"]')
  const form = frame.locator('form.question')
  await expect(form).toBeVisible()
  await expectNoSeriousAxeViolations(page, 'the learner preview dialog')
  const player = await (await page.locator('iframe.preview-frame').elementHandle())?.contentFrame()
  if (!player) throw new Error('the learner preview has no frame')
  await expectNoSeriousAxeViolations(player, 'the player in the learner preview')
  await form.getByRole('radio', { name: 'Red' }).check()
  await form.getByRole('button', { name: 'Check answer' }).click()
  await expect(form.getByRole('button', { name: 'Try again' })).toBeVisible()
  await expectNoSeriousAxeViolations(player, 'the player with a checked answer')
  await preview.getByRole('button', { name: 'Close preview' }).click()
  await expect(preview).toBeHidden()

  // The library with a course in it: its filter has a visible label, not only a placeholder.
  await page.getByRole('link', { name: 'Library' }).click()
  await expect(page.getByRole('searchbox', { name: 'Filter courses' })).toBeVisible()
  await expect(page.locator('label').getByText('Filter courses', { exact: true })).toBeVisible()
  await expectNoSeriousAxeViolations(page, 'the library with a course')
})
