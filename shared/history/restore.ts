/**
 * Restoring a lesson or the whole course to a saved version: new edits on top of the course as it is now, in one
 * transaction with the local origin — co-authors see it live and their concurrent edits merge in — never a rewind
 * or a replaced document. Each restore comes with an undo that takes back exactly that transaction.
 * The caller takes a 'before-restore' version first (takeVersion), so what the restore removes stays in history.
 */
import * as Y from 'yjs'
import { LOCAL_ORIGIN } from '../course/origins'
import { restoreCourseFrom, restoreLessonFrom } from '../course/restore-from'
import { lessonsMap, metaMap, sectionsMap } from '../course/schema'
import { runCommand } from '../course/transact'
import type { LessonId } from '../course/types'

export interface RestoreHandle {
  /** Takes the restore back out, leaving everyone's later and concurrent edits as they are. Once only. */
  readonly undo: () => void
  /** Gives up the undo (the notice closed), so nothing keeps listening to the document. */
  readonly release: () => void
}

/** Runs `change` as one command with an undo manager that tracks that transaction alone (as addImportToCourse). */
type UndoScope = ConstructorParameters<typeof Y.UndoManager>[0]

const undoable = (course: Y.Doc, scope: UndoScope, change: () => void): RestoreHandle => {
  const manager = new Y.UndoManager(scope, { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout: 0 })
  runCommand(course, change)
  // Only the restore is ever undone through this manager: it stops listening before anyone edits again.
  manager.trackedOrigins.delete(LOCAL_ORIGIN)
  let used = false
  return {
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

/**
 * The lesson's title, place and body as the version has them; a lesson deleted since comes back. Unchanged blocks
 * and words are left alone. A lesson the version does not have is left as it is (nothing to restore).
 */
export const restoreLesson = (course: Y.Doc, version: Y.Doc, lessonId: LessonId): RestoreHandle =>
  undoable(course, [sectionsMap(course), lessonsMap(course)], () => {
    restoreLessonFrom(course, version, lessonId)
  })

/**
 * The whole course as the version has it: details and settings, sections and lessons. Lessons deleted since come
 * back; lessons and sections added since are deleted (the 'before-restore' version keeps them).
 */
export const restoreCourse = (course: Y.Doc, version: Y.Doc): RestoreHandle =>
  undoable(course, [metaMap(course), sectionsMap(course), lessonsMap(course)], () =>
    restoreCourseFrom(course, version),
  )
