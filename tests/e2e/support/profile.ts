/** The name and colour co-authors see, written where the app reads them, before any course is open. */
import { expect, type Page } from '@playwright/test'

export interface Profile {
  readonly displayName: string
  readonly colour?: string | undefined
}

/** Opens the app once (so its database exists) and writes the profile into its settings store. */
export async function storeProfile(page: Page, baseURL: string, profile: Profile): Promise<void> {
  await page.goto(baseURL)
  await expect(page.getByRole('button', { name: 'New course', exact: true })).toBeVisible()
  await page.evaluate(
    ({ displayName, colour }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('chorus')
        open.onerror = () => reject(open.error ?? new Error('could not open the database'))
        open.onsuccess = () => {
          const tx = open.result.transaction('settings', 'readwrite')
          tx.objectStore('settings').put({ key: 'displayName', value: displayName })
          if (colour !== undefined) tx.objectStore('settings').put({ key: 'colour', value: colour })
          tx.oncomplete = () => (open.result.close(), resolve())
          tx.onerror = () => reject(tx.error ?? new Error('could not write the settings'))
        }
      }),
    { displayName: profile.displayName, colour: profile.colour },
  )
}
