/**
 * Review documents through the real relay: each course's comments sync in `<courseId>/review`, where reviewers
 * may write while their content updates are dropped; concurrent replies made offline both survive the merge.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createCourse, renameCourse } from '../../shared/course/commands'
import { readCourse } from '../../shared/course/read'
import type { CourseId, LessonId } from '../../shared/course/types'
import { roomName, type RoomKind } from '../../shared/protocol/rooms'
import type { Role } from '../../shared/protocol/token'
import { createThread, reply } from '../../shared/review/commands'
import { readThreads } from '../../shared/review/read'
import { toStoredPosition } from '../../shared/review/stored-position'
import type { Person, ThreadId } from '../../shared/review/types'
import {
  connectClient,
  destroyClients,
  killRelays,
  startRelay,
  storedDoc,
  tokenFor,
  waitFor,
  type Client,
  type RelayProcess,
} from './relay-harness'

let relay: RelayProcess
beforeAll(async () => {
  relay = await startRelay()
})
afterEach(() => destroyClients())
afterAll(() => killRelays())

const author: Person = { id: 'author-user', name: 'Al Author' }
const reviewer: Person = { id: 'reviewer-user', name: 'Rita Reviewer' }
const viewer: Person = { id: 'viewer-user', name: 'Vic Viewer' }
const lessonId = 'lesson-1' as LessonId

const join = async (courseId: CourseId, kind: RoomKind, who: Person, role: Role): Promise<Client> => {
  const token = await tokenFor(courseId, role, { user: who.id })
  const client = connectClient(relay.url, roomName({ courseId, kind }), token)
  await client.synced()
  return client
}

const startThread = (doc: Y.Doc, by: Person, body: string): ThreadId => {
  const text = new Y.Doc().getText('t')
  text.insert(0, 'phrase')
  const anchor = {
    start: toStoredPosition(Y.createRelativePositionFromTypeIndex(text, 0)),
    end: toStoredPosition(Y.createRelativePositionFromTypeIndex(text, 6, -1)),
  }
  return createThread(doc, { lessonId, anchor, quote: 'phrase', author: by, body, mentions: [] })
}

const bodies = (doc: Y.Doc): string[] =>
  readThreads(doc).flatMap((thread) => thread.comments.map((comment) => comment.body))

const until = (client: Client, expected: readonly string[], what: string) =>
  waitFor(() => JSON.stringify(bodies(client.doc)) === JSON.stringify(expected), 10_000, what)

describe('review documents through the relay', () => {
  it('keeps both of two replies written at once while offline, on both peers and in the stored room', async () => {
    const courseId = 'reviewMerge1' as CourseId
    const room = roomName({ courseId, kind: 'review' })
    const a = await join(courseId, 'review', author, 'author')
    const r = await join(courseId, 'review', reviewer, 'reviewer')
    const threadId = startThread(r.doc, reviewer, 'Is this phrase right?')
    await until(a, ['Is this phrase right?'], 'the thread to reach the author')

    a.provider.disconnect()
    r.provider.disconnect()
    const at = Date.now()
    reply(a.doc, { threadId, author, body: 'Yes, checked.', mentions: [], now: at })
    reply(r.doc, { threadId, author: reviewer, body: 'Second thoughts?', mentions: [], now: at })
    r.provider.connect()
    a.provider.connect()

    // Same createdAt: both peers order the replies by id, so each shows the same list.
    await waitFor(() => bodies(a.doc).length === 3 && bodies(r.doc).length === 3, 10_000, 'both replies')
    expect(bodies(a.doc)).toEqual(bodies(r.doc))
    expect(bodies(a.doc).slice(1).sort()).toEqual(['Second thoughts?', 'Yes, checked.'])
    expect(readThreads(storedDoc(relay.dataDir, room))).toEqual(readThreads(a.doc))

    const late = await join(courseId, 'review', { id: 'late', name: 'Late' }, 'author')
    expect(readThreads(late.doc)).toEqual(readThreads(a.doc))
  })

  it('stores and relays a reviewer’s comment while dropping their content change, and a viewer’s comment', async () => {
    const courseId = 'reviewRoles1' as CourseId
    const contentRoom = roomName({ courseId, kind: 'content' })
    const reviewRoom = roomName({ courseId, kind: 'review' })
    const authorContent = await join(courseId, 'content', author, 'author')
    createCourse(authorContent.doc, { id: courseId, title: 'Soil basics' })
    const authorReview = await join(courseId, 'review', author, 'author')
    const reviewerContent = await join(courseId, 'content', reviewer, 'reviewer')
    const reviewerReview = await join(courseId, 'review', reviewer, 'reviewer')
    await waitFor(() => readCourse(reviewerContent.doc).meta.title === 'Soil basics', 10_000, 'the course')

    renameCourse(reviewerContent.doc, 'Renamed by a reviewer')
    await relay.waitForLog(
      (line) => line.event === 'write-dropped' && line.room === contentRoom && line.user === reviewer.id,
    )
    startThread(reviewerReview.doc, reviewer, 'Please define humus.')
    await until(authorReview, ['Please define humus.'], 'the reviewer’s comment to reach the author')

    const viewerReview = await join(courseId, 'review', viewer, 'viewer')
    expect(bodies(viewerReview.doc)).toEqual(['Please define humus.'])
    startThread(viewerReview.doc, viewer, 'A viewer may not say this.')
    await relay.waitForLog(
      (line) => line.event === 'write-dropped' && line.room === reviewRoom && line.user === viewer.id,
    )
    // A later comment arrives, so the viewer's (sent earlier) would have too, had it been relayed.
    reply(authorReview.doc, {
      threadId: readThreads(authorReview.doc)[0]?.id ?? ('' as ThreadId),
      author,
      body: 'Done.',
      mentions: [],
    })
    await until(reviewerReview, ['Please define humus.', 'Done.'], 'the author’s reply')

    expect(readCourse(authorContent.doc).meta.title).toBe('Soil basics')
    expect(readCourse(storedDoc(relay.dataDir, contentRoom)).meta.title).toBe('Soil basics')
    expect(bodies(storedDoc(relay.dataDir, reviewRoom))).toEqual(['Please define humus.', 'Done.'])
    expect(bodies(authorReview.doc)).toEqual(['Please define humus.', 'Done.'])
  })
})
