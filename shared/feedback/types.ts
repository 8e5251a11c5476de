/**
 * Pilot learners' feedback on a course as the UI reads it: plain values, no Y types. The feedback lives in its
 * own document per course (room `<courseId>/feedback`), owned by shared/feedback/; each learner writes only
 * their own entries, which the relay enforces (shared/feedback/change-guard.ts).
 */
import type { LessonId } from '../course/types'
import type { LessonReactionName } from '../export/player/reactions'

export type { LessonReactionName }

export interface LearnerRef {
  readonly id: string
  readonly name: string
}

/** One learner's reaction to one lesson, with an optional comment. */
export interface LessonFeedback {
  readonly learner: LearnerRef
  readonly lessonId: LessonId
  readonly reaction: LessonReactionName | null
  readonly comment: string
  /** Milliseconds since the epoch of the last change. */
  readonly updatedAt: number
}

/** One learner's answers to one question: whether the first try was correct, and how many tries so far. */
export interface QuestionAnswer {
  readonly learner: LearnerRef
  readonly lessonId: LessonId
  readonly questionId: string
  readonly firstTryCorrect: boolean
  readonly tries: number
  readonly correct: boolean
}

export interface LessonFeedbackSummary {
  readonly lessonId: LessonId
  readonly counts: Readonly<Record<LessonReactionName, number>>
  readonly comments: readonly LessonFeedback[]
}

export interface QuestionSummary {
  readonly lessonId: LessonId
  readonly questionId: string
  readonly learners: number
  /** 0–1; null when nobody answered yet. */
  readonly firstTryCorrectRate: number | null
  /** True when most learners who answered missed it on the first try. */
  readonly mostlyMissed: boolean
}

export interface FeedbackSummary {
  readonly learners: number
  /** Share of reactions that are "helpful", 0–100; null with no reactions yet. */
  readonly score: number | null
  readonly lessons: readonly LessonFeedbackSummary[]
  readonly questions: readonly QuestionSummary[]
}
