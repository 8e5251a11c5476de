/**
 * First run: Chorus asks the user's name instead of making one up, keeps it in Settings, and never asks someone
 * who has one. "Not now" puts the question away until the next start; it cannot be saved empty.
 */
import { expect, type Page } from '@playwright/test'
import { test } from './support/test'
import { expectNoSeriousAxeViolations } from './support/axe'
import { answerFirstRun, createCourse, firstRunDialog } from './support/chorus'

const identityNote = (page: Page) => page.getByText(/^Co-authors see you as /)

test('a first run asks for a name, stores it in Settings, and does not ask again', async ({ page }) => {
  await page.goto('/')
  const dialog = firstRunDialog(page)
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('Co-authors see it next to your cursor')
  await expectNoSeriousAxeViolations(page, 'the first-run question')
  // Nothing is made up meanwhile.
  await expect(identityNote(page)).toHaveText(
    'Co-authors see you as Anonymous author, and in a shared course by the name on your invite. Give your name in Settings.',
  )

  // An empty name is not taken.
  await dialog.getByRole('textbox', { name: 'Your name' }).fill('   ')
  await dialog.getByRole('button', { name: 'Save name' }).click()
  await expect(dialog.getByRole('alert')).toHaveText('Enter the name co-authors will see.')
  await expect(dialog.getByRole('textbox', { name: 'Your name' })).toHaveAttribute('aria-invalid', 'true')
  await expectNoSeriousAxeViolations(page, 'the first-run question with a problem')

  await answerFirstRun(page, 'Rita Moreno')
  await expect(identityNote(page)).toContainText('Co-authors see you as Rita Moreno,')
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  const settings = page.getByRole('dialog', { name: 'Settings' })
  await expect(settings.getByRole('textbox', { name: 'Display name' })).toHaveValue('Rita Moreno')
  await settings.getByRole('button', { name: 'Cancel' }).click()

  // The next start does not ask again.
  await page.reload()
  await expect(page.getByRole('button', { name: 'New course', exact: true })).toBeVisible()
  await expect(identityNote(page)).toContainText('Co-authors see you as Rita Moreno,')
  await expect(firstRunDialog(page)).toHaveCount(0)
})

test('“Not now” lets the user start at once and asks again at the next start', async ({ page }) => {
  await page.goto('/')
  await firstRunDialog(page).getByRole('button', { name: 'Not now' }).click()
  await expect(firstRunDialog(page)).toHaveCount(0)

  // It does not come back while the app runs (a course opened and closed)...
  await createCourse(page, 'Started unnamed')
  await page.getByRole('link', { name: 'Library' }).click()
  await expect(page.getByRole('button', { name: 'New course', exact: true })).toBeVisible()
  await expect(firstRunDialog(page)).toHaveCount(0)

  // ...but the next start asks again, until a name is given.
  await page.reload()
  await expect(firstRunDialog(page)).toBeVisible()
})

test('someone who already has a name is not asked', async ({ page }) => {
  await page.goto('/')
  await expect(firstRunDialog(page)).toBeVisible()
  // A name stored by an earlier version of Chorus, or another window.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('chorus')
        open.onerror = () => reject(open.error ?? new Error('could not open the database'))
        open.onsuccess = () => {
          const tx = open.result.transaction('settings', 'readwrite')
          tx.objectStore('settings').put({ key: 'displayName', value: 'Author 4821' })
          tx.oncomplete = () => (open.result.close(), resolve())
          tx.onerror = () => reject(tx.error ?? new Error('could not write the settings'))
        }
      }),
  )
  await page.reload()
  await expect(identityNote(page)).toContainText('Co-authors see you as Author 4821,')
  await expect(firstRunDialog(page)).toHaveCount(0)
})
