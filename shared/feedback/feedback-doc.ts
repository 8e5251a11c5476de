/**
 * The one place that knows the feedback document's shape. One feedback Y.Doc per course, synced in its own room
 * (`<courseId>/feedback`), where only learners write and each only their own entries (change-guard.ts).
 *
 * - root Y.Map `entries`: entry key (entries.ts: `["lesson", userId, lessonId]` or
 *   `["question", userId, lessonId, questionId]`) → plain JSON value naming the learner
 *   (`{ learner: { id, name }, reaction, comment, updatedAt }` or
 *   `{ learner: { id, name }, firstTryCorrect, tries, correct, updatedAt }`).
 *
 * One flat map of plain values rather than a nested map per learner: a learner who gives feedback on two devices
 * while offline would create that nested map twice, and Yjs keeps only one of two maps written at the same key,
 * losing everything the other device wrote. With flat entries the two devices' writes to different lessons both
 * stay, and two writes to the same lesson resolve to the later one. It also lets the relay judge an update by the
 * keys it writes alone: every key carries its learner's id.
 */
import type * as Y from 'yjs'
import type { LessonId } from '../course/types'
import {
  MAX_COMMENT_LENGTH,
  MAX_ID_LENGTH,
  MAX_TRIES,
  entryKey,
  lessonFeedbackOf,
  parseAnswerEntry,
  parseEntryKey,
  parseLessonEntry,
  questionAnswerOf,
  type EntryKey,
  type StoredAnswerEntry,
  type StoredLessonEntry,
} from './entries'
import type { LearnerRef, LessonFeedback, LessonReactionName, QuestionAnswer } from './types'

export const FEEDBACK_ROOT = 'entries'

/**
 * The origin of every feedback command's transaction, so an undo manager or a sync layer can tell the local
 * learner's changes apart. `Symbol.for` keeps it identical even if a bundle holds two copies of this module.
 */
export const FEEDBACK_ORIGIN: unique symbol = Symbol.for('chorus.origin.feedback')

const entriesMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(FEEDBACK_ROOT)

export interface LessonFeedbackChange {
  /** The new reaction, or null to take it back; absent keeps the current one. */
  readonly reaction?: LessonReactionName | null
  /** The new comment ('' for none); absent keeps the current one. */
  readonly comment?: string
}

/** Ids are checked here so that a write the relay would refuse (and close the connection over) is never made. */
const requireId = (what: string, id: string): void => {
  if (id.length === 0 || id.length > MAX_ID_LENGTH)
    throw new RangeError(`A feedback ${what} must be 1 to ${MAX_ID_LENGTH} characters long.`)
}

const storedLearner = (learner: LearnerRef): LearnerRef => {
  requireId('learner id', learner.id)
  return { id: learner.id, name: learner.name.slice(0, MAX_ID_LENGTH) }
}

const readEntry = <T>(
  doc: Y.Doc,
  key: EntryKey,
  parse: (value: unknown, learnerId: string) => T | null,
): T | null => parse(entriesMap(doc).get(entryKey(key)), key.learnerId)

/**
 * Sets the learner's reaction to a lesson and/or their comment on it. A comment longer than
 * `MAX_COMMENT_LENGTH` is cut to it (the learner view's field stops there anyway). Writes nothing when nothing
 * changes, so re-sending the same reaction adds no history to the document.
 */
export const setLessonFeedback = (
  doc: Y.Doc,
  learner: LearnerRef,
  lessonId: LessonId,
  change: LessonFeedbackChange,
  now: number = Date.now(),
): void => {
  const who = storedLearner(learner)
  requireId('lesson id', lessonId)
  const key: EntryKey = { kind: 'lesson', learnerId: who.id, lessonId }
  doc.transact(() => {
    const held = readEntry(doc, key, parseLessonEntry)
    const reaction = change.reaction === undefined ? (held?.reaction ?? null) : change.reaction
    const comment =
      change.comment === undefined ? (held?.comment ?? '') : change.comment.slice(0, MAX_COMMENT_LENGTH)
    if (
      held !== null &&
      held.reaction === reaction &&
      held.comment === comment &&
      held.learner.name === who.name
    )
      return
    const entry: StoredLessonEntry = { learner: who, reaction, comment, updatedAt: now }
    entriesMap(doc).set(entryKey(key), entry)
  }, FEEDBACK_ORIGIN)
}

/**
 * Records the learner's answer to a question: the first try's result is kept for good, later tries are counted
 * and update whether the question is answered correctly now.
 */
export const recordAnswer = (
  doc: Y.Doc,
  learner: LearnerRef,
  lessonId: LessonId,
  questionId: string,
  correct: boolean,
  now: number = Date.now(),
): void => {
  const who = storedLearner(learner)
  requireId('lesson id', lessonId)
  requireId('question id', questionId)
  const key: EntryKey = { kind: 'question', learnerId: who.id, lessonId, questionId }
  doc.transact(() => {
    const held = readEntry(doc, key, parseAnswerEntry)
    const entry: StoredAnswerEntry =
      held === null
        ? { learner: who, firstTryCorrect: correct, tries: 1, correct, updatedAt: now }
        : {
            learner: who,
            firstTryCorrect: held.firstTryCorrect,
            tries: Math.min(held.tries + 1, MAX_TRIES),
            correct,
            updatedAt: now,
          }
    entriesMap(doc).set(entryKey(key), entry)
  }, FEEDBACK_ORIGIN)
}

/** The learner's own reaction and comment on a lesson, as the learner view shows them; null if none yet. */
export const readLessonFeedback = (
  doc: Y.Doc,
  learnerId: string,
  lessonId: LessonId,
): LessonFeedback | null => {
  const entry = readEntry(doc, { kind: 'lesson', learnerId, lessonId }, parseLessonEntry)
  return entry === null ? null : lessonFeedbackOf(lessonId, entry)
}

/** The learner's own answers to a question so far; null if they have not answered it. */
export const readQuestionAnswer = (
  doc: Y.Doc,
  learnerId: string,
  lessonId: LessonId,
  questionId: string,
): QuestionAnswer | null => {
  const entry = readEntry(doc, { kind: 'question', learnerId, lessonId, questionId }, parseAnswerEntry)
  return entry === null ? null : questionAnswerOf(lessonId, questionId, entry)
}

/** One well-formed entry as the authors read it: a learner's feedback on a lesson, or their answers to a question. */
export type FeedbackEntry =
  | { readonly kind: 'lesson'; readonly feedback: LessonFeedback }
  | { readonly kind: 'question'; readonly answer: QuestionAnswer }

const entryAt = (rawKey: string, value: unknown): FeedbackEntry | null => {
  const key = parseEntryKey(rawKey)
  if (key === null) return null
  if (key.kind === 'lesson') {
    const entry = parseLessonEntry(value, key.learnerId)
    return entry === null ? null : { kind: 'lesson', feedback: lessonFeedbackOf(key.lessonId, entry) }
  }
  const entry = parseAnswerEntry(value, key.learnerId)
  return entry === null
    ? null
    : { kind: 'question', answer: questionAnswerOf(key.lessonId, key.questionId, entry) }
}

/**
 * The entry stored under `rawKey`; null if there is none, or it is not well-formed (a key or value no version of
 * Chorus writes), so that it is skipped rather than shown half-read.
 */
export const readFeedbackEntry = (doc: Y.Doc, rawKey: string): FeedbackEntry | null =>
  entryAt(rawKey, entriesMap(doc).get(rawKey))

/** The keys of every stored entry, well-formed or not, in no particular order. */
export const feedbackKeys = (doc: Y.Doc): Iterable<string> => entriesMap(doc).keys()

/**
 * The order every device lists entries in: each replica's map iterates in the order it learnt the keys, so lists
 * follow the keys' own order instead.
 */
export const compareEntryKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Entries, already in key order, split into lesson feedback and answers. */
export const allFeedbackOf = (
  entries: Iterable<FeedbackEntry | null | undefined>,
): { feedback: LessonFeedback[]; answers: QuestionAnswer[] } => {
  const feedback: LessonFeedback[] = []
  const answers: QuestionAnswer[] = []
  for (const entry of entries) {
    if (entry?.kind === 'lesson') feedback.push(entry.feedback)
    else if (entry?.kind === 'question') answers.push(entry.answer)
  }
  return { feedback, answers }
}

/**
 * Every learner's feedback and answers, read at once, in the same order on every device (feedback-watch.ts keeps
 * such a reading current as entries change).
 */
export const readAllFeedback = (doc: Y.Doc): { feedback: LessonFeedback[]; answers: QuestionAnswer[] } =>
  allFeedbackOf(
    [...entriesMap(doc).entries()]
      .sort(([a], [b]) => compareEntryKeys(a, b))
      .map(([rawKey, value]) => entryAt(rawKey, value)),
  )

/**
 * Calls `onChange` with the keys each transaction that touched the feedback changed (added, updated or removed),
 * local or remote. Returns the unsubscribe function.
 */
export const observeFeedbackKeys = (
  doc: Y.Doc,
  onChange: (keys: ReadonlySet<string>) => void,
): (() => void) => {
  const entries = entriesMap(doc)
  const handler = (event: Y.YMapEvent<unknown>) => onChange(event.keysChanged)
  entries.observe(handler)
  return () => entries.unobserve(handler)
}
