/**
 * Offline editing and merge through a real relay: one author's context goes offline (Playwright's setOffline; in
 * this Chromium it also ends the open WebSocket, and the app drops it on the browser's "offline" event either way),
 * both authors change the same lesson and the outline — the online one moves the very lesson the offline one edits
 * and renames things — and once back online both converge with every word of both, nothing twice, even after reload.
 */
import { expect, type Page } from '@playwright/test'
import { test } from './support/test'
import { lessonBody as storedLessonBody } from '../../shared/course/read'
import { startRelay, storedDoc, type RelayProcess } from '../integration/relay-harness'
import { expectSections, lessonBody, lessonButton, openLesson, outline } from './support/chorus'
import { stopRelaysAndClients } from './support/relay-lifecycle'
import {
  connection,
  expectSynced,
  joinAs,
  occurrences,
  seedCourse,
  typeAtEnd,
  type SeededCourse,
} from './support/shared-course'

const TITLE = 'Offline merge course'
let relay: RelayProcess
let course: SeededCourse

test.beforeAll(async () => {
  relay = await startRelay()
  course = await seedCourse(relay, TITLE, { Basics: ['Erosion', 'Compost'], Advanced: ['Nutrients'] })
})

test.afterAll(stopRelaysAndClients)

const WORDS = {
  shared: ['Topsoil', 'forms', 'slowly.'],
  online: ['Terraces', 'hold', 'runoff.'],
  offline: ['Mulch', 'shields', 'bare', 'ground.'],
} as const

async function renameInOutline(
  page: Page,
  noun: 'lesson' | 'section',
  from: string,
  to: string,
): Promise<void> {
  await outline(page)
    .getByRole('button', { name: `Rename ${noun} “${from}”`, exact: true })
    .click()
  const input = outline(page).getByRole('textbox', { name: `Rename ${noun}` })
  await input.fill(to)
  await input.press('Enter')
}

/** A section's lesson titles in order, read from the rows' rename buttons (rows also show who is in them). */
const lessonsIn = (page: Page, section: string): Promise<string[]> =>
  outline(page)
    .getByRole('list', { name: `Lessons in “${section}”` })
    .getByRole('button', { name: /^Rename lesson “/ })
    .evaluateAll((buttons) =>
      buttons.map((b) => /“(.*)”/.exec(b.getAttribute('aria-label') ?? '')?.[1] ?? ''),
    )

async function expectMergedState(page: Page): Promise<void> {
  await expectSections(page, ['Foundations', 'Advanced'])
  await expect.poll(() => lessonsIn(page, 'Foundations')).toEqual(['Composting'])
  await expect.poll(() => lessonsIn(page, 'Advanced')).toEqual(['Erosion by wind and water', 'Nutrients'])
  await openLesson(page, 'Erosion by wind and water')
  const text = (await lessonBody(page).textContent()) ?? ''
  for (const word of [...WORDS.shared, ...WORDS.online, ...WORDS.offline])
    expect(occurrences(text, word), `"${word}" in "${text}"`).toBe(1)
}

test('an offline author and an online one both edit the same lesson and outline, and converge', async ({
  browser,
  baseURL,
}) => {
  const join = (user: string) => joinAs(browser, { relay, ...course, user, baseURL })
  const ann = await join('ann')
  const ben = await join('ben')
  for (const page of [ann, ben]) await openLesson(page, 'Erosion')
  await typeAtEnd(lessonBody(ann), WORDS.shared.join(' '))
  await expect(lessonBody(ben)).toContainText(WORDS.shared.join(' '))
  await expectSynced(ben)

  // Ben's network goes away: the header says so.
  await ben.context().setOffline(true)
  await expect(connection(ben)).toHaveText(/^Offline/)

  // Ben, offline: writes in the lesson, renames it and another lesson.
  await typeAtEnd(lessonBody(ben), ` ${WORDS.offline.join(' ')}`)
  const lessonTitle = ben.getByRole('textbox', { name: 'Lesson title' })
  await lessonTitle.fill('Erosion by wind and water')
  await lessonTitle.press('Enter')
  await renameInOutline(ben, 'lesson', 'Compost', 'Composting')
  // Every change waits for the relay, and says so.
  await expect(connection(ben)).toHaveText('Offline · changes not yet on the relay')
  const pending = Number(await connection(ben).getAttribute('data-unacknowledged'))
  expect(pending).toBeGreaterThan(2)

  // Ann, online: writes in the same lesson, moves it to the other section, renames a section.
  await typeAtEnd(lessonBody(ann), ` ${WORDS.online.join(' ')}`)
  await lessonButton(ann, 'Erosion').focus()
  await ann.keyboard.press('Alt+ArrowDown')
  await ann.keyboard.press('Alt+ArrowDown')
  await expect.poll(() => lessonsIn(ann, 'Advanced')).toEqual(['Erosion', 'Nutrients'])
  await renameInOutline(ann, 'section', 'Basics', 'Foundations')
  await expectSynced(ann)

  // The cut was real: nothing Ben wrote offline reached the relay's stored document.
  const onRelay =
    storedLessonBody(storedDoc(relay.dataDir, course.courseId), course.lessonId('Erosion'))?.toString() ?? ''
  expect(onRelay).toContain(WORDS.online.join(' '))
  expect(onRelay).not.toContain(WORDS.offline[0])
  await expect(connection(ben)).toHaveText(/^Offline/)

  // Back online: Ben reconnects by himself, the relay acknowledges everything, and both converge.
  await ben.context().setOffline(false)
  await expectSynced(ben, 20_000)
  await expectSynced(ann)
  for (const page of [ann, ben]) await expectMergedState(page)
  expect(await lessonBody(ann).textContent()).toBe(await lessonBody(ben).textContent())

  // Both kept the merged course locally.
  for (const page of [ann, ben]) {
    await page.reload()
    await expect(page.getByRole('textbox', { name: 'Course title' })).toHaveValue(TITLE)
    await expectMergedState(page)
    await expectSynced(page)
  }
})
