import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { addLesson, addSection, renameCourse } from '../../../shared/course/commands'
import { readCourse, lessonBody } from '../../../shared/course/read'
import { CURRENT_SCHEMA_VERSION, META, metaMap } from '../../../shared/course/schema'
import type { CourseId, LessonId } from '../../../shared/course/types'
import { COMPACTION_MAX_WAIT_THRESHOLDS, COMPACTION_QUIET_MS, COMPACTION_THRESHOLD } from './compaction'
import { openCourseStore } from './course-store'
import type { ChorusDb } from './db'
import { createCourse, getLibraryEntry, importCourseUpdate } from './library'
import { MIRROR_INTERVAL_MS } from './library-mirror'
import { closedAfterEach, fakeChorusDb, nextStatus } from './store-test-support'

const freshDb = () => fakeChorusDb('chorus-test')
const openStore = closedAfterEach(openCourseStore)
afterEach(() => vi.useRealTimers())

const rowCount = (db: ChorusDb, id: CourseId): Promise<number> =>
  db.updates.where('courseId').equals(id).count()

/** A lesson with one empty paragraph, typed into one character per transaction, as Tiptap does. */
function startLesson(doc: Y.Doc): { type: (text: string) => void; text: () => string; lessonId: LessonId } {
  const sectionId = addSection(doc, { title: 'Basics' })
  const lessonId = addLesson(doc, { sectionId, title: 'First' })
  const paragraph = new Y.XmlElement('paragraph')
  const body = lessonBody(doc, lessonId)
  if (!body) throw new Error('lesson has no body')
  doc.transact(() => body.insert(0, [paragraph]))
  const textNode = new Y.XmlText()
  doc.transact(() => paragraph.insert(0, [textNode]))
  return {
    lessonId,
    type: (text) => [...text].forEach((char) => doc.transact(() => textNode.insert(textNode.length, char))),
    text: () => textNode.toString(),
  }
}

/**
 * A course open on fake timers and clock (the pause and the idle moment come when the test says), past its open's
 * settling, with a lesson to type in whose first row is saved.
 */
async function typingOnFakeTimers(compactionThreshold: number) {
  const { db } = freshDb()
  const id = await createCourse(db, { title: 'Rivers' })
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
  const store = await openStore(db, id, { compactionThreshold, openSettleMs: 0 })
  vi.runOnlyPendingTimers()
  const lesson = startLesson(store.doc)
  await nextStatus(store, 'saved')
  return { db, id, store, lesson }
}

function bodyText(doc: Y.Doc, lessonId: LessonId): string {
  return (lessonBody(doc, lessonId)?.toString() ?? '').replace(/<[^>]+>/g, '')
}

describe('openCourseStore', () => {
  it('writes each local update as a row as it happens, without waiting for flush or close', async () => {
    const { db } = freshDb()
    const id = await createCourse(db, { title: 'Rivers' })
    const store = await openStore(db, id)
    expect(store.access).toEqual({ kind: 'editable' })
    const before = await rowCount(db, id)

    renameCourse(store.doc, 'Rivers of Europe')
    expect(store.save.get().kind).toBe('saving')
    await nextStatus(store, 'saved')
    expect(await rowCount(db, id)).toBe(before + 1)

    addSection(store.doc, { title: 'Danube' })
    await nextStatus(store, 'saved')
    expect(await rowCount(db, id)).toBe(before + 2)
  })

  it('issues the write synchronously, so the last keystroke survives the page going away at once', async () => {
    const { db, reopen } = freshDb()
    const id = await createCourse(db, { title: 'Rivers' })
    const store = await openStore(db, id)
    const lesson = startLesson(store.doc)
    await store.flush()

    lesson.type('x')
    db.close() // like a reload right after typing: nothing after this point runs
    const again = await openStore(reopen(), id)
    expect(bodyText(again.doc, lesson.lessonId)).toBe('x')
  })

  it('merges updates that arrive while a write is in flight into the next write', async () => {
    const { db } = freshDb()
    const id = await createCourse(db, { title: 'Rivers' })
    const store = await openStore(db, id)
    const lesson = startLesson(store.doc)
    await store.flush()
    const before = await rowCount(db, id)

    lesson.type('abcdef') // 'a' starts a write; 'b'…'f' wait for it and go as one row
    await store.flush()
    expect(await rowCount(db, id)).toBe(before + 2)
  })

  it('restores everything on reopen, from a new connection', async () => {
    const { db, reopen } = freshDb()
    const id = await createCourse(db, { title: 'Rivers' })
    const store = await openStore(db, id)
    renameCourse(store.doc, 'Rivers of Europe')
    const lesson = startLesson(store.doc)
    lesson.type('The Rhine rises in the Alps.')
    const snapshot = readCourse(store.doc)
    await store.close()

    const again = await openStore(reopen(), id)
    expect(readCourse(again.doc)).toEqual(snapshot)
    expect(bodyText(again.doc, lesson.lessonId)).toBe('The Rhine rises in the Alps.')
  })

  it('compacts the rows into one past the threshold and keeps the content', async () => {
    const { db, reopen } = freshDb()
    const id = await createCourse(db, { title: 'Rivers' })
    const store = await openStore(db, id)
    const lesson = startLesson(store.doc)
    for (let i = 0; i < COMPACTION_THRESHOLD + 100; i++) {
      lesson.type(String(i % 10))
      await store.flush() // one row per keystroke: the worst case for row growth
    }
    const rows = await rowCount(db, id)
    expect(rows).toBeGreaterThanOrEqual(1)
    expect(rows).toBeLessThanOrEqual(COMPACTION_THRESHOLD)
    const typed = lesson.text()
    await store.close()

    const again = await openStore(reopen(), id)
    expect(bodyText(again.doc, lesson.lessonId)).toBe(typed)
  })

  it('compacts on open when a course already has too many rows, once the open has settled', async () => {
    const { db } = freshDb()
    const id = await createCourse(db, { title: 'Rivers' })
    const first = await openStore(db, id, { compactionThreshold: 1_000_000 })
    const lesson = startLesson(first.doc)
    for (const char of '0123456789') {
      lesson.type(char)
      await first.flush()
    }
    await first.close()
    const stored = await rowCount(db, id)
    expect(stored).toBeGreaterThan(5)

    const store = await openStore(db, id, { compactionThreshold: 5, openSettleMs: 400 })
    // While the course opens (and its view paints) the rows stay as they are…
    await new Promise((resolve) => setTimeout(resolve, 250))
    expect(await rowCount(db, id)).toBe(stored)
    // …and are merged after that.
    await vi.waitFor(async () => expect(await rowCount(db, id)).toBe(1), { timeout: 5_000 })
    expect(readCourse(store.doc).sections).toHaveLength(1)
  })

  it('does not compact inside a write nor between two keystrokes: the rows are merged once the typing pauses', async () => {
    const { db, id, store, lesson } = await typingOnFakeTimers(3)
    for (const char of 'abcdef') {
      lesson.type(char)
      await nextStatus(store, 'saved')
      vi.advanceTimersByTime(COMPACTION_QUIET_MS / 2) // idle moments come and go between the keystrokes
    }
    vi.advanceTimersByTime(COMPACTION_QUIET_MS / 2 - 100)
    // Each keystroke saved without waiting for a merge of the course: the rows are all still there…
    expect(await rowCount(db, id)).toBeGreaterThan(3)

    vi.advanceTimersByTime(200) // …until the pause is long enough, and an idle moment follows
    vi.runOnlyPendingTimers()
    vi.useRealTimers()
    await vi.waitFor(async () => expect(await rowCount(db, id)).toBe(1))
    expect(lesson.text()).toBe('abcdef')
  })

  it('compacts at an idle moment anyway once changes have come without a pause for long enough', async () => {
    const threshold = 2
    const { db, id, store, lesson } = await typingOnFakeTimers(threshold)
    const keystrokes = COMPACTION_MAX_WAIT_THRESHOLDS * threshold + 2
    for (const char of 'x'.repeat(keystrokes)) {
      lesson.type(char)
      await nextStatus(store, 'saved')
      vi.advanceTimersByTime(COMPACTION_QUIET_MS / 4)
    }
    vi.useRealTimers()
    // Without a pause, and without this, every keystroke would still be a row of its own.
    await vi.waitFor(async () => expect(await rowCount(db, id)).toBeLessThan(keystrokes))
  })

  it('never deletes a row another tab wrote while this one compacts', async () => {
    const { db, reopen } = freshDb()
    const id = await createCourse(db, { title: 'Rivers' })
    const store = await openStore(db, id, { compactionThreshold: 6 })
    const lesson = startLesson(store.doc)
    await store.flush()

    // Another tab, holding the course as it was, adds a section: a row this tab never loaded.
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(store.doc))
    const before = Y.encodeStateVector(other)
    addSection(other, { title: 'From the other tab' })
    const foreignSeq = await db.updates.add({ courseId: id, update: Y.encodeStateAsUpdate(other, before) })

    for (const char of '0123456789') {
      lesson.type(char)
      await store.flush() // compacts whenever the rows are past the threshold
    }
    expect(await rowCount(db, id)).toBeLessThan(6)
    expect(await db.updates.get(foreignSeq)).toBeDefined()
    await store.close()

    const again = await openStore(reopen(), id)
    expect(readCourse(again.doc).sections.map((section) => section.title)).toEqual(
      expect.arrayContaining(['Basics', 'From the other tab']),
    )
    expect(bodyText(again.doc, lesson.lessonId)).toBe('0123456789')
  })

  it('opens a course written by a newer schema read-only and never writes to it', async () => {
    const { db } = freshDb()
    const id = 'newer-course' as CourseId
    const newer = new Y.Doc()
    metaMap(newer).set(META.schemaVersion, CURRENT_SCHEMA_VERSION + 1)
    metaMap(newer).set(META.title, 'From the future')
    await importCourseUpdate(db, id, Y.encodeStateAsUpdate(newer), 'From the future')
    const rowsBefore = await db.updates.toArray()
    const entryBefore = await getLibraryEntry(db, id)

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const store = await openStore(db, id)
    expect(store.access).toEqual({
      kind: 'read-only',
      reason: 'schema-too-new',
      version: CURRENT_SCHEMA_VERSION + 1,
    })
    renameCourse(store.doc, 'Edited by an old app')
    vi.advanceTimersByTime(MIRROR_INTERVAL_MS * 3)
    await store.flush()
    await store.close()
    expect(await db.updates.toArray()).toEqual(rowsBefore)
    expect(await getLibraryEntry(db, id)).toEqual(entryBefore)
  })

  it('rejects a course that is not stored', async () => {
    const { db } = freshDb()
    await expect(openCourseStore(db, 'missing' as CourseId)).rejects.toMatchObject({
      code: 'course-not-found',
    })
  })
})

describe('save errors', () => {
  it('shows a failed write as an error, keeps the update and writes it once storage works again', async () => {
    const { db, reopen } = freshDb()
    const id = await createCourse(db, { title: 'Rivers' })
    const store = await openStore(db, id)
    const lesson = startLesson(store.doc)
    await store.flush()
    const before = await rowCount(db, id)

    const diskFull = (): never => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    }
    db.updates.hook('creating', diskFull)
    lesson.type('L')
    const failed = await nextStatus(store, 'error')
    expect(failed).toMatchObject({ kind: 'error', error: { code: 'storage-quota-exceeded' } })
    await expect(store.flush()).rejects.toMatchObject({ code: 'storage-quota-exceeded' })
    expect(await rowCount(db, id)).toBe(before)

    db.updates.hook('creating').unsubscribe(diskFull)
    lesson.type('o') // the next change retries the kept one with it
    await nextStatus(store, 'saved')
    await store.close()
    const again = await openStore(reopen(), id)
    expect(bodyText(again.doc, lesson.lessonId)).toBe('Lo')
  })

  it('refuses to close while a change cannot be saved, and closes once it can', async () => {
    const { db, reopen } = freshDb()
    const id = await createCourse(db, { title: 'Rivers' })
    const store = await openCourseStore(db, id)
    const refuse = (): never => {
      throw new Error('disk on fire')
    }
    db.updates.hook('creating', refuse)
    renameCourse(store.doc, 'Unsaved title')
    await expect(store.close()).rejects.toMatchObject({ code: 'storage-failed' })

    db.updates.hook('creating').unsubscribe(refuse)
    await store.close()
    const again = await openStore(reopen(), id)
    expect(readCourse(again.doc).meta.title).toBe('Unsaved title')
  })

  it('reports a closed database as blocked, and flush writes the kept update after it reopens', async () => {
    const { db, reopen } = freshDb()
    const id = await createCourse(db, { title: 'Rivers' })
    const store = await openStore(db, id)
    const lesson = startLesson(store.doc)
    await store.flush()

    db.close()
    lesson.type('z')
    expect(await nextStatus(store, 'error')).toMatchObject({ error: { code: 'storage-blocked' } })

    await db.open()
    await store.flush()
    expect(store.save.get().kind).toBe('saved')
    const again = await openStore(reopen(), id)
    expect(bodyText(again.doc, lesson.lessonId)).toBe('z')
  })

  it('saves and lets go when another tab upgrades the database, then says so', async () => {
    const { db, reopen } = freshDb()
    const id = await createCourse(db, { title: 'Rivers' })
    const store = await openStore(db, id)
    const lesson = startLesson(store.doc)
    lesson.type('abc')
    const problems: (string | null)[] = []
    db.connection.onProblem((problem) => problems.push(problem?.code ?? null))

    const newer = reopen()
    newer.version(2).stores({ extra: 'id' })
    const newerProblems: (string | null)[] = []
    newer.connection.onProblem((problem) => newerProblems.push(problem?.code ?? null))
    await newer.open() // would wait forever if this tab did not close its connection
    expect(problems).toEqual(['storage-blocked'])
    expect(newerProblems).toEqual(['storage-blocked', null]) // blocked while the old tab saved, then clear
    expect(store.save.get()).toMatchObject({ kind: 'error', error: { code: 'storage-blocked' } })
    const rows = await newer.table('updates').where('courseId').equals(id).toArray()
    const check = new Y.Doc()
    Y.applyUpdate(check, Y.mergeUpdates(rows.map((row: { update: Uint8Array }) => row.update)))
    expect(bodyText(check, lesson.lessonId)).toBe('abc')
    newer.close()
  })
})

describe('page lifecycle', () => {
  class FakeDocument extends EventTarget {
    visibilityState: DocumentVisibilityState = 'visible'
  }

  it.each(['pagehide', 'beforeunload', 'visibilitychange'])(
    'on %s starts writing queued updates at once',
    async (event) => {
      const { db } = freshDb()
      const id = await createCourse(db, { title: 'Rivers' })
      const page = { window: new EventTarget(), document: new FakeDocument() }
      const store = await openStore(db, id, { page })
      const lesson = startLesson(store.doc)
      await store.flush()
      const before = await rowCount(db, id)

      lesson.type('a') // in flight
      lesson.type('b') // queued behind it
      page.document.visibilityState = 'hidden'
      ;(event === 'visibilitychange' ? page.document : page.window).dispatchEvent(new Event(event))
      lesson.type('c') // queued again
      await store.flush()
      // Without the event, 'b' and 'c' would have gone as one row.
      expect(await rowCount(db, id)).toBe(before + 3)
    },
  )
})

describe('library entry', () => {
  it('follows the title and last edit at most once per interval, and on close', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { db } = freshDb()
    let clock = 1_000
    const id = await createCourse(db, { title: 'Rivers' })
    const store = await openStore(db, id, { now: () => clock })
    await vi.waitFor(async () => expect(await getLibraryEntry(db, id)).toMatchObject({ lastOpenedAt: 1_000 }))
    let entryWrites = 0
    db.courses.hook('updating', () => void entryWrites++)
    db.courses.hook('creating', () => void entryWrites++)

    clock = 2_000
    renameCourse(store.doc, 'Lakes')
    clock = 2_500
    startLesson(store.doc).type('Geneva')
    await store.flush()
    vi.advanceTimersByTime(MIRROR_INTERVAL_MS - 1)
    expect(entryWrites).toBe(0)
    vi.advanceTimersByTime(1)
    await vi.waitFor(async () =>
      expect(await getLibraryEntry(db, id)).toMatchObject({ title: 'Lakes', updatedAt: 2_500 }),
    )
    expect(entryWrites).toBe(1)

    clock = 9_000
    renameCourse(store.doc, 'Lakes and Rivers')
    await store.close()
    expect(await getLibraryEntry(db, id)).toMatchObject({ title: 'Lakes and Rivers', updatedAt: 9_000 })
  })
})
