import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { LessonId } from '../course/types'
import { createThread, deleteComment, editComment, reopenThread, reply, resolveThread } from './commands'
import { REVIEW_ORIGIN } from './origins'
import { observeThreads, readThreads } from './read'
import type { Anchor } from './stored-position'
import type { ThreadId, ThreadSnapshot } from './types'

const ADA = { id: 'u-ada', name: 'Ada' }
const BOB = { id: 'u-bob', name: 'Bob' }
const ANCHOR: Anchor = {
  start: { type: { client: 1, clock: 2 }, item: { client: 1, clock: 5 }, assoc: 0 },
  end: { type: { client: 1, clock: 2 }, item: { client: 1, clock: 9 }, assoc: -1 },
}
const LESSON = 'lesson-1' as LessonId

const startThread = (doc: Y.Doc, now = 1000): ThreadId =>
  createThread(doc, {
    lessonId: LESSON,
    anchor: ANCHOR,
    quote: 'brown fox',
    author: ADA,
    body: 'Which fox, @Bob?',
    mentions: [BOB.id],
    now,
  })

const onlyThread = (doc: Y.Doc): ThreadSnapshot => {
  const threads = readThreads(doc)
  expect(threads).toHaveLength(1)
  return threads[0] as ThreadSnapshot
}

const replicaOf = (doc: Y.Doc): Y.Doc => {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return copy
}

const unwrap = <T>(result: { ok: true; value: T } | { ok: false; error: { code: string } }): T => {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}`)
  return result.value
}

describe('threads', () => {
  it('creates a thread with its first comment, all in one transaction with the review origin', () => {
    const doc = new Y.Doc()
    const origins: unknown[] = []
    doc.on('afterTransaction', (transaction) => origins.push(transaction.origin))
    const id = startThread(doc)
    expect(origins).toEqual([REVIEW_ORIGIN])
    const thread = onlyThread(doc)
    expect(thread).toMatchObject({
      id,
      lessonId: LESSON,
      anchor: ANCHOR,
      quote: 'brown fox',
      createdAt: 1000,
      createdBy: ADA,
      resolution: null,
      resolved: false,
    })
    expect(thread.comments).toEqual([
      {
        id: thread.comments[0]?.id,
        author: ADA,
        body: 'Which fox, @Bob?',
        mentions: [BOB.id],
        createdAt: 1000,
        editedAt: null,
        deleted: false,
      },
    ])
    expect([...doc.share.keys()]).toEqual(['threads'])
  })

  it('keeps concurrent replies from two peers, in the same order on both, whichever merges first', () => {
    const a = new Y.Doc()
    const threadId = startThread(a)
    const b = replicaOf(a)
    const base = Y.encodeStateAsUpdate(a)
    const [vectorA, vectorB] = [Y.encodeStateVector(a), Y.encodeStateVector(b)]
    unwrap(reply(a, { threadId, author: ADA, body: 'From Ada', mentions: [], now: 2000 }))
    unwrap(reply(b, { threadId, author: BOB, body: 'From Bob', mentions: [], now: 2000 }))
    unwrap(reply(b, { threadId, author: BOB, body: 'Bob again', mentions: [], now: 3000 }))
    const [updateA, updateB] = [Y.encodeStateAsUpdate(a, vectorA), Y.encodeStateAsUpdate(b, vectorB)]
    const merged = [
      [updateA, updateB],
      [updateB, updateA],
    ].map((updates) => {
      const doc = new Y.Doc()
      for (const update of [base, ...updates]) Y.applyUpdate(doc, update)
      return doc
    })
    Y.applyUpdate(a, updateB)
    Y.applyUpdate(b, updateA)
    const views = [a, b, ...merged].map((doc) => onlyThread(doc))
    for (const view of views) expect(view).toEqual(views[0])
    const bodies = views[0]?.comments.map((comment) => comment.body)
    expect(bodies?.slice(0, 1)).toEqual(['Which fox, @Bob?'])
    expect(bodies?.slice(1, 3).sort()).toEqual(['From Ada', 'From Bob'])
    expect(bodies?.[3]).toBe('Bob again')
  })

  it('keeps threads started at once on two peers', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    startThread(a, 1000)
    startThread(b, 1000)
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(readThreads(a)).toHaveLength(2)
    expect(readThreads(a)).toEqual(readThreads(b))
  })

  it('refuses a reply to a thread that does not exist', () => {
    const result = reply(new Y.Doc(), { threadId: 'nope' as ThreadId, author: ADA, body: 'Hi', mentions: [] })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
  })
})

describe('editing and deleting comments', () => {
  it('lets only the author edit, recording when', () => {
    const doc = new Y.Doc()
    const threadId = startThread(doc)
    const commentId = onlyThread(doc).comments[0]?.id ?? fail()
    const byBob = editComment(doc, {
      threadId,
      commentId,
      userId: BOB.id,
      body: 'Hijacked',
      mentions: [],
      now: 1500,
    })
    expect(byBob).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(onlyThread(doc).comments[0]?.body).toBe('Which fox, @Bob?')
    expect(
      editComment(doc, { threadId, commentId, userId: ADA.id, body: 'Which fox?', mentions: [], now: 1500 }),
    ).toEqual({ ok: true, value: undefined })
    expect(onlyThread(doc).comments[0]).toMatchObject({
      body: 'Which fox?',
      mentions: [],
      editedAt: 1500,
      createdAt: 1000,
    })
  })

  it('lets only the author delete; the comment keeps its place without its text', () => {
    const doc = new Y.Doc()
    const threadId = startThread(doc)
    const commentId = onlyThread(doc).comments[0]?.id ?? fail()
    unwrap(reply(doc, { threadId, author: BOB, body: 'The brown one', mentions: [], now: 2000 }))
    expect(deleteComment(doc, { threadId, commentId, userId: BOB.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    })
    expect(onlyThread(doc).comments[0]?.deleted).toBe(false)
    unwrap(deleteComment(doc, { threadId, commentId, userId: ADA.id }))
    expect(onlyThread(doc).comments.map((c) => [c.author.id, c.deleted, c.body, c.mentions])).toEqual([
      [ADA.id, true, '', []],
      [BOB.id, false, 'The brown one', []],
    ])
    expect(
      editComment(doc, { threadId, commentId, userId: ADA.id, body: 'Back', mentions: [] }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(deleteComment(doc, { threadId, commentId, userId: ADA.id })).toMatchObject({ ok: false })
  })

  it('stays deleted when an edit on another device crosses the deletion', () => {
    const a = new Y.Doc()
    const threadId = startThread(a)
    const commentId = onlyThread(a).comments[0]?.id ?? fail()
    const b = replicaOf(a)
    unwrap(deleteComment(a, { threadId, commentId, userId: ADA.id }))
    unwrap(
      editComment(b, { threadId, commentId, userId: ADA.id, body: 'Edited', mentions: [BOB.id], now: 1500 }),
    )
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    for (const doc of [a, b])
      expect(onlyThread(doc).comments[0]).toMatchObject({ deleted: true, body: '', mentions: [] })
  })
})

describe('resolving', () => {
  it('records who resolved and who reopened, and when', () => {
    const doc = new Y.Doc()
    const threadId = startThread(doc)
    unwrap(resolveThread(doc, { threadId, by: BOB, now: 5000 }))
    expect(onlyThread(doc)).toMatchObject({
      resolved: true,
      resolution: { resolved: true, by: BOB, at: 5000 },
    })
    unwrap(resolveThread(doc, { threadId, by: ADA, now: 6000 }))
    expect(onlyThread(doc).resolution).toEqual({ resolved: true, by: BOB, at: 5000 })
    unwrap(reopenThread(doc, { threadId, by: ADA, now: 7000 }))
    expect(onlyThread(doc)).toMatchObject({
      resolved: false,
      resolution: { resolved: false, by: ADA, at: 7000 },
    })
    expect(reopenThread(doc, { threadId: 'gone' as ThreadId, by: ADA })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    })
  })

  it('converges when one peer resolves while another reopens', () => {
    const a = new Y.Doc()
    const threadId = startThread(a)
    unwrap(resolveThread(a, { threadId, by: ADA, now: 2000 }))
    const b = replicaOf(a)
    unwrap(reopenThread(a, { threadId, by: ADA, now: 3000 }))
    unwrap(reopenThread(b, { threadId, by: BOB, now: 3000 }))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(onlyThread(a)).toEqual(onlyThread(b))
    expect(onlyThread(a).resolved).toBe(false)
  })
})

describe('observing', () => {
  it('reports local and remote changes until unsubscribed', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    const seen: number[] = []
    const unsubscribe = observeThreads(a, (threads) => seen.push(threads.length))
    const threadId = startThread(a)
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    startThread(b, 2000)
    unwrap(reply(b, { threadId, author: BOB, body: 'Seen', mentions: [] }))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    expect(seen).toEqual([1, 2])
    expect(readThreads(a)[0]?.comments).toHaveLength(2)
    unsubscribe()
    startThread(a, 3000)
    expect(seen).toEqual([1, 2])
  })
})

describe('reading what peers stored', () => {
  it('shows a malformed thread with defaults instead of dropping it', () => {
    const doc = new Y.Doc()
    const thread = new Y.Map<unknown>()
    doc.getMap('threads').set('odd', thread)
    thread.set('anchor', { start: 'nonsense' })
    thread.set('resolution', { resolved: 'yes' })
    const comments = new Y.Map<unknown>()
    thread.set('comments', comments)
    const comment = new Y.Map<unknown>()
    comments.set('c', comment)
    comment.set('mentions', ['u1', 7])
    comments.set('junk', 'not a comment')
    doc.getMap('threads').set('junk', 42)
    expect(readThreads(doc)).toEqual([
      {
        id: 'odd',
        lessonId: '',
        anchor: null,
        quote: '',
        createdAt: 0,
        createdBy: { id: '', name: '' },
        resolution: null,
        resolved: false,
        comments: [
          {
            id: 'c',
            author: { id: '', name: '' },
            body: '',
            mentions: ['u1'],
            createdAt: 0,
            editedAt: null,
            deleted: false,
          },
        ],
      },
    ])
  })
})

function fail(): never {
  throw new Error('missing')
}
