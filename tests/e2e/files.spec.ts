import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { expect, type Page } from '@playwright/test'
import { test } from './support/test'
import { strFromU8, unzipSync } from 'fflate'
import { expectLessons, expectSections } from './support/chorus'

const SAMPLE_FILE = resolve(import.meta.dirname, '../../renderer/public/samples/ledgerly-onboarding.chorus')
const SAMPLE_TITLE = 'Onboarding to Ledgerly billing'
const SAMPLE_SECTIONS = ['Getting started', 'Everyday billing', 'When things go wrong']

async function importSample(page: Page): Promise<void> {
  await page.goto('/')
  await page.getByRole('button', { name: 'Try the sample course' }).click()
  await expect(page.getByRole('textbox', { name: 'Course title' })).toHaveValue(SAMPLE_TITLE)
}

test('a new user imports the sample course from the empty library', async ({ page }) => {
  await importSample(page)
  await expectSections(page, SAMPLE_SECTIONS)
  await expectLessons(page, 'When things go wrong', [
    'Credit notes and refunds',
    'Month-end close and getting help',
  ])
})

test('an author exports the course as a SCORM 2004 package', async ({ page }) => {
  await importSample(page)
  await page.getByRole('button', { name: 'Export…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export course' })
  await dialog.getByRole('radio', { name: 'SCORM 2004 4th Edition' }).check()
  // The export is quick, so the progress values are recorded as they appear rather than polled for.
  await page.evaluate(() => {
    const seen: string[] = []
    Object.assign(window, { progressSeen: seen })
    new MutationObserver(() => {
      const value = document.querySelector('[role="progressbar"], progress')?.getAttribute('aria-valuenow')
      if (value != null && seen.at(-1) !== value) seen.push(value)
    }).observe(document.body, { subtree: true, childList: true, attributes: true })
  })
  const downloading = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/scorm2004\.zip$/)
  await expect(dialog).toBeHidden()

  const progress = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen)
  expect(progress.length).toBeGreaterThan(1)
  expect(progress.map(Number)).toEqual([...progress.map(Number)].sort((x, y) => x - y))
  expect(progress.at(-1)).toBe('100')

  const files = unzipSync(new Uint8Array(await readFile(await download.path())))
  const manifestBytes = files['imsmanifest.xml']
  expect(manifestBytes).toBeDefined()
  const manifest = strFromU8(manifestBytes ?? new Uint8Array())
  expect(manifest).toContain('adlcp:scormType="sco"')
  expect(manifest).toContain(SAMPLE_TITLE)
})

test('a saved copy brings a deleted course back with its lessons', async ({ page }) => {
  await importSample(page)
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Save a copy…' }).click()
  const copy = await downloading
  expect(copy.suggestedFilename()).toBe(`${SAMPLE_TITLE}.chorus`)
  const copyPath = await copy.path()

  await page.getByRole('link', { name: 'Library' }).click()
  await page.getByRole('button', { name: `Delete course “${SAMPLE_TITLE}”` }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete course' }).click()
  await expect(page.getByRole('heading', { name: 'No courses yet' })).toBeVisible()

  const choosing = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Open course file…' }).click()
  await (await choosing).setFiles(copyPath)
  await expect(page.getByRole('textbox', { name: 'Course title' })).toHaveValue(SAMPLE_TITLE)
  await expectSections(page, SAMPLE_SECTIONS)
  await expectLessons(page, 'Everyday billing', [
    'Creating and sending an invoice',
    'Recurring subscriptions',
    'Payments and reconciliation',
  ])
})

test('opening a course that is already in the library merges into it', async ({ page }) => {
  await importSample(page)
  await page.getByRole('link', { name: 'Library' }).click()
  const choosing = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Open course file…' }).click()
  await (await choosing).setFiles(SAMPLE_FILE)
  await expectSections(page, SAMPLE_SECTIONS)
  await page.getByRole('link', { name: 'Library' }).click()
  await expect(page.getByRole('list', { name: 'Courses' }).getByRole('listitem')).toHaveCount(1)
})

test('opening a corrupt course file says what is wrong and what to do', async ({ page }) => {
  await page.goto('/')
  const choosing = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Open course file…' }).click()
  await (
    await choosing
  ).setFiles({
    name: 'broken.chorus',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('not a zip'),
  })
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('not a Chorus course, or it is damaged')
  await expect(alert).toContainText('ask whoever sent it for a new copy')
  await expect(page.getByRole('heading', { name: 'No courses yet' })).toBeVisible()
})
