import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { LessonId } from '../course/types'
import { entryKey } from './entries'
import { FEEDBACK_ROOT, readAllFeedback, recordAnswer, setLessonFeedback } from './feedback-doc'
import { watchAllFeedback } from './feedback-watch'
import type { LearnerRef } from './types'

const learner = (n: number): LearnerRef => ({ id: `u-${String(n).padStart(3, '0')}`, name: `Learner ${n}` })
const LESSONS = ['lesson-a', 'lesson-b', 'lesson-c'] as LessonId[]

const sync = (from: Y.Doc, to: Y.Doc): void =>
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))

/** Every second learner's feedback and answers on every lesson. */
const seeded = (): Y.Doc => {
  const doc = new Y.Doc()
  for (let n = 0; n < 40; n += 2)
    for (const lesson of LESSONS) {
      setLessonFeedback(doc, learner(n), lesson, { reaction: 'helpful', comment: `from ${n}` }, n)
      recordAnswer(doc, learner(n), lesson, 'q1', n % 4 === 0, n)
    }
  return doc
}

describe('watching every learner’s feedback', () => {
  it('reads what a full read reads, in the same order, after local and remote changes of every kind', () => {
    const doc = seeded()
    const remote = new Y.Doc()
    sync(doc, remote)
    let changes = 0
    const watch = watchAllFeedback(doc, () => changes++)
    expect(watch.current()).toEqual(readAllFeedback(doc))

    // A new learner whose entries sort between others', an update, a second try.
    setLessonFeedback(remote, learner(7), LESSONS[1] as LessonId, { reaction: 'confusing' }, 100)
    recordAnswer(remote, learner(7), LESSONS[1] as LessonId, 'q1', false, 100)
    sync(remote, doc)
    setLessonFeedback(doc, learner(2), LESSONS[0] as LessonId, { comment: 'changed' }, 101)
    recordAnswer(doc, learner(4), LESSONS[2] as LessonId, 'q1', true, 102)
    // Entries no version of Chorus writes are skipped, and one that becomes malformed leaves the list.
    const entries = doc.getMap(FEEDBACK_ROOT)
    entries.set('not a key', { reaction: 'helpful' })
    entries.set(
      entryKey({ kind: 'lesson', learnerId: learner(6).id, lessonId: LESSONS[0] as LessonId }),
      'junk',
    )
    entries.delete(entryKey({ kind: 'lesson', learnerId: learner(8).id, lessonId: LESSONS[1] as LessonId }))

    expect(changes).toBe(6)
    const after = watch.current()
    expect(after).toEqual(readAllFeedback(doc))
    expect(after.feedback.map((f) => f.learner.id)).toContain(learner(7).id)
    expect(after.feedback).toHaveLength(20 * 3 + 1 - 2)
    watch.stop()
  })

  it('keeps the reading and every entry a change did not touch, so a change costs what it touched', () => {
    const doc = seeded()
    const watch = watchAllFeedback(doc, () => {})
    const before = watch.current()
    expect(watch.current()).toBe(before)

    setLessonFeedback(doc, learner(10), LESSONS[1] as LessonId, { reaction: 'confusing' }, 200)
    const after = watch.current()
    expect(after).not.toBe(before)
    const changed = after.feedback.findIndex(
      (f) => f.learner.id === learner(10).id && f.lessonId === LESSONS[1],
    )
    expect(after.feedback[changed]).toMatchObject({ reaction: 'confusing' })
    after.feedback.forEach((entry, index) => {
      if (index !== changed) expect(entry).toBe(before.feedback[index])
    })
    after.answers.forEach((answer, index) => expect(answer).toBe(before.answers[index]))
    watch.stop()
  })

  it('stops following the document when stopped', () => {
    const doc = seeded()
    let changes = 0
    const watch = watchAllFeedback(doc, () => changes++)
    const before = watch.current()
    watch.stop()
    setLessonFeedback(doc, learner(99), LESSONS[0] as LessonId, { reaction: 'helpful' })
    expect(changes).toBe(0)
    expect(watch.current()).toBe(before)
  })
})
