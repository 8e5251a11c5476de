import { describe, expect, it } from 'vitest'
import type { CourseId, LessonId } from '../../../shared/course/types'
import {
  readAllFeedback,
  readLessonFeedback,
  recordAnswer,
  setLessonFeedback,
} from '../../../shared/feedback/feedback-doc'
import { fakeChorusDb } from '../storage/store-test-support'
import { openFeedbackStore } from './feedback-store'

const courseId = 'course-feedback' as CourseId
const lessonId = 'lesson-1' as LessonId
const lee = { id: 'lee', name: 'Lee' }

describe('openFeedbackStore', () => {
  it('keeps a learner’s feedback on the device across a restart, before any relay has it', async () => {
    const { db, reopen } = fakeChorusDb('chorus-feedback-store-test')
    const store = await openFeedbackStore(db, courseId)
    setLessonFeedback(store.doc, lee, lessonId, { reaction: 'confusing', comment: 'Which rain?' }, 1000)
    recordAnswer(store.doc, lee, lessonId, 'q1', false, 1001)
    recordAnswer(store.doc, lee, lessonId, 'q1', true, 1002)
    await store.close()
    db.close()

    const again = await openFeedbackStore(reopen(), courseId)
    try {
      expect(readLessonFeedback(again.doc, 'lee', lessonId)).toMatchObject({
        reaction: 'confusing',
        comment: 'Which rain?',
      })
      expect(readAllFeedback(again.doc).answers).toEqual([
        { learner: lee, lessonId, questionId: 'q1', firstTryCorrect: false, tries: 2, correct: true },
      ])
    } finally {
      await again.close()
    }
  })

  it('opens empty for a course nobody has given feedback on', async () => {
    const { db } = fakeChorusDb('chorus-feedback-store-empty')
    const store = await openFeedbackStore(db, courseId)
    try {
      expect(readAllFeedback(store.doc)).toEqual({ feedback: [], answers: [] })
    } finally {
      await store.close()
    }
  })
})
