// Dexie's liveQuery reads the global indexedDB when Dexie loads, so the global fake must come first.
import 'fake-indexeddb/auto'
import { Dexie, liveQuery } from 'dexie'
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
import { mediaSample } from '../../../tests/fixtures/media-bytes'
import { putMedia } from '../media/media-store'
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
    await db.mediaCourses.bulkAdd([
      { hash: 'a1', courseId: doomed },
      { hash: 'b2', courseId: kept },
    ])
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
    expect(await db.mediaCourses.toArray()).toEqual([{ hash: 'b2', courseId: kept }])
    await expect(openCourseStore(db, doomed)).rejects.toMatchObject({ code: 'course-not-found' })
  })

  it('keeps a blob the deleted course stored when another course stored it too, and no blob only named by hash', async () => {
    const db = freshDb()
    const doomed = await createCourse(db, { title: 'First to store the logo' })
    const heir = await createCourse(db, { title: 'Stored the same logo' })
    const borrower = await createCourse(db, { title: 'Names the other image by hash' })
    const logo = await putMedia(db, doomed, mediaSample('png'), 'image/png')
    await putMedia(db, heir, mediaSample('png'), 'image/png')
    const other = await putMedia(db, doomed, mediaSample('gif'), 'image/gif')
    const store = await openCourseStore(db, borrower)
    const lessonId = addLesson(store.doc, {
      sectionId: addSection(store.doc, { title: 'One' }),
      title: 'Borrowed',
    })
    writeLessonContent(store.doc, lessonId, {
      type: NODE.doc,
      content: [{ type: NODE.image, attrs: { hash: other, alt: '', mime: 'image/gif' } }],
    })
    await store.close()

    await deleteCourse(db, doomed)
    expect(await db.media.get(logo)).toMatchObject({ courseId: heir })
    expect(await db.media.get(other)).toBeUndefined()
    expect(await db.mediaCourses.toArray()).toEqual([{ hash: logo, courseId: heir }])
  })

  it('associates each blob stored before version 4 with the course that stored it, and with local courses using it', async () => {
    const factory = new IDBFactory()
    const name = 'chorus-migrate'
    const old = new Dexie(name, { indexedDB: factory, IDBKeyRange })
    old.version(1).stores({
      courses: 'id, updatedAt',
      updates: '++seq, courseId',
      media: 'hash, courseId',
      settings: 'key',
    })
    old.version(2).stores({ relayLinks: 'courseId' })
    old.version(3).stores({ reviewUpdates: '++seq, courseId' })
    const course = (id: string, ...hashes: string[]) => {
      const doc = new Y.Doc()
      initialiseCourse(doc, { id: id as CourseId, title: id })
      const lessonId = addLesson(doc, { sectionId: addSection(doc, { title: 'S' }), title: 'L' })
      writeLessonContent(doc, lessonId, {
        type: NODE.doc,
        content: hashes.map((hash) => ({ type: NODE.image, attrs: { hash, alt: '', mime: 'image/png' } })),
      })
      return { courseId: id, update: Y.encodeStateAsUpdate(doc) }
    }
    const [logo, secret] = ['a'.repeat(64), 'b'.repeat(64)]
    const row = (hash: string, courseId: string) => ({
      hash,
      courseId,
      mime: 'image/png',
      bytes: new Uint8Array([1]),
      createdAt: 0,
    })
    await old
      .table('courses')
      .bulkAdd(['first', 'local', 'shared'].map((id) => ({ id, title: id, createdAt: 0, updatedAt: 0 })))
    await old
      .table('updates')
      .bulkAdd([course('first', logo, secret), course('local', logo), course('shared', logo, secret)])
    await old.table('media').bulkAdd([row(logo, 'first'), row(secret, 'first')])
    await old.table('relayLinks').add({ courseId: 'shared', relayUrl: 'ws://127.0.0.1:1', token: 't' })
    old.close()

    const db = openChorusDb(name, { indexedDB: factory, IDBKeyRange })
    const pairs = (await db.mediaCourses.toArray()).map((r) => `${r.courseId}:${r.hash.slice(0, 1)}`).sort()
    // The shared course's references may come from a co-author: it downloads the blob from its relay instead.
    expect(pairs).toEqual(['first:a', 'first:b', 'local:a'])
    expect((await db.media.get(logo))?.bytes).toEqual(new Uint8Array([1]))
    db.close()
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
