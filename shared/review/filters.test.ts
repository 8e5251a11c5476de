import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { LessonId } from '../course/types'
import { createThread, deleteComment, reply, resolveThread } from './commands'
import { countOpenThreads, filterThreads, openThreadCounts } from './filters'
import { readThreads } from './read'
import type { Anchor } from './stored-position'
import type { Person, ThreadId } from './types'

const ADA = { id: 'u-ada', name: 'Ada Lovelace' }
const BOB = { id: 'u-bob', name: 'Bob' }
const CY = { id: 'u-cy', name: 'Cy' }
const ANCHOR: Anchor = { start: { tname: 'x' }, end: { tname: 'x' } }
const L1 = 'lesson-1' as LessonId
const L2 = 'lesson-2' as LessonId

const ok = <T>(result: { ok: boolean; value?: T }): T => {
  expect(result.ok).toBe(true)
  return result.value as T
}

/** t1: Ada on L1 mentions Bob, resolved. t2: Bob on L1, Cy replied. t3: Cy on L2 mentions "ada lovelace" by name. */
const sample = () => {
  const doc = new Y.Doc()
  const start = (lessonId: LessonId, author: Person, mentions: string[], now: number): ThreadId =>
    createThread(doc, { lessonId, anchor: ANCHOR, quote: 'q', author, body: 'b', mentions, now })
  const t1 = start(L1, ADA, [BOB.id], 1)
  const t2 = start(L1, BOB, [], 2)
  const t3 = start(L2, CY, ['ada lovelace'], 3)
  ok(resolveThread(doc, { threadId: t1, by: BOB }))
  ok(reply(doc, { threadId: t2, author: CY, body: 'me too', mentions: [], now: 4 }))
  return { doc, t1, t2, t3 }
}

const ids = (threads: readonly { id: string }[]) => threads.map((thread) => thread.id)

describe('filters', () => {
  it('filters by status and lesson', () => {
    const { doc, t1, t2, t3 } = sample()
    const threads = readThreads(doc)
    expect(ids(filterThreads(threads, { status: 'all' }))).toEqual([t1, t2, t3])
    expect(ids(filterThreads(threads, { status: 'open' }))).toEqual([t2, t3])
    expect(ids(filterThreads(threads, { status: 'resolved' }))).toEqual([t1])
    expect(ids(filterThreads(threads, { status: 'all', lessonId: L1 }))).toEqual([t1, t2])
    expect(ids(filterThreads(threads, { status: 'open', lessonId: L2 }))).toEqual([t3])
  })

  it('counts threads one started or took part in as "mine"', () => {
    const { doc, t1, t2, t3 } = sample()
    const threads = readThreads(doc)
    expect(ids(filterThreads(threads, { status: 'all', mine: CY.id }))).toEqual([t2, t3])
    expect(ids(filterThreads(threads, { status: 'all', mine: ADA.id }))).toEqual([t1])
    expect(ids(filterThreads(threads, { status: 'open', mine: ADA.id }))).toEqual([])
  })

  it('finds mentions of a person by id or by name, ignoring deleted comments', () => {
    const { doc, t1, t3 } = sample()
    expect(ids(filterThreads(readThreads(doc), { status: 'all', forMe: BOB }))).toEqual([t1])
    expect(ids(filterThreads(readThreads(doc), { status: 'all', forMe: ADA }))).toEqual([t3])
    expect(
      ids(filterThreads(readThreads(doc), { status: 'all', forMe: { id: 'u-none', name: '' } })),
    ).toEqual([])
    const commentId = readThreads(doc).find((thread) => thread.id === t1)?.comments[0]?.id
    if (commentId === undefined) throw new Error('missing comment')
    ok(deleteComment(doc, { threadId: t1, commentId, userId: ADA.id }))
    expect(ids(filterThreads(readThreads(doc), { status: 'all', forMe: BOB }))).toEqual([])
    expect(ids(filterThreads(readThreads(doc), { status: 'all', mine: ADA.id }))).toEqual([t1])
  })

  it('counts open threads per lesson and in all', () => {
    const { doc, t2 } = sample()
    expect(openThreadCounts(readThreads(doc))).toEqual(
      new Map([
        [L1, 1],
        [L2, 1],
      ]),
    )
    expect(countOpenThreads(readThreads(doc))).toBe(2)
    ok(resolveThread(doc, { threadId: t2, by: ADA }))
    expect(openThreadCounts(readThreads(doc))).toEqual(new Map([[L2, 1]]))
    expect(countOpenThreads(readThreads(doc))).toBe(1)
    expect(countOpenThreads([])).toBe(0)
  })
})
