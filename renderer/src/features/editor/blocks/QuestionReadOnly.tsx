import { NodeViewWrapper } from '@tiptap/react'
import type { QuestionAttrs } from '../../../../../shared/course/content'
import { QUESTION_KIND_NAMES } from './question-model'

/** A question as a reader of the course (read-only access, a reviewer) sees it: answers marked, nothing to edit. */
export function QuestionReadOnly({ question: q }: { readonly question: QuestionAttrs }) {
  return (
    <NodeViewWrapper className="block block-question" role="group" aria-label="Question">
      <p className="block-kind">Knowledge check · {QUESTION_KIND_NAMES[q.kind]}</p>
      <p className="block-prompt-text">{q.prompt || 'No prompt yet'}</p>
      <ul className="block-choices-read">
        {q.choices.map((choice) => (
          <li key={choice.id} className={choice.correct ? 'block-choice-right' : undefined}>
            {choice.text}
            {choice.correct && <span className="block-correct-mark"> (correct)</span>}
          </li>
        ))}
      </ul>
      {q.feedbackCorrect && <p className="block-feedback-text">When correct: {q.feedbackCorrect}</p>}
      {q.feedbackIncorrect && <p className="block-feedback-text">When incorrect: {q.feedbackIncorrect}</p>}
    </NodeViewWrapper>
  )
}
