import { useEffect, useId, useRef, useState } from 'react'
import type * as Y from 'yjs'
import type { LessonId } from '../../../../shared/course/types'
import { MAX_COMMENT_LENGTH } from '../../../../shared/feedback/entries'
import type { LearnerRef } from '../../../../shared/feedback/types'
import { LESSON_REACTIONS } from '../../../../shared/export/player/reactions'
import { useLearnerFeedback } from '../../feedback/use-learner-feedback'
import './feedback.css'

interface LessonFeedbackFormProps {
  /** The course's feedback document; null while it loads. */
  readonly doc: Y.Doc | null
  readonly learner: LearnerRef
  readonly lesson: { readonly id: LessonId; readonly title: string }
}

// Long enough not to write on every keystroke, short enough that closing the window right after typing loses nothing
// (leaving the field or the lesson saves at once too).
const COMMENT_SAVE_DELAY_MS = 400

/**
 * A pilot learner's feedback on the lesson they are on: a reaction (pressing the chosen one again takes it back)
 * and an optional comment, saved on this device as they type and sent to the authors through the relay.
 * Mount it with the lesson's id as key: a draft belongs to one lesson.
 */
export function LessonFeedbackForm({ doc, learner, lesson }: LessonFeedbackFormProps) {
  const { own, react, comment } = useLearnerFeedback(doc, learner, lesson.id)
  const [draft, setDraft] = useState<string | null>(null)
  const pending = useRef<string | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const commentRef = useRef(comment)
  const fieldId = useId()
  const hintId = useId()
  const chosen = own?.reaction ?? null
  const shown = draft ?? own?.comment ?? ''

  const save = (): void => {
    if (timer.current !== null) clearTimeout(timer.current)
    timer.current = null
    if (pending.current !== null) commentRef.current(pending.current)
    pending.current = null
  }
  const saveRef = useRef(save)
  useEffect(() => {
    commentRef.current = comment
    saveRef.current = save
  })
  // Leaving the lesson (or the course) saves what was typed.
  useEffect(() => () => saveRef.current(), [])

  const type = (text: string): void => {
    setDraft(text)
    pending.current = text
    if (timer.current !== null) clearTimeout(timer.current)
    timer.current = setTimeout(save, COMMENT_SAVE_DELAY_MS)
  }

  return (
    <section className="lesson-feedback" aria-labelledby={`${fieldId}-heading`}>
      <h2 id={`${fieldId}-heading`} className="lesson-feedback-title">
        Your feedback on “{lesson.title}”
      </h2>
      <div className="lesson-feedback-reactions" role="group" aria-label="Was this lesson helpful?">
        {LESSON_REACTIONS.map(({ name, label }) => (
          <button
            key={name}
            type="button"
            className="button reaction-button"
            aria-pressed={chosen === name}
            disabled={doc === null}
            onClick={() => react(chosen === name ? null : name)}
          >
            {label}
          </button>
        ))}
      </div>
      <label className="field-label" htmlFor={fieldId}>
        Comment for the authors (optional)
      </label>
      <textarea
        id={fieldId}
        className="text-input lesson-feedback-comment"
        rows={4}
        maxLength={MAX_COMMENT_LENGTH}
        value={shown}
        disabled={doc === null}
        aria-describedby={hintId}
        onChange={(event) => type(event.target.value)}
        onBlur={save}
      />
      <p id={hintId} className="quiet lesson-feedback-hint">
        Saved as you type. Only the course’s authors and reviewers see your feedback, with your name.
      </p>
    </section>
  )
}
