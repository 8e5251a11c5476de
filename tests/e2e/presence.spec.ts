/**
 * Presence through a real relay process: two browser contexts with different display names join one shared course;
 * each sees the other online, in the outline and as a named caret in the lesson they share.
 */
import { expect, type Page } from '@playwright/test'
import { test } from './support/test'
import { startRelay, type RelayProcess } from '../integration/relay-harness'
import { lessonBody, lessonRow, openLesson } from './support/chorus'
import { stopRelaysAndClients } from './support/relay-lifecycle'
import { joinAs, seedCourse, type SeededCourse } from './support/shared-course'

let relay: RelayProcess
let course: SeededCourse

test.beforeAll(async () => {
  relay = await startRelay()
  course = await seedCourse(relay, 'Shared soil course', { Basics: ['Erosion', 'Compost'] })
})

test.afterAll(stopRelaysAndClients)

test('co-authors see who is online, where they are and their named carets', async ({ browser, baseURL }) => {
  const join = (displayName: string, colour: string) =>
    joinAs(browser, { relay, ...course, user: displayName, displayName, colour, baseURL })
  const ada = await join('Ada Lovelace', '#c2410c')
  const ben = await join('Ben Okri', '#15803d')

  const online = ada.getByRole('list', { name: 'People online' })
  await expect(online.getByRole('listitem')).toHaveText(['Ada Lovelace (you)', 'Ben Okri'])

  await openLesson(ada, 'Erosion')
  await openLesson(ben, 'Erosion')
  await lessonBody(ben).click()
  await lessonBody(ben).pressSequentially('Rain loosens topsoil')

  // Ben's caret carries his name, in his colour, inside Ada's editor.
  await expect(lessonBody(ada)).toContainText('Rain loosens topsoil')
  // The name is CSS-generated (kept out of the lesson's text), so the label is found by the name it shows.
  const caretLabel = lessonBody(ada).locator('.collaboration-carets__label[data-name="Ben Okri"]')
  await expect(caretLabel).toBeVisible()
  await expect(caretLabel).toHaveCSS('background-color', 'rgb(21, 128, 61)')

  // The outline marks the lesson Ben has open, and follows him to another one.
  await expect(lessonRow(ada, 'Erosion').getByRole('note')).toHaveText('Ben Okri is here')
  await openLesson(ben, 'Compost')
  await expect(lessonRow(ada, 'Compost').getByRole('note')).toHaveText('Ben Okri is here')
  await expect(lessonRow(ada, 'Erosion').getByRole('note')).toHaveCount(0)
})

/** The colour of each person's dot in a page's "People online", by name. */
const onlineColours = async (page: Page): Promise<Map<string, string>> => {
  const items = page.getByRole('list', { name: 'People online' }).getByRole('listitem')
  const entries = await items.evaluateAll((lis) =>
    lis.map((li) => {
      const dot = li.querySelector('.presence-dot')
      return [
        li.textContent?.replace(' (you)', '') ?? '',
        dot ? getComputedStyle(dot).backgroundColor : '',
      ] as const
    }),
  )
  return new Map(entries)
}

test('three people who chose the same colour each show in a different one, the same for everyone', async ({
  browser,
  baseURL,
}) => {
  const sameColour = '#3b6fd4'
  const own = await seedCourse(relay, 'Colour course', { Basics: ['Erosion'] })
  const join = (name: string) =>
    joinAs(browser, {
      relay,
      ...own,
      user: name.toLowerCase(),
      displayName: name,
      colour: sameColour,
      baseURL,
    })
  const pages = [await join('Cleo'), await join('Dev'), await join('Eun')]
  for (const page of pages)
    await expect(page.getByRole('list', { name: 'People online' }).getByRole('listitem')).toHaveCount(3)

  const seen = await Promise.all(pages.map(onlineColours))
  const [first] = seen
  expect(new Set(first?.values()).size).toBe(3)
  // Every viewer, the person themself included, sees the same colour for each person.
  for (const colours of seen) expect([...colours].sort()).toEqual([...(first ?? [])].sort())
  await Promise.all(pages.map((page) => page.context().close()))
})

test('a co-author who closes the page or goes offline leaves "People online" within seconds', async ({
  browser,
  baseURL,
}) => {
  const own = await seedCourse(relay, 'Leaving course', { Basics: ['Erosion'] })
  const join = (name: string) =>
    joinAs(browser, { relay, ...own, user: name.toLowerCase(), displayName: name, baseURL })
  const fay = await join('Fay')
  const gus = await join('Gus')
  const hal = await join('Hal')
  const online = fay.getByRole('list', { name: 'People online' }).getByRole('listitem')
  await expect(online).toHaveText(['Fay (you)', 'Gus', 'Hal'])

  await gus.close()
  await expect(online).toHaveText(['Fay (you)', 'Hal'], { timeout: 5000 })

  await hal.context().setOffline(true)
  await expect(online).toHaveText(['Fay (you)'], { timeout: 5000 })
  await Promise.all([fay.context().close(), gus.context().close(), hal.context().close()])
})
