import { useId, useState, type FormEvent } from 'react'
import type * as Y from 'yjs'
import { updateCourseSettings } from '../../../../shared/course/commands'
import type { CompletionRule, CourseSettings } from '../../../../shared/course/types'
import { Dialog } from '../../ui/Dialog'
import { checkPassingScore, COMPLETION_RULES } from './passing-score'

interface CourseSettingsDialogProps {
  readonly doc: Y.Doc
  /** The settings when the dialog opened; a co-author's later change shows the next time it opens. */
  readonly settings: CourseSettings
  readonly readOnly: boolean
  readonly onClose: () => void
}

/**
 * Passing score, completion rule and whether learners are asked about each lesson. Saved into the course document,
 * so they sync like any content.
 */
export function CourseSettingsDialog({ doc, settings, readOnly, onClose }: CourseSettingsDialogProps) {
  const [score, setScore] = useState(String(settings.passingScore))
  const [rule, setRule] = useState<CompletionRule>(settings.completionRule)
  const [askReactions, setAskReactions] = useState(settings.askLessonReactions)
  const [problem, setProblem] = useState<string | null>(null)
  const scoreId = useId()
  const problemId = useId()
  const scoreHintId = useId()
  const ruleHintId = useId()
  const reactionsHintId = useId()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (readOnly) return onClose()
    const check = checkPassingScore(score)
    if (!check.ok) {
      setProblem(check.message)
      return
    }
    updateCourseSettings(doc, {
      passingScore: check.value,
      completionRule: rule,
      askLessonReactions: askReactions,
    })
    onClose()
  }

  return (
    <Dialog
      role="dialog"
      title="Course settings"
      description={
        readOnly ? 'You can view these settings; only editors of this course can change them.' : undefined
      }
      onCancel={onClose}
    >
      <form className="dialog-form course-settings" onSubmit={submit} noValidate>
        <fieldset className="course-settings-fields" disabled={readOnly}>
          <label htmlFor={scoreId} className="field-label">
            Passing score (%)
          </label>
          <input
            id={scoreId}
            className="text-input course-settings-score"
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            step={1}
            value={score}
            onChange={(event) => {
              setScore(event.target.value)
              setProblem(null)
            }}
            aria-invalid={problem !== null}
            aria-describedby={problem !== null ? `${problemId} ${scoreHintId}` : scoreHintId}
            data-autofocus
          />
          <p id={scoreHintId} className="field-hint">
            The share of knowledge-check answers a learner must get right to pass.
          </p>
          {problem !== null && (
            <p id={problemId} className="field-problem" role="alert">
              {problem}
            </p>
          )}
          <fieldset className="course-settings-rules">
            <legend className="field-label">Completion rule</legend>
            {COMPLETION_RULES.map((option) => (
              <div key={option.rule} className="course-settings-rule">
                <label>
                  <input
                    type="radio"
                    name="completion-rule"
                    value={option.rule}
                    checked={rule === option.rule}
                    onChange={() => setRule(option.rule)}
                    aria-describedby={`${ruleHintId}-${option.rule}`}
                  />{' '}
                  {option.label}
                </label>
                <p id={`${ruleHintId}-${option.rule}`} className="field-hint">
                  {option.hint}
                </p>
              </div>
            ))}
          </fieldset>
          <div className="course-settings-reactions">
            <label>
              <input
                type="checkbox"
                checked={askReactions}
                onChange={(event) => setAskReactions(event.target.checked)}
                aria-describedby={reactionsHintId}
              />{' '}
              Ask learners whether each lesson helped
            </label>
            <p id={reactionsHintId} className="field-hint">
              Exported courses end each lesson with “Was this lesson helpful?”. SCORM packages report the
              answers to the LMS.
            </p>
          </div>
        </fieldset>
        <div className="dialog-actions">
          {readOnly ? (
            <button type="submit" className="button button-primary">
              Close
            </button>
          ) : (
            <>
              <button type="button" className="button" onClick={onClose}>
                Cancel
              </button>
              <button type="submit" className="button button-primary">
                Save settings
              </button>
            </>
          )}
        </div>
      </form>
    </Dialog>
  )
}
