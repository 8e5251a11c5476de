/**
 * Names from invites, through a real relay: Rita's invite says "Rita" while her own Settings say "Ricky Local".
 * Everyone, Rita included, sees her as the invite names her: in "People online", on her cursor, on her comment and
 * in the @-mention suggestions; a mention of her by that name lands in her "For me". A comment written before
 * sharing, under the Settings name, shows the invite's name once the course is shared.
 */
import { expect, type Page } from '@playwright/test'
import { test } from './support/test'
import * as Y from 'yjs'
import { lessonBody as storedLessonBody } from '../../shared/course/read'
import type { CourseId } from '../../shared/course/types'
import { formatInvite } from '../../shared/protocol/invite'
import { startRelay, tokenFor, type RelayProcess } from '../integration/relay-harness'
import { addLesson, addSection, confirmJoin, createCourse, lessonBody, openLesson } from './support/chorus'
import { storeProfile } from './support/profile'
import { stopRelaysAndClients } from './support/relay-lifecycle'
import {
  connection,
  expectSynced,
  joinAs,
  relayAddress,
  relayHost,
  seedCourse,
  type SeededCourse,
} from './support/shared-course'

let relay: RelayProcess
let course: SeededCourse

test.beforeAll(async () => {
  relay = await startRelay()
  course = await seedCourse(relay, 'Names course', { Basics: ['Erosion'] })
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText('Rain loosens topsoil on bare slopes.')])
  storedLessonBody(course.seeder.doc, course.lessonId('Erosion'))?.insert(0, [paragraph])
})

test.afterAll(stopRelaysAndClients)

const panel = (page: Page) => page.getByRole('complementary', { name: 'Comments' })
const thread = (page: Page) => panel(page).getByRole('article', { name: /^Thread on “/ })
const online = (page: Page) => page.getByRole('list', { name: 'People online' }).getByRole('listitem')
const showThreads = (page: Page, filter: string) => panel(page).getByRole('radio', { name: filter }).check()

test('a co-author sees the name on the invite everywhere, not the one in its holder’s Settings', async ({
  browser,
  baseURL,
}) => {
  // Rita named herself differently on her device, then joins with an invite minted `--user rita --name Rita`.
  const rita = await (await browser.newContext()).newPage()
  await storeProfile(rita, baseURL ?? '', { displayName: 'Ricky Local' })
  const token = await tokenFor(course.courseId, 'author', { user: 'rita', name: 'Rita' })
  await rita.goto(
    formatInvite({ relay: relayAddress(relay), courseId: course.courseId, token }, baseURL ?? ''),
  )
  await confirmJoin(rita, relayHost(relay))
  await expect(rita.getByRole('textbox', { name: 'Course title' })).toHaveValue(course.title)
  await expect(connection(rita)).toHaveText('Synced')

  const ada = await joinAs(browser, { relay, ...course, user: 'ada', displayName: 'Ada Lovelace', baseURL })

  // People online, on both sides.
  await expect(online(ada)).toHaveText(['Ada Lovelace (you)', 'Rita'])
  await expect(online(rita)).toHaveText(['Rita (you)', 'Ada Lovelace'])

  // Her cursor.
  await openLesson(ada, 'Erosion')
  await openLesson(rita, 'Erosion')
  await lessonBody(rita).click()
  await lessonBody(rita).press('ControlOrMeta+End')
  await lessonBody(rita).pressSequentially(' Mulch helps.')
  await expect(lessonBody(ada)).toContainText('Mulch helps.')
  await expect(lessonBody(ada).locator('.collaboration-carets__label[data-name="Rita"]')).toBeVisible()
  await expect(lessonBody(ada).locator('.collaboration-carets__label[data-name="Ricky Local"]')).toHaveCount(
    0,
  )

  // Her comment, as Ada and as she herself sees it.
  await lessonBody(rita).press('ControlOrMeta+a')
  await rita.keyboard.press('Control+Alt+KeyM')
  const composer = panel(rita).getByRole('region', { name: 'New comment' })
  await composer.getByRole('textbox', { name: 'New comment' }).fill('Add a photo of a gully here.')
  await composer.getByRole('button', { name: 'Post comment' }).click()
  for (const page of [ada, rita]) {
    const comment = thread(page).getByRole('listitem', { name: 'Rita’s comment' })
    await expect(comment).toContainText('Add a photo of a gully here.')
    await expect(comment.locator('.comment-author')).toHaveText('Rita')
  }
  await expect(panel(ada)).not.toContainText('Ricky Local')

  // Nothing mentions her yet.
  await showThreads(rita, 'For me')
  await expect(panel(rita).getByRole('article')).toHaveCount(0)

  // The @-suggestions offer her by the invite's name only.
  const reply = thread(ada).getByRole('textbox', { name: 'Reply' })
  await reply.pressSequentially('Good idea, @Ri')
  const suggestions = panel(ada).getByRole('listbox', { name: 'People to mention' })
  await expect(suggestions.getByRole('option')).toHaveText(['Rita'])
  await reply.fill('')
  await reply.pressSequentially('Which gully? @Ric')
  await expect(suggestions).toHaveCount(0)
  await reply.fill('')
  await reply.pressSequentially('Good idea, @Ri')
  await suggestions.getByRole('option', { name: 'Rita' }).click()
  await expect(reply).toHaveValue('Good idea, @Rita ')
  await thread(ada).getByRole('button', { name: 'Send reply' }).click()

  // The mention lands in Rita's "For me".
  await expect(panel(rita).getByRole('article')).toHaveCount(1)
  await expect(thread(rita)).toContainText('Good idea, @Rita')
  await expect(thread(rita).getByRole('listitem', { name: 'Ada Lovelace’s comment' })).toBeVisible()
})

test('a comment written before sharing shows the name on the invite once the course is shared', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000)
  const dana = await (await browser.newContext()).newPage()
  await storeProfile(dana, baseURL ?? '', { displayName: 'Dana Local' })
  await createCourse(dana, 'Shared later')
  await addSection(dana, 'Basics')
  await addLesson(dana, 'Basics', 'Erosion')
  await openLesson(dana, 'Erosion')
  await lessonBody(dana).click()
  await lessonBody(dana).pressSequentially('Rain loosens topsoil.')
  await lessonBody(dana).press('ControlOrMeta+a')
  await dana.keyboard.press('Control+Alt+KeyM')
  const composer = panel(dana).getByRole('region', { name: 'New comment' })
  await composer.getByRole('textbox', { name: 'New comment' }).fill('Add a photo of a gully here.')
  await composer.getByRole('button', { name: 'Post comment' }).click()
  // On this device only, the Settings name.
  await expect(thread(dana).getByRole('listitem', { name: 'Dana Local’s comment' })).toBeVisible()

  // The admin mints her invite for this device's user id, under the name the team knows her by.
  const courseId = decodeURIComponent(/#\/course\/([^/]+)/.exec(dana.url())?.[1] ?? '') as CourseId
  await dana.getByRole('button', { name: 'Share…' }).click()
  const share = dana.getByRole('dialog', { name: 'Share this course' })
  const command = share.getByText(/^npm run relay -- token --course /)
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

  // Shared: Dana and a co-author both see her comment under the invite's name.
  await expect(thread(dana).getByRole('listitem', { name: 'Dana Field’s comment' })).toBeVisible()
  const eli = await joinAs(browser, {
    relay,
    courseId,
    title: 'Shared later',
    user: 'eli',
    displayName: 'Eli',
    baseURL,
  })
  await openLesson(eli, 'Erosion')
  await expect(thread(eli).getByRole('listitem', { name: 'Dana Field’s comment' })).toContainText(
    'Add a photo of a gully here.',
  )
  await expect(panel(eli)).not.toContainText('Dana Local')
})
