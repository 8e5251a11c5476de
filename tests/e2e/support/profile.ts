/** The name and colour co-authors see, set where a user sets them, before any course is open. */
import { expect, type Page } from '@playwright/test'
import { answerFirstRun } from './chorus'

export interface Profile {
  readonly displayName: string
  readonly colour?: string | undefined
}

/**
 * Opens the app on a fresh profile and answers the first-run question with the name; a colour is written into the
 * settings store (as if picked in Settings), where the app reads it when a course opens.
 */
export async function storeProfile(page: Page, baseURL: string, profile: Profile): Promise<void> {
  await page.goto(baseURL)
  await answerFirstRun(page, profile.displayName)
  await expect(page.getByText(`Co-authors see you as ${profile.displayName},`)).toBeVisible()
  const { colour } = profile
  if (colour === undefined) return
  await page.evaluate(
    (value) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('chorus')
        open.onerror = () => reject(open.error ?? new Error('could not open the database'))
        open.onsuccess = () => {
          const tx = open.result.transaction('settings', 'readwrite')
          tx.objectStore('settings').put({ key: 'colour', value })
          tx.oncomplete = () => (open.result.close(), resolve())
          tx.onerror = () => reject(tx.error ?? new Error('could not write the settings'))
        }
      }),
    colour,
  )
}
