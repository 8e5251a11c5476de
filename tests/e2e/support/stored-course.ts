/**
 * A course put straight into the page's IndexedDB, as an earlier session of the app would have left it, and its
 * rows read back: for tests that need content no editor has touched, or need to see what the app wrote.
 */
import type { Page } from '@playwright/test'
import * as Y from 'yjs'

/** Stores `updates` as the course's rows (one row each, in order) under a library entry titled `title`. */
export async function storeCourseRows(
  page: Page,
  id: string,
  title: string,
  updates: readonly Uint8Array[],
): Promise<void> {
  await page.evaluate(
    async ({ id, title, updates }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('chorus')
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction(['courses', 'updates'], 'readwrite')
        const now = Date.now()
        transaction.objectStore('courses').put({ id, title, createdAt: now, updatedAt: now })
        const rows = transaction.objectStore('updates')
        for (const update of updates) rows.add({ courseId: id, update: new Uint8Array(update) })
        transaction.oncomplete = () => resolve()
        transaction.onabort = () => reject(transaction.error)
      })
      db.close()
    },
    { id, title, updates: updates.map((update) => Array.from(update)) },
  )
}

/** Stores the whole document as one row. */
export const storeCourse = (page: Page, id: string, title: string, doc: Y.Doc): Promise<void> =>
  storeCourseRows(page, id, title, [Y.encodeStateAsUpdate(doc)])

/** The course's stored rows, oldest first. */
export async function readCourseRows(page: Page, id: string): Promise<Uint8Array[]> {
  const rows = await page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('chorus')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    const found = await new Promise<number[][]>((resolve, reject) => {
      const request = db.transaction('updates').objectStore('updates').index('courseId').getAll(id)
      request.onsuccess = () =>
        resolve((request.result as { update: Uint8Array }[]).map((row) => Array.from(row.update)))
      request.onerror = () => reject(request.error)
    })
    db.close()
    return found
  }, id)
  return rows.map((row) => new Uint8Array(row))
}

/** The document the stored rows make up. */
export async function readStoredCourse(page: Page, id: string): Promise<Y.Doc> {
  const doc = new Y.Doc()
  for (const row of await readCourseRows(page, id)) Y.applyUpdate(doc, row)
  return doc
}
