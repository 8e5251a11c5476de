import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react'
import { useId } from 'react'
import type { QuestionAttrs } from '../../../../../shared/course/content'
import { canEditLesson } from '../read-only-lesson'
import { BlockSelectField } from './BlockSelectField'
import { BlockTextField } from './BlockTextField'
import { ChoiceRow } from './ChoiceRow'
import {
  QUESTION_KIND_NAMES,
  questionProblems,
  readQuestion,
  withChoiceAdded,
  withChoiceRemoved,
  withChoiceText,
  withCorrect,
  withKind,
} from './question-model'
import { QuestionReadOnly } from './QuestionReadOnly'
import { removeBlock } from './remove-block'

/** The question block in the editor: every part of the question is a control with a visible label. */
export function QuestionView({ node, editor, updateAttributes, getPos }: ReactNodeViewProps) {
  const group = useId()
  const q = readQuestion(node.attrs)
  if (!canEditLesson(editor)) return <QuestionReadOnly question={q} />

  const save = (next: QuestionAttrs) => updateAttributes({ ...next })
  const problems = questionProblems(q)
  return (
    <NodeViewWrapper className="block block-question" role="group" aria-label="Question">
      <div className="block-bar">
        <span className="block-kind">Knowledge check</span>
        <BlockSelectField
          label="Question type"
          value={q.kind}
          options={QUESTION_KIND_NAMES}
          onChange={(kind) => save(withKind(q, kind))}
        />
        <button type="button" className="block-remove" onClick={() => removeBlock(editor, getPos())}>
          Remove question
        </button>
      </div>
      <BlockTextField
        label="Question prompt"
        value={q.prompt}
        placeholder="Ask a question"
        multiline
        className="block-field block-prompt"
        onChange={(prompt) => save({ ...q, prompt })}
      />
      <fieldset className="block-choices">
        <legend>
          {q.kind === 'multiple' ? 'Choices (tick every correct one)' : 'Choices (pick the correct one)'}
        </legend>
        <ol>
          {q.choices.map((choice, index) => (
            <ChoiceRow
              key={choice.id}
              choice={choice}
              number={index + 1}
              many={q.kind === 'multiple'}
              group={group}
              fixed={q.kind === 'true-false'}
              onText={(text) => save(withChoiceText(q, index, text))}
              onCorrect={(correct) => save(withCorrect(q, index, correct))}
              onRemove={() => save(withChoiceRemoved(q, index))}
            />
          ))}
        </ol>
        {q.kind !== 'true-false' && (
          <button type="button" className="block-add" onClick={() => save(withChoiceAdded(q))}>
            Add choice
          </button>
        )}
      </fieldset>
      <div className="block-feedback">
        <BlockTextField
          label="Feedback when correct"
          value={q.feedbackCorrect}
          multiline
          onChange={(feedbackCorrect) => save({ ...q, feedbackCorrect })}
        />
        <BlockTextField
          label="Feedback when incorrect"
          value={q.feedbackIncorrect}
          multiline
          onChange={(feedbackIncorrect) => save({ ...q, feedbackIncorrect })}
        />
      </div>
      {problems.length > 0 && (
        <div className="block-problems">
          <p>Learners will not see this question until you:</p>
          <ul aria-label="Problems with this question">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
    </NodeViewWrapper>
  )
}
