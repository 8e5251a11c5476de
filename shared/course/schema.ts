/**
 * The one place that knows a course's Y.Doc shape. Everything else in shared/course reaches the document
 * through these keys and accessors; nothing outside shared/course does at all.
 *
 * - root Y.Map `meta`: course metadata and settings, one plain value per key.
 * - root Y.Map `sections`: sectionId → Y.Map { title, order, deleted }. Sections are tombstoned, never removed,
 *   so a lesson added concurrently to a deleted section still has a home and is not lost.
 * - root Y.Map `lessons`: lessonId → Y.Map { title, place: { sectionId, order }, body: Y.XmlFragment }.
 *   `place` is one JSON value so a move changes section and position atomically (last writer wins, never a
 *   duplicate). Order = sort by the fractional-indexing key, tie-break by id.
 */
import * as Y from 'yjs'

/** Bump together with a migration in migrate.ts. */
export const CURRENT_SCHEMA_VERSION = 1

export const ROOT = {
  meta: 'meta',
  sections: 'sections',
  lessons: 'lessons',
} as const

export const META = {
  schemaVersion: 'schemaVersion',
  id: 'id',
  title: 'title',
  description: 'description',
  language: 'language',
  authors: 'authors',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
  passingScore: 'passingScore',
  completionRule: 'completionRule',
  askLessonReactions: 'askLessonReactions',
} as const

export const SECTION = {
  title: 'title',
  order: 'order',
  deleted: 'deleted',
} as const

export const LESSON = {
  title: 'title',
  place: 'place',
  body: 'body',
} as const

export const DEFAULTS = {
  language: 'en',
  passingScore: 80,
  completionRule: 'all-lessons-viewed',
  // Absent in every course made before the setting existed, so they read as off without a migration.
  askLessonReactions: false,
} as const

/** A lesson's position, stored as one JSON value. */
export interface StoredPlace {
  readonly sectionId: string
  readonly order: string
}

export const metaMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(ROOT.meta)
export const sectionsMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap(ROOT.sections)
export const lessonsMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap(ROOT.lessons)

/** Values come from peers, so every read checks the type instead of trusting it. */
export const stringOr = (value: unknown, fallback: string): string =>
  typeof value === 'string' ? value : fallback

export const booleanOr = (value: unknown, fallback: boolean): boolean =>
  typeof value === 'boolean' ? value : fallback

export const numberOr = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback

export const parsePlace = (value: unknown): StoredPlace | undefined => {
  if (typeof value !== 'object' || value === null) return undefined
  const { sectionId, order } = value as { sectionId?: unknown; order?: unknown }
  return typeof sectionId === 'string' && typeof order === 'string' ? { sectionId, order } : undefined
}

export const lessonPlace = (lesson: Y.Map<unknown>): StoredPlace | undefined =>
  parsePlace(lesson.get(LESSON.place))

export const lessonBodyOf = (lesson: Y.Map<unknown>): Y.XmlFragment | undefined => {
  const body = lesson.get(LESSON.body)
  return body instanceof Y.XmlFragment ? body : undefined
}
