/**
 * Writes an import plan into a course. A new course is built whole in a Y.Doc in memory (the caller stores it
 * in one go, so closing the app half-way leaves nothing behind); adding to an existing course is one transaction
 * with the local origin, and comes with an undo that takes back exactly that import.
 */
import * as Y from 'yjs'
import { addLesson, addSection, createCourse, writeLessonContent } from '../course/commands'
import { withOneShotUndo, type OneShotUndo } from '../course/one-shot-undo'
import { LOCAL_ORIGIN } from '../course/origins'
import { lessonsMap, sectionsMap } from '../course/schema'
import type { CourseId } from '../course/types'
import type { ImportPlan } from './outline-plan'

const writePlan = (doc: Y.Doc, plan: ImportPlan): number => {
  let lessons = 0
  for (const section of plan.sections) {
    const sectionId = addSection(doc, { title: section.title })
    for (const lesson of section.lessons) {
      const lessonId = addLesson(doc, { sectionId, title: lesson.title })
      if ((lesson.content.content ?? []).length > 0) writeLessonContent(doc, lessonId, lesson.content)
      lessons++
    }
  }
  return lessons
}

export interface NewImportedCourse {
  readonly id: CourseId
  readonly title?: string
  readonly author?: string
  readonly now?: number
}

/** A new course document holding the plan; the caller stores it (and `plan.media`) as one unit. */
export const buildImportedCourse = (plan: ImportPlan, course: NewImportedCourse): Y.Doc => {
  const doc = new Y.Doc()
  doc.transact(() => {
    createCourse(doc, {
      id: course.id,
      title: course.title ?? plan.title,
      ...(course.author === undefined ? {} : { author: course.author }),
      ...(course.now === undefined ? {} : { now: course.now }),
    })
    writePlan(doc, plan)
  }, LOCAL_ORIGIN)
  return doc
}

/** An import into an open course: how many lessons it added, and the undo that takes back exactly that import. */
export interface AddedImport extends OneShotUndo {
  readonly lessons: number
}

/**
 * Appends the plan's sections to an existing course as one transaction: one step for co-authors, for storage and
 * for the returned undo, which tracks that transaction alone.
 */
export const addImportToCourse = (doc: Y.Doc, plan: ImportPlan): AddedImport => {
  const { result: lessons, handle } = withOneShotUndo([sectionsMap(doc), lessonsMap(doc)], () =>
    doc.transact(() => writePlan(doc, plan), LOCAL_ORIGIN),
  )
  return { lessons, ...handle }
}
