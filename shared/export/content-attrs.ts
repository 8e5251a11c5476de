import {
  isMediaHash,
  type CalloutTone,
  type ContentNode,
  type ImageAttrs,
  type MediaAttrs,
  type QuestionAttrs,
  type QuestionChoice,
  type QuestionKind,
} from '../course/content'

/**
 * Reads the attrs of Chorus's own blocks defensively: lesson bodies come from a shared document that any
 * co-author's app version may have written, so a malformed block is skipped, never allowed to break an export.
 */
const str = (value: unknown): string => (typeof value === 'string' ? value : '')

const QUESTION_KINDS: readonly QuestionKind[] = ['single', 'multiple', 'true-false']

const choiceOf = (value: unknown): QuestionChoice | null => {
  if (typeof value !== 'object' || value === null) return null
  const c = value as Record<string, unknown>
  return { id: str(c.id), text: str(c.text), correct: c.correct === true }
}

/** A question the learner can answer: a known kind, two or more choices, at least one of them correct. */
export const questionAttrs = (node: ContentNode): QuestionAttrs | null => {
  const a = node.attrs ?? {}
  const kind = QUESTION_KINDS.find((k) => k === a.kind)
  if (!kind || !Array.isArray(a.choices)) return null
  const choices = a.choices.map(choiceOf).filter((c): c is QuestionChoice => c !== null)
  if (choices.length < 2 || !choices.some((c) => c.correct)) return null
  return {
    id: str(a.id),
    kind,
    prompt: str(a.prompt),
    choices,
    feedbackCorrect: str(a.feedbackCorrect),
    feedbackIncorrect: str(a.feedbackIncorrect),
  }
}

export const imageAttrs = (node: ContentNode): ImageAttrs | null => {
  const a = node.attrs ?? {}
  const hash = str(a.hash).toLowerCase()
  return isMediaHash(hash) ? { hash, alt: str(a.alt), mime: str(a.mime) } : null
}

export const mediaAttrs = (node: ContentNode): MediaAttrs | null => {
  const a = node.attrs ?? {}
  const hash = str(a.hash).toLowerCase()
  return isMediaHash(hash) ? { hash, mime: str(a.mime), title: str(a.title) } : null
}

export const calloutTone = (node: ContentNode): CalloutTone => {
  const tone = node.attrs?.tone
  return tone === 'tip' || tone === 'warning' ? tone : 'info'
}
