/**
 * What the authors' Feedback panel shows, worked out from every learner's entries (feedback-doc.ts
 * readAllFeedback). Pure: the panel recomputes it on each change.
 */
import type { LessonId } from '../course/types'
import { LESSON_REACTIONS } from '../export/player/reactions'
import type {
  FeedbackSummary,
  LessonFeedback,
  LessonFeedbackSummary,
  LessonReactionName,
  QuestionAnswer,
  QuestionSummary,
} from './types'

/**
 * A question is flagged once at least this many learners answered it and more than half of them missed it on the
 * first try: with one or two answers a single slip would flag it.
 */
export const MOSTLY_MISSED_MIN_LEARNERS = 3

export interface AllFeedback {
  readonly feedback: readonly LessonFeedback[]
  readonly answers: readonly QuestionAnswer[]
}

const noReactions = (): Record<LessonReactionName, number> =>
  Object.fromEntries(LESSON_REACTIONS.map(({ name }) => [name, 0])) as Record<LessonReactionName, number>

const newestFirst = (a: LessonFeedback, b: LessonFeedback): number =>
  b.updatedAt - a.updatedAt || a.learner.id.localeCompare(b.learner.id)

const byQuestionId = new Intl.Collator('en', { numeric: true }).compare

/**
 * Summarises feedback on the course's current lessons, in the order given; entries on lessons no longer in the
 * course are left out (of the counts, the score and the learner count alike), since no author can act on them.
 * The score is the share of reactions that are "helpful", rounded to a whole percent.
 */
export const summariseFeedback = (all: AllFeedback, lessons: readonly LessonId[]): FeedbackSummary => {
  const inCourse = new Set<string>(lessons)
  const learners = new Set<string>()
  const perLesson = new Map<
    string,
    { counts: Record<LessonReactionName, number>; comments: LessonFeedback[] }
  >(lessons.map((id) => [id, { counts: noReactions(), comments: [] }]))
  let reactions = 0
  let helpful = 0
  for (const entry of all.feedback) {
    const lesson = perLesson.get(entry.lessonId)
    if (lesson === undefined) continue
    learners.add(entry.learner.id)
    if (entry.reaction !== null) {
      lesson.counts[entry.reaction] += 1
      reactions += 1
      if (entry.reaction === 'helpful') helpful += 1
    }
    if (entry.comment.trim() !== '') lesson.comments.push(entry)
  }

  const perQuestion = new Map<string, Map<string, { learners: number; firstTryCorrect: number }>>()
  for (const answer of all.answers) {
    if (!inCourse.has(answer.lessonId)) continue
    learners.add(answer.learner.id)
    let questions = perQuestion.get(answer.lessonId)
    if (questions === undefined) perQuestion.set(answer.lessonId, (questions = new Map()))
    const tally = questions.get(answer.questionId) ?? { learners: 0, firstTryCorrect: 0 }
    questions.set(answer.questionId, {
      learners: tally.learners + 1,
      firstTryCorrect: tally.firstTryCorrect + (answer.firstTryCorrect ? 1 : 0),
    })
  }

  const lessonSummaries: LessonFeedbackSummary[] = lessons.map((lessonId) => {
    const lesson = perLesson.get(lessonId) ?? { counts: noReactions(), comments: [] }
    return { lessonId, counts: lesson.counts, comments: [...lesson.comments].sort(newestFirst) }
  })
  const questions: QuestionSummary[] = lessons.flatMap((lessonId) =>
    [...(perQuestion.get(lessonId) ?? new Map<string, { learners: number; firstTryCorrect: number }>())]
      .sort(([a], [b]) => byQuestionId(a, b))
      .map(([questionId, tally]) => {
        const rate = tally.learners === 0 ? null : tally.firstTryCorrect / tally.learners
        return {
          lessonId,
          questionId,
          learners: tally.learners,
          firstTryCorrectRate: rate,
          mostlyMissed: rate !== null && tally.learners >= MOSTLY_MISSED_MIN_LEARNERS && rate < 0.5,
        }
      }),
  )
  return {
    learners: learners.size,
    score: reactions === 0 ? null : Math.round((helpful / reactions) * 100),
    lessons: lessonSummaries,
    questions,
  }
}
