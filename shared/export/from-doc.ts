import type * as Y from 'yjs'
import type { ContentNode } from '../course/content'
import { readLessonContent } from '../course/content-io'
import { readCourse } from '../course/read'
import type { LessonId } from '../course/types'
import type { ExportInput, MediaBlob } from './types'

/** The export's input read from a live course document: a snapshot, every lesson body, and the given media. */
export const exportInputFromDoc = (doc: Y.Doc, media: ReadonlyMap<string, MediaBlob>): ExportInput => {
  const course = readCourse(doc)
  const lessons = new Map<LessonId, ContentNode>()
  for (const section of course.sections) {
    for (const lesson of section.lessons) lessons.set(lesson.id, readLessonContent(doc, lesson.id))
  }
  return { course, lessons, media }
}
