/**
 * Importing documents in the browser build: a real .docx (written by the `docx` library) becomes a new course
 * after a preview of its outline and losses; Markdown adds to an open course as one step that can be undone; a
 * password-protected file is refused with a message and changes nothing.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, type Locator, type Page } from '@playwright/test'
import { test } from './support/test'
import { benchDocument } from '../bench/import/generate-docx'
import { courseDocx } from '../fixtures/import-documents'
import { expectNoSeriousAxeViolations } from './support/axe'
import {
  answerFirstRun,
  createCourse,
  expectLessons,
  expectSections,
  firstRunDialog,
  lessonBody,
  openLesson,
} from './support/chorus'
import { scratchDir } from '../fixtures/scratch-dir'

let dir: string

test.beforeAll(async () => {
  dir = scratchDir('import-e2e')
  await writeFile(join(dir, 'Reconciliation.docx'), await courseDocx())
  await writeFile(join(dir, 'Handbook.docx'), await benchDocument())
  await writeFile(join(dir, 'Wiki notes.md'), '# Extra\n\n## More practice\n\nPractice makes **perfect**.\n')
  await writeFile(
    join(dir, 'Locked.docx'),
    Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
  )
})

async function openLibrary(page: Page): Promise<void> {
  await page.goto('/')
  await expect(page.getByRole('button', { name: 'Import document…' })).toBeVisible()
  // A fresh profile may ask for a name first; answer it so only the import dialog is on screen.
  if (await firstRunDialog(page).isVisible()) await answerFirstRun(page, 'Ada Importer')
}

async function choose(page: Page, dialog: Locator, file: string): Promise<void> {
  const choosing = page.waitForEvent('filechooser')
  await dialog.getByRole('button', { name: 'Choose document…' }).click()
  await (await choosing).setFiles(join(dir, file))
}

const images = (page: Page): Locator => page.getByRole('group', { name: 'Image', exact: true })

test('a .docx becomes a new course after a preview of its outline, images and losses', async ({ page }) => {
  await openLibrary(page)
  await page.getByRole('button', { name: 'Import document…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import document as a new course' })
  await expect(dialog).toBeVisible()
  await expectNoSeriousAxeViolations(page, 'import dialog, choosing a file')
  await choose(page, dialog, 'Reconciliation.docx')

  await expect(dialog.getByRole('status')).toHaveText('Reconciliation.docx: 3 sections, 4 lessons, 2 images')
  const outline = dialog.getByRole('list', { name: 'Proposed outline' })
  await expect(
    outline.getByRole('list', { name: 'Lessons in Getting started' }).getByRole('listitem'),
  ).toHaveText(['Why reconcile', 'Steps'])
  await expect(
    dialog.getByRole('list', { name: 'Not carried over as it was' }).getByRole('listitem'),
  ).toHaveText([/^1 table flattened to text/, /^1 embedded image or chart dropped/, /^1 link removed/])
  await expect(dialog.getByRole('combobox', { name: 'Sections start at' })).toHaveValue('1')
  await expect(dialog.getByRole('combobox', { name: 'Lessons start at' })).toHaveValue('2')
  await expectNoSeriousAxeViolations(page, 'import dialog, preview')

  // Other levels re-plan at once, without reading the file again.
  await dialog.getByRole('combobox', { name: 'Sections start at' }).selectOption('2')
  await expect(dialog.getByRole('combobox', { name: 'Lessons start at' })).toHaveValue('3')
  await expect(dialog.getByRole('status')).toHaveText('Reconciliation.docx: 6 sections, 5 lessons, 2 images')
  await dialog.getByRole('combobox', { name: 'Sections start at' }).selectOption('1')
  await dialog.getByRole('combobox', { name: 'Lessons start at' }).selectOption('2')
  await expect(dialog.getByRole('status')).toHaveText('Reconciliation.docx: 3 sections, 4 lessons, 2 images')

  await dialog.getByRole('button', { name: 'Create course' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('textbox', { name: 'Course title' })).toHaveValue('Reconciliation')
  await expectSections(page, ['Reconciliation', 'Getting started', 'Wrapping up'])
  await expectLessons(page, 'Getting started', ['Why reconcile', 'Steps'])

  await openLesson(page, 'Why reconcile')
  await expect(lessonBody(page)).toContainText('Reconcile every week, not monthly, and before closing.')
  await expect(lessonBody(page).getByRole('link', { name: 'the guide' })).toHaveAttribute(
    'href',
    'https://example.com/guide',
  )
  await expect(lessonBody(page).locator('a[href^="javascript"]')).toHaveCount(0)
  await expect(images(page).getByRole('img', { name: 'The dashboard' })).toBeVisible()
  await expect
    .poll(() =>
      images(page)
        .locator('img')
        .first()
        .evaluate((img: HTMLImageElement) => img.naturalWidth),
    )
    .toBe(480)

  await openLesson(page, 'Steps')
  await expect(lessonBody(page)).toContainText('Account | Owner')
  await expect(images(page).getByRole('img', { name: 'An invoice' })).toBeVisible()
})

test('Markdown adds to an open course as one step that can be undone; a locked file changes nothing', async ({
  page,
}) => {
  await openLibrary(page)
  await createCourse(page, 'Existing course')
  await page.getByRole('button', { name: 'Import document…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import document into this course' })

  await choose(page, dialog, 'Locked.docx')
  await expect(dialog.getByRole('alert')).toContainText('password-protected')
  await expect(dialog.getByRole('button', { name: 'Add to course' })).toHaveCount(0)

  await choose(page, dialog, 'Wiki notes.md')
  await expect(dialog.getByRole('status')).toHaveText('Wiki notes.md: 1 section, 1 lesson, 0 images')
  await dialog.getByRole('button', { name: 'Add to course' }).click()
  const done = page.getByRole('dialog', { name: 'Document imported' })
  await expect(done.getByRole('status')).toHaveText('Added 1 lesson to this course.')
  await expectSections(page, ['Extra'])
  await expectLessons(page, 'Extra', ['More practice'])

  await done.getByRole('button', { name: 'Undo import' }).click()
  await expect(done.getByRole('status')).toContainText('The import was undone')
  await done.getByRole('button', { name: 'Close' }).click()
  await expectSections(page, [])
})

test('a big document shows its progress and can be cancelled, leaving the library as it was', async ({
  page,
}) => {
  await openLibrary(page)
  await page.getByRole('button', { name: 'Import document…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import document as a new course' })
  await choose(page, dialog, 'Handbook.docx')
  await expect(dialog.getByRole('progressbar', { name: 'Import progress' })).toBeVisible()
  await expectNoSeriousAxeViolations(page, 'import dialog, reading')
  await dialog.getByRole('button', { name: 'Cancel import' }).click()
  await expect(dialog.getByRole('button', { name: 'Choose document…' })).toBeVisible()
  await expect(dialog.getByRole('progressbar')).toHaveCount(0)
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('list', { name: 'Courses' })).toHaveCount(0)
})
