import type { QuestionChoice } from '../../../../../shared/course/content'
import { BlockTextField } from './BlockTextField'

interface ChoiceRowProps {
  readonly choice: QuestionChoice
  /** 1-based, as the author reads it. */
  readonly number: number
  /** Radio buttons for one correct answer, checkboxes for several. */
  readonly many: boolean
  /** The group the radio buttons share. */
  readonly group: string
  /** True/false choices are fixed: their text is not edited and they are not removed. */
  readonly fixed: boolean
  readonly onText: (text: string) => void
  readonly onCorrect: (correct: boolean) => void
  readonly onRemove: () => void
}

export function ChoiceRow({
  choice,
  number,
  many,
  group,
  fixed,
  onText,
  onCorrect,
  onRemove,
}: ChoiceRowProps) {
  return (
    <li className="block-choice">
      {fixed ? (
        <span className="block-choice-text">{choice.text}</span>
      ) : (
        <BlockTextField label={`Choice ${number}`} value={choice.text} inline onChange={onText} />
      )}
      {/* The name says which choice; it contains the visible "Correct", so speech users can say what they see. */}
      <label className="block-choice-correct">
        <input
          type={many ? 'checkbox' : 'radio'}
          name={group}
          aria-label={`Choice ${number} is correct`}
          checked={choice.correct}
          onChange={(event) => onCorrect(event.currentTarget.checked)}
        />
        <span aria-hidden="true">Correct</span>
      </label>
      {!fixed && (
        <button
          type="button"
          className="block-icon-button"
          aria-label={`Remove choice ${number}`}
          title="Remove choice"
          onClick={onRemove}
        >
          ×
        </button>
      )}
    </li>
  )
}
