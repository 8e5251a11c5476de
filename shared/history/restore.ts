/**
 * Restoring a lesson or the whole course to a saved version: new edits on top of the course as it is now, in one
 * transaction with the local origin — co-authors see it live and their concurrent edits merge in — never a rewind
 * or a replaced document. Each restore comes with an undo that takes back exactly that transaction.
 * The caller takes a 'before-restore' version first (takeVersion), so what the restore removes stays in history.
 */
import * as Y from 'yjs'
import { withOneShotUndo, type OneShotUndo } from '../course/one-shot-undo'
import { NOTHING_PROTECTED, protectionSince, type Protection } from '../course/protected-items'
import { restoreCourseFrom, restoreLessonFrom } from '../course/restore-from'
import { lessonsMap, metaMap, sectionsMap } from '../course/schema'
import { runCommand } from '../course/transact'
import type { LessonId } from '../course/types'

export type RestoreHandle = OneShotUndo

export interface RestoreOptions {
  /**
   * The course's encoded state vector (Y.encodeStateVector) when the restorer began reviewing the version. What
   * other people wrote after it — text, blocks, lessons, sections — is kept: the restore reverts what the restorer
   * reviewed, not what a co-author is typing now. Without it, everything that differs from the version is reverted.
   */
  readonly keepSince?: Uint8Array
}

/**
 * The course's state as the restorer begins reviewing a version (opens it or its comparison): pass it as
 * `keepSince` to restore what they reviewed and keep what others write from then on.
 */
export const beginReview = (course: Y.Doc): Uint8Array => Y.encodeStateVector(course)

const protectionFor = (course: Y.Doc, options: RestoreOptions): Protection =>
  options.keepSince === undefined ? NOTHING_PROTECTED : protectionSince(course, options.keepSince)

/** Runs `change` as one command whose undo takes back that command alone (as addImportToCourse's). */
const undoable = (
  course: Y.Doc,
  scope: Parameters<typeof withOneShotUndo>[0],
  change: () => void,
): RestoreHandle => withOneShotUndo(scope, () => runCommand(course, change)).handle

/**
 * The lesson's title, place and body as the version has them; a lesson deleted since comes back. Unchanged blocks
 * and words are left alone. A lesson the version does not have is left as it is (nothing to restore).
 */
export const restoreLesson = (
  course: Y.Doc,
  version: Y.Doc,
  lessonId: LessonId,
  options: RestoreOptions = {},
): RestoreHandle =>
  undoable(course, [sectionsMap(course), lessonsMap(course)], () => {
    restoreLessonFrom(course, version, lessonId, protectionFor(course, options))
  })

/**
 * The whole course as the version has it: details and settings, sections and lessons. Lessons deleted since come
 * back; lessons and sections added since are deleted (the 'before-restore' version keeps them), except those
 * others added after `keepSince`.
 */
export const restoreCourse = (course: Y.Doc, version: Y.Doc, options: RestoreOptions = {}): RestoreHandle =>
  undoable(course, [metaMap(course), sectionsMap(course), lessonsMap(course)], () =>
    restoreCourseFrom(course, version, protectionFor(course, options)),
  )
