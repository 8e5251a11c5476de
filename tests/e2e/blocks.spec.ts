/**
 * Editor blocks end to end in Chromium: an author builds a lesson with knowledge checks, a callout, images (from
 * a file and pasted) and audio through the toolbar's Insert group; everything survives a reload, a missing image
 * blob shows a placeholder and appears by itself when stored, and the SCORM export carries it all.
 */
import { readFile } from 'node:fs/promises'
import { expect, type Locator, type Page } from '@playwright/test'
import { test } from './support/test'
import { strFromU8, unzipSync } from 'fflate'
import * as Y from 'yjs'
import {
  addLesson as addStoredLesson,
  addSection as addStoredSection,
  createCourse as createStoredCourse,
  writeLessonContent,
} from '../../shared/course/commands'
import { NODE } from '../../shared/course/content'
import { readLessonContent } from '../../shared/course/content-io'
import { newCourseId } from '../../shared/course/ids'
import { readCourse } from '../../shared/course/read'
import type { LessonId } from '../../shared/course/types'
import { CURRENT_SCHEMA_VERSION, META, metaMap } from '../../shared/course/schema'
import { addLesson, addSection, createCourse, expectSaved, lessonBody, openLesson } from './support/chorus'
import { sha256, solidPng, toneWav } from './support/media-fixtures'

const RED_PNG = solidPng(12, [200, 30, 30])
const BLUE_PNG = solidPng(10, [30, 60, 200])
const TONE_WAV = toneWav(0.2)
const MISSING = 'Image not on this device yet — it arrives when a co-author who has it is online.'

const insertButton = (page: Page, name: string): Locator =>
  page.getByRole('group', { name: 'Insert' }).getByRole('button', { name, exact: true })
const questions = (page: Page): Locator => page.getByRole('group', { name: 'Question', exact: true })
const images = (page: Page): Locator => page.getByRole('group', { name: 'Image', exact: true })

async function insertFile(
  page: Page,
  kind: string,
  file: { name: string; mimeType: string; buffer: Buffer },
) {
  const choosing = page.waitForEvent('filechooser')
  await insertButton(page, kind).click()
  await (await choosing).setFiles(file)
}

async function fillQuestion(
  question: Locator,
  { prompt, choices, correct }: { prompt: string; choices: string[]; correct: number[] },
) {
  await question.getByRole('textbox', { name: 'Question prompt' }).fill(prompt)
  for (const [i, text] of choices.entries()) {
    if (i >= 2) await question.getByRole('button', { name: 'Add choice' }).click()
    await question.getByRole('textbox', { name: `Choice ${i + 1}`, exact: true }).fill(text)
  }
  for (const i of correct)
    await question
      .getByRole('checkbox', { name: `Choice ${i + 1} is correct` })
      .or(question.getByRole('radio', { name: `Choice ${i + 1} is correct` }))
      .check()
}

/** The question ids of a lesson as stored on this device: the open course's update rows, merged into a Y.Doc. */
async function storedQuestionIds(page: Page, lessonTitle: string): Promise<unknown[]> {
  const courseId = decodeURIComponent(/#\/course\/([^/]+)/.exec(page.url())?.[1] ?? '')
  const updates = await page.evaluate(async (courseId) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('chorus')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    const rows = await new Promise<{ courseId: string; update: Uint8Array }[]>((resolve, reject) => {
      const request = db.transaction('updates').objectStore('updates').getAll()
      request.onsuccess = () => resolve(request.result as { courseId: string; update: Uint8Array }[])
      request.onerror = () => reject(request.error)
    })
    db.close()
    return rows.filter((row) => row.courseId === courseId).map((row) => [...row.update])
  }, courseId)
  const doc = new Y.Doc()
  for (const update of updates) Y.applyUpdate(doc, new Uint8Array(update))
  const lesson = readCourse(doc)
    .sections.flatMap((section) => section.lessons)
    .find((l) => l.title === lessonTitle)
  const content = readLessonContent(doc, lesson?.id ?? ('' as LessonId)).content ?? []
  return content.filter((node) => node.type === NODE.question).map((node) => node.attrs?.id)
}

test('an author builds a lesson of blocks that survives a reload and exports to SCORM 2004', async ({
  page,
}) => {
  await page.goto('/')
  await createCourse(page, 'Colour theory')
  await addSection(page, 'Basics')
  await addLesson(page, 'Basics', 'Primary colours')
  await openLesson(page, 'Primary colours')
  await lessonBody(page).click()
  await lessonBody(page).pressSequentially('Colours mix.')

  // A single-choice question: the author is told what is missing until it is complete.
  await insertButton(page, 'Question').click()
  const single = questions(page).nth(0)
  await expect(single.getByRole('list', { name: 'Problems with this question' })).toContainText(
    'Mark at least one correct answer.',
  )
  await fillQuestion(single, {
    prompt: 'Which colour is primary?',
    choices: ['Red', 'Green', 'Orange'],
    correct: [0],
  })
  await single.getByRole('textbox', { name: 'Feedback when correct' }).fill('Red is primary.')
  await single.getByRole('textbox', { name: 'Feedback when incorrect' }).fill('Only red is.')
  // Every field keeps a visible label once it is filled (placeholders as labels vanished), named by that label.
  const filled = [
    ['Question prompt', 'Which colour is primary?'],
    ['Choice 1', 'Red'],
    ['Choice 2', 'Green'],
    ['Choice 3', 'Orange'],
    ['Feedback when correct', 'Red is primary.'],
    ['Feedback when incorrect', 'Only red is.'],
  ] as const
  for (const [label, value] of filled) {
    await expect(single.getByLabel(label, { exact: true })).toHaveValue(value)
    await expect(single.locator('label').getByText(label, { exact: true })).toBeVisible()
  }
  await expect(single.locator('label').getByText('Question type', { exact: true })).toBeVisible()
  // The type select looks like the other fields, not like the browser's default control.
  const fontOf = (field: Locator) => field.evaluate((el) => getComputedStyle(el).fontFamily)
  expect(await fontOf(single.getByLabel('Question type'))).toBe(
    await fontOf(single.getByLabel('Choice 1', { exact: true })),
  )
  await single.getByRole('button', { name: 'Remove choice 3' }).click()
  await expect(single.getByRole('textbox', { name: /^Choice \d$/ })).toHaveCount(2)
  await expect(single.getByRole('list', { name: 'Problems with this question' })).toHaveCount(0)

  // Multiple choice: checkboxes, several correct.
  await insertButton(page, 'Question').click()
  const multiple = questions(page).nth(1)
  await multiple.getByRole('combobox', { name: 'Question type' }).selectOption('multiple')
  await fillQuestion(multiple, {
    prompt: 'Pick every primary colour',
    choices: ['Red', 'Purple', 'Blue'],
    correct: [0, 2],
  })
  await expect(multiple.getByRole('checkbox', { checked: true })).toHaveCount(2)

  // True/false: fixed choices, no text to edit.
  await insertButton(page, 'Question').click()
  const trueFalse = questions(page).nth(2)
  await trueFalse.getByRole('combobox', { name: 'Question type' }).selectOption('true-false')
  await trueFalse
    .getByRole('textbox', { name: 'Question prompt' })
    .fill('Green is a primary colour of paint.')
  await expect(trueFalse.getByRole('textbox', { name: /^Choice/ })).toHaveCount(0)
  await expect(trueFalse.getByRole('button', { name: 'Add choice' })).toHaveCount(0)
  await trueFalse.getByRole('radio', { name: 'Choice 2 is correct' }).check()
  await expect(trueFalse.getByRole('radio', { name: 'Choice 1 is correct' })).not.toBeChecked()

  // A copy of a question pasted beside its original becomes a question of its own, with its own id.
  await single.getByText('Knowledge check').click()
  await page.keyboard.press('ControlOrMeta+c')
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.press('ControlOrMeta+v')
  await expect(questions(page)).toHaveCount(4)
  await expect(questions(page).nth(3).getByRole('textbox', { name: 'Question prompt' })).toHaveValue(
    'Which colour is primary?',
  )
  await expectSaved(page)
  await expect.poll(async () => new Set(await storedQuestionIds(page, 'Primary colours')).size).toBe(4)
  await questions(page).nth(3).getByRole('button', { name: 'Remove question' }).click()
  await expect(questions(page)).toHaveCount(3)

  // A warning callout with text in it.
  await insertButton(page, 'Callout').click()
  await page.keyboard.type('Never mix bleach with ammonia.')
  const callout = page.getByRole('note', { name: 'Info callout' })
  await callout.getByRole('combobox', { name: 'Callout tone' }).selectOption('warning')
  const warning = page.getByRole('note', { name: 'Warning callout' })
  await expect(warning).toContainText('Never mix bleach with ammonia.')

  // An image from a file, an image pasted, an audio file; a file of the wrong kind is refused.
  await insertFile(page, 'Image', { name: 'red.png', mimeType: 'image/png', buffer: RED_PNG })
  await expect(images(page)).toHaveCount(1)
  await images(page).nth(0).getByRole('textbox', { name: 'Alt text' }).fill('A red square')
  await lessonBody(page).press('ControlOrMeta+End')
  await page.evaluate(
    (bytes) => {
      const data = new DataTransfer()
      data.items.add(new File([new Uint8Array(bytes)], 'pasted.png', { type: 'image/png' }))
      const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
      document.querySelector('.ProseMirror')?.dispatchEvent(paste)
    },
    [...BLUE_PNG],
  )
  await expect(images(page)).toHaveCount(2)
  // Web content pasted with a remote image keeps its text; the image is never hot-linked.
  await page.evaluate(() => {
    const data = new DataTransfer()
    data.setData('text/html', '<p>From the web</p><img src="https://example.com/remote.png" alt="remote">')
    const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
    document.querySelector('.ProseMirror')?.dispatchEvent(paste)
  })
  await expect(lessonBody(page)).toContainText('From the web')
  await expect(images(page)).toHaveCount(2)
  await expect(lessonBody(page).locator('img[src^="http"]')).toHaveCount(0)
  await insertFile(page, 'Audio', { name: 'tone.wav', mimeType: 'audio/wav', buffer: TONE_WAV })
  const audio = page.getByRole('group', { name: 'Audio', exact: true })
  await expect(audio.getByRole('textbox', { name: 'Audio title' })).toHaveValue('tone')
  await insertFile(page, 'Image', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hi') })
  await expect(page.getByRole('alert')).toContainText('“notes.txt” is not an image Chorus can use.')
  await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click()
  // An SVG (a document that can run scripts) renamed .png and declared image/png: its bytes give it away.
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
  await insertFile(page, 'Image', { name: 'logo.png', mimeType: 'image/png', buffer: svg })
  await expect(page.getByRole('alert')).toContainText('“logo.png” is not an image Chorus can use.')
  await expect(images(page)).toHaveCount(2)
  await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click()
  await expectSaved(page)

  // After a reload everything is there, and the images render from their stored blobs.
  await page.reload()
  await openLesson(page, 'Primary colours')
  await expect(questions(page)).toHaveCount(3)
  await expect(questions(page).nth(0).getByRole('textbox', { name: 'Question prompt' })).toHaveValue(
    'Which colour is primary?',
  )
  await expect(questions(page).nth(0).getByRole('radio', { name: 'Choice 1 is correct' })).toBeChecked()
  await expect(questions(page).nth(1).getByRole('checkbox', { checked: true })).toHaveCount(2)
  await expect(questions(page).nth(2).getByRole('radio', { name: 'Choice 2 is correct' })).toBeChecked()
  await expect(page.getByRole('note', { name: 'Warning callout' })).toContainText('Never mix bleach')
  await expect(images(page).nth(0).getByRole('img', { name: 'A red square' })).toBeVisible()
  await expect(images(page).locator('img')).toHaveCount(2)
  for (const img of await images(page).locator('img').all())
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0)
  await expect(audio.locator('audio')).toHaveAttribute('src', /^blob:/)

  // A blob this device lacks shows a placeholder, and the image appears by itself once the blob is stored.
  await page.evaluate(async (hash) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('chorus')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    await new Promise<void>((resolve, reject) => {
      const transaction = db.transaction('media', 'readwrite')
      transaction.objectStore('media').delete(hash)
      transaction.oncomplete = () => resolve()
      transaction.onerror = () => reject(transaction.error)
    })
    db.close()
  }, sha256(RED_PNG))
  await page.reload()
  await openLesson(page, 'Primary colours')
  await expect(images(page).filter({ hasText: MISSING })).toHaveCount(1)
  await expect(page.getByRole('img', { name: 'A red square' })).toHaveCount(0)
  await insertFile(page, 'Image', { name: 'red.png', mimeType: 'image/png', buffer: RED_PNG })
  await expect(images(page)).toHaveCount(3)
  await expect(page.getByRole('img', { name: 'A red square' })).toBeVisible()
  await expect(page.getByText(MISSING)).toHaveCount(0)
  await expectSaved(page)

  // The SCORM 2004 export carries the media and the questions.
  await page.getByRole('button', { name: 'Export…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export course' })
  await dialog.getByRole('radio', { name: 'SCORM 2004 4th Edition' }).check()
  const downloading = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const download = await downloading
  const files = unzipSync(new Uint8Array(await readFile(await download.path())))
  expect(Object.keys(files)).toEqual(
    expect.arrayContaining([
      `media/${sha256(RED_PNG)}.png`,
      `media/${sha256(BLUE_PNG)}.png`,
      `media/${sha256(TONE_WAV)}.wav`,
    ]),
  )
  expect(files[`media/${sha256(RED_PNG)}.png`]).toEqual(new Uint8Array(RED_PNG))
  const manifest = strFromU8(files['imsmanifest.xml'] ?? new Uint8Array())
  expect(manifest).toContain(`media/${sha256(BLUE_PNG)}.png`)
  const player = strFromU8(files['index.html'] ?? new Uint8Array())
  for (const text of [
    'Which colour is primary?',
    'Red',
    'Green',
    'Pick every primary colour',
    'Purple',
    'Green is a primary colour of paint.',
    'Never mix bleach with ammonia.',
    'alt="A red square"',
    'Red is primary.',
  ])
    expect(player).toContain(text)
  expect(player).toContain('class="callout callout-warning"')
})

/**
 * A course a newer Chorus left on this device: this app opens it read-only, so its blocks show their content and
 * no editing controls. Rows go in with the plain IndexedDB API, as another app would write them.
 */
async function storeReadOnlyCourseWithBlocks(page: Page): Promise<void> {
  const id = newCourseId()
  const doc = new Y.Doc()
  createStoredCourse(doc, { id, title: 'Read-only colours' })
  const lessonId = addStoredLesson(doc, {
    sectionId: addStoredSection(doc, { title: 'Only' }),
    title: 'Look only',
  })
  writeLessonContent(doc, lessonId, {
    type: NODE.doc,
    content: [
      {
        type: NODE.question,
        attrs: {
          id: 'q1',
          kind: 'single',
          prompt: 'Is the sky blue?',
          choices: [
            { id: 'a', text: 'Mostly', correct: true },
            { id: 'b', text: 'Never', correct: false },
          ],
          feedbackCorrect: 'Right.',
          feedbackIncorrect: 'Look up.',
        },
      },
      {
        type: NODE.callout,
        attrs: { tone: 'tip' },
        content: [{ type: NODE.paragraph, content: [{ type: NODE.text, text: 'Look up.' }] }],
      },
      { type: NODE.image, attrs: { hash: sha256(RED_PNG), alt: 'Red square', mime: 'image/png' } },
    ],
  })
  metaMap(doc).set(META.schemaVersion, CURRENT_SCHEMA_VERSION + 1)
  const update = Array.from(Y.encodeStateAsUpdate(doc))
  await page.evaluate(
    async ({ id, update, hash, png }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('chorus')
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction(['courses', 'updates', 'media'], 'readwrite')
        const now = Date.now()
        transaction
          .objectStore('courses')
          .put({ id, title: 'Read-only colours', createdAt: now, updatedAt: now })
        transaction.objectStore('updates').add({ courseId: id, update: new Uint8Array(update) })
        transaction
          .objectStore('media')
          .put({ hash, courseId: id, mime: 'image/png', bytes: new Uint8Array(png), createdAt: now })
        transaction.oncomplete = () => resolve()
        transaction.onabort = () => reject(transaction.error)
      })
      db.close()
    },
    { id, update, hash: sha256(RED_PNG), png: [...RED_PNG] },
  )
}

test('in a course that cannot be edited, blocks show their content and no editing controls', async ({
  page,
}) => {
  await page.goto('/')
  await storeReadOnlyCourseWithBlocks(page)
  await page.reload()
  await page.getByRole('link', { name: 'Read-only colours' }).click()
  await openLesson(page, 'Look only')

  const question = questions(page)
  await expect(question).toContainText('Is the sky blue?')
  await expect(question).toContainText('Mostly (correct)')
  await expect(question).toContainText('When incorrect: Look up.')
  await expect(page.getByRole('note', { name: 'Tip callout' })).toContainText('Look up.')
  await expect(page.getByRole('img', { name: 'Red square' })).toBeVisible()

  const body = lessonBody(page)
  await expect(body.getByRole('textbox')).toHaveCount(0)
  await expect(body.getByRole('button')).toHaveCount(0)
  await expect(body.getByRole('combobox')).toHaveCount(0)
  await expect(body.getByRole('radio')).toHaveCount(0)
  for (const name of ['Question', 'Image', 'Video', 'Audio', 'Callout'])
    await expect(insertButton(page, name)).toBeDisabled()
})

test('the sample course’s images and questions open in the editor', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Try the sample course' }).click()
  await openLesson(page, 'Your workspace at a glance')
  const image = page.getByRole('img', { name: /^The Ledgerly dashboard/ })
  await expect(image).toBeVisible()
  await expect.poll(() => image.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0)
  const question = questions(page)
  await expect(question.getByRole('textbox', { name: 'Question prompt' })).toHaveValue(
    'Where do you look first to see which invoices are past their due date?',
  )
  await expect(question.getByRole('textbox', { name: 'Choice 2', exact: true })).toHaveValue(
    'The Overdue card on the dashboard',
  )
  await expect(question.getByRole('radio', { name: 'Choice 2 is correct' })).toBeChecked()
})
