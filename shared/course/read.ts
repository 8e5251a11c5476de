/**
 * Plain snapshots of a course for the UI and the exporter. Nothing here hands out a Y type except
 * `lessonBody`, the one escape hatch through which Tiptap edits a lesson's text.
 */
import type * as Y from 'yjs'
import { readOutline } from './outline'
import {
  DEFAULTS,
  LESSON,
  META,
  booleanOr,
  lessonBodyOf,
  lessonsMap,
  metaMap,
  numberOr,
  sectionsMap,
  stringOr,
} from './schema'
import type {
  CompletionRule,
  CourseId,
  CourseMeta,
  CourseSnapshot,
  LessonId,
  LessonSummary,
  SectionId,
  SectionSnapshot,
} from './types'

/** True once `createCourse` ran here or its result arrived from a peer or from storage. */
export const isCourseInitialised = (doc: Y.Doc): boolean => metaMap(doc).has(META.schemaVersion)

const COMPLETION_RULES: readonly CompletionRule[] = ['all-lessons-viewed', 'passing-score']

const readCompletionRule = (value: unknown): CompletionRule =>
  COMPLETION_RULES.find((rule) => rule === value) ?? DEFAULTS.completionRule

const readAuthors = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((author): author is string => typeof author === 'string') : []

/** The course's title, dates and settings, without reading its outline (which grows with the course). */
export const readCourseMeta = (doc: Y.Doc): CourseMeta => {
  const meta = metaMap(doc)
  const createdAt = numberOr(meta.get(META.createdAt), 0)
  return {
    id: stringOr(meta.get(META.id), '') as CourseId,
    title: stringOr(meta.get(META.title), ''),
    description: stringOr(meta.get(META.description), ''),
    language: stringOr(meta.get(META.language), DEFAULTS.language),
    authors: readAuthors(meta.get(META.authors)),
    createdAt,
    updatedAt: numberOr(meta.get(META.updatedAt), createdAt),
    settings: {
      passingScore: numberOr(meta.get(META.passingScore), DEFAULTS.passingScore),
      completionRule: readCompletionRule(meta.get(META.completionRule)),
      askLessonReactions: booleanOr(meta.get(META.askLessonReactions), DEFAULTS.askLessonReactions),
    },
  }
}

/** The whole course as plain data. An uninitialised document reads as an empty course (see isCourseInitialised). */
export const readCourse = (doc: Y.Doc): CourseSnapshot => ({
  meta: readCourseMeta(doc),
  sections: readOutline(doc).map((section): SectionSnapshot => ({
    id: section.id as SectionId,
    title: section.title,
    lessons: section.lessons.map((lesson): LessonSummary => ({
      id: lesson.id as LessonId,
      title: lesson.title,
      sectionId: section.id as SectionId,
    })),
  })),
})

export const readLessonTitle = (doc: Y.Doc, id: LessonId): string | undefined => {
  const lesson = lessonsMap(doc).get(id)
  return lesson === undefined ? undefined : stringOr(lesson.get(LESSON.title), '')
}

export interface FoundLesson {
  readonly lesson: LessonSummary
  readonly section: SectionSnapshot
  /** Position within the section. */
  readonly index: number
}

export const findLesson = (snapshot: CourseSnapshot, id: LessonId): FoundLesson | undefined => {
  for (const section of snapshot.sections) {
    const index = section.lessons.findIndex((lesson) => lesson.id === id)
    const lesson = section.lessons[index]
    if (lesson !== undefined) return { lesson, section, index }
  }
  return undefined
}

/** The lesson's body for Tiptap's Collaboration extension; undefined once the lesson is deleted. */
export const lessonBody = (doc: Y.Doc, id: LessonId): Y.XmlFragment | undefined => {
  const lesson = lessonsMap(doc).get(id)
  return lesson === undefined ? undefined : lessonBodyOf(lesson)
}

/**
 * Calls `listener` with a fresh snapshot after every transaction that changed the metadata, the outline or a
 * title — once per transaction, and never for edits inside a lesson body, which would re-render the outline
 * on every keystroke. Returns the unsubscribe function.
 */
export const observeCourse = (doc: Y.Doc, listener: (snapshot: CourseSnapshot) => void): (() => void) => {
  // The three roots and each section's and lesson's own map; lesson bodies sit deeper and are left out.
  const roots: ReadonlySet<unknown> = new Set([metaMap(doc), sectionsMap(doc), lessonsMap(doc)])
  const containers: ReadonlySet<unknown> = new Set([sectionsMap(doc), lessonsMap(doc)])
  const onTransaction = (transaction: Y.Transaction): void => {
    for (const type of transaction.changed.keys()) {
      if (roots.has(type) || containers.has(type.parent)) {
        listener(readCourse(doc))
        return
      }
    }
  }
  doc.on('afterTransaction', onTransaction)
  return () => doc.off('afterTransaction', onTransaction)
}
