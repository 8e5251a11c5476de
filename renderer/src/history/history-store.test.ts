/** Versions are kept on this device like the course: closed and opened again, they are all there, with their states. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { describe, expect, it } from 'vitest'
import { addLesson, addSection } from '../../../shared/course/commands'
import { readCourse } from '../../../shared/course/read'
import { listVersions, openVersion, takeVersion } from '../../../shared/history/history-doc'
import { openCourseStore } from '../storage/course-store'
import { openChorusDb } from '../storage/db'
import { createCourse } from '../storage/library'
import { openHistoryStore } from './history-store'

describe('openHistoryStore', () => {
  it('keeps a course’s versions in their own IndexedDB table', async () => {
    const db = openChorusDb('chorus-history-store-test', { indexedDB: new IDBFactory(), IDBKeyRange })
    const courseId = await createCourse(db, { title: 'Soils' })
    const course = await openCourseStore(db, courseId)
    addLesson(course.doc, { sectionId: addSection(course.doc, { title: 'Basics' }), title: 'Loam' })

    const first = await openHistoryStore(db, courseId)
    expect(listVersions(first.doc)).toEqual([])
    const taken = takeVersion(first.doc, course.doc, {
      name: 'Sent to Legal',
      reason: 'named',
      by: { id: 'a', name: 'Ann' },
    })
    await first.close()

    const again = await openHistoryStore(db, courseId)
    expect(listVersions(again.doc).map((v) => v.name)).toEqual(['Sent to Legal'])
    const version = openVersion(again.doc, taken.id)
    expect(
      version === null ? null : readCourse(version).sections.map((s) => s.lessons.map((l) => l.title)),
    ).toEqual([['Loam']])
    expect(await db.historyUpdates.where('courseId').equals(courseId).count()).toBeGreaterThan(0)
    version?.destroy()
    await again.close()
    await course.close()
  })
})
