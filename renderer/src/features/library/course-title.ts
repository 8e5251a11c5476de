/** The one rule for a course title typed in a dialog: it must say something. */
export const requireCourseTitle = (value: string): string | null =>
  value.trim() === '' ? 'Give the course a title.' : null
