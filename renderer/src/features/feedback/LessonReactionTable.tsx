import type { LessonId } from '../../../../shared/course/types'
import { LESSON_REACTIONS } from '../../../../shared/export/player/reactions'
import type { LessonFeedbackSummary } from '../../../../shared/feedback/types'

interface LessonReactionTableProps {
  readonly lessons: readonly LessonFeedbackSummary[]
  readonly titleOf: (id: LessonId) => string
}

/** How many learners found each lesson helpful, not helpful or confusing, in course order. */
export function LessonReactionTable({ lessons, titleOf }: LessonReactionTableProps) {
  return (
    <table className="feedback-table">
      <caption>Reactions per lesson</caption>
      <thead>
        <tr>
          <th scope="col">Lesson</th>
          {LESSON_REACTIONS.map(({ name, label }) => (
            <th key={name} scope="col">
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {lessons.map((lesson) => (
          <tr key={lesson.lessonId}>
            <th scope="row">{titleOf(lesson.lessonId)}</th>
            {LESSON_REACTIONS.map(({ name }) => (
              <td key={name}>{lesson.counts[name]}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
