import { describe, expect, it } from 'vitest'
import type { LessonId } from '../course/types'
import { MOSTLY_MISSED_MIN_LEARNERS, summariseFeedback } from './summary'
import type { LearnerRef, LessonFeedback, LessonReactionName, QuestionAnswer } from './types'

const L1 = 'lesson-1' as LessonId
const L2 = 'lesson-2' as LessonId
const GONE = 'lesson-removed' as LessonId

const learner = (n: number): LearnerRef => ({ id: `u-${n}`, name: `Learner ${n}` })

const reacted = (
  n: number,
  lessonId: LessonId,
  reaction: LessonReactionName | null,
  comment = '',
  updatedAt = n,
): LessonFeedback => ({ learner: learner(n), lessonId, reaction, comment, updatedAt })

const answered = (
  n: number,
  lessonId: LessonId,
  questionId: string,
  firstTryCorrect: boolean,
): QuestionAnswer => ({
  learner: learner(n),
  lessonId,
  questionId,
  firstTryCorrect,
  tries: firstTryCorrect ? 1 : 2,
  correct: true,
})

describe('the feedback summary', () => {
  it('is empty, with no score, before any learner gave feedback', () => {
    expect(summariseFeedback({ feedback: [], answers: [] }, [L1])).toEqual({
      learners: 0,
      score: null,
      lessons: [{ lessonId: L1, counts: { helpful: 0, 'not-helpful': 0, confusing: 0 }, comments: [] }],
      questions: [],
    })
  })

  it('counts reactions per lesson and scores the course by the share of helpful ones', () => {
    const summary = summariseFeedback(
      {
        feedback: [
          reacted(1, L1, 'helpful'),
          reacted(2, L1, 'helpful'),
          reacted(3, L1, 'confusing'),
          reacted(1, L2, 'not-helpful'),
          reacted(4, L2, null, 'Only a comment.'),
        ],
        answers: [],
      },
      [L2, L1],
    )
    expect(summary.lessons.map(({ lessonId, counts }) => [lessonId, counts])).toEqual([
      [L2, { helpful: 0, 'not-helpful': 1, confusing: 0 }],
      [L1, { helpful: 2, 'not-helpful': 0, confusing: 1 }],
    ])
    // Two of four reactions are helpful; a comment without a reaction does not count.
    expect(summary.score).toBe(50)
    expect(summary.learners).toBe(4)
  })

  it('lists each lesson’s comments newest first, leaving out blank ones', () => {
    const summary = summariseFeedback(
      {
        feedback: [
          reacted(1, L1, 'helpful', 'First', 100),
          reacted(2, L1, 'confusing', 'Latest', 300),
          reacted(3, L1, 'helpful', '   ', 400),
          reacted(4, L1, null, 'Middle', 200),
        ],
        answers: [],
      },
      [L1],
    )
    expect(summary.lessons[0]?.comments.map((entry) => entry.comment)).toEqual(['Latest', 'Middle', 'First'])
  })

  it('gives each question its first-try correct rate and flags the ones most learners miss', () => {
    const answers = [
      // q1: 1 of 3 right first time — flagged.
      answered(1, L1, 'q1', true),
      answered(2, L1, 'q1', false),
      answered(3, L1, 'q1', false),
      // q2: 2 of 4 — half is not most: not flagged.
      answered(1, L1, 'q2', true),
      answered(2, L1, 'q2', true),
      answered(3, L1, 'q2', false),
      answered(4, L1, 'q2', false),
      // q10 sorts after q2; both its learners missed it, but two are too few to flag.
      answered(1, L1, 'q10', false),
      answered(2, L1, 'q10', false),
      answered(1, L2, 'q1', true),
    ]
    const summary = summariseFeedback({ feedback: [], answers }, [L1, L2])
    expect(MOSTLY_MISSED_MIN_LEARNERS).toBe(3)
    expect(summary.questions).toEqual([
      { lessonId: L1, questionId: 'q1', learners: 3, firstTryCorrectRate: 1 / 3, mostlyMissed: true },
      { lessonId: L1, questionId: 'q2', learners: 4, firstTryCorrectRate: 0.5, mostlyMissed: false },
      { lessonId: L1, questionId: 'q10', learners: 2, firstTryCorrectRate: 0, mostlyMissed: false },
      { lessonId: L2, questionId: 'q1', learners: 1, firstTryCorrectRate: 1, mostlyMissed: false },
    ])
    expect(summary.learners).toBe(4)
    expect(summary.score).toBeNull()
  })

  it('leaves out feedback and answers on lessons no longer in the course', () => {
    const summary = summariseFeedback(
      {
        feedback: [reacted(1, GONE, 'not-helpful', 'Old lesson'), reacted(2, L1, 'helpful')],
        answers: [answered(3, GONE, 'q1', false)],
      },
      [L1],
    )
    expect(summary.score).toBe(100)
    expect(summary.learners).toBe(1)
    expect(summary.lessons).toHaveLength(1)
    expect(summary.questions).toEqual([])
  })

  it('rounds the score to a whole percent', () => {
    const summary = summariseFeedback(
      {
        feedback: [reacted(1, L1, 'helpful'), reacted(2, L1, 'confusing'), reacted(3, L1, 'confusing')],
        answers: [],
      },
      [L1],
    )
    expect(summary.score).toBe(33)
  })
})
