/**
 * Reviewing with the keyboard alone, through a real relay: a reviewer Tabs into the lesson, moves a caret with the
 * arrow keys, selects a phrase with Shift+arrows and comments with Ctrl+Alt+M; the author sees the thread on that
 * phrase. Whatever the reviewer tries on the text (typing, Enter, Backspace, Delete, Ctrl+B, undo, cut, paste,
 * drop, IME composition) changes nothing on their screen, for the author, or after a reload, while the author's
 * edits keep arriving.
 */
import { expect, type Browser, type Page } from '@playwright/test'
import { test } from './support/test'
import * as Y from 'yjs'
import { addLesson, addSection, createCourse } from '../../shared/course/commands'
import { newCourseId } from '../../shared/course/ids'
import { lessonBody as storedLessonBody } from '../../shared/course/read'
import type { CourseId } from '../../shared/course/types'
import { formatInvite } from '../../shared/protocol/invite'
import type { Role } from '../../shared/protocol/token'
import {
  connectClient,
  destroyClients,
  killRelays,
  startRelay,
  tokenFor,
  type RelayProcess,
} from '../integration/relay-harness'
import { expectHeaderLaidOut } from './header-layout'
import { confirmJoin, lessonBody, openLesson } from './support/chorus'

const SENTENCE = 'Rain loosens topsoil on bare slopes.'
const PHRASE = 'loosens topsoil'
// Long, so the header check below has a title that could be cut off.
const TITLE = 'Reviewing soil erosion on bare slopes by keyboard'

let relay: RelayProcess
const courseId: CourseId = newCourseId()

test.beforeAll(async () => {
  relay = await startRelay()
  const seeder = connectClient(relay.url, courseId, await tokenFor(courseId, 'author', { user: 'seeder' }))
  await seeder.synced()
  createCourse(seeder.doc, { id: courseId, title: TITLE })
  const lessonId = addLesson(seeder.doc, {
    sectionId: addSection(seeder.doc, { title: 'Basics' }),
    title: 'Erosion',
  })
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(SENTENCE)])
  storedLessonBody(seeder.doc, lessonId)?.insert(0, [paragraph])
})

test.afterAll(async () => {
  destroyClients()
  await killRelays()
})

const connection = (page: Page) => page.getByRole('status', { name: 'Connection' })

async function joinAs(browser: Browser, baseURL: string, user: string, role: Role): Promise<Page> {
  const context = await browser.newContext()
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL })
  const page = await context.newPage()
  const token = await tokenFor(courseId, role, { user })
  await page.goto(formatInvite({ relay: relay.url.replace(/\/+$/, ''), courseId, token }, baseURL))
  await confirmJoin(page, new URL(relay.url).host)
  await expect(page.getByRole('textbox', { name: 'Course title' })).toHaveValue(TITLE)
  await expect(connection(page)).toHaveText('Synced')
  await openLesson(page, 'Erosion')
  await expect(lessonBody(page)).toContainText('Rain')
  return page
}

/** The lesson's text without the invisible joiners a co-author's caret adds around itself. */
const bodyText = (page: Page): Promise<string> =>
  lessonBody(page)
    .textContent()
    .then((text) => (text ?? '').replace(/\u2060/g, ''))

const selectedText = (page: Page): Promise<string> =>
  page.evaluate(() => document.getSelection()?.toString() ?? '')

const panel = (page: Page) => page.getByRole('complementary', { name: 'Comments' })
const thread = (page: Page, quote: string) =>
  panel(page).getByRole('article', { name: `Thread on “${quote}”` })

/** The text each highlight covers, one entry per thread (a caret inside a highlight splits it in pieces). */
const highlighted = (page: Page): Promise<string[]> =>
  lessonBody(page)
    .locator('.comment-highlight')
    .evaluateAll((spans) => {
      const byThread = new Map<string, string>()
      for (const span of spans) {
        const id = span.getAttribute('data-thread-id') ?? ''
        byThread.set(id, (byThread.get(id) ?? '') + (span.textContent ?? '').replace(/\u2060/g, ''))
      }
      return [...byThread.values()]
    })

async function press(page: Page, key: string, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await page.keyboard.press(key)
}

/**
 * Selects `text`, which starts at `offset` in the first paragraph, with the keyboard only. ProseMirror puts its own
 * selection back into the page just after the lesson gets the focus, which can undo keys pressed at once (no person
 * is that fast), so the keys are pressed again until the selection is `text` and still is a moment later.
 */
async function selectByKeyboard(page: Page, offset: number, text: string): Promise<void> {
  await expect(async () => {
    await page.keyboard.press('ControlOrMeta+Home')
    await press(page, 'ArrowRight', offset)
    await press(page, 'Shift+ArrowRight', text.length)
    expect(await selectedText(page)).toBe(text)
    await page.waitForTimeout(150)
    expect(await selectedText(page)).toBe(text)
  }).toPass({ timeout: 20_000 })
}

/** Drops text onto the lesson the way a drag from another window delivers it. */
async function dropText(page: Page, text: string): Promise<void> {
  const box = await lessonBody(page).boundingBox()
  if (box === null) throw new Error('the lesson body is not on screen')
  await lessonBody(page).evaluate(
    (body, { text, x, y }) => {
      const data = new DataTransfer()
      data.setData('text/plain', text)
      for (const type of ['dragenter', 'dragover', 'drop'])
        body.dispatchEvent(
          new DragEvent(type, {
            dataTransfer: data,
            clientX: x,
            clientY: y,
            bubbles: true,
            cancelable: true,
          }),
        )
    },
    { text, x: box.x + 20, y: box.y + box.height / 2 },
  )
}

test('a reviewer selects a phrase and comments on it with the keyboard alone, and cannot change the text', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000)
  const ada = await joinAs(browser, baseURL ?? '', 'ada', 'author')
  const rex = await joinAs(browser, baseURL ?? '', 'rex', 'reviewer')
  const body = lessonBody(rex)

  await test.step('the header of a shared course shows everything without overlap', async () => {
    await expect(ada.getByRole('list', { name: 'People online' }).getByRole('listitem')).toHaveCount(2)
    for (const width of [1000, 900]) {
      await ada.setViewportSize({ width, height: 800 })
      await expectHeaderLaidOut(ada)
    }
  })

  await test.step('Tab reaches the read-only lesson, which says it is read-only', async () => {
    await expect(body).toHaveAttribute('aria-readonly', 'true')
    await rex.getByRole('button', { name: 'Erosion', exact: true }).focus()
    for (let i = 0; i < 30 && !(await body.evaluate((el) => el === document.activeElement)); i++)
      await rex.keyboard.press('Tab')
    await expect(body).toBeFocused()
  })

  await test.step('Shift+arrows select a phrase and Ctrl+Alt+M comments on it', async () => {
    await selectByKeyboard(rex, SENTENCE.indexOf(PHRASE), PHRASE)
    await expect(rex.getByRole('button', { name: 'Comment', exact: true })).toBeEnabled()
    await rex.keyboard.press('ControlOrMeta+Alt+KeyM')
    const composer = panel(rex).getByRole('region', { name: 'New comment' })
    await expect(composer).toContainText(PHRASE)
    await composer.getByRole('textbox', { name: 'New comment' }).fill('Only on bare slopes?')
    await composer.getByRole('button', { name: 'Post comment' }).click()
    await expect(thread(rex, PHRASE)).toContainText('Only on bare slopes?')
    await expect(thread(ada, PHRASE)).toContainText('Only on bare slopes?')
    await expect.poll(() => highlighted(ada)).toEqual([PHRASE])
  })

  await test.step('typing, deleting, formatting, undo, cut, paste, drop and IME change nothing', async () => {
    await body.focus()
    await selectByKeyboard(rex, 0, 'Rain')
    for (const key of [
      'ControlOrMeta+b',
      'ControlOrMeta+i',
      'ControlOrMeta+x',
      'Backspace',
      'Delete',
      'Enter',
    ])
      await rex.keyboard.press(key)
    await rex.keyboard.type('typed by the reviewer')
    await rex.keyboard.press('ControlOrMeta+z')
    await rex.keyboard.press('ControlOrMeta+Shift+z')

    await rex.evaluate(() => navigator.clipboard.writeText('PASTED'))
    await rex.keyboard.press('ControlOrMeta+v')
    await dropText(rex, 'DROPPED')

    const cdp = await rex.context().newCDPSession(rex)
    await cdp.send('Input.imeSetComposition', { text: 'ひら', selectionStart: 2, selectionEnd: 2 })
    await cdp.send('Input.insertText', { text: 'ひらがな' })

    await expect.poll(() => bodyText(rex)).toBe(SENTENCE)
    await expect(body.locator('strong, em, p + p')).toHaveCount(0)
    // The keys still move the caret afterwards: the lesson is read-only, not stuck.
    await selectByKeyboard(rex, SENTENCE.indexOf('bare'), 'bare')
  })

  await test.step('the author still writes; nothing of the reviewer’s arrives or survives a reload', async () => {
    await lessonBody(ada).click()
    await ada.keyboard.press('ControlOrMeta+End')
    await ada.keyboard.type(' Cover crops help.')
    const after = `${SENTENCE} Cover crops help.`
    await expect.poll(() => bodyText(rex)).toBe(after)
    await expect.poll(() => bodyText(ada)).toBe(after)
    await expect(connection(rex)).toHaveAttribute('data-unacknowledged', '0')
    await rex.reload()
    await openLesson(rex, 'Erosion')
    await expect.poll(() => bodyText(rex)).toBe(after)
    await expect.poll(() => highlighted(rex)).toEqual([PHRASE])
  })
})
