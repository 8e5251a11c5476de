import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { LessonId } from '../../../../shared/course/types'
import { createThread, reply, resolveThread } from '../../../../shared/review/commands'
import { readThreads } from '../../../../shared/review/read'
import type { Anchor } from '../../../../shared/review/stored-position'
import { panelThreads, type PanelView } from './panel-threads'

const A = 'lesson-a' as LessonId
const B = 'lesson-b' as LessonId
const ada = { id: 'ada', name: 'Ada' }
const ben = { id: 'ben', name: 'Ben' }
const anchor: Anchor = { start: { tname: 'x' }, end: { tname: 'x' } }

const threadsOf = () => {
  const doc = new Y.Doc()
  const open = createThread(doc, {
    lessonId: A,
    anchor,
    quote: 'open',
    author: ada,
    body: 'hi',
    mentions: [],
    now: 1,
  })
  const done = createThread(doc, {
    lessonId: A,
    anchor,
    quote: 'done',
    author: ben,
    body: 'x',
    mentions: [],
    now: 2,
  })
  resolveThread(doc, { threadId: done, by: ada })
  const elsewhere = createThread(doc, {
    lessonId: B,
    anchor,
    quote: 'b',
    author: ben,
    body: 'y',
    mentions: [],
    now: 3,
  })
  reply(doc, { threadId: elsewhere, author: ben, body: '@Ada look', mentions: ['ada'] })
  return { threads: readThreads(doc), open, done, elsewhere }
}

const view = (overrides: Partial<PanelView>): PanelView => ({
  scope: 'lesson',
  filter: 'open',
  lessonId: A,
  me: ada,
  ...overrides,
})

describe('panelThreads', () => {
  it('lists the open lesson’s threads by status, or the whole course’s', () => {
    const { threads, open, done, elsewhere } = threadsOf()
    expect(panelThreads(threads, view({})).map((t) => t.id)).toEqual([open])
    expect(panelThreads(threads, view({ filter: 'resolved' })).map((t) => t.id)).toEqual([done])
    expect(panelThreads(threads, view({ filter: 'all' })).map((t) => t.id)).toEqual([open, done])
    expect(panelThreads(threads, view({ scope: 'course' })).map((t) => t.id)).toEqual([open, elsewhere])
    expect(panelThreads(threads, view({ lessonId: null }))).toEqual([])
  })

  it('keeps resolved threads under Mine and For me, after the open ones', () => {
    const { threads, open, elsewhere } = threadsOf()
    expect(panelThreads(threads, view({ scope: 'course', filter: 'mine' })).map((t) => t.id)).toEqual([open])
    expect(panelThreads(threads, view({ scope: 'course', filter: 'for-me' })).map((t) => t.id)).toEqual([
      elsewhere,
    ])
    const forBen = panelThreads(threads, view({ scope: 'course', filter: 'mine', me: ben }))
    expect(forBen.map((t) => t.resolved)).toEqual([false, true])
  })

  it('lists the thread an address names whatever the filter, in its place, but only within the scope', () => {
    const { threads, open, done, elsewhere } = threadsOf()
    expect(panelThreads(threads, view({}), done).map((t) => t.id)).toEqual([open, done])
    expect(panelThreads(threads, view({ filter: 'resolved' }), open).map((t) => t.id)).toEqual([open, done])
    expect(panelThreads(threads, view({}), open).map((t) => t.id)).toEqual([open])
    expect(panelThreads(threads, view({}), elsewhere).map((t) => t.id)).toEqual([open])
    expect(panelThreads(threads, view({ scope: 'course' }), done).map((t) => t.id)).toEqual([
      open,
      elsewhere,
      done,
    ])
    expect(panelThreads(threads, view({ lessonId: null }), done)).toEqual([])
  })
})
