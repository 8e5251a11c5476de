/** A team course's live progress in a few short facts, as the board and the need's detail list them. */
import type { CourseProgress } from '../../../../shared/team/types'
import { countOf, listNames } from './need-labels'

/** "4 lessons", "812 words", "2 open comments", "Co-authors: Ana and Bo"; the last edit is said apart (a time). */
export const progressFacts = (progress: CourseProgress): string[] => [
  countOf(progress.lessons, 'lesson', 'lessons'),
  countOf(progress.words, 'word', 'words'),
  countOf(progress.openComments, 'open comment', 'open comments'),
  ...(progress.coAuthors.length === 0
    ? []
    : [`Co-authors: ${listNames(progress.coAuthors.map((person) => person.name))}`]),
]
