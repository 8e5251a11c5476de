import type { CompletionRule } from '../../../../shared/course/types'

export type PassingScoreCheck =
  { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string }

const PROBLEM = 'Enter a whole number from 0 to 100, for example 80.'

/**
 * Reads the passing score as typed. Whole percentages only: that is what learners see in the player and
 * what SCORM 1.2's mastery score carries, and "80.5 %" would only invite rounding surprises.
 */
export const checkPassingScore = (text: string): PassingScoreCheck => {
  const trimmed = text.trim()
  if (!/^\d{1,3}$/.test(trimmed)) return { ok: false, message: PROBLEM }
  const value = Number(trimmed)
  return value <= 100 ? { ok: true, value } : { ok: false, message: PROBLEM }
}

export const COMPLETION_RULES: readonly {
  readonly rule: CompletionRule
  readonly label: string
  readonly hint: string
}[] = [
  {
    rule: 'all-lessons-viewed',
    label: 'All lessons viewed',
    hint: 'The course is complete once the learner has opened every lesson.',
  },
  {
    rule: 'passing-score',
    label: 'Passing score reached',
    hint: 'The course is complete once the learner’s knowledge-check score reaches the passing score.',
  },
]
