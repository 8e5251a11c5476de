import 'fake-indexeddb/auto'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addSection, createCourse } from '../../../../shared/course/commands'
import { isCourseInitialised, readCourse } from '../../../../shared/course/read'
import type { CourseId } from '../../../../shared/course/types'
import { openCourseStore } from '../../storage/course-store'
import { openChorusDb } from '../../storage/db'
import { importCourseUpdate } from '../../storage/library'
import { getRelayLink } from '../../sync/relay-links'
import { joinCourse } from './join-course'

const freshDb = () => openChorusDb('chorus-join-test', { indexedDB: new IDBFactory(), IDBKeyRange })
const courseId = 'shared-course-1' as CourseId
const invite = { relay: 'ws://127.0.0.1:9', courseId, token: 'a.b.c' }

describe('joinCourse', () => {
  it('adds an empty course the relay fills, and remembers how to reach the relay', async () => {
    const db = freshDb()
    expect(await joinCourse(db, invite)).toBe(courseId)
    expect(await db.courses.get(courseId)).toMatchObject({ id: courseId, title: 'Shared course' })
    expect(await getRelayLink(db, courseId)).toEqual({ courseId, relayUrl: invite.relay, token: 'a.b.c' })
    const store = await openCourseStore(db, courseId)
    expect(isCourseInitialised(store.doc)).toBe(false)
    await store.close()
  })

  it('keeps the content of a course that is already here and only replaces its token', async () => {
    const db = freshDb()
    const doc = new Y.Doc()
    createCourse(doc, { id: courseId, title: 'Rivers' })
    addSection(doc, { title: 'Basics' })
    await importCourseUpdate(db, courseId, Y.encodeStateAsUpdate(doc), 'Rivers')
    await joinCourse(db, invite)
    await joinCourse(db, { ...invite, token: 'd.e.f' })
    const store = await openCourseStore(db, courseId)
    expect(readCourse(store.doc).sections.map((s) => s.title)).toEqual(['Basics'])
    await store.close()
    expect((await getRelayLink(db, courseId))?.token).toBe('d.e.f')
  })
})
