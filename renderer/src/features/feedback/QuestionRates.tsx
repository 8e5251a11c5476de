import { useId, useMemo } from 'react'
import type * as Y from 'yjs'
import type { LessonId } from '../../../../shared/course/types'
import type { QuestionSummary } from '../../../../shared/feedback/types'
import { questionPrompts } from './question-prompts'

interface QuestionRatesProps {
  readonly courseDoc: Y.Doc
  readonly questions: readonly QuestionSummary[]
  readonly lessonIds: readonly LessonId[]
  readonly titleOf: (id: LessonId) => string
}

const percent = (rate: number | null): string => (rate === null ? '–' : `${Math.round(rate * 100)} %`)

/**
 * Each answered question's first-try correct rate; those most learners miss are flagged for the authors. Only
 * questions the course has now are listed: answers to one removed since say nothing about the course, and a
 * learner's device could name questions that never existed.
 */
export function QuestionRates({ courseDoc, questions: answered, lessonIds, titleOf }: QuestionRatesProps) {
  // Read when the panel opens or the lessons change, not on every keystroke: the prompts only name the questions.
  const prompts = useMemo(() => questionPrompts(courseDoc, lessonIds), [courseDoc, lessonIds])
  const headingId = useId()
  const questions = answered.filter((question) => prompts.has(question.questionId))
  if (questions.length === 0) return null
  return (
    <section className="feedback-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Questions</h3>
      <ul className="feedback-questions">
        {questions.map((question) => {
          const prompt = prompts.get(question.questionId)
          return (
            <li
              key={`${question.lessonId}/${question.questionId}`}
              className={question.mostlyMissed ? 'missed' : ''}
            >
              <span className="feedback-question-prompt">{prompt?.trim() || 'Untitled question'}</span>{' '}
              <span className="quiet">({titleOf(question.lessonId)})</span>
              <br />
              First try correct: <strong>{percent(question.firstTryCorrectRate)}</strong> of{' '}
              {question.learners} {question.learners === 1 ? 'learner' : 'learners'}
              {question.mostlyMissed && (
                <strong className="feedback-flag"> · Most learners miss this question</strong>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
