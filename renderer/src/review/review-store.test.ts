import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import type { CourseId, LessonId } from '../../../shared/course/types'
import { createThread, reply, resolveThread } from '../../../shared/review/commands'
import { readThreads } from '../../../shared/review/read'
import { toStoredPosition, type Anchor } from '../../../shared/review/stored-position'
import type { Person } from '../../../shared/review/types'
import { openCourseStore } from '../storage/course-store'
import type { ChorusDb } from '../storage/db'
import { createCourse, deleteCourse } from '../storage/library'
import { closedAfterEach, fakeChorusDb, nextStatus } from '../storage/store-test-support'
import { openReviewStore } from './review-store'

const freshDb = () => fakeChorusDb('chorus-review-test')
const openStore = closedAfterEach(openReviewStore)

const reviewRows = (db: ChorusDb, id: CourseId): Promise<number> =>
  db.reviewUpdates.where('courseId').equals(id).count()

const ada: Person = { id: 'ada', name: 'Ada' }
const ben: Person = { id: 'ben', name: 'Ben' }
const lessonId = 'lesson-1' as LessonId

/** A thread on some lesson text: the anchor's positions point into a throwaway fragment, which is fine here. */
function comment(doc: Y.Doc, body: string, author: Person = ada) {
  const text = new Y.Doc().getText('t')
  text.insert(0, 'soil')
  const anchor: Anchor = {
    start: toStoredPosition(Y.createRelativePositionFromTypeIndex(text, 0)),
    end: toStoredPosition(Y.createRelativePositionFromTypeIndex(text, 4, -1)),
  }
  return createThread(doc, { lessonId, anchor, quote: 'soil', author, body, mentions: [] })
}

const bodies = (doc: Y.Doc): string[] =>
  readThreads(doc).flatMap((thread) => thread.comments.map((c) => c.body))

describe('openReviewStore', () => {
  it('opens a course nobody has commented on as an empty document and writes nothing for it', async () => {
    const { db } = freshDb()
    const id = await createCourse(db, { title: 'Soils' })
    const store = await openStore(db, id)
    expect(readThreads(store.doc)).toEqual([])
    await store.close()
    expect(await reviewRows(db, id)).toBe(0)
  })

  it('writes each comment as a row as it happens, apart from the course content', async () => {
    const { db } = freshDb()
    const id = await createCourse(db, { title: 'Soils' })
    const contentRows = await db.updates.where('courseId').equals(id).count()
    const store = await openStore(db, id)

    const threadId = comment(store.doc, 'Is this true of clay?')
    expect(store.save.get().kind).toBe('saving')
    await nextStatus(store, 'saved')
    expect(await reviewRows(db, id)).toBe(1)
    reply(store.doc, { threadId, author: ben, body: 'Yes, mostly.', mentions: [] })
    await nextStatus(store, 'saved')
    expect(await reviewRows(db, id)).toBe(2)
    expect(await db.updates.where('courseId').equals(id).count()).toBe(contentRows)
  })

  it('issues the write at once, so a comment survives the page going away right after it', async () => {
    const { db, reopen } = freshDb()
    const id = await createCourse(db, { title: 'Soils' })
    const store = await openStore(db, id)
    comment(store.doc, 'Typo in the second line')
    db.close() // like a reload right after commenting: nothing after this point runs
    const again = await openStore(reopen(), id)
    expect(bodies(again.doc)).toEqual(['Typo in the second line'])
  })

  it('restores threads, replies and resolutions from a new connection', async () => {
    const { db, reopen } = freshDb()
    const id = await createCourse(db, { title: 'Soils' })
    const store = await openStore(db, id)
    const threadId = comment(store.doc, 'Cite a source?')
    reply(store.doc, { threadId, author: ben, body: 'Added one.', mentions: [] })
    resolveThread(store.doc, { threadId, by: ada })
    const threads = readThreads(store.doc)
    await store.close()

    const again = await openStore(reopen(), id)
    expect(readThreads(again.doc)).toEqual(threads)
  })

  it('stores comments that arrive from the relay, not only local ones', async () => {
    const { db, reopen } = freshDb()
    const id = await createCourse(db, { title: 'Soils' })
    const store = await openStore(db, id)
    const peer = new Y.Doc()
    comment(peer, 'From a reviewer elsewhere', ben)
    Y.applyUpdate(store.doc, Y.encodeStateAsUpdate(peer), 'relay')
    await store.close()

    const again = await openStore(reopen(), id)
    expect(bodies(again.doc)).toEqual(['From a reviewer elsewhere'])
  })

  it.each(['pagehide', 'beforeunload'])('on %s starts writing queued comments at once', async (event) => {
    const { db } = freshDb()
    const id = await createCourse(db, { title: 'Soils' })
    const page = {
      window: new EventTarget(),
      document: Object.assign(new EventTarget(), { visibilityState: 'visible' as const }),
    }
    const store = await openStore(db, id, { page })
    comment(store.doc, 'one') // in flight
    comment(store.doc, 'two') // queued behind it
    page.window.dispatchEvent(new Event(event))
    comment(store.doc, 'three') // queued again
    await store.flush()
    // Without the event, 'two' and 'three' would have gone as one row.
    expect(await reviewRows(db, id)).toBe(3)
  })

  it('compacts its rows past the threshold and keeps every comment', async () => {
    const { db, reopen } = freshDb()
    const id = await createCourse(db, { title: 'Soils' })
    const store = await openStore(db, id, { compactionThreshold: 5 })
    const written: string[] = []
    for (let i = 0; i < 12; i++) {
      written.push(`comment ${i}`)
      comment(store.doc, `comment ${i}`)
      await store.flush()
    }
    expect(await reviewRows(db, id)).toBeLessThanOrEqual(5)
    await store.close()
    const again = await openStore(reopen(), id)
    expect(bodies(again.doc).sort()).toEqual(written.sort())
  })

  it('shows a failed write as an error, keeps the comment and saves it once storage works again', async () => {
    const { db, reopen } = freshDb()
    const id = await createCourse(db, { title: 'Soils' })
    const store = await openStore(db, id)
    const diskFull = (): never => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    }
    db.reviewUpdates.hook('creating', diskFull)
    comment(store.doc, 'kept in memory')
    expect(await nextStatus(store, 'error')).toMatchObject({ error: { code: 'storage-quota-exceeded' } })
    await expect(store.close()).rejects.toMatchObject({ code: 'storage-quota-exceeded' })

    db.reviewUpdates.hook('creating').unsubscribe(diskFull)
    comment(store.doc, 'and this one') // the next change retries the kept one with it
    await nextStatus(store, 'saved')
    await store.close()
    const again = await openStore(reopen(), id)
    expect(bodies(again.doc).sort()).toEqual(['and this one', 'kept in memory'])
  })

  it('refuses damaged rows with a clear error instead of opening empty', async () => {
    const { db } = freshDb()
    const id = await createCourse(db, { title: 'Soils' })
    await db.reviewUpdates.add({ courseId: id, update: new Uint8Array([255, 255, 255, 1]) })
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    await expect(openReviewStore(db, id)).rejects.toMatchObject({
      code: 'storage-failed',
      message: expect.stringContaining('comments') as unknown,
    })
  })

  it('goes when its course is deleted, and other courses keep theirs', async () => {
    const { db } = freshDb()
    const doomed = await createCourse(db, { title: 'Doomed' })
    const kept = await createCourse(db, { title: 'Kept' })
    for (const id of [doomed, kept]) {
      const store = await openReviewStore(db, id)
      comment(store.doc, `on ${id}`)
      await store.close()
    }
    await deleteCourse(db, doomed)
    expect(await reviewRows(db, doomed)).toBe(0)
    expect(await reviewRows(db, kept)).toBe(1)
    await expect(openCourseStore(db, doomed)).rejects.toMatchObject({ code: 'course-not-found' })
  })
})
