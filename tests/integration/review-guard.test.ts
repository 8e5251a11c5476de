/**
 * Comments only their authors can change, enforced by the real relay process: a reviewer's raw Yjs updates that
 * rewrite, delete or re-attribute an author's comment close the sender with 4403 and never reach anyone else nor
 * the store, while the same reviewer's replies and resolutions go through.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import type { CourseId, LessonId } from '../../shared/course/types'
import { CloseCode } from '../../shared/protocol/close-codes'
import { encodeUpdate } from '../../shared/protocol/codec'
import { roomName } from '../../shared/protocol/rooms'
import type { Role } from '../../shared/protocol/token'
import { createThread, reply, resolveThread } from '../../shared/review/commands'
import { readThreads } from '../../shared/review/read'
import { COMMENT, commentOf, commentsOf, threadOf } from '../../shared/review/schema'
import type { Anchor } from '../../shared/review/stored-position'
import type { CommentId, Person, ThreadId } from '../../shared/review/types'
import {
  endOf,
  forged,
  connectClient,
  destroyClients,
  killRelays,
  openRaw,
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

const author: Person = { id: 'guard-author', name: 'Al Author' }
const reviewer: Person = { id: 'guard-reviewer', name: 'Rita Reviewer' }
const watcher: Person = { id: 'guard-viewer', name: 'Vic Viewer' }
const ANCHOR: Anchor = {
  start: { type: { client: 1, clock: 0 }, item: { client: 1, clock: 0 }, assoc: 0 },
  end: { type: { client: 1, clock: 0 }, item: { client: 1, clock: 5 }, assoc: -1 },
}

const join = async (courseId: CourseId, who: Person, role: Role): Promise<Client> => {
  const client = connectClient(
    relay.url,
    roomName({ courseId, kind: 'review' }),
    await tokenFor(courseId, role, { user: who.id }),
  )
  await client.synced()
  return client
}

const commentIn = (doc: Y.Doc, threadId: ThreadId, commentId: CommentId): Y.Map<unknown> => {
  const thread = threadOf(doc, threadId)
  const comment = thread === undefined ? undefined : commentOf(thread, commentId)
  if (comment === undefined) throw new Error('comment not found')
  return comment
}

const bodies = (doc: Y.Doc): string[] =>
  readThreads(doc).flatMap((thread) => thread.comments.map((comment) => comment.body))

describe('review rooms accept only the changes a token may make', () => {
  it('closes a reviewer who rewrites, deletes or re-attributes an author’s comment, and keeps the comment', async () => {
    const courseId = 'reviewGuard1' as CourseId
    const room = roomName({ courseId, kind: 'review' })
    const al = await join(courseId, author, 'author')
    const threadId = createThread(al.doc, {
      lessonId: 'lesson-1' as LessonId,
      anchor: ANCHOR,
      quote: 'phrase',
      author,
      body: 'Original words.',
      mentions: [],
    })
    const commentId = readThreads(al.doc)[0]?.comments[0]?.id as CommentId
    const rita = await join(courseId, reviewer, 'reviewer')
    const vic = await join(courseId, watcher, 'viewer')
    await waitFor(() => bodies(rita.doc).length === 1 && bodies(vic.doc).length === 1, 10_000, 'the thread')
    const original = readThreads(al.doc)

    const attacks: [string, Uint8Array][] = [
      ['rewrite', forged(rita.doc, (doc) => commentIn(doc, threadId, commentId).set(COMMENT.body, 'Forged'))],
      [
        'delete',
        forged(rita.doc, (doc) => commentsOf(threadOf(doc, threadId) as Y.Map<unknown>)?.delete(commentId)),
      ],
      ['flag', forged(rita.doc, (doc) => commentIn(doc, threadId, commentId).set(COMMENT.deleted, true))],
      [
        're-attribute',
        forged(rita.doc, (doc) => commentIn(doc, threadId, commentId).set(COMMENT.author, reviewer)),
      ],
    ]
    const reviewerToken = await tokenFor(courseId, 'reviewer', { user: reviewer.id })
    for (const [what, update] of attacks) {
      const socket = openRaw(relay.url, room, reviewerToken)
      await socket.opened
      socket.ws.send(encodeUpdate(update))
      expect(await endOf(socket), what).toMatchObject({ code: CloseCode.ChangeNotAllowed })
    }
    // A stock client making the same change is closed the same way.
    const stock = await join(courseId, reviewer, 'reviewer')
    const closed = new Promise<number>((done) =>
      stock.provider.on('connection-close', (event: { code?: number } | null) => done(event?.code ?? 0)),
    )
    commentIn(stock.doc, threadId, commentId).set(COMMENT.body, 'Forged by a stock client')
    expect(await closed).toBe(CloseCode.ChangeNotAllowed)
    stock.destroy()

    const refusal = await relay.waitForLog((line) => line.event === 'change-refused' && line.room === room)
    expect(refusal).toMatchObject({ user: reviewer.id, role: 'reviewer' })
    expect(String(refusal.reason)).toMatch(/another user's comment/)
    expect(JSON.stringify(relay.logs)).not.toContain(reviewerToken)

    // The reviewer's own reply and resolution still go through, and arrive after anything sent before them.
    reply(rita.doc, { threadId, author: reviewer, body: 'A fair reply.', mentions: [] })
    resolveThread(rita.doc, { threadId, by: reviewer })
    await waitFor(
      () => readThreads(al.doc)[0]?.resolved === true && readThreads(vic.doc)[0]?.resolved === true,
      10_000,
      'the reply and resolution to reach the author and the viewer',
    )
    for (const doc of [al.doc, vic.doc, rita.doc]) {
      const [thread] = readThreads(doc)
      expect(thread?.comments[0]).toEqual(original[0]?.comments[0])
      expect(thread?.comments.map((comment) => comment.body)).toEqual(['Original words.', 'A fair reply.'])
      expect(thread?.resolution?.by).toEqual(reviewer)
    }

    // What the relay stored survives a restart without the forged changes.
    destroyClients()
    expect(await relay.stop()).toBe(0)
    const restarted = await startRelay({ dataDir: relay.dataDir })
    relay = restarted
    expect(readThreads(storedDoc(relay.dataDir, room))[0]?.comments[0]).toEqual(original[0]?.comments[0])
    const late = await join(courseId, author, 'author')
    expect(bodies(late.doc)).toEqual(['Original words.', 'A fair reply.'])
    expect(readThreads(late.doc)[0]?.comments[0]?.author).toEqual(author)
  })

  it('closes a reviewer who starts a thread in an author’s name', async () => {
    const courseId = 'reviewGuard2' as CourseId
    const al = await join(courseId, author, 'author')
    const socket = openRaw(
      relay.url,
      roomName({ courseId, kind: 'review' }),
      await tokenFor(courseId, 'reviewer', { user: reviewer.id }),
    )
    await socket.opened
    const update = forged(al.doc, (doc) =>
      createThread(doc, {
        lessonId: 'lesson-1' as LessonId,
        anchor: ANCHOR,
        quote: 'phrase',
        author,
        body: 'Words put in Al’s mouth.',
        mentions: [],
      }),
    )
    socket.ws.send(encodeUpdate(update))
    expect(await endOf(socket)).toMatchObject({ code: CloseCode.ChangeNotAllowed })
    // A thread the reviewer starts in her own name arrives; the forged one, sent before it, never does.
    const rita = await join(courseId, reviewer, 'reviewer')
    createThread(rita.doc, {
      lessonId: 'lesson-1' as LessonId,
      anchor: ANCHOR,
      quote: 'phrase',
      author: reviewer,
      body: 'My own question.',
      mentions: [],
    })
    await waitFor(() => bodies(al.doc).length > 0, 10_000, 'the reviewer’s thread')
    expect(bodies(al.doc)).toEqual(['My own question.'])
    expect(bodies(storedDoc(relay.dataDir, roomName({ courseId, kind: 'review' })))).toEqual([
      'My own question.',
    ])
  })
})
