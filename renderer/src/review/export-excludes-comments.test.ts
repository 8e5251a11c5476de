/**
 * Comments never leave with the course: every package the Export… dialog writes and the `.chorus` saved copy
 * are built from a course that has an open thread, and none of them holds a word of it.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { addLesson, addSection } from '../../../shared/course/commands'
import { writeLessonContent } from '../../../shared/course/content-io'
import { lessonBody } from '../../../shared/course/read'
import { ok } from '../../../shared/errors'
import { EXPORT_FORMATS } from '../../../shared/export/types'
import type { Platform } from '../../../shared/platform'
import { anchorFromRange } from '../../../shared/review/anchor'
import { createThread, reply } from '../../../shared/review/commands'
import { countOpenThreads } from '../../../shared/review/filters'
import { readThreads } from '../../../shared/review/read'
import { runExport } from '../features/export/run-export'
import { saveCourseCopy } from '../features/files/save-course-copy'
import { openCourseStore } from '../storage/course-store'
import { openChorusDb, type ChorusDb } from '../storage/db'
import { createCourse } from '../storage/library'
import { openReviewStore } from './review-store'

const LESSON_TEXT = 'Loam holds water'
const COMMENT = 'Reviewer remark zqxj-comment-body'
const REPLY = 'Author answer vbnw-reply-body'

/** Only the save dialog is stood in for: it records what would have been written to disk. */
function recordingPlatform(saved: Uint8Array[]): Platform {
  return {
    kind: 'browser',
    saveFile: (request) => (saved.push(request.bytes), Promise.resolve(ok({ saved: true }))),
    openFile: () => Promise.resolve(ok(null)),
    openExternal: () => Promise.resolve(),
    onMenuCommand: () => () => undefined,
    onInviteLink: () => () => undefined,
  }
}

/** Every file of a zip and the zip itself, as text (Yjs and HTML keep strings as UTF-8 bytes). */
function texts(zip: Uint8Array): string[] {
  const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: false }).decode(bytes)
  return [decode(zip), ...Object.values(unzipSync(zip)).map(decode)]
}

async function courseWithThread(db: ChorusDb): Promise<Y.Doc> {
  const id = await createCourse(db, { title: 'Soils' })
  const store = await openCourseStore(db, id)
  const lessonId = addLesson(store.doc, {
    sectionId: addSection(store.doc, { title: 'Basics' }),
    title: 'Loam',
  })
  writeLessonContent(store.doc, lessonId, {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: LESSON_TEXT }] }],
  })
  const body = lessonBody(store.doc, lessonId)
  if (!body) throw new Error('lesson has no body')
  const review = await openReviewStore(db, id)
  const author = { id: 'rev', name: 'Rita Reviewer' }
  const threadId = createThread(review.doc, {
    lessonId,
    anchor: anchorFromRange(body, 1, 5),
    quote: 'Loam',
    author,
    body: COMMENT,
    mentions: [],
  })
  reply(review.doc, { threadId, author: { id: 'au', name: 'Al Author' }, body: REPLY, mentions: [] })
  expect(countOpenThreads(readThreads(review.doc))).toBe(1)
  await review.close()
  await store.flush()
  return store.doc
}

describe('exports of a course with comment threads', () => {
  it('carry the lesson text and none of the comments, in every format and in a saved copy', async () => {
    const db = openChorusDb('chorus-export-test', { indexedDB: new IDBFactory(), IDBKeyRange })
    const doc = await courseWithThread(db)
    const saved: Uint8Array[] = []
    const platform = recordingPlatform(saved)

    for (const format of EXPORT_FORMATS) {
      const result = await runExport(db, platform, doc, format, () => undefined)
      expect(result).toMatchObject({ ok: true, value: { saved: true } })
    }
    expect(await saveCourseCopy(db, platform, doc)).toEqual(ok({ saved: true }))

    expect(saved).toHaveLength(EXPORT_FORMATS.length + 1)
    for (const zip of saved) {
      const all = texts(zip).join('\n')
      expect(all).toContain(LESSON_TEXT) // the search does find what is there
      expect(all).not.toContain(COMMENT)
      expect(all).not.toContain(REPLY)
      expect(all).not.toContain('Rita Reviewer')
    }
  })
})
