import type { CourseState } from '../../../shared/team/types'

/** A team course's state in words, as the board and the catalog say it: always as text, never only as a colour. */
export const courseStateLabel = (state: CourseState): string => {
  switch (state) {
    case 'draft':
      return 'Draft'
    case 'review':
      return 'In review'
    case 'published':
      return 'Published'
  }
}
