/**
 * Steps a user takes in Chorus, written with roles and labels only, so the e2e tests read like the UI and break
 * when an accessible name does.
 */
import { expect, type Locator, type Page } from '@playwright/test'

export const outline = (page: Page): Locator => page.getByRole('navigation', { name: 'Course outline' })
export const lessonBody = (page: Page): Locator => page.getByRole('textbox', { name: 'Lesson body' })
export const saveState = (page: Page): Locator => page.getByRole('status', { name: 'Save status' })
export const toolbarButton = (page: Page, name: string): Locator =>
  page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name, exact: true })

/** The question every join asks before it saves or sends anything. */
export const joinConfirmation = (page: Page): Locator =>
  page.getByRole('alertdialog', { name: 'Connect to this relay?' })

/** Answers the join confirmation with Connect, after checking it names the relay's host (`host:port`). */
export async function confirmJoin(page: Page, relayHost: string): Promise<void> {
  const dialog = joinConfirmation(page)
  await expect(dialog.getByRole('definition').filter({ hasText: relayHost }).first()).toBeVisible()
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click()
  await expect(dialog).toBeHidden()
}

export async function createCourse(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'New course', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'New course' })
  await dialog.getByRole('textbox', { name: 'Course title' }).fill(title)
  await dialog.getByRole('button', { name: 'Create course' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('textbox', { name: 'Course title' })).toHaveValue(title)
}

export async function addSection(page: Page, title: string): Promise<void> {
  await outline(page).getByRole('button', { name: 'Add section' }).click()
  const input = outline(page).getByRole('textbox', { name: 'Rename section' })
  await input.fill(title)
  await input.press('Enter')
  await expect(sectionButton(page, title)).toBeVisible()
}

export async function addLesson(page: Page, section: string, title: string): Promise<void> {
  await outline(page)
    .getByRole('button', { name: `Add lesson to “${section}”` })
    .click()
  const input = outline(page).getByRole('textbox', { name: 'Rename lesson' })
  await input.fill(title)
  await input.press('Enter')
  await expect(lessonButton(page, title)).toBeVisible()
}

export const sectionButton = (page: Page, title: string): Locator =>
  outline(page).getByRole('list', { name: 'Sections' }).getByRole('button', { name: title, exact: true })

export const lessonButton = (page: Page, title: string): Locator =>
  outline(page).getByRole('listitem').getByRole('button', { name: title, exact: true })

/** The outline row (list item) of a lesson: what is dragged and dropped onto. */
export const lessonRow = (page: Page, title: string): Locator =>
  outline(page)
    .getByRole('list', { name: /^Lessons in “/ })
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: `Rename lesson “${title}”`, exact: true }) })

/** A section's whole block in the outline (header and lessons): what sections are dropped onto. */
export const sectionRow = (page: Page, title: string): Locator =>
  outline(page)
    .getByRole('list', { name: 'Sections' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: `Rename section “${title}”`, exact: true }) })

export async function openLesson(page: Page, title: string): Promise<void> {
  await lessonButton(page, title).click()
  await expect(page.getByRole('textbox', { name: 'Lesson title' })).toHaveValue(title)
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Asserts a section's lessons, in order and nothing else. */
export async function expectLessons(page: Page, section: string, titles: readonly string[]): Promise<void> {
  const list = outline(page).getByRole('list', { name: `Lessons in “${section}”` })
  // A row's text is its title followed by its (icon-only) buttons, so a title must end at a non-letter.
  await expect(list.getByRole('listitem')).toHaveText(
    titles.map((title) => new RegExp(`^${escape(title)}(?![\\p{L}\\p{N} ])`, 'u')),
  )
}

export async function expectSections(page: Page, titles: readonly string[]): Promise<void> {
  const sections = outline(page).getByRole('list', { name: 'Sections' })
  await expect(sections.getByRole('button', { expanded: true })).toHaveText(
    titles.map((title) => new RegExp(`^${escape(title)}\\d+$`)),
  )
}

export async function expectSaved(page: Page): Promise<void> {
  await expect(saveState(page)).toHaveText('Saved locally')
}

/**
 * Storage quota through Chromium's DevTools protocol: the real QuotaExceededError path, no stubs.
 * Chromium's IndexedDB caches how much space is left and only asks the quota manager again when a write needs
 * more than that, so a test starts the page with a modest quota and, after shrinking it, makes one write larger
 * than the starting quota: that refreshes the cache, and from then on every write of the app fails too.
 */
export interface QuotaControl {
  exhaust(): Promise<void>
  restore(): Promise<void>
}

const STARTING_QUOTA = 20_000_000

export async function controlQuota(page: Page, baseURL: string): Promise<QuotaControl> {
  const cdp = await page.context().newCDPSession(page)
  const origin = new URL(baseURL).origin
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: STARTING_QUOTA })
  return {
    async exhaust() {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 })
      const probe = await page.evaluate(async (size) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('quota-probe', 1)
          request.onupgradeneeded = () => request.result.createObjectStore('probe', { autoIncrement: true })
          request.onsuccess = () => resolve(request.result)
          request.onerror = () => reject(request.error)
        })
        const outcome = await new Promise<string>((resolve) => {
          const transaction = db.transaction('probe', 'readwrite')
          transaction.objectStore('probe').add(new Uint8Array(size))
          transaction.oncomplete = () => resolve('stored')
          transaction.onabort = () => resolve(transaction.error?.name ?? 'aborted')
        })
        db.close()
        return outcome
      }, STARTING_QUOTA + 1_000_000)
      expect(probe).toBe('QuotaExceededError')
    },
    async restore() {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin })
    },
  }
}

/** The question a first run asks (until a name is stored), at the top of the library. */
export const firstRunDialog = (page: Page): Locator => page.getByRole('dialog', { name: 'What’s your name?' })

/** Answers the first-run question as a new user does: types the name and saves it. */
export async function answerFirstRun(page: Page, name: string): Promise<void> {
  const dialog = firstRunDialog(page)
  await dialog.getByRole('textbox', { name: 'Your name' }).fill(name)
  await dialog.getByRole('button', { name: 'Save name' }).click()
  await expect(dialog).toBeHidden()
}
