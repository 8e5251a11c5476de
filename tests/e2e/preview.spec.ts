/**
 * Course settings and the learner preview in Chromium: the passing score, completion rule and lesson reactions
 * persist and reach the SCORM 1.2 package; the preview runs the export's player in a sandboxed frame under the
 * app's strict CSP, with its images and audio loaded, knowledge checks answered and lessons navigated, and no CSP
 * violation anywhere.
 */
import { readFile } from 'node:fs/promises'
import { expect, type FrameLocator, type Page } from '@playwright/test'
import { test } from './support/test'
import { strFromU8, unzipSync } from 'fflate'
import { addLesson, addSection, createCourse, updateCourseSettings } from '../../shared/course/commands'
import { newCourseId } from '../../shared/course/ids'
import { formatInvite } from '../../shared/protocol/invite'
import { connectClient, destroyClients, killRelays, startRelay, tokenFor } from '../integration/relay-harness'
import { confirmJoin, expectSaved, lessonBody, openLesson } from './support/chorus'
import { toneWav } from './support/media-fixtures'

const SAMPLE_TITLE = 'Onboarding to Ledgerly billing'

async function importSample(page: Page): Promise<void> {
  await page.goto('/')
  await page.getByRole('button', { name: 'Try the sample course' }).click()
  await expect(page.getByRole('textbox', { name: 'Course title' })).toHaveValue(SAMPLE_TITLE)
}

const settingsDialog = (page: Page) => page.getByRole('dialog', { name: 'Course settings' })

test('an author sets the passing score, completion rule and lesson reactions; they persist and reach the SCORM 1.2 package', async ({
  page,
}) => {
  await importSample(page)
  await page.getByRole('button', { name: 'Course settings…' }).click()
  const dialog = settingsDialog(page)
  const score = dialog.getByRole('spinbutton', { name: 'Passing score (%)' })
  await expect(score).toHaveValue('80')
  await expect(dialog.getByRole('radio', { name: 'All lessons viewed' })).toBeChecked()
  const askReactions = dialog.getByRole('checkbox', { name: 'Ask learners whether each lesson helped' })
  await expect(askReactions, 'off for a course that never turned it on').not.toBeChecked()
  await expect(askReactions).toHaveAccessibleDescription(/Was this lesson helpful\?/)

  // A score out of range is refused with a message tied to the field, and nothing is saved.
  await score.fill('150')
  await dialog.getByRole('button', { name: 'Save settings' }).click()
  await expect(dialog.getByRole('alert')).toHaveText('Enter a whole number from 0 to 100, for example 80.')
  await expect(score).toHaveAttribute('aria-invalid', 'true')
  await expect(score).toHaveAccessibleDescription(/whole number from 0 to 100/)

  await score.fill('65')
  await expect(dialog.getByRole('alert')).toBeHidden()
  await dialog.getByRole('radio', { name: 'Passing score reached' }).check()
  await askReactions.check()
  await dialog.getByRole('button', { name: 'Save settings' }).click()
  await expect(dialog).toBeHidden()
  await expectSaved(page)

  await page.reload()
  await expect(page.getByRole('textbox', { name: 'Course title' })).toHaveValue(SAMPLE_TITLE)
  await page.getByRole('button', { name: 'Course settings…' }).click()
  await expect(score).toHaveValue('65')
  await expect(dialog.getByRole('radio', { name: 'Passing score reached' })).toBeChecked()
  await expect(askReactions).toBeChecked()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  // The learner preview asks too; an answer there stays in the preview.
  await page.getByRole('button', { name: 'Preview as learner' }).click()
  const reaction = player(page)
    .locator('.lesson.current')
    .getByRole('group', { name: 'Was this lesson helpful?' })
  await reaction.getByRole('button', { name: 'Confusing' }).click()
  await expect(reaction.getByRole('button', { name: 'Confusing' })).toHaveAttribute('aria-pressed', 'true')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog', { name: 'Learner preview' })).toBeHidden()

  await page.getByRole('button', { name: 'Export…' }).click()
  const exportDialog = page.getByRole('dialog', { name: 'Export course' })
  await exportDialog.getByRole('radio', { name: 'SCORM 1.2' }).check()
  const downloading = page.waitForEvent('download')
  await exportDialog.getByRole('button', { name: 'Export', exact: true }).click()
  const files = unzipSync(new Uint8Array(await readFile(await (await downloading).path())))
  const manifest = strFromU8(files['imsmanifest.xml'] ?? new Uint8Array())
  expect(manifest).toContain('<adlcp:masteryscore>65</adlcp:masteryscore>')
  expect(strFromU8(files['index.html'] ?? new Uint8Array())).toContain('"askReactions":true')
})

/** Records CSP violations in every frame, the sandboxed preview included, as the browser reports them. */
async function recordCspViolations(page: Page): Promise<string[]> {
  const reported: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) reported.push(message.text())
  })
  await page.exposeBinding('reportCspViolation', (_source, text: string) => reported.push(text))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation?: (text: string) => void }).reportCspViolation
      report?.(`${event.violatedDirective} blocked ${event.blockedURI}`)
    })
  })
  return reported
}

const player = (page: Page, courseTitle = SAMPLE_TITLE): FrameLocator =>
  page.frameLocator(`iframe[title="Learner preview of ${courseTitle}"]`)

test('the learner preview runs the course in the export’s player under the app’s strict CSP', async ({
  page,
}) => {
  const violations = await recordCspViolations(page)
  await importSample(page)

  // Audio in the first lesson, so the preview shows that media other than images plays in its sandbox too.
  await openLesson(page, 'Welcome to Ledgerly')
  await lessonBody(page).click()
  await lessonBody(page).press('ControlOrMeta+End')
  const choosing = page.waitForEvent('filechooser')
  await page
    .getByRole('group', { name: 'Insert' })
    .getByRole('button', { name: 'Audio', exact: true })
    .click()
  await (await choosing).setFiles({ name: 'tone.wav', mimeType: 'audio/wav', buffer: toneWav(0.3) })
  await expect(page.getByRole('group', { name: 'Audio', exact: true })).toBeVisible()
  await expectSaved(page)

  await page.getByRole('button', { name: 'Preview as learner' }).click()
  const preview = page.getByRole('dialog', { name: 'Learner preview' })
  await expect(preview).toBeVisible()
  const frame = player(page)
  const position = frame.locator('#chorus-position')
  await expect(position).toHaveText('Lesson 1 of 8')
  await expect(frame.getByRole('heading', { name: 'Welcome to Ledgerly' })).toBeVisible()
  await expect(frame.getByRole('group', { name: 'Was this lesson helpful?' })).toHaveCount(0)
  await expect
    .poll(() => frame.locator('.lesson.current audio').evaluate((audio: HTMLAudioElement) => audio.duration))
    .toBeGreaterThan(0.2)

  // The next lesson: its image has loaded (not just rendered as a broken icon), and a knowledge check answers.
  await frame.getByRole('button', { name: 'Next' }).click()
  await expect(position).toHaveText('Lesson 2 of 8')
  const lesson = frame.locator('.lesson.current')
  await expect(lesson.getByRole('heading', { name: 'Your workspace at a glance' })).toBeVisible()
  await expect
    .poll(() =>
      lesson
        .locator('img')
        .first()
        .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
    )
    .toBeGreaterThan(0)
  const question = lesson.locator('form.question')
  await question.getByRole('radio').first().check()
  await question.getByRole('button', { name: 'Check answer' }).click()
  await expect(question.locator('.feedback:not([hidden])')).toHaveText(/^(Correct|Not quite)\./)
  await expect(frame.getByRole('status')).toContainText('1 of 6 questions answered')

  // The learner tries again, by keyboard: the choices and feedback reset, and the new answer is checked.
  const tryAgain = question.getByRole('button', { name: 'Try again' })
  await expect(tryAgain).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(question.locator('.feedback:not([hidden])')).toHaveCount(0)
  await expect(tryAgain).toBeHidden()
  const radios = question.getByRole('radio')
  await expect(radios.first()).toBeFocused()
  for (const radio of await radios.all()) await expect(radio).not.toBeChecked()
  await page.keyboard.press('ArrowDown')
  await expect(radios.nth(1)).toBeChecked()
  await question.getByRole('button', { name: 'Check answer' }).press('Enter')
  await expect(question.locator('.feedback:not([hidden])')).toHaveText(/^(Correct|Not quite)\./)
  await expect(radios.nth(1)).toBeDisabled()
  await expect(frame.getByRole('status')).toContainText('1 of 6 questions answered')

  // One way out: the app's "Close preview"; the package's Exit is not in the preview.
  await expect(frame.getByRole('button', { name: 'Exit' })).toHaveCount(0)

  await frame.getByRole('button', { name: 'Next' }).click()
  await expect(position).toHaveText('Lesson 3 of 8')
  await expect(frame.getByRole('heading', { name: 'Customers and billing accounts' })).toBeVisible()

  await preview.getByRole('button', { name: 'Close preview' }).click()
  await expect(preview).toBeHidden()

  // Escape closes it too: from the app's own bar, and while the learner is working inside the player's frame.
  await page.getByRole('button', { name: 'Preview as learner' }).click()
  await expect(position).toHaveText('Lesson 1 of 8')
  await page.keyboard.press('Escape')
  await expect(preview).toBeHidden()
  await page.getByRole('button', { name: 'Preview as learner' }).click()
  await frame.getByRole('button', { name: 'Next' }).click()
  await expect(frame.getByRole('button', { name: 'Next' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(preview).toBeHidden()

  // The preview opens at the lesson the author has open.
  await openLesson(page, 'Customers and billing accounts')
  await page.getByRole('button', { name: 'Preview as learner' }).click()
  await expect(position).toHaveText('Lesson 3 of 8')
  await expect(frame.getByRole('heading', { name: 'Customers and billing accounts' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(preview).toBeHidden()

  expect(violations).toEqual([])
})

test('a viewer sees the course settings read-only, kept current by sync, and can preview the course', async ({
  page,
  baseURL,
}) => {
  const relay = await startRelay()
  try {
    const courseId = newCourseId()
    const author = connectClient(relay.url, courseId, await tokenFor(courseId, 'author', { user: 'author' }))
    await author.synced()
    createCourse(author.doc, { id: courseId, title: 'Shared safety course' })
    addLesson(author.doc, { sectionId: addSection(author.doc, { title: 'Basics' }), title: 'Exits' })
    updateCourseSettings(author.doc, { passingScore: 70 })

    const token = await tokenFor(courseId, 'viewer', { user: 'vic' })
    await page.goto(formatInvite({ relay: relay.url.replace(/\/+$/, ''), courseId, token }, baseURL ?? ''))
    await confirmJoin(page, new URL(relay.url).host)
    await expect(page.getByRole('textbox', { name: 'Course title' })).toHaveValue('Shared safety course')

    await page.getByRole('button', { name: 'Course settings…' }).click()
    const dialog = settingsDialog(page)
    await expect(dialog).toHaveAccessibleDescription(/only editors of this course can change them/)
    const score = dialog.getByRole('spinbutton', { name: 'Passing score (%)' })
    await expect(score).toHaveValue('70')
    await expect(score).toBeDisabled()
    await expect(dialog.getByRole('radio', { name: 'Passing score reached' })).toBeDisabled()
    await expect(
      dialog.getByRole('checkbox', { name: 'Ask learners whether each lesson helped' }),
    ).toBeDisabled()
    await expect(dialog.getByRole('button', { name: 'Save settings' })).toHaveCount(0)
    await dialog.getByRole('button', { name: 'Close' }).click()
    await expect(dialog).toBeHidden()

    // A co-author's change arrives through the relay like any content.
    updateCourseSettings(author.doc, { passingScore: 90, completionRule: 'passing-score' })
    await expect
      .poll(async () => {
        await page.getByRole('button', { name: 'Course settings…' }).click()
        const value = await score.inputValue()
        await dialog.getByRole('button', { name: 'Close' }).click()
        return value
      })
      .toBe('90')

    await page.getByRole('button', { name: 'Preview as learner' }).click()
    await expect(player(page, 'Shared safety course').locator('#chorus-position')).toHaveText('Lesson 1 of 1')
    await expect(player(page, 'Shared safety course').getByRole('heading', { name: 'Exits' })).toBeVisible()
  } finally {
    destroyClients()
    await killRelays()
  }
})
