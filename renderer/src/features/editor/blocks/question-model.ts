/**
 * A knowledge check as the author edits it: pure functions from one QuestionAttrs to the next, and what is
 * still missing before learners can see it. The exporter skips a question without two choices and a correct
 * one (shared/export/content-attrs.ts), so the problems listed here are exactly what keeps it out.
 */
import type { QuestionAttrs, QuestionChoice, QuestionKind } from '../../../../../shared/course/content'
import { randomString } from '../../../../../shared/course/ids'

export const newQuestionId = (): string => randomString(22)
const newChoiceId = (): string => randomString(10)

const TRUE_FALSE: readonly QuestionChoice[] = [
  { id: 'true', text: 'True', correct: true },
  { id: 'false', text: 'False', correct: false },
]

export const QUESTION_KIND_NAMES: Readonly<Record<QuestionKind, string>> = {
  single: 'Single choice',
  multiple: 'Multiple choice',
  'true-false': 'True or false',
}

const KINDS = Object.keys(QUESTION_KIND_NAMES) as QuestionKind[]

export const newQuestion = (kind: QuestionKind = 'single'): QuestionAttrs => ({
  id: newQuestionId(),
  kind,
  prompt: '',
  choices:
    kind === 'true-false'
      ? TRUE_FALSE
      : [
          { id: newChoiceId(), text: '', correct: false },
          { id: newChoiceId(), text: '', correct: false },
        ],
  feedbackCorrect: '',
  feedbackIncorrect: '',
})

const str = (value: unknown): string => (typeof value === 'string' ? value : '')

/** Reads attrs as stored (any co-author's app version may have written them) into a complete question. */
export const readQuestion = (attrs: Readonly<Record<string, unknown>>): QuestionAttrs => {
  const kind = KINDS.find((k) => k === attrs.kind) ?? 'single'
  const choices = Array.isArray(attrs.choices)
    ? attrs.choices.flatMap((value: unknown): QuestionChoice[] => {
        if (typeof value !== 'object' || value === null) return []
        const c = value as Record<string, unknown>
        return [{ id: str(c.id) || newChoiceId(), text: str(c.text), correct: c.correct === true }]
      })
    : []
  return {
    id: str(attrs.id),
    kind,
    prompt: str(attrs.prompt),
    choices,
    feedbackCorrect: str(attrs.feedbackCorrect),
    feedbackIncorrect: str(attrs.feedbackIncorrect),
  }
}

const onlyFirstCorrect = (choices: readonly QuestionChoice[]): QuestionChoice[] => {
  const first = choices.findIndex((c) => c.correct)
  return choices.map((c, i) => ({ ...c, correct: i === first }))
}

/** True/false has its two fixed choices; leaving it keeps them as editable text; single keeps one correct. */
export const withKind = (q: QuestionAttrs, kind: QuestionKind): QuestionAttrs => {
  if (kind === q.kind) return q
  if (kind === 'true-false') {
    const trueCorrect = q.kind === 'true-false' ? (q.choices[0]?.correct ?? true) : true
    return {
      ...q,
      kind,
      choices: TRUE_FALSE.map((c, i) => ({ ...c, correct: i === 0 ? trueCorrect : !trueCorrect })),
    }
  }
  const choices = q.kind === 'true-false' ? q.choices.map((c) => ({ ...c, id: newChoiceId() })) : q.choices
  return { ...q, kind, choices: kind === 'single' ? onlyFirstCorrect(choices) : choices }
}

export const withChoiceAdded = (q: QuestionAttrs): QuestionAttrs =>
  q.kind === 'true-false'
    ? q
    : { ...q, choices: [...q.choices, { id: newChoiceId(), text: '', correct: false }] }

export const withChoiceRemoved = (q: QuestionAttrs, index: number): QuestionAttrs =>
  q.kind === 'true-false' ? q : { ...q, choices: q.choices.filter((_, i) => i !== index) }

export const withChoiceText = (q: QuestionAttrs, index: number, text: string): QuestionAttrs =>
  q.kind === 'true-false' ? q : { ...q, choices: q.choices.map((c, i) => (i === index ? { ...c, text } : c)) }

/** Multiple choice toggles the one choice; single and true/false make it the only correct one. */
export const withCorrect = (q: QuestionAttrs, index: number, correct: boolean): QuestionAttrs => ({
  ...q,
  choices: q.choices.map((c, i) =>
    q.kind === 'multiple' ? (i === index ? { ...c, correct } : c) : { ...c, correct: i === index },
  ),
})

/** What the author still has to do; an empty list means learners see the question. */
export const questionProblems = (q: QuestionAttrs): string[] => [
  ...(q.prompt.trim() === '' ? ['Write the question prompt.'] : []),
  ...(q.choices.length < 2 ? ['Add at least two choices.'] : []),
  ...(q.choices.some((c) => c.text.trim() === '') ? ['Give every choice some text.'] : []),
  ...(q.choices.some((c) => c.correct) ? [] : ['Mark at least one correct answer.']),
]
