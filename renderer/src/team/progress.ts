import type * as Y from 'yjs'
import { courseLessonCount, courseWordCount } from '../../../shared/course/word-count'
import type { CourseProgress, TeamPerson } from '../../../shared/team/types'

export interface ProgressInput {
  readonly courseDoc: Y.Doc
  readonly me: TeamPerson
  /** What the team space holds now, if anything: co-authors and the last edit carry over from it. */
  readonly previous: CourseProgress | null
  readonly openComments: number
  /** When I last edited the course in this session; null if I have not (the last edit stays whoever's it was). */
  readonly editedAt: number | null
}

/**
 * A team course's progress as this device sees it: lessons and words counted from the course, open comments from
 * its review threads, and the co-authors: everyone the team space already names, plus me once I have edited.
 */
export function courseProgress({
  courseDoc,
  me,
  previous,
  openComments,
  editedAt,
}: ProgressInput): CourseProgress {
  const coAuthors = previous?.coAuthors ?? []
  const named = editedAt === null || coAuthors.some((person) => person.id === me.id)
  const person = { id: me.id, name: me.name }
  return {
    lessons: courseLessonCount(courseDoc),
    words: courseWordCount(courseDoc),
    openComments,
    coAuthors: named
      ? coAuthors.map((author) => (author.id === me.id ? person : author))
      : [...coAuthors, person],
    lastEditBy: editedAt === null ? (previous?.lastEditBy ?? null) : person,
    lastEditAt: editedAt ?? previous?.lastEditAt ?? null,
  }
}
