/**
 * Writes an import plan into a course. A new course is built whole in a Y.Doc in memory (the caller stores it
 * in one go, so closing the app half-way leaves nothing behind); adding to an existing course is one transaction
 * with the local origin, and comes with an undo that takes back exactly that import.
 */
import * as Y from 'yjs'
import { addLesson, addSection, createCourse, writeLessonContent } from '../course/commands'
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

export interface AddedImport {
  readonly lessons: number
  /** Takes the import back out (its sections and lessons), leaving everything else as it is. Once only. */
  readonly undo: () => void
  /** Gives up the undo (the dialog closed), so nothing keeps listening to the document. */
  readonly release: () => void
}

/**
 * Appends the plan's sections to an existing course as one transaction: one step for co-authors, for storage and
 * for the returned undo, which tracks that transaction alone.
 */
export const addImportToCourse = (doc: Y.Doc, plan: ImportPlan): AddedImport => {
  const manager = new Y.UndoManager([sectionsMap(doc), lessonsMap(doc)], {
    trackedOrigins: new Set([LOCAL_ORIGIN]),
    captureTimeout: 0,
  })
  let lessons = 0
  doc.transact(() => {
    lessons = writePlan(doc, plan)
  }, LOCAL_ORIGIN)
  // Only the import is ever undone through this manager: it stops listening before anyone edits again.
  manager.trackedOrigins.delete(LOCAL_ORIGIN)
  let used = false
  return {
    lessons,
    undo: () => {
      if (used) return
      used = true
      manager.trackedOrigins.add(LOCAL_ORIGIN)
      manager.undo()
      manager.destroy()
    },
    release: () => {
      if (used) return
      used = true
      manager.destroy()
    },
  }
}
