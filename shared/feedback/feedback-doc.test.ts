import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { LessonId } from '../course/types'
import { MAX_COMMENT_LENGTH, entryKey } from './entries'
import {
  FEEDBACK_ORIGIN,
  FEEDBACK_ROOT,
  observeFeedbackKeys,
  readAllFeedback,
  readLessonFeedback,
  readQuestionAnswer,
  recordAnswer,
  setLessonFeedback,
} from './feedback-doc'
import type { LearnerRef } from './types'

const ANN: LearnerRef = { id: 'u-ann', name: 'Ann' }
const BEN: LearnerRef = { id: 'u-ben', name: 'Ben' }
const LESSON = 'lesson-1' as LessonId

const sync = (from: Y.Doc, to: Y.Doc): void =>
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))

describe('a learner’s feedback on a lesson', () => {
  it('keeps the reaction when only the comment changes, and the comment when only the reaction does', () => {
    const doc = new Y.Doc()
    expect(readLessonFeedback(doc, ANN.id, LESSON)).toBeNull()
    setLessonFeedback(doc, ANN, LESSON, { reaction: 'confusing' }, 10)
    setLessonFeedback(doc, ANN, LESSON, { comment: 'Step 2 skips a step.' }, 20)
    expect(readLessonFeedback(doc, ANN.id, LESSON)).toEqual({
      learner: ANN,
      lessonId: LESSON,
      reaction: 'confusing',
      comment: 'Step 2 skips a step.',
      updatedAt: 20,
    })
    setLessonFeedback(doc, ANN, LESSON, { reaction: null }, 30)
    expect(readLessonFeedback(doc, ANN.id, LESSON)).toMatchObject({
      reaction: null,
      comment: 'Step 2 skips a step.',
    })
    expect(readLessonFeedback(doc, BEN.id, LESSON)).toBeNull()
  })

  it('writes nothing when nothing changes, and cuts an over-long comment to the limit', () => {
    const doc = new Y.Doc()
    setLessonFeedback(doc, ANN, LESSON, { reaction: 'helpful', comment: 'x'.repeat(MAX_COMMENT_LENGTH + 50) })
    expect(readLessonFeedback(doc, ANN.id, LESSON)?.comment).toHaveLength(MAX_COMMENT_LENGTH)
    let updates = 0
    doc.on('update', () => updates++)
    setLessonFeedback(doc, ANN, LESSON, { reaction: 'helpful' })
    expect(updates).toBe(0)
  })

  it('refuses ids the relay would refuse, before writing anything', () => {
    const doc = new Y.Doc()
    expect(() => setLessonFeedback(doc, { id: '', name: 'Nobody' }, LESSON, { reaction: 'helpful' })).toThrow(
      /learner id/,
    )
    expect(() => recordAnswer(doc, ANN, LESSON, 'q'.repeat(1000), true)).toThrow(/question id/)
    expect(doc.getMap(FEEDBACK_ROOT).size).toBe(0)
  })

  it('stores ids of any characters, each as what it is', () => {
    const doc = new Y.Doc()
    const odd: LearnerRef = { id: 'u-"quoted", with \\ and \u0001 and ключ', name: 'Odd' }
    const lessonId = 'lesson","u-ann' as LessonId
    setLessonFeedback(doc, odd, lessonId, { reaction: 'helpful' }, 1)
    expect(readLessonFeedback(doc, odd.id, lessonId)?.reaction).toBe('helpful')
    expect(readLessonFeedback(doc, ANN.id, lessonId)).toBeNull()
    expect(readAllFeedback(doc).feedback).toEqual([
      { learner: odd, lessonId, reaction: 'helpful', comment: '', updatedAt: 1 },
    ])
  })

  it('runs each command in one transaction with the feedback origin', () => {
    const doc = new Y.Doc()
    const origins: unknown[] = []
    doc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin))
    setLessonFeedback(doc, ANN, LESSON, { reaction: 'helpful' })
    recordAnswer(doc, ANN, LESSON, 'q1', true)
    expect(origins).toEqual([FEEDBACK_ORIGIN, FEEDBACK_ORIGIN])
  })
})

describe('a learner’s answers', () => {
  it('keeps the first try, counts the tries and tracks whether the latest is correct', () => {
    const doc = new Y.Doc()
    recordAnswer(doc, ANN, LESSON, 'q1', false, 1)
    recordAnswer(doc, ANN, LESSON, 'q1', false, 2)
    recordAnswer(doc, ANN, LESSON, 'q1', true, 3)
    expect(readQuestionAnswer(doc, ANN.id, LESSON, 'q1')).toEqual({
      learner: ANN,
      lessonId: LESSON,
      questionId: 'q1',
      firstTryCorrect: false,
      tries: 3,
      correct: true,
    })
    recordAnswer(doc, BEN, LESSON, 'q1', true, 4)
    expect(readQuestionAnswer(doc, BEN.id, LESSON, 'q1')).toMatchObject({ firstTryCorrect: true, tries: 1 })
    expect(readQuestionAnswer(doc, BEN.id, LESSON, 'q2')).toBeNull()
  })
})

describe('reading everyone’s feedback', () => {
  it('lists every entry in the same order on every replica', () => {
    const ann = new Y.Doc()
    const ben = new Y.Doc()
    setLessonFeedback(ann, ANN, LESSON, { reaction: 'helpful' }, 1)
    recordAnswer(ann, ANN, LESSON, 'q1', true, 2)
    setLessonFeedback(ben, BEN, LESSON, { reaction: 'confusing', comment: 'Hm.' }, 3)
    sync(ann, ben)
    sync(ben, ann)
    const all = readAllFeedback(ann)
    expect(readAllFeedback(ben)).toEqual(all)
    expect(all.feedback.map((entry) => [entry.learner.id, entry.reaction])).toEqual([
      ['u-ann', 'helpful'],
      ['u-ben', 'confusing'],
    ])
    expect(all.answers).toHaveLength(1)
  })

  it('skips malformed entries instead of failing', () => {
    const doc = new Y.Doc()
    setLessonFeedback(doc, ANN, LESSON, { reaction: 'helpful' }, 1)
    const map = doc.getMap(FEEDBACK_ROOT)
    map.set('not a key', { reaction: 'helpful' })
    // Ann's entry again under the same parts spelt differently: counting it would count her twice.
    map.set(`["lesson", "${ANN.id}", "${LESSON}"]`, {
      learner: ANN,
      reaction: 'confusing',
      comment: '',
      updatedAt: 1,
    })
    map.set(entryKey({ kind: 'lesson', learnerId: BEN.id, lessonId: LESSON }), { reaction: 'wow' })
    map.set(entryKey({ kind: 'lesson', learnerId: 'u-cy', lessonId: LESSON }), {
      learner: ANN,
      reaction: 'helpful',
      comment: '',
      updatedAt: 1,
    })
    map.set(entryKey({ kind: 'question', learnerId: BEN.id, lessonId: LESSON, questionId: 'q' }), new Y.Map())
    map.set(entryKey({ kind: 'question', learnerId: ANN.id, lessonId: LESSON, questionId: 'q' }), {
      learner: ANN,
      firstTryCorrect: true,
      tries: -1,
      correct: true,
      updatedAt: 1,
    })
    expect(readAllFeedback(doc)).toEqual({
      feedback: [{ learner: ANN, lessonId: LESSON, reaction: 'helpful', comment: '', updatedAt: 1 }],
      answers: [],
    })
  })

  it('tells an observer which entries local and remote changes touched, until it unsubscribes', () => {
    const doc = new Y.Doc()
    const remote = new Y.Doc()
    const changes: string[][] = []
    const stop = observeFeedbackKeys(doc, (keys) => changes.push([...keys]))
    setLessonFeedback(doc, ANN, LESSON, { reaction: 'helpful' })
    setLessonFeedback(remote, BEN, LESSON, { reaction: 'helpful' })
    sync(remote, doc)
    expect(changes).toEqual([
      [entryKey({ kind: 'lesson', learnerId: ANN.id, lessonId: LESSON })],
      [entryKey({ kind: 'lesson', learnerId: BEN.id, lessonId: LESSON })],
    ])
    stop()
    recordAnswer(doc, ANN, LESSON, 'q1', true)
    expect(changes).toHaveLength(2)
  })
})
