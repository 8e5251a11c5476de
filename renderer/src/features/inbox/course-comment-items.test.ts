// Dexie's liveQuery reads the global indexedDB when Dexie loads, so the global fake must come first.
import 'fake-indexeddb/auto'
import { liveQuery } from 'dexie'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { LessonId } from '../../../../shared/course/types'
import { anchorFromRange } from '../../../../shared/review/anchor'
import { createThread } from '../../../../shared/review/commands'
import { localUserId } from '../../review/identity'
import { openChorusDb, type ChorusDb } from '../../storage/db'
import { createCourse } from '../../storage/library'
import { saveRelayLink } from '../../sync/relay-links'
import { fakeChorusDb } from '../../storage/store-test-support'
import { createCommentItemsReader, watchedLibrary } from './course-comment-items'

const lessonId = 'lesson-1' as LessonId
const bo = { id: 'u-bo', name: 'Bo' }

/** Stores a thread by Bo as a review update row of the course, as a synced comment is stored. */
async function storeThread(db: ChorusDb, courseId: string, mentions: readonly string[]): Promise<void> {
  const doc = new Y.Doc()
  createThread(doc, {
    lessonId,
    anchor: anchorFromRange(new Y.Doc().getXmlFragment('lesson'), 0, 0),
    quote: 'Rain',
    author: bo,
    body: 'Which rain?',
    mentions: [...mentions],
  })
  await db.reviewUpdates.add({ courseId: courseId as never, update: Y.encodeStateAsUpdate(doc) } as never)
  doc.destroy()
}

/** A token as an invite carries it: only its claims are read here (the relay alone checks the signature). */
const unsignedToken = (claims: object): string => {
  const part = (value: object) =>
    btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.signature`
}

describe('For me comment items', () => {
  it('tells the author of a course about threads others start on it, with the lesson to open', async () => {
    const { db } = fakeChorusDb('for-me-comments-thread')
    const courseId = await createCourse(db, { title: 'Soil' })
    await createCourse(db, { title: 'No comments here' })
    await storeThread(db, courseId, [])
    const read = createCommentItemsReader(db)

    const [items] = (await read(await watchedLibrary(db))).filter((course) => course.items.length > 0)
    expect(items?.courseId).toBe(courseId)
    expect(items?.teamId).toBeNull()
    expect(items?.items.map((item) => [item.kind, item.summary])).toEqual([
      ['thread-on-my-course', 'Bo commented on "Soil"'],
    ])
    const threadId = items?.items[0]?.target.kind === 'course' ? items.items[0].target.threadId : null
    expect(threadId === null ? undefined : items?.lessonOfThread.get(threadId)).toBe(lessonId)
  })

  it('reads a course again once its comment rows change, and what the library watches notices that', async () => {
    const db = openChorusDb('for-me-comments-live') // the global fake: liveQuery only runs against it
    const courseId = await createCourse(db, { title: 'Soil' })
    const me = await localUserId(db)
    const read = createCommentItemsReader(db)
    const seen: string[] = []
    const subscription = liveQuery(() => watchedLibrary(db)).subscribe({
      next: (library) => seen.push(library.courses[0]?.reviewRows ?? 'none'),
    })
    await expect.poll(() => seen.length).toBe(1)
    expect((await read(await watchedLibrary(db)))[0]?.items).toEqual([])

    await storeThread(db, courseId, [me])
    await expect.poll(() => seen.length).toBe(2)
    expect(seen[1]).not.toBe(seen[0])
    const kinds = (await read(await watchedLibrary(db)))[0]?.items.map((item) => item.kind)
    // The first comment of a thread started on my course is told once, by the thread's own item.
    expect(kinds).toEqual(['thread-on-my-course'])

    await storeThread(db, courseId, [me])
    const items = (await read(await watchedLibrary(db)))[0]?.items ?? []
    expect(items).toHaveLength(2)
    subscription.unsubscribe()

    // Rows whose keys did not change are not decoded again: bytes swapped under the same keys go unread.
    const [firstSeq] = await db.reviewUpdates.toCollection().primaryKeys()
    await db.reviewUpdates.update(firstSeq as number, { update: new Uint8Array([1, 2, 3]) })
    expect((await read(await watchedLibrary(db)))[0]?.items).toEqual(items)
  })

  it('tells a reviewer about mentions under the name their invite gives, and knows a team course by its token', async () => {
    const { db } = fakeChorusDb('for-me-comments-links')
    const shared = await createCourse(db, { title: 'Shared' })
    const team = await createCourse(db, { title: 'Team course' })
    const exp = Math.floor(Date.now() / 1000) + 3600
    await saveRelayLink(db, {
      courseId: shared,
      relayUrl: 'ws://127.0.0.1:1',
      token: unsignedToken({ sub: 'u-rita', name: 'Rita', course: shared, role: 'reviewer', exp }),
    })
    await saveRelayLink(db, {
      courseId: team,
      relayUrl: 'ws://127.0.0.1:1',
      token: unsignedToken({ sub: 'u-rita', name: 'Rita', team: 'team-a', role: 'member', exp }),
    })
    await storeThread(db, shared, ['u-rita'])
    const courses = await createCommentItemsReader(db)(await watchedLibrary(db))
    const byId = new Map(courses.map((course) => [course.courseId, course]))
    // Not an author of it: only the mention is for Rita.
    expect(byId.get(shared)?.items.map((item) => [item.kind, item.summary])).toEqual([
      ['comment-mention', 'Bo mentioned you on "Shared"'],
    ])
    expect(byId.get(shared)?.teamId).toBeNull()
    expect(byId.get(team)?.teamId).toBe('team-a')
  })
})
