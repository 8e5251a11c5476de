/**
 * Puts a course written by a future Chorus (a higher schema version) into the page's IndexedDB, the way a newer
 * app on the same device would have left it.
 */
import type { Page } from '@playwright/test'
import * as Y from 'yjs'
import { addLesson, addSection, createCourse, writeLessonContent } from '../../../shared/course/commands'
import { newCourseId } from '../../../shared/course/ids'
import { CURRENT_SCHEMA_VERSION, META, metaMap } from '../../../shared/course/schema'

export interface NewerCourse {
  readonly id: string
  readonly title: string
  readonly section: string
  readonly lesson: string
  readonly text: string
}

export async function storeCourseFromNewerChorus(
  page: Page,
  course: Omit<NewerCourse, 'id'>,
): Promise<NewerCourse> {
  const id = newCourseId()
  const doc = new Y.Doc()
  createCourse(doc, { id, title: course.title })
  const sectionId = addSection(doc, { title: course.section })
  const lessonId = addLesson(doc, { sectionId, title: course.lesson })
  writeLessonContent(doc, lessonId, {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: course.text }] }],
  })
  metaMap(doc).set(META.schemaVersion, CURRENT_SCHEMA_VERSION + 1)
  const update = Array.from(Y.encodeStateAsUpdate(doc))
  doc.destroy()

  // The app has created its database by now; rows go in with the plain IndexedDB API, as another app would write them.
  await page.evaluate(
    async ({ id, title, update }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('chorus')
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction(['courses', 'updates'], 'readwrite')
        const now = Date.now()
        transaction.objectStore('courses').put({ id, title, createdAt: now, updatedAt: now })
        transaction.objectStore('updates').add({ courseId: id, update: new Uint8Array(update) })
        transaction.oncomplete = () => resolve()
        transaction.onabort = () => reject(transaction.error)
      })
      db.close()
    },
    { id, title: course.title, update },
  )
  return { id, ...course }
}
