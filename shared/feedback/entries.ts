/**
 * The entries of a course's feedback document as plain data: how an entry's key names its learner, lesson and
 * question, and what a stored value must hold. Written by the learner's device, read by the authors' Feedback
 * panel and checked by the relay (change-guard.ts), so every reader validates instead of trusting a peer.
 *
 * A key is a JSON array, so any user, lesson or question id fits without escaping rules:
 * `["lesson", userId, lessonId]` and `["question", userId, lessonId, questionId]`.
 */
import type { LessonId } from '../course/types'
import { LESSON_REACTIONS } from '../export/player/reactions'
import type { LearnerRef, LessonFeedback, LessonReactionName, QuestionAnswer } from './types'

/** Longest comment stored; the learner view limits its field to this, and the relay refuses longer ones. */
export const MAX_COMMENT_LENGTH = 2000
/** Longest user, lesson or question id and learner name an entry may carry. */
export const MAX_ID_LENGTH = 200
/** Tries counted per question; more are recorded as this many. */
export const MAX_TRIES = 1000

export type EntryKey =
  | { readonly kind: 'lesson'; readonly learnerId: string; readonly lessonId: LessonId }
  | {
      readonly kind: 'question'
      readonly learnerId: string
      readonly lessonId: LessonId
      readonly questionId: string
    }

/** What a lesson entry stores. */
export interface StoredLessonEntry {
  readonly learner: LearnerRef
  readonly reaction: LessonReactionName | null
  readonly comment: string
  readonly updatedAt: number
}

/** What a question entry stores. */
export interface StoredAnswerEntry {
  readonly learner: LearnerRef
  readonly firstTryCorrect: boolean
  readonly tries: number
  readonly correct: boolean
  readonly updatedAt: number
}

const isId = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH

export const entryKey = (key: EntryKey): string =>
  JSON.stringify(
    key.kind === 'lesson'
      ? [key.kind, key.learnerId, key.lessonId]
      : [key.kind, key.learnerId, key.lessonId, key.questionId],
  )

/** Longest key `entryKey` writes: four parts whose every character JSON may escape as six. */
const MAX_KEY_LENGTH = 4 * (6 * MAX_ID_LENGTH + 3)

const partsOf = (key: string): EntryKey | null => {
  let parts: unknown
  try {
    parts = JSON.parse(key)
  } catch {
    return null
  }
  if (!Array.isArray(parts) || !parts.every(isId)) return null
  const [kind, learnerId, lessonId, questionId] = parts as string[]
  if (learnerId === undefined || lessonId === undefined) return null
  if (kind === 'lesson' && parts.length === 3) return { kind, learnerId, lessonId: lessonId as LessonId }
  if (kind === 'question' && questionId !== undefined && parts.length === 4)
    return { kind, learnerId, lessonId: lessonId as LessonId, questionId }
  return null
}

/**
 * The key's parts; null for anything that is not a key `entryKey` writes. Only that exact spelling counts: the
 * same parts spelt differently (spaces, escapes) would be a second entry for the same learner and lesson, and a
 * learner could count their reaction many times over.
 */
export const parseEntryKey = (key: string): EntryKey | null => {
  if (key.length > MAX_KEY_LENGTH) return null
  const parts = partsOf(key)
  return parts !== null && entryKey(parts) === key ? parts : null
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const isTime = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0

const isReactionName = (value: unknown): value is LessonReactionName =>
  LESSON_REACTIONS.some((reaction) => reaction.name === value)

const parseLearner = (value: unknown, learnerId: string): LearnerRef | null =>
  isRecord(value) &&
  value.id === learnerId &&
  typeof value.name === 'string' &&
  value.name.length <= MAX_ID_LENGTH
    ? { id: learnerId, name: value.name }
    : null

/** A lesson entry's value, if it is well-formed and names the learner its key names. */
export const parseLessonEntry = (value: unknown, learnerId: string): StoredLessonEntry | null => {
  if (!isRecord(value)) return null
  const learner = parseLearner(value.learner, learnerId)
  const { reaction, comment, updatedAt } = value
  if (learner === null || !(reaction === null || isReactionName(reaction))) return null
  if (typeof comment !== 'string' || comment.length > MAX_COMMENT_LENGTH || !isTime(updatedAt)) return null
  return { learner, reaction, comment, updatedAt }
}

/** A question entry's value, if it is well-formed and names the learner its key names. */
export const parseAnswerEntry = (value: unknown, learnerId: string): StoredAnswerEntry | null => {
  if (!isRecord(value)) return null
  const learner = parseLearner(value.learner, learnerId)
  const { firstTryCorrect, tries, correct, updatedAt } = value
  if (learner === null || typeof firstTryCorrect !== 'boolean' || typeof correct !== 'boolean') return null
  if (typeof tries !== 'number' || !Number.isInteger(tries) || tries < 1 || tries > MAX_TRIES) return null
  if (!isTime(updatedAt)) return null
  return { learner, firstTryCorrect, tries, correct, updatedAt }
}

const LESSON_FIELDS: readonly (keyof StoredLessonEntry)[] = ['learner', 'reaction', 'comment', 'updatedAt']
const ANSWER_FIELDS: readonly (keyof StoredAnswerEntry)[] = [
  'learner',
  'firstTryCorrect',
  'tries',
  'correct',
  'updatedAt',
]
const LEARNER_FIELDS: readonly (keyof LearnerRef)[] = ['id', 'name']

const hasOnly = (value: Record<string, unknown>, fields: readonly string[]): boolean =>
  Object.keys(value).every((field) => fields.includes(field))

/**
 * Whether `value` is exactly what an entry under `key` may hold: well-formed, naming the key's learner, and no
 * field besides the ones above (the relay stores nothing it does not know; a new field needs the relay to know
 * it first). Readers are more lenient and ignore fields they do not know.
 */
export const isValidEntry = (key: EntryKey, value: unknown): boolean => {
  if (!isRecord(value) || !isRecord(value.learner) || !hasOnly(value.learner, LEARNER_FIELDS)) return false
  return key.kind === 'lesson'
    ? hasOnly(value, LESSON_FIELDS) && parseLessonEntry(value, key.learnerId) !== null
    : hasOnly(value, ANSWER_FIELDS) && parseAnswerEntry(value, key.learnerId) !== null
}

/** The learner name a well-formed entry carries (see `isValidEntry`). */
export const learnerNameOf = (value: unknown): string | null =>
  isRecord(value) && isRecord(value.learner) && typeof value.learner.name === 'string'
    ? value.learner.name
    : null

export const lessonFeedbackOf = (lessonId: LessonId, entry: StoredLessonEntry): LessonFeedback => ({
  learner: entry.learner,
  lessonId,
  reaction: entry.reaction,
  comment: entry.comment,
  updatedAt: entry.updatedAt,
})

export const questionAnswerOf = (
  lessonId: LessonId,
  questionId: string,
  entry: StoredAnswerEntry,
): QuestionAnswer => ({
  learner: entry.learner,
  lessonId,
  questionId,
  firstTryCorrect: entry.firstTryCorrect,
  tries: entry.tries,
  correct: entry.correct,
})
