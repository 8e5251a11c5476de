// Dexie's liveQuery reads the global indexedDB when Dexie loads, so the global fake must come first.
import 'fake-indexeddb/auto'
import { liveQuery } from 'dexie'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addLesson,
  addSection,
  createCourse as initialiseCourse,
  writeLessonContent,
} from '../../../shared/course/commands'
import { NODE } from '../../../shared/course/content'
import { readCourse } from '../../../shared/course/read'
import type { CourseId } from '../../../shared/course/types'
import { openCourseStore } from './course-store'
import { openChorusDb, type ChorusDb, type LibraryEntry } from './db'
import { createCourse, deleteCourse, getLibraryEntry, importCourseUpdate, libraryQuery } from './library'

const freshDb = (): ChorusDb => openChorusDb('chorus-test', { indexedDB: new IDBFactory(), IDBKeyRange })

describe('library', () => {
  it('creates a course as one stored update and an entry that mirrors its title', async () => {
    const db = freshDb()
    const id = await createCourse(db, { title: 'Rivers', author: 'Ada' })
    const entry = await getLibraryEntry(db, id)
    expect(entry).toMatchObject({ id, title: 'Rivers' })
    expect(entry?.updatedAt).toBe(entry?.createdAt)
    expect(await db.updates.where('courseId').equals(id).count()).toBe(1)

    const store = await openCourseStore(db, id)
    expect(readCourse(store.doc).meta).toMatchObject({ id, title: 'Rivers', authors: ['Ada'] })
    await store.close()
  })

  it('stores neither the entry nor the update when one of them fails', async () => {
    const db = freshDb()
    const refuse = (): never => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    }
    db.updates.hook('creating', refuse)
    await expect(createCourse(db, { title: 'Rivers' })).rejects.toMatchObject({
      code: 'storage-quota-exceeded',
    })
    expect(await db.courses.count()).toBe(0)
  })

  it('lists courses most recently edited first, live', async () => {
    const db = openChorusDb('chorus-live-test') // the global fake: liveQuery only runs against it
    const seen: LibraryEntry[][] = []
    const subscription = liveQuery(() => libraryQuery(db)).subscribe((entries) => seen.push(entries))
    const older = await createCourse(db, { title: 'Older' })
    const newer = await createCourse(db, { title: 'Newer' })
    await db.courses.update(older, { updatedAt: 1 })
    await db.courses.update(newer, { updatedAt: 2 })
    await expect.poll(() => seen.at(-1)?.map((entry) => entry.title)).toEqual(['Newer', 'Older'])
    subscription.unsubscribe()
  })

  it('deletes a course with all its updates, media and relay token, and nothing of other courses', async () => {
    const db = freshDb()
    const doomed = await createCourse(db, { title: 'Doomed' })
    const kept = await createCourse(db, { title: 'Kept' })
    const store = await openCourseStore(db, doomed)
    store.doc.getMap('scratch').set('x', 1) // any change adds a row
    await store.close()
    const media = (hash: string, courseId: CourseId) => ({
      hash,
      courseId,
      mime: 'image/png',
      bytes: new Uint8Array([1]),
      createdAt: 0,
    })
    await db.media.bulkAdd([media('a1', doomed), media('b2', kept)])
    const link = (courseId: CourseId) => ({
      courseId,
      relayUrl: 'ws://127.0.0.1:1234',
      token: `t-${courseId}`,
    })
    await db.relayLinks.bulkAdd([link(doomed), link(kept)])

    await deleteCourse(db, doomed)
    expect(await db.relayLinks.get(doomed)).toBeUndefined()
    expect(await db.relayLinks.get(kept)).toBeDefined()
    expect(await getLibraryEntry(db, doomed)).toBeUndefined()
    expect(await db.updates.where('courseId').equals(doomed).count()).toBe(0)
    expect(await db.media.where('courseId').equals(doomed).count()).toBe(0)
    expect(await getLibraryEntry(db, kept)).toBeDefined()
    expect(await db.updates.where('courseId').equals(kept).count()).toBe(1)
    expect(await db.media.get('b2')).toBeDefined()
    await expect(openCourseStore(db, doomed)).rejects.toMatchObject({ code: 'course-not-found' })
  })

  it('keeps a blob the deleted course stored when another course uses it too', async () => {
    const db = freshDb()
    const doomed = await createCourse(db, { title: 'First to store the logo' })
    const heir = await createCourse(db, { title: 'Uses the same logo' })
    const logo = 'a'.repeat(64)
    const store = await openCourseStore(db, heir)
    const lessonId = addLesson(store.doc, {
      sectionId: addSection(store.doc, { title: 'One' }),
      title: 'Logo',
    })
    writeLessonContent(store.doc, lessonId, {
      type: NODE.doc,
      content: [{ type: NODE.image, attrs: { hash: logo, alt: 'Logo', mime: 'image/png' } }],
    })
    await store.close()
    const row = (hash: string) => ({
      hash,
      courseId: doomed,
      mime: 'image/png',
      bytes: new Uint8Array([1]),
      createdAt: 0,
    })
    await db.media.bulkAdd([row(logo), row('b'.repeat(64))])

    await deleteCourse(db, doomed)
    expect(await db.media.get(logo)).toMatchObject({ courseId: heir })
    expect(await db.media.get('b'.repeat(64))).toBeUndefined()
  })

  it('imports a course document from outside and keeps the entry on a second import', async () => {
    const db = freshDb()
    const id = 'shared-course' as CourseId
    const doc = new Y.Doc()
    initialiseCourse(doc, { id, title: 'Shared' })
    await importCourseUpdate(db, id, Y.encodeStateAsUpdate(doc), 'Shared')
    const first = await getLibraryEntry(db, id)
    expect(first).toMatchObject({ id, title: 'Shared' })
    await importCourseUpdate(db, id, Y.encodeStateAsUpdate(doc), 'Shared again')
    expect(await getLibraryEntry(db, id)).toMatchObject({
      title: 'Shared again',
      createdAt: first?.createdAt,
    })

    const store = await openCourseStore(db, id)
    expect(readCourse(store.doc).meta.title).toBe('Shared')
    await store.close()
  })

  it('refuses bytes that are not a Yjs update', async () => {
    const db = freshDb()
    await expect(
      importCourseUpdate(db, 'x' as CourseId, new Uint8Array([255, 255, 255, 1]), 'Junk'),
    ).rejects.toMatchObject({
      code: 'file-corrupt',
    })
    expect(await db.courses.count()).toBe(0)
  })
})
