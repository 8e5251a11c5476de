/**
 * Version history through a real relay: an author names a version, edits, compares (the diff shows the edit) and
 * restores one lesson while a co-author types elsewhere in it — offline, then live, his keystrokes reaching the
 * author as she clicks; the co-author gets both the restore and his own text, and the version list reached him
 * through the relay. Then two exports: the second one's dialog
 * lists what changed since the first, and its package says version 2.
 */
import { readFile } from 'node:fs/promises'
import { expect, type Locator, type Page } from '@playwright/test'
import { test } from './support/test'
import { strFromU8, unzipSync } from 'fflate'
import { writeLessonContent } from '../../shared/course/content-io'
import { doc, p } from '../fixtures/content'
import { startRelay, type RelayProcess } from '../integration/relay-harness'
import { expectNoSeriousAxeViolations } from './support/axe'
import { addLesson, addSection, createCourse, lessonBody, lessonButton, openLesson } from './support/chorus'
import { stopRelaysAndClients } from './support/relay-lifecycle'
import { expectSynced, joinAs, seedCourse, typeAtEnd, type SeededCourse } from './support/shared-course'

const FIRST = 'Rain loosens topsoil on bare slopes.'
const SECOND = 'Roots hold the ground.'
const EDITED = 'Rain loosens topsoil on bare hills.'

let relay: RelayProcess
let course: SeededCourse

test.beforeAll(async () => {
  relay = await startRelay()
  course = await seedCourse(relay, 'Soil history course', { Basics: ['Erosion', 'Cover crops'] })
  writeLessonContent(course.seeder.doc, course.lessonId('Erosion'), doc(p(FIRST), p(SECOND)))
  writeLessonContent(course.seeder.doc, course.lessonId('Cover crops'), doc(p('Clover fixes nitrogen.')))
})

test.afterAll(stopRelaysAndClients)

const historyPanel = (page: Page): Locator => page.getByRole('dialog', { name: 'History' })

async function openHistory(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'History', exact: true }).click()
  const panel = historyPanel(page)
  await expect(panel).toBeVisible()
  return panel
}

const versionItem = (panel: Locator, label: string): Locator =>
  panel.getByRole('list', { name: 'Versions' }).getByRole('listitem').filter({ hasText: label })

const paragraphs = (page: Page): Locator => lessonBody(page).locator('p')

/** Ben's sentence typed live while Ann restores: long enough (50 ms a key) that he is still typing at her click. */
const LIVE = ' Ben keeps typing this sentence while Ann restores the lesson.'

test('a named version, an edit, its comparison, and a lesson restored while a co-author types in it, offline and live', async ({
  browser,
  baseURL,
}) => {
  const ann = await joinAs(browser, { relay, ...course, user: 'ann', displayName: 'Ann', baseURL })
  const ben = await joinAs(browser, { relay, ...course, user: 'ben', displayName: 'Ben', baseURL })
  for (const page of [ann, ben]) {
    await openLesson(page, 'Erosion')
    await expect(paragraphs(page)).toHaveText([FIRST, SECOND])
  }

  // Ann names a version.
  const annPanel = await openHistory(ann)
  await annPanel.getByLabel('Version name').fill('Sent to Legal')
  await annPanel.getByRole('button', { name: 'Save version' }).click()
  await expect(annPanel.getByRole('status')).toHaveText('Saved “Sent to Legal”.')
  await expect(versionItem(annPanel, 'Sent to Legal')).toContainText('saved by Ann')
  await expectNoSeriousAxeViolations(ann, 'the History panel')
  await annPanel.getByRole('button', { name: 'Close' }).click()

  // The version reaches Ben through the relay.
  const benPanel = await openHistory(ben)
  await expect(versionItem(benPanel, 'Sent to Legal')).toBeVisible()
  await benPanel.getByRole('button', { name: 'Close' }).click()

  // Ann edits: "slopes." becomes "hills.".
  await lessonBody(ann).getByText(FIRST).click()
  await ann.keyboard.press('End')
  for (let i = 0; i < 'slopes.'.length; i++) await ann.keyboard.press('Backspace')
  await lessonBody(ann).pressSequentially('hills.')
  await expect(paragraphs(ann)).toHaveText([EDITED, SECOND])
  await expect(paragraphs(ben)).toHaveText([EDITED, SECOND])

  // The comparison shows the edit: the new word marked as added, the old one struck through as removed (words are
  // compared, punctuation on its own).
  await openHistory(ann)
  await versionItem(annPanel, 'Sent to Legal')
    .getByRole('button', { name: /^Compare with now/ })
    .click()
  const compared = annPanel.getByRole('region', { name: 'Erosion' })
  await expect(compared).toContainText('Changed since this version')
  await expect(compared.locator('ins')).toHaveText(['hills'])
  await expect(compared.locator('del')).toHaveText(['slopes'])
  await expect(annPanel.getByRole('region', { name: 'Cover crops' })).toHaveCount(0)
  await expectNoSeriousAxeViolations(ann, 'the History panel comparing a version')

  // Ben goes offline and types in the lesson's second paragraph while Ann restores the lesson.
  await expectSynced(ben)
  await ben.context().setOffline(true)
  await expect(ben.getByRole('status', { name: 'Connection' })).toContainText('Offline')
  await lessonBody(ben).getByText(SECOND).click()
  await ben.keyboard.press('End')
  await lessonBody(ben).pressSequentially(' Mulch helps too.', { delay: 20 })
  await compared.getByRole('button', { name: /^Restore this lesson/ }).click()
  await expect(annPanel.getByRole('status').filter({ hasText: 'restored to' })).toHaveText(
    '“Erosion” restored to “Sent to Legal”.',
  )
  await annPanel.getByRole('button', { name: 'Close' }).click()
  await expect(paragraphs(ann)).toHaveText([FIRST, SECOND])

  // Back online, Ben sees the restore and keeps every word he typed; Ann gets his words too.
  await ben.context().setOffline(false)
  const merged = [FIRST, `${SECOND} Mulch helps too.`]
  await expect(paragraphs(ben)).toHaveText(merged)
  await expect(paragraphs(ann)).toHaveText(merged)

  // The restore took a 'before-restore' version, which Ben's History lists too.
  await openHistory(ben)
  await expect(versionItem(benPanel, 'Before a restore')).toContainText('saved by Ann')
  await benPanel.getByRole('button', { name: 'Close' }).click()

  // One undo takes the restore back out, live for Ben, and his words stay.
  await ann.getByRole('button', { name: 'Undo restore' }).click()
  const undone = [EDITED, `${SECOND} Mulch helps too.`]
  await expect(paragraphs(ann)).toHaveText(undone)
  await expect(paragraphs(ben)).toHaveText(undone)
  await expect(ann.getByRole('button', { name: 'Undo restore' })).toHaveCount(0)

  // Live: Ann compares again; Ben, online, types a sentence at the end of the second paragraph, and Ann restores
  // the lesson once the first keystrokes have reached her page, while he is still typing. The restore reverts what
  // she reviewed (her edit, and his words from before she opened the comparison) and keeps every keystroke of his
  // from after: those that reached her before the click and those still to come.
  await openHistory(ann)
  await versionItem(annPanel, 'Sent to Legal')
    .getByRole('button', { name: /^Compare with now/ })
    .click()
  const restoreButton = compared.getByRole('button', { name: /^Restore this lesson/ })
  await expect(restoreButton).toBeVisible()
  await lessonBody(ben).getByText(`${SECOND} Mulch helps too.`).click()
  await ben.keyboard.press('End')
  let typingDone = false
  const typing = lessonBody(ben)
    .pressSequentially(LIVE, { delay: 50 })
    .then(() => (typingDone = true))
  await expect(paragraphs(ann).nth(1)).toContainText(`Mulch helps too.${LIVE.slice(0, 6)}`)
  await restoreButton.click()
  expect(typingDone).toBe(false)
  await expect(annPanel.getByRole('status').filter({ hasText: 'restored to' })).toHaveText(
    '“Erosion” restored to “Sent to Legal”.',
  )
  await typing
  const live = [FIRST, `${SECOND}${LIVE}`]
  await expect(paragraphs(ben)).toHaveText(live)
  await expect(paragraphs(ann)).toHaveText(live)

  // Its undo brings back what the restore reverted; Ben's sentence stays whole.
  await annPanel.getByRole('button', { name: 'Close' }).click()
  await ann.getByRole('button', { name: 'Undo restore' }).click()
  const liveUndone = [EDITED, `${SECOND} Mulch helps too.${LIVE}`]
  await expect(paragraphs(ann)).toHaveText(liveUndone)
  await expect(paragraphs(ben)).toHaveText(liveUndone)
})

test('a reviewer can view and compare versions but not save or restore them', async ({
  browser,
  baseURL,
}) => {
  const rita = await joinAs(browser, { relay, ...course, user: 'rita', role: 'reviewer', baseURL })
  const panel = await openHistory(rita)
  await expect(panel).toContainText('Only authors can save or restore versions.')
  await expect(panel.getByRole('button', { name: 'Save version' })).toHaveCount(0)
  await versionItem(panel, 'Sent to Legal').getByRole('button', { name: /^View/ }).click()
  await expect(panel.getByRole('navigation', { name: 'Outline of this version' })).toContainText(
    'Cover crops',
  )
  await expect(panel.getByRole('article', { name: 'Lesson in this version' })).toContainText(FIRST)
  await panel.getByRole('radio', { name: 'Compare with now' }).check()
  await expect(panel.getByRole('region', { name: 'Erosion' }).locator('ins')).toContainText(['hills'])
  await expect(panel.getByRole('button', { name: /^Restore/ })).toHaveCount(0)
  await expectNoSeriousAxeViolations(rita, 'the History panel of a reviewer')
})

async function exportScorm2004(page: Page): Promise<Record<string, Uint8Array>> {
  const dialog = page.getByRole('dialog', { name: 'Export course' })
  await dialog.getByRole('radio', { name: 'SCORM 2004 4th Edition' }).check()
  const downloading = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const download = await downloading
  await expect(dialog).toBeHidden()
  return unzipSync(new Uint8Array(await readFile(await download.path())))
}

const text = (files: Record<string, Uint8Array>, path: string): string =>
  strFromU8(files[path] ?? new Uint8Array())

test('the export dialog lists the changes since the last export, and each package carries its number', async ({
  browser,
  baseURL,
}) => {
  const ann = await joinAs(browser, { relay, ...course, user: 'ann', displayName: 'Ann', baseURL })
  const exportDialog = ann.getByRole('dialog', { name: 'Export course' })
  const changes = exportDialog.getByRole('region', { name: 'Changes since the last export' })

  await ann.getByRole('button', { name: 'Export…' }).click()
  await expect(changes).toContainText('First export of this course.')
  await expect(changes).toContainText('This export will be version 1 of the course.')
  const first = await exportScorm2004(ann)
  expect(text(first, 'imsmanifest.xml')).toMatch(/<manifest identifier="[^"]+" version="1"/)
  expect(text(first, 'index.html')).toContain('<footer class="version">Version 1</footer>')

  await openLesson(ann, 'Cover crops')
  await typeAtEnd(lessonBody(ann), ' Rye holds the soil.')
  await ann.getByRole('button', { name: 'Export…' }).click()
  await expect(changes.getByRole('heading', { level: 3 }).first()).toContainText('Changes since version 1')
  await expect(changes).toContainText('Lessons changed (1)')
  await expect(changes).toContainText('This export will be version 2 of the course.')
  await expect(changes.getByRole('listitem')).toHaveText(['Cover crops'])
  await ann.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await changes.getByRole('button', { name: 'Copy release notes' }).click()
  await expect(changes.getByRole('status')).toHaveText('Release notes copied')
  const notes = await ann.evaluate(() => navigator.clipboard.readText())
  expect(notes).toContain('Soil history course\nChanges since version 1')
  expect(notes).toContain('Changed lessons (1):\n- Cover crops')
  await expectNoSeriousAxeViolations(ann, 'the export dialog with changes since the last export')
  const second = await exportScorm2004(ann)
  expect(text(second, 'imsmanifest.xml')).toMatch(/<manifest identifier="[^"]+" version="2"/)
  expect(text(second, 'imsmanifest.xml')).toContain('<string language="en">2</string>')
  expect(text(second, 'index.html')).toContain('<footer class="version">Version 2</footer>')

  const panel = await openHistory(ann)
  const secondVersion = versionItem(panel, 'Exported (SCORM 2004) · v2')
  await expect(secondVersion).toContainText('Contributed since the previous version: Ann')
  await expect(secondVersion).toContainText('Lessons changed: Cover crops')
  await expect(versionItem(panel, 'Exported (SCORM 2004) · v1')).toBeVisible()
})

test('a course on this device only takes an automatic version as it is edited, and restores whole', async ({
  page,
}) => {
  await page.goto('/')
  await createCourse(page, 'Local soils')
  await addSection(page, 'Basics')
  await addLesson(page, 'Basics', 'Loam')
  // The first edits of a course without versions take one, a few seconds later (never inside a keystroke).
  const panel = await openHistory(page)
  await expect(versionItem(panel, 'Automatic')).toContainText('Lessons changed: Loam', { timeout: 20_000 })
  await panel.getByRole('button', { name: 'Close' }).click()

  await addLesson(page, 'Basics', 'Sand')
  await openHistory(page)
  await versionItem(panel, 'Automatic').getByRole('button', { name: /^View/ }).click()
  await expect(panel.getByRole('navigation', { name: 'Outline of this version' })).not.toContainText('Sand')
  await panel.getByRole('button', { name: 'Restore whole course' }).click()
  await expect(panel.getByRole('status').filter({ hasText: 'restored to' })).toHaveText(
    'The whole course restored to “Automatic”.',
  )
  await panel.getByRole('button', { name: 'Close' }).click()
  await expect(lessonButton(page, 'Sand')).toHaveCount(0)
  await page.getByRole('button', { name: 'Undo restore' }).click()
  await expect(lessonButton(page, 'Sand')).toBeVisible()
})
