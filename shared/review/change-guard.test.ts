import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { guardExpectations, replicaOf, sent } from '../../tests/fixtures/guard-harness'
import type { LessonId } from '../course/types'
import type { Role } from '../protocol/token'
import { checkReviewUpdate, type Writer } from './change-guard'
import { createThread, deleteComment, editComment, reopenThread, reply, resolveThread } from './commands'
import { readThreads } from './read'
import { COMMENT, THREAD, commentOf, commentsOf, threadOf, threadsMap } from './schema'
import type { Anchor } from './stored-position'
import type { CommentId, Person, ThreadId } from './types'

const AL: Person = { id: 'u-al', name: 'Al Author' }
const RITA: Person = { id: 'u-rita', name: 'Rita Reviewer' }
const ANCHOR: Anchor = {
  start: { type: { client: 1, clock: 2 }, item: { client: 1, clock: 5 }, assoc: 0 },
  end: { type: { client: 1, clock: 2 }, item: { client: 1, clock: 9 }, assoc: -1 },
}
const LESSON = 'lesson-1' as LessonId

const as = (person: Person, role: Role): Writer => ({ id: person.id, role })

const startThread = (doc: Y.Doc, author: Person, body = 'Which fox?'): ThreadId =>
  createThread(doc, { lessonId: LESSON, anchor: ANCHOR, quote: 'brown fox', author, body, mentions: [] })

const { judge, expectAllowed, expectRefused } = guardExpectations(checkReviewUpdate)

/** The relay's document holding one thread by Al with his first comment. */
const relayWithThread = () => {
  const relay = new Y.Doc()
  const al = new Y.Doc()
  const threadId = startThread(al, AL)
  Y.applyUpdate(relay, Y.encodeStateAsUpdate(al))
  const commentId = readThreads(relay)[0]?.comments[0]?.id as CommentId
  return { relay, threadId, commentId }
}

const theThread = (doc: Y.Doc, threadId: ThreadId): Y.Map<unknown> =>
  threadOf(doc, threadId) as Y.Map<unknown>
const theComment = (doc: Y.Doc, threadId: ThreadId, commentId: CommentId): Y.Map<unknown> =>
  commentOf(theThread(doc, threadId), commentId) as Y.Map<unknown>

describe('review changes the relay accepts', () => {
  it('accepts every command used as intended, by authors and reviewers', () => {
    const relay = new Y.Doc()
    const al = new Y.Doc()
    const threadId = startThread(al, AL)
    expectAllowed(relay, Y.encodeStateAsUpdate(al), as(AL, 'author'))

    const rita = replicaOf(relay)
    expectAllowed(
      relay,
      sent(rita, () => startThread(rita, RITA, 'Mine')),
      as(RITA, 'reviewer'),
    )
    let replyId = '' as CommentId
    const replied = sent(rita, () => {
      const result = reply(rita, { threadId, author: RITA, body: 'Reply', mentions: [AL.id] })
      if (result.ok) replyId = result.value
    })
    expectAllowed(relay, replied, as(RITA, 'reviewer'))
    const edited = sent(rita, () =>
      editComment(rita, { threadId, commentId: replyId, userId: RITA.id, body: 'Edited', mentions: [] }),
    )
    expectAllowed(relay, edited, as(RITA, 'reviewer'))
    const removed = sent(rita, () => deleteComment(rita, { threadId, commentId: replyId, userId: RITA.id }))
    expectAllowed(relay, removed, as(RITA, 'reviewer'))
    expectAllowed(
      relay,
      sent(rita, () => resolveThread(rita, { threadId, by: RITA })),
      as(RITA, 'reviewer'),
    )

    Y.applyUpdate(al, Y.encodeStateAsUpdate(relay))
    expectAllowed(
      relay,
      sent(al, () => reopenThread(al, { threadId, by: AL })),
      as(AL, 'author'),
    )
    expectAllowed(
      relay,
      sent(al, () => resolveThread(al, { threadId, by: AL })),
      as(AL, 'author'),
    )
    const thread = readThreads(relay).find((entry) => entry.id === threadId)
    expect(thread?.resolution?.by).toEqual(AL)
    expect(thread?.comments.map((comment) => comment.body)).toEqual(['Which fox?', ''])
  })

  it('accepts a sync step 2 holding a whole offline session, and a full state the relay already holds', () => {
    const { relay, threadId } = relayWithThread()
    const rita = replicaOf(relay)
    const before = Y.encodeStateVector(relay)
    const mine = startThread(rita, RITA, 'Offline thread')
    resolveThread(rita, { threadId: mine, by: RITA })
    reopenThread(rita, { threadId: mine, by: RITA })
    const replied = reply(rita, { threadId, author: RITA, body: 'One', mentions: [] })
    if (!replied.ok) throw new Error('reply failed')
    editComment(rita, { threadId, commentId: replied.value, userId: RITA.id, body: 'Two', mentions: [] })
    editComment(rita, { threadId, commentId: replied.value, userId: RITA.id, body: 'Three', mentions: [] })
    resolveThread(rita, { threadId, by: RITA })
    reopenThread(rita, { threadId, by: RITA })
    resolveThread(rita, { threadId, by: RITA })
    expectAllowed(relay, Y.encodeStateAsUpdate(rita, before), as(RITA, 'reviewer'))
    expect(readThreads(relay)).toEqual(readThreads(rita))
    // Reconnecting clients send everything again, with their whole delete set.
    expectAllowed(relay, Y.encodeStateAsUpdate(rita), as(RITA, 'reviewer'))
  })

  it('lets an author remove their own comment from its thread', () => {
    const { relay, threadId, commentId } = relayWithThread()
    const al = replicaOf(relay)
    const update = sent(al, () => commentsOf(theThread(al, threadId))?.delete(commentId))
    expectAllowed(relay, update, as(AL, 'author'))
    expect(readThreads(relay)[0]?.comments).toEqual([])
  })
})

describe('review changes the relay refuses', () => {
  const reviewer = as(RITA, 'reviewer')

  it("refuses editing, flagging, removing or re-attributing another user's comment", () => {
    const { relay, threadId, commentId } = relayWithThread()
    const attempts: [(comment: Y.Map<unknown>, comments: Y.Map<unknown>) => void, RegExp][] = [
      [(comment) => comment.set(COMMENT.body, 'Rewritten'), /body of another user's comment changed/],
      [(comment) => comment.set(COMMENT.mentions, [RITA.id]), /mentions of another user's comment changed/],
      [(comment) => comment.set(COMMENT.deleted, true), /deleted of another user's comment changed/],
      [(comment) => comment.delete(COMMENT.body), /body of another user's comment deleted/],
      [(_, comments) => comments.delete(commentId), /comment \w+ of another user deleted/],
      [(comment) => comment.set(COMMENT.author, RITA), /author changed after its creation/],
      [(comment) => comment.set(COMMENT.createdAt, 1), /createdAt changed after its creation/],
      [(comment) => comment.set('pinned', true), /unknown comment field "pinned"/],
      [(_, comments) => comments.set(commentId, new Y.Map()), /comment \w+ replaced/],
    ]
    for (const [attack, reason] of attempts) {
      const rita = replicaOf(relay)
      const comments = commentsOf(theThread(rita, threadId)) as Y.Map<unknown>
      const update = sent(rita, () => attack(theComment(rita, threadId, commentId), comments))
      expectRefused(relay, update, reviewer, reason)
    }
    expect(readThreads(relay)[0]?.comments[0]?.body).toBe('Which fox?')
  })

  it("refuses a deletion of another user's comment even by an author", () => {
    const { relay, threadId, commentId } = relayWithThread()
    const other = replicaOf(relay)
    const update = sent(other, () => deleteCommentAnyway(other, threadId, commentId))
    expectRefused(relay, update, as({ id: 'u-ann', name: 'Ann' }, 'author'), /another user's comment changed/)
  })

  it("refuses rewriting a thread's fields or its creator, and removing or replacing a thread", () => {
    const { relay, threadId } = relayWithThread()
    const attempts: [(thread: Y.Map<unknown>, doc: Y.Doc) => void, RegExp][] = [
      [
        (thread) => thread.set(THREAD.anchor, { ...ANCHOR, start: ANCHOR.end }),
        /anchor changed after its creation/,
      ],
      [(thread) => thread.set(THREAD.quote, 'other'), /quote changed after its creation/],
      [(thread) => thread.set(THREAD.lessonId, 'lesson-2'), /lessonId changed after its creation/],
      [(thread) => thread.set(THREAD.createdBy, RITA), /createdBy changed after its creation/],
      [(thread) => thread.set(THREAD.comments, new Y.Map()), /comments replaced/],
      [(thread) => thread.set('colour', 'red'), /unknown thread field "colour"/],
      [(_, doc) => threadsMap(doc).delete(threadId), /threads are never removed/],
      [(_, doc) => threadsMap(doc).set(threadId, new Y.Map()), /replaced/],
      [(_, doc) => threadsMap(doc).set('junk', 'value'), /replaced by a value/],
    ]
    for (const [attack, reason] of attempts) {
      const attacker = replicaOf(relay)
      const update = sent(attacker, () => attack(theThread(attacker, threadId), attacker))
      expectRefused(relay, update, reviewer, reason)
    }
    // Not even its creator removes a thread: it holds other people's comments.
    const al = replicaOf(relay)
    expectRefused(
      relay,
      sent(al, () => threadsMap(al).delete(threadId)),
      as(AL, 'author'),
      /never removed/,
    )
  })

  it("refuses threads and comments written in another user's name", () => {
    const { relay, threadId } = relayWithThread()
    const rita = replicaOf(relay)
    expectRefused(
      relay,
      sent(rita, () => startThread(rita, AL)),
      reviewer,
      /createdBy is invalid or not by the writer/,
    )
    expectRefused(
      relay,
      sent(rita, () => reply(rita, { threadId, author: AL, body: 'As Al', mentions: [] })),
      reviewer,
      /author is invalid or not by the writer/,
    )
  })

  it("refuses a resolution in another user's name, and any resolution by a viewer", () => {
    const { relay, threadId } = relayWithThread()
    const rita = replicaOf(relay)
    expectRefused(
      relay,
      sent(rita, () => resolveThread(rita, { threadId, by: AL })),
      reviewer,
      /resolution not by the writer/,
    )
    const viewer = replicaOf(relay)
    expectRefused(
      relay,
      sent(viewer, () => resolveThread(viewer, { threadId, by: RITA })),
      as(RITA, 'viewer'),
      /a viewer resolving a thread/,
    )
    const clearer = replicaOf(relay)
    expectRefused(
      relay,
      sent(clearer, () => theThread(clearer, threadId).delete(THREAD.resolution)),
      reviewer,
      /resolution deleted/,
    )
  })

  it('judges an overwrite as the write it is, even when the update leaves the old value out of its delete set', () => {
    const { relay, threadId, commentId } = relayWithThread()
    const rita = replicaOf(relay)
    const update = sent(rita, () => theComment(rita, threadId, commentId).set(COMMENT.body, 'Rewritten'))
    const stripped = withoutDeleteSet(update)
    expect(Y.decodeUpdate(stripped).ds.clients.size).toBe(0)
    expectRefused(relay, stripped, reviewer, /body of another user's comment changed/)
  })

  it('keeps a refusal short and plain ASCII whatever key a peer sends', () => {
    const { relay, threadId } = relayWithThread()
    const rita = replicaOf(relay)
    const update = sent(rita, () => theThread(rita, threadId).set('ключ'.repeat(100), 1))
    const verdict = judge(relay, update, reviewer)
    expect(verdict.ok).toBe(false)
    if (!verdict.ok) expect(verdict.error.reason).toMatch(/^[\x20-\x7e]{1,100}$/)
  })

  it('refuses other root types and list entries', () => {
    const { relay } = relayWithThread()
    const rita = replicaOf(relay)
    expectRefused(
      relay,
      sent(rita, () => rita.getMap('notes').set('a', 1)),
      reviewer,
      /outside the review document's shape/,
    )
    const lister = replicaOf(relay)
    expectRefused(
      relay,
      sent(lister, () => lister.getArray('list').insert(0, [1])),
      reviewer,
      /list entry/,
    )
  })

  it('cannot judge, so refuses as unresolved, an update building on items the relay does not hold', () => {
    const { relay } = relayWithThread()
    const rita = replicaOf(relay)
    const mine = startThread(rita, RITA)
    const update = sent(rita, () =>
      reply(rita, { threadId: mine, author: RITA, body: 'Reply', mentions: [] }),
    )
    const verdict = judge(relay, update, reviewer)
    expect(verdict.ok === false && verdict.error.kind).toBe('unresolved')
  })

  it('refuses as unresolved a delete set naming clocks the relay does not hold yet', () => {
    const { relay } = relayWithThread()
    const al = [...relay.store.clients.keys()][0] as number
    // A V1 update with no structs and one delete range of Al's next ten clocks.
    const next = Y.getState(relay.store, al)
    const update = new Uint8Array([0, 1, ...varUint(al), 1, ...varUint(next), 10])
    const verdict = judge(relay, update, reviewer)
    expect(verdict.ok === false && verdict.error.kind).toBe('unresolved')
  })
})

function varUint(value: number): number[] {
  const bytes: number[] = []
  let rest = value
  while (rest > 127) {
    bytes.push(128 | (rest & 127))
    rest = Math.floor(rest / 128)
  }
  bytes.push(rest)
  return bytes
}

/** The same V1 update with an empty delete set: what a crafted client could send. */
function withoutDeleteSet(update: Uint8Array): Uint8Array {
  const ranges = [...Y.decodeUpdate(update).ds.clients]
  const encoded = [
    ...varUint(ranges.length),
    ...ranges.flatMap(([client, deletes]) => [
      ...varUint(client),
      ...varUint(deletes.length),
      ...deletes.flatMap(({ clock, len }) => [...varUint(clock), ...varUint(len)]),
    ]),
  ]
  const structs = update.subarray(0, update.length - encoded.length)
  expect([...update.subarray(structs.length)]).toEqual(encoded)
  return new Uint8Array([...structs, 0])
}

function deleteCommentAnyway(doc: Y.Doc, threadId: ThreadId, commentId: CommentId): void {
  const comment = theComment(doc, threadId, commentId)
  doc.transact(() => {
    comment.set(COMMENT.deleted, true)
    comment.set(COMMENT.body, '')
  })
}
