/**
 * Pilot learners through a real relay (issue 13): a learner joins with a learner invite and gets only the learner
 * view (the export's player and their feedback, no editor), reacts to a lesson with a comment and answers its
 * question (wrong, then right) while offline, and reconnects. The author's Feedback panel then shows the reaction,
 * the comment and the question's first-try rate, and turns the comment into a review thread the comments panel
 * lists. No CSP violation in the learner's player frame, and no serious axe finding on either screen.
 */
import { expect, type Page } from '@playwright/test'
import { test } from './support/test'
import { renameLesson } from '../../shared/course/commands'
import { writeLessonContent } from '../../shared/course/content-io'
import { formatInvite } from '../../shared/protocol/invite'
import { startRelay, tokenFor, type RelayProcess } from '../integration/relay-harness'
import { expectNoSeriousAxeViolations } from './support/axe'
import { confirmJoin, joinConfirmation, openLesson, outline } from './support/chorus'
import { stopRelaysAndClients } from './support/relay-lifecycle'
import {
  connection,
  joinAs,
  relayAddress,
  relayHost,
  seedCourse,
  type SeededCourse,
} from './support/shared-course'

const TITLE = 'Soil basics for pilots'
const TEXT = 'Rain loosens topsoil on bare fields.'
const PROMPT = 'What loosens topsoil?'
const COMMENT = 'Which kind of rain counts here?'
let relay: RelayProcess
let course: SeededCourse

test.beforeAll(async () => {
  relay = await startRelay()
  course = await seedCourse(relay, TITLE, { Basics: ['Erosion', 'Cover crops'] })
  writeLessonContent(course.seeder.doc, course.lessonId('Erosion'), {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: TEXT }] },
      {
        type: 'question',
        attrs: {
          id: 'q-erosion',
          kind: 'single',
          prompt: PROMPT,
          choices: [
            { id: 'c-rain', text: 'Rain', correct: true },
            { id: 'c-moon', text: 'Moonlight', correct: false },
          ],
          feedbackCorrect: 'Rain it is.',
          feedbackIncorrect: 'Think of the weather.',
        },
      },
    ],
  })
  writeLessonContent(course.seeder.doc, course.lessonId('Cover crops'), {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Clover keeps soil in place.' }] }],
  })
})

test.afterAll(stopRelaysAndClients)

/** Records CSP violations in every frame, the learner's sandboxed player included. */
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

const feedbackForm = (page: Page) => page.getByRole('complementary', { name: 'Your feedback' })
const commentField = (page: Page) =>
  feedbackForm(page).getByRole('textbox', { name: 'Comment for the authors (optional)' })
const player = (page: Page) => page.frameLocator(`iframe[title="Course: ${TITLE}"]`)

test('a pilot learner’s offline reaction, comment and answers reach the author’s Feedback panel, and a comment becomes a review thread', async ({
  browser,
  baseURL,
}) => {
  const author = await joinAs(browser, { relay, ...course, user: 'ann', role: 'author', baseURL })
  // Before any feedback, the panel says how to invite pilot learners.
  await author.getByRole('button', { name: 'Feedback', exact: true }).click()
  const panel = author.getByRole('dialog', { name: 'Feedback from pilot learners' })
  await expect(panel).toContainText('No pilot learner has sent feedback yet.')
  await expect(panel.getByRole('code')).toContainText(
    `npm run relay -- token --course ${course.courseId} --role learner`,
  )
  await panel.getByRole('button', { name: 'Close', exact: true }).click()
  await expect(panel).toBeHidden()

  // The learner joins with a learner invite: the confirmation says what they join as.
  const context = await browser.newContext()
  const learner = await context.newPage()
  const violations = await recordCspViolations(learner)
  const token = await tokenFor(course.courseId, 'learner', { user: 'lee', name: 'Lee' })
  await learner.goto(
    formatInvite({ relay: relayAddress(relay), courseId: course.courseId, token }, baseURL ?? ''),
  )
  await expect(joinConfirmation(learner)).toContainText('pilot learner')
  await confirmJoin(learner, relayHost(relay))

  // Only the learner view: the player and their feedback, nothing of the authors' workshop.
  await expect(learner.getByText('Pilot learner · Lee')).toBeVisible()
  await expect(player(learner).getByRole('heading', { name: 'Erosion' })).toBeVisible()
  await expect(connection(learner)).toHaveText('Synced')
  await expect(learner.getByRole('textbox', { name: 'Course title' })).toHaveCount(0)
  await expect(learner.getByRole('textbox', { name: 'Lesson body' })).toHaveCount(0)
  await expect(outline(learner)).toHaveCount(0)
  await expect(learner.getByRole('complementary', { name: 'Comments' })).toHaveCount(0)
  for (const action of ['Export…', 'History', 'Feedback', 'Share…', 'Preview as learner'])
    await expect(learner.getByRole('button', { name: action, exact: true })).toHaveCount(0)
  await expect(
    feedbackForm(learner).getByRole('heading', { name: 'Your feedback on “Erosion”' }),
  ).toBeVisible()
  await expectNoSeriousAxeViolations(learner, 'the learner view')
  const playerFrame = await (await learner.locator('iframe.learner-frame').elementHandle())?.contentFrame()
  if (!playerFrame) throw new Error('the learner view has no player frame')
  await expectNoSeriousAxeViolations(playerFrame, 'the learner’s player')

  // Offline: a reaction, a comment, and the question answered wrong, then right after "Try again".
  await context.setOffline(true)
  await expect(connection(learner)).toHaveText(/^Offline/)
  const confusing = feedbackForm(learner).getByRole('button', { name: 'Confusing', exact: true })
  await confusing.click()
  await expect(confusing).toHaveAttribute('aria-pressed', 'true')
  await expect(feedbackForm(learner).getByRole('button', { name: 'Helpful', exact: true })).toHaveAttribute(
    'aria-pressed',
    'false',
  )
  await commentField(learner).fill(COMMENT)
  await commentField(learner).blur()
  const question = player(learner).getByRole('group', { name: PROMPT })
  const form = player(learner).locator('form.question')
  await question.getByRole('radio', { name: 'Moonlight' }).check()
  await form.getByRole('button', { name: 'Check answer' }).click()
  await expect(form.getByText('Not quite.')).toBeVisible()
  await form.getByRole('button', { name: 'Try again' }).click()
  await question.getByRole('radio', { name: 'Rain' }).check()
  await form.getByRole('button', { name: 'Check answer' }).click()
  await expect(form.getByText('Correct.')).toBeVisible()
  const syncNote = learner.getByRole('status', { name: 'Feedback sync' })
  await expect(syncNote).toContainText('not yet on the relay')

  // Back online: everything reaches the relay.
  await context.setOffline(false)
  await expect(connection(learner)).toHaveText('Synced', { timeout: 20_000 })
  await expect(syncNote).toHaveText('', { timeout: 20_000 })

  // The author's panel: the reaction count, the course score, the first-try rate (wrong first: 0 %), the comment.
  await author.getByRole('button', { name: 'Feedback', exact: true }).click()
  await expect(panel.getByText('Course score: 0 %')).toBeVisible()
  const erosion = panel.getByRole('row', { name: /^Erosion/ })
  await expect(erosion.getByRole('cell')).toHaveText(['0', '0', '1'])
  await expect(panel.getByRole('row', { name: /^Cover crops/ }).getByRole('cell')).toHaveText(['0', '0', '0'])
  const rate = panel.getByRole('listitem').filter({ hasText: PROMPT })
  await expect(rate).toContainText('First try correct: 0 % of 1 learner')
  const comment = panel.getByRole('listitem').filter({ hasText: COMMENT })
  await expect(comment).toContainText('Lee on “Erosion” · Confusing')
  await expectNoSeriousAxeViolations(author, 'the Feedback panel')

  // The open panel follows the learner live: a changed reaction shows without reopening it.
  await feedbackForm(learner).getByRole('button', { name: 'Helpful', exact: true }).click()
  await expect(erosion.getByRole('cell')).toHaveText(['1', '0', '0'])
  await expect(panel.getByText('Course score: 100 %')).toBeVisible()
  await expect(comment).toContainText('Lee on “Erosion” · Helpful')
  await confusing.click()
  await expect(erosion.getByRole('cell')).toHaveText(['0', '0', '1'])
  await expect(comment).toContainText('Lee on “Erosion” · Confusing')

  // One click turns the comment into a review thread on the lesson, quoting the learner.
  await comment.getByRole('button', { name: /^Turn into review thread/ }).click()
  await expect(comment).toContainText('Turned into a review thread on “Erosion”')
  await expect(comment.getByRole('button', { name: /^Turn into review thread/ })).toHaveCount(0)
  await panel.getByRole('button', { name: 'Close', exact: true }).click()
  await expect(panel).toBeHidden()
  await openLesson(author, 'Erosion')
  const comments = author.getByRole('complementary', { name: 'Comments' })
  await expect(comments).toContainText(`Pilot learner Lee: ${COMMENT}`)
  await expect(comments).toContainText(TEXT)

  // The learner's own entries show back to them after a reload.
  await learner.reload()
  await expect(confusing).toHaveAttribute('aria-pressed', 'true')
  await expect(commentField(learner)).toHaveValue(COMMENT)

  // The authors change the course while the learner takes it: the learner chooses when to load the new version.
  // The offer may already stand before the rename arrives (the relay catching the reloaded page up on what it had
  // not stored yet): loading that version shows the old title and the offer comes back with the rename, as a
  // learner would see it, so the click is repeated until the renamed lesson shows.
  renameLesson(course.seeder.doc, course.lessonId('Cover crops'), 'Cover crops and clover')
  await expect(async () => {
    await learner.getByRole('button', { name: 'Load the latest version' }).click({ timeout: 2_000 })
    await expect(player(learner).getByRole('link', { name: 'Cover crops and clover' })).toBeVisible({
      timeout: 3_000,
    })
  }).toPass({ timeout: 20_000 })
  await expect(learner.getByRole('button', { name: 'Load the latest version' })).toHaveCount(0)
  expect(violations).toEqual([])

  // The library says what they are on this course, and leaves its title to the authors.
  await learner.getByRole('link', { name: 'Library' }).click()
  const card = learner.getByRole('listitem').filter({ hasText: TITLE })
  await expect(card).toContainText('You are a pilot learner')
  await expect(card.getByRole('button', { name: `Rename course “${TITLE}”` })).toHaveCount(0)
})
