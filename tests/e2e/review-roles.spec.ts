/**
 * Roles through a real relay process: an author, a reviewer and a viewer join one shared course by invite. The
 * reviewer and the viewer read the course but cannot change it (and are told so); nothing they type reaches
 * anyone. Everyone sees how many comment threads are open, synced from the course's review room.
 */
import { expect, type Browser, type Page } from '@playwright/test'
import { test } from './support/test'
import { writeLessonContent } from '../../shared/course/content-io'
import { lessonBody as storedLessonBody } from '../../shared/course/read'
import { roomName } from '../../shared/protocol/rooms'
import type { Role } from '../../shared/protocol/token'
import { anchorFromRange } from '../../shared/review/anchor'
import { createThread } from '../../shared/review/commands'
import { connectClient, startRelay, tokenFor, type RelayProcess } from '../integration/relay-harness'
import { lessonBody, lessonRow, openLesson, outline, toolbarButton } from './support/chorus'
import { stopRelaysAndClients } from './support/relay-lifecycle'
import { joinAs, seedCourse, type SeededCourse } from './support/shared-course'

const TEXT = 'Rain loosens topsoil.'
let relay: RelayProcess
let course: SeededCourse

test.beforeAll(async () => {
  relay = await startRelay()
  course = await seedCourse(relay, 'Shared soil course', { Basics: ['Erosion'] })
  const { courseId, seeder } = course
  const lessonId = course.lessonId('Erosion')
  writeLessonContent(seeder.doc, lessonId, {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: TEXT }] }],
  })
  // One open thread on "Rain", written straight into the review room by a reviewer's client.
  const review = connectClient(
    relay.url,
    roomName({ courseId, kind: 'review' }),
    await tokenFor(courseId, 'reviewer', { user: 'seed-reviewer' }),
  )
  await review.synced()
  const body = storedLessonBody(seeder.doc, lessonId)
  if (!body) throw new Error('the lesson has no body')
  createThread(review.doc, {
    lessonId,
    anchor: anchorFromRange(body, 1, 5),
    quote: 'Rain',
    author: { id: 'seed-reviewer', name: 'Seed Reviewer' },
    body: 'Which kind of rain?',
    mentions: [],
  })
})

test.afterAll(stopRelaysAndClients)

/** Joins with a token for `role`, in the lesson. */
async function openAs(browser: Browser, role: Role, baseURL: string | undefined): Promise<Page> {
  const page = await joinAs(browser, { relay, ...course, user: `${role}-1`, role, baseURL })
  await openLesson(page, 'Erosion')
  await expect(lessonBody(page)).toContainText(TEXT)
  return page
}

/** The lesson's text without the invisible joiners remote carets add around themselves. */
const bodyText = (page: Page): Promise<string> =>
  lessonBody(page)
    .textContent()
    .then((text) => (text ?? '').replace(/\u2060/g, ''))

const BANNERS: Record<'reviewer' | 'viewer', RegExp> = {
  reviewer: /You are reviewing this course: you can read it and comment on it; only its authors change/,
  viewer: /You can read this course but not change it or comment on it/,
}

/** Everything that changes content is off, and typing into the lesson changes nothing, even after a reload. */
async function expectReadOnly(page: Page, role: 'reviewer' | 'viewer', author: Page): Promise<void> {
  await expect(page.getByRole('alert').filter({ hasText: BANNERS[role] })).toBeVisible()
  await expect(lessonBody(page)).not.toBeEditable()
  await expect(lessonBody(page)).toHaveAttribute('aria-readonly', 'true')
  await expect(page.getByRole('textbox', { name: 'Course title' })).toBeDisabled()
  await expect(page.getByRole('textbox', { name: 'Lesson title' })).toBeDisabled()
  await expect(outline(page).getByRole('button', { name: 'Add section' })).toBeDisabled()
  for (const action of ['Rename', 'Delete'])
    await expect(outline(page).getByRole('button', { name: `${action} lesson “Erosion”` })).toBeDisabled()
  await expect(outline(page).getByRole('button', { name: `Rename section “Basics”` })).toBeDisabled()
  await expect(toolbarButton(page, 'Bold')).toBeDisabled()

  const before = await bodyText(author)
  await expect.poll(() => bodyText(page)).toBe(before)
  await lessonBody(page).click()
  await page.keyboard.type(`typed by the ${role} `)
  await page.keyboard.press('Enter')
  await page.keyboard.press('Backspace')
  await expect.poll(() => bodyText(page)).toBe(before)
  // A co-author's edit made afterwards still arrives, so the typing would have had time to arrive too.
  const after = `${before} (${role} check)`
  await lessonBody(author).click()
  await author.keyboard.press('Control+End')
  await author.keyboard.type(` (${role} check)`)
  await expect.poll(() => bodyText(page)).toBe(after)
  await expect.poll(() => bodyText(author)).toBe(after)
  await page.reload()
  await openLesson(page, 'Erosion')
  await expect.poll(() => bodyText(page)).toBe(after)
}

test('a reviewer and a viewer read the course, cannot change it and are told why', async ({
  browser,
  baseURL,
}) => {
  const author = await openAs(browser, 'author', baseURL)
  await expect(author.getByText(/You are reviewing|You can read this course/)).toHaveCount(0)
  await expect(lessonBody(author)).toBeEditable()

  // The open thread comes from the review room and is counted in the outline and the export dialog.
  const badge = lessonRow(author, 'Erosion').getByRole('img', { name: '1 open comment' })
  await expect(badge).toBeVisible()
  // A drawn bubble and the count: no emoji, which shows as an empty box where no emoji font is installed.
  await expect(badge).toHaveText('1')
  await expect(badge.locator('svg')).toHaveCount(1)
  await author.getByRole('button', { name: 'Export…' }).click()
  const exportDialog = author.getByRole('dialog', { name: 'Export course' })
  await expect(exportDialog).toContainText('1 open comment — comments are not included in the export.')
  await exportDialog.getByRole('button', { name: 'Cancel' }).click()

  const reviewer = await openAs(browser, 'reviewer', baseURL)
  await expect(lessonRow(reviewer, 'Erosion').getByRole('img', { name: '1 open comment' })).toBeVisible()
  await expectReadOnly(reviewer, 'reviewer', author)
  // The thread was stored on the reviewer's device: it shows with the review room out of reach.
  let refused = 0
  await reviewer.routeWebSocket(/\/review\?/, (socket) => (refused++, socket.close()))
  await reviewer.reload()
  await expect(lessonRow(reviewer, 'Erosion').getByRole('img', { name: '1 open comment' })).toBeVisible()
  await expect.poll(() => refused).toBeGreaterThan(0)

  const viewer = await openAs(browser, 'viewer', baseURL)
  await expectReadOnly(viewer, 'viewer', author)
  await expect.poll(() => bodyText(author)).toBe(`${TEXT} (reviewer check) (viewer check)`)
})
