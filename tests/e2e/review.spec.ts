/**
 * Reviewing through a real relay process: an author and a reviewer (separate browser contexts, separate
 * IndexedDB, separate sockets) comment on one lesson. Highlights follow the text as it is edited, replies and
 * resolutions reach the other side live, a comment written offline arrives after reconnecting, mentions reach
 * the person named, and a thread whose text is deleted stays, detached, with its quote.
 */
import {
  expect,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
  type WebSocketRoute,
} from '@playwright/test'
import { test } from './support/test'
import * as Y from 'yjs'
import { lessonBody as storedLessonBody } from '../../shared/course/read'
import type { Role } from '../../shared/protocol/token'
import { startRelay, type RelayProcess } from '../integration/relay-harness'
import { lessonBody, openLesson } from './support/chorus'
import { stopRelaysAndClients } from './support/relay-lifecycle'
import { connection, joinIn, seedCourse, type SeededCourse } from './support/shared-course'

const SENTENCE = 'Rain loosens topsoil on bare slopes.'

let relay: RelayProcess
let course: SeededCourse

test.beforeAll(async () => {
  relay = await startRelay()
  course = await seedCourse(relay, 'Shared soil course', { Basics: ['Erosion'] })
  // The lesson's first paragraph, written the way the editor's binding stores it.
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(SENTENCE)])
  storedLessonBody(course.seeder.doc, course.lessonId('Erosion'))?.insert(0, [paragraph])
})

test.afterAll(stopRelaysAndClients)

/**
 * The reviewer's network, between the page and the relay. Playwright's `setOffline` leaves open WebSockets
 * alone, so every socket to the relay goes through a route: offline drops the live ones and swallows new ones
 * (they open but nothing gets through, like a dead network); online closes those, and the app reconnects.
 */
interface Network {
  goOffline(): Promise<void>
  goOnline(): Promise<void>
}

async function routeNetwork(context: BrowserContext): Promise<Network> {
  let online = true
  const connected: { page: WebSocketRoute; server: WebSocketRoute }[] = []
  const swallowed: WebSocketRoute[] = []
  await context.routeWebSocket(
    (url) => url.port === String(relay.port),
    (page) => {
      if (online) connected.push({ page, server: page.connectToServer() })
      else swallowed.push(page)
    },
  )
  return {
    async goOffline() {
      online = false
      for (const { page, server } of connected.splice(0)) {
        await page.close()
        await server.close()
      }
    },
    async goOnline() {
      online = true
      for (const page of swallowed.splice(0)) await page.close()
    },
  }
}

interface Person {
  readonly page: Page
  readonly network: Network
}

/** Joins under a display name with a token for the given role, through a network the test can cut, in the lesson. */
async function joinAs(
  browser: Browser,
  baseURL: string | undefined,
  user: string,
  displayName: string,
  role: Role,
): Promise<Person> {
  const context = await browser.newContext()
  const network = await routeNetwork(context)
  const page = await joinIn(context, { relay, ...course, user, displayName, role, baseURL })
  await openLesson(page, 'Erosion')
  await expect(lessonBody(page)).toContainText('Rain')
  return { page, network }
}

const panel = (page: Page) => page.getByRole('complementary', { name: 'Comments' })
const thread = (page: Page, quote: string) =>
  panel(page).getByRole('article', { name: `Thread on “${quote}”` })
const highlights = (page: Page) => lessonBody(page).locator('.comment-highlight')

/**
 * The text each highlight covers, one entry per thread in document order. A highlight can be drawn in several
 * pieces (a co-author's caret inside it splits it), so the pieces of one thread are joined.
 */
const highlighted = (page: Page): Promise<string[]> =>
  highlights(page).evaluateAll((spans) => {
    const byThread = new Map<string, string>()
    for (const span of spans) {
      const id = span.getAttribute('data-thread-id') ?? ''
      byThread.set(id, (byThread.get(id) ?? '') + (span.textContent ?? ''))
    }
    return [...byThread.values()]
  })
const commentButton = (page: Page) => page.getByRole('button', { name: 'Comment', exact: true })
const showThreads = (page: Page, filter: string) => panel(page).getByRole('radio', { name: filter }).check()

/**
 * Selects a phrase of the lesson (or puts the caret right before or after it) through the DOM selection, as a
 * mouse would, so the focus goes to the lesson first (review-keyboard.spec.ts selects with the keys).
 */
async function select(
  page: Page,
  phrase: string,
  where: 'phrase' | 'before' | 'after' = 'phrase',
): Promise<void> {
  await lessonBody(page).focus()
  await page.evaluate(
    ([wanted, mode]) => {
      const body = document.querySelector('[aria-label="Lesson body"]')
      if (body === null) throw new Error('no lesson body')
      const texts: Text[] = []
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) texts.push(node as Text)
      const all = texts.map((text) => text.data).join('')
      const start = all.indexOf(wanted)
      if (start === -1) throw new Error(`no “${wanted}” in the lesson`)
      // A boundary between two text nodes: the start of a range belongs to the next one, its end to the previous.
      const point = (index: number, isEnd: boolean): [Text, number] => {
        let offset = 0
        for (const text of texts) {
          if (index < offset + text.length || (isEnd && index === offset + text.length))
            return [text, index - offset]
          offset += text.length
        }
        const last = texts[texts.length - 1] as Text
        return [last, last.length]
      }
      const end = start + wanted.length
      const [from, to] = mode === 'before' ? [start, start] : mode === 'after' ? [end, end] : [start, end]
      const range = document.createRange()
      range.setStart(...point(from, mode === 'after'))
      range.setEnd(...point(to, mode !== 'before'))
      const selection = document.getSelection()
      selection?.removeAllRanges()
      selection?.addRange(range)
    },
    [phrase, where] as const,
  )
}

/** Types into the author's lesson at a place next to a phrase. */
async function typeAt(page: Page, phrase: string, where: 'before' | 'after', text: string): Promise<void> {
  await lessonBody(page).focus()
  await select(page, phrase, where)
  await page.keyboard.type(text)
}

async function reply(card: Locator, text: string): Promise<void> {
  await card.getByRole('textbox', { name: 'Reply' }).fill(text)
  await card.getByRole('button', { name: 'Send reply' }).click()
}

test('a reviewer and an author discuss a phrase through comments anchored to it', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000)
  const ada = await joinAs(browser, baseURL, 'ada', 'Ada Lovelace', 'author')
  const rex = await joinAs(browser, baseURL, 'rex', 'Rex Reviewer', 'reviewer')

  await test.step('the reviewer cannot change the lesson, but can comment on a selected phrase', async () => {
    await lessonBody(rex.page).click()
    await rex.page.keyboard.type('XYZ')
    await expect(lessonBody(rex.page)).toHaveText(SENTENCE)
    await expect(commentButton(rex.page)).toBeDisabled()
    await expect(commentButton(rex.page)).toHaveAccessibleDescription(
      'Select text in the lesson to comment on it.',
    )

    await select(rex.page, 'loosens topsoil')
    await expect(commentButton(rex.page)).toBeEnabled()
    await rex.page.keyboard.press('Control+Alt+KeyM')
    const composer = panel(rex.page).getByRole('region', { name: 'New comment' })
    await expect(composer).toContainText('loosens topsoil')
    await composer.getByRole('textbox', { name: 'New comment' }).fill('Is this true for clay soils too?')
    await composer.getByRole('button', { name: 'Post comment' }).click()
    await expect(composer).toBeHidden()
    await expect(thread(rex.page, 'loosens topsoil')).toContainText('Is this true for clay soils too?')
    await expect.poll(() => highlighted(rex.page)).toEqual(['loosens topsoil'])
    await expect(lessonBody(ada.page)).toHaveText(SENTENCE)
  })

  await test.step('the author sees the thread and its highlight live', async () => {
    const card = thread(ada.page, 'loosens topsoil')
    await expect(card).toContainText('Rex Reviewer')
    await expect(card).toContainText('Is this true for clay soils too?')
    await expect.poll(() => highlighted(ada.page)).toEqual(['loosens topsoil'])

    // Clicking the highlight focuses the thread; focusing the thread marks the highlight.
    await highlights(ada.page).first().click()
    await expect(card).toHaveAttribute('aria-current', 'true')
    await thread(rex.page, 'loosens topsoil').getByRole('button', { name: /^Show/ }).click()
    await expect(highlights(rex.page).first()).toHaveClass(/comment-highlight-focused/)
  })

  await test.step('the author types right before and after the phrase; the highlight stays on it', async () => {
    await typeAt(ada.page, 'loosens topsoil', 'before', 'heavy ')
    await typeAt(ada.page, 'loosens topsoil', 'after', ' quickly')
    await typeAt(ada.page, 'Rain', 'before', 'Spring ')
    const edited = 'Spring Rain heavy loosens topsoil quickly on bare slopes.'
    for (const page of [ada.page, rex.page]) {
      await expect(lessonBody(page)).toContainText(edited)
      await expect.poll(() => highlighted(page)).toEqual(['loosens topsoil'])
    }
  })

  await test.step('the author replies and resolves; the reviewer sees who resolved it', async () => {
    const card = thread(ada.page, 'loosens topsoil')
    await reply(card, 'Yes, clay erodes as well.')
    await card.getByRole('button', { name: 'Resolve' }).click()
    await expect(card).toBeHidden() // the panel lists open threads by default

    await expect(thread(rex.page, 'loosens topsoil')).toBeHidden()
    await expect(highlights(rex.page)).toHaveCount(0)
    await showThreads(rex.page, 'Resolved')
    const seen = thread(rex.page, 'loosens topsoil')
    await expect(seen).toContainText('Yes, clay erodes as well.')
    await expect(seen).toContainText(/Resolved by Ada Lovelace · \d{1,2}:\d{2}/)
  })

  await test.step('replies sent at the same moment from both sides both survive', async () => {
    await showThreads(ada.page, 'Resolved')
    const adaCard = thread(ada.page, 'loosens topsoil')
    const rexCard = thread(rex.page, 'loosens topsoil')
    await adaCard.getByRole('textbox', { name: 'Reply' }).fill('From Ada at once')
    await rexCard.getByRole('textbox', { name: 'Reply' }).fill('From Rex at once')
    await Promise.all([
      adaCard.getByRole('button', { name: 'Send reply' }).click(),
      rexCard.getByRole('button', { name: 'Send reply' }).click(),
    ])
    for (const card of [adaCard, rexCard]) {
      await expect(card).toContainText('From Ada at once')
      await expect(card).toContainText('From Rex at once')
    }
  })

  await test.step('each person edits and deletes only their own comments', async () => {
    const adaCard = thread(ada.page, 'loosens topsoil')
    const rexCard = thread(rex.page, 'loosens topsoil')
    const comment = (card: Locator, text: string) => card.getByRole('listitem').filter({ hasText: text })
    await expect(
      comment(adaCard, 'From Rex at once').getByRole('button', { name: 'Edit comment' }),
    ).toHaveCount(0)
    await expect(
      comment(adaCard, 'From Rex at once').getByRole('button', { name: 'Delete comment' }),
    ).toHaveCount(0)

    await comment(adaCard, 'From Ada at once').getByRole('button', { name: 'Edit comment' }).click()
    await adaCard.getByRole('textbox', { name: 'Edit comment' }).fill('From Ada, reworded')
    await adaCard.getByRole('button', { name: 'Save' }).click()
    await expect(comment(rexCard, 'From Ada, reworded')).toContainText('edited')

    await comment(rexCard, 'From Rex at once').getByRole('button', { name: 'Delete comment' }).click()
    await expect(adaCard).not.toContainText('From Rex at once')
    await expect(adaCard).toContainText('Comment deleted')
  })

  await test.step('offline, the reviewer comments and mentions the author; it arrives after reconnecting', async () => {
    await showThreads(ada.page, 'All')
    await rex.network.goOffline()
    await expect(connection(rex.page)).not.toHaveText('Synced')

    await select(rex.page, 'bare slopes')
    await commentButton(rex.page).click()
    const box = panel(rex.page).getByRole('textbox', { name: 'New comment' })
    await box.pressSequentially('Which slopes? @Ad')
    await panel(rex.page)
      .getByRole('listbox', { name: 'People to mention' })
      .getByRole('option', { name: 'Ada Lovelace' })
      .click()
    await expect(box).toHaveValue('Which slopes? @Ada Lovelace ')
    await panel(rex.page).getByRole('button', { name: 'Post comment' }).click()
    await showThreads(rex.page, 'Open')
    await expect(thread(rex.page, 'bare slopes')).toContainText('Which slopes?')
    const commentSync = panel(rex.page).getByRole('status', { name: 'Comments sync' })
    await expect(commentSync).toContainText(/\d+ comment changes? not yet on the relay/)

    // Really offline: nothing reaches the author while the reviewer's network is down.
    await ada.page.waitForTimeout(1_500)
    await expect(thread(ada.page, 'bare slopes')).toHaveCount(0)

    await rex.network.goOnline()
    await expect(connection(rex.page)).toHaveText('Synced')
    await expect(commentSync).toHaveText('')
    await expect(thread(ada.page, 'bare slopes')).toContainText('Which slopes? @Ada Lovelace')
    await expect.poll(() => highlighted(ada.page)).toEqual(['bare slopes'])

    await showThreads(ada.page, 'For me')
    await expect(panel(ada.page).getByRole('article')).toHaveCount(1)
    await expect(thread(ada.page, 'bare slopes')).toBeVisible()
    await showThreads(rex.page, 'For me')
    await expect(panel(rex.page).getByRole('article')).toHaveCount(0)
  })

  await test.step('deleting the whole phrase leaves the thread detached, with its quote', async () => {
    await lessonBody(ada.page).focus()
    await select(ada.page, 'bare slopes')
    await ada.page.keyboard.press('Backspace')
    await expect(lessonBody(ada.page)).toContainText('quickly on .')
    await showThreads(ada.page, 'Open')
    await showThreads(rex.page, 'Open')
    for (const page of [ada.page, rex.page]) {
      const card = thread(page, 'bare slopes')
      await expect(card.getByRole('note')).toHaveText('The text this comment was on was deleted')
      await expect(card).toContainText('bare slopes')
      await expect(card).toContainText('Which slopes?')
      await expect(highlights(page)).toHaveCount(0)
    }
    // The whole course's list names each thread's lesson.
    await panel(ada.page).getByRole('radio', { name: 'Whole course' }).check()
    await expect(thread(ada.page, 'bare slopes')).toContainText('Erosion')
  })
})
